-- Outgoing mail, composed from the event log in the same transaction that advances the email
-- consumer's cursor (so each notification is queued exactly once), then sent with retries.
CREATE TABLE mail_outbox (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  ticket_number   INTEGER,
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  message_id      TEXT NOT NULL UNIQUE,
  in_reply_to     TEXT NOT NULL DEFAULT '',
  refs            TEXT NOT NULL DEFAULT '',
  auto_submitted  TEXT NOT NULL DEFAULT 'no',
  status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  UNIQUE (event_id, kind, recipient)
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE status = 'queued';
CREATE INDEX mail_outbox_by_ticket ON mail_outbox(ticket_number, id);
