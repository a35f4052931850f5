"""Focus of this file: bulk actions on a queue selection — each ticket written on its own (one
failure leaves the others done), per-ticket results, If-Match per ticket, the 200-ticket cap,
merge, and customers refused."""

import unittest

from harness import ServerTestCase

BULK = "/api/v1/tickets/bulk"
TICKETS = "/api/v1/tickets"


class BulkActionsTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent")
        cls.customer = s.user("customer")

    def tickets(self, count):
        return [self.customer.client.create_ticket().body["number"] for _ in range(count)]

    def ticket(self, n):
        return self.agent.client.get("%s/%d" % (TICKETS, n)).body

    def test_changes_apply_to_every_selected_ticket(self):
        a, b = self.tickets(2)
        r = self.agent.client.post(BULK, {"numbers": [a, b], "changes": {
            "assignee_id": self.agent.id, "priority": "high", "status": "pending",
            "add_tags": ["outage"]}})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["results"], [{"number": a, "status": 200},
                                             {"number": b, "status": 200}])
        for n in (a, b):
            t = self.ticket(n)
            self.assertEqual((t["assignee_id"], t["priority"], t["status"], t["tags"]),
                             (self.agent.id, "high", "pending", ["outage"]))

    def test_adding_a_tag_keeps_the_tags_a_ticket_had(self):
        [a] = self.tickets(1)
        self.agent.client.patch("%s/%d" % (TICKETS, a), {"tags": ["vip"]})
        r = self.agent.client.post(BULK, {"numbers": [a], "changes": {"add_tags": ["outage"]}})
        self.assertEqual(r.body["results"][0]["status"], 200, r.body)
        self.assertEqual(self.ticket(a)["tags"], ["outage", "vip"])

    def test_one_failure_does_not_undo_the_others(self):
        a, b = self.tickets(2)
        stale = self.ticket(b)["version"]
        self.agent.client.patch("%s/%d" % (TICKETS, b), {"priority": "low"})
        r = self.agent.client.post(BULK, {"numbers": [a, b, 999999],
                                          "changes": {"priority": "urgent"},
                                          "versions": {str(b): stale}})
        self.assertEqual(r.status, 200, r.body)
        statuses = {x["number"]: x["status"] for x in r.body["results"]}
        self.assertEqual(statuses, {a: 200, b: 412, 999999: 404})
        self.assertTrue(all("error" in x for x in r.body["results"] if x["status"] != 200))
        self.assertEqual(self.ticket(a)["priority"], "urgent")
        self.assertEqual(self.ticket(b)["priority"], "low")

    def test_merge_moves_the_selection_into_one_ticket(self):
        a, b, target = self.tickets(3)
        r = self.agent.client.post(BULK, {"numbers": [a, b, target], "merge_into": target})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual([x["status"] for x in r.body["results"]], [200, 200, 200])
        for n in (a, b):
            t = self.ticket(n)
            self.assertEqual((t["status"], t["merged_into"]), ("closed", target))

    def test_more_than_200_tickets_is_refused_whole(self):
        r = self.agent.client.post(BULK, {"numbers": list(range(1, 202)),
                                          "changes": {"priority": "low"}})
        self.assertProblem(r, 422, "numbers")

    def test_changes_and_merge_are_exclusive(self):
        [a] = self.tickets(1)
        self.assertProblem(self.agent.client.post(BULK, {"numbers": [a]}), 422, "changes")
        self.assertProblem(self.agent.client.post(
            BULK, {"numbers": [a], "changes": {}, "merge_into": a}), 422, "changes")
        self.assertProblem(self.agent.client.post(
            BULK, {"numbers": [a], "changes": {"colour": "red"}}), 400, "colour")

    def test_customers_are_refused(self):
        [a] = self.tickets(1)
        r = self.customer.client.post(BULK, {"numbers": [a], "changes": {"status": "resolved"}})
        self.assertProblem(r, 403)
        self.assertEqual(self.ticket(a)["status"], "new")


if __name__ == "__main__":
    unittest.main()
