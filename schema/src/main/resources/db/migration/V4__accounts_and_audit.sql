-- Accounts: editors import and revert, admins also manage users and publish releases.
create type account_role as enum ('editor', 'admin');

create table account (
    id              bigint generated always as identity primary key,
    username        text         not null unique check (username ~ '^[a-z0-9._-]{2,40}$'),
    password_hash   text         not null,
    role            account_role not null,
    enabled         boolean      not null default true,
    failed_logins   integer      not null default 0 check (failed_logins >= 0),
    locked_until    timestamptz,
    created_at      timestamptz  not null default now(),
    password_set_at timestamptz  not null default now()
);

-- The audit log: who did what, when (UTC) and from where. Append-only: no role, not even the
-- owner the registry connects as, may change or remove a row once written.
create table audit_event (
    id      bigint generated always as identity primary key,
    at      timestamptz not null default clock_timestamp(),
    actor   text        not null,
    action  text        not null check (action ~ '^[a-z_.]+$'),
    subject text,
    detail  text,
    remote  text
);

create index audit_event_at on audit_event (at desc);

create function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

revoke update, delete, truncate on audit_event from public;
