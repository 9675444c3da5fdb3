-- The field-level change history (com.certcare.platform.history): one row per changed field of an audited
-- entity, listed by the aggregate it belongs to. Repeatable and idempotent, so it runs after every service's
-- own migrations: it creates the table in a service that has none yet, and leaves alone the one
-- customer-service created before the history moved to the platform (its V2 + V8 give the same shape).
-- A later change of this table's shape is a versioned platform migration (V1.n), not an edit here.
create sequence if not exists change_record_seq start with 1 increment by 50;

create table if not exists change_record (
    id           bigint primary key,
    aggregate    varchar(40)  not null,
    aggregate_id bigint       not null,
    entity       varchar(20)  not null,
    entity_id    bigint       not null,
    field        varchar(60)  not null,
    old_value    text,
    new_value    text,
    reason       varchar(500),
    changed_by   varchar(100) not null,
    changed_at   timestamptz  not null
);
create index if not exists change_record_aggregate on change_record (aggregate, aggregate_id, changed_at, id);
