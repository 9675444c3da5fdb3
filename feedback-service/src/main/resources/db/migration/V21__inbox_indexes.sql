-- The inbox at 200,000 items (deploy/bench/feedback-bench.sh): each page is the newest 20 of a filter plus the
-- filter's total. Without these, the default page sorted the whole table and a free-text search read every row.
-- (The default order, newest received first, reads V4's feedback_item_received backwards.)
-- Open items only (overdue, a department's work in hand): a few percent of the table once a body has run for years.
create index feedback_item_open_received on feedback_item (received_at desc, id desc)
    where status not in ('RESOLVED', 'CLOSED');
-- The totals of the kind and class filters, counted from the index alone.
create index feedback_item_kind on feedback_item (kind);
create index feedback_item_class on feedback_item (class);
-- Free text (q): the reference, the client's or prospect's name and the customer's words, lower-cased, as one
-- trigram-indexed expression; FeedbackService.SEARCH_TEXT must stay this expression exactly or the index is not used.
create index feedback_item_search on feedback_item using gin
    ((lower(reference || ' ' || coalesce(customer_name, '') || ' ' || coalesce(prospect_name, '') || ' ' || words))
     gin_trgm_ops);
