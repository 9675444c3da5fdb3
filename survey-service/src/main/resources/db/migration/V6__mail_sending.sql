-- A mail is claimed (SENDING, with its one-time link committed) before it goes to the SMTP server, so the link in a
-- delivered mail always works; a claim left behind by a crash goes back to PENDING after certcare.survey.mail.claim-timeout.
alter table survey_mail drop constraint survey_mail_status;
alter table survey_mail add constraint survey_mail_status check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'));
alter table survey_mail add column claimed_at timestamptz;
create index survey_mail_sending on survey_mail (claimed_at) where status = 'SENDING';
