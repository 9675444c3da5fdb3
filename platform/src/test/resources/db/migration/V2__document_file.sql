-- The platform's test app stands in for a service: the storage package's table, as a service's own migration creates it.
create table document_file (
    id         text primary key,
    content    bytea       not null,
    size_bytes bigint      not null,
    sha256     text        not null,
    created_at timestamptz not null default now()
);
alter table document_file alter column content set storage external;
