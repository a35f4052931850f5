"""Focus of this file: hardware replacements over HTTP (issue 15) — a technician starts one on a
customer's ticket, the customer fills in and confirms the shipping address (in the portal's API
or in a live chat's "Shipping address" form), the technician ships it with a tracking number,
marks it delivered and the faulty unit returned; every change is an event the customer's
timeline shows and a mail to the requester (through a real SMTP sink), except changes the
customer made themselves (only the confirmation receipt); customers never see the internal
reason nor another person's replacement; the state machine's refusals (confirm with fields
missing, ship before confirm, stale version) and bad input answer 4xx, never a crash."""

import email
import email.policy
import json
import unittest

from harness import ServerTestCase, unique
from test_mail_outbound import Capture, body_text, free_port

TICKETS = "/api/v1/tickets"
REPL = "/api/v1/replacements"

FULL_ADDRESS = {"name": "Dana Reyes", "organization": "State Records Office", "line1": "12 Main St",
                "line2": "Room 4", "city": "Springfield", "region": "IL", "postal_code": "62701",
                "country": "US", "phone": "+1 217 555 0100", "email": ""}
ADDRESS_KEYS = ["name", "organization", "line1", "line2", "city", "region", "postal_code",
                "country", "phone", "email"]


class ReplacementTestCase(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = Capture(free_port())
        cls.smtp.start()
        cls.server_env = {"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % cls.smtp.port,
                          "FRONTLINE_MAIL_FROM": "Help <help@desk.example>",
                          "FRONTLINE_MORNING_REPORT_HOUR": "-1",
                          "FRONTLINE_PUBLIC_URL": "https://help.example.gov",
                          "FRONTLINE_CHAT_MAX_PER_AGENT": "1000"}
        super().setUpClass()
        s = cls.server
        cls.agent = s.user("agent", name="Ann Lee")
        cls.customer = s.user("customer", name="Dana Reyes")
        cls.other = s.user("customer")

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.smtp.stop()

    def customer_ticket(self):
        return self.customer.client.create_ticket(subject=unique("Laptop screen flickers ")).body["number"]

    def start(self, number, expect=201, **fields):
        body = dict({"model": "ThinkPad T14 Gen 3", "serial": "PF3XK2AB",
                     "reason": "Screen flickers; replaced under warranty"}, **fields)
        r = self.agent.client.post("%s/%d/replacements" % (TICKETS, number), body)
        self.assertEqual(r.status, expect, r.body)
        return r.body

    def mails_about(self, number, subject_part):
        """The requester's mails about this ticket whose subject has subject_part."""
        out = []
        with self.smtp.lock:
            messages = list(self.smtp.messages)
        for rcpt, raw in messages:
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            if self.customer.email in rcpt and ("[#%d]" % number) in msg["Subject"] and subject_part in msg["Subject"]:
                out.append(msg)
        return out

    def wait_mail(self, number, subject_part, body_part=""):
        msg, _ = self.smtp.wait_for(
            lambda rcpt, m: self.customer.email in rcpt and ("[#%d]" % number) in m["Subject"]
            and subject_part in m["Subject"] and body_part in body_text(m),
            "the replacement mail: " + subject_part + " " + body_part)
        return msg


class ReplacementFlowTest(ReplacementTestCase):
    def test_the_whole_flow_from_request_to_return_is_seen_by_the_customer_and_mailed(self):
        number = self.customer_ticket()
        created = self.start(number)
        rid = created["id"]
        self.assertEqual(created["status"], "requested")
        self.assertEqual(created["ticket_number"], number)
        self.assertEqual(created["reason"], "Screen flickers; replaced under warranty")
        self.assertEqual(sorted(created["address"].keys()), sorted(ADDRESS_KEYS))
        self.assertEqual(created["address_missing"], ["name", "line1", "city", "postal_code", "country", "phone"])
        self.assertEqual(created["created_by"], {"id": self.agent.id, "name": "Ann Lee"})
        self.assertEqual(created["version"], 1)
        self.assertIsNone(created["confirmed_by"])

        # The requested mail asks the customer to fill in the address in the portal, with the link.
        requested = body_text(self.wait_mail(number, "waiting for your shipping address"))
        self.assertIn("fill in or confirm the shipping address in the portal", requested)
        self.assertIn("https://help.example.gov/portal/tickets/%d" % number, requested)
        self.assertIn("ThinkPad T14 Gen 3", requested)
        self.assertNotIn("warranty", requested, "the reason is internal")

        # The customer sees it on the ticket and by id, without the reason.
        page = self.customer.client.get("%s/%d" % (TICKETS, number)).body
        self.assertEqual([r["id"] for r in page["replacements"]], [rid])
        self.assertNotIn("reason", page["replacements"][0])
        mine = self.customer.client.get("%s/%d" % (REPL, rid))
        self.assertEqual(mine.status, 200, mine.body)
        self.assertNotIn("reason", mine.body)
        self.assertNotIn("cancel_reason", mine.body)
        listed = self.customer.client.get("%s/%d/replacements" % (TICKETS, number)).body["items"]
        self.assertEqual([r["id"] for r in listed], [rid])

        # The customer fills in the address (no mail: they know), then confirms (a receipt).
        filled = self.customer.client.patch("%s/%d" % (REPL, rid), {"version": 1, "address": FULL_ADDRESS})
        self.assertEqual(filled.status, 200, filled.body)
        self.assertEqual(filled.body["address_missing"], [])
        self.assertEqual(filled.body["version"], 2)
        confirmed = self.customer.client.post("%s/%d/confirm" % (REPL, rid), {})
        self.assertEqual(confirmed.status, 200, confirmed.body)
        self.assertEqual(confirmed.body["status"], "confirmed")
        self.assertEqual(confirmed.body["confirmed_by"],
                         {"id": self.customer.id, "name": "Dana Reyes", "role": "customer"})
        self.assertIsNotNone(confirmed.body["confirmed_at"])
        receipt = body_text(self.wait_mail(number, "address confirmed"))
        self.assertIn("Thank you for confirming the shipping address", receipt)
        self.assertIn("12 Main St", receipt)

        # The console's "to ship" queue has it; the technician ships it.
        queue = self.agent.client.get("%s?status=confirmed" % REPL).body["items"]
        self.assertIn(rid, [r["id"] for r in queue])
        shipped = self.agent.client.post("%s/%d/ship" % (REPL, rid), {"carrier": "UPS", "tracking_number": "1Z999AA10123456784"})
        self.assertEqual(shipped.status, 200, shipped.body)
        self.assertEqual(shipped.body["status"], "shipped")
        self.assertEqual(shipped.body["sent_model"], "ThinkPad T14 Gen 3", "sent_model defaults to the model")
        on_its_way = body_text(self.wait_mail(number, "on its way"))
        self.assertIn("UPS, tracking number 1Z999AA10123456784", on_its_way)
        self.assertEqual(self.customer.client.get("%s/%d" % (REPL, rid)).body["tracking_number"], "1Z999AA10123456784")

        delivered = self.agent.client.post("%s/%d/delivered" % (REPL, rid))
        self.assertEqual(delivered.body["status"], "delivered", delivered.body)
        self.wait_mail(number, ": delivered")
        returned = self.agent.client.post("%s/%d/returned" % (REPL, rid), {})
        self.assertEqual(returned.body["status"], "returned", returned.body)
        self.wait_mail(number, "faulty unit received back")
        self.assertEqual(returned.body["version"], 6)

        # Every step is on the customer's timeline; none carries the reason.
        events = self.customer.client.get("%s/%d/events" % (TICKETS, number)).body["items"]
        types = [e["type"] for e in events if e["type"].startswith("ticket.replacement_")]
        self.assertEqual(types, ["ticket.replacement_requested", "ticket.replacement_updated",
                                 "ticket.replacement_confirmed", "ticket.replacement_shipped",
                                 "ticket.replacement_delivered", "ticket.replacement_returned"])
        self.assertNotIn("warranty", json.dumps(events))
        updated = [e for e in events if e["type"] == "ticket.replacement_updated"][0]
        self.assertIn("address.line1", updated["data"]["changed"])
        # The customer's own address change was not mailed to them: requested, the receipt,
        # shipped, delivered, returned.
        subjects = [m["Subject"] for m in self.mails_about(number, "Your replacement")]
        self.assertEqual(len(subjects), 5, subjects)

    def test_a_colleague_on_a_shared_ticket_changing_the_address_is_mailed_to_the_requester(self):
        s = self.server
        org = unique("Records Office ")
        requester = s.user("customer", org=org, name="Rita Requester")
        colleague = s.user("customer", org=org, name="Carl Colleague")
        orgs = s.admin().get("/api/v1/organizations").body["items"]
        oid = [o["id"] for o in orgs if o["name"] == org][0]
        self.assertEqual(s.admin().patch("/api/v1/organizations/%d" % oid, {"share_tickets": True}).status, 200)
        number = requester.client.create_ticket(subject=unique("Shared laptop ")).body["number"]
        rid = self.start(number)["id"]

        def mail_to_requester(subject_part, body_part):
            msg, _ = self.smtp.wait_for(
                lambda rcpt, m: requester.email in rcpt and ("[#%d]" % number) in m["Subject"]
                and subject_part in m["Subject"] and body_part in body_text(m),
                "the requester's mail: " + subject_part + " " + body_part)
            return body_text(msg)

        changed = colleague.client.patch("%s/%d" % (REPL, rid), {"version": 1, "address": FULL_ADDRESS})
        self.assertEqual(changed.status, 200, changed.body)
        # The requester did not make this change: they are told (the requester's own is not mailed).
        mail_to_requester("Your replacement", "We have updated the details of your replacement")
        confirmed = colleague.client.post("%s/%d/confirm" % (REPL, rid), {})
        self.assertEqual(confirmed.status, 200, confirmed.body)
        receipt = mail_to_requester("address confirmed", "Carl Colleague confirmed the shipping address")
        self.assertNotIn("Thank you for confirming", receipt)

    def test_staff_record_the_customers_confirmation_given_by_phone(self):
        number = self.customer_ticket()
        rid = self.start(number, address=FULL_ADDRESS)["id"]
        r = self.agent.client.post("%s/%d/confirm" % (REPL, rid))
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["confirmed_by"]["role"], "agent")
        self.assertEqual(r.body["confirmed_by"]["id"], self.agent.id)
        text = body_text(self.wait_mail(number, "address confirmed", "We have recorded"))
        self.assertIn("We have recorded the shipping address you confirmed to us:", text)
        self.assertIn("Springfield, IL 62701", text)

    def test_changing_a_confirmed_address_asks_the_customer_to_confirm_again(self):
        number = self.customer_ticket()
        created = self.start(number, address=FULL_ADDRESS)
        rid = created["id"]
        self.assertEqual(self.customer.client.post("%s/%d/confirm" % (REPL, rid)).status, 200)
        changed = self.agent.client.patch("%s/%d" % (REPL, rid), {"version": 2, "address": {"line2": "Room 9"}})
        self.assertEqual(changed.status, 200, changed.body)
        self.assertEqual(changed.body["status"], "requested")
        self.assertIsNone(changed.body["confirmed_by"])
        self.assertEqual(changed.body["address"]["line1"], "12 Main St", "keys not sent are kept")
        text = body_text(self.wait_mail(number, "waiting for your shipping address", "We have updated"))
        self.assertIn("Please fill in or confirm the shipping address in the portal", text)

    def test_cancelling_before_delivery_and_not_after(self):
        number = self.customer_ticket()
        rid = self.start(number)["id"]
        r = self.agent.client.post("%s/%d/cancel" % (REPL, rid), {"reason": "customer found the old charger"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["status"], "cancelled")
        self.assertEqual(r.body["cancel_reason"], "customer found the old charger")
        self.wait_mail(number, "cancelled")
        mine = self.customer.client.get("%s/%d" % (REPL, rid)).body
        self.assertNotIn("cancel_reason", mine)
        self.assertProblem(self.agent.client.post("%s/%d/cancel" % (REPL, rid), {}), 409)
        self.assertProblem(self.agent.client.patch("%s/%d" % (REPL, rid), {"version": 2, "model": "X1"}), 409)
        events = self.customer.client.get("%s/%d/events" % (TICKETS, number)).body["items"]
        self.assertNotIn("old charger", json.dumps(events))


class ReplacementRulesTest(ReplacementTestCase):
    def test_a_customer_never_sees_another_persons_replacement(self):
        number = self.customer_ticket()
        rid = self.start(number)["id"]
        o = self.other.client
        self.assertProblem(o.get("%s/%d" % (REPL, rid)), 404)
        self.assertProblem(o.patch("%s/%d" % (REPL, rid), {"version": 1, "address": {"city": "X"}}), 404)
        self.assertProblem(o.post("%s/%d/confirm" % (REPL, rid)), 404)
        self.assertProblem(o.get("%s/%d/replacements" % (TICKETS, number)), 404)
        self.assertProblem(self.customer.client.get("%s/%d" % (REPL, rid + 100000)), 404)

    def test_a_customer_may_only_change_the_address(self):
        number = self.customer_ticket()
        rid = self.start(number)["id"]
        c = self.customer.client
        for field, value in (("model", "X1 Carbon"), ("serial", "ZZZ"), ("reason", "mine")):
            self.assertProblem(c.patch("%s/%d" % (REPL, rid), {"version": 1, field: value}), 403, field)
        self.assertProblem(c.post("%s/%d/replacements" % (TICKETS, number), {"model": "X"}), 403)
        for step in ("ship", "delivered", "returned", "cancel"):
            self.assertProblem(c.post("%s/%d/%s" % (REPL, rid, step), {}), 403)
        self.assertProblem(c.get(REPL), 403)
        self.assertEqual(self.agent.client.get("%s/%d" % (REPL, rid)).body["version"], 1, "nothing changed")

    def test_confirm_is_refused_with_the_missing_fields_named(self):
        number = self.customer_ticket()
        rid = self.start(number, address={"name": "Dana Reyes", "country": "US", "email": "dana@example.gov"})["id"]
        r = self.customer.client.post("%s/%d/confirm" % (REPL, rid), {})
        self.assertProblem(r, 422)
        self.assertEqual([e["field"] for e in r.body["errors"]],
                         ["address.line1", "address.city", "address.postal_code"])
        self.assertEqual(self.customer.client.get("%s/%d" % (REPL, rid)).body["status"], "requested")

    def test_phone_or_email_is_required_and_named_as_phone(self):
        number = self.customer_ticket()
        address = dict(FULL_ADDRESS, phone="", email="")
        rid = self.start(number, address=address)["id"]
        self.assertEqual(self.agent.client.get("%s/%d" % (REPL, rid)).body["address_missing"], ["phone"])
        self.assertProblem(self.customer.client.post("%s/%d/confirm" % (REPL, rid)), 422, "address.phone")

    def test_ship_is_refused_before_the_customer_confirmed(self):
        number = self.customer_ticket()
        rid = self.start(number, address=FULL_ADDRESS)["id"]
        r = self.agent.client.post("%s/%d/ship" % (REPL, rid), {"carrier": "UPS", "tracking_number": "1Z"})
        self.assertProblem(r, 409)
        self.assertIn("not confirmed the shipping address", r.body["detail"])
        self.assertProblem(self.agent.client.post("%s/%d/delivered" % (REPL, rid)), 409)
        self.assertProblem(self.agent.client.post("%s/%d/returned" % (REPL, rid)), 409)
        self.assertEqual(self.agent.client.post("%s/%d/confirm" % (REPL, rid)).status, 200)
        self.assertProblem(self.agent.client.post("%s/%d/confirm" % (REPL, rid)), 409)
        r = self.agent.client.post("%s/%d/ship" % (REPL, rid), {"carrier": " "})
        self.assertProblem(r, 422, "carrier")
        r = self.agent.client.post("%s/%d/ship" % (REPL, rid), {"carrier": "UPS"})
        self.assertProblem(r, 422, "tracking_number")
        ok = self.agent.client.post("%s/%d/ship" % (REPL, rid), {"carrier": "UPS", "tracking_number": "1Z",
                                                                  "sent_model": "T14 Gen 4", "sent_serial": "NEW1"})
        self.assertEqual(ok.status, 200, ok.body)
        self.assertEqual((ok.body["sent_model"], ok.body["sent_serial"]), ("T14 Gen 4", "NEW1"))
        self.assertProblem(self.customer.client.patch("%s/%d" % (REPL, rid),
                                                      {"version": ok.body["version"], "address": {"city": "X"}}), 409)

    def test_a_stale_version_is_refused_with_409(self):
        number = self.customer_ticket()
        rid = self.start(number)["id"]
        first = self.agent.client.patch("%s/%d" % (REPL, rid), {"version": 1, "serial": "PF3XK2AC"})
        self.assertEqual(first.status, 200, first.body)
        stale = self.customer.client.patch("%s/%d" % (REPL, rid), {"version": 1, "address": {"city": "Springfield"}})
        self.assertProblem(stale, 409, "version")
        self.assertEqual(self.agent.client.get("%s/%d" % (REPL, rid)).body["address"]["city"], "")
        self.assertProblem(self.agent.client.patch("%s/%d" % (REPL, rid), {"serial": "x"}), 400, "version")

    def test_the_reason_alone_changes_no_public_event(self):
        number = self.customer_ticket()
        rid = self.start(number)["id"]
        r = self.agent.client.patch("%s/%d" % (REPL, rid), {"version": 1, "reason": "keyboard too"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual((r.body["reason"], r.body["version"]), ("keyboard too", 2))
        events = self.customer.client.get("%s/%d/events" % (TICKETS, number)).body["items"]
        self.assertNotIn("ticket.replacement_updated", [e["type"] for e in events])

    def test_the_queue_lists_newest_first_by_status(self):
        number = self.customer_ticket()
        a = self.start(number)["id"]
        b = self.start(number)["id"]
        items = self.agent.client.get("%s?status=requested&limit=500" % REPL).body["items"]
        ids = [r["id"] for r in items]
        self.assertLess(ids.index(b), ids.index(a))
        self.assertProblem(self.agent.client.get("%s?status=lost" % REPL), 422, "status")
        self.assertProblem(self.agent.client.get("%s?colour=red" % REPL), 400, "colour")
        self.assertProblem(self.agent.client.get("%s?limit=0" % REPL), 422, "limit")
        # The ticket lists its own, oldest first.
        mine = self.agent.client.get("%s/%d/replacements" % (TICKETS, number)).body["items"]
        self.assertEqual([r["id"] for r in mine], [a, b])

    def test_a_ticket_without_replacements_carries_an_empty_list(self):
        number = self.customer_ticket()
        self.assertEqual(self.customer.client.get("%s/%d" % (TICKETS, number)).body["replacements"], [])
        self.assertEqual(self.agent.client.get("%s/%d" % (TICKETS, number)).body["replacements"], [])

    def test_bad_input_is_refused_not_crashed_on(self):
        number = self.customer_ticket()
        rid = self.start(number)["id"]
        a = self.agent.client
        path = "%s/%d/replacements" % (TICKETS, number)
        self.assertProblem(a.post(path, {"serial": "x"}), 400, "model")
        self.assertProblem(a.post(path, {"model": 5}), 400, "model")
        self.assertProblem(a.post(path, {"model": "X", "colour": "red"}), 400, "colour")
        self.assertProblem(a.post(path, {"model": "X", "address": "12 Main St"}), 400, "address")
        self.assertProblem(a.post(path, {"model": "X", "address": {"street": "12 Main"}}), 400, "address.street")
        self.assertProblem(a.post(path, {"model": "X", "address": {"city": 7}}), 400, "address.city")
        self.assertProblem(a.post(path, {"model": "X", "address": {"city": "a\u0000b"}}), 400, "address.city")
        self.assertProblem(a.post(path, {"model": "   "}), 422, "model")
        self.assertProblem(a.post(path, {"model": "X" * 201}), 422, "model")
        self.assertProblem(a.post(path, {"model": "two\nlines"}), 422, "model")
        self.assertProblem(a.post(path, {"model": "X", "reason": "r" * 4001}), 422, "reason")
        self.assertProblem(a.post(path, {"model": "X", "address": {"city": "c" * 201}}), 422, "address.city")
        self.assertProblem(a.post(path, {"model": "X", "address": {"country": "U"}}), 422, "address.country")
        self.assertProblem(a.post(path, {"model": "X", "address": {"country": "C" * 57}}), 422, "address.country")
        self.assertProblem(a.post(path, {"model": "X", "address": {"email": "not an address"}}), 422, "address.email")
        self.assertProblem(a.request("POST", path, b'{"model": "\xff\xfe"}'), 400)
        self.assertProblem(a.request("POST", path, b'{"model": '), 400)
        self.assertProblem(a.request("POST", path, b'[1, 2]'), 400)
        self.assertProblem(a.patch("%s/%d" % (REPL, rid), {"version": "1"}), 400, "version")
        self.assertProblem(a.patch("%s/%d" % (REPL, rid), {"version": 1.5}), 400, "version")
        self.assertProblem(a.patch("%s/%d" % (REPL, rid), {"version": None}), 400, "version")
        self.assertProblem(a.patch("%s/%d" % (REPL, rid), {"model": "Y"}), 400, "version")
        self.assertProblem(a.post("%s/%d/ship" % (REPL, rid), {"carrier": ["UPS"]}), 400, "carrier")
        self.assertProblem(a.post("%s/%d/confirm" % (REPL, rid), {"now": True}), 400, "now")
        self.assertProblem(a.post("%s/%d/cancel" % (REPL, rid), {"reason": 3}), 400, "reason")
        self.assertProblem(a.get("%s/abc" % REPL), 404)
        self.assertProblem(a.post("%s/999999/replacements" % TICKETS, {"model": "X"}), 404)
        self.assertTrue(self.server.healthy())
        # Nothing above was stored.
        self.assertEqual(len(a.get(path).body["items"]), 1)


class ReplacementChatTest(ReplacementTestCase):
    def active_chat(self):
        r = self.customer.client.post("/api/v1/chats", {"topic": "my laptop screen"})
        self.assertEqual(r.status, 201, r.body)
        cid = r.body["id"]
        self.assertEqual(self.agent.client.post("/api/v1/chats/%d/accept" % cid).status, 200)
        return cid, r.body["ticket_number"]

    def test_the_chat_form_fills_and_confirms_the_address(self):
        cid, number = self.active_chat()
        rid = self.start(number)["id"]
        sent = self.agent.client.post("/api/v1/chats/%d/forms" % cid, {"replacement_id": rid})
        self.assertEqual(sent.status, 201, sent.body)
        self.assertEqual(sent.body["replacement_id"], rid)
        self.assertEqual(sent.body["form"]["title"], "Shipping address")
        self.assertEqual([f["name"] for f in sent.body["form"]["fields"]], ADDRESS_KEYS)
        submit = "/api/v1/chats/%d/forms/%d" % (cid, sent.body["seq"])
        c = self.customer.client
        missing = c.post(submit, {"values": {"name": "Dana Reyes", "country": "US"}})
        self.assertProblem(missing, 422, "line1")
        values = dict(FULL_ADDRESS, phone="", email="")
        values.pop("email")
        self.assertProblem(c.post(submit, {"values": dict(values, phone="")}), 422, "phone")
        self.assertEqual(c.get("%s/%d" % (REPL, rid)).body["status"], "requested", "a refused form changes nothing")
        filled = c.post(submit, {"values": FULL_ADDRESS})
        self.assertEqual(filled.status, 201, filled.body)
        self.assertEqual(filled.body["replacement_id"], rid)
        got = c.get("%s/%d" % (REPL, rid)).body
        self.assertEqual(got["status"], "confirmed")
        self.assertEqual(got["address"]["line1"], "12 Main St")
        self.assertEqual(got["confirmed_by"]["id"], self.customer.id)
        self.wait_mail(number, "address confirmed")
        events = c.get("%s/%d/events" % (TICKETS, number)).body["items"]
        self.assertIn("ticket.replacement_confirmed", [e["type"] for e in events])

    def test_the_form_is_refused_for_a_replacement_of_another_ticket(self):
        cid, _ = self.active_chat()
        rid = self.start(self.customer_ticket())["id"]
        r = self.agent.client.post("/api/v1/chats/%d/forms" % cid, {"replacement_id": rid})
        self.assertProblem(r, 422, "replacement_id")
        self.assertProblem(self.agent.client.post("/api/v1/chats/%d/forms" % cid, {}), 400, "form_id")
        self.assertProblem(self.agent.client.post("/api/v1/chats/%d/forms" % cid,
                                                  {"form_id": 1, "replacement_id": rid}), 400, "form_id")
        self.assertProblem(self.customer.client.post("/api/v1/chats/%d/forms" % cid, {"replacement_id": rid}), 403)


if __name__ == "__main__":
    unittest.main()
