-- The year-end summary counts the serious dissatisfaction and complaint events by their mark (V5's serious_marked_at):
-- V4's covering index of the year's aggregates takes that column too, so the summary stays an index-only range scan.
drop index feedback_item_received;
create index feedback_item_received on feedback_item (received_at)
    include (kind, channel, class, assigned_department, first_responded_at, resolved_at, serious_marked_at);
