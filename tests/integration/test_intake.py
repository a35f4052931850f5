"""Focus of this file: intake questions over HTTP (issue 15) — admins keep per-category and
per-service questions, agents read them, customers only read a form; a new ticket's answers are
checked (a required question unanswered, a choice not offered, yes/no not a boolean: 422 naming
answers.<id>), stored as typed fields in form order on the ticket's JSON, found with
field:KEY=VALUE, and added or corrected by a phone call on an existing ticket; a chat started from
the portal or the widget answers its category's questions the same way; the answers report counts
tickets by their answer under a key. Runs on SQLite and, under tests/pg/with_cluster.sh, on
PostgreSQL."""

import datetime

import unittest
from urllib.parse import quote

from harness import ServerTestCase, multipart, unique

QUESTIONS = "/api/v1/intake-questions"
TICKETS = "/api/v1/tickets"


class IntakeTestCase(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent")
        cls.customer = s.user("customer")
        cls.category = unique("Hardware ")
        r = cls.admin.post("/api/v1/categories", {"name": cls.category})
        assert r.status == 201, r.body
        r = cls.agent.client.post("/api/v1/services", {"name": unique("VPN "), "public": True})
        assert r.status == 201, r.body
        cls.service_id = r.body["id"]
        r = cls.agent.client.post("/api/v1/services", {"name": unique("Payroll ")})
        assert r.status == 201, r.body
        cls.private_service_id = r.body["id"]

        def add(**fields):
            r = cls.admin.post(QUESTIONS, fields)
            assert r.status == 201, r.body
            return r.body

        # Added out of order: position decides.
        cls.serial = add(category=cls.category, position=3, key="serial", kind="serial",
                         label="Serial number", help="On the sticker under the machine.")
        cls.error = add(category=cls.category, position=1, kind="error_message", required=True,
                        label="What exactly does the error say?")
        cls.machine = add(category=cls.category, position=2, kind="choice", required=True,
                          label="Machine type", choices=["Laptop", "Desktop"])
        cls.others = add(service_id=cls.service_id, kind="yes_no", key="others",
                         label="Does anyone else in your organisation see it?")
        cls.before = add(service_id=cls.service_id, kind="text", label="What happened right before?")

    def open_ticket(self, client, expect=201, **fields):
        body = {"subject": unique("Broken "), "body": "It stopped working."}
        body.update(fields)
        r = client.post(TICKETS, body)
        self.assertEqual(r.status, expect, r.body)
        return r.body

    def good_answers(self, **extra):
        answers = {str(self.error["id"]): "E42: disk not found\n    at boot (0x7b)",
                   str(self.machine["id"]): "Laptop"}
        answers.update(extra)
        return answers


class QuestionManagementTest(IntakeTestCase):
    def test_admin_adds_a_question_and_reads_back_every_field(self):
        q = self.serial
        self.assertIsInstance(q["id"], int)
        self.assertEqual(q["category"], self.category)
        self.assertIsNone(q["service_id"])
        self.assertEqual((q["key"], q["kind"], q["label"]), ("serial", "serial", "Serial number"))
        self.assertEqual(q["help"], "On the sticker under the machine.")
        self.assertEqual(q["choices"], [])
        self.assertFalse(q["required"])
        self.assertTrue(q["active"])
        # The key comes from the label when none is given; position 0 puts it last.
        self.assertEqual(self.before["key"], "what_happened_right_before")
        self.assertEqual(self.before["position"], 2)
        self.assertEqual(self.machine["choices"], ["Laptop", "Desktop"])

    def test_the_form_is_the_categorys_questions_then_the_services_in_order(self):
        path = "%s?category=%s&service_id=%d" % (QUESTIONS, quote(self.category.upper()),
                                                self.service_id)
        for client in (self.customer.client, self.agent.client, self.admin):
            r = client.get(path)
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual([q["id"] for q in r.body["items"]],
                             [self.error["id"], self.machine["id"], self.serial["id"],
                              self.others["id"], self.before["id"]])
        only_service = self.customer.client.get("%s?service_id=%d" % (QUESTIONS, self.service_id))
        self.assertEqual([q["id"] for q in only_service.body["items"]],
                         [self.others["id"], self.before["id"]])
        unknown = self.customer.client.get("%s?category=%s" % (QUESTIONS, quote(unique("Nope "))))
        self.assertEqual(unknown.body["items"], [])

    def test_customers_cannot_manage_or_list_questions_and_agents_only_read(self):
        body = {"category": self.category, "kind": "text", "label": "Sneaky"}
        self.assertProblem(self.customer.client.post(QUESTIONS, body), 403)
        self.assertProblem(self.agent.client.post(QUESTIONS, body), 403)
        path = "%s/%d" % (QUESTIONS, self.serial["id"])
        self.assertProblem(self.customer.client.patch(path, {"label": "x"}), 403)
        self.assertProblem(self.agent.client.patch(path, {"label": "x"}), 403)
        self.assertProblem(self.customer.client.delete(path), 403)
        self.assertProblem(self.customer.client.get(QUESTIONS), 403)
        listed = self.agent.client.get(QUESTIONS)
        self.assertEqual(listed.status, 200, listed.body)
        self.assertIn(self.serial["id"], [q["id"] for q in listed.body["items"]])
        # A customer never learns a non-public service's form (nor that the service exists).
        self.assertProblem(self.customer.client.get("%s?service_id=%d" % (
            QUESTIONS, self.private_service_id)), 404)

    def test_bad_questions_are_refused_at_the_field(self):
        self.assertProblem(self.admin.post(QUESTIONS, {"kind": "text", "label": "No scope"}), 422,
                           "category")
        self.assertProblem(self.admin.post(QUESTIONS, {"category": unique("Missing "), "kind": "text",
                                                       "label": "x"}), 422, "category")
        self.assertProblem(self.admin.post(QUESTIONS, {"category": self.category, "kind": "choice",
                                                       "label": "Pick", "choices": ["only"]}), 422,
                           "choices")
        self.assertProblem(self.admin.post(QUESTIONS, {"category": self.category, "kind": "essay",
                                                       "label": "x"}), 400, "kind")
        self.assertProblem(self.admin.post(QUESTIONS, {"category": self.category, "kind": "text",
                                                       "label": "x", "key": "Bad Key"}), 422, "key")

    def test_patch_changes_what_it_names_and_delete_keeps_old_answers(self):
        q = self.admin.post(QUESTIONS, {"category": self.category, "kind": "text",
                                         "label": "Room number", "key": "room"}).body
        path = "%s/%d" % (QUESTIONS, q["id"])
        r = self.admin.patch(path, {"label": "Room or desk", "required": True, "help": "e.g. 4.12"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual((r.body["label"], r.body["required"], r.body["help"], r.body["key"]),
                         ("Room or desk", True, "e.g. 4.12", "room"))
        t = self.open_ticket(self.customer.client, category=self.category,
                             answers=self.good_answers(**{str(q["id"]): "4.12"}))
        self.assertEqual(self.admin.delete(path).status, 204)
        self.assertProblem(self.admin.delete(path), 404)
        got = self.customer.client.get("%s/%d" % (TICKETS, t["number"])).body
        self.assertIn({"question_id": q["id"], "key": "room", "label": "Room or desk",
                       "kind": "text", "value": "4.12"}, got["fields"])
        # Deleted, it is no longer asked.
        self.open_ticket(self.customer.client, category=self.category, answers=self.good_answers())


class TicketAnswersTest(IntakeTestCase):
    def test_a_required_question_unanswered_is_refused_with_its_field_named(self):
        r = self.customer.client.post(TICKETS, {"subject": "x", "body": "y", "category": self.category,
                                                "answers": {str(self.machine["id"]): "Laptop"}})
        self.assertProblem(r, 422, "answers.%d" % self.error["id"])
        message = [e["message"] for e in r.body["errors"]
                   if e["field"] == "answers.%d" % self.error["id"]][0]
        self.assertIn("required", message)
        self.assertIn("What exactly does the error say?", message)
        # No answers at all: both required questions named; blank counts as unanswered.
        r = self.customer.client.post(TICKETS, {"subject": "x", "body": "y", "category": self.category,
                                                "answers": {str(self.error["id"]): "   "}})
        fields = {e["field"] for e in r.body["errors"]}
        self.assertEqual(fields, {"answers.%d" % self.error["id"], "answers.%d" % self.machine["id"]})
        # Nothing was opened.
        mine = self.customer.client.get("%s?q=%s" % (TICKETS, quote("category:\"%s\"" % self.category)))
        self.assertTrue(all(t["subject"] != "x" for t in mine.body["items"]))

    def test_wrong_kinds_of_answers_are_refused_at_their_field(self):
        cases = [
            ({str(self.machine["id"]): "Tablet"}, self.machine),
            ({str(self.others["id"]): "yes"}, self.others),
            ({str(self.serial["id"]): 12345}, self.serial),
            ({str(self.serial["id"]): "two\nlines"}, self.serial),
        ]
        for extra, question in cases:
            r = self.agent.client.post(TICKETS, {
                "subject": "x", "body": "y", "category": self.category, "service_id": self.service_id,
                "requester_email": self.customer.email, "answers": self.good_answers(**extra)})
            self.assertProblem(r, 422, "answers.%d" % question["id"])
        # An answer to a question the form does not ask.
        r = self.customer.client.post(TICKETS, {"subject": "x", "body": "y", "category": self.category,
                                                "answers": self.good_answers(**{str(self.others["id"]): True})})
        self.assertProblem(r, 422, "answers.%d" % self.others["id"])
        self.assertProblem(self.customer.client.post(TICKETS, {
            "subject": "x", "body": "y", "answers": {"serial": "x"}}), 400, "answers.serial")
        self.assertProblem(self.customer.client.post(TICKETS, {
            "subject": "x", "body": "y", "answers": ["x"]}), 400, "answers")

    def test_answers_are_stored_in_form_order_and_shown_to_the_requester(self):
        t = self.open_ticket(self.agent.client, category=self.category, service_id=self.service_id,
                             requester_email=self.customer.email, channel="phone",
                             call_notes="Called from desk 4.",
                             answers=self.good_answers(**{str(self.serial["id"]): " SN-ABC123 ",
                                                          str(self.others["id"]): False}))
        expected = [
            {"question_id": self.error["id"], "key": self.error["key"],
             "label": "What exactly does the error say?", "kind": "error_message",
             "value": "E42: disk not found\n    at boot (0x7b)"},
            {"question_id": self.machine["id"], "key": "machine_type", "label": "Machine type",
             "kind": "choice", "value": "Laptop"},
            {"question_id": self.serial["id"], "key": "serial", "label": "Serial number",
             "kind": "serial", "value": "SN-ABC123"},
            {"question_id": self.others["id"], "key": "others",
             "label": "Does anyone else in your organisation see it?", "kind": "yes_no", "value": False},
        ]
        self.assertEqual(t["fields"], expected)
        for client in (self.agent.client, self.customer.client):
            got = client.get("%s/%d" % (TICKETS, t["number"]))
            self.assertEqual(got.status, 200, got.body)
            self.assertEqual(got.body["fields"], expected)
        # A ticket with no form has no fields; lists do not carry them.
        plain = self.open_ticket(self.customer.client)
        self.assertEqual(plain["fields"], [])
        listed = self.agent.client.get(TICKETS).body["items"]
        self.assertNotIn("fields", listed[0])

    def test_a_retried_create_answers_with_the_first_tickets_fields(self):
        body = {"subject": unique("Retry "), "body": "y", "category": self.category,
                "answers": self.good_answers()}
        key = {"Idempotency-Key": unique("intake-")}
        first = self.customer.client.request("POST", TICKETS, body, headers=key)
        again = self.customer.client.request("POST", TICKETS, body, headers=key)
        self.assertEqual(first.status, 201, first.body)
        self.assertEqual(again.body["number"], first.body["number"])
        self.assertEqual(again.body["fields"], first.body["fields"])
        self.assertEqual(len(first.body["fields"]), 2)

    def test_field_search_finds_the_ticket_by_key_and_value(self):
        serial = unique("SN").upper()
        t = self.open_ticket(self.customer.client, category=self.category,
                             answers=self.good_answers(**{str(self.serial["id"]): serial}))
        other = self.open_ticket(self.customer.client, category=self.category,
                                 answers=self.good_answers(**{str(self.serial["id"]): serial + "0"}))
        for q in ("field:serial=%s" % serial, "field:serial=%s" % serial.lower(),
                  "field:machine_type=laptop field:serial=%s" % serial):
            r = self.agent.client.get("%s?q=%s" % (TICKETS, quote(q)))
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual([x["number"] for x in r.body["items"]], [t["number"]], q)
        count = self.agent.client.get("%s/count?q=%s" % (TICKETS, quote("field:serial=%s" % serial)))
        self.assertEqual(count.body["count"], 1, count.body)
        none = self.agent.client.get("%s?q=%s" % (TICKETS, quote("field:machine_type=Desktop field:serial=%s" % serial)))
        self.assertEqual(none.body["items"], [])
        self.assertProblem(self.agent.client.get("%s?q=%s" % (TICKETS, quote("field:serial"))), 400, "q")
        # The requester finds their own ticket by its answers; another customer does not.
        mine = self.customer.client.get("%s?q=%s" % (TICKETS, quote("field:serial=%s" % serial)))
        self.assertEqual([x["number"] for x in mine.body["items"]], [t["number"]])
        stranger = self.server.user("customer")
        theirs = stranger.client.get("%s?q=%s" % (TICKETS, quote("field:serial=%s" % serial)))
        self.assertEqual(theirs.body["items"], [])
        self.assertNotEqual(t["number"], other["number"])

    def test_service_questions_apply_on_their_own_and_with_a_category(self):
        # Only the service's form: nothing required there.
        t = self.open_ticket(self.agent.client, service_id=self.service_id,
                             requester_email=self.customer.email,
                             answers={str(self.others["id"]): True,
                                      str(self.before["id"]): "Installed an update"})
        self.assertEqual([(f["key"], f["value"]) for f in t["fields"]],
                         [("others", True), ("what_happened_right_before", "Installed an update")])
        # The category's required questions still apply when a service is also given.
        r = self.agent.client.post(TICKETS, {
            "subject": "x", "body": "y", "category": self.category, "service_id": self.service_id,
            "requester_email": self.customer.email, "answers": {str(self.others["id"]): True}})
        self.assertProblem(r, 422, "answers.%d" % self.machine["id"])

    def test_a_logged_call_adds_and_corrects_answers_on_an_existing_ticket(self):
        t = self.open_ticket(self.customer.client, category=self.category,
                             answers=self.good_answers())
        path = "%s/%d/calls" % (TICKETS, t["number"])
        self.assertProblem(self.agent.client.post(path, {
            "call_notes": "x", "answers": {str(self.machine["id"]): "Phone"}}), 422,
            "answers.%d" % self.machine["id"])
        r = self.agent.client.post(path, {"call_notes": "She read the sticker.", "call_minutes": 3,
                                          "answers": {str(self.serial["id"]): "SN-77",
                                                      str(self.machine["id"]): "Desktop"}})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual([(f["key"], f["value"]) for f in r.body["fields"]],
                         [(self.error["key"], "E42: disk not found\n    at boot (0x7b)"),
                          ("machine_type", "Desktop"), ("serial", "SN-77")])
        events = self.customer.client.get("%s/%d/events" % (TICKETS, t["number"])).body["items"]
        self.assertIn("ticket.fields_answered", [e["type"] for e in events])

    def test_a_portal_form_with_attachments_sends_answers_as_a_json_part(self):
        content_type, body = multipart(
            {"subject": "With a photo", "body": "See the photo.", "category": self.category,
             "answers": '{"%d": "Laptop"}' % self.machine["id"]},
            [("photo", "screen.txt", "text/plain", b"BSOD")])
        r = self.customer.client.request("POST", TICKETS, body=body,
                                         headers={"Content-Type": content_type})
        self.assertProblem(r, 422, "answers.%d" % self.error["id"])


class ChatAnswersTest(IntakeTestCase):
    CHATS = "/api/v1/chats"

    def test_a_visitor_reads_the_categories_and_a_categorys_form_without_signing_in(self):
        stranger = self.server.client()
        cats = stranger.get("/api/v1/categories")
        self.assertEqual(cats.status, 200, cats.body)
        self.assertIn(self.category, [c["name"] for c in cats.body["items"]])
        form = stranger.get("%s?category=%s" % (QUESTIONS, quote(self.category)))
        self.assertEqual(form.status, 200, form.body)
        self.assertEqual([q["id"] for q in form.body["items"]],
                         [self.error["id"], self.machine["id"], self.serial["id"]])
        # Not the whole list, and not a service that is not public.
        self.assertProblem(stranger.get(QUESTIONS), 401)
        self.assertProblem(stranger.get("%s?service_id=%d" % (QUESTIONS, self.private_service_id)), 404)

    def test_a_visitors_chat_with_a_required_answer_missing_is_refused_at_its_field(self):
        email = unique("visitor-") + "@example.com"
        r = self.server.client().post(self.CHATS, {
            "email": email, "topic": unique("Laptop dead "), "category": self.category,
            "answers": {str(self.machine["id"]): "Laptop"}})
        self.assertProblem(r, 422, "answers.%d" % self.error["id"])
        # A choice not offered, from a signed-in customer: named at its question too.
        r = self.customer.client.post(self.CHATS, {
            "topic": "x", "category": self.category,
            "answers": self.good_answers(**{str(self.machine["id"]): "Tablet"})})
        self.assertProblem(r, 422, "answers.%d" % self.machine["id"])
        # Nothing was opened for the visitor's address.
        found = self.agent.client.get("%s?q=%s" % (TICKETS, quote(email)))
        self.assertEqual(found.body["items"], [])

    def test_a_chats_answers_become_its_tickets_fields(self):
        serial = unique("SNCHAT").upper()
        r = self.server.client().post(self.CHATS, {
            "email": unique("visitor-") + "@example.com", "name": "Vic", "topic": "Laptop dead",
            "category": self.category,
            "answers": self.good_answers(**{str(self.serial["id"]): serial})})
        self.assertEqual(r.status, 201, r.body)
        t = self.agent.client.get("%s/%d" % (TICKETS, r.body["ticket_number"])).body
        self.assertEqual(t["channel"], "chat")
        self.assertEqual(t["category"], self.category)
        self.assertEqual([(f["key"], f["value"]) for f in t["fields"]],
                         [(self.error["key"], "E42: disk not found\n    at boot (0x7b)"),
                          ("machine_type", "Laptop"), ("serial", serial)])
        found = self.agent.client.get("%s?q=%s" % (TICKETS, quote("field:serial=%s" % serial)))
        self.assertEqual([x["number"] for x in found.body["items"]], [t["number"]])
        # A signed-in customer's chat too, and they see the answers on their ticket.
        mine = self.customer.client.post(self.CHATS, {"topic": "Desktop dead",
                                                     "category": self.category,
                                                     "answers": self.good_answers()})
        self.assertEqual(mine.status, 201, mine.body)
        seen = self.customer.client.get("%s/%d" % (TICKETS, mine.body["ticket_number"])).body
        self.assertEqual([f["key"] for f in seen["fields"]], [self.error["key"], "machine_type"])
        self.customer.client.post("%s/%d/end" % (self.CHATS, mine.body["id"]), {})


class AnswerReportTest(ServerTestCase):
    REPORT = "/api/v1/reports/fields"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent")
        cls.customer = s.user("customer")
        cls.category = unique("Laptops ")
        assert cls.admin.post("/api/v1/categories", {"name": cls.category}).status == 201
        cls.key = "os_" + unique("k")
        cls.os = cls.admin.post(QUESTIONS, {"category": cls.category, "key": cls.key,
                                            "kind": "choice", "label": "Operating system",
                                            "choices": ["Windows", "Linux"]}).body
        cls.yes_key = "docked_" + unique("k")
        cls.docked = cls.admin.post(QUESTIONS, {"category": cls.category, "key": cls.yes_key,
                                                "kind": "yes_no", "label": "Docked?"}).body
        cls.text_key = "model_" + unique("k")
        cls.model = cls.admin.post(QUESTIONS, {"category": cls.category, "key": cls.text_key,
                                               "kind": "text", "label": "Model"}).body

    def open_with(self, answers):
        r = self.customer.client.post(TICKETS, {"subject": unique("Laptop "), "body": "Broken.",
                                                "category": self.category, "answers": answers})
        self.assertEqual(r.status, 201, r.body)
        return r.body["number"]

    def report(self, client, **params):
        return client.get("%s?%s" % (self.REPORT, "&".join(
            "%s=%s" % (k, quote(str(v))) for k, v in params.items())))

    def test_tickets_are_counted_by_answer_most_first_with_the_open_ones(self):
        os_id, docked_id, model_id = (str(q["id"]) for q in (self.os, self.docked, self.model))
        first = self.open_with({os_id: "Windows", docked_id: True, model_id: "x1 carbon"})
        self.open_with({os_id: "Windows", docked_id: False, model_id: "X1 Carbon"})
        self.open_with({os_id: "Linux", docked_id: True})
        self.open_with({model_id: "T14"})
        resolved = self.agent.client.patch("%s/%d" % (TICKETS, first), {"status": "resolved"})
        self.assertEqual(resolved.status, 200, resolved.body)
        today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        r = self.report(self.agent.client, key=self.key, **{"from": today, "to": today})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["key"], self.key)
        self.assertEqual((r.body["from"], r.body["to"]), (today, today))
        self.assertEqual(r.body["items"], [{"value": "Windows", "tickets": 2, "open": 1},
                                           {"value": "Linux", "tickets": 1, "open": 1}])
        # Yes/no answers read "yes" and "no"; text answers differing in case count as one.
        yes_no = self.report(self.admin, key=self.yes_key).body["items"]
        self.assertEqual(yes_no, [{"value": "yes", "tickets": 2, "open": 1},
                                  {"value": "no", "tickets": 1, "open": 1}])
        models = self.report(self.agent.client, key=self.text_key.upper()).body
        self.assertEqual(models["key"], self.text_key)
        self.assertEqual([(i["value"].lower(), i["tickets"]) for i in models["items"]],
                         [("x1 carbon", 2), ("t14", 1)])
        # Tickets created outside the range are not counted.
        yesterday = (datetime.datetime.now(datetime.timezone.utc).date()
                     - datetime.timedelta(days=1)).isoformat()
        before = self.report(self.agent.client, key=self.key, **{"from": yesterday, "to": yesterday})
        self.assertEqual(before.body["items"], [])
        # A key nobody answered under: an empty report, not an error.
        self.assertEqual(self.report(self.agent.client, key="never_asked").body["items"], [])

    def test_customers_are_refused_and_bad_parameters_named(self):
        self.assertProblem(self.report(self.customer.client, key=self.key), 403)
        self.assertProblem(self.server.client().get("%s?key=%s" % (self.REPORT, self.key)), 401)
        self.assertProblem(self.agent.client.get(self.REPORT), 422, "key")
        self.assertProblem(self.report(self.agent.client, key="no spaces"), 422, "key")
        self.assertProblem(self.report(self.agent.client, key=self.key, **{"from": "yesterday"}),
                           422, "from")
        self.assertProblem(self.report(self.agent.client, key=self.key,
                                       **{"from": "2026-02-01", "to": "2026-01-01"}), 422, "from")
        self.assertProblem(self.report(self.agent.client, key=self.key, group_by="day"), 400)


if __name__ == "__main__":
    unittest.main()
