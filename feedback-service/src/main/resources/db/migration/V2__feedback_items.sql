-- Numbers without gaps (feedback references FK-2026-00001): one counter row per series and year, raised by
-- insert … on conflict … do update … returning inside the transaction that records the item, so the row stays
-- locked until that transaction ends and a rolled-back post gives its number back (numbering.ReferenceCounter).
create table number_counter (
    series      text   not null,
    period      text   not null,
    last_issued bigint not null check (last_issued > 0),
    primary key (series, period)
);

-- The read copy of customer-service's customers (topic customers: CustomerRegistered/Updated/Deleted). Only what
-- an item shows: the id and the name (and the credit code for search). A deleted customer is removed.
create table customer_copy (
    customer_id bigint primary key,
    name        text        not null,
    credit_code text,
    updated_at  timestamptz not null
);

-- Customer requirements, feedback, complaints and appeals (clauses 4.4-4.6, 4.8, 4.10.3) and their three-class
-- triage: a unreasonable (explain and decline), b within the department's authority (handle), c beyond it
-- (escalate to the leader, whose decision is then handled as b). The status changes only through FeedbackItem's
-- transition methods. recorded_by is the poster's account and never leaves the service in an event.
create sequence feedback_item_seq increment by 50;
create table feedback_item (
    id                      bigint primary key,
    reference               text        not null unique,
    customer_id             bigint,
    customer_name           text,
    prospect_name           text,
    kind                    text        not null,
    channel                 text        not null,
    received_at             timestamptz not null,
    recorded_by             text        not null,
    department              text        not null,
    words                   text        not null,
    class                   text,
    assigned_department     text,
    explanation             text,
    leader_decision         text,
    resolution              text,
    status                  text        not null,
    triaged_by              text,
    triaged_at              timestamptz,
    escalated_at            timestamptz,
    decided_by              text,
    decided_at              timestamptz,
    resolved_by             text,
    resolved_at             timestamptz,
    closed_by               text,
    closed_at               timestamptz,
    acknowledged_at         timestamptz,
    first_responded_at      timestamptz,
    acknowledge_due_at      timestamptz not null,
    first_response_due_at   timestamptz not null,
    resolution_due_at       timestamptz not null,
    version                 integer     not null default 0,
    created_by              text        not null,
    created_at              timestamptz not null,
    updated_by              text        not null,
    updated_at              timestamptz not null,
    constraint feedback_item_customer check (customer_id is not null or prospect_name is not null)
);
create index feedback_item_status_received on feedback_item (status, received_at desc);
create index feedback_item_department on feedback_item (department);
create index feedback_item_assigned on feedback_item (assigned_department);
create index feedback_item_resolution_due on feedback_item (resolution_due_at) where status not in ('RESOLVED', 'CLOSED');

-- Idempotent posts: the same caller and Idempotency-Key give the first item back. request_hash is the SHA-256 of
-- the body as read, so the same key with another body is refused (409 idempotency-key-reused).
create table idempotency_key (
    caller       text        not null,
    key          text        not null,
    request_hash text        not null,
    item_id      bigint      references feedback_item (id),
    created_at   timestamptz not null,
    primary key (caller, key)
);
