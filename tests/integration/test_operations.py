"""Focus of this file: what an operator relies on — /healthz, Prometheus /metrics with
per-route counters and latency histograms, the access log, and `admin` CLI commands
(online backup that restores, errors reported with a non-zero exit)."""

import json
import os
import re
import sqlite3
import time
import unittest

from harness import ON_POSTGRES, Server, ServerTestCase, unique

# A sample line, with labels or without (a plain gauge such as frontline_orphan_services).
SAMPLE = re.compile(r'^(?P<name>[a-z_]+)(?:\{(?P<labels>(?:[^"}]|"(?:[^"\\]|\\.)*")*)\})? (?P<value>[0-9.e+-]+|\+Inf)$')


def parse_metrics(text):
    """{(name, frozenset(labels.items())): value} for every sample line."""
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = SAMPLE.match(line)
        assert m, "not a Prometheus sample line: %r" % line
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group("labels") or ""))
        samples[(m.group("name"), frozenset(labels.items()))] = float(m.group("value"))
    return samples


def sample(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


METRICS_TOKEN = "metrics-token-for-the-operations-test"


class OperationsTest(ServerTestCase):
    server_env = {"FRONTLINE_METRICS_TOKEN": METRICS_TOKEN}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent")

    def metrics(self):
        r = self.server.client().get("/metrics", headers={"Authorization": "Bearer " + METRICS_TOKEN})
        self.assertEqual(r.status, 200)
        self.assertTrue(r.headers["Content-Type"].startswith("text/plain"), r.headers["Content-Type"])
        return r.body.decode("utf-8")

    def test_metrics_need_the_metrics_token(self):
        for headers in ({}, {"Authorization": "Bearer wrong-token"},
                        {"Authorization": "Bearer " + self.server.issue_token(self.agent.email)}):
            r = self.server.client().get("/metrics", headers=headers)
            self.assertEqual(r.status, 401, headers)
            body = r.body if isinstance(r.body, bytes) else json.dumps(r.body).encode()
            self.assertNotIn(b"frontline_http_requests_total", body)

    def test_healthz_is_200_without_credentials(self):
        r = self.server.client().get("/healthz")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, {"status": "ok"})
        self.assertEqual(self.server.client().request("HEAD", "/healthz").status, 200)

    def test_metrics_is_prometheus_text_with_route_labels(self):
        number = self.agent.client.create_ticket(requester_email="m@example.com").body["number"]
        self.agent.client.get("/api/v1/tickets/%d" % number)
        text = self.metrics()
        self.assertIn("# TYPE frontline_http_requests_total counter", text)
        self.assertIn("# TYPE frontline_http_request_duration_seconds histogram", text)
        samples = parse_metrics(text)
        self.assertGreaterEqual(sample(samples, "frontline_http_requests_total",
                                       route="POST /api/v1/tickets", status="2xx"), 1)
        self.assertGreaterEqual(sample(samples, "frontline_http_requests_total",
                                       route="GET /api/v1/tickets/{number}", status="2xx"), 1)
        buckets = [(dict(labels), v) for (name, labels), v in samples.items()
                   if name == "frontline_http_request_duration_seconds_bucket"
                   and dict(labels).get("route") == "GET /api/v1/tickets/{number}"]
        self.assertGreater(len(buckets), 3)
        inf = [v for labels, v in buckets if labels["le"] == "+Inf"][0]
        count = sample(samples, "frontline_http_request_duration_seconds_count", route="GET /api/v1/tickets/{number}")
        self.assertEqual(inf, count)
        ordered = sorted(((float(l["le"]), v) for l, v in buckets if l["le"] != "+Inf"))
        values = [v for _, v in ordered] + [inf]
        self.assertEqual(values, sorted(values), "buckets are cumulative")

    def test_metrics_counters_grow_with_requests_and_split_by_status_class(self):
        number = self.agent.client.create_ticket(requester_email="m@example.com").body["number"]
        before = parse_metrics(self.metrics())
        for _ in range(3):
            self.assertEqual(self.agent.client.get("/api/v1/tickets/%d" % number).status, 200)
        self.assertEqual(self.agent.client.get("/api/v1/tickets/99999999").status, 404)
        self.assertEqual(self.server.client().get("/no/such/thing").status, 404)
        after = parse_metrics(self.metrics())
        route = "GET /api/v1/tickets/{number}"

        def delta(name, **labels):
            return sample(after, name, **labels) - sample(before, name, **labels)

        self.assertEqual(delta("frontline_http_requests_total", route=route, status="2xx"), 3)
        self.assertEqual(delta("frontline_http_requests_total", route=route, status="4xx"), 1)
        self.assertEqual(delta("frontline_http_request_duration_seconds_count", route=route), 4)
        self.assertGreaterEqual(delta("frontline_http_requests_total", route="unmatched", status="4xx"), 1)

    @unittest.skipIf(ON_POSTGRES, "SQLite's online backup; PostgreSQL is backed up with pg_dump")
    def test_admin_backup_produces_a_sqlite_file_with_the_tickets(self):
        subjects = {}
        for i in range(5):
            t = self.agent.client.create_ticket(subject=unique("Backup %d " % i),
                                                requester_email="b@example.com").body
            subjects[t["number"]] = t["subject"]
        path = os.path.join(self.server.workdir, unique("backup-") + ".db")
        p = self.server.cli("backup", "--to", path)
        self.assertIn(path, p.stdout)
        self.assertTrue(os.path.getsize(path) > 0)
        with open(path, "rb") as f:
            self.assertEqual(f.read(16), b"SQLite format 3\x00")
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        try:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            rows = dict(db.execute("SELECT number, subject FROM tickets WHERE number IN (%s)"
                                   % ",".join(str(n) for n in subjects)).fetchall())
        finally:
            db.close()
        self.assertEqual(rows, subjects)

    @unittest.skipIf(ON_POSTGRES, "SQLite's online backup; PostgreSQL is backed up with pg_dump")
    def test_backup_restores_into_a_working_server(self):
        number = self.agent.client.create_ticket(subject="restore me", requester_email="r@example.com").body["number"]
        self.agent.client.reply(number, "a reply kept in the backup")
        path = os.path.join(self.server.workdir, unique("restore-") + ".db")
        self.server.cli("backup", "--to", path)
        with Server() as fresh:
            fresh.stop()
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(fresh.db_path + suffix):
                    os.remove(fresh.db_path + suffix)
            os.replace(path, fresh.db_path)
            fresh.start()
            r = fresh.admin().get("/api/v1/tickets/%d" % number)
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.body["subject"], "restore me")
            bodies = [m["body"] for m in fresh.admin().get("/api/v1/tickets/%d/messages" % number).body["items"]]
            self.assertIn("a reply kept in the backup", bodies)

    def test_cli_reports_errors_with_a_nonzero_exit(self):
        _, email, _ = self.server.create_user(role="agent")
        dup = self.server.cli("create-user", "--email", email, "--name", "Again", "--role", "agent",
                              "--password", "another-password-1", check=False)
        self.assertNotEqual(dup.returncode, 0)
        self.assertTrue(dup.stderr.strip())
        missing = self.server.cli("issue-token", "--email", unique("ghost") + "@example.com", check=False)
        self.assertNotEqual(missing.returncode, 0)
        self.assertEqual(missing.stdout.strip(), "")
        bad_role = self.server.cli("create-user", "--email", unique("r") + "@example.com", "--role", "king",
                                   "--password", "pw-long-enough-1", check=False)
        self.assertNotEqual(bad_role.returncode, 0)

    def test_cli_token_works_against_the_running_server_at_once(self):
        _, email, _ = self.server.create_user(role="customer")
        token = self.server.issue_token(email)
        me = self.server.client(token).get("/api/v1/me")
        self.assertEqual(me.status, 200)
        self.assertEqual(me.body["email"], email)


class AccessLogTest(unittest.TestCase):
    def test_access_log_writes_one_json_line_per_request(self):
        with Server(env={"FRONTLINE_ACCESS_LOG": "on"}) as s:
            path = "/healthz?probe=" + unique()
            self.assertEqual(s.client().get(path).status, 200)
            self.assertEqual(s.client().get("/api/v1/tickets").status, 401)
            deadline = time.monotonic() + 5
            lines = []
            while time.monotonic() < deadline:
                lines = [json.loads(l) for l in s.stderr_text().splitlines() if l.startswith("{")]
                if len(lines) >= 2:
                    break
                time.sleep(0.05)
            by_path = {(l["method"], l["path"]): l for l in lines}
            self.assertEqual(by_path[("GET", "/healthz")]["status"], 200)
            self.assertEqual(by_path[("GET", "/api/v1/tickets")]["status"], 401)
            self.assertNotIn("probe", json.dumps(lines), "the access log keeps query strings out")


if __name__ == "__main__":
    unittest.main()
