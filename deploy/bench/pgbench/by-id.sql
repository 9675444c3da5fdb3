-- GET /api/customers/{id}: the two statements customer-service runs for it (certification.CustomerDetails,
-- copied from its CUSTOMER and CERTIFICATIONS constants): the customer with its professional codes, then its
-- records with their audit dates. Keep them equal to the constants when those change.
\set id random(:first, :first + :clients - 1)
select c.id, c.name, c.credit_code, c.credit_code_override_reason, c.province_code, c.city, c.address, c.postal_code, c.contacts::text, c.remarks, c.version, c.created_by, c.created_at, c.updated_by, c.updated_at, (select array_agg(p.code order by p.code) from client_professional_code p where p.client_id = c.id) from client c where c.id = :id;
select r.id, r.scheme, r.contract_no, r.certificate_no, r.scope, r.scope_en, r.application_accepted_on, r.decision_on, r.initial_audit_fee, r.surveillance_fee, r.planned_surveillance, r.surveillance_override_reason, r.implemented_on, r.status, r.issued_on, r.expires_on, r.version, r.updated_by, r.updated_at, a.kind, a.audited_on from certification r left join certification_audit a on a.certification_id = r.id where r.client_id = :id order by r.scheme, r.id;
