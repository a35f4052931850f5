-- What a customer sees of a ticket changes less often than the ticket: internal notes, priority,
-- assignment, team and tags bump `version`/`updated_at` but not these two, so a customer cannot
-- watch the version or the "updated" order move and learn that staff worked on the ticket.
ALTER TABLE tickets ADD COLUMN public_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tickets ADD COLUMN public_updated_at INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET public_version = version, public_updated_at = updated_at;
CREATE INDEX tickets_by_requester_public ON tickets(requester_id, public_updated_at DESC, number DESC);
CREATE INDEX tickets_by_org_public ON tickets(organization_id, public_updated_at DESC, number DESC);
