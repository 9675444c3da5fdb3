-- A record that never became a certificate (the application abandoned, the contract not signed, the audit not
-- concluded) ends TERMINATED (终止), not CANCELLED (注销): 注销 is a certificate's status and is reported nationally.
-- Records cancelled before they had a certificate become TERMINATED; the one-live-record-per-scheme index counts
-- TERMINATED among the final statuses.
update certification set status = 'TERMINATED'
 where status = 'CANCELLED' and certificate_no is null and issued_on is null;
drop index certification_client_scheme_live;
create unique index certification_client_scheme_live on certification (client_id, scheme)
    where status not in ('WITHDRAWN', 'CANCELLED', 'EXPIRED', 'TERMINATED');
