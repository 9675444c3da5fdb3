-- Bench data for survey-service (issue #20, "Scale"): :clients bench clients (default 10,000, set by survey-bench.sh)
-- asked once a quarter for :quarters quarters of year :year and the next (default 8: 2080-Q1 … 2081-Q4, years no
-- real campaign uses), about 5 in 6 answering, every answer to the 16-03 form's 15 rated items, a choice and sometimes
-- a remark: 8 × 10,000 × 5/6 × 15 ≈ 1,000,000 item answers in about 66,700 responses. Written straight into the
-- database (seconds, not hours of API calls); bench campaigns are created_by 'bench', bench clients have ids from
-- 950,000,001, so a reload deletes exactly what this script wrote. Needs the 16-03 template version 1 (the service
-- loads it at its first start).
\set ON_ERROR_STOP on
begin;
delete from survey_answer where response_id in (select r.id from survey_response r join survey_campaign c on c.id = r.campaign_id where c.created_by = 'bench');
delete from survey_response where campaign_id in (select id from survey_campaign where created_by = 'bench');
delete from survey_link where dispatch_id in (select d.id from survey_dispatch d join survey_campaign c on c.id = d.campaign_id where c.created_by = 'bench');
delete from survey_mail where dispatch_id in (select d.id from survey_dispatch d join survey_campaign c on c.id = d.campaign_id where c.created_by = 'bench');
delete from survey_dispatch where campaign_id in (select id from survey_campaign where created_by = 'bench');
delete from survey_campaign where created_by = 'bench';
delete from survey_client where customer_id between 950000001 and 959999999;
delete from survey_serious_event where item_id like 'BENCH-%';

insert into survey_client (customer_id, name, province_code, professional_codes, schemes, contact_email, grade, updated_at)
select 950000000 + g, '基准客户' || g || '有限公司',
       (array['110000','310000','320000','330000','440000','370000','510000','420000'])[1 + g % 8],
       (array['18.05.01','19.09.00','29.12.00','33.02.00','17.06.01'])[1 + g % 5] || ','
           || (array['28.01.00','35.00.00','31.01.00'])[1 + g % 3],
       (array['QMS','EMS','OHSMS','QMS'])[1 + g % 4], 'bench' || g || '@example.cn',
       (array['A','B','B','C','B','D',null])[1 + g % 7], now()
from generate_series(1, :clients) g;

insert into survey_campaign (quarter, template_code, template_version, created_at, created_by)
select (:year + (q - 1) / 4) || '-Q' || (1 + (q - 1) % 4), '16-03', 1, now(), 'bench'
from generate_series(1, :quarters) q;

insert into survey_dispatch (campaign_id, customer_id, customer_name, email, status, expires_at, created_at, sent_at,
    last_mailed_at, answered_at, answered_channel, province_code, scheme, professional_codes, grade)
select c.id, s.customer_id, s.name, s.contact_email,
       case when (s.customer_id + c.id) % 6 = 0 then 'EXPIRED' else 'ANSWERED' end,
       now(), now(), now(), now(),
       case when (s.customer_id + c.id) % 6 = 0 then null else now() end,
       case when (s.customer_id + c.id) % 6 = 0 then null when s.customer_id % 10 = 0 then 'PHONE' else 'ONLINE' end,
       s.province_code, s.schemes, string_to_array(s.professional_codes, ','), s.grade
from survey_campaign c cross join survey_client s
where c.created_by = 'bench' and s.customer_id between 950000001 and 959999999;

-- a client's mood: mostly satisfied, a tail of unhappy ones; its items scatter around it
create temporary table mood as
select customer_id, greatest(1, least(5, round(3.9 + (random() - 0.6) * 2.5)))::int as base from survey_client
where customer_id between 950000001 and 959999999;

insert into survey_response (dispatch_id, campaign_id, customer_id, quarter, channel, template_code, template_version,
    score, answered_at, entered_by, province_code, scheme, professional_codes, grade)
select d.id, d.campaign_id, d.customer_id, c.quarter, d.answered_channel, '16-03', 1, null, now(),
       case when d.answered_channel = 'PHONE' then 'bench' end, d.province_code, d.scheme, d.professional_codes, d.grade
from survey_dispatch d join survey_campaign c on c.id = d.campaign_id
where c.created_by = 'bench' and d.status = 'ANSWERED';

create temporary table items (code text, dimension text, weight numeric);
insert into items values ('Q01','ATTITUDE',1.0),('Q02','ATTITUDE',1.0),('Q03','ATTITUDE',1.0),
  ('Q04','PROFESSIONALISM',1.5),('Q05','PROFESSIONALISM',1.5),('Q06','PROFESSIONALISM',1.0),
  ('Q07','EFFICIENCY',1.0),('Q08','EFFICIENCY',1.0),('Q09','EFFICIENCY',1.0),('Q10','COMMUNICATION',1.0),
  ('Q11','COMMUNICATION',1.0),('Q12','FEES',1.0),('Q13','FEES',1.0),('Q14','CERTIFICATE',1.0),('Q15','CERTIFICATE',1.0);

insert into survey_answer (response_id, question_code, dimension, weight, likert)
select r.id, i.code, i.dimension, i.weight, greatest(1, least(5, m.base + (floor(random() * 3) - 1)::int))
from survey_response r join survey_campaign c on c.id = r.campaign_id join mood m on m.customer_id = r.customer_id
cross join items i
where c.created_by = 'bench';

insert into survey_answer (response_id, question_code, choices)
select r.id, 'Q16', (array['YES','YES','MAYBE','NO'])[1 + r.id % 4]
from survey_response r join survey_campaign c on c.id = r.campaign_id where c.created_by = 'bench';

-- each response's index as the service computes it: Σ w·(s−1) / Σ w / 4 × 100, two decimals
update survey_response r set score = a.idx
from (select response_id, round(sum(weight * (likert - 1)) / sum(weight) / 4 * 100, 2) as idx
      from survey_answer where likert is not null group by response_id) a
where a.response_id = r.id and r.campaign_id in (select id from survey_campaign where created_by = 'bench');

insert into survey_serious_event (item_id, reference, customer_id, kind, automatic, recorded_at, event_id, received_at)
select 'BENCH-' || g, 'BK-' || g, 950000000 + g, 'COMPLAINT', true,
       make_timestamptz(:year, 1 + g % 12, 1 + g % 28, 10, 0, 0, 'Asia/Shanghai'), gen_random_uuid(), now()
from generate_series(1, 3) g;
commit;
