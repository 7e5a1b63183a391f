-- Figures that add up (ADR 0021): the deployment series count each person once and yearly figures
-- of snapshots add up across missions, types and contributors.
--
-- 1. Quality flags: a figure, or every figure of a source and year (optionally of one contributor
--    or mission), can carry a flag with a reason, after the observation status of SDMX/Eurostat.
--    months_covered says how many months of the year a yearly figure stands for, where it is known
--    to be fewer than twelve.
create type figure_flag_code as enum ('partial_year', 'estimated', 'provisional', 'low_reliability');

create table figure_flag (
    id               bigint generated always as identity primary key,
    source_id        bigint not null references source_document,
    year             smallint not null check (year between 1945 and 2100),
    contributor_iso3 char(3) references country,
    mission_id       bigint references mission,
    flag             figure_flag_code not null,
    months_covered   smallint check (months_covered between 1 and 12),
    reason           text not null check (reason <> ''),
    batch_id         bigint references import_batch,
    constraint figure_flag_natural_key unique nulls not distinct
        (source_id, year, contributor_iso3, mission_id, flag)
);

create index figure_flag_batch on figure_flag (batch_id);

-- 2. One statement in two languages is one fact: a source can be the translation of another (the
--    Norwegian version of an English page). A translation's figure that its original also states
--    (same contributor, year, period, type, gender and basis) is counted once, as the original.
create table source_translation (
    translation_id bigint primary key references source_document,
    original_id    bigint not null references source_document,
    batch_id       bigint references import_batch,
    check (translation_id <> original_id)
);

create index source_translation_batch on source_translation (batch_id);

-- 3. The series, anew. The type tree as (ancestor, descendant) pairs, each type its own too, and
--    each type as a bit with the bits of the types below it. Materialized (nine types): a screen
--    reads them on every request, and the planner needs their real sizes.
create materialized view personnel_type_subtree as
with recursive t(ancestor, descendant) as (
    select code, code from personnel_type
    union all
    select t.ancestor, p.code from t join personnel_type p on p.parent_code = t.descendant)
select ancestor, descendant from t;

create unique index personnel_type_subtree_pair on personnel_type_subtree (ancestor, descendant);

create materialized view personnel_type_bit as
select s.ancestor                                                                            as code,
       1 << t.sort_order                                                                     as bit,
       coalesce(sum(1 << d.sort_order) filter (where s.descendant <> s.ancestor), 0)::integer as below
from personnel_type_subtree s
         join personnel_type t on t.code = s.ancestor
         join personnel_type d on d.code = s.descendant
group by s.ancestor, t.sort_order;

analyze personnel_type_subtree;
analyze personnel_type_bit;

drop materialized view mission_set_label;
drop materialized view deployment_rollup;
drop materialized view deployment_series;

-- One row per source (its provenance: the source document, or the import batch for figures that
-- cite none), basis, gender, contributor, type, set of missions and year: the source's yearly
-- figure. Three rules make these rows safe to add up:
--  * one fact, counted once: a translation's figure that its original states too is left out;
--  * the most detailed figure counts: within one source, contributor, period, gender and basis, a
--    figure is left out when the source also gives a finer one, of a type below it (military
--    beside troops) or for missions within its own (all missions, mission_ids null, beside a
--    mission); grouping by type shows parents as the sums of what counts below them;
--  * a year is the mean over the periods the source covers in it: a cell's figures are summed and
--    divided by the number of the source's periods in that year (twelve for a full year of monthly
--    snapshots), so a contingent that moves mission in July counts half a year in each, and the
--    missions, types and contributors of a year add up to the year's figure.
-- months: the months of the year the figure stands for (distinct months of the snapshots; twelve
-- for an annual average unless a flag says fewer; null for approximate statements). flags: the
-- figure's quality flags as bits (1 partial_year, 2 estimated, 4 provisional, 8 low_reliability).
-- Written for hash joins and hash aggregates on scalar keys (a figure of one mission, nearly all
-- of them, is keyed by its mission_id; only statements and totals of all missions by a set):
-- ImportQueries.afterWrite refreshes it with sorts discouraged (1M figures: about 5 s).
create materialized view deployment_source_series as
with figure as not materialized (
         select f.id, f.basis, f.gender, f.contributor_iso3, f.personnel_type, f.year,
                coalesce(f.period_start, '-infinity'::date) as period, f.count, f.source_id,
                coalesce(f.source_id, -f.batch_id)         as provenance, f.mission_id,
                case
                    when f.mission_id is null then
                        (select array_agg(pm.mission_id order by pm.mission_id)
                         from personnel_figure_mission pm
                         where pm.figure_id = f.id)
                    end                                     as set_ids, -- null: all missions
                case
                    when f.mission_id is not null then array [f.mission_id]
                    else (select array_agg(pm.mission_id order by pm.mission_id)
                          from personnel_figure_mission pm
                          where pm.figure_id = f.id)
                    end                                     as mission_ids,
                b.bit, b.below
         from personnel_figure f
                  join personnel_type_bit b on b.code = f.personnel_type
                  left join source_translation tr on tr.translation_id = f.source_id
         where tr.original_id is null
            or not exists (select 1
                           from personnel_figure o
                           where o.source_id = tr.original_id
                             and o.contributor_iso3 = f.contributor_iso3
                             and o.year = f.year
                             and o.period_start is not distinct from f.period_start
                             and o.personnel_type = f.personnel_type
                             and o.gender = f.gender
                             and o.basis = f.basis)),
     -- the types a source gives per contributor, period, gender, basis and mission, as bits
     given as (
         select provenance, contributor_iso3, gender, basis, period, mission_id, bit_or(bit) as types
         from figure
         where mission_id is not null
         group by provenance, contributor_iso3, gender, basis, period, mission_id),
     judged as not materialized (
         select x.*,
                coalesce(g.types, 0) & x.below = 0
                    and (x.mission_id is not null
                    or not exists (select 1
                                   from figure y
                                            join personnel_type_subtree s on s.descendant = y.personnel_type
                                   where s.ancestor = x.personnel_type
                                     and y.provenance = x.provenance
                                     and y.contributor_iso3 = x.contributor_iso3
                                     and y.gender = x.gender
                                     and y.basis = x.basis
                                     and y.year = x.year
                                     and y.period = x.period
                                     and y.mission_ids is not null
                                     and (x.mission_ids is null or y.mission_ids <@ x.mission_ids)
                                     and (y.mission_ids is distinct from x.mission_ids
                                         or y.personnel_type <> x.personnel_type))) as counts
         from figure x
                  left join given g
                            on g.provenance = x.provenance and g.contributor_iso3 = x.contributor_iso3
                                and g.gender = x.gender and g.basis = x.basis and g.period = x.period
                                and g.mission_id = x.mission_id),
     coverage as (
         select provenance, basis, year,
                count(*)                                                                          as periods,
                count(distinct date_trunc('month', period)) filter (where period <> '-infinity')::smallint as months
         from (select coalesce(source_id, -batch_id) as provenance, basis, year,
                      coalesce(period_start, '-infinity'::date) as period
               from personnel_figure
               group by 1, 2, 3, 4) p
         group by provenance, basis, year),
     yearly as (
         select c.provenance, min(c.source_id) as source_id, c.basis, c.gender, c.contributor_iso3,
                c.personnel_type, c.year, min(c.mission_ids) as mission_ids,
                sum(c.count) filter (where c.counts)  as total,
                count(*) filter (where c.counts)      as figures
         from judged c
         group by c.provenance, c.basis, c.gender, c.contributor_iso3, c.personnel_type, c.year,
                  c.mission_id, c.set_ids)
select y.provenance, y.source_id, y.basis, y.gender, y.contributor_iso3, y.personnel_type, y.year,
       y.mission_ids,
       round(y.total / v.periods, 2)   as value,
       y.figures::integer              as figures,
       (case y.basis
            when 'snapshot' then nullif(v.months, 0)
            when 'annual_average' then coalesce(fl.months, 12)
           end)::smallint              as months,
       coalesce(fl.flags, 0)::smallint as flags
from yearly y
         join coverage v on v.provenance = y.provenance and v.basis = y.basis and v.year = y.year
         left join lateral (select min(ff.months_covered) as months,
                                   bit_or(1 << (array_position(enum_range(null::figure_flag_code), ff.flag) - 1)) as flags
                            from figure_flag ff
                            where ff.source_id = y.source_id
                              and ff.year = y.year
                              and (ff.contributor_iso3 is null or ff.contributor_iso3 = y.contributor_iso3)
                              and (ff.mission_id is null or ff.mission_id = any (y.mission_ids))) fl on true
where y.figures > 0;

create index deployment_source_series_cell on deployment_source_series (basis, gender, contributor_iso3, year);
create index deployment_source_series_missions on deployment_source_series using gin (mission_ids);
create index deployment_source_series_source on deployment_source_series (source_id, year);

-- What the screens add up: one row per basis, gender, contributor, type, set of missions and year,
-- the mean of the sources that give that cell (where two sources disagree the screen shows their
-- mean, and /discrepancies shows both), with its months (the fewest and most of its sources), its
-- flags and how many sources give it.
create materialized view deployment_series as
select basis,
       gender,
       contributor_iso3,
       personnel_type,
       year,
       mission_ids,
       round(avg(value), 2)     as mean,
       sum(figures)::integer    as figures,
       min(months)              as months_min,
       max(months)              as months_max,
       bit_or(flags)::smallint  as flags,
       count(*)::smallint       as sources
from deployment_source_series
group by basis, gender, contributor_iso3, personnel_type, year, mission_ids;

create index deployment_series_basis_gender_year on deployment_series (basis, gender, year);
create index deployment_series_contributor on deployment_series (contributor_iso3);
create index deployment_series_missions on deployment_series using gin (mission_ids);

-- The roll-ups (ADR 0007) as before, with months, flags and whether any cell has several sources.
create materialized view deployment_rollup as
select basis,
       gender,
       year,
       grouping(contributor_iso3, personnel_type, mission_ids)::smallint as level,
       contributor_iso3,
       personnel_type,
       mission_ids,
       sum(mean)                                                         as total,
       sum(figures)::bigint                                              as figures,
       min(months_min)                                                   as months_min,
       max(months_max)                                                   as months_max,
       bit_or(flags)::smallint                                           as flags,
       bool_or(sources > 1)                                              as several_sources
from deployment_series
group by basis, gender, year, cube (contributor_iso3, personnel_type, mission_ids);

create index deployment_rollup_level on deployment_rollup (level, basis, gender, year);
create index deployment_rollup_contributor on deployment_rollup (contributor_iso3, level);
create index deployment_rollup_missions_0 on deployment_rollup using gin (mission_ids) where level = 0;
create index deployment_rollup_missions_2 on deployment_rollup using gin (mission_ids) where level = 2;
create index deployment_rollup_missions_4 on deployment_rollup using gin (mission_ids) where level = 4;
create index deployment_rollup_missions_6 on deployment_rollup using gin (mission_ids) where level = 6;

create materialized view mission_set_label as
select s.mission_ids,
       (select string_agg(m.acronym, ' + ' order by m.acronym) from mission m where m.id = any (s.mission_ids)) as missions,
       (select string_agg(distinct c.name_en, ', ' order by c.name_en) from mission_host h join country c on c.iso3 = h.iso3
        where h.mission_id = any (s.mission_ids))                                                        as hosts_en,
       (select string_agg(distinct c.name_nb, ', ' order by c.name_nb) from mission_host h join country c on c.iso3 = h.iso3
        where h.mission_id = any (s.mission_ids))                                                        as hosts_nb
from (select distinct mission_ids from deployment_series where mission_ids is not null) s;

create unique index mission_set_label_ids on mission_set_label (mission_ids);

-- Releases published before this migration keep their numbers as published. Their roll-up gets
-- the new columns (unknown months, no flags), and empty flags, translations and source series of
-- their own, so a page pinned to such a release never reads today's from public.
do $$
declare
    s text;
begin
    for s in select nspname from pg_namespace where nspname like 'release\_%' loop
        if to_regclass(s || '.deployment_rollup') is not null then
            execute format('alter table %I.deployment_rollup add column months_min smallint,'
                               || ' add column months_max smallint,'
                               || ' add column flags smallint not null default 0,'
                               || ' add column several_sources boolean not null default false', s);
        end if;
        execute format('create table %I.figure_flag (like public.figure_flag)', s);
        execute format('create table %I.source_translation (like public.source_translation)', s);
        execute format('create table %I.deployment_source_series as select * from public.deployment_source_series with no data', s);
    end loop;
end
$$;
