-- Instances learn of each other's writes at once: every statement that appends to the event log
-- notifies the channel frontline_events when its transaction commits (PostgreSQL delivers
-- notifications only after the commit, and folds the same one sent many times in a transaction
-- into one). Each instance's live hub listens and reads the log when told.
-- PostgreSQL only: SQLite's writes all go through the one process that serves them.
CREATE FUNCTION frontline_notify_event_writes() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('frontline_events', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER events_notify AFTER INSERT ON events
  FOR EACH STATEMENT EXECUTE FUNCTION frontline_notify_event_writes();
