-- The email Message-ID a message came from (inbound) or was sent with (outbound): threads
-- replies (In-Reply-To / References) and makes a re-delivered message a no-op.
ALTER TABLE messages ADD COLUMN email_message_id TEXT;
CREATE UNIQUE INDEX messages_by_email_id ON messages(email_message_id)
  WHERE email_message_id IS NOT NULL;
