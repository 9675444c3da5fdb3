-- GET /api/customers?province=…&status=VALID&scheme=QMS&sort=name&page=1|3|50&size=20: count, page ids, then
-- the 20 customers with their codes, records and audits (the service sends the ids as an IN list, here an array)
\set p random(1, 4)
\set pg random(1, 3)
\set off CASE WHEN :pg = 1 THEN 0 WHEN :pg = 2 THEN 40 ELSE 980 END
select (array['330000','320000','440000','110000'])[:p] as prov \gset
select count(*) from client c where c.province_code in (:prov) and c.certification_keys && array[E'KS\x3aQMS\x3aVALID']::text[];
select coalesce(array_agg(id), '{}') as ids from (select c.id from client c where c.province_code in (:prov) and c.certification_keys && array[E'KS\x3aQMS\x3aVALID']::text[] order by c.name asc nulls last, c.id limit 20 offset :off) x \gset
select c1_0.id,c1_0.address,c1_0.certification_keys,c1_0.city,c1_0.contacts,c1_0.created_at,c1_0.created_by,c1_0.credit_code,c1_0.credit_code_override_reason,c1_0.live_expires_on,c1_0.name,c1_0.postal_code,c1_0.province_code,c1_0.remarks,c1_0.search_text,c1_0.updated_at,c1_0.updated_by,c1_0.version from client c1_0 where c1_0.id = any(:ids::bigint[]);
select pc1_0.client_id,pc1_0.code from client_professional_code pc1_0 where pc1_0.client_id in (select c1_0.id from client c1_0 where c1_0.id = any(:ids::bigint[]));
select c1_0.id,c1_0.application_accepted_on,c1_0.certificate_no,c1_0.client_id,c1_0.contract_no,c1_0.created_at,c1_0.created_by,c1_0.decision_on,c1_0.expires_on,c1_0.implemented_on,c1_0.initial_audit_fee,c1_0.issued_on,c1_0.planned_surveillance,c1_0.scheme,c1_0.scope,c1_0.scope_en,c1_0.status,c1_0.surveillance_fee,c1_0.surveillance_override_reason,c1_0.updated_at,c1_0.updated_by,c1_0.version from certification c1_0 where c1_0.client_id = any(:ids::bigint[]) order by c1_0.scheme,c1_0.id;
select ad1_0.certification_id,ad1_0.kind,ad1_0.audited_on from certification_audit ad1_0 where ad1_0.certification_id in (select c1_0.id from certification c1_0 where c1_0.client_id = any(:ids::bigint[]));
