"""Focus of this file: the leaderboard and closed-ticket reports over HTTP against the real
binary — the API contract, credits through resolve/reopen/reassign/merge (the rollup equals a
recount from each ticket's event log after random sequences), boards, away days, people's own
preferences, bad input, the `frontline report daily` command, and the morning report arriving
once by mail (a real SMTP server: python3-aiosmtpd) even across a restart."""

import csv
import datetime
import io
import json
import random
import subprocess
import time
import unittest

from harness import ON_POSTGRES, Server, ServerTestCase, base_env, frontline_bin, unique
from test_mail_outbound import Capture, body_text, free_port


def today():
    return datetime.datetime.now(datetime.timezone.utc).date()


class LeaderboardApiTest(ServerTestCase):
    def board_of(self, *users):
        """A board ranking only these users, so other tests' agents do not interfere."""
        reply = self.server.admin().post("/api/v1/boards", {"name": unique("board-"),
                                                             "member_ids": [u.id for u in users]})
        self.assertEqual(reply.status, 201, reply.body)
        return reply.body["name"]

    def ticket(self, by):
        return by.client.create_ticket(requester_email=unique("cust-") + "@example.com").body["number"]

    def patch(self, who, number, **fields):
        return who.client.patch("/api/v1/tickets/%d" % number, fields)

    def resolve(self, who, number, assignee):
        reply = self.patch(who, number, status="resolved", assignee_id=assignee.id)
        self.assertEqual(reply.status, 200, reply.body)

    def leaderboard(self, who, query):
        reply = who.client.get("/api/v1/leaderboard?" + query)
        self.assertEqual(reply.status, 200, reply.body)
        return reply.body

    def test_contract_ranks_by_average_with_the_documented_fields(self):
        ana_name = unique("Ana ")
        ana = self.server.user("agent", name=ana_name)
        ben = self.server.user("agent", name=unique("Ben "))
        for _ in range(3):
            self.resolve(ana, self.ticket(ana), ana)
        self.resolve(ben, self.ticket(ben), ben)
        board = self.board_of(ana, ben)
        body = self.leaderboard(ana, "window=14d&board=" + board)
        self.assertEqual(body["window_days"], 14)
        self.assertEqual(body["to"], today().isoformat())
        self.assertEqual(body["from"], (today() - datetime.timedelta(days=13)).isoformat())
        entries = body["entries"]
        self.assertEqual([e["rank"] for e in entries], [1, 2])
        first = entries[0]
        self.assertEqual(first["agent"], {"id": ana.id, "name": ana_name, "email": ana.email})
        self.assertEqual(first["closed"], 3)
        self.assertEqual(entries[1]["agent"]["id"], ben.id)
        self.assertEqual(entries[1]["closed"], 1)
        for e in entries:
            self.assertIn("team", e)
            # Accounts made today have one day to count, and it is a working day or not.
            self.assertIn(e["working_days"], (0, 1))
            expected = e["closed"] / e["working_days"] if e["working_days"] else 0
            self.assertAlmostEqual(e["average_per_day"], expected)

    def test_a_reopen_takes_the_credit_back_and_a_second_resolve_credits_once(self):
        ana = self.server.user("agent")
        board = self.board_of(ana)
        number = self.ticket(ana)
        self.resolve(ana, number, ana)
        self.assertEqual(self.leaderboard(ana, "board=" + board)["entries"][0]["closed"], 1)
        self.assertEqual(self.patch(ana, number, status="open").status, 200)
        self.assertEqual(self.leaderboard(ana, "board=" + board)["entries"][0]["closed"], 0)
        self.resolve(ana, number, ana)
        self.assertEqual(self.patch(ana, number, status="closed").status, 200)
        self.assertEqual(self.leaderboard(ana, "board=" + board)["entries"][0]["closed"], 1)

    def test_the_customers_reply_to_a_resolved_ticket_reopens_it_and_removes_the_credit(self):
        ana = self.server.user("agent")
        customer = self.server.user("customer")
        board = self.board_of(ana)
        number = customer.client.create_ticket().body["number"]
        self.resolve(ana, number, ana)
        customer.client.reply(number, "Still broken, sorry")
        self.assertEqual(self.leaderboard(ana, "board=" + board)["entries"][0]["closed"], 0)

    def test_rollup_equals_a_recount_from_the_event_logs_after_random_sequences(self):
        agents = [self.server.user("agent") for _ in range(3)]
        lead = agents[0]
        requester = unique("same-") + "@example.com"
        numbers = [lead.client.create_ticket(requester_email=requester).body["number"]
                   for _ in range(15)]
        rng = random.Random(20261124)
        for _ in range(160):
            number = rng.choice(numbers)
            who = rng.choice(agents)
            op = rng.randrange(6)
            if op == 0:
                self.patch(who, number, status="resolved")
            elif op == 1:
                self.patch(who, number, status="open")
            elif op == 2:
                self.patch(who, number, assignee_id=rng.choice(agents).id)
            elif op == 3:
                self.patch(who, number, status="resolved", assignee_id=rng.choice(agents).id)
            elif op == 4:
                self.patch(who, number, assignee_id=None)
            else:
                other = rng.choice(numbers)
                if other != number:
                    lead.client.post("/api/v1/tickets/%d/merge" % number, {"into": other})
        # The recount: replay each ticket's own history.
        expected = {a.id: 0 for a in agents}
        for number in numbers:
            events = lead.client.get("/api/v1/tickets/%d/events?limit=500" % number).body["items"]
            assignee, credit = None, None
            for e in events:
                data = e.get("data") or {}
                if e["type"] == "ticket.assigned":
                    assignee = data.get("to")
                elif e["type"] == "ticket.status_changed":
                    if data["to"] == "resolved":
                        credit = assignee
                    elif data["to"] != "closed":
                        credit = None
            if credit in expected:
                expected[credit] += 1
        self.assertGreater(sum(expected.values()), 0, "the sequence resolved nothing")
        board = self.board_of(*agents)
        got = {e["agent"]["id"]: e["closed"]
               for e in self.leaderboard(lead, "window=1d&board=" + board)["entries"]}
        self.assertEqual(got, expected)
        rows = lead.client.get("/api/v1/reports/closed?group_by=agent").body["rows"]
        by_agent = {int(r["key"]): r["closed"] for r in rows}
        for agent_id, closed in expected.items():
            self.assertEqual(by_agent.get(agent_id, 0), closed)

    def test_closed_report_groups_and_exports_csv(self):
        ana = self.server.user("agent", name="Ana, \"the\" Fixer")
        number = self.ticket(ana)
        self.resolve(ana, number, ana)
        day = today().isoformat()
        reply = ana.client.get("/api/v1/reports/closed?group_by=day&from=%s&to=%s" % (day, day))
        self.assertEqual(reply.status, 200, reply.body)
        self.assertEqual(reply.body["rows"][0]["key"], day)
        self.assertGreaterEqual(reply.body["total"], 1)
        csv_reply = ana.client.get("/api/v1/reports/closed?group_by=agent&format=csv")
        self.assertEqual(csv_reply.status, 200)
        self.assertTrue(csv_reply.headers["Content-Type"].startswith("text/csv"))
        self.assertIn("attachment", csv_reply.headers["Content-Disposition"])
        text = csv_reply.body if isinstance(csv_reply.body, str) else csv_reply.body.decode()
        rows = list(csv.reader(io.StringIO(text)))
        self.assertEqual(rows[0], ["agent", "key", "closed"])
        self.assertIn(["Ana, \"the\" Fixer", str(ana.id), "1"], rows)

    def test_bad_input_gets_a_clear_error(self):
        ana = self.server.user("agent")
        c = ana.client
        self.assertProblem(c.get("/api/v1/leaderboard?window=abc"), 422, "window")
        self.assertProblem(c.get("/api/v1/leaderboard?window=400d"), 422, "window")
        self.assertProblem(c.get("/api/v1/leaderboard?date=2026-02-30"), 422, "date")
        self.assertProblem(c.get("/api/v1/leaderboard?board=" + unique("nope")), 422, "board")
        self.assertProblem(c.get("/api/v1/leaderboard?colour=red"), 400, "colour")
        self.assertProblem(c.get("/api/v1/reports/closed?group_by=mood"), 422, "group_by")
        self.assertProblem(c.get("/api/v1/reports/closed?from=2026-11-20&to=2026-11-01"), 422,
                           "from")
        self.assertProblem(c.get("/api/v1/reports/closed?format=xml"), 422, "format")
        customer = self.server.user("customer")
        self.assertProblem(customer.client.get("/api/v1/leaderboard"), 403)
        self.assertProblem(customer.client.get("/api/v1/reports/closed"), 403)
        self.assertProblem(c.post("/api/v1/boards", {"name": "x"}), 403)  # admins only
        self.assertProblem(self.server.admin().post("/api/v1/boards",
                                                    {"name": unique("b"), "member_ids": [customer.id]}),
                           422, "member_ids")
        self.assertTrue(self.server.healthy())

    def test_people_set_their_own_time_zone_and_morning_mail_but_nothing_else(self):
        ana = self.server.user("agent")
        path = "/api/v1/users/%d" % ana.id
        reply = ana.client.patch(path, {"timezone": "Europe/Berlin", "morning_report": False})
        self.assertEqual(reply.status, 200, reply.body)
        self.assertEqual(reply.body["timezone"], "Europe/Berlin")
        self.assertFalse(reply.body["morning_report"])
        me = ana.client.get("/api/v1/me").body
        self.assertEqual((me["timezone"], me["morning_report"]), ("Europe/Berlin", False))
        self.assertProblem(ana.client.patch(path, {"timezone": "Mars/Olympus"}), 422, "timezone")
        self.assertProblem(ana.client.patch(path, {"role": "admin"}), 403)
        self.assertProblem(ana.client.patch(path, {"ranked": False}), 403)  # admins decide
        reply = self.server.admin().patch(path, {"ranked": False})
        self.assertEqual((reply.status, reply.body["ranked"]), (200, False))
        ids = [e["agent"]["id"] for e in self.leaderboard(ana, "window=14d")["entries"]]
        self.assertNotIn(ana.id, ids)
        ben = self.server.user("agent")
        self.assertProblem(ana.client.patch("/api/v1/users/%d" % ben.id, {"morning_report": False}),
                           403)

    def test_away_days_are_not_working_days(self):
        ana = self.server.user("agent")
        board = self.board_of(ana)
        day = today().isoformat()
        self.assertEqual(ana.client.request("PUT", "/api/v1/users/%d/away/%s" % (ana.id, day)).status,
                         204)
        self.assertEqual(ana.client.get("/api/v1/users/%d/away" % ana.id).body["days"], [day])
        entry = self.leaderboard(ana, "window=1d&board=" + board)["entries"][0]
        self.assertEqual(entry["working_days"], 0)
        ben = self.server.user("agent")
        self.assertProblem(ben.client.request("PUT", "/api/v1/users/%d/away/%s" % (ana.id, day)),
                           403)
        self.assertProblem(ana.client.request("PUT", "/api/v1/users/%d/away/tomorrow" % ana.id),
                           422, "date")
        self.assertEqual(ana.client.delete("/api/v1/users/%d/away/%s" % (ana.id, day)).status, 204)
        self.assertEqual(ana.client.get("/api/v1/users/%d/away" % ana.id).body["days"], [])

    def test_report_daily_prints_a_technicians_report(self):
        ana = self.server.user("agent", name=unique("Ana "))
        number = self.ticket(ana)
        self.resolve(ana, number, ana)
        tomorrow = (today() + datetime.timedelta(days=1)).isoformat()
        p = subprocess.run([frontline_bin(), "report", "daily", "--data", self.server.data_dir,
                            "--date", tomorrow, "--print", "--agent", ana.email],
                           capture_output=True, text=True, timeout=60, env=base_env(self.server.extra_env))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("<%s>" % ana.email, p.stdout)
        self.assertIn("Your morning report for " + tomorrow, p.stdout)
        self.assertIn("You closed 1 ticket from", p.stdout)
        self.assertIn("%s  " % today().isoformat(), p.stdout)
        p = subprocess.run([frontline_bin(), "report", "daily", "--data", self.server.data_dir,
                            "--date", "24.11.2026", "--print"],
                           capture_output=True, text=True, timeout=60, env=base_env(self.server.extra_env))
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("--date", p.stderr)


@unittest.skipIf(ON_POSTGRES, "turns a SQLite file back into an old version; PostgreSQL starts at the baseline")
class UpgradeTest(unittest.TestCase):
    """A database from before the leaderboard (schema version 8) gains credits for the tickets
    already resolved when migration 009 runs."""

    def test_tickets_resolved_before_the_upgrade_are_credited(self):
        import sqlite3
        server = Server()
        try:
            server.start()
            ana = server.user("agent")
            for _ in range(2):
                number = ana.client.create_ticket().body["number"]
                ana.client.patch("/api/v1/tickets/%d" % number,
                                 {"status": "resolved", "assignee_id": ana.id})
            open_one = ana.client.create_ticket().body["number"]
            ana.client.patch("/api/v1/tickets/%d" % open_one, {"assignee_id": ana.id})
            server.stop()
            # Turn the file back into a version-8 database.
            db = sqlite3.connect(server.db_path)
            for table in ("ticket_credits", "closed_daily", "closed_rollup", "away_days",
                          "board_members", "boards"):
                db.execute("DROP TABLE %s" % table)
            db.execute("ALTER TABLE organizations DROP COLUMN work_week")
            db.execute("ALTER TABLE users DROP COLUMN morning_report")
            db.execute("ALTER TABLE users DROP COLUMN ranked")
            db.execute("DELETE FROM schema_migrations WHERE version = 9")
            db.commit()
            db.close()
            server.start()
            rows = ana.client.get("/api/v1/reports/closed?group_by=agent").body["rows"]
            self.assertEqual({int(r["key"]): r["closed"] for r in rows}, {ana.id: 2})
        finally:
            server.close()


class MorningMailTest(unittest.TestCase):
    """The scheduled run, with the hour set to 0 so the report is due at once."""

    def test_each_technician_gets_todays_report_once_even_across_a_restart(self):
        smtp = Capture(free_port())
        smtp.start()
        server = Server(env={"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % smtp.port,
                             "FRONTLINE_MORNING_REPORT_HOUR": "0",
                             "FRONTLINE_MORNING_REPORT_CHECK_SECONDS": "1"})
        try:
            server.start()
            ana = server.user("agent")
            day = today().isoformat()
            msg, _ = smtp.wait_for(lambda r, m: ana.email in r and day in m["Subject"],
                                   "the morning report")
            self.assertTrue(msg["Subject"].startswith("Your morning report for " + day))
            self.assertEqual(msg["Auto-Submitted"], "auto-generated")
            self.assertIn("Company leaderboard", body_text(msg))
            html = msg.get_body(preferencelist=("html",)).get_content()
            self.assertIn("<table", html)
            server.restart()
            time.sleep(3)  # three more checks
            with smtp.lock:
                count = sum(1 for rcpt, _ in smtp.messages if ana.email in rcpt)
            self.assertEqual(count, 1)
        finally:
            server.close()
            smtp.stop()


if __name__ == "__main__":
    unittest.main()
