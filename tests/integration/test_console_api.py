"""Focus of this file: the API the web console and portal need beyond the core — queue counts,
sorted listings, saved filters, categories and the caller lookup for phone calls."""

import unittest

from harness import ServerTestCase, unique

TICKETS = "/api/v1/tickets"


def numbers(reply):
    return [t["number"] for t in reply.body["items"]]


class QueueCountsTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.agent = s.user("agent")
        cls.customer = s.user("customer")
        cls.other = s.user("customer")
        cls.tag = unique("count").lower()
        cls.mine = []
        for i in range(3):
            n = cls.customer.client.create_ticket(subject=unique("Counted ")).body["number"]
            cls.agent.client.patch("%s/%d" % (TICKETS, n), {"tags": [cls.tag]})
            cls.mine.append(n)
        cls.agent.client.patch("%s/%d" % (TICKETS, cls.mine[0]), {"assignee_id": cls.agent.id})
        cls.other.client.create_ticket(subject=unique("Someone else "))

    def count(self, client, query):
        r = client.get(TICKETS + "/count?" + query)
        self.assertEqual(r.status, 200, r.body)
        return r.body

    def test_count_matches_the_list_for_the_same_filters(self):
        for query in ["tag=" + self.tag, "tag=%s&assignee=none" % self.tag,
                      "q=tag:%s%%20assignee:me" % self.tag]:
            listed = self.agent.client.get(TICKETS + "?limit=200&" + query)
            self.assertEqual(self.count(self.agent.client, query)["count"],
                             len(listed.body["items"]), query)

    def test_count_of_my_assigned_tickets(self):
        body = self.count(self.agent.client, "assignee=me&tag=" + self.tag)
        self.assertEqual(body, {"count": 1, "capped": False})

    def test_customer_counts_only_their_own_tickets(self):
        total = self.count(self.customer.client, "")["count"]
        self.assertEqual(total, 3)
        self.assertEqual(self.count(self.other.client, "")["count"], 1)

    def test_count_rejects_paging_parameters_and_unknown_filters(self):
        self.assertProblem(self.agent.client.get(TICKETS + "/count?cursor=abc"), 400, "cursor")
        self.assertProblem(self.agent.client.get(TICKETS + "/count?colour=red"), 400, "colour")

    def test_customers_cannot_count_by_agent_only_fields(self):
        self.assertProblem(self.customer.client.get(TICKETS + "/count?assignee=none"), 422,
                           "assignee")


class SortedListTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent")
        cls.tag = unique("sort").lower()
        cls.created = []
        for priority in ["low", "urgent", "normal", "high", "normal"]:
            r = cls.agent.client.create_ticket(requester_email=unique("r") + "@example.com",
                                               priority=priority, tags=[cls.tag])
            cls.created.append((r.body["number"], priority))

    def listing(self, query):
        r = self.agent.client.get(TICKETS + "?tag=%s&%s" % (self.tag, query))
        self.assertEqual(r.status, 200, r.body)
        return r

    def test_sort_by_priority_puts_urgent_first_then_newest(self):
        got = [(t["number"], t["priority"]) for t in self.listing("sort=priority").body["items"]]
        rank = {"urgent": 3, "high": 2, "normal": 1, "low": 0}
        want = sorted(self.created, key=lambda c: (rank[c[1]], c[0]), reverse=True)
        self.assertEqual(got, want)

    def test_sort_by_number_ascending(self):
        self.assertEqual(numbers(self.listing("sort=number&order=asc")),
                         sorted(n for n, _ in self.created))

    def test_sorted_pages_cover_every_ticket_once(self):
        seen, cursor = [], None
        for _ in range(10):
            r = self.listing("sort=created&order=asc&limit=2" + ("&cursor=" + cursor if cursor else ""))
            seen += numbers(r)
            cursor = r.body["next_cursor"]
            if not cursor:
                break
        self.assertEqual(seen, sorted(n for n, _ in self.created))

    def test_unknown_sort_and_order_are_rejected(self):
        self.assertProblem(self.agent.client.get(TICKETS + "?sort=colour"), 400, "sort")
        self.assertProblem(self.agent.client.get(TICKETS + "?order=sideways"), 400, "order")


class SavedFiltersTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent")
        cls.agent2 = cls.server.user("agent")

    def test_saved_filter_round_trip_is_private_to_its_owner(self):
        name = unique("Urgent mine ")
        r = self.agent.client.post("/api/v1/me/filters",
                                   {"name": name, "query": "assignee:me priority:urgent"})
        self.assertEqual(r.status, 201, r.body)
        fid = r.body["id"]
        mine = self.agent.client.get("/api/v1/me/filters").body["items"]
        self.assertIn({"id": fid, "name": name, "query": "assignee:me priority:urgent"}, mine)
        theirs = self.agent2.client.get("/api/v1/me/filters").body["items"]
        self.assertNotIn(fid, [f["id"] for f in theirs])
        self.assertProblem(self.agent2.client.delete("/api/v1/me/filters/%d" % fid), 404)
        self.assertEqual(self.agent.client.delete("/api/v1/me/filters/%d" % fid).status, 204)
        mine = self.agent.client.get("/api/v1/me/filters").body["items"]
        self.assertNotIn(fid, [f["id"] for f in mine])

    def test_a_query_that_does_not_parse_is_refused(self):
        r = self.agent.client.post("/api/v1/me/filters", {"name": unique("bad"), "query": "status:"})
        self.assertProblem(r, 422, "query")

    def test_the_same_name_twice_is_a_conflict(self):
        name = unique("Twice ")
        self.assertEqual(self.agent.client.post("/api/v1/me/filters",
                                                {"name": name, "query": "status:open"}).status, 201)
        r = self.agent.client.post("/api/v1/me/filters", {"name": name, "query": "status:pending"})
        self.assertProblem(r, 409, "name")

    def test_unknown_fields_are_named(self):
        r = self.agent.client.post("/api/v1/me/filters",
                                   {"name": "x", "query": "status:open", "colour": "red"})
        self.assertProblem(r, 400, "colour")


class CategoriesTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.server.admin()
        cls.agent = cls.server.user("agent")
        cls.customer = cls.server.user("customer")

    def test_admin_adds_everyone_reads_admin_removes(self):
        name = unique("Network ")
        r = self.admin.post("/api/v1/categories", {"name": name})
        self.assertEqual(r.status, 201, r.body)
        cid = r.body["id"]
        for who in (self.agent.client, self.customer.client):
            items = who.get("/api/v1/categories").body["items"]
            self.assertIn({"id": cid, "name": name}, items)
        self.assertEqual(self.admin.delete("/api/v1/categories/%d" % cid).status, 204)
        items = self.customer.client.get("/api/v1/categories").body["items"]
        self.assertNotIn(cid, [c["id"] for c in items])
        self.assertProblem(self.admin.delete("/api/v1/categories/%d" % cid), 404)

    def test_only_admins_change_categories(self):
        self.assertProblem(self.agent.client.post("/api/v1/categories", {"name": unique("x")}), 403)
        self.assertProblem(self.customer.client.post("/api/v1/categories", {"name": unique("x")}), 403)

    def test_names_are_unique_ignoring_case(self):
        name = unique("Printers ")
        self.assertEqual(self.admin.post("/api/v1/categories", {"name": name}).status, 201)
        self.assertProblem(self.admin.post("/api/v1/categories", {"name": name.upper()}), 409, "name")

    def test_empty_name_is_refused(self):
        self.assertProblem(self.admin.post("/api/v1/categories", {"name": "   "}), 422, "name")


class CallerLookupTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent")
        cls.customer = cls.server.user("customer")
        cls.caller_email = unique("Zed.Caller") + "@Example.com"
        cls.caller = cls.agent.client.create_ticket(
            requester_email=cls.caller_email, requester_name="Zedekiah Phone").body["requester"]

    def test_agents_find_customers_by_part_of_name_or_email_ignoring_case(self):
        for q in ["zedekiah", "PHONE", self.caller_email.lower()[:12]]:
            r = self.agent.client.get("/api/v1/users?role=customer&q=" + q)
            self.assertEqual(r.status, 200, r.body)
            self.assertIn(self.caller["id"], [u["id"] for u in r.body["items"]], q)

    def test_lookup_matches_nothing_for_an_unknown_name(self):
        r = self.agent.client.get("/api/v1/users?q=" + unique("nobody"))
        self.assertEqual(r.body["items"], [])

    def test_percent_and_underscore_are_plain_characters(self):
        r = self.agent.client.get("/api/v1/users?q=%25")
        self.assertEqual(r.body["items"], [])

    def test_customers_cannot_search_the_directory(self):
        self.assertProblem(self.customer.client.get("/api/v1/users?q=zed"), 403)


if __name__ == "__main__":
    unittest.main()
