-- Certification contracts (认证合同, form 16-02; clause 4.1.4): drawn up from an ACCEPTED application, numbered from
-- certcare.contracts.number-pattern (number_counter, V4), sent, signed, terminated. The customer party is
-- copied from the application when the contract is drawn up and may be corrected while it is a DRAFT.
create sequence contract_seq increment by 50;
create table contract (
    id                    bigint primary key,
    number                text          not null unique,
    application_id        bigint        not null references application (id),
    status                text          not null,
    name                  text          not null,
    credit_code           text          not null,
    legal_representative  text,
    address               text,
    province_code         text,
    city                  text,
    postal_code           text,
    contact_name          text,
    contact_phone         text,
    contact_email         text,
    schemes               text[]        not null default '{}',
    scope                 text,
    scope_en              text,
    sites                 jsonb         not null default '[]',
    initial_audit_fee     numeric(14, 2),
    surveillance_fee      numeric(14, 2),
    payment_terms         text,
    application_accepted_on date,
    drafted_on            date          not null,
    sent_at               timestamptz,
    signed_on             date,
    terminated_at         timestamptz,
    termination_reason    text,
    version               integer       not null default 0,
    created_by            text          not null,
    created_at            timestamptz   not null,
    updated_by            text          not null,
    updated_at            timestamptz   not null
);
-- one contract in force or in the making per application; a terminated one may be followed by another
create unique index contract_one_open_per_application on contract (application_id) where status <> 'TERMINATED';
create index contract_status_updated on contract (status, updated_at desc);
