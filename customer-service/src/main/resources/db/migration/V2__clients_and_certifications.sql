-- Client enterprises (企业) and their certification records (clause 4.2.1).

create sequence client_seq start with 1 increment by 50;
create sequence certification_seq start with 1 increment by 50;
create sequence change_record_seq start with 1 increment by 50;

create table client (
    id                          bigint primary key,
    name                        varchar(200) not null,
    credit_code                 char(18)     not null,
    credit_code_override_reason varchar(500),
    province_code               char(6)      not null,
    city                        varchar(100),
    address                     varchar(300),
    postal_code                 char(6),
    contacts                    jsonb        not null default '[]',
    remarks                     varchar(2000),
    -- lower-cased name, credit code and contacts, for free-text search (pg_trgm)
    search_text                 text         not null,
    version                     integer      not null,
    created_by                  varchar(100) not null,
    created_at                  timestamptz  not null,
    updated_by                  varchar(100) not null,
    updated_at                  timestamptz  not null,
    constraint client_credit_code_unique unique (credit_code)
);
create index client_search_trgm on client using gin (search_text gin_trgm_ops);
create index client_province on client (province_code);
create index client_name on client (name);
create index client_updated_at on client (updated_at);

create table client_professional_code (
    client_id bigint      not null references client (id) on delete cascade,
    code      varchar(20) not null,
    primary key (client_id, code)
);
create index client_professional_code_code on client_professional_code (code);

create table certification (
    id                           bigint primary key,
    client_id                    bigint        not null references client (id) on delete cascade,
    scheme                       varchar(20)   not null,
    contract_no                  varchar(60),
    certificate_no               varchar(60),
    scope                        varchar(4000),
    scope_en                     varchar(4000),
    application_accepted_on      date,
    decision_on                  date,
    initial_audit_fee            numeric(14, 2),
    surveillance_fee             numeric(14, 2),
    planned_surveillance         date[]        not null default '{}',
    surveillance_override_reason varchar(500),
    implemented_on               date,
    status                       varchar(20)   not null,
    issued_on                    date,
    expires_on                   date,
    version                      integer       not null,
    created_by                   varchar(100)  not null,
    created_at                   timestamptz   not null,
    updated_by                   varchar(100)  not null,
    updated_at                   timestamptz   not null
);
create index certification_client on certification (client_id);
create index certification_status on certification (status);
create index certification_scheme on certification (scheme);
create index certification_expires on certification (expires_on);
create index certification_certificate_trgm on certification using gin (lower(certificate_no) gin_trgm_ops);
create index certification_contract_trgm on certification using gin (lower(contract_no) gin_trgm_ops);
-- one live record per client and scheme; a withdrawn, cancelled or expired one may be followed by a new one
create unique index certification_client_scheme_live on certification (client_id, scheme)
    where status not in ('WITHDRAWN', 'CANCELLED', 'EXPIRED');
-- a certificate number is unique among live certificates
create unique index certification_certificate_live on certification (certificate_no)
    where status in ('VALID', 'SUSPENDED');

create table certification_audit (
    certification_id bigint      not null references certification (id) on delete cascade,
    kind             varchar(20) not null,
    audited_on       date        not null,
    primary key (certification_id, kind, audited_on)
);
create index certification_audit_on on certification_audit (audited_on);

-- Every change to a client or one of its certifications: who, when, field, old -> new.
create table change_record (
    id          bigint primary key,
    client_id   bigint       not null,
    entity      varchar(20)  not null,
    entity_id   bigint       not null,
    field       varchar(60)  not null,
    old_value   text,
    new_value   text,
    reason      varchar(500),
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null
);
create index change_record_client on change_record (client_id, changed_at, id);
