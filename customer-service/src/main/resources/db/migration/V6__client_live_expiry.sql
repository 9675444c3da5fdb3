-- The earliest expiry among the client's live certificates (VALID, SUSPENDED), so the list sorts by
-- expiry through an index instead of computing it per client. Kept by CertificationSummary with the keys.
alter table client add column live_expires_on date;

update client c set live_expires_on = e.expires_on
from (select client_id, min(expires_on) as expires_on from certification
      where status in ('VALID', 'SUSPENDED') group by client_id) e
where c.id = e.client_id;

create index client_live_expires_on on client (live_expires_on, id);
