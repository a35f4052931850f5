-- Macros: canned field changes and a reply. owner_id NULL: shared (admins manage it); otherwise
-- one technician's own. The two "mode" columns tell "leave alone" (0), "clear" (1), "set to the
-- id" (2) and, for the assignee, "whoever applies it" (3) apart, which a NULL id alone cannot.
-- Tags are space-separated (a tag never holds a space).
CREATE TABLE macros (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  status TEXT,
  priority TEXT,
  assignee_mode INTEGER NOT NULL DEFAULT 0,
  assignee_id INTEGER,
  team_mode INTEGER NOT NULL DEFAULT 0,
  team_id INTEGER,
  category TEXT,
  add_tags TEXT NOT NULL DEFAULT '',
  remove_tags TEXT NOT NULL DEFAULT '',
  reply TEXT NOT NULL DEFAULT '',
  reply_internal INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
CREATE INDEX macros_by_owner ON macros(owner_id, name);
