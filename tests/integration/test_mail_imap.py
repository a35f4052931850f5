"""Focus of this file: IMAP polling against a real Dovecot — unseen messages become tickets and
are marked \\Seen (or moved) only after the ticket is stored; messages already read are left
alone; a message fetched before a crash is taken in on the next start by its UID."""

import imaplib
import sqlite3
import time
import unittest

import dovecot
from harness import ON_POSTGRES, Server, unique

WAIT_SECONDS = 30


def message(sender, subject, body="Hello"):
    return ("From: %s\r\nTo: help@desk.example\r\nSubject: %s\r\nMessage-ID: <%s@customer.example>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n"
            % (sender, subject, unique("imap"), body)).encode()


@unittest.skipUnless(dovecot.available(), "needs root and Debian's dovecot-imapd")
class ImapPollingTest(unittest.TestCase):
    def setUp(self):
        self.dovecot = dovecot.Dovecot().start()
        self.addCleanup(self.dovecot.stop)

    def imap(self):
        c = imaplib.IMAP4("127.0.0.1", self.dovecot.port)
        c.login(dovecot.USER, dovecot.PASSWORD)
        self.addCleanup(c.logout)
        return c

    def server_env(self, **extra):
        env = {"FRONTLINE_IMAP_URL": self.dovecot.url, "FRONTLINE_IMAP_USERNAME": dovecot.USER,
               "FRONTLINE_IMAP_PASSWORD": dovecot.PASSWORD, "FRONTLINE_IMAP_POLL_SECONDS": "1"}
        env.update(extra)
        return env

    def wait_for_ticket(self, agent, sender):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            items = agent.client.get("/api/v1/tickets?requester=" + sender).body.get("items", [])
            if items:
                return items[0]
            time.sleep(0.2)
        raise AssertionError("no ticket from %s; dovecot log:\n%s" % (sender, self.dovecot.log()))

    def flags(self, client, folder="INBOX"):
        client.select(folder)
        typ, data = client.uid("SEARCH", None, "ALL")
        uids = data[0].split()
        out = {}
        for uid in uids:
            typ, f = client.uid("FETCH", uid, "(FLAGS)")
            out[int(uid)] = f[0].decode()
        return out

    def test_unseen_mail_becomes_a_ticket_and_is_then_marked_seen(self):
        sender = unique("imap") + "@customer.example"
        self.dovecot.deliver(message(sender, "Scanner offline", "It shows E7."))
        with Server(env=self.server_env()) as s:
            agent = s.user("agent")
            t = self.wait_for_ticket(agent, sender)
            self.assertEqual(t["channel"], "email")
            self.assertEqual(t["subject"], "Scanner offline")
            c = self.imap()
            deadline = time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline and not all("\\Seen" in f for f in self.flags(c).values()):
                time.sleep(0.2)
            self.assertTrue(all("\\Seen" in f for f in self.flags(c).values()), self.flags(c))

    def test_messages_already_read_in_the_mailbox_are_left_alone(self):
        c = self.imap()
        read_sender = unique("read") + "@customer.example"
        self.dovecot.deliver(message(read_sender, "Already handled by a person"))
        c.select("INBOX")
        typ, data = c.uid("SEARCH", None, "ALL")
        c.uid("STORE", data[0].split()[0], "+FLAGS", "(\\Seen)")
        new_sender = unique("new") + "@customer.example"
        self.dovecot.deliver(message(new_sender, "New one"))
        with Server(env=self.server_env()) as s:
            agent = s.user("agent")
            self.wait_for_ticket(agent, new_sender)
            r = agent.client.get("/api/v1/tickets?requester=" + read_sender)
            self.assertEqual(r.body.get("items", []), [])

    def test_stored_messages_are_moved_when_a_folder_is_configured(self):
        c = self.imap()
        c.create("Processed")
        sender = unique("move") + "@customer.example"
        self.dovecot.deliver(message(sender, "Move me"))
        with Server(env=self.server_env(FRONTLINE_IMAP_MOVE_TO="Processed")) as s:
            agent = s.user("agent")
            self.wait_for_ticket(agent, sender)
            deadline = time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline and self.flags(c, "INBOX"):
                time.sleep(0.2)
            self.assertEqual(self.flags(c, "INBOX"), {})
            self.assertEqual(len(self.flags(c, "Processed")), 1)

    @unittest.skipIf(ON_POSTGRES, "writes the pending UID into the SQLite file")
    def test_a_message_fetched_before_a_crash_is_taken_in_by_uid_on_restart(self):
        sender = unique("crash") + "@customer.example"
        self.dovecot.deliver(message(sender, "Fetched, then the power went"))
        c = self.imap()
        c.select("INBOX")
        typ, data = c.uid("SEARCH", None, "ALL")
        uid = int(data[0].split()[0])
        c.uid("STORE", str(uid), "+FLAGS", "(\\Seen)")  # what the fetch did before the crash
        s = Server(env=self.server_env())
        s.start()  # creates the database; then stop it to write the pending UID as it was left
        s.stop()
        with sqlite3.connect(s.db_path) as db:
            db.execute("INSERT INTO imap_pending(mailbox, uid) VALUES(?, ?)", (self.dovecot.url, uid))
        try:
            s.start()
            agent = s.user("agent")
            self.wait_for_ticket(agent, sender)
            deadline = time.monotonic() + WAIT_SECONDS
            left = None
            while time.monotonic() < deadline:
                with sqlite3.connect(s.db_path) as db:
                    left = db.execute("SELECT count(*) FROM imap_pending").fetchone()[0]
                if left == 0:
                    break
                time.sleep(0.2)
            self.assertEqual(left, 0)
        finally:
            s.close()


if __name__ == "__main__":
    unittest.main()
