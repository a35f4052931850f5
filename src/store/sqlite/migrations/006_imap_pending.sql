-- IMAP messages being taken in: recorded before the fetch (which marks them \Seen) and removed
-- once the ticket is stored and the message marked or moved, so a crash in between is retried
-- by UID instead of losing a message the mailbox already shows as read.
CREATE TABLE imap_pending (
  mailbox TEXT NOT NULL,
  uid     INTEGER NOT NULL,
  PRIMARY KEY (mailbox, uid)
);
