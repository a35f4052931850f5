"""Focus of this file: on PostgreSQL, reads run in fibers on the network threads (read_fibers),
and a read waiting for the database never holds up that thread — with one network thread, other
requests are answered while reads wait on a table another session has locked, whether they wait
on pooled connections (a ticket's messages) or on the thread's shared pipeline connection (a
ticket's page, store/postgres/lane_pipeline), and reads queued for a connection (more waiting
reads than the pool has connections) all finish once the lock goes. PostgreSQL suite."""

import subprocess
import threading
import time
import unittest

from harness import ON_POSTGRES, Server

WAIT_SECONDS = 30


def psql(url, sql):
    p = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise AssertionError("psql: " + p.stderr)
    return p.stdout.strip()


class TableLock:
    """Another session holding ACCESS EXCLUSIVE on a table until released."""

    def __init__(self, url, table):
        self.proc = subprocess.Popen(["psql", url, "-q"], stdin=subprocess.PIPE, text=True,
                                     stdout=subprocess.DEVNULL)
        self.proc.stdin.write("BEGIN; LOCK TABLE %s IN ACCESS EXCLUSIVE MODE;\n" % table)
        self.proc.stdin.flush()
        wait_until(lambda: psql(url, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON "
                                "c.oid = l.relation WHERE c.relname = '%s' AND l.mode = "
                                "'AccessExclusiveLock' AND l.granted" % table) == "1",
                   "the lock was taken")

    def release(self):
        if self.proc.poll() is None:
            self.proc.stdin.write("ROLLBACK;\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=60)


def wait_until(predicate, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("gave up waiting: " + what)
        time.sleep(0.05)


def waiting_on_locks(url):
    return int(psql(url, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                         "AND application_name = 'frontline'"))


@unittest.skipUnless(ON_POSTGRES, "runs with the PostgreSQL suite (make test-postgres)")
class PostgresReadsTest(unittest.TestCase):
    def start(self, connections):
        server = Server(env={"FRONTLINE_THREADS": "1",
                             "FRONTLINE_DATABASE_CONNECTIONS": str(connections)})
        server.start()
        self.addCleanup(server.close)
        return server, server.extra_env["FRONTLINE_DATABASE_URL"]

    def read_in_background(self, client, path, results):
        def run():
            results.append(client.get(path).status)
        t = threading.Thread(target=run)
        t.start()
        return t

    def assert_answering_while_waiting_then_all_done(self, agent, lock, readers, results):
        """The one network thread answers other requests while the readers wait on the lock;
        once it goes, every reader is answered."""
        self.assertEqual(agent.get("/healthz").status, 200)
        self.assertEqual(agent.get("/api/v1/me").status, 200)
        self.assertEqual(results, [], "a read finished while the table was locked")
        lock.release()
        for t in readers:
            t.join(WAIT_SECONDS)
        self.assertEqual(results, [200] * len(readers))

    def test_other_requests_are_answered_while_reads_wait_on_the_database(self):
        server, url = self.start(connections=8)
        agent = server.user("agent").client
        number = agent.create_ticket().body["number"]
        lock = TableLock(url, "tickets")
        self.addCleanup(lock.release)
        results = []
        messages = "/api/v1/tickets/%d/messages" % number
        readers = [self.read_in_background(agent, messages, results) for _ in range(3)]
        wait_until(lambda: waiting_on_locks(url) == 3, "three reads waiting on the lock")
        # The only network thread is free: it answers while the three reads wait.
        self.assert_answering_while_waiting_then_all_done(agent, lock, readers, results)

    def test_ticket_pages_waiting_in_the_shared_pipeline_hold_up_nothing_else(self):
        server, url = self.start(connections=8)
        agent = server.user("agent").client
        number = agent.create_ticket().body["number"]
        page = "/api/v1/tickets/%d" % number
        self.assertEqual(agent.get(page).status, 200)  # the thread's pipeline connection opens
        lock = TableLock(url, "tickets")
        self.addCleanup(lock.release)
        results = []
        readers = [self.read_in_background(agent, page, results) for _ in range(3)]
        # The first waits on the lock inside PostgreSQL; the others queue behind it on the same
        # connection (the server answers a pipeline in order).
        wait_until(lambda: waiting_on_locks(url) >= 1, "a read waiting on the lock")
        time.sleep(0.3)
        self.assertEqual(waiting_on_locks(url), 1, "the three share one connection")
        self.assert_answering_while_waiting_then_all_done(agent, lock, readers, results)

    def test_reads_queued_for_a_connection_all_finish(self):
        server, url = self.start(connections=2)
        agent = server.user("agent").client
        number = agent.create_ticket().body["number"]
        lock = TableLock(url, "tickets")
        self.addCleanup(lock.release)
        results = []
        messages = "/api/v1/tickets/%d/messages" % number
        readers = [self.read_in_background(agent, messages, results) for _ in range(6)]
        # Two hold the pool's two connections inside PostgreSQL; four wait for one.
        wait_until(lambda: waiting_on_locks(url) == 2, "two reads waiting on the lock")
        time.sleep(0.5)  # let the other four reach the pool
        self.assertEqual(results, [])
        lock.release()
        for t in readers:
            t.join(WAIT_SECONDS)
        self.assertEqual(results, [200] * 6)
        self.assertEqual(agent.get("/healthz").status, 200)


if __name__ == "__main__":
    unittest.main()
