"""Focus of this file: macros over HTTP — who may see, add, change and remove shared and personal
macros, and applying one: field changes and a reply with its placeholders filled, in one write,
honouring If-Match."""

import unittest

from harness import ServerTestCase, unique

MACROS = "/api/v1/macros"
TICKETS = "/api/v1/tickets"


class MacroPermissionsTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent")
        cls.other_agent = s.user("agent")
        cls.customer = s.user("customer")

    def test_admin_adds_a_shared_macro_every_technician_sees(self):
        r = self.admin.post(MACROS, {"name": unique("Shared "), "scope": "shared",
                                     "changes": {"priority": "high"}})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.body["scope"], "shared")
        self.assertIsNone(r.body["owner_id"])
        listed = self.agent.client.get(MACROS)
        self.assertEqual(listed.status, 200)
        self.assertIn(r.body["id"], [m["id"] for m in listed.body["items"]])

    def test_technician_may_not_add_a_shared_macro(self):
        r = self.agent.client.post(MACROS, {"name": unique("Mine "), "scope": "shared"})
        self.assertProblem(r, 403)

    def test_personal_macro_is_hidden_from_other_technicians(self):
        r = self.agent.client.post(MACROS, {"name": unique("Personal "), "reply": "Hi"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.body["owner_id"], self.agent.id)
        mid = r.body["id"]
        others = self.other_agent.client.get(MACROS).body["items"]
        self.assertNotIn(mid, [m["id"] for m in others])
        self.assertProblem(self.other_agent.client.patch("%s/%d" % (MACROS, mid), {"name": "x"}),
                           404)
        self.assertProblem(self.other_agent.client.delete("%s/%d" % (MACROS, mid)), 404)
        renamed = self.agent.client.patch("%s/%d" % (MACROS, mid), {"name": "Renamed"})
        self.assertEqual(renamed.status, 200, renamed.body)
        self.assertEqual(renamed.body["name"], "Renamed")
        self.assertEqual(self.agent.client.delete("%s/%d" % (MACROS, mid)).status, 204)

    def test_technician_may_not_change_or_remove_a_shared_macro(self):
        mid = self.admin.post(MACROS, {"name": unique("Locked "), "scope": "shared"}).body["id"]
        self.assertProblem(self.agent.client.patch("%s/%d" % (MACROS, mid), {"name": "x"}), 403)
        self.assertProblem(self.agent.client.delete("%s/%d" % (MACROS, mid)), 403)

    def test_customers_get_403_for_every_macro_call(self):
        mid = self.admin.post(MACROS, {"name": unique("Any "), "scope": "shared"}).body["id"]
        n = self.customer.client.create_ticket().body["number"]
        c = self.customer.client
        self.assertProblem(c.get(MACROS), 403)
        self.assertProblem(c.post(MACROS, {"name": "mine"}), 403)
        self.assertProblem(c.patch("%s/%d" % (MACROS, mid), {"name": "x"}), 403)
        self.assertProblem(c.delete("%s/%d" % (MACROS, mid)), 403)
        self.assertProblem(c.post("%s/%d/macros/%d" % (TICKETS, n, mid)), 403)

    def test_unknown_fields_and_bad_values_are_named(self):
        self.assertProblem(self.agent.client.post(MACROS, {"name": "x", "changes": {"colour": 1}}),
                           400, "colour")
        self.assertProblem(self.agent.client.post(MACROS, {"name": "x", "reply_kind": "loud"}),
                           400, "reply_kind")
        self.assertProblem(self.agent.client.post(MACROS, {"name": "  "}), 422, "name")


class MacroApplyTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent", name="Tess Technician")
        cls.customer = s.user("customer", name="Carla Customer")

    def macro(self, client, **body):
        body.setdefault("name", unique("Macro "))
        r = client.post(MACROS, body)
        self.assertEqual(r.status, 201, r.body)
        return r.body["id"]

    def apply(self, number, mid, client=None, **kw):
        return (client or self.agent.client).post("%s/%d/macros/%d" % (TICKETS, number, mid), **kw)

    def test_apply_sets_fields_assigns_me_and_replies_with_placeholders_filled(self):
        n = self.customer.client.create_ticket().body["number"]
        self.agent.client.patch("%s/%d" % (TICKETS, n), {"tags": ["printer"]})
        mid = self.macro(self.admin, scope="shared",
                         changes={"priority": "urgent", "assign_to_me": True,
                                  "add_tags": ["escalated"], "remove_tags": ["printer"],
                                  "status": "pending"},
                         reply="Hello {{recipient_name}}, ticket #{{ticket_number}} is with "
                               "{{author_name}}.")
        r = self.apply(n, mid)
        self.assertEqual(r.status, 200, r.body)
        t = r.body["ticket"]
        self.assertEqual(t["priority"], "urgent")
        self.assertEqual(t["assignee_id"], self.agent.id)
        self.assertEqual(t["tags"], ["escalated"])
        self.assertEqual(t["status"], "pending")
        self.assertEqual(r.headers.get("ETag"), '"%d"' % t["version"])
        self.assertEqual(r.body["message"]["body"],
                         "Hello Carla Customer, ticket #%d is with Tess Technician." % n)
        # The customer sees the reply: it was public.
        bodies = [m["body"] for m in self.customer.client.get("%s/%d/messages" % (TICKETS, n))
                  .body["items"]]
        self.assertIn(r.body["message"]["body"], bodies)
        # The same events as a PATCH and a reply.
        types = [e["type"] for e in self.agent.client.get("%s/%d/events" % (TICKETS, n))
                 .body["items"]]
        for expected in ("ticket.priority_changed", "ticket.assigned", "ticket.tags_changed",
                         "message.added", "ticket.status_changed"):
            self.assertIn(expected, types)

    def test_internal_reply_stays_hidden_from_the_customer(self):
        n = self.customer.client.create_ticket().body["number"]
        mid = self.macro(self.agent.client, reply="Checked {{recipient_name}}'s logs",
                         reply_kind="internal")
        r = self.apply(n, mid)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["message"]["kind"], "internal")
        bodies = [m["body"] for m in self.customer.client.get("%s/%d/messages" % (TICKETS, n))
                  .body["items"]]
        self.assertNotIn("Checked Carla Customer's logs", bodies)

    def test_stale_if_match_applies_nothing(self):
        n = self.customer.client.create_ticket().body["number"]
        version = self.agent.client.get("%s/%d" % (TICKETS, n)).body["version"]
        self.agent.client.patch("%s/%d" % (TICKETS, n), {"priority": "low"})
        mid = self.macro(self.agent.client, changes={"priority": "high"}, reply="Looking now")
        r = self.apply(n, mid, headers={"If-Match": '"%d"' % version})
        self.assertProblem(r, 412)
        t = self.agent.client.get("%s/%d" % (TICKETS, n)).body
        self.assertEqual(t["priority"], "low")
        messages = self.agent.client.get("%s/%d/messages" % (TICKETS, n)).body["items"]
        self.assertNotIn("Looking now", [m["body"] for m in messages])

    def test_a_failing_reply_rolls_back_the_field_changes(self):
        # A closed ticket takes no reply; the priority change of the same macro must not stay.
        n = self.customer.client.create_ticket().body["number"]
        self.agent.client.patch("%s/%d" % (TICKETS, n), {"status": "closed"})
        mid = self.macro(self.agent.client, changes={"priority": "urgent"}, reply="Hi")
        self.assertProblem(self.apply(n, mid), 409)
        self.assertEqual(self.agent.client.get("%s/%d" % (TICKETS, n)).body["priority"], "normal")

    def test_someone_elses_personal_macro_cannot_be_applied(self):
        other = self.server.user("agent")
        mid = self.macro(other.client, changes={"priority": "high"})
        n = self.customer.client.create_ticket().body["number"]
        self.assertProblem(self.apply(n, mid), 404)


if __name__ == "__main__":
    unittest.main()
