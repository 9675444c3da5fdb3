-- 专业代码 belong to the certification (scheme and scope), as the ledger lists them beside 认证范围 and as national
-- reporting needs them per certificate; the client keeps their union for search and filters. Records before this get
-- their client's codes: the only ones known for them (the market department narrows them per record).
alter table certification add column professional_codes text[] not null default '{}';
update certification r set professional_codes = coalesce(
    (select array_agg(p.code order by p.code) from client_professional_code p where p.client_id = r.client_id), '{}');
