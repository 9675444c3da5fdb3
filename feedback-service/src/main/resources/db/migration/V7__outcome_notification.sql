-- The formal notification of the outcome to the complainant or appellant (17021-1 9.8, ISO 10002): recorded once,
-- after the item is resolved (or explained as class a); a complaint or appeal closes only with it.
alter table feedback_item add column outcome_channel     text;
alter table feedback_item add column outcome_notified_on date;
alter table feedback_item add column outcome_summary     text;
alter table feedback_item add column outcome_recorded_by text;
alter table feedback_item add column outcome_recorded_at timestamptz;
