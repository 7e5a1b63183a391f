-- The Engagement Registry: the whole domain in one first migration.
-- The database enforces the rules: keys, foreign keys to code lists, natural-key uniqueness,
-- non-negative counts, sane year ranges. Every fact row carries its provenance: the source
-- document it is stated in and/or the import batch that wrote it (at least one of the two).

-- ---------------------------------------------------------------------------------------------
-- Provenance: source documents and import batches
-- ---------------------------------------------------------------------------------------------

create table source_document (
    id             bigint generated always as identity primary key,
    code           text not null unique check (code ~ '^[a-z0-9][a-z0-9_.-]{1,63}$'),
    kind           text not null check (kind in ('web_page', 'dataset')),
    title          text not null check (title <> ''),
    publisher      text not null check (publisher <> ''),
    language       text not null check (language in ('en', 'nb')),
    file_name      text,
    url            text,
    doc_date       date,
    -- how sure the date is: exact (printed), year, approximate (inferred), unknown
    date_precision text not null check (date_precision in ('exact', 'year', 'approximate', 'unknown')),
    date_note      text,
    licence        text,
    attribution    text,
    check (date_precision = 'unknown' or doc_date is not null),
    check (date_precision = 'exact' or date_note is not null)
);
comment on column source_document.date_note is 'Why the date is what it is when it is not printed in the document.';

create table import_batch (
    id               bigint generated always as identity primary key,
    kind             text not null check (kind ~ '^[a-z][a-z-]{1,40}$'),
    file_name        text not null,
    sha256           text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    encoding         text not null,
    delimiter        text not null check (delimiter in (',', ';', E'\t')),
    decimal_mark     text not null check (decimal_mark in ('.', ',')),
    imported_by      text not null,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    status           text not null check (status in ('committed', 'reverted')),
    rows_read        integer not null check (rows_read >= 0),
    rows_inserted    integer not null check (rows_inserted >= 0),
    rows_updated     integer not null check (rows_updated >= 0),
    rows_unchanged   integer not null check (rows_unchanged >= 0),
    rows_deleted     integer not null check (rows_deleted >= 0),
    source_id        bigint references source_document,
    reverts_batch_id bigint references import_batch,
    note             text,
    check (finished_at >= started_at)
);

-- ---------------------------------------------------------------------------------------------
-- Places: countries (ISO 3166) and regions
-- ---------------------------------------------------------------------------------------------

create table country (
    iso3         char(3) primary key check (iso3 ~ '^[A-Z]{3}$'),
    iso2         char(2) not null unique check (iso2 ~ '^[A-Z]{2}$'),
    numeric_code char(3) not null unique check (numeric_code ~ '^[0-9]{3}$'),
    name_en      text not null check (name_en <> ''),
    name_nb      text not null check (name_nb <> ''),
    batch_id     bigint references import_batch
);

-- Names by which sources refer to a country ("Republic of Korea", "Viet Nam", ...).
create table country_alias (
    alias    text primary key check (alias <> ''),
    iso3     char(3) not null references country,
    batch_id bigint references import_batch
);

create table region (
    code           text primary key check (code ~ '^[A-Z][A-Z0-9-]{1,39}$'),
    name_en        text not null,
    name_nb        text not null,
    description_en text,
    description_nb text,
    source_id      bigint references source_document,
    batch_id       bigint references import_batch,
    check (num_nonnulls(source_id, batch_id) >= 1)
);

create table region_country (
    region_code text not null references region,
    iso3        char(3) not null references country,
    source_id   bigint references source_document,
    batch_id    bigint references import_batch,
    primary key (region_code, iso3)
);

-- ---------------------------------------------------------------------------------------------
-- Organisations: intergovernmental bodies, networks, training centres, armed groups, ...
-- ---------------------------------------------------------------------------------------------

create table organisation (
    id                       bigint generated always as identity primary key,
    code                     text not null unique check (code ~ '^[A-Z0-9][A-Za-z0-9-]{0,39}$'),
    name_en                  text not null,
    name_nb                  text not null,
    kind                     text not null check (kind in ('intergovernmental', 'regional_organisation',
                                                           'network', 'armed_group', 'political_movement',
                                                           'training_centre', 'government_agency', 'other')),
    founded_year             smallint check (founded_year between 1800 and 2100),
    member_count             integer check (member_count >= 0),
    member_count_approximate boolean not null default false,
    seat_iso3                char(3) references country,
    source_id                bigint references source_document,
    batch_id                 bigint references import_batch,
    check (num_nonnulls(source_id, batch_id) >= 1)
);

-- ---------------------------------------------------------------------------------------------
-- Missions: UN peacekeeping operations, special political missions, support offices
-- ---------------------------------------------------------------------------------------------

create table mission (
    id                 bigint generated always as identity primary key,
    acronym            text not null unique check (acronym ~ '^[A-Z][A-Z0-9 -]{0,23}[A-Z0-9]$'),
    name_en            text not null check (name_en <> ''),
    name_nb            text,
    kind               text not null check (kind in ('peacekeeping', 'political', 'support_office')),
    lead_department    text,
    un_dataset_id      integer unique,
    start_date         date,
    end_date           date,
    status             text not null check (status in ('active', 'closed')),
    hq_location        text,
    hq_longitude       numeric(9, 6) check (hq_longitude between -180 and 180),
    hq_latitude        numeric(8, 6) check (hq_latitude between -90 and 90),
    source_last_update date,
    source_id          bigint references source_document,
    batch_id           bigint references import_batch,
    check (end_date >= start_date),
    check (status = 'closed' or end_date is null),
    check (start_date >= date '1945-01-01' and end_date <= date '2100-12-31'),
    check (num_nonnulls(source_id, batch_id) >= 1)
);

-- One mission can have several host countries (UNTSO: Israel, Egypt, Lebanon, Syria, Jordan).
create table mission_host (
    mission_id bigint not null references mission on delete cascade,
    iso3       char(3) not null references country,
    source_id  bigint references source_document,
    batch_id   bigint references import_batch,
    primary key (mission_id, iso3)
);

create table mission_region (
    mission_id  bigint not null references mission on delete cascade,
    region_code text not null references region,
    source_id   bigint references source_document,
    batch_id    bigint references import_batch,
    primary key (mission_id, region_code)
);

-- MONUC -> MONUSCO, MINUSTAH -> MINUJUSTH, UNMC -> UNVMC, ...
create table mission_succession (
    predecessor_id bigint not null references mission on delete cascade,
    successor_id   bigint not null references mission on delete cascade,
    source_id      bigint references source_document,
    batch_id       bigint references import_batch,
    primary key (predecessor_id, successor_id),
    check (predecessor_id <> successor_id)
);

-- ---------------------------------------------------------------------------------------------
-- Personnel figures
-- ---------------------------------------------------------------------------------------------

-- The code lists of personnel figures are enum types, not foreign keys to lookup tables: the
-- database still refuses unknown codes, without a foreign-key trigger per row (measured: each
-- such trigger costs COPY of 1M figures about 12 s on the benchmark machine). The tables beside
-- them hold the names in both languages.
create type personnel_type_code as enum ('uniformed', 'military', 'troops', 'staff_officers',
    'experts_on_mission', 'police', 'individual_police', 'formed_police_units', 'civilians');
create type gender_code as enum ('female', 'male', 'total');
create type basis_code as enum ('snapshot', 'annual_average', 'approximate_statement');

create table personnel_type (
    code        personnel_type_code primary key,
    parent_code personnel_type_code references personnel_type,
    name_en     text not null,
    name_nb     text not null,
    sort_order  smallint not null unique
);

insert into personnel_type (code, parent_code, name_en, name_nb, sort_order) values
    ('uniformed', null, 'Uniformed personnel (all types)', 'Uniformert personell (alle typer)', 1),
    ('military', 'uniformed', 'Military personnel', 'Militært personell', 2),
    ('troops', 'military', 'Troops', 'Tropper', 3),
    ('staff_officers', 'military', 'Staff officers', 'Stabsoffiserer', 4),
    ('experts_on_mission', 'military', 'Experts on mission / military observers', 'Eksperter på oppdrag / militære observatører', 5),
    ('police', 'uniformed', 'Police', 'Politi', 6),
    ('individual_police', 'police', 'Individual police officers', 'Enkeltstående polititjenestepersoner', 7),
    ('formed_police_units', 'police', 'Formed police units', 'Formerte politienheter', 8),
    ('civilians', null, 'Civilian personnel', 'Sivilt personell', 9);

create table gender (
    code    gender_code primary key,
    name_en text not null,
    name_nb text not null
);

insert into gender (code, name_en, name_nb) values
    ('female', 'Female', 'Kvinner'),
    ('male', 'Male', 'Menn'),
    ('total', 'Total (all genders)', 'Totalt (alle kjønn)');

create table figure_basis (
    code           basis_code primary key,
    name_en        text not null,
    name_nb        text not null,
    description_en text not null,
    description_nb text not null
);

insert into figure_basis (code, name_en, name_nb, description_en, description_nb) values
    ('snapshot', 'Snapshot on a date', 'Øyeblikksbilde på en dato',
     'The number of personnel deployed on one date.',
     'Antall personell utplassert på én dato.'),
    ('annual_average', 'Annual average of monthly reports', 'Årsgjennomsnitt av månedsrapporter',
     'The average of the UN''s monthly contribution reports over a calendar year, rounded.',
     'Gjennomsnittet av FNs månedlige bidragsrapporter over et kalenderår, avrundet.'),
    ('approximate_statement', 'Approximate figure in a policy text', 'Omtrentlig tall i en politisk tekst',
     'A figure stated in a policy text, such as "around 45"; not a count.',
     'Et tall oppgitt i en politisk tekst, som «omkring 45»; ikke en telling.');

create table personnel_figure (
    id               bigint generated always as identity primary key,
    contributor_iso3 char(3) not null references country,
    -- null when one statement covers several missions: see personnel_figure_mission
    mission_id       bigint references mission,
    year             smallint not null check (year between 1945 and 2100),
    period_start     date,
    period_end       date,
    personnel_type   personnel_type_code not null,
    gender           gender_code not null,
    count            numeric(12, 2) not null check (count >= 0),
    basis            basis_code not null,
    approximate      boolean not null default false,
    stated_text      text,
    source_id        bigint references source_document,
    batch_id         bigint references import_batch,
    check (period_end >= period_start),
    check (period_start is null or extract(year from period_start) = year),
    check (basis <> 'approximate_statement' or approximate),
    check (num_nonnulls(source_id, batch_id) >= 1),
    constraint personnel_figure_natural_key unique nulls not distinct
        (contributor_iso3, mission_id, year, period_start, personnel_type, gender, basis, source_id)
);

create index personnel_figure_mission_year on personnel_figure (mission_id, year);
create index personnel_figure_year on personnel_figure (year);
create index personnel_figure_batch on personnel_figure (batch_id);

-- The missions one statement covers, as stated: "around 30 police officers ... in Haiti (MINUSMA)"
-- keeps "Haiti" as the stated place even where it does not match the mission's host.
create table personnel_figure_mission (
    figure_id    bigint not null references personnel_figure on delete cascade,
    mission_id   bigint not null references mission,
    stated_place text,
    primary key (figure_id, mission_id)
);

-- ---------------------------------------------------------------------------------------------
-- Peace processes, parties, milestones, facilitator roles
-- ---------------------------------------------------------------------------------------------

create table peace_process (
    id           bigint generated always as identity primary key,
    code         text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    name_en      text not null,
    name_nb      text not null,
    conflict_en  text,
    conflict_nb  text,
    country_iso3 char(3) references country,
    region_code  text references region,
    status       text not null check (status in ('ongoing', 'agreement_reached', 'concluded', 'suspended', 'discreet')),
    start_year   smallint check (start_year between 1945 and 2100),
    end_year     smallint check (end_year between 1945 and 2100),
    source_id    bigint references source_document,
    batch_id     bigint references import_batch,
    check (end_year >= start_year),
    check (num_nonnulls(source_id, batch_id) >= 1)
);

create table peace_process_party (
    id              bigint generated always as identity primary key,
    process_id      bigint not null references peace_process on delete cascade,
    party_iso3      char(3) references country,
    party_org_id    bigint references organisation,
    source_id       bigint references source_document,
    batch_id        bigint references import_batch,
    check (num_nonnulls(party_iso3, party_org_id) = 1),
    check (num_nonnulls(source_id, batch_id) >= 1),
    unique nulls not distinct (process_id, party_iso3, party_org_id)
);

create table peace_process_milestone (
    id             bigint generated always as identity primary key,
    process_id     bigint not null references peace_process on delete cascade,
    occurred_on    date not null check (occurred_on between date '1945-01-01' and date '2100-12-31'),
    date_precision text not null check (date_precision in ('day', 'month', 'year')),
    kind           text not null check (kind in ('agreement', 'talks_started', 'talks_ended', 'ceasefire', 'other')),
    description_en text not null,
    description_nb text not null,
    source_id      bigint references source_document,
    batch_id       bigint references import_batch,
    check (num_nonnulls(source_id, batch_id) >= 1),
    unique (process_id, occurred_on, kind)
);

create table facilitator_role (
    id           bigint generated always as identity primary key,
    process_id   bigint not null references peace_process on delete cascade,
    actor_iso3   char(3) references country,
    actor_org_id bigint references organisation,
    role         text not null check (role in ('facilitator', 'co_facilitator', 'guarantor', 'observer',
                                               'supporter', 'donor')),
    start_year   smallint check (start_year between 1945 and 2100),
    end_year     smallint check (end_year between 1945 and 2100),
    source_id    bigint references source_document,
    batch_id     bigint references import_batch,
    check (num_nonnulls(actor_iso3, actor_org_id) = 1),
    check (end_year >= start_year),
    check (num_nonnulls(source_id, batch_id) >= 1),
    constraint facilitator_role_natural_key unique nulls not distinct
        (process_id, actor_iso3, actor_org_id, role, start_year, source_id)
);

-- ---------------------------------------------------------------------------------------------
-- Funding programmes and yearly allocations
-- ---------------------------------------------------------------------------------------------

create table funding_programme (
    id             bigint generated always as identity primary key,
    code           text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    name_en        text not null,
    name_nb        text not null,
    theme          text not null check (theme in ('organised_crime', 'violent_extremism', 'peacekeeping_training',
                                                  'maritime_security', 'women_peace_security', 'other')),
    owner_iso3     char(3) references country,
    owner_org_id   bigint references organisation,
    start_year     smallint check (start_year between 1945 and 2100),
    end_year       smallint check (end_year between 1945 and 2100),
    description_en text,
    description_nb text,
    source_id      bigint references source_document,
    batch_id       bigint references import_batch,
    check (num_nonnulls(owner_iso3, owner_org_id) = 1),
    check (end_year >= start_year),
    check (num_nonnulls(source_id, batch_id) >= 1)
);

create table funding_partner (
    id             bigint generated always as identity primary key,
    programme_id   bigint not null references funding_programme on delete cascade,
    partner_iso3   char(3) references country,
    partner_org_id bigint references organisation,
    source_id      bigint references source_document,
    batch_id       bigint references import_batch,
    check (num_nonnulls(partner_iso3, partner_org_id) = 1),
    unique nulls not distinct (programme_id, partner_iso3, partner_org_id)
);

create table funding_place (
    id           bigint generated always as identity primary key,
    programme_id bigint not null references funding_programme on delete cascade,
    iso3         char(3) references country,
    region_code  text references region,
    source_id    bigint references source_document,
    batch_id     bigint references import_batch,
    check (num_nonnulls(iso3, region_code) = 1),
    unique nulls not distinct (programme_id, iso3, region_code)
);

create table funding_allocation (
    id           bigint generated always as identity primary key,
    programme_id bigint not null references funding_programme on delete cascade,
    year         smallint not null check (year between 1945 and 2100),
    amount       numeric(16, 2) not null check (amount >= 0),
    currency     char(3) not null check (currency ~ '^[A-Z]{3}$'),
    kind         text not null check (kind in ('committed', 'disbursed')),
    source_id    bigint references source_document,
    batch_id     bigint references import_batch,
    check (num_nonnulls(source_id, batch_id) >= 1),
    constraint funding_allocation_natural_key unique nulls not distinct (programme_id, year, kind, currency, source_id)
);

-- ---------------------------------------------------------------------------------------------
-- Treaties, diplomatic processes, candidacies, action plans
-- ---------------------------------------------------------------------------------------------

create table initiative (
    id             bigint generated always as identity primary key,
    code           text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    kind           text not null check (kind in ('treaty', 'diplomatic_process', 'candidacy', 'action_plan',
                                                 'strategic_plan', 'alliance')),
    name_en        text not null,
    name_nb        text not null,
    adopted_on     date,
    date_precision text check (date_precision in ('day', 'month', 'year')),
    place          text,
    state_count    integer check (state_count >= 0),
    start_year     smallint check (start_year between 1945 and 2100),
    end_year       smallint check (end_year between 1945 and 2100),
    lead_iso3      char(3) references country,
    description_en text,
    description_nb text,
    source_id      bigint references source_document,
    batch_id       bigint references import_batch,
    check (end_year >= start_year),
    check ((adopted_on is null) = (date_precision is null)),
    check (num_nonnulls(source_id, batch_id) >= 1)
);

-- Other facts a source states that have no better home ("more than 60 000 Norwegians have
-- served in UN-coordinated peace operations"), kept with their value and unit where they have one.
create table statement (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    subject_iso3 char(3) references country,
    text_en     text not null,
    text_nb     text not null,
    value       numeric(16, 2),
    unit        text,
    approximate boolean not null default false,
    source_id   bigint references source_document,
    batch_id    bigint references import_batch,
    check (num_nonnulls(source_id, batch_id) >= 1),
    check ((value is null) = (unit is null))
);
