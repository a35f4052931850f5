"""Focus of this file: the service directory over HTTP (issue 15's pinned contract) — adding and
changing services with contacts and call trees, revisions (creation first) and restoring one,
search by name, keyword or any URL on a service's hosts, what customers may see (public services
and public contacts only, never revisions), contact verification, the orphans list with its open
tickets, a team's contacts overdue for review, and tickets naming their service."""

import unittest
from urllib.parse import quote

from harness import ServerTestCase, execute_sql, unique

SERVICES = "/api/v1/services"
TICKETS = "/api/v1/tickets"


class DirectoryTestCase(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent")
        cls.customer = s.user("customer")
        cls.team_id = cls.admin.post("/api/v1/teams", {"name": unique("Databases ")}).body["id"]
        r = cls.admin.patch("/api/v1/teams/%d" % cls.team_id, {"member_ids": [cls.agent.id]})
        assert r.status == 200, r.body

    def add_service(self, expect=201, **fields):
        body = {"name": unique("Service "), "team_id": self.team_id}
        body.update(fields)
        r = self.agent.client.post(SERVICES, body)
        self.assertEqual(r.status, expect, r.body)
        return r.body

    def phone(self, **fields):
        contact = {"kind": "phone", "value": "+1 555 0100", "public": True}
        contact.update(fields)
        return contact


class ServiceEntryTest(DirectoryTestCase):
    def test_agent_adds_a_service_and_reads_back_every_field(self):
        name = unique("Federal database ")
        created = self.add_service(
            name=name, description="The records database agencies query.",
            urls=["https://records.example.gov/login"], keywords=["records", "FedDB"], public=True,
            contacts=[
                self.phone(call_tree=[{"press": "2", "then": "database team"}, {"press": 4, "then": "outages"}],
                           hours="Mon-Fri 8-18", time_zone="America/New_York", primary=True,
                           escalation=True, notes="Ask for the on-call DBA."),
                {"kind": "email", "value": "dba@example.gov", "call_tree": "Write 'URGENT' in the subject"},
                {"kind": "web", "value": "https://records.example.gov/support", "escalation": True},
            ])
        self.assertIsInstance(created["id"], int)
        got = self.agent.client.get("%s/%d" % (SERVICES, created["id"]))
        self.assertEqual(got.status, 200, got.body)
        s = got.body
        self.assertEqual(s["name"], name)
        self.assertEqual(s["description"], "The records database agencies query.")
        self.assertEqual(s["urls"], ["https://records.example.gov/login"])
        self.assertEqual(s["keywords"], ["records", "FedDB"])
        self.assertEqual(s["team_id"], self.team_id)
        self.assertTrue(s["public"])
        phone, email, web = s["contacts"]
        self.assertEqual(phone["call_tree"], [{"press": "2", "then": "database team"},
                                              {"press": "4", "then": "outages"}])
        self.assertEqual((phone["hours"], phone["time_zone"]), ("Mon-Fri 8-18", "America/New_York"))
        self.assertTrue(phone["primary"])
        self.assertEqual((phone["escalation"], phone["escalation_order"]), (True, 1))
        self.assertEqual((web["escalation"], web["escalation_order"]), (True, 2))
        self.assertEqual(phone["notes"], "Ask for the on-call DBA.")
        # Plain text is kept as one step with nothing to press.
        self.assertEqual(email["call_tree"], [{"press": "", "then": "Write 'URGENT' in the subject"}])
        self.assertFalse(email["public"])
        self.assertEqual(phone["review_interval_days"], 180)
        self.assertIsNone(phone["last_verified_at"])
        self.assertFalse(phone["overdue"])

    def test_patch_changes_only_what_it_names_and_keeps_contact_ids(self):
        created = self.add_service(keywords=["alpha"], contacts=[self.phone()])
        cid = created["contacts"][0]["id"]
        r = self.agent.client.patch("%s/%d" % (SERVICES, created["id"]),
                                    {"description": "Now described",
                                     "contacts": [dict(self.phone(value="+1 555 0199"), id=cid),
                                                  {"kind": "email", "value": "help@example.com"}]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["description"], "Now described")
        self.assertEqual(r.body["keywords"], ["alpha"])
        self.assertEqual(r.body["contacts"][0]["id"], cid)
        self.assertEqual(r.body["contacts"][0]["value"], "+1 555 0199")
        self.assertEqual(r.body["contacts"][1]["kind"], "email")
        self.assertEqual(r.body["version"], created["version"] + 1)

    def test_a_patch_with_a_stale_if_match_is_412_and_changes_nothing(self):
        s = self.add_service(description="first")
        path = "%s/%d" % (SERVICES, s["id"])
        etag = self.agent.client.get(path).headers.get("ETag")
        self.assertEqual(etag, '"%d"' % s["version"])
        first = self.agent.client.patch(path, {"description": "second"}, headers={"If-Match": etag})
        self.assertEqual(first.status, 200, first.body)
        self.assertEqual(first.headers.get("ETag"), '"%d"' % (s["version"] + 1))
        stale = self.admin.patch(path, {"description": "third"}, headers={"If-Match": etag})
        self.assertProblem(stale, 412)
        self.assertEqual(self.agent.client.get(path).body["description"], "second")

    def test_bad_input_is_refused_with_the_field_named(self):
        self.assertProblem(self.agent.client.post(SERVICES, {"description": "no name"}), 400, "name")
        self.assertProblem(self.agent.client.post(SERVICES, {"name": unique("S "), "colour": "red"}),
                           400, "colour")
        r = self.agent.client.post(SERVICES, {"name": unique("S "), "contacts": [
            self.phone(time_zone="Mars/Olympus_Mons")]})
        self.assertProblem(r, 422, "contacts[0].time_zone")
        r = self.agent.client.post(SERVICES, {"name": unique("S "), "urls": ["not a url at all"]})
        self.assertProblem(r, 422, "urls")
        r = self.agent.client.post(SERVICES, {"name": unique("S "), "contacts": [
            self.phone(primary=True), self.phone(primary=True)]})
        self.assertProblem(r, 422, "contacts")
        r = self.agent.client.post(SERVICES, {"name": unique("S "), "team_id": 999999})
        self.assertProblem(r, 422, "team_id")
        self.assertProblem(self.agent.client.post(SERVICES, {"name": unique("S "), "contacts": [
            {"kind": "fax", "value": "1"}]}), 400, "kind")

    def test_a_second_service_with_the_same_name_in_other_case_conflicts(self):
        name = unique("Payroll ")
        self.add_service(name=name)
        self.assertProblem(self.agent.client.post(SERVICES, {"name": name.upper()}), 409, "name")

    def test_unknown_service_is_404(self):
        self.assertProblem(self.agent.client.get(SERVICES + "/999999"), 404)
        self.assertProblem(self.agent.client.patch(SERVICES + "/999999", {"name": "x"}), 404)


class RevisionsTest(DirectoryTestCase):
    def test_every_save_is_a_revision_with_the_creation_first_and_one_can_be_restored(self):
        first_name = unique("Mainframe ")
        created = self.add_service(name=first_name, contacts=[self.phone(notes="first")])
        sid = created["id"]
        renamed = self.admin.patch("%s/%d" % (SERVICES, sid), {"name": unique("Renamed "), "contacts": []})
        self.assertEqual(renamed.status, 200, renamed.body)
        revs = self.agent.client.get("%s/%d/revisions" % (SERVICES, sid))
        self.assertEqual(revs.status, 200, revs.body)
        items = revs.body["items"]
        self.assertEqual(len(items), 2)
        self.assertEqual(items[0]["snapshot"]["name"], first_name)
        self.assertEqual(items[0]["author"]["id"], self.agent.id)
        self.assertEqual(items[1]["snapshot"]["contacts"], [])
        self.assertNotEqual(items[1]["author"]["id"], self.agent.id)  # the admin
        self.assertLess(items[0]["id"], items[1]["id"])

        restored = self.agent.client.post("%s/%d/revisions/%d/restore" % (SERVICES, sid, items[0]["id"]))
        self.assertEqual(restored.status, 200, restored.body)
        self.assertEqual(restored.body["name"], first_name)
        self.assertEqual([c["notes"] for c in restored.body["contacts"]], ["first"])
        after = self.agent.client.get("%s/%d/revisions" % (SERVICES, sid)).body["items"]
        self.assertEqual(len(after), 3)
        self.assertEqual(after[2]["restored_from"], items[0]["id"])

    def test_a_patch_that_changes_nothing_writes_no_revision(self):
        s = self.add_service(contacts=[self.phone()])
        same = dict(self.phone(), id=s["contacts"][0]["id"])
        r = self.agent.client.patch("%s/%d" % (SERVICES, s["id"]), {"name": s["name"], "contacts": [same]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["version"], s["version"])
        revs = self.agent.client.get("%s/%d/revisions" % (SERVICES, s["id"])).body["items"]
        self.assertEqual(len(revs), 1)

    def test_restoring_a_revision_of_another_service_is_404(self):
        a = self.add_service()
        b = self.add_service()
        rev_of_b = self.agent.client.get("%s/%d/revisions" % (SERVICES, b["id"])).body["items"][0]["id"]
        self.assertProblem(self.agent.client.post("%s/%d/revisions/%d/restore" % (SERVICES, a["id"], rev_of_b)),
                           404)


class SearchTest(DirectoryTestCase):
    def test_a_url_deep_inside_a_services_host_finds_it(self):
        host = unique("records").lower() + ".example.gov"
        s = self.add_service(urls=["https://%s/" % host])
        for q in ("http://WWW.%s:8443/very/deep/page?query=1#part" % host.upper(), host,
                  "www.%s/login" % host):
            found = self.agent.client.get(SERVICES + "?q=" + _quote(q))
            self.assertEqual(found.status, 200, found.body)
            self.assertIn(s["id"], [x["id"] for x in found.body["items"]], q)
        other = self.agent.client.get(SERVICES + "?q=" + _quote("https://elsewhere.example.gov/" + host))
        self.assertNotIn(s["id"], [x["id"] for x in other.body["items"]])

    def test_name_part_and_keyword_find_a_service_ignoring_case(self):
        word = unique("kw").lower()
        s = self.add_service(name=unique("Tax Filing Portal "), keywords=[word])
        by_keyword = self.agent.client.get(SERVICES + "?q=" + word.upper()).body["items"]
        self.assertIn(s["id"], [x["id"] for x in by_keyword])
        by_name = self.agent.client.get(SERVICES + "?q=" + _quote(s["name"][4:].lower())).body["items"]
        self.assertIn(s["id"], [x["id"] for x in by_name])
        nothing = self.agent.client.get(SERVICES + "?q=" + unique("nomatch")).body["items"]
        self.assertNotIn(s["id"], [x["id"] for x in nothing])

    def test_unknown_query_parameter_is_refused(self):
        self.assertProblem(self.agent.client.get(SERVICES + "?name=x"), 400, "name")


class CustomerViewTest(DirectoryTestCase):
    def test_customers_see_public_services_and_public_contacts_only(self):
        word = unique("portal").lower()
        public = self.add_service(keywords=[word], public=True, contacts=[
            self.phone(notes="internal hint"), self.phone(value="+1 555 0000", public=False)])
        hidden = self.add_service(keywords=[word], public=False, contacts=[self.phone()])
        c = self.customer.client
        found = c.get(SERVICES + "?q=" + word)
        self.assertEqual(found.status, 200, found.body)
        self.assertEqual([x["id"] for x in found.body["items"]], [public["id"]])
        everything = [x["id"] for x in c.get(SERVICES).body["items"]]
        self.assertIn(public["id"], everything)
        self.assertNotIn(hidden["id"], everything)
        seen = c.get("%s/%d" % (SERVICES, public["id"]))
        self.assertEqual(seen.status, 200, seen.body)
        self.assertEqual([x["value"] for x in seen.body["contacts"]], ["+1 555 0100"])
        for key in ("notes", "last_verified_at", "verified_by", "public"):
            self.assertNotIn(key, seen.body["contacts"][0])
        self.assertNotIn("team_id", seen.body)
        self.assertProblem(c.get("%s/%d" % (SERVICES, hidden["id"])), 404)
        # Staff search finds both.
        staff = [x["id"] for x in self.agent.client.get(SERVICES + "?q=" + word).body["items"]]
        self.assertEqual(sorted(staff), sorted([public["id"], hidden["id"]]))

    def test_customers_never_see_revisions_and_may_not_change_the_directory(self):
        s = self.add_service(public=True)
        c = self.customer.client
        self.assertProblem(c.get("%s/%d/revisions" % (SERVICES, s["id"])), 403)
        self.assertProblem(c.post(SERVICES, {"name": unique("Mine ")}), 403)
        self.assertProblem(c.patch("%s/%d" % (SERVICES, s["id"]), {"name": "x"}), 403)
        self.assertProblem(c.get(SERVICES + "/orphans"), 403)
        rev = self.agent.client.get("%s/%d/revisions" % (SERVICES, s["id"])).body["items"][0]["id"]
        self.assertProblem(c.post("%s/%d/revisions/%d/restore" % (SERVICES, s["id"], rev)), 403)


class VerificationAndOrphansTest(DirectoryTestCase):
    def orphan_ids(self):
        r = self.agent.client.get(SERVICES + "/orphans")
        self.assertEqual(r.status, 200, r.body)
        return {o["service"]["id"]: o for o in r.body["items"]}

    def test_an_orphan_and_its_open_tickets_leave_the_list_when_a_contact_is_added(self):
        s = self.add_service()  # a team with a member, but nobody to call
        open_ticket = self.agent.client.create_ticket(requester_email=self.customer.email,
                                                      service_id=s["id"]).body["number"]
        solved = self.agent.client.create_ticket(requester_email=self.customer.email,
                                                 service_id=s["id"]).body["number"]
        r = self.agent.client.patch("%s/%d" % (TICKETS, solved), {"status": "resolved"})
        self.assertEqual(r.status, 200, r.body)
        orphans = self.orphan_ids()
        self.assertIn(s["id"], orphans)
        self.assertEqual(orphans[s["id"]]["open_tickets"], 1)
        self.assertEqual(orphans[s["id"]]["reason"], "no_active_contact")
        self.assertIsInstance(open_ticket, int)
        r = self.agent.client.patch("%s/%d" % (SERVICES, s["id"]), {"contacts": [self.phone()]})
        self.assertEqual(r.status, 200, r.body)
        self.assertNotIn(s["id"], self.orphan_ids())

    def test_a_service_without_a_team_or_with_an_empty_team_is_an_orphan(self):
        no_team = self.add_service(team_id=None, contacts=[self.phone()])
        empty = self.admin.post("/api/v1/teams", {"name": unique("Empty ")}).body["id"]
        empty_team = self.add_service(team_id=empty, contacts=[self.phone()])
        orphans = self.orphan_ids()
        self.assertEqual(orphans[no_team["id"]]["reason"], "no_team")
        self.assertEqual(orphans[empty_team["id"]]["reason"], "team_without_members")

    def test_verifying_records_who_how_and_the_result_and_wrong_makes_the_contact_inactive(self):
        s = self.add_service(contacts=[self.phone()])
        cid = s["contacts"][0]["id"]
        path = "%s/%d/contacts/%d/verify" % (SERVICES, s["id"], cid)
        r = self.agent.client.post(path, {"how": "called", "result": "works"})
        self.assertEqual(r.status, 200, r.body)
        c = r.body["contacts"][0]
        self.assertEqual((c["verified_by"], c["verified_how"], c["verified_result"]),
                         (self.agent.id, "called", "works"))
        self.assertIsNotNone(c["last_verified_at"])
        self.assertNotIn(s["id"], self.orphan_ids())
        r = self.agent.client.post(path, {"how": "called", "result": "wrong"})
        self.assertFalse(r.body["contacts"][0]["active"])
        self.assertEqual(self.orphan_ids()[s["id"]]["reason"], "no_active_contact")
        self.assertProblem(self.agent.client.post(path, {"how": "shouted", "result": "works"}), 400, "how")
        self.assertProblem(self.agent.client.post("%s/%d/contacts/%d/verify" % (SERVICES, s["id"], cid + 10000),
                                                  {"how": "called", "result": "works"}), 404)
        self.assertProblem(self.customer.client.post(path, {"how": "called", "result": "works"}), 403)


class OverdueContactsTest(DirectoryTestCase):
    def backdate(self, contact_id, days):
        """Makes a contact look added `days` ago (the API cannot: it stamps contacts now)."""
        execute_sql(self.server, "UPDATE service_contacts SET created_at = created_at - %d WHERE id = %d"
                    % (days * 86400, contact_id))

    def overdue(self, team_id, client=None):
        r = (client or self.agent.client).get(SERVICES + "/contacts/overdue?team_id=%d" % team_id)
        self.assertEqual(r.status, 200, r.body)
        return r.body["items"]

    def test_a_teams_overdue_contacts_are_listed_oldest_first_with_their_service(self):
        team = self.admin.post("/api/v1/teams", {"name": unique("Overdue ")}).body["id"]
        other_team = self.admin.post("/api/v1/teams", {"name": unique("Elsewhere ")}).body["id"]
        a = self.add_service(team_id=team, contacts=[self.phone(value="+1 555 0101", review_interval_days=30),
                                                     self.phone(value="+1 555 0102")])
        b = self.add_service(team_id=team, contacts=[self.phone(value="+1 555 0103", review_interval_days=10)])
        elsewhere = self.add_service(team_id=other_team, contacts=[self.phone(value="+1 555 0104")])
        self.assertEqual(self.overdue(team), [], "fresh contacts are not overdue")
        self.backdate(a["contacts"][0]["id"], 40)   # due 10 days ago
        self.backdate(a["contacts"][1]["id"], 100)  # 180 days: not yet
        self.backdate(b["contacts"][0]["id"], 30)   # due 20 days ago
        self.backdate(elsewhere["contacts"][0]["id"], 400)
        items = self.overdue(team)
        self.assertEqual([(i["service"]["id"], i["service"]["name"], i["contact"]["value"]) for i in items],
                         [(b["id"], b["name"], "+1 555 0103"), (a["id"], a["name"], "+1 555 0101")])
        first = items[0]
        self.assertTrue(first["contact"]["overdue"])
        self.assertEqual(first["overdue_since"], first["contact"]["review_due_at"])
        self.assertEqual(first["contact"]["call_tree"], [])
        self.assertIn("notes", first["contact"], "staff see the contact as the directory shows it to staff")
        # Verifying one takes it off the list.
        r = self.agent.client.post("%s/%d/contacts/%d/verify" % (SERVICES, b["id"], b["contacts"][0]["id"]),
                                   {"how": "called", "result": "works"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual([i["contact"]["value"] for i in self.overdue(team)], ["+1 555 0101"])
        self.assertEqual([i["service"]["id"] for i in self.overdue(other_team)], [elsewhere["id"]])

    def test_the_team_is_required_and_must_exist_and_the_list_is_for_staff(self):
        path = SERVICES + "/contacts/overdue"
        self.assertProblem(self.agent.client.get(path), 422, "team_id")
        self.assertProblem(self.agent.client.get(path + "?team_id=abc"), 422, "team_id")
        self.assertProblem(self.agent.client.get(path + "?team_id=999999"), 422, "team_id")
        self.assertProblem(self.agent.client.get(path + "?team_id=1&team=2"), 400)
        self.assertProblem(self.customer.client.get(path + "?team_id=%d" % self.team_id), 403)
        self.assertProblem(self.customer.client.get(path), 403)


class ReportWrongTest(DirectoryTestCase):
    def test_reporting_a_contact_wrong_on_a_ticket_notifies_the_teams_members_but_not_the_reporter(self):
        member = self.server.user("agent")
        r = self.admin.patch("/api/v1/teams/%d" % self.team_id, {"member_ids": [self.agent.id, member.id]})
        self.assertEqual(r.status, 200, r.body)
        outsider = self.server.user("agent")
        s = self.add_service(contacts=[self.phone()])
        cid = s["contacts"][0]["id"]
        number = self.agent.client.create_ticket(requester_email=self.customer.email).body["number"]
        path = "%s/%d/contacts/%d/report-wrong" % (SERVICES, s["id"], cid)
        r = self.agent.client.post(path, {"ticket": number, "note": "The menu changed: press 3 now"})
        self.assertEqual(r.status, 204, r.body)

        def reports(user):
            items = user.client.get("/api/v1/notifications").body["items"]
            return [n for n in items if n["kind"] == "contact_reported_wrong"]
        got = reports(member)
        self.assertEqual([(n["ticket_number"], n["actor"]["id"]) for n in got], [(number, self.agent.id)])
        self.assertEqual(reports(self.agent), [])
        self.assertEqual(reports(outsider), [])
        events = self.agent.client.get("%s/%d/events" % (TICKETS, number)).body["items"]
        reported = [e for e in events if e["type"] == "service.contact_reported_wrong"]
        self.assertEqual([(e["data"]["contact_id"], e["data"]["note"], e["data"]["service_name"]) for e in reported],
                         [(cid, "The menu changed: press 3 now", s["name"])])
        # Customers never see it on their ticket's history.
        theirs = self.customer.client.get("%s/%d/events" % (TICKETS, number)).body["items"]
        self.assertNotIn("service.contact_reported_wrong", [e["type"] for e in theirs])

    def test_a_report_needs_a_real_ticket_and_contact_and_is_for_staff(self):
        s = self.add_service(contacts=[self.phone()])
        cid = s["contacts"][0]["id"]
        path = "%s/%d/contacts/%d/report-wrong" % (SERVICES, s["id"], cid)
        self.assertProblem(self.agent.client.post(path, {"ticket": 999999}), 422, "ticket")
        self.assertProblem(self.agent.client.post(path, {"note": "no ticket"}), 400, "ticket")
        number = self.customer.client.create_ticket().body["number"]
        self.assertProblem(self.agent.client.post("%s/%d/contacts/%d/report-wrong" % (SERVICES, s["id"], cid + 10000),
                                                  {"ticket": number}), 404)
        self.assertProblem(self.customer.client.post(path, {"ticket": number}), 403)


class TicketServiceTest(DirectoryTestCase):
    def test_tickets_take_service_id_on_create_and_patch_and_carry_it(self):
        a = self.add_service()
        b = self.add_service()
        plain = self.agent.client.create_ticket(requester_email=self.customer.email).body
        self.assertIsNone(plain["service_id"])
        t = self.agent.client.create_ticket(requester_email=self.customer.email, service_id=a["id"]).body
        self.assertEqual(t["service_id"], a["id"])
        self.assertEqual(self.agent.client.get("%s/%d" % (TICKETS, t["number"])).body["service_id"], a["id"])
        r = self.agent.client.patch("%s/%d" % (TICKETS, t["number"]), {"service_id": b["id"]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["service_id"], b["id"])
        events = self.agent.client.get("%s/%d/events" % (TICKETS, t["number"])).body["items"]
        changed = [e for e in events if e["type"] == "ticket.service_changed"]
        self.assertEqual([(e["data"]["from"], e["data"]["to"]) for e in changed], [(a["id"], b["id"])])
        # The names at the time go with the ids, so the history reads them after a rename.
        self.assertEqual([(e["data"]["from_name"], e["data"]["to_name"]) for e in changed], [(a["name"], b["name"])])
        r = self.agent.client.patch("%s/%d" % (SERVICES, b["id"]), {"name": unique("Renamed ")})
        self.assertEqual(r.status, 200, r.body)
        cleared = self.agent.client.patch("%s/%d" % (TICKETS, t["number"]), {"service_id": None})
        self.assertIsNone(cleared.body["service_id"])
        events = self.agent.client.get("%s/%d/events" % (TICKETS, t["number"])).body["items"]
        changed = [e["data"] for e in events if e["type"] == "ticket.service_changed"]
        self.assertEqual((changed[0]["to_name"], changed[1]["from_name"], changed[1]["to_name"]),
                         (b["name"], r.body["name"], ""))

    def test_staff_list_the_tickets_about_a_service_by_id_name_or_search(self):
        s = self.add_service()
        about = self.agent.client.create_ticket(requester_email=self.customer.email, service_id=s["id"]).body
        self.agent.client.create_ticket(requester_email=self.customer.email)  # about nothing
        for query in ("service=%d" % s["id"], "service=" + quote(s["name"]),
                      "q=" + quote('service:"%s"' % s["name"])):
            r = self.agent.client.get("%s?%s" % (TICKETS, query))
            self.assertEqual(r.status, 200, (query, r.body))
            self.assertEqual([t["number"] for t in r.body["items"]], [about["number"]], query)
        self.assertEqual(self.agent.client.get(TICKETS + "?service=No+such+service").body["items"], [])
        # A customer cannot learn which of their tickets staff filed under a service.
        self.assertProblem(self.customer.client.get("%s?service=%d" % (TICKETS, s["id"])), 422, "service")

    def test_an_unknown_service_is_refused_with_the_field_named(self):
        r = self.agent.client.post(TICKETS, {"subject": "s", "body": "b", "service_id": 999999,
                                             "requester_email": self.customer.email})
        self.assertProblem(r, 422, "service_id")
        t = self.agent.client.create_ticket(requester_email=self.customer.email).body
        self.assertProblem(self.agent.client.patch("%s/%d" % (TICKETS, t["number"]), {"service_id": 999999}),
                           422, "service_id")

    def test_customers_do_not_set_the_service(self):
        s = self.add_service(public=True)
        r = self.customer.client.post(TICKETS, {"subject": "s", "body": "b", "service_id": s["id"]})
        self.assertProblem(r, 403)
        own = self.customer.client.create_ticket().body
        self.assertNotIn("service_id", own)
        self.assertProblem(self.customer.client.patch("%s/%d" % (TICKETS, own["number"]), {"service_id": s["id"]}),
                           403)


def _quote(text):
    return quote(text, safe="")


if __name__ == "__main__":
    unittest.main()
