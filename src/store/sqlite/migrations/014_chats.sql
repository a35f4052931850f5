-- Live chats. Every chat is backed by a ticket from its first second (ticket_number); the log
-- numbers its entries from 1 per chat (last_seq is the newest), so clients resume "after seq".
-- A visitor without an account holds a token granting that one chat: only its hash is kept.
-- steps_done is space-separated wire names (core::chat_steps()).
CREATE TABLE chats (
  id INTEGER PRIMARY KEY,
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  status TEXT NOT NULL,
  requester_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL,
  topic TEXT NOT NULL,
  technician INTEGER NOT NULL DEFAULT 0,
  steps_done TEXT NOT NULL DEFAULT '',
  steps_other TEXT NOT NULL DEFAULT '',
  serial_number TEXT NOT NULL DEFAULT '',
  machine_type TEXT NOT NULL DEFAULT '',
  agent_id INTEGER REFERENCES users(id),
  team_id INTEGER REFERENCES teams(id),
  visitor_token_hash TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  accepted_at INTEGER,
  ended_at INTEGER,
  offered_at INTEGER NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0,
  rating INTEGER,
  rating_comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX chats_by_status ON chats(status, id);
CREATE INDEX chats_by_ticket ON chats(ticket_number, id);
CREATE INDEX chats_by_requester ON chats(requester_id, status, id);
CREATE INDEX chats_by_agent ON chats(agent_id, status);

-- author_id NULL: the chat's anonymous visitor. client_key makes a resend idempotent per author:
-- '<author_id or v>:<client_id>', NULL when the sender gave no client_id.
CREATE TABLE chat_log (
  chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  author_role TEXT NOT NULL,
  author_id INTEGER,
  author_name TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL DEFAULT '{}',
  client_key TEXT,
  message_id INTEGER,
  at INTEGER NOT NULL,
  PRIMARY KEY (chat_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX chat_log_by_client_key ON chat_log(chat_id, client_key)
  WHERE client_key IS NOT NULL;

CREATE TABLE chat_forms (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
-- options: one per line (choice fields only).
CREATE TABLE chat_form_fields (
  form_id INTEGER NOT NULL REFERENCES chat_forms(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  type TEXT NOT NULL,
  required INTEGER NOT NULL DEFAULT 0,
  options TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (form_id, position)
) WITHOUT ROWID;
