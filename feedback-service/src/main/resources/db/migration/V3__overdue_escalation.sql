-- Overdue escalation (item.OverdueEscalation): each due time an open item misses is escalated once, by the scheduler,
-- to the leader. The column of a due time is set when it was escalated; it is never escalated again.
alter table feedback_item add column acknowledge_escalated_at    timestamptz;
alter table feedback_item add column first_response_escalated_at timestamptz;
alter table feedback_item add column resolution_escalated_at     timestamptz;

-- What the scheduler looks for: open items whose earliest due time has passed and whose last due time (resolution)
-- was not yet escalated; once the resolution is escalated every earlier due time is met or escalated too.
create index feedback_item_escalation_pending on feedback_item
    (least(acknowledge_due_at, first_response_due_at, resolution_due_at))
    where status not in ('RESOLVED', 'CLOSED') and resolution_escalated_at is null;
-- The leader's list of escalated open items (escalated=true).
create index feedback_item_overdue_escalated on feedback_item (received_at desc)
    where status not in ('RESOLVED', 'CLOSED')
      and (acknowledge_escalated_at is not null or first_response_escalated_at is not null
           or resolution_escalated_at is not null);
