-- The surveillance rules' daily job (QMS rule effective 2026-01-01): when a record took its present status, so a
-- suspension past its limit can be withdrawn. Records suspended before this column existed count from their last
-- change (updated_at): the earliest their suspension can have begun is not known, the latest is.
alter table certification add column status_changed_at timestamptz;
update certification set status_changed_at = updated_at where status = 'SUSPENDED';
-- the job's candidates: live records
create index certification_live_expiry on certification (expires_on) where status in ('VALID', 'SUSPENDED');
