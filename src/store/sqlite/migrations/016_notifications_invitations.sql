-- A technician's notifications: derived in the same unit as the event that caused them
-- (assigned to me, the customer replied on my ticket, mentioned in a note), read or not.
CREATE TABLE notifications (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  kind          TEXT NOT NULL CHECK (kind IN ('assigned', 'customer_replied', 'mentioned')),
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  actor_id      INTEGER REFERENCES users(id),
  event_id      INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  read_at       INTEGER
);
CREATE INDEX notifications_by_user ON notifications(user_id, id);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

-- An invitation to set a password: only the hash of the link's token is kept; one use, expires.
CREATE TABLE invitations (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX invitations_by_user ON invitations(user_id);

-- The sender's HTML, sanitised when the mail came in (empty: text only).
ALTER TABLE messages ADD COLUMN html TEXT NOT NULL DEFAULT '';

-- When a token last authenticated a request (written in batches, off the read path).
ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER;
