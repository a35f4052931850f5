-- An admin's own wording for an outgoing mail kind; without a row the built-in text is used.
CREATE TABLE mail_templates (
  kind       TEXT PRIMARY KEY,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
