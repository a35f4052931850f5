-- Which optional parts a ticket has, as bits (store/ticket_repository.hpp TicketParts): 1 intake
-- answers (ticket_fields), 2 escalations, 4 promises, 8 hardware replacements. A ticket's page
-- reads each part only when its bit is set. Kept by the triggers below on every insert (parts
-- never move: a merge leaves them on the merged ticket), so no writer has to remember it; a bit
-- is never cleared, and a part that is gone costs one empty read. Four EXISTS probes per read
-- cost more than this (bench/postgres.sh, docs/scaling.md). The backfill rewrites only the rows
-- that have a part.
ALTER TABLE tickets ADD COLUMN parts INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET parts =
    (CASE WHEN EXISTS (SELECT 1 FROM ticket_fields f WHERE f.ticket_number = tickets.number)
          THEN 1 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM ticket_escalations e WHERE e.ticket_number = tickets.number)
          THEN 2 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM promises p WHERE p.ticket_number = tickets.number)
          THEN 4 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM replacements r WHERE r.ticket_number = tickets.number)
          THEN 8 ELSE 0 END)
WHERE EXISTS (SELECT 1 FROM ticket_fields f WHERE f.ticket_number = tickets.number)
   OR EXISTS (SELECT 1 FROM ticket_escalations e WHERE e.ticket_number = tickets.number)
   OR EXISTS (SELECT 1 FROM promises p WHERE p.ticket_number = tickets.number)
   OR EXISTS (SELECT 1 FROM replacements r WHERE r.ticket_number = tickets.number);

CREATE TRIGGER ticket_fields_part AFTER INSERT ON ticket_fields BEGIN
  UPDATE tickets SET parts = parts | 1 WHERE number = NEW.ticket_number AND parts & 1 = 0;
END;
CREATE TRIGGER ticket_escalations_part AFTER INSERT ON ticket_escalations BEGIN
  UPDATE tickets SET parts = parts | 2 WHERE number = NEW.ticket_number AND parts & 2 = 0;
END;
CREATE TRIGGER promises_part AFTER INSERT ON promises BEGIN
  UPDATE tickets SET parts = parts | 4 WHERE number = NEW.ticket_number AND parts & 4 = 0;
END;
CREATE TRIGGER replacements_part AFTER INSERT ON replacements BEGIN
  UPDATE tickets SET parts = parts | 8 WHERE number = NEW.ticket_number AND parts & 8 = 0;
END;
