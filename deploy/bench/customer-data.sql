-- Bench data for customer-service: :clients customers, about 2.5 certification records each.
-- Written straight into the database (not through the API) so loading takes seconds; credit codes are
-- unique but their check characters are not computed (the database does not check them).
\set ON_ERROR_STOP on
begin;
delete from change_record where client_id in (select id from client where remarks = 'bench');
delete from client where remarks = 'bench';

create temporary table words (i int, w text);
insert into words values (0,'中澜'),(1,'华信'),(2,'恒通'),(3,'东方'),(4,'金桥'),(5,'新创'),(6,'远航'),(7,'天成'),
  (8,'瑞丰'),(9,'宏达'),(10,'星河'),(11,'博远'),(12,'正泰'),(13,'鼎盛'),(14,'嘉禾'),(15,'精工');
create temporary table trades (i int, w text);
insert into trades values (0,'科技'),(1,'机械'),(2,'物流'),(3,'建设'),(4,'电子'),(5,'食品'),(6,'软件'),(7,'化工');
create temporary table provinces (i int, code text, name text);
insert into provinces values (0,'110000','北京'),(1,'310000','上海'),(2,'320000','江苏'),(3,'330000','浙江'),
  (4,'440000','广东'),(5,'370000','山东'),(6,'510000','四川'),(7,'420000','湖北'),(8,'350000','福建'),(9,'410000','河南');
create temporary table codes (i int, code text);
insert into codes values (0,'33.02.01'),(1,'18.01.01'),(2,'31.01.01'),(3,'28.01.01'),(4,'19.05.01'),(5,'03.01.01'),
  (6,'33.01.01'),(7,'12.01.01');

insert into client (id, name, credit_code, province_code, city, address, postal_code, contacts, remarks, search_text,
                    version, created_by, created_at, updated_by, updated_at)
select 100000000 + g,
       p.name || w1.w || w2.w || t.w || '有限公司' || g,
       '91' || substr(p.code, 1, 6) || lpad(g::text, 9, '0') || 'X',
       p.code, p.name || '市', '某区某路 ' || g || ' 号', '100000',
       jsonb_build_array(jsonb_build_object('name', '联系人' || g, 'phone', '138' || lpad(g::text, 8, '0'), 'primary', true)),
       'bench',
       lower(p.name || w1.w || w2.w || t.w || '有限公司' || g || ' 91' || substr(p.code, 1, 6) || lpad(g::text, 9, '0')
             || 'x 联系人' || g || ' 138' || lpad(g::text, 8, '0')),
       0, 'bench', now() - (g || ' minutes')::interval, 'bench', now() - (g || ' minutes')::interval
from generate_series(1, :clients) g
join provinces p on p.i = g % 10
join words w1 on w1.i = g % 16
join words w2 on w2.i = (g / 16) % 16
join trades t on t.i = (g / 256) % 8;

insert into client_professional_code (client_id, code)
select 100000000 + g, c.code from generate_series(1, :clients) g join codes c on c.i = g % 8;

-- schemes: every customer QMS; 3 in 4 EMS; 3 in 4 OHSMS  -> about 2.5 records per customer
insert into certification (id, client_id, scheme, contract_no, certificate_no, scope, application_accepted_on,
                           decision_on, initial_audit_fee, surveillance_fee, planned_surveillance, status, issued_on,
                           expires_on, version, created_by, created_at, updated_by, updated_at)
select 100000000 + g * 4 + s.n, 100000000 + g, s.scheme,
       'HT' || lpad((g * 4 + s.n)::text, 10, '0'),
       case when st.status in ('VALID', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED') then s.scheme || lpad((g * 4 + s.n)::text, 10, '0') end,
       '认证范围', d.accepted, d.decision, (5000 + (g % 50) * 500)::numeric(14, 2), (2000 + (g % 30) * 200)::numeric(14, 2),
       array[d.decision + interval '12 months' - interval '1 day', d.decision + interval '24 months' - interval '1 day']::date[],
       st.status, d.decision, d.decision + interval '36 months' - interval '1 day', 0, 'bench', now(), 'bench', now()
from generate_series(1, :clients) g
join lateral (values (0, 'QMS'), (1, 'EMS'), (2, 'OHSMS')) s(n, scheme)
  on s.n = 0 or (s.n = 1 and g % 4 <> 0) or (s.n = 2 and g % 4 <> 1)
join lateral (select (date '2022-01-01' + ((g * 7 + s.n * 31) % 1460))::date as decision,
                     (date '2021-10-01' + ((g * 7 + s.n * 31) % 1460))::date as accepted) d on true
join lateral (select (array['VALID','VALID','VALID','VALID','VALID','SUSPENDED','EXPIRED','CONTRACTED','AUDITING','APPLYING'])[1 + (g + s.n) % 10] as status) st on true;

insert into certification_audit (certification_id, kind, audited_on)
select r.id, 'STAGE2', r.decision_on - 10 from certification r where r.client_id >= 100000000;

update client c set live_expires_on = e.expires_on
from (select client_id, min(expires_on) as expires_on from certification
      where status in ('VALID', 'SUSPENDED') and client_id >= 100000000 group by client_id) e
where c.id = e.client_id;

update client c set certification_keys = k.keys
from (select r.client_id, array_agg(distinct key order by key) as keys
      from certification r,
           lateral unnest(array['S:' || r.status, 'K:' || r.scheme, 'KS:' || r.scheme || ':' || r.status]) key
      where r.client_id >= 100000000
      group by r.client_id) k
where c.id = k.client_id;

commit;
vacuum analyze client; vacuum analyze certification; vacuum analyze client_professional_code; vacuum analyze certification_audit;
select (select count(*) from client where remarks = 'bench') as clients,
       (select count(*) from certification where client_id >= 100000000) as certifications;
