-- A management-system change a customer reported (ISO/IEC 17021-1 8.5.3: ownership, organisation, address,
-- scope, key personnel …), flagged from feedback-service's ClientSystemChangeReported until a market user
-- acknowledges that it was evaluated. Several may be open at once; one per feedback item.
create sequence client_system_change_seq start with 1 increment by 50;

create table client_system_change (
    id                bigint primary key,
    client_id         bigint        not null references client (id) on delete cascade,
    -- the feedback item that reported it, and its reference (FK-2026-00001): one flag per item
    feedback_item_id  varchar(40)   not null,
    reference         varchar(60)   not null,
    reported_at       timestamptz   not null,
    summary           varchar(400)  not null,
    flagged_at        timestamptz   not null,
    acknowledged_by   varchar(100),
    acknowledged_at   timestamptz,
    acknowledge_note  varchar(500),
    constraint client_system_change_item_unique unique (feedback_item_id),
    constraint client_system_change_acknowledged check ((acknowledged_by is null) = (acknowledged_at is null))
);
-- the open ones: the customer view, and the list's systemChangeOpen filter
create index client_system_change_open on client_system_change (client_id) where acknowledged_at is null;
create index client_system_change_client on client_system_change (client_id, reported_at);
