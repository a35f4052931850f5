-- The leaderboard and the closed-ticket reports (docs/leaderboard.md). Every status change
-- updates these in its own transaction, so reports read small rollups and never scan tickets.

-- The credit a ticket holds now (at most one): the technician, their local day of the resolve,
-- and what the reports group by as it was then (team 0: none), so a reopen takes back exactly
-- what the resolve counted.
CREATE TABLE ticket_credits (
  ticket_number INTEGER PRIMARY KEY,
  agent_id      INTEGER NOT NULL,
  day           INTEGER NOT NULL,
  team_id       INTEGER NOT NULL,
  category      TEXT NOT NULL,
  channel       TEXT NOT NULL
);

-- Closes per technician per local day: the leaderboard and the 14-day breakdown.
CREATE TABLE closed_daily (
  agent_id INTEGER NOT NULL,
  day      INTEGER NOT NULL,
  closed   INTEGER NOT NULL,
  PRIMARY KEY (agent_id, day)
) WITHOUT ROWID;
CREATE INDEX closed_daily_by_day ON closed_daily(day, agent_id, closed);

-- Closes per day by team, category and channel (the other groupings of a report). Without the
-- technician, a day has a few hundred rows at most, so any range reads quickly.
CREATE TABLE closed_rollup (
  day      INTEGER NOT NULL,
  team_id  INTEGER NOT NULL,
  category TEXT NOT NULL,
  channel  TEXT NOT NULL,
  closed   INTEGER NOT NULL,
  PRIMARY KEY (day, team_id, category, channel)
) WITHOUT ROWID;

-- Days a technician was away (holiday, sick): not working days for their average.
CREATE TABLE away_days (
  user_id INTEGER NOT NULL REFERENCES users(id),
  day     INTEGER NOT NULL,
  PRIMARY KEY (user_id, day)
) WITHOUT ROWID;

-- Named leaderboards ranking only their members (e.g. help desk and field technicians).
CREATE TABLE boards (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at INTEGER NOT NULL
);
CREATE TABLE board_members (
  board_id INTEGER NOT NULL REFERENCES boards(id),
  user_id  INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (board_id, user_id)
) WITHOUT ROWID;

-- Working weekdays as bits, Monday = bit 0; 31 is Monday to Friday.
ALTER TABLE organizations ADD COLUMN work_week INTEGER NOT NULL DEFAULT 31;
-- A technician may turn the morning report off; admins choose who is on the company-wide board.
ALTER TABLE users ADD COLUMN morning_report INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN ranked INTEGER NOT NULL DEFAULT 1;

-- Tickets finished before this migration: credit the current assignee on the UTC day of the
-- resolve (the history of assignments and the technicians' zones are not at hand in SQL; from
-- now on every status change keeps the rollups exactly). Merged tickets are left out: a merge
-- closes without resolving, and the row cannot tell the rare resolved-then-merged ones apart.
INSERT INTO ticket_credits(ticket_number, agent_id, day, team_id, category, channel)
  SELECT number, assignee_id, resolved_at / 86400, coalesce(team_id, 0), category, channel
  FROM tickets
  WHERE status IN ('resolved', 'closed') AND assignee_id IS NOT NULL
    AND resolved_at IS NOT NULL AND merged_into IS NULL;
INSERT INTO closed_daily(agent_id, day, closed)
  SELECT agent_id, day, count(*) FROM ticket_credits GROUP BY agent_id, day;
INSERT INTO closed_rollup(day, team_id, category, channel, closed)
  SELECT day, team_id, category, channel, count(*) FROM ticket_credits
  GROUP BY day, team_id, category, channel;
