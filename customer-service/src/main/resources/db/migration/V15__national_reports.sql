-- National reporting (认证机构信息管理系统, 4.2.2): one record per reportable change of a certificate, written in the
-- transaction of the change (its own outbox). `data` holds the certificate as it was then, by logical field; the
-- sheets' headers, column order and code tables are applied when a batch is written (reporting/cnca-sheets.json), so
-- a corrected mapping needs no new records. period: the month of the change in Asia/Shanghai, due by the 10th of
-- the next month.
create table national_report (
    id               bigserial    primary key,
    sheet            varchar(20)  not null,
    event            varchar(20)  not null,
    certification_id bigint       not null,
    client_id        bigint       not null,
    period           char(7)      not null,
    occurred_at      timestamptz  not null,
    data             jsonb        not null,
    status           varchar(10)  not null default 'PENDING',
    attempts         int          not null default 0,
    last_error       varchar(500),
    sent_at          timestamptz,
    sent_by          varchar(100),
    constraint national_report_sheet check (sheet in ('CERTIFICATE', 'AUDIT_PLAN', 'AUDIT_RESULT')),
    constraint national_report_status check (status in ('PENDING', 'SENT', 'FAILED'))
);
create index national_report_period on national_report (period, id);
create index national_report_open on national_report (status, id) where status in ('PENDING', 'FAILED');
-- the HTTP adapter (off unless certcare.reporting.endpoint is set): when a PENDING record may be tried again
alter table national_report add column next_attempt_at timestamptz;
