-- Roll-ups of the series for the deployments screen (ADR 0007). Series means are summed, so every
-- roll-up is exact: the cube of contributor, personnel type and mission set within each basis,
-- gender and year. "level" is GROUPING(contributor_iso3, personnel_type, mission_ids): a set bit
-- means that dimension is summed away (4 contributor, 2 type, 1 missions); level 0 is the series.
-- A screen reads the smallest level that still has every dimension it filters or groups by.
create materialized view deployment_rollup as
select basis,
       gender,
       year,
       grouping(contributor_iso3, personnel_type, mission_ids)::smallint as level,
       contributor_iso3,
       personnel_type,
       mission_ids,
       sum(mean)                                                         as total,
       sum(figures)::bigint                                              as figures
from deployment_series
group by basis, gender, year, cube (contributor_iso3, personnel_type, mission_ids);

create index deployment_rollup_level on deployment_rollup (level, basis, gender, year);
create index deployment_rollup_contributor on deployment_rollup (contributor_iso3, level);
create index deployment_rollup_missions on deployment_rollup using gin (mission_ids);

-- Labels of each set of missions, computed once per refresh instead of on every request.
drop view mission_set_label;
create materialized view mission_set_label as
select s.mission_ids,
       (select string_agg(m.acronym, ' + ' order by m.acronym) from mission m where m.id = any (s.mission_ids)) as missions,
       (select string_agg(distinct c.name_en, ', ' order by c.name_en) from mission_host h join country c on c.iso3 = h.iso3
        where h.mission_id = any (s.mission_ids))                                                        as hosts_en,
       (select string_agg(distinct c.name_nb, ', ' order by c.name_nb) from mission_host h join country c on c.iso3 = h.iso3
        where h.mission_id = any (s.mission_ids))                                                        as hosts_nb
from (select distinct mission_ids from deployment_series where mission_ids is not null) s;

create unique index mission_set_label_ids on mission_set_label (mission_ids);
