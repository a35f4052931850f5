-- People copied on a ticket by email (the Cc of the mail that opened it, or of the requester's
-- replies): they receive the public replies too.
CREATE TABLE ticket_ccs (
  ticket_number INTEGER NOT NULL REFERENCES tickets(number),
  email         TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (ticket_number, email)
);
