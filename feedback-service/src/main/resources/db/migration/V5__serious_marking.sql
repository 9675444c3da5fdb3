-- A serious dissatisfaction or complaint event (重大不满意或投诉事件, 4.7.2), marked once per item: automatically when a
-- complaint or appeal is triaged b or c (found reasonable), or by the market department for any item
-- (POST /api/feedback/{id}/serious). SeriousComplaintRecorded is emitted once, when the mark is set.
alter table feedback_item add column serious_marked_at timestamptz;
alter table feedback_item add column serious_marked_by text;
alter table feedback_item add column serious_reason    text;
alter table feedback_item add column serious_automatic boolean;
alter table feedback_item add constraint feedback_item_serious_whole check (
    (serious_marked_at is null and serious_marked_by is null and serious_automatic is null)
    or (serious_marked_at is not null and serious_marked_by is not null and serious_automatic is not null));

-- Items the automatic rule marked before the mark was kept: their SeriousComplaintRecorded went out at triage.
update feedback_item set serious_marked_at = triaged_at, serious_marked_by = triaged_by, serious_automatic = true
where kind in ('COMPLAINT', 'APPEAL') and class in ('B_WITHIN_AUTHORITY', 'C_BEYOND_AUTHORITY');
