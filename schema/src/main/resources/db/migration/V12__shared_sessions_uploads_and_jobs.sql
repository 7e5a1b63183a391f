-- What several instances of the registry on one database share, so that any of them can serve
-- any request: the logins (Spring Session's tables, as its schema-postgresql.sql makes them), the
-- files uploaded for an import between preview and commit, and the release jobs.

create table spring_session (
  primary_id char(36) not null,
  session_id char(36) not null,
  creation_time bigint not null,
  last_access_time bigint not null,
  max_inactive_interval int not null,
  expiry_time bigint not null,
  principal_name varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name varchar(200) not null,
  attribute_bytes bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references spring_session (primary_id) on delete cascade
);

-- An uploaded file waiting for its commit or cancel: it belongs to the session that uploaded it
-- and goes with it (logout, expiry), its bytes in chunks of 1 MiB.
create table pending_upload (
  token text primary key,
  session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
  kind text not null,
  file_name text not null,
  source text,
  complete boolean not null,
  bytes bigint not null,
  created_at timestamptz not null default now()
);
create index on pending_upload (session_primary_id);

create table pending_upload_chunk (
  token text not null references pending_upload on delete cascade,
  seq int not null,
  bytes bytea not null,
  primary key (token, seq)
);

-- A release to publish: asked for by an admin, run by whichever instance claims it first, one at
-- a time; its progress is written as it goes. A job whose instance stopped is run again by another
-- (its publishing transaction was rolled back with the connection), at most twice, then failed.
create table release_job (
  id bigint generated always as identity primary key,
  version text not null,
  notes text not null,
  requested_by text not null,
  requested_from text,
  page_url text not null,
  state text not null default 'queued'
    check (state in ('queued', 'running', 'done', 'failed')),
  attempts int not null default 0,
  instance text,
  step text,
  files_done int not null default 0,
  files_total int not null default 0,
  rows_written bigint not null default 0,
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
-- one live or finished job per version; a failed one leaves the version free
create unique index release_job_version on release_job (version) where state <> 'failed';
create index on release_job (state) where state in ('queued', 'running');
