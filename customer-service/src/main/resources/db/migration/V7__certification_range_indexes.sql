-- Expiry and fee ranges read from the index alone: the list builds its set of matching clients (and
-- counts them) from an index-only range scan instead of reading the table. The plain expiry index is
-- covered by the new one.
drop index certification_expires;
create index certification_expiry_cover on certification (expires_on)
    include (client_id, initial_audit_fee, surveillance_fee);
create index certification_initial_fee_cover on certification (initial_audit_fee)
    include (client_id, expires_on);
