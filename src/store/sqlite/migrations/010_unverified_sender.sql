-- Messages that came by email from a sender the receiving MTA did not vouch for (its
-- Authentication-Results); shown to staff as "Unverified sender", never mailed out as staff.
ALTER TABLE messages ADD COLUMN unverified_sender INTEGER NOT NULL DEFAULT 0;
