-- Certification applications (认证申请书, form 16-01; clauses 4.1.2–4.1.4, ISO/IEC 17021-1 9.1): what the applicant
-- declared, the review checklist and decision, its attachments (bytes in document_file) and its message thread.
create sequence application_seq increment by 50;
create table application (
    id                      bigint primary key,
    reference               text        not null unique,
    -- SHA-256 (hex) of the applicant's secret; the secret itself is shown once and never kept. Null: no public access
    secret_hash             text,
    status                  text        not null,
    name                    text        not null,
    credit_code             text        not null,
    legal_representative    text,
    address                 text,
    province_code           text,
    city                    text,
    postal_code             text,
    contact_name            text,
    contact_phone           text,
    contact_email           text,
    schemes                 text[]      not null default '{}',
    scope                   text,
    scope_en                text,
    sites                   jsonb       not null default '[]',
    head_count              integer,
    shifts                  integer,
    outsourced_processes    text,
    existing_certifications text,
    consultancy_used        boolean,
    consultancy_name        text,
    language                text,
    submitted_at            timestamptz,
    decided_at              timestamptz,
    decision_reasons        text,
    -- review checklist (17021-1 9.1.2); null: not answered yet
    information_sufficient     boolean,
    scope_within_accreditation boolean,
    competence_available       boolean,
    sites_covered              boolean,
    language_covered           boolean,
    safety_considered          boolean,
    impartiality_no_conflict   boolean,
    impartiality_note          text,
    audit_days                 numeric(6, 1),
    review_notes               text,
    entered_on_behalf       boolean     not null default false,
    version                 integer     not null default 0,
    created_by              text,
    created_at              timestamptz,
    updated_by              text,
    updated_at              timestamptz
);
create index application_status_submitted on application (status, submitted_at);
create index application_updated on application (updated_at desc, id desc);

-- References are numbered without gaps from number_counter (V4, series 'application').

create sequence application_message_seq increment by 50;
create table application_message (
    id             bigint primary key,
    application_id bigint      not null references application (id),
    -- REQUEST: the body asks for information; ANSWER: the applicant answers
    kind           text        not null,
    text           text        not null,
    author         text        not null,
    written_at     timestamptz not null
);
create index application_message_application on application_message (application_id, id);

create sequence application_attachment_seq increment by 50;
create table application_attachment (
    id             bigint primary key,
    application_id bigint      not null references application (id),
    message_id     bigint references application_message (id),
    kind           text        not null,
    file_key       text        not null references document_file (id),
    file_name      text        not null,
    content_type   text        not null,
    size_bytes     bigint      not null,
    sha256         text        not null,
    uploaded_by    text        not null,
    uploaded_at    timestamptz not null
);
create index application_attachment_application on application_attachment (application_id, id);
