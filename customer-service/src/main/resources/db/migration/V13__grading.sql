-- Grading of customers (分等分级, procedure 4.2.3): the audit team's on-site feedback is the main basis, serious
-- complaints and overdue surveillance are references. The rules are configuration (certcare.grading.*); each
-- computed grade is stored with the inputs that counted, so anyone sees why a customer has it.

-- The audit team's on-site feedback on the client's management system, recorded by an auditor or market.
create sequence onsite_feedback_seq start with 1 increment by 50;
create table onsite_feedback (
    id                       bigint primary key,
    client_id                bigint        not null references client (id) on delete cascade,
    certification_id         bigint        references certification (id) on delete set null,
    audited_on               date          not null,
    audit_type               varchar(20)   not null,
    management_commitment    smallint      not null check (management_commitment between 1 and 5),
    documentation            smallint      not null check (documentation between 1 and 5),
    implementation           smallint      not null check (implementation between 1 and 5),
    corrective_action        smallint      not null check (corrective_action between 1 and 5),
    major_nonconformities    integer       not null check (major_nonconformities >= 0),
    minor_nonconformities    integer       not null check (minor_nonconformities >= 0),
    remarks                  varchar(2000),
    recorded_by              varchar(100)  not null,
    recorded_at              timestamptz   not null
);
create index onsite_feedback_client on onsite_feedback (client_id, audited_on desc, id desc);

-- Serious complaints about the client (feedback-service's SeriousComplaintRecorded), one per feedback item.
create table client_serious_complaint (
    feedback_item_id  varchar(40)   primary key,
    client_id         bigint        not null references client (id) on delete cascade,
    reference         varchar(60)   not null,
    kind              varchar(40),
    automatic         boolean       not null,
    recorded_at       timestamptz   not null,
    stored_at         timestamptz   not null
);
create index client_serious_complaint_client on client_serious_complaint (client_id, recorded_at);

-- The grade as computed (with its inputs as JSON) and a market override, one row per graded customer.
create table client_grade (
    client_id        bigint        primary key references client (id) on delete cascade,
    computed_grade   varchar(1),
    score            numeric(6, 1),
    inputs           jsonb         not null,
    computed_at      timestamptz   not null,
    override_grade   varchar(1),
    override_reason  varchar(500),
    overridden_by    varchar(100),
    overridden_at    timestamptz,
    constraint client_grade_override check ((override_grade is null) = (override_reason is null))
);

-- Every change of a customer's grade: from, to, computed or override, by whom, why (reason or inputs), when.
create sequence client_grade_change_seq start with 1 increment by 50;
create table client_grade_change (
    id           bigint primary key,
    client_id    bigint        not null references client (id) on delete cascade,
    from_grade   varchar(1),
    to_grade     varchar(1),
    source       varchar(20)   not null,
    changed_by   varchar(100)  not null,
    reason       varchar(500),
    inputs       jsonb,
    changed_at   timestamptz   not null
);
create index client_grade_change_client on client_grade_change (client_id, changed_at desc, id desc);

-- The grade in force (the override, else the computed one) on the customer row: the list's filter and view.
-- Written only by grading, never by a customer update (it does not change the customer's version).
alter table client add column grade varchar(1);
create index client_grade_filter on client (grade) where grade is not null;
