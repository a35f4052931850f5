-- Outgoing mail may carry an HTML alternative next to the text; templates may define one.
ALTER TABLE mail_templates ADD COLUMN html TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN html TEXT NOT NULL DEFAULT '';
