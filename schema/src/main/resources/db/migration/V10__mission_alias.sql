-- Other codes for a mission, as other sources write them (the French acronym ONUCI for UNOCI,
-- a research dataset's own spelling): every import that takes a mission looks them up after the
-- acronyms, so files need no editing by hand. An alias is unique; the acronyms themselves win.
create table mission_alias (
    alias      text primary key check (alias ~ '^[A-Z][A-Z0-9 -]{0,23}[A-Z0-9]$'),
    mission_id bigint not null references mission on delete cascade,
    source_id  bigint references source_document,
    batch_id   bigint references import_batch
);

create index mission_alias_mission on mission_alias (mission_id);
create index mission_alias_batch on mission_alias (batch_id);
