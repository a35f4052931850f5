"""Focus of this file: an instance on PostgreSQL while its database goes away and comes back —
every request meanwhile gets 503 with Retry-After (never a hang, never a crash, never the
database's own words), and once PostgreSQL is back the same process serves reads and writes
again by itself, with everything acknowledged before the outage still there. Its own private
cluster (stopping the suite's shared one would break the other tests). PostgreSQL suite."""

import subprocess
import time
import unittest

from harness import ON_POSTGRES, Server, unique
from postgres import SCRIPT, Cluster

RECOVERY_SECONDS = 30


def cluster_command(*args):
    p = subprocess.run([SCRIPT] + list(args), capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise AssertionError("pg_cluster.sh %s: %s%s" % (" ".join(args), p.stdout, p.stderr))


@unittest.skipUnless(ON_POSTGRES, "runs with the PostgreSQL suite (make test-postgres)")
class PostgresRestartTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = Cluster()
        cls.server = Server(env={"FRONTLINE_DATABASE_URL": cls.cluster.database()})
        cls.server.start()
        cls.agent = cls.server.user("agent")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.cluster.close()

    def test_a_database_outage_gives_503_with_retry_after_and_the_instance_recovers(self):
        client = self.agent.client
        before = client.create_ticket(subject=unique("Before the outage ")).body["number"]
        cluster_command("stop", self.cluster.dir)
        try:
            for attempt in range(3):
                started = time.monotonic()
                read = client.get("/api/v1/tickets/%d" % before)
                self.assertEqual(read.status, 503, read.body)
                self.assertGreater(int(read.headers["Retry-After"]), 0)
                self.assertNotIn("PQ", str(read.body))  # our words, not libpq's
                self.assertNotIn("socket", str(read.body))
                write = client.create_ticket(subject="During the outage", expect=None)
                self.assertEqual(write.status, 503, write.body)
                self.assertLess(time.monotonic() - started, 15, "a request hung on the outage")
            self.assertIsNone(self.server.proc.poll(), "the server exited during the outage")
        finally:
            cluster_command("start", self.cluster.dir)
        deadline = time.monotonic() + RECOVERY_SECONDS
        while True:
            read = client.get("/api/v1/tickets/%d" % before)
            if read.status == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(read.status, 200, read.body)
        after = client.create_ticket(subject=unique("After the outage "))
        self.assertEqual(after.status, 201, after.body)
        self.assertGreater(after.body["number"], before)
        # Nothing was written while the database was away.
        listed = client.get("/api/v1/tickets?q=%22During+the+outage%22").body["items"]
        self.assertEqual(listed, [])


if __name__ == "__main__":
    unittest.main()
