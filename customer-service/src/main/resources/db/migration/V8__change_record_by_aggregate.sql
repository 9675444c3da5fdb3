-- The change history is a platform capability (com.certcare.platform.history): any service keeps the field-level
-- history of any audited entity, listed by the aggregate it belongs to. A client's history is the aggregate
-- 'client' (its records' changes are listed under their client), so client_id becomes aggregate_id beside the
-- aggregate's name. The table stays this service's until the platform ships it.
alter table change_record rename column client_id to aggregate_id;
alter table change_record add column aggregate varchar(40) not null default 'client';
alter table change_record alter column aggregate drop default;
-- read-only, for what still asks by client_id (the bench scripts, ad-hoc queries): never written by the service
alter table change_record add column client_id bigint
    generated always as (case when aggregate = 'client' then aggregate_id end) stored;
drop index change_record_client;
create index change_record_aggregate on change_record (aggregate, aggregate_id, changed_at, id);
