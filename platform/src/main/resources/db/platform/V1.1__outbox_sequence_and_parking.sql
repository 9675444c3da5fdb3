-- The relay publishes in the order the rows were written: a sequence, not created_at plus a random id
-- (two events of one transaction share created_at's clock tick). Existing rows are numbered in their
-- old order so an upgrade does not reorder what is still unsent.
alter table outbox_event add column seq bigint;
create sequence outbox_event_seq owned by outbox_event.seq;
update outbox_event o set seq = n.rn
  from (select id, row_number() over (order by created_at, id) as rn from outbox_event) n
 where o.id = n.id;
select setval('outbox_event_seq', coalesce((select max(seq) from outbox_event), 0) + 1, false);
alter table outbox_event alter column seq set default nextval('outbox_event_seq');
alter table outbox_event alter column seq set not null;
alter table outbox_event add constraint outbox_event_seq_unique unique (seq);

-- A row the broker keeps refusing (too large, not authorised, ...) is parked after a configured number
-- of attempts: kept with its error for an operator, no longer tried, and the rest flows on.
alter table outbox_event add column parked_at timestamptz;

drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (seq) where sent_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null;
