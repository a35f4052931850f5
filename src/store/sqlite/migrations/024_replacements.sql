-- Hardware replacements on tickets (issue 15): what is replaced, the shipping address (one
-- column per field, '' when unknown), who confirmed it, what was sent and how, and the status
-- (core/replacement.hpp). version counts every change: an update names the version it read.
-- reason and cancel_reason are internal: customers never see them.
CREATE TABLE replacements (
  id               INTEGER PRIMARY KEY,
  ticket_number    INTEGER NOT NULL REFERENCES tickets(number),
  status           TEXT NOT NULL CHECK (status IN ('requested', 'confirmed', 'shipped',
                                                   'delivered', 'returned', 'cancelled')),
  model            TEXT NOT NULL,
  serial           TEXT NOT NULL DEFAULT '',
  reason           TEXT NOT NULL DEFAULT '',
  addr_name        TEXT NOT NULL DEFAULT '',
  addr_organization TEXT NOT NULL DEFAULT '',
  addr_line1       TEXT NOT NULL DEFAULT '',
  addr_line2       TEXT NOT NULL DEFAULT '',
  addr_city        TEXT NOT NULL DEFAULT '',
  addr_region      TEXT NOT NULL DEFAULT '',
  addr_postal_code TEXT NOT NULL DEFAULT '',
  addr_country     TEXT NOT NULL DEFAULT '',
  addr_phone       TEXT NOT NULL DEFAULT '',
  addr_email       TEXT NOT NULL DEFAULT '',
  confirmed_at     INTEGER,
  confirmed_by     INTEGER REFERENCES users(id),
  sent_model       TEXT NOT NULL DEFAULT '',
  sent_serial      TEXT NOT NULL DEFAULT '',
  carrier          TEXT NOT NULL DEFAULT '',
  tracking_number  TEXT NOT NULL DEFAULT '',
  shipped_at       INTEGER,
  delivered_at     INTEGER,
  returned_at      INTEGER,
  cancelled_at     INTEGER,
  cancel_reason    TEXT NOT NULL DEFAULT '',
  created_by       INTEGER NOT NULL REFERENCES users(id),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX replacements_by_ticket ON replacements(ticket_number, id);
-- The console's queues by status ("to ship": confirmed), newest first.
CREATE INDEX replacements_by_status ON replacements(status, id);
