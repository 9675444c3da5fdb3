-- Bench data for feedback-service: :items feedback items (default set by feedback-bench.sh: 200,000) received over
-- the two years before :year_end, from 5,000 bench clients of the read copy and some prospects, most of them closed,
-- as a body of this size accumulates them. Written straight into the database (not through the API) so loading takes
-- seconds; references start with BK- and the clients' copies are marked by their credit code prefix BENCH, so a
-- reload deletes exactly what this script wrote.
\set ON_ERROR_STOP on
begin;
delete from idempotency_key where item_id in (select id from feedback_item where reference like 'BK-%');
delete from change_record where aggregate = 'feedback' and aggregate_id between 800000001 and 899999999;
delete from feedback_item where reference like 'BK-%';
delete from customer_copy where credit_code like 'BENCH%';

insert into customer_copy (customer_id, name, credit_code, updated_at)
select 900000000 + g, (array['浙江','江苏','上海','广东','北京'])[1 + g % 5] || (array['星澜','华信','恒通','东方','金桥','瑞丰'])[1 + g % 6]
       || (array['科技','机械','物流','电子','食品'])[1 + g % 5] || '有限公司' || g,
       'BENCH' || lpad(g::text, 13, '0'), now()
from generate_series(1, 5000) g;

create temporary table kinds (i int, k text);
insert into kinds values (0,'OPINION'),(1,'AUDIT_REQUEST'),(2,'AFTER_SALES'),(3,'CLIENT_SYSTEM_CHANGE'),
  (4,'CERTIFICATE_OR_MARK'),(5,'VALUE_ADDED'),(6,'COMPLAINT'),(7,'APPEAL');
create temporary table channels (i int, c text);
insert into channels values (0,'FORM'),(1,'INVESTIGATION_GROUP'),(2,'PHONE'),(3,'VISIT'),(4,'E_DOCUMENT'),
  (5,'SURVEY_FOLLOW_UP'),(6,'OTHER');
create temporary table departments (i int, d text);
insert into departments values (0,'audit-scheduling'),(1,'technical-committee'),(2,'complaints-group'),(3,'finance'),
  (4,'certification-decision'),(5,'market');

-- one row per item with its random draws, then the item built from them
create temporary table draw as
select g,
       (:'year_end'::timestamptz - interval '730 days' * random()) as received_at,
       (g * 7) % 8 as kind_i, (g * 3) % 7 as channel_i, (g * 5) % 6 as dept_i, (g * 11) % 6 as assigned_i,
       case when g % 10 = 0 then null else 900000000 + 1 + (g * 37) % 5000 end as customer_id,
       random() as r_status, random() as r_class, random() * 30 as hours_to_triage, random() * 400 as hours_to_resolve
from generate_series(1, :items) g;

insert into feedback_item (id, reference, customer_id, customer_name, prospect_name, kind, channel, received_at,
    recorded_by, department, words, class, assigned_department, explanation, resolution, status, triaged_by, triaged_at,
    escalated_at, decided_by, decided_at, resolved_by, resolved_at, closed_by, closed_at, acknowledged_at,
    first_responded_at, acknowledge_due_at, first_response_due_at, resolution_due_at, version, created_by, created_at,
    updated_by, updated_at)
select 800000000 + d.g,
       'BK-' || extract(year from d.received_at)::int || '-' || lpad(d.g::text, 6, '0'),
       d.customer_id, c.name, case when d.customer_id is null then '意向客户' || d.g end,
       k.k, ch.c, d.received_at, 'bench', dep.d,
       '客户反映：' || (array['审核安排与生产旺季冲突，希望调整监督审核时间','证书信息中的地址需要变更','希望提供标准换版培训',
                              '对审核组的专业性表示认可','认证费用开票信息有误','认证标志使用方式咨询','对审核发现有异议，要求复核',
                              '管理体系覆盖的场所发生变化'])[1 + d.g % 8] || '（编号 ' || d.g || '）',
       cls.c, case when cls.c <> 'A_UNREASONABLE' then adep.d end,
       case when cls.c = 'A_UNREASONABLE' then '已向客户说明理由' end,
       case when st.s in ('RESOLVED', 'CLOSED') and cls.c <> 'A_UNREASONABLE' then '已处理并回复客户' end,
       st.s,
       case when st.s <> 'RECEIVED' then 'market' end,
       case when st.s <> 'RECEIVED' then d.received_at + d.hours_to_triage * interval '1 hour' end,
       case when cls.c = 'C_BEYOND_AUTHORITY' then d.received_at + d.hours_to_triage * interval '1 hour' end,
       case when cls.c = 'C_BEYOND_AUTHORITY' and st.s <> 'ESCALATED' then 'leader' end,
       case when cls.c = 'C_BEYOND_AUTHORITY' and st.s <> 'ESCALATED'
            then d.received_at + (d.hours_to_triage + 24) * interval '1 hour' end,
       case when st.s in ('RESOLVED', 'CLOSED') then 'department' end,
       case when st.s in ('RESOLVED', 'CLOSED') then d.received_at + (d.hours_to_triage + d.hours_to_resolve) * interval '1 hour' end,
       case when st.s = 'CLOSED' then 'market' end,
       case when st.s = 'CLOSED' then d.received_at + (d.hours_to_triage + d.hours_to_resolve + 24) * interval '1 hour' end,
       case when st.s <> 'RECEIVED' or k.k in ('COMPLAINT', 'APPEAL') then d.received_at + d.hours_to_triage * interval '1 hour' end,
       case when st.s <> 'RECEIVED' then d.received_at + d.hours_to_triage * interval '1 hour' end,
       d.received_at + interval '1 day', d.received_at + interval '1 day', d.received_at + interval '14 days',
       0, 'bench', d.received_at, 'bench', d.received_at
from draw d
join kinds k on k.i = d.kind_i
join channels ch on ch.i = d.channel_i
join departments dep on dep.i = d.dept_i
join departments adep on adep.i = d.assigned_i
left join customer_copy c on c.customer_id = d.customer_id
-- the class (triaged items only): a fifth unreasonable, two thirds within authority, the rest beyond it
cross join lateral (select case when d.r_class < 0.2 then 'A_UNREASONABLE' when d.r_class < 0.87 then 'B_WITHIN_AUTHORITY'
                                else 'C_BEYOND_AUTHORITY' end as c0) c0
-- the status: 2 % new, the recent ones open, 90 % closed
cross join lateral (select case
        when d.r_status < 0.02 then 'RECEIVED'
        when d.r_status < 0.04 and c0.c0 = 'C_BEYOND_AUTHORITY' then 'ESCALATED'
        when d.r_status < 0.07 and c0.c0 <> 'A_UNREASONABLE' then 'IN_HANDLING'
        when d.r_status < 0.10 and c0.c0 <> 'A_UNREASONABLE' then 'RESOLVED'
        when d.r_status < 0.10 then 'TRIAGED'
        else 'CLOSED' end as s) st
cross join lateral (select case when st.s = 'RECEIVED' then null else c0.c0 end as c) cls;

-- the bench rows' ids start at 800,000,001, far above what the service's sequence issues
analyze feedback_item;
analyze customer_copy;
commit;
