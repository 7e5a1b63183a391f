-- The deployments screen aggregates series, not figures: one row per basis, gender, contributor,
-- set of missions, personnel type and year, with the mean of its figures (ADR 0006) and how many
-- figures lie behind it. Pre-aggregated so a screen does not read every figure (target: p95
-- 50 ms on 1M figures). Imports refresh it in their own transaction.
create materialized view deployment_series as
select basis,
       gender,
       contributor_iso3,
       personnel_type,
       year,
       mission_ids,
       round(avg(count), 2) as mean,
       count(*)::integer    as figures
from (select f.basis, f.gender, f.contributor_iso3, f.personnel_type, f.year, f.count,
             case
                 when f.mission_id is not null then array [f.mission_id]
                 else (select array_agg(pm.mission_id order by pm.mission_id)
                       from personnel_figure_mission pm
                       where pm.figure_id = f.id)
                 end as mission_ids
      from personnel_figure f) figure
group by basis, gender, contributor_iso3, personnel_type, year, mission_ids;

create index deployment_series_basis_gender_year on deployment_series (basis, gender, year);
create index deployment_series_contributor on deployment_series (contributor_iso3);
create index deployment_series_missions on deployment_series using gin (mission_ids);

-- Labels of a set of missions and of its hosts, computed once per distinct set.
create view mission_set_label as
select s.mission_ids,
       (select string_agg(m.acronym, ' + ' order by m.acronym) from mission m where m.id = any (s.mission_ids)) as missions,
       (select string_agg(distinct c.name_en, ', ' order by c.name_en) from mission_host h join country c on c.iso3 = h.iso3
        where h.mission_id = any (s.mission_ids))                                                        as hosts_en,
       (select string_agg(distinct c.name_nb, ', ' order by c.name_nb) from mission_host h join country c on c.iso3 = h.iso3
        where h.mission_id = any (s.mission_ids))                                                        as hosts_nb
from (select distinct mission_ids from deployment_series) s;
