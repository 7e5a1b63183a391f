-- Releases (docs/adr/0012): a version of the whole registry, fixed forever. Publishing copies
-- every table the screens and downloads read into the schema release_<id> (pinned views read it
-- through search_path) and stores each released file's bytes here, in chunks, with its SHA-256.
-- Nothing of a release can be changed or deleted afterwards: triggers refuse it for every role.
create table release (
    id           bigint generated always as identity primary key,
    version      text not null unique check (version ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$'),
    notes        text not null default '',
    published_at timestamptz not null default now(),
    published_by text not null
);

create table release_file (
    release_id bigint not null references release,
    name       text not null,
    dataset    text,
    dialect    text,
    media_type text not null,
    rows       bigint,
    bytes      bigint not null,
    sha256     text not null,
    chunks     integer not null,
    primary key (release_id, name)
);

create table release_file_chunk (
    release_id bigint not null references release,
    name       text not null,
    seq        integer not null,
    data       bytea not null,
    primary key (release_id, name, seq)
);

create function release_is_fixed() returns trigger
    language plpgsql as
$$
begin
    raise exception 'a published release is fixed: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger release_fixed before update or delete on release
    for each row execute function release_is_fixed();
create trigger release_no_truncate before truncate on release
    for each statement execute function release_is_fixed();
create trigger release_file_fixed before update or delete on release_file
    for each row execute function release_is_fixed();
create trigger release_file_no_truncate before truncate on release_file
    for each statement execute function release_is_fixed();
create trigger release_file_chunk_fixed before update or delete on release_file_chunk
    for each row execute function release_is_fixed();
create trigger release_file_chunk_no_truncate before truncate on release_file_chunk
    for each statement execute function release_is_fixed();
