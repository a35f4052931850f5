-- Intake questions (issue 15): per category or per service, the ordered questions a new ticket
-- asks, and the answers each ticket keeps as typed fields (core/intake.hpp).
CREATE TABLE intake_questions (
  id           INTEGER PRIMARY KEY,
  -- The scope: a category's name (tickets keep categories as text, so a name, not an id) or a
  -- directory service. Exactly one is set.
  category     TEXT COLLATE NOCASE,
  service_id   INTEGER REFERENCES services(id),
  position     INTEGER NOT NULL,
  question_key TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('text', 'choice', 'yes_no', 'serial',
                                             'error_message')),
  label        TEXT NOT NULL,
  help         TEXT NOT NULL DEFAULT '',
  choices      TEXT NOT NULL DEFAULT '',  -- one per line, in the order offered
  required     INTEGER NOT NULL DEFAULT 0,
  active       INTEGER NOT NULL DEFAULT 1,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  CHECK ((category IS NULL) <> (service_id IS NULL))
);
CREATE INDEX intake_questions_by_category ON intake_questions(category, position)
  WHERE category IS NOT NULL;
CREATE INDEX intake_questions_by_service ON intake_questions(service_id, position)
  WHERE service_id IS NOT NULL;

-- A ticket's answers in form order. The question's key, label and kind are copied as they were
-- when answered, and question_id has no foreign key: answers outlive a deleted question.
CREATE TABLE ticket_fields (
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  position      INTEGER NOT NULL,
  question_id   INTEGER NOT NULL,
  question_key  TEXT NOT NULL,
  label         TEXT NOT NULL,
  kind          TEXT NOT NULL,
  value         TEXT NOT NULL COLLATE NOCASE,  -- kept as typed; compared ignoring case
  PRIMARY KEY (ticket_number, position)
) WITHOUT ROWID;
-- field:KEY=VALUE in the search language.
CREATE INDEX ticket_fields_by_value ON ticket_fields(question_key, value);
