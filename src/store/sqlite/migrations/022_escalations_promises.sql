-- Escalations and promises on tickets (issue 15).

-- A ticket handed to another team (team_id) or to an external contact of the service directory
-- (contact_id and its service; contact_label keeps what the contact was, since contacts can be
-- edited or removed). They stack: the current escalation of a ticket is its newest row with no
-- ended_at; de-escalating ends it and returns the ticket to from_team_id (and from_assignee_id
-- when that person can still take it).
CREATE TABLE ticket_escalations (
  id               INTEGER PRIMARY KEY,
  ticket_number    INTEGER NOT NULL REFERENCES tickets(number),
  team_id          INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  contact_id       INTEGER,
  service_id       INTEGER REFERENCES services(id),
  contact_label    TEXT NOT NULL DEFAULT '',
  from_team_id     INTEGER,
  from_assignee_id INTEGER,
  summary          TEXT NOT NULL,
  by_id            INTEGER REFERENCES users(id),
  at               INTEGER NOT NULL,
  ended_at         INTEGER,
  ended_by         INTEGER REFERENCES users(id)
);
CREATE INDEX ticket_escalations_by_ticket ON ticket_escalations(ticket_number, id);

-- "I will call back by 3 pm": a promise on a ticket with its owner and due time. remind_at is
-- when the job reminds the owner (once: reminded_at); broken_at when the job recorded it broken
-- (once); kept_at when someone marked it kept.
CREATE TABLE promises (
  id            INTEGER PRIMARY KEY,
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  owner_id      INTEGER NOT NULL REFERENCES users(id),
  text          TEXT NOT NULL,
  due_at        INTEGER NOT NULL,
  remind_at     INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  reminded_at   INTEGER,
  broken_at     INTEGER,
  kept_at       INTEGER,
  kept_by       INTEGER REFERENCES users(id)
);
CREATE INDEX promises_by_ticket ON promises(ticket_number, id);
CREATE INDEX promises_open_by_due ON promises(due_at) WHERE kept_at IS NULL;
CREATE INDEX promises_to_remind ON promises(remind_at) WHERE reminded_at IS NULL AND kept_at IS NULL;

-- A promise's reminder notifies its owner: one more notification kind. SQLite cannot change a
-- CHECK in place, so the table is rebuilt (same columns, indexes), as in 018.
CREATE TABLE notifications_new (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  kind          TEXT NOT NULL CHECK (kind IN ('assigned', 'customer_replied', 'mentioned',
                                              'contact_reported_wrong', 'promise_due')),
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  actor_id      INTEGER REFERENCES users(id),
  event_id      INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  read_at       INTEGER
);
INSERT INTO notifications_new(id, user_id, kind, ticket_number, actor_id, event_id, created_at,
                              read_at)
  SELECT id, user_id, kind, ticket_number, actor_id, event_id, created_at, read_at
  FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_user ON notifications(user_id, id);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
