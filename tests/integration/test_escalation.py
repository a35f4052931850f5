"""Focus of this file: escalation and promises over HTTP (issue 15's pinned contract) — escalating
a ticket to another team moves it to that team's queue, keeps its requester and history, shows
the summary to staff and mails the requester what happens next (through a real SMTP sink);
escalating to a directory contact records and shows the contact; de-escalating returns the ticket;
promises are listed due or broken, a promise past due shows as broken and reminds its owner once
(console and mail); kept and broken promises per technician in the report; and customers never
see escalation summaries or promises."""

import datetime
import subprocess
import time
import unittest

from harness import ServerTestCase, base_env, frontline_bin, unique
from test_mail_outbound import Capture, body_text, free_port

TICKETS = "/api/v1/tickets"


def iso(seconds_from_now):
    t = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    return (t + datetime.timedelta(seconds=seconds_from_now)).strftime("%Y-%m-%dT%H:%M:%SZ")


class EscalationTestCase(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = Capture(free_port())
        cls.smtp.start()
        cls.server_env = {"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % cls.smtp.port,
                          "FRONTLINE_MAIL_FROM": "Help <help@desk.example>",
                          "FRONTLINE_MORNING_REPORT_HOUR": "-1",
                          "FRONTLINE_PROMISE_CHECK_SECONDS": "1"}
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent")
        cls.tier2 = s.user("agent")
        cls.customer = s.user("customer")
        cls.tier1_team = cls.team(unique("Tier 1 "), [cls.agent.id])
        cls.tier2_name = unique("Tier 2 ")
        cls.tier2_team = cls.team(cls.tier2_name, [cls.tier2.id])

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.smtp.stop()

    @classmethod
    def team(cls, name, members):
        team_id = cls.admin.post("/api/v1/teams", {"name": name}).body["id"]
        r = cls.admin.patch("/api/v1/teams/%d" % team_id, {"member_ids": members})
        assert r.status == 200, r.body
        return team_id

    def customer_ticket(self, **fields):
        number = self.customer.client.create_ticket(subject=unique("Records database down ")).body["number"]
        r = self.agent.client.patch("%s/%d" % (TICKETS, number),
                                    dict({"team_id": self.tier1_team, "assignee_id": self.agent.id}, **fields))
        self.assertEqual(r.status, 200, r.body)
        return number

    def escalate(self, number, body, expect=200, who=None):
        r = (who or self.agent.client).post("%s/%d/escalate" % (TICKETS, number), body)
        self.assertEqual(r.status, expect, r.body)
        return r.body


class EscalationTest(EscalationTestCase):
    def test_escalating_to_a_team_moves_the_ticket_to_its_queue_and_mails_the_requester(self):
        number = self.customer_ticket()
        summary = "Login to the records DB fails since Monday; VPN checked, password reset done."
        t = self.escalate(number, {"team_id": self.tier2_team, "summary": summary})
        self.assertEqual(t["team_id"], self.tier2_team)
        self.assertIsNone(t["assignee_id"], "the assignee is not in the new team")
        self.assertEqual(t["requester"]["id"], self.customer.id)
        self.assertEqual(t["escalation"]["summary"], summary)
        self.assertEqual(t["escalation"]["team_id"], self.tier2_team)
        self.assertEqual(t["escalation"]["by"]["id"], self.agent.id)
        # The other team's queue has it, with the summary on top of the ticket.
        queue = self.tier2.client.get("%s?team=%d" % (TICKETS, self.tier2_team)).body["items"]
        self.assertIn(number, [q["number"] for q in queue])
        got = self.tier2.client.get("%s/%d" % (TICKETS, number)).body
        self.assertEqual(got["escalation"]["summary"], summary)
        # The history is kept: the opening is still there, and the escalation is on it.
        types = [e["type"] for e in self.agent.client.get("%s/%d/events" % (TICKETS, number)).body["items"]]
        self.assertIn("ticket.created", types)
        self.assertIn("ticket.escalated", types)
        self.assertIn("ticket.team_changed", types)
        moved = [e["data"] for e in self.agent.client.get("%s/%d/events" % (TICKETS, number)).body["items"]
                 if e["type"] == "ticket.team_changed"]
        self.assertEqual(moved[-1]["to_name"], self.tier2_name, "the team's name goes with its id")
        msg, _ = self.smtp.wait_for(lambda rcpt, m: self.customer.email in rcpt and
                                    ("[#%d]" % number) in m["Subject"] and "more help" in m["Subject"],
                                    "the escalation notice")
        text = body_text(msg)
        self.assertIn("we have brought in our Tier 2", text)
        self.assertNotIn("VPN checked", text, "the summary is internal")

    def test_the_customer_sees_no_summary_and_no_internal_event(self):
        number = self.customer_ticket()
        self.escalate(number, {"team_id": self.tier2_team, "summary": "secret internal words"})
        mine = self.customer.client.get("%s/%d" % (TICKETS, number))
        self.assertEqual(mine.status, 200, mine.body)
        self.assertNotIn("escalation", mine.body)
        self.assertNotIn("promises", mine.body)
        events = self.customer.client.get("%s/%d/events" % (TICKETS, number)).body["items"]
        self.assertNotIn("ticket.escalated", [e["type"] for e in events])
        self.assertNotIn("secret internal words", str(events))

    def test_an_assignee_who_is_in_the_new_team_keeps_the_ticket(self):
        number = self.customer_ticket(assignee_id=self.tier2.id)
        t = self.escalate(number, {"team_id": self.tier2_team, "summary": "over to you"})
        self.assertEqual(t["assignee_id"], self.tier2.id)

    def test_deescalating_returns_the_ticket_to_its_team_and_assignee(self):
        number = self.customer_ticket()
        self.escalate(number, {"team_id": self.tier2_team, "summary": "needs tier 2"})
        r = self.tier2.client.post("%s/%d/deescalate" % (TICKETS, number), {"note": "fixed the DB side"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["team_id"], self.tier1_team)
        self.assertEqual(r.body["assignee_id"], self.agent.id)
        self.assertIsNone(r.body["escalation"])
        self.assertIsNone(self.agent.client.get("%s/%d" % (TICKETS, number)).body["escalation"])
        self.assertProblem(self.agent.client.post("%s/%d/deescalate" % (TICKETS, number)), 409)

    def test_escalations_stack_and_deescalating_goes_back_one_step(self):
        number = self.customer_ticket()
        self.escalate(number, {"team_id": self.tier2_team, "summary": "tier 2 please"})
        third = self.team(unique("Engineering "), [])
        t = self.escalate(number, {"team_id": third, "summary": "engineering please"}, who=self.tier2.client)
        self.assertEqual(t["team_id"], third)
        back = self.agent.client.post("%s/%d/deescalate" % (TICKETS, number)).body
        self.assertEqual(back["team_id"], self.tier2_team)
        self.assertEqual(back["escalation"]["summary"], "tier 2 please")

    def test_escalating_to_a_directory_contact_records_it_and_keeps_the_team(self):
        service = self.agent.client.post("/api/v1/services", {
            "name": unique("Federal records "), "team_id": self.tier2_team,
            "contacts": [{"kind": "phone", "value": "+1 555 0100",
                          "call_tree": [{"press": "2", "then": "database team"}]}]})
        self.assertEqual(service.status, 201, service.body)
        contact = service.body["contacts"][0]["id"]
        number = self.customer_ticket()
        t = self.escalate(number, {"contact_id": contact, "summary": "Called the vendor, case 123"})
        self.assertEqual(t["team_id"], self.tier1_team)
        self.assertEqual(t["assignee_id"], self.agent.id)
        e = t["escalation"]
        self.assertEqual((e["contact_id"], e["service_id"]), (contact, service.body["id"]))
        self.assertEqual(e["contact"]["value"], "+1 555 0100")
        self.assertEqual(e["contact"]["call_tree"], [{"press": "2", "then": "database team"}])
        self.assertIsNone(e["team_id"])
        msg, _ = self.smtp.wait_for(lambda rcpt, m: self.customer.email in rcpt and
                                    ("[#%d]" % number) in m["Subject"] and "more help" in m["Subject"],
                                    "the contact escalation notice")
        self.assertIn("the people who run " + service.body["name"], body_text(msg))

    def test_bad_escalations_are_refused_with_the_field_named(self):
        number = self.customer_ticket()
        path = "%s/%d/escalate" % (TICKETS, number)
        self.assertProblem(self.customer.client.post(path, {"team_id": self.tier2_team, "summary": "x"}), 403)
        self.assertProblem(self.agent.client.post(path, {"team_id": 999999, "summary": "x"}), 422, "team_id")
        self.assertProblem(self.agent.client.post(path, {"contact_id": 999999, "summary": "x"}), 422, "contact_id")
        self.assertProblem(self.agent.client.post(path, {"summary": "to nobody"}), 422, "team_id")
        self.assertProblem(self.agent.client.post(path, {"team_id": self.tier2_team}), 422, "summary")
        self.assertProblem(self.agent.client.post(path, {"team_id": self.tier1_team, "summary": "x"}), 409, "team_id")
        self.assertProblem(self.agent.client.post(path, {"team_id": "two", "summary": "x"}), 400, "team_id")
        self.assertProblem(self.agent.client.post("%s/999999/escalate" % TICKETS,
                                                  {"team_id": self.tier2_team, "summary": "x"}), 404)
        self.agent.client.patch("%s/%d" % (TICKETS, number), {"status": "resolved"})
        self.assertProblem(self.agent.client.post(path, {"team_id": self.tier2_team, "summary": "x"}), 409)


class PromiseTest(EscalationTestCase):
    def promise(self, number, due_in, text="I will call the vendor and get back to you", who=None, expect=201):
        r = (who or self.agent).client.post("%s/%d/promises" % (TICKETS, number),
                                            {"due_at": iso(due_in), "text": text})
        self.assertEqual(r.status, expect, r.body)
        return r.body

    def notifications_for(self, user, number):
        items = user.client.get("/api/v1/notifications").body["items"]
        return [n for n in items if n["kind"] == "promise_due" and n["ticket_number"] == number]

    def test_a_promise_shows_on_the_ticket_and_in_the_due_queue_soonest_first(self):
        number = self.customer_ticket()
        later = self.promise(number, 7200, "call back this afternoon")
        sooner = self.promise(number, 3600, "check the logs")
        self.assertEqual(sooner["owner"]["id"], self.agent.id)
        self.assertEqual(sooner["state"], "open")
        self.assertTrue(sooner["due_at"].endswith("Z"))
        on_ticket = self.agent.client.get("%s/%d" % (TICKETS, number)).body["promises"]
        self.assertEqual([p["id"] for p in on_ticket], [sooner["id"], later["id"]])
        listed = self.agent.client.get("%s/%d/promises" % (TICKETS, number)).body["items"]
        self.assertEqual([p["id"] for p in listed], [sooner["id"], later["id"]])
        due = [p["id"] for p in self.agent.client.get("/api/v1/promises?state=due&owner=me").body["items"]]
        self.assertLess(due.index(sooner["id"]), due.index(later["id"]))

    def test_a_promise_past_due_shows_as_broken_and_reminds_its_owner_once(self):
        number = self.customer_ticket()
        owner = self.server.user("agent")
        p = self.promise(number, 4, "ring the customer back", who=owner)
        # Reminded before it is due (half of the four seconds ahead), in the console and by mail.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not self.notifications_for(owner, number):
            time.sleep(0.3)
        self.assertEqual(len(self.notifications_for(owner, number)), 1)
        msg, _ = self.smtp.wait_for(lambda rcpt, m: owner.email in rcpt and "promise" in m["Subject"],
                                    "the promise reminder")
        self.assertIn("ring the customer back", body_text(msg))
        # Past due and not kept: broken, in the broken queue and on the ticket.
        deadline = time.monotonic() + 20
        broken = []
        while time.monotonic() < deadline:
            broken = [x["id"] for x in self.agent.client.get("/api/v1/promises?state=broken").body["items"]]
            if p["id"] in broken:
                break
            time.sleep(0.3)
        self.assertIn(p["id"], broken)
        mine = self.agent.client.get("%s/%d/promises" % (TICKETS, number)).body["items"]
        self.assertEqual([x["state"] for x in mine if x["id"] == p["id"]], ["broken"])
        self.assertNotIn(p["id"], [x["id"] for x in self.agent.client.get("/api/v1/promises").body["items"]])
        time.sleep(3)  # three more rounds of the job: still one reminder, one broken event
        self.assertEqual(len(self.notifications_for(owner, number)), 1)
        with self.smtp.lock:
            reminders = [raw for rcpt, raw in self.smtp.messages
                         if owner.email in rcpt and b"promise" in raw]
        self.assertEqual(len(reminders), 1)
        events = self.agent.client.get("%s/%d/events" % (TICKETS, number)).body["items"]
        self.assertEqual([e["type"] for e in events].count("promise.broken"), 1)
        self.assertEqual([e["type"] for e in events].count("promise.reminded"), 1)

    def test_kept_and_broken_promises_per_technician_are_in_the_report(self):
        number = self.customer_ticket()
        owner = self.server.user("agent")
        kept = self.promise(number, 3600, who=owner)
        r = self.agent.client.post("/api/v1/promises/%d/kept" % kept["id"])
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["state"], "kept")
        self.assertEqual(r.body["kept_by"], self.agent.id)
        self.assertEqual(self.agent.client.post("/api/v1/promises/%d/kept" % kept["id"]).status, 200)
        self.promise(number, 3, who=owner)
        time.sleep(4)
        tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).date()
        report = self.agent.client.get("/api/v1/reports/promises?to=%s" % tomorrow.isoformat())
        self.assertEqual(report.status, 200, report.body)
        rows = [row for row in report.body["rows"] if row["owner"]["id"] == owner.id]
        self.assertEqual(len(rows), 1, report.body)
        self.assertEqual((rows[0]["kept"], rows[0]["broken"], rows[0]["open"]), (1, 1, 0))

    def test_bad_promises_are_refused_and_customers_never_see_promises(self):
        number = self.customer_ticket()
        path = "%s/%d/promises" % (TICKETS, number)
        self.assertProblem(self.agent.client.post(path, {"due_at": iso(-60), "text": "x"}), 422, "due_at")
        self.assertProblem(self.agent.client.post(path, {"due_at": "tomorrow", "text": "x"}), 400, "due_at")
        self.assertProblem(self.agent.client.post(path, {"due_at": iso(60), "text": " "}), 422, "text")
        self.assertProblem(self.agent.client.post(path, {"text": "x"}), 400, "due_at")
        self.promise(number, 600)
        c = self.customer.client
        self.assertProblem(c.post(path, {"due_at": iso(600), "text": "x"}), 403)
        self.assertProblem(c.get(path), 403)
        self.assertProblem(c.get("/api/v1/promises?state=due"), 403)
        self.assertProblem(c.post("/api/v1/promises/1/kept"), 403)
        self.assertProblem(c.get("/api/v1/reports/promises"), 403)
        self.assertNotIn("promises", c.get("%s/%d" % (TICKETS, number)).body)
        self.assertProblem(self.agent.client.get("/api/v1/promises?state=later"), 422, "state")
        self.assertProblem(self.agent.client.post("/api/v1/promises/999999/kept"), 404)


class OrphanReportTest(ServerTestCase):
    """Orphan services (docs/services.md) in /metrics and in the morning report of their team's
    lead: the team's admins, or every member when the team has no admin."""

    METRICS_TOKEN = "metrics-token-for-the-orphans-test"
    server_env = {"FRONTLINE_METRICS_TOKEN": METRICS_TOKEN, "FRONTLINE_MORNING_REPORT_HOUR": "-1"}

    def orphan_gauge(self):
        r = self.server.client(token=self.METRICS_TOKEN).get("/metrics")
        self.assertEqual(r.status, 200)
        text = r.body if isinstance(r.body, str) else r.body.decode()
        lines = [l for l in text.splitlines() if l.startswith("frontline_orphan_services ")]
        self.assertEqual(len(lines), 1, text[-500:])
        return int(lines[0].split()[1])

    def morning_report(self, email):
        tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).date()
        p = subprocess.run([frontline_bin(), "report", "daily", "--data", self.server.data_dir,
                            "--date", tomorrow.isoformat(), "--print", "--agent", email],
                           capture_output=True, text=True, timeout=60, env=base_env(self.server.extra_env))
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def test_an_orphan_is_counted_in_metrics_and_reported_to_its_team_lead(self):
        admin = self.server.admin()
        lead = self.server.user("admin")
        member = self.server.user("agent")
        team = admin.post("/api/v1/teams", {"name": unique("Records ")}).body["id"]
        admin.patch("/api/v1/teams/%d" % team, {"member_ids": [lead.id, member.id]})
        before = self.orphan_gauge()
        name = unique("Records database ")
        service = member.client.post("/api/v1/services", {"name": name, "team_id": team})
        self.assertEqual(service.status, 201, service.body)
        member.client.create_ticket(subject="cannot log in", service_id=service.body["id"])
        self.assertEqual(self.orphan_gauge(), before + 1)
        report = self.morning_report(lead.email)
        self.assertIn("Services nobody can be reached for", report)
        self.assertIn(name + ": no active contact, 1 open ticket", report)
        # The team has an admin: it is the lead, the other member's report has no orphans.
        self.assertNotIn(name, self.morning_report(member.email))
        # A contact closes the gap, for everyone.
        r = member.client.patch("/api/v1/services/%d" % service.body["id"],
                                {"contacts": [{"kind": "phone", "value": "+1 555 0100"}]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.orphan_gauge(), before)
        self.assertNotIn(name, self.morning_report(lead.email))


if __name__ == "__main__":
    unittest.main()
