"""Focus of this file: `frontline admin migrate-to-postgres` — a seeded and used SQLite
deployment (tickets, replies, internal notes, an attachment, categories, macros, filters, tokens, a service
directory entry with its revisions)
is copied into an empty PostgreSQL database with the same rows in every table (the command's own
table, checked here against both databases) and every attachment in the database; identity
sequences continue after the copied ids; a database that already holds rows is refused; and the
round trip holds through the API: an instance on the copy, with an empty data folder of its own,
answers every listing exactly as the SQLite instance does, for staff and for a customer.
Real SQLite file, real PostgreSQL cluster, real servers."""

import re
import subprocess
import tempfile
import unittest

from harness import Server, base_env, frontline_bin, multipart, unique
from postgres import Cluster

SQLITE = {"FRONTLINE_DATABASE_URL": ""}  # this instance stays on SQLite in every suite
ATTACHMENT = bytes(range(256)) * 9 + b"\x00the end"


def run(*args, timeout=300):
    return subprocess.run([frontline_bin()] + list(args), capture_output=True, text=True,
                          env=base_env(SQLITE), timeout=timeout)


def psql(url, sql):
    p = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise AssertionError(p.stderr)
    return p.stdout.strip()


def counts(stdout):
    return dict((m.group(1), (int(m.group(2)), int(m.group(3))))
                for m in re.finditer(r"^(\w+)\s+(\d+)\s+(\d+)\s*$", stdout, re.M))


class MigrateToPostgresTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = Cluster()
        cls.data = tempfile.mkdtemp(prefix="frontline-sqlite-")
        seeded = run("seed", "--data", cls.data, "--tickets", "300")
        assert seeded.returncode == 0, seeded.stderr
        # A working day on the SQLite deployment, so the copy has more than seeded rows.
        cls.lite = Server(env=SQLITE, data_dir=cls.data)
        cls.lite.start()
        cls.agent = cls.lite.user("agent")
        cls.customer = cls.lite.user("customer")
        cls.admin_token = cls.lite.issue_token("admin@example.com")
        ctype, body = multipart({"subject": unique("Scanner log "), "body": "log attached"},
                                [("file", "scan.bin", "application/octet-stream", ATTACHMENT)])
        made = cls.customer.client.post("/api/v1/tickets", body, headers={"Content-Type": ctype})
        assert made.status == 201, made.body
        cls.number = made.body["number"]
        cls.agent.client.reply(cls.number, "Looking at it now.")
        cls.agent.client.reply(cls.number, "Internal: vendor case 4411", kind="internal")
        admin = cls.lite.client(cls.admin_token)
        assert admin.post("/api/v1/categories", {"name": unique("Scanners ")}).status == 201
        assert admin.post("/api/v1/macros", {"name": unique("Thanks "), "scope": "shared",
                                             "changes": {"priority": "high"}}).status == 201
        assert cls.agent.client.post("/api/v1/me/filters", {"name": "Mine", "query": "status:open"}).status == 201
        # A service directory entry with a call tree, changed once (two revisions), a ticket
        # about it.
        service = cls.agent.client.post("/api/v1/services", {
            "name": unique("Records "), "urls": ["https://records.example.gov/login"],
            "keywords": ["records"], "public": True,
            "contacts": [{"kind": "phone", "value": "+1 555 0100", "public": True, "escalation": True,
                          "call_tree": [{"press": "2", "then": "database team"}]}]})
        assert service.status == 201, service.body
        cls.service = service.body["id"]
        changed = cls.agent.client.patch("/api/v1/services/%d" % cls.service,
                                         {"description": "The records database"})
        assert changed.status == 200, changed.body
        about = cls.agent.client.patch("/api/v1/tickets/%d" % cls.number, {"service_id": cls.service})
        assert about.status == 200, about.body
        cls.lite.stop()
        cls.url = cls.cluster.database()
        cls.migrated = run("admin", "migrate-to-postgres", "--data", cls.data, "--database", cls.url)
        cls.lite.start()
        # An instance on the copy keeps nothing locally: its data folder is new and empty.
        cls.pg = Server(env={"FRONTLINE_DATABASE_URL": cls.url})
        cls.pg.start()

    @classmethod
    def tearDownClass(cls):
        for s in (cls.pg, cls.lite):
            s.close()
        cls.cluster.close()

    def sqlite_count(self, table):
        import sqlite3
        with sqlite3.connect(self.data + "/frontline.db") as db:
            return db.execute('SELECT count(*) FROM "%s"' % table).fetchone()[0]

    def test_every_table_and_attachment_is_copied_and_sequences_continue(self):
        p = self.migrated
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        rows = counts(p.stdout)
        for table in ("users", "organizations", "tickets", "messages", "events", "ticket_search",
                      "ticket_tags", "ticket_credits", "notifications", "invitations", "attachments",
                      "categories", "macros", "saved_filters", "api_tokens", "services",
                      "service_urls", "service_keywords", "service_contacts", "service_revisions"):
            self.assertIn(table, rows, p.stdout)
            self.assertEqual(rows[table][0], self.sqlite_count(table), table)
            self.assertEqual(rows[table][1], int(psql(self.url, 'SELECT count(*) FROM "%s"' % table)), table)
        self.assertGreater(rows["tickets"][1], 0)
        self.assertEqual(rows["service_revisions"][1], 2)
        self.assertEqual(psql(self.url, "SELECT service_id FROM tickets WHERE number = %d" % self.number),
                         str(self.service))
        last = int(psql(self.url, "SELECT max(number) FROM tickets"))
        self.assertEqual(int(psql(self.url, "SELECT nextval(pg_get_serial_sequence('tickets', 'number'))")), last + 1)
        # The search documents came along: a subject word finds its ticket in PostgreSQL.
        subject = psql(self.url, "SELECT subject FROM tickets ORDER BY number LIMIT 1")
        word = max(re.findall(r"[A-Za-z]{4,}", subject), key=len)
        found = psql(self.url, "SELECT count(*) FROM ticket_search WHERE public_doc @@ "
                               "to_tsquery('frontline_search', '%s')" % word.lower())
        self.assertGreater(int(found), 0)

    def test_attachments_move_into_the_database(self):
        # The "blobs" row: attachment files under the data folder, rows of the blobs table.
        files, blobs = counts(self.migrated.stdout)["blobs"]
        self.assertGreaterEqual(files, 1)
        self.assertEqual(files, blobs)
        self.assertEqual(int(psql(self.url, "SELECT count(*) FROM blobs")), files)

    def listing_pairs(self, token):
        """(path, body on SQLite, body on PostgreSQL) for every listing this token may read."""
        lite, pg = self.lite.client(token), self.pg.client(token)
        paths = ["/api/v1/tickets/count", "/api/v1/me", "/api/v1/me/filters", "/api/v1/notifications",
                 "/api/v1/users?limit=200", "/api/v1/organizations", "/api/v1/teams",
                 "/api/v1/categories", "/api/v1/macros", "/api/v1/mail/templates",
                 "/api/v1/leaderboard", "/api/v1/reports/closed?group_by=agent",
                 "/api/v1/reports/closed?group_by=category", "/api/v1/boards", "/api/v1/chat-forms",
                 "/api/v1/chats", "/api/v1/services", "/api/v1/services?q=records",
                 "/api/v1/services?q=https://www.records.example.gov/deep/page",
                 "/api/v1/services/orphans", "/api/v1/services/%d" % self.service,
                 "/api/v1/services/%d/revisions" % self.service]
        # Every page of the ticket list, then each ticket with its messages, events and links.
        numbers, cursor = [], ""
        while True:
            path = "/api/v1/tickets?limit=100" + ("&cursor=" + cursor if cursor else "")
            paths.append(path)
            page = lite.get(path).body
            numbers += [t["number"] for t in page["items"]]
            cursor = page.get("next_cursor") or ""
            if not cursor:
                break
        subjects = " ".join(lite.get("/api/v1/tickets/%d" % n).body.get("subject", "") for n in numbers[:5])
        for word in sorted(set(re.findall(r"[A-Za-z]{5,}", subjects)))[:4]:
            paths.append("/api/v1/tickets?q=" + word.lower())
        for n in numbers[:40] + [self.number]:
            for tail in ("", "/messages", "/events", "/links", "/calls"):
                paths.append("/api/v1/tickets/%d%s" % (n, tail))
        for path in paths:
            a, b = lite.get(path), pg.get(path)
            yield path, a, b

    def assert_same_listings(self, token, at_least):
        compared = 0
        for path, a, b in self.listing_pairs(token):
            self.assertEqual(a.status, b.status, path)
            self.assertEqual(a.body, b.body, path)
            compared += 1
        self.assertGreaterEqual(compared, at_least)

    def test_every_listing_reads_the_same_on_both_for_staff(self):
        self.assert_same_listings(self.admin_token, 200)
        self.assert_same_listings(self.agent.token, 200)

    def test_every_listing_reads_the_same_on_both_for_a_customer(self):
        self.assert_same_listings(self.customer.token, 25)

    def test_the_attachment_downloads_from_the_instance_without_a_data_folder(self):
        msgs = self.customer.client.get("/api/v1/tickets/%d/messages" % self.number).body["items"]
        url = msgs[0]["attachments"][0]["url"]
        got = self.pg.client(self.customer.token).get(url)
        self.assertEqual(got.status, 200)
        self.assertEqual(got.body, ATTACHMENT)

    def test_a_database_with_rows_is_refused_and_left_as_it_was(self):
        before = psql(self.url, "SELECT count(*) FROM tickets")
        again = run("admin", "migrate-to-postgres", "--data", self.data, "--database", self.url)
        self.assertEqual(again.returncode, 1)
        self.assertIn("not empty", again.stderr)
        self.assertEqual(psql(self.url, "SELECT count(*) FROM tickets"), before)

    def test_without_a_database_url_it_says_what_is_missing(self):
        p = run("admin", "migrate-to-postgres", "--data", self.data)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("--database", p.stdout + p.stderr)


if __name__ == "__main__":
    unittest.main()
