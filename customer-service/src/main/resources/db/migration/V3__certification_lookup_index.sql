-- The list's "a record of this client with status/scheme" checks read this index only.
create index certification_client_status_scheme on certification (client_id, status, scheme);
