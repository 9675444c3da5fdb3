-- Transactional outbox: an event is written in the same transaction as the change it describes;
-- the relay publishes it and sets sent_at after the broker's acknowledgement.
create table outbox_event (
    id            uuid primary key,
    topic         varchar(100) not null,
    aggregate_key varchar(100) not null,
    type          varchar(100) not null,
    envelope      jsonb        not null,
    created_at    timestamptz  not null,
    sent_at       timestamptz,
    attempts      integer      not null default 0,
    last_error    text
);
create index outbox_event_unsent on outbox_event (created_at, id) where sent_at is null;

-- Idempotent consumers: one row per event a consumer has applied, written in the same transaction.
create table processed_event (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (event_id, consumer)
);
