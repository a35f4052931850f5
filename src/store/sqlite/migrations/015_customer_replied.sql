-- When the requester's side last wrote publicly with no public staff reply since: the queue's
-- "customer replied" marker (NULL: staff spoke last, or nobody replied yet).
ALTER TABLE tickets ADD COLUMN customer_replied_at INTEGER;
