-- Which optional parts a ticket has, as bits: SQLite's 025_ticket_parts.sql (it says why), with
-- one trigger function for the four tables (its argument is the bit).
ALTER TABLE tickets ADD COLUMN parts BIGINT NOT NULL DEFAULT 0;
UPDATE tickets t SET parts =
    (CASE WHEN EXISTS (SELECT 1 FROM ticket_fields f WHERE f.ticket_number = t.number)
          THEN 1 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM ticket_escalations e WHERE e.ticket_number = t.number)
          THEN 2 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM promises p WHERE p.ticket_number = t.number)
          THEN 4 ELSE 0 END)
  | (CASE WHEN EXISTS (SELECT 1 FROM replacements r WHERE r.ticket_number = t.number)
          THEN 8 ELSE 0 END)
WHERE EXISTS (SELECT 1 FROM ticket_fields f WHERE f.ticket_number = t.number)
   OR EXISTS (SELECT 1 FROM ticket_escalations e WHERE e.ticket_number = t.number)
   OR EXISTS (SELECT 1 FROM promises p WHERE p.ticket_number = t.number)
   OR EXISTS (SELECT 1 FROM replacements r WHERE r.ticket_number = t.number);

-- The ticket row is written only when the bit is new: a ticket's second promise changes nothing
-- there (and conflicts with no concurrent unit writing that ticket).
CREATE FUNCTION frontline_mark_ticket_part() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tickets SET parts = parts | TG_ARGV[0]::bigint
   WHERE number = NEW.ticket_number AND parts & TG_ARGV[0]::bigint = 0;
  RETURN NULL;
END
$$;
CREATE TRIGGER ticket_fields_part AFTER INSERT ON ticket_fields
  FOR EACH ROW EXECUTE FUNCTION frontline_mark_ticket_part(1);
CREATE TRIGGER ticket_escalations_part AFTER INSERT ON ticket_escalations
  FOR EACH ROW EXECUTE FUNCTION frontline_mark_ticket_part(2);
CREATE TRIGGER promises_part AFTER INSERT ON promises
  FOR EACH ROW EXECUTE FUNCTION frontline_mark_ticket_part(4);
CREATE TRIGGER replacements_part AFTER INSERT ON replacements
  FOR EACH ROW EXECUTE FUNCTION frontline_mark_ticket_part(8);
