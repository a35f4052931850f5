"""Focus of this file: `frontline admin migrate-to-postgres` — a seeded SQLite deployment is
copied into an empty PostgreSQL database with the same rows in every table (the command's own
table, checked here against both databases), identity sequences continue after the copied ids,
and a database that already holds rows is refused. Real SQLite file, real PostgreSQL cluster."""

import re
import subprocess
import tempfile
import unittest

from harness import base_env, frontline_bin
from postgres import Cluster


def run(*args, timeout=300):
    return subprocess.run([frontline_bin()] + list(args), capture_output=True, text=True,
                          env=base_env(), timeout=timeout)


def psql(url, sql):
    p = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise AssertionError(p.stderr)
    return p.stdout.strip()


class MigrateToPostgresTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = Cluster()
        cls.data = tempfile.mkdtemp(prefix="frontline-sqlite-")
        seeded = run("seed", "--data", cls.data, "--tickets", "300")
        assert seeded.returncode == 0, seeded.stderr
        cls.add_directory_entry(cls.data + "/frontline.db")

    @staticmethod
    def add_directory_entry(path):
        """The seed has no service directory yet: one service with each of its parts, a revision,
        a revision restoring it, and a ticket about it."""
        import sqlite3
        with sqlite3.connect(path) as db:
            sid = db.execute("INSERT INTO services(name, team_id, is_public, created_at, updated_at) "
                             "VALUES('Records', (SELECT min(id) FROM teams), 1, 1, 1)").lastrowid
            db.execute("INSERT INTO service_urls VALUES(?, 0, 'https://records.example.gov', "
                       "'records.example.gov')", (sid,))
            db.execute("INSERT INTO service_keywords VALUES(?, 0, 'records')", (sid,))
            db.execute("INSERT INTO service_contacts(service_id, position, kind, value, call_tree, "
                       "is_public, escalation, created_at) VALUES(?, 0, 'phone', '+1 555 0100', "
                       "'2' || char(31) || 'database team', 1, 1, 1)", (sid,))
            first = db.execute("INSERT INTO service_revisions(service_id, created_at, snapshot) "
                               "VALUES(?, 1, '{}')", (sid,)).lastrowid
            db.execute("INSERT INTO service_revisions(service_id, created_at, snapshot, restored_from) "
                       "VALUES(?, 2, '{}', ?)", (sid, first))
            db.execute("UPDATE tickets SET service_id = ? WHERE number = (SELECT min(number) FROM tickets)",
                       (sid,))

    @classmethod
    def tearDownClass(cls):
        cls.cluster.close()

    def sqlite_count(self, table):
        import sqlite3
        with sqlite3.connect(self.data + "/frontline.db") as db:
            return db.execute('SELECT count(*) FROM "%s"' % table).fetchone()[0]

    def test_every_table_is_copied_and_sequences_continue_after_the_copied_ids(self):
        url = self.cluster.database()
        p = run("admin", "migrate-to-postgres", "--data", self.data, "--database", url)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        rows = dict((m.group(1), (int(m.group(2)), int(m.group(3))))
                    for m in re.finditer(r"^(\w+)\s+(\d+)\s+(\d+)\s*$", p.stdout, re.M))
        for table in ("users", "organizations", "tickets", "messages", "events", "ticket_search",
                      "ticket_tags", "ticket_credits", "notifications", "invitations", "services",
                      "service_urls", "service_keywords", "service_contacts", "service_revisions"):
            self.assertIn(table, rows, p.stdout)
            self.assertEqual(rows[table][0], self.sqlite_count(table), table)
            self.assertEqual(rows[table][1], int(psql(url, 'SELECT count(*) FROM "%s"' % table)), table)
        self.assertGreater(rows["tickets"][1], 0)
        self.assertEqual(rows["service_contacts"][1], 1)
        self.assertEqual(psql(url, "SELECT count(*) FROM tickets WHERE service_id IS NOT NULL"), "1")
        self.assertEqual(psql(url, "SELECT is_public::text || escalation::text FROM service_contacts"),
                         "truetrue")
        last = int(psql(url, "SELECT max(number) FROM tickets"))
        self.assertEqual(int(psql(url, "SELECT nextval(pg_get_serial_sequence('tickets', 'number'))")), last + 1)
        # The search documents came along: a subject word finds its ticket in PostgreSQL.
        subject = psql(url, "SELECT subject FROM tickets ORDER BY number LIMIT 1")
        word = max(re.findall(r"[A-Za-z]{4,}", subject), key=len)
        found = psql(url, "SELECT count(*) FROM ticket_search WHERE public_doc @@ "
                          "to_tsquery('frontline_search', '%s')" % word.lower())
        self.assertGreater(int(found), 0)

    def test_a_database_with_rows_is_refused_and_left_as_it_was(self):
        url = self.cluster.database()
        self.assertEqual(run("admin", "migrate-to-postgres", "--data", self.data, "--database", url).returncode, 0)
        before = psql(url, "SELECT count(*) FROM tickets")
        again = run("admin", "migrate-to-postgres", "--data", self.data, "--database", url)
        self.assertEqual(again.returncode, 1)
        self.assertIn("not empty", again.stderr)
        self.assertEqual(psql(url, "SELECT count(*) FROM tickets"), before)

    def test_without_a_database_url_it_says_what_is_missing(self):
        p = run("admin", "migrate-to-postgres", "--data", self.data)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("--database", p.stdout + p.stderr)


if __name__ == "__main__":
    unittest.main()
