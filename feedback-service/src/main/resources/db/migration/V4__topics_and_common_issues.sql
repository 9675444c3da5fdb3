-- Topics (tags) on items and the common issues they reveal (clause 4.6: 对于共性的问题……及时反馈给相关部门或管代).
-- A topic is a short label normalised by topic.Topics (NFKC, one space, stripped, at most 40 characters); the market
-- department sets an item's topics (PUT /api/feedback/{id}/topics). The item's received_at, kind and client_key (the
-- customer id 'c:<id>', or 'p:' and the prospect's name lower-cased) are copied here when it is tagged: they never
-- change once an item is posted, and with them the common-issue and year-end queries read this table alone.
create table item_topic (
    item_id     bigint      not null references feedback_item (id),
    topic       text        not null check (char_length(topic) between 1 and 40),
    client_key  text        not null,
    kind        text        not null,
    received_at timestamptz not null,
    tagged_by   text        not null,
    tagged_at   timestamptz not null,
    primary key (item_id, topic)
);
-- Common issues (distinct clients per topic in a window of received_at) and the year's top topics: a range scan that
-- never visits the table (index-only while the visibility map is fresh).
create index item_topic_received on item_topic (received_at) include (topic, client_key, kind);
-- Topics with their counts, one topic's items.
create index item_topic_topic on item_topic (topic, received_at);

-- The year-end summary (analysis.YearSummaries): one range of received_at, grouped by kind, channel, class, assigned
-- department and month, with the first-response and resolution times. The existing (status, received_at) index does
-- not serve a range without status; this one covers every column the summary reads.
create index feedback_item_received on feedback_item (received_at)
    include (kind, channel, class, assigned_department, first_responded_at, resolved_at);

-- A common issue forwarded in one action to departments and/or the management representative (管代), tracked until
-- each recipient answers. The figures are those of the common issue when it was forwarded.
create sequence common_issue_forwarding_seq increment by 50;
create table common_issue_forwarding (
    id           bigint primary key,
    topic        text        not null,
    note         text,
    clients      integer     not null,
    items        integer     not null,
    forwarded_by text        not null,
    forwarded_at timestamptz not null,
    due_at       timestamptz not null,
    answered_at  timestamptz,
    version      integer     not null default 0,
    created_by   text        not null,
    created_at   timestamptz not null,
    updated_by   text        not null,
    updated_at   timestamptz not null
);
create index common_issue_forwarding_topic on common_issue_forwarding (topic, forwarded_at desc);
create index common_issue_forwarding_open on common_issue_forwarding (due_at) where answered_at is null;

create table common_issue_recipient (
    forwarding_id bigint      not null references common_issue_forwarding (id),
    department    text        not null,
    answer        text,
    answered_by   text,
    answered_at   timestamptz,
    primary key (forwarding_id, department)
);
-- A department's forwardings (it sees only those addressed to it).
create index common_issue_recipient_department on common_issue_recipient (department, forwarding_id);
