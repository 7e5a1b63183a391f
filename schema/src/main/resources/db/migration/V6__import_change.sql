-- What each import changed or removed, row by row, with the row as it was: a revert puts it back
-- (ADR 0010). Rows an import added need no entry; they carry the import's batch_id.
create table import_change (
    id           bigint generated always as identity primary key,
    batch_id     bigint not null references import_batch,
    table_name   text not null,
    op           text not null check (op in ('changed', 'removed')),
    -- the import that had written the old row (null for facts taken from a source document):
    -- that import cannot be reverted while this one stands
    old_batch_id bigint references import_batch,
    old_row      jsonb not null,
    new_row      jsonb,
    check ((op = 'changed') = (new_row is not null))
);

create index import_change_batch on import_change (batch_id);
create index import_change_old_batch on import_change (old_batch_id);
