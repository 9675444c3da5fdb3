-- How many times a mail was claimed for sending. A claim a crash leaves behind goes back to PENDING after the claim
-- timeout; a mail whose sending stops the sender every time (the process dies on it) is FAILED after
-- certcare.survey.mail.max-claims claims instead of being tried again every timeout for ever.
alter table survey_mail add column attempts int not null default 0;
