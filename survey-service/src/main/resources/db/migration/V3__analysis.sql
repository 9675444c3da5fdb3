-- The quarterly and annual analysis (4.7.1–4.7.2). Each dispatch keeps the segments its client had when it was asked
-- (province, the scheme that made it due, professional codes) and each answer copies them: a quarter's figures stay
-- what they were when the client moves or changes its codes, and the aggregates read one table without joins.
alter table survey_dispatch
    add column province_code      varchar(6),
    add column scheme             varchar(50),
    add column professional_codes text[] not null default '{}';
alter table survey_response
    add column province_code      varchar(6),
    add column scheme             varchar(50),
    add column professional_codes text[] not null default '{}';

update survey_dispatch d
   set province_code = c.province_code,
       professional_codes = coalesce(string_to_array(nullif(c.professional_codes, ''), ','), '{}')
  from survey_client c
 where c.customer_id = d.customer_id;
update survey_dispatch d set scheme = u.scheme from survey_due u where u.customer_id = d.customer_id;
update survey_response r
   set province_code = d.province_code, scheme = d.scheme, professional_codes = d.professional_codes
  from survey_dispatch d
 where d.id = r.dispatch_id;

create index survey_dispatch_campaign on survey_dispatch (campaign_id);
-- the answers of a quarter, read by the item statistics
create index survey_answer_likert on survey_answer (response_id) include (question_code, dimension, weight, likert)
    where likert is not null;

-- Serious dissatisfaction and complaint events (重大不满意或投诉事件) from feedback-service, for the annual figure;
-- one row per feedback item (the event is once per item; a re-delivery changes nothing). No complainant, no reason.
create table survey_serious_event (
    item_id     varchar(50) primary key,
    reference   varchar(50),
    customer_id bigint,
    kind        varchar(30),
    automatic   boolean     not null,
    recorded_at timestamptz not null,
    event_id    uuid        not null,
    received_at timestamptz not null
);
create index survey_serious_event_recorded on survey_serious_event (recorded_at);
