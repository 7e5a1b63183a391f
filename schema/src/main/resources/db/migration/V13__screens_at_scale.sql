-- How many facts cite each source, per kind of fact: the source screens' complete counts, read
-- instead of counting a million figures on every request. Refreshed by every import and revert
-- (ImportQueries.afterWrite), in their transaction.
create materialized view source_fact_count as
select source_id, 'personnel_figure'::text as kind, count(*)::bigint as facts from personnel_figure where source_id is not null group by source_id
union all
select source_id, 'mission'::text as kind, count(*)::bigint as facts from mission where source_id is not null group by source_id
union all
select source_id, 'mission_host'::text as kind, count(*)::bigint as facts from mission_host where source_id is not null group by source_id
union all
select source_id, 'mission_region'::text as kind, count(*)::bigint as facts from mission_region where source_id is not null group by source_id
union all
select source_id, 'mission_succession'::text as kind, count(*)::bigint as facts from mission_succession where source_id is not null group by source_id
union all
select source_id, 'mission_alias'::text as kind, count(*)::bigint as facts from mission_alias where source_id is not null group by source_id
union all
select source_id, 'organisation'::text as kind, count(*)::bigint as facts from organisation where source_id is not null group by source_id
union all
select source_id, 'region'::text as kind, count(*)::bigint as facts from region where source_id is not null group by source_id
union all
select source_id, 'region_country'::text as kind, count(*)::bigint as facts from region_country where source_id is not null group by source_id
union all
select source_id, 'peace_process'::text as kind, count(*)::bigint as facts from peace_process where source_id is not null group by source_id
union all
select source_id, 'peace_process_party'::text as kind, count(*)::bigint as facts from peace_process_party where source_id is not null group by source_id
union all
select source_id, 'milestone'::text as kind, count(*)::bigint as facts from peace_process_milestone where source_id is not null group by source_id
union all
select source_id, 'facilitator_role'::text as kind, count(*)::bigint as facts from facilitator_role where source_id is not null group by source_id
union all
select source_id, 'funding_programme'::text as kind, count(*)::bigint as facts from funding_programme where source_id is not null group by source_id
union all
select source_id, 'funding_partner'::text as kind, count(*)::bigint as facts from funding_partner where source_id is not null group by source_id
union all
select source_id, 'funding_place'::text as kind, count(*)::bigint as facts from funding_place where source_id is not null group by source_id
union all
select source_id, 'funding_allocation'::text as kind, count(*)::bigint as facts from funding_allocation where source_id is not null group by source_id
union all
select source_id, 'figure_flag'::text as kind, count(*)::bigint as facts from figure_flag where source_id is not null group by source_id
union all
select source_id, 'initiative'::text as kind, count(*)::bigint as facts from initiative where source_id is not null group by source_id
union all
select source_id, 'statement'::text as kind, count(*)::bigint as facts from statement where source_id is not null group by source_id;

create unique index source_fact_count_key on source_fact_count (source_id, kind);

-- The source screen pages through a source's figures in id order (keyset).
create index personnel_figure_source_id on personnel_figure (source_id, id);
drop index personnel_figure_source;

-- The version of the data: every import and revert moves it on in its transaction
-- (ImportQueries.afterWrite), so a result computed from one version stays right until the next
-- commit (KeptResults keeps the slower screens' results per version).
create table data_version (
    only_row boolean primary key default true check (only_row),
    version  bigint  not null
);
insert into data_version (version) values (0);

-- /discrepancies compares the sources of a cell only where the series say it has several.
create index deployment_series_several_sources on deployment_series (basis) where sources > 1;
-- ... and the approximate statements (a few among a million figures) with each other.
create index personnel_figure_statements on personnel_figure (contributor_iso3, year)
    where basis = 'approximate_statement';
-- The notes on flagged figures look for the flagged series of a source and year only.
create index deployment_source_series_flagged on deployment_source_series (source_id, year, basis)
    where flags <> 0;
