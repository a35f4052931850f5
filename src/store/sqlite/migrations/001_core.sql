-- Core schema: accounts, tickets, messages, attachments, events (audit + outbox), credentials.
CREATE TABLE organizations (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  share_tickets INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name            TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('customer', 'agent', 'admin')),
  organization_id INTEGER REFERENCES organizations(id),
  timezone        TEXT NOT NULL DEFAULT 'UTC',
  password_hash   TEXT,
  disabled        INTEGER NOT NULL DEFAULT 0,
  verified        INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL
);
CREATE INDEX users_by_role ON users(role, id);

CREATE TABLE teams (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at INTEGER NOT NULL
);

CREATE TABLE team_members (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (team_id, user_id)
) WITHOUT ROWID;

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  token_hash   TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);

CREATE TABLE sessions (
  session_hash TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  expires_at   INTEGER NOT NULL
) WITHOUT ROWID;

-- number is the ticket's public, sequential identity (#1042).
CREATE TABLE tickets (
  number            INTEGER PRIMARY KEY,
  subject           TEXT NOT NULL,
  status            TEXT NOT NULL,
  priority          TEXT NOT NULL,
  requester_id      INTEGER NOT NULL REFERENCES users(id),
  organization_id   INTEGER REFERENCES organizations(id),
  assignee_id       INTEGER REFERENCES users(id),
  team_id           INTEGER REFERENCES teams(id),
  category          TEXT NOT NULL DEFAULT '',
  channel           TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  first_response_at INTEGER,
  resolved_at       INTEGER,
  closed_at         INTEGER,
  merged_into       INTEGER,
  version           INTEGER NOT NULL DEFAULT 1
);
-- Queue lists: newest-updated first within status/assignee/team/requester/org.
CREATE INDEX tickets_by_assignee ON tickets(assignee_id, status, updated_at DESC, number DESC);
CREATE INDEX tickets_by_status ON tickets(status, updated_at DESC, number DESC);
CREATE INDEX tickets_by_team ON tickets(team_id, status, updated_at DESC, number DESC);
CREATE INDEX tickets_by_requester ON tickets(requester_id, updated_at DESC, number DESC);
CREATE INDEX tickets_by_org ON tickets(organization_id, updated_at DESC, number DESC);
CREATE INDEX tickets_by_updated ON tickets(updated_at DESC, number DESC);
CREATE INDEX tickets_resolved ON tickets(resolved_at) WHERE status = 'resolved';

CREATE TABLE ticket_tags (
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  tag           TEXT NOT NULL,
  PRIMARY KEY (ticket_number, tag)
) WITHOUT ROWID;
CREATE INDEX ticket_tags_by_tag ON ticket_tags(tag, ticket_number);

CREATE TABLE ticket_links (
  a INTEGER NOT NULL REFERENCES tickets(number),
  b INTEGER NOT NULL REFERENCES tickets(number),
  PRIMARY KEY (a, b)
) WITHOUT ROWID;

CREATE TABLE messages (
  id            INTEGER PRIMARY KEY,
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  kind          TEXT NOT NULL CHECK (kind IN ('public', 'internal', 'system')),
  author_id     INTEGER NOT NULL REFERENCES users(id),
  body          TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE INDEX messages_by_ticket ON messages(ticket_number, id);

CREATE TABLE attachments (
  id            INTEGER PRIMARY KEY,
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  message_id    INTEGER REFERENCES messages(id),
  filename      TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE INDEX attachments_by_message ON attachments(message_id);

-- The event log: audit history on each ticket and the outbox for every consumer.
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  ticket_number INTEGER,
  actor_id      INTEGER,
  type          TEXT NOT NULL,
  data          TEXT NOT NULL,
  internal      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);
CREATE INDEX events_by_ticket ON events(ticket_number, id);

CREATE TABLE consumer_cursors (
  consumer      TEXT PRIMARY KEY,
  last_event_id INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE idempotency_keys (
  user_id       INTEGER NOT NULL,
  key           TEXT NOT NULL,
  ticket_number INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

-- Full-text search, one document per ticket (rowid = number). Internal notes have their own
-- column so a customer's search can never match words that only appear in them. facets holds
-- the status as a token ("zzstatusopen") so a status filter narrows the match inside the index
-- instead of checking every matching ticket row.
CREATE VIRTUAL TABLE ticket_search USING fts5(
  subject, public_text, internal_text, requester, facets,
  tokenize = 'unicode61 remove_diacritics 2'
);
