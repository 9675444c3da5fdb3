-- The client's grade (分等分级, A–D) as customer-service announces it on its customer events, copied like the province
-- onto each dispatch when the client is asked and onto its answer: the quarter's figures by grade stay what they were
-- when a client is graded again later. Null: not graded (then, or before customer-service announced grades).
alter table survey_client add column grade varchar(1);
alter table survey_dispatch add column grade varchar(1);
alter table survey_response add column grade varchar(1);
