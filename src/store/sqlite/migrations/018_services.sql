-- The service directory (issue 15): who supports what, and how to reach them.
CREATE TABLE services (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  -- The owning team; a team that goes away leaves the service without one (an orphan).
  team_id     INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  is_public   INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
);

-- A service's URLs in their listed order, each with its normalised host (core::normalise_host)
-- so that any URL on that host finds the service.
CREATE TABLE service_urls (
  service_id INTEGER NOT NULL REFERENCES services(id),
  position   INTEGER NOT NULL,
  url        TEXT NOT NULL,
  host       TEXT NOT NULL,
  PRIMARY KEY (service_id, position)
) WITHOUT ROWID;
CREATE INDEX service_urls_by_host ON service_urls(host);

CREATE TABLE service_keywords (
  service_id INTEGER NOT NULL REFERENCES services(id),
  position   INTEGER NOT NULL,
  keyword    TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (service_id, position)
) WITHOUT ROWID;
CREATE INDEX service_keywords_by_keyword ON service_keywords(keyword);

-- How to reach the people behind a service. call_tree: the phone menu's steps, packed by
-- core::pack_call_tree. Verification: when, by whom, how and with what result it was checked.
CREATE TABLE service_contacts (
  id                   INTEGER PRIMARY KEY,
  service_id           INTEGER NOT NULL REFERENCES services(id),
  position             INTEGER NOT NULL,
  kind                 TEXT NOT NULL CHECK (kind IN ('phone', 'email', 'web')),
  value                TEXT NOT NULL,
  call_tree            TEXT NOT NULL DEFAULT '',
  hours                TEXT NOT NULL DEFAULT '',
  time_zone            TEXT NOT NULL DEFAULT '',
  is_public            INTEGER NOT NULL DEFAULT 0,
  escalation           INTEGER NOT NULL DEFAULT 0,
  escalation_order     INTEGER NOT NULL DEFAULT 0,
  is_primary           INTEGER NOT NULL DEFAULT 0,
  active               INTEGER NOT NULL DEFAULT 1,
  notes                TEXT NOT NULL DEFAULT '',
  last_verified_at     INTEGER,
  verified_by          INTEGER REFERENCES users(id),
  verified_how         TEXT,
  verified_result      TEXT,
  review_interval_days INTEGER NOT NULL DEFAULT 180,
  created_at           INTEGER NOT NULL
);
CREATE INDEX service_contacts_by_service ON service_contacts(service_id, position);

-- Every state a service was saved in: who, when, and the whole service as JSON.
CREATE TABLE service_revisions (
  id            INTEGER PRIMARY KEY,
  service_id    INTEGER NOT NULL REFERENCES services(id),
  author_id     INTEGER REFERENCES users(id),
  created_at    INTEGER NOT NULL,
  snapshot      TEXT NOT NULL,
  restored_from INTEGER  -- the revision this one brought back (restore), if any
);
CREATE INDEX service_revisions_by_service ON service_revisions(service_id, id);

-- The service a ticket is about.
ALTER TABLE tickets ADD COLUMN service_id INTEGER REFERENCES services(id);
CREATE INDEX tickets_by_service ON tickets(service_id) WHERE service_id IS NOT NULL;

-- A contact reported wrong notifies the members of the service's team: one more notification
-- kind. SQLite cannot change a CHECK in place, so the table is rebuilt (same columns, indexes).
CREATE TABLE notifications_new (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  kind          TEXT NOT NULL CHECK (kind IN ('assigned', 'customer_replied', 'mentioned',
                                              'contact_reported_wrong')),
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
