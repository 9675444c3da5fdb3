-- The public directory of certified clients and the certificate check (4.10.2; ISO/IEC 17021-1 8.1.2).

-- A client's name as the public search compares it (the platform's Text.searchKey: NFKC, lower-case), kept by
-- PostgreSQL itself: the public search reads names only, never contacts or credit codes (search_text has those).
alter table client add column name_search text generated always as (lower(normalize(name, NFKC))) stored;
create index client_name_search_trgm on client using gin (name_search gin_trgm_ops);

-- A client left out of the public directory (8.1.2's exception), with the reason. Its own table, not columns of
-- client: restricting is not an edit of the customer form (it must not make an open form stale).
create table client_directory_restriction (
    client_id     bigint       primary key references client (id) on delete cascade,
    reason        varchar(500) not null,
    restricted_by varchar(100) not null,
    restricted_at timestamptz  not null
);

-- The certificate check looks a number up whatever its case.
create index certification_certificate_lower on certification (lower(certificate_no)) where certificate_no is not null;
-- The directory's page: live certificates, newest issue first.
create index certification_directory on certification (issued_on desc, id desc) where status in ('VALID', 'SUSPENDED');
