-- A client's certification records summarised as keys, so the list can filter by status and scheme
-- with one GIN index instead of a lookup per client: 'S:VALID' (a record in that status), 'K:QMS' (a
-- record of that scheme), 'KS:QMS:VALID' (a QMS record that is VALID). Kept up to date by
-- CertificationKeys whenever a record is written.
alter table client add column certification_keys text[] not null default '{}';

update client c set certification_keys = k.keys
from (select r.client_id, array_agg(distinct key order by key) as keys
      from certification r,
           lateral unnest(array['S:' || r.status, 'K:' || r.scheme, 'KS:' || r.scheme || ':' || r.status]) key
      group by r.client_id) k
where c.id = k.client_id;

create index client_certification_keys on client using gin (certification_keys);
