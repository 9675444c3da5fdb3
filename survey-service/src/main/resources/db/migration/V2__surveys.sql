-- survey-service (4.7): templates, the read copy of clients, who is due, campaigns, dispatches with one-time links,
-- the mails to send, responses and their answers. The platform's migrations (db/platform) hold outbox and processed_event.

-- A questionnaire version (form 16-03). A version is never changed once written; a change is a new version.
create table survey_template (
    code        varchar(50)  not null,
    version     int          not null,
    title_zh    varchar(200) not null,
    title_en    varchar(200),
    definition  text         not null, -- JSON: dimensions and questions (template.TemplateDefinition)
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    used_at     timestamptz,           -- first used by a campaign
    primary key (code, version),
    constraint survey_template_version_positive check (version >= 1)
);

-- The slim copy of customer-service's clients this service needs (from the customers topic).
create table survey_client (
    customer_id        bigint       primary key,
    name               varchar(200) not null,
    province_code      varchar(6),
    professional_codes text,         -- comma-separated
    schemes            text,         -- comma-separated schemes with a VALID certification seen
    contact_email      varchar(254),
    updated_at         timestamptz  not null
);

-- A client due its first-service-cycle survey: one row per client, written when a certification first becomes VALID.
create table survey_due (
    customer_id      bigint      primary key,
    certification_id bigint      not null,
    scheme           varchar(50) not null,
    valid_since      timestamptz not null,
    campaign_id      bigint,      -- the campaign that took it; null while waiting
    created_at       timestamptz not null
);
create index survey_due_waiting on survey_due (created_at) where campaign_id is null;

create table survey_campaign (
    id               bigserial    primary key,
    quarter          varchar(7)   not null unique,
    template_code    varchar(50)  not null,
    template_version int          not null,
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    foreign key (template_code, template_version) references survey_template (code, version)
);

create table survey_dispatch (
    id              bigserial    primary key,
    campaign_id     bigint       not null references survey_campaign (id),
    customer_id     bigint       not null,
    customer_name   varchar(200) not null,
    email           varchar(254),
    status          varchar(20)  not null,
    failure_reason  varchar(500),
    expires_at      timestamptz  not null,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    last_mailed_at  timestamptz,
    reminders_sent  int          not null default 0,
    answered_at     timestamptz,
    answered_channel varchar(10),
    version         int          not null default 0,
    unique (campaign_id, customer_id),
    constraint survey_dispatch_status check (status in ('PENDING', 'SENT', 'FAILED', 'ANSWERED', 'EXPIRED'))
);
create index survey_dispatch_open on survey_dispatch (expires_at) where status in ('PENDING', 'SENT', 'FAILED');

-- One-time links: only the SHA-256 of the token is kept. Each mail carries a fresh token; all of a dispatch's tokens
-- lead to the same single answer.
create table survey_link (
    token_hash  char(64)    primary key,
    dispatch_id bigint      not null references survey_dispatch (id),
    created_at  timestamptz not null
);
create index survey_link_dispatch on survey_link (dispatch_id);

-- Mails to send (invitation, reminder): written in the business transaction, sent after it committed.
create table survey_mail (
    id          bigserial   primary key,
    dispatch_id bigint      not null references survey_dispatch (id),
    kind        varchar(20) not null,
    status      varchar(20) not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    error       varchar(500),
    constraint survey_mail_kind check (kind in ('INVITATION', 'REMINDER')),
    constraint survey_mail_status check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED'))
);
create index survey_mail_pending on survey_mail (id) where status = 'PENDING';

create table survey_response (
    id               bigserial     primary key,
    dispatch_id      bigint        not null references survey_dispatch (id),
    campaign_id      bigint        not null references survey_campaign (id),
    customer_id      bigint        not null,
    quarter          varchar(7)    not null,
    channel          varchar(10)   not null,
    template_code    varchar(50)   not null,
    template_version int           not null,
    score            numeric(5, 2),
    answered_at      timestamptz   not null,
    entered_by       varchar(100),
    constraint survey_response_one_per_dispatch unique (dispatch_id),
    constraint survey_response_channel check (channel in ('ONLINE', 'PHONE', 'FAX'))
);
create index survey_response_quarter on survey_response (quarter);

create table survey_answer (
    response_id   bigint        not null references survey_response (id),
    question_code varchar(50)   not null,
    dimension     varchar(50),
    weight        numeric(6, 2),
    likert        smallint,
    choices       text,         -- comma-separated option codes
    text_value    text,
    primary key (response_id, question_code),
    constraint survey_answer_likert check (likert between 1 and 5)
);
