"""Focus of this file: the ticket API as staff and customers use it — create, read, list and
filter, cursor pagination, conversation and events, optimistic concurrency, idempotent create,
merge and links, attachments, the lifecycle rules, and the search language."""

import datetime
import unittest
from urllib.parse import quote

from harness import Server, ServerTestCase, multipart, raw_exchange, unique

TICKETS = "/api/v1/tickets"


def ticket_path(number, suffix=""):
    return "%s/%d%s" % (TICKETS, number, suffix)


def numbers(reply):
    return [t["number"] for t in reply.body["items"]]


class TicketsApiTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent")
        cls.agent2 = s.user("agent")
        cls.customer = s.user("customer")
        cls.customer2 = s.user("customer")

    def new_ticket(self, who=None, **fields):
        return (who or self.customer).client.create_ticket(**fields).body

    def events(self, number, client=None):
        r = (client or self.agent.client).get(ticket_path(number, "/events"))
        self.assertEqual(r.status, 200, r.body)
        return r.body["items"]

    # -- create and read ---------------------------------------------------------------------

    def test_create_returns_201_with_number_location_and_etag(self):
        subject = unique("Printer jam ")
        r = self.customer.client.create_ticket(subject=subject, body="The printer is jammed.")
        self.assertEqual(r.status, 201)
        number = r.body["number"]
        self.assertIsInstance(number, int)
        self.assertGreater(number, 0)
        self.assertEqual(r.headers["Location"], ticket_path(number))
        self.assertEqual(r.headers["ETag"], '"%d"' % r.body["version"])
        self.assertEqual(r.body["subject"], subject)
        self.assertEqual(r.body["status"], "new")
        self.assertEqual(r.body["requester"]["email"], self.customer.email)
        self.assertTrue(r.body["created_at"].endswith("Z"))
        self.assertIsNone(r.body["first_response_at"])

    def test_ticket_numbers_are_sequential(self):
        a = self.new_ticket()["number"]
        b = self.new_ticket()["number"]
        self.assertEqual(b, a + 1)

    def test_get_returns_the_ticket_with_its_etag(self):
        created = self.new_ticket(subject=unique("Get me "))
        r = self.agent.client.get(ticket_path(created["number"]))
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body["subject"], created["subject"])
        self.assertEqual(r.body["number"], created["number"])
        self.assertEqual(r.headers["ETag"], '"%d"' % r.body["version"])
        self.assertEqual(r.body["priority"], "normal")
        self.assertEqual(r.body["tags"], [])

    def test_agent_can_open_ticket_for_new_requester_by_email(self):
        email = unique("walkin-") + "@example.org"
        r = self.agent.client.create_ticket(requester_email=email, requester_name="Walk In",
                                            priority="high", tags=["VPN", "remote"], channel="phone")
        self.assertEqual(r.body["requester"]["email"], email)
        self.assertEqual(r.body["requester"]["name"], "Walk In")
        self.assertEqual(r.body["priority"], "high")
        self.assertEqual(r.body["tags"], ["remote", "vpn"])
        self.assertEqual(r.body["channel"], "phone")

    # -- listing -----------------------------------------------------------------------------

    def test_list_filters_by_status(self):
        a = self.new_ticket()["number"]
        b = self.new_ticket()["number"]
        r = self.agent.client.patch(ticket_path(b), {"status": "pending"})
        self.assertEqual(r.status, 200, r.body)
        r = self.agent.client.get(TICKETS + "?status=pending&limit=200")
        self.assertEqual(r.status, 200)
        got = numbers(r)
        self.assertIn(b, got)
        self.assertNotIn(a, got)
        self.assertTrue(all(t["status"] == "pending" for t in r.body["items"]))
        r = self.agent.client.get(TICKETS + "?status=new,pending&limit=200")
        self.assertIn(a, numbers(r))
        self.assertIn(b, numbers(r))

    def test_list_filters_by_assignee_me(self):
        mine = self.new_ticket()["number"]
        theirs = self.new_ticket()["number"]
        self.assertEqual(self.agent.client.patch(ticket_path(mine), {"assignee_id": self.agent.id}).status, 200)
        self.assertEqual(self.agent.client.patch(ticket_path(theirs), {"assignee_id": self.agent2.id}).status, 200)
        r = self.agent.client.get(TICKETS + "?assignee=me&limit=200")
        self.assertEqual(r.status, 200)
        self.assertIn(mine, numbers(r))
        self.assertNotIn(theirs, numbers(r))
        self.assertTrue(all(t["assignee_id"] == self.agent.id for t in r.body["items"]))
        r = self.agent2.client.get(TICKETS + "?assignee=me&limit=200")
        self.assertIn(theirs, numbers(r))
        self.assertNotIn(mine, numbers(r))

    def test_list_filters_by_tag(self):
        tag = unique("tag-")
        tagged = self.agent.client.create_ticket(requester_email=self.customer.email, tags=[tag]).body["number"]
        untagged = self.new_ticket()["number"]
        r = self.agent.client.get(TICKETS + "?tag=" + tag)
        self.assertEqual(r.status, 200)
        self.assertEqual(numbers(r), [tagged])
        self.assertNotIn(untagged, numbers(r))

    def test_list_filters_by_requester(self):
        mine = self.new_ticket(self.customer2)["number"]
        other = self.new_ticket(self.customer)["number"]
        for value in (self.customer2.email, str(self.customer2.id)):
            r = self.agent.client.get(TICKETS + "?limit=200&requester=" + value)
            self.assertEqual(r.status, 200)
            self.assertIn(mine, numbers(r))
            self.assertNotIn(other, numbers(r))
            self.assertTrue(all(t["requester"]["id"] == self.customer2.id for t in r.body["items"]))

    def test_list_filter_naming_unknown_requester_matches_nothing(self):
        self.new_ticket()
        r = self.agent.client.get(TICKETS + "?requester=nobody-" + unique() + "@example.com")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body["items"], [])

    def test_cursor_pagination_returns_every_ticket_exactly_once(self):
        tag = unique("page-")
        created = set()
        for i in range(23):
            r = self.agent.client.create_ticket(subject="Paged %d" % i, requester_email=self.customer.email,
                                                tags=[tag])
            created.add(r.body["number"])
        seen = []
        cursor = None
        pages = 0
        while True:
            path = TICKETS + "?limit=5&tag=" + tag + ("&cursor=" + cursor if cursor else "")
            r = self.agent.client.get(path)
            self.assertEqual(r.status, 200, r.body)
            self.assertLessEqual(len(r.body["items"]), 5)
            seen.extend(numbers(r))
            pages += 1
            cursor = r.body["next_cursor"]
            if cursor is None:
                break
            self.assertLess(pages, 20, "pagination does not terminate")
        self.assertEqual(pages, 5)
        self.assertEqual(len(seen), len(set(seen)), "duplicates across pages")
        self.assertEqual(set(seen), created)
        self.assertEqual(seen, sorted(seen, reverse=True), "newest first")

    def test_cursor_pagination_is_stable_when_an_earlier_ticket_is_updated(self):
        tag = unique("stable-")
        created = [self.agent.client.create_ticket(requester_email=self.customer.email, tags=[tag]).body["number"]
                   for _ in range(6)]
        first = self.agent.client.get(TICKETS + "?limit=3&tag=" + tag)
        self.assertEqual(len(first.body["items"]), 3)
        # A ticket already seen moves to the top; the rest must still come on the next page.
        self.agent.client.patch(ticket_path(first.body["items"][0]["number"]), {"priority": "high"})
        second = self.agent.client.get(TICKETS + "?limit=3&tag=" + tag + "&cursor=" + first.body["next_cursor"])
        self.assertEqual(set(numbers(first)) | set(numbers(second)), set(created))

    # -- conversation and events -------------------------------------------------------------

    def test_reply_and_internal_note_are_stored_with_their_kind(self):
        number = self.new_ticket()["number"]
        reply = self.agent.client.reply(number, "Have you tried turning it off and on?").body
        note = self.agent.client.reply(number, "Probably the toner again.", kind="internal").body
        self.assertEqual(reply["kind"], "public")
        self.assertEqual(note["kind"], "internal")
        self.assertEqual(reply["author"]["id"], self.agent.id)
        r = self.agent.client.get(ticket_path(number, "/messages"))
        self.assertEqual(r.status, 200)
        kinds = [(m["kind"], m["body"]) for m in r.body["items"]]
        self.assertEqual(len(kinds), 3)
        self.assertEqual(kinds[1], ("public", "Have you tried turning it off and on?"))
        self.assertEqual(kinds[2], ("internal", "Probably the toner again."))

    def test_a_logged_calls_notes_are_internal_and_never_reach_the_customer(self):
        secret = unique("sounded annoyed, verified her email ")
        r = self.agent.client.create_ticket(requester_email=self.customer.email, channel="phone",
                                            body="The VPN drops every hour.", call_notes=secret,
                                            call_minutes=6)
        number = r.body["number"]
        seen = self.customer.client.get(ticket_path(number, "/messages"))
        self.assertEqual(seen.status, 200, seen.body)
        self.assertEqual([m["body"] for m in seen.body["items"]], ["The VPN drops every hour."])
        self.assertNotIn(secret, str(seen.body))
        theirs = self.customer.client.get(ticket_path(number, "/events"))
        self.assertNotIn("call.logged", [e["type"] for e in theirs.body["items"]])
        self.assertNotIn(secret, str(theirs.body))
        calls = [e for e in self.events(number) if e["type"] == "call.logged"]
        self.assertEqual(len(calls), 1)
        self.assertEqual((calls[0]["data"]["taken_by"], calls[0]["data"]["minutes"]), (self.agent.id, 6))
        # A customer can neither send call notes nor add a call to their ticket.
        self.customer.client.create_ticket(call_notes="pretend staff note", expect=403)
        r = self.customer.client.post(ticket_path(number, "/calls"), {"call_notes": "x"})
        self.assertEqual(r.status, 403, r.body)
        r = self.agent.client.post(ticket_path(number, "/calls"), {"call_notes": secret + " again"})
        self.assertEqual(r.status, 201, r.body)
        self.assertNotIn(secret, str(self.customer.client.get(ticket_path(number, "/messages")).body))

    def test_events_show_who_changed_what(self):
        number = self.new_ticket()["number"]
        r = self.agent.client.patch(ticket_path(number), {"priority": "urgent", "assignee_id": self.agent2.id})
        self.assertEqual(r.status, 200, r.body)
        r = self.agent2.client.patch(ticket_path(number), {"status": "pending"})
        self.assertEqual(r.status, 200, r.body)
        events = self.events(number)
        by_type = {}
        for e in events:
            by_type.setdefault(e["type"], []).append(e)
        created = by_type["ticket.created"][0]
        self.assertEqual(created["actor_id"], self.customer.id)
        prio = by_type["ticket.priority_changed"][0]
        self.assertEqual(prio["actor_id"], self.agent.id)
        self.assertEqual(prio["data"], {"from": "normal", "to": "urgent"})
        assigned = by_type["ticket.assigned"][0]
        self.assertEqual(assigned["actor_id"], self.agent.id)
        self.assertEqual(assigned["data"]["to"], self.agent2.id)
        status = by_type["ticket.status_changed"][-1]
        self.assertEqual(status["actor_id"], self.agent2.id)
        self.assertEqual(status["data"], {"from": "new", "to": "pending"})
        ids = [e["id"] for e in events]
        self.assertEqual(ids, sorted(ids))
        self.assertTrue(all(e["ticket_number"] == number for e in events))

    # -- optimistic concurrency --------------------------------------------------------------

    def test_patch_with_stale_if_match_is_412_and_changes_nothing(self):
        created = self.customer.client.create_ticket()
        number = created.body["number"]
        etag = created.headers["ETag"]
        first = self.agent.client.patch(ticket_path(number), {"priority": "high"}, headers={"If-Match": etag})
        self.assertEqual(first.status, 200, first.body)
        self.assertNotEqual(first.headers["ETag"], etag)
        stale = self.agent2.client.patch(ticket_path(number), {"priority": "low"}, headers={"If-Match": etag})
        self.assertProblem(stale, 412)
        self.assertEqual(self.agent.client.get(ticket_path(number)).body["priority"], "high")

    def test_patch_with_current_if_match_succeeds_and_returns_new_etag(self):
        number = self.new_ticket()["number"]
        current = self.agent.client.get(ticket_path(number)).headers["ETag"]
        r = self.agent.client.patch(ticket_path(number), {"category": "hardware"}, headers={"If-Match": current})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["category"], "hardware")
        self.assertEqual(r.headers["ETag"], '"%d"' % r.body["version"])
        self.assertEqual(r.body["version"], int(current.strip('"')) + 1)
        weak = self.agent.client.patch(ticket_path(number), {"category": "network"},
                                       headers={"If-Match": "W/" + r.headers["ETag"]})
        self.assertEqual(weak.status, 200, weak.body)

    def test_if_match_we_never_issued_is_412(self):
        number = self.new_ticket()["number"]
        r = self.agent.client.patch(ticket_path(number), {"priority": "low"}, headers={"If-Match": "banana"})
        self.assertProblem(r, 412)

    # -- idempotency -------------------------------------------------------------------------

    def test_idempotency_key_on_create_returns_the_same_ticket_on_retry(self):
        key = unique("idem-")
        subject = unique("Idempotent ")
        payload = {"subject": subject, "body": "once only"}
        first = self.customer.client.post(TICKETS, payload, headers={"Idempotency-Key": key})
        retry = self.customer.client.post(TICKETS, payload, headers={"Idempotency-Key": key})
        self.assertEqual(first.status, 201)
        self.assertIn(retry.status, (200, 201))
        self.assertEqual(retry.body["number"], first.body["number"])
        other = self.customer.client.post(TICKETS, payload, headers={"Idempotency-Key": unique("idem-")})
        self.assertNotEqual(other.body["number"], first.body["number"])
        r = self.agent.client.get(TICKETS + "?limit=200&requester=" + self.customer.email)
        self.assertEqual([t["subject"] for t in r.body["items"]].count(subject), 2)
        msgs = self.agent.client.get(ticket_path(first.body["number"], "/messages")).body["items"]
        self.assertEqual(len(msgs), 1)

    def test_idempotency_key_is_scoped_to_the_caller(self):
        key = unique("shared-")
        a = self.customer.client.post(TICKETS, {"subject": "mine", "body": "x"}, headers={"Idempotency-Key": key})
        b = self.customer2.client.post(TICKETS, {"subject": "theirs", "body": "y"}, headers={"Idempotency-Key": key})
        self.assertEqual(a.status, 201)
        self.assertEqual(b.status, 201)
        self.assertNotEqual(a.body["number"], b.body["number"])
        self.assertEqual(b.body["subject"], "theirs")

    # -- merge and links ---------------------------------------------------------------------

    def test_merge_moves_messages_and_closes_the_duplicate(self):
        target = self.new_ticket(body="original report")["number"]
        dup = self.new_ticket(body="duplicate report")["number"]
        r = self.agent.client.post(ticket_path(dup, "/merge"), {"into": target})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["number"], target)
        source = self.agent.client.get(ticket_path(dup)).body
        self.assertEqual(source["merged_into"], target)
        self.assertEqual(source["status"], "closed")
        self.assertIsNotNone(source["closed_at"])
        bodies = [m["body"] for m in self.agent.client.get(ticket_path(target, "/messages")).body["items"]]
        self.assertIn("original report", bodies)
        self.assertIn("duplicate report", bodies)
        types = [e["type"] for e in self.events(target)]
        self.assertIn("ticket.merged_from", types)
        again = self.agent.client.post(ticket_path(dup, "/merge"), {"into": target})
        self.assertProblem(again, 409)

    def test_merge_into_itself_is_rejected(self):
        number = self.new_ticket()["number"]
        r = self.agent.client.post(ticket_path(number, "/merge"), {"into": number})
        self.assertProblem(r, 422, "into")  # named as the request names it

    def test_link_relates_two_tickets_both_ways(self):
        a = self.new_ticket()["number"]
        b = self.new_ticket()["number"]
        r = self.agent.client.post(ticket_path(a, "/links"), {"ticket": b})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.body, {"number": a, "linked": [b]})
        r = self.agent.client.get(ticket_path(b, "/links"))
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body["linked"], [a])
        r = self.agent.client.post(ticket_path(a, "/links"), {"ticket": 999999})
        self.assertProblem(r, 404)

    # -- attachments -------------------------------------------------------------------------

    def test_attachment_upload_and_download_keeps_content_type_and_forces_download(self):
        content = b"<html><script>alert(1)</script></html>\x00\xff binary tail"
        ctype, body = multipart({"subject": "With a file", "body": "see attached"},
                                [("file", "report page.html", "text/html", content)])
        r = self.customer.client.post(TICKETS, body, headers={"Content-Type": ctype})
        self.assertEqual(r.status, 201, r.body)
        number = r.body["number"]
        msgs = self.customer.client.get(ticket_path(number, "/messages")).body["items"]
        atts = msgs[0]["attachments"]
        self.assertEqual(len(atts), 1)
        self.assertEqual(atts[0]["filename"], "report page.html")
        self.assertEqual(atts[0]["size"], len(content))
        self.assertEqual(atts[0]["content_type"], "text/html")
        d = self.customer.client.get(atts[0]["url"])
        self.assertEqual(d.status, 200)
        self.assertEqual(d.body, content)
        self.assertEqual(d.headers["Content-Type"], "text/html")
        disposition = d.headers["Content-Disposition"]
        self.assertTrue(disposition.startswith("attachment;"), disposition)
        self.assertIn("filename", disposition)
        self.assertEqual(d.headers["X-Content-Type-Options"], "nosniff")

    def test_attachment_on_a_reply_is_downloadable_by_staff(self):
        number = self.new_ticket()["number"]
        ctype, body = multipart({"body": "log attached", "kind": "public"},
                                [("file", "app.log", "text/plain", b"line1\nline2\n")])
        r = self.customer.client.post(ticket_path(number, "/messages"), body, headers={"Content-Type": ctype})
        self.assertEqual(r.status, 201, r.body)
        att = r.body["attachments"][0]
        d = self.agent.client.get(att["url"])
        self.assertEqual(d.status, 200)
        self.assertEqual(d.body, b"line1\nline2\n")
        self.assertEqual(d.headers["Content-Type"], "text/plain")

    def test_attachment_of_two_mib_within_the_upload_limit_is_accepted(self):
        content = bytes(range(256)) * (2 * 1024 * 4)  # 2 MiB
        ctype, body = multipart({"subject": "Big screenshot", "body": "attached"},
                                [("file", "screen.png", "image/png", content)])
        r = self.customer.client.post(TICKETS, body, headers={"Content-Type": ctype})
        self.assertEqual(r.status, 201, r.body)
        msgs = self.customer.client.get(ticket_path(r.body["number"], "/messages")).body["items"]
        d = self.customer.client.get(msgs[0]["attachments"][0]["url"])
        self.assertEqual(d.body, content)

    def test_unknown_attachment_is_404(self):
        self.assertProblem(self.agent.client.get("/api/v1/attachments/987654"), 404)

    # -- lifecycle ---------------------------------------------------------------------------

    def test_requester_takes_part_of_a_name_or_email(self):
        tag = unique("zq").lower()
        person = self.server.user("customer", name="Wilma " + tag.capitalize(),
                                  email=tag + "-mail@example.com")
        number = person.client.create_ticket().body["number"]
        for part in (tag, tag.upper(), "wilma " + tag, tag + "-mail@exam"):
            with self.subTest(part=part):
                r = self.agent.client.get(TICKETS + "?q=" + quote('requester:"%s"' % part))
                self.assertEqual(r.status, 200, r.body)
                self.assertEqual([t["number"] for t in r.body["items"]], [number])
        nobody = self.agent.client.get(TICKETS + "?q=" + quote("requester:" + tag + "-nobody"))
        self.assertEqual(nobody.body["items"], [])

    def test_a_customer_reply_marks_the_ticket_until_staff_answer_publicly(self):
        number = self.new_ticket()["number"]
        self.assertIsNone(self.agent.client.get(ticket_path(number)).body["customer_replied_at"])
        self.customer.client.reply(number, "any news?")
        marked = self.agent.client.get(ticket_path(number)).body["customer_replied_at"]
        self.assertTrue(marked and marked.endswith("Z"))
        self.agent.client.reply(number, "checking", kind="internal")
        self.assertEqual(self.agent.client.get(ticket_path(number)).body["customer_replied_at"], marked)
        self.agent.client.reply(number, "Found it.")
        self.assertIsNone(self.agent.client.get(ticket_path(number)).body["customer_replied_at"])

    def test_first_agent_public_reply_sets_first_response_at_and_opens_ticket(self):
        number = self.new_ticket()["number"]
        self.agent.client.reply(number, "internal only", kind="internal")
        t = self.agent.client.get(ticket_path(number)).body
        self.assertIsNone(t["first_response_at"], "an internal note is not a response")
        self.assertEqual(t["status"], "new")
        self.customer.client.reply(number, "any news?")
        self.assertIsNone(self.agent.client.get(ticket_path(number)).body["first_response_at"])
        self.agent.client.reply(number, "Looking into it.")
        t = self.agent.client.get(ticket_path(number)).body
        self.assertIsNotNone(t["first_response_at"])
        self.assertTrue(t["first_response_at"].endswith("Z"))
        self.assertEqual(t["status"], "open")
        first = t["first_response_at"]
        self.agent2.client.reply(number, "Second answer.")
        self.assertEqual(self.agent.client.get(ticket_path(number)).body["first_response_at"], first)

    def test_resolving_sets_resolved_at_and_customer_reply_reopens(self):
        number = self.new_ticket()["number"]
        r = self.agent.client.patch(ticket_path(number), {"status": "resolved"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["status"], "resolved")
        self.assertIsNotNone(r.body["resolved_at"])
        self.assertIsNone(r.body["closed_at"])
        self.customer.client.reply(number, "It broke again")
        t = self.agent.client.get(ticket_path(number)).body
        self.assertEqual(t["status"], "open")
        self.assertIsNone(t["resolved_at"])
        last = [e for e in self.events(number) if e["type"] == "ticket.status_changed"][-1]
        self.assertEqual(last["data"], {"from": "resolved", "to": "open"})
        self.assertEqual(last["actor_id"], self.customer.id)

    def test_customer_reply_reopens_pending_ticket(self):
        number = self.new_ticket()["number"]
        self.agent.client.patch(ticket_path(number), {"status": "pending"})
        self.customer.client.reply(number, "here is the info you asked for")
        self.assertEqual(self.agent.client.get(ticket_path(number)).body["status"], "open")

    def test_closing_sets_closed_at_and_closed_ticket_takes_no_reply(self):
        number = self.new_ticket()["number"]
        r = self.agent.client.patch(ticket_path(number), {"status": "closed"})
        self.assertEqual(r.status, 200, r.body)
        self.assertIsNotNone(r.body["closed_at"])
        self.assertIsNotNone(r.body["resolved_at"])
        r = self.customer.client.reply(number, "hello?", expect=None)
        self.assertProblem(r, 409)
        r = self.agent.client.patch(ticket_path(number), {"status": "open"})
        self.assertProblem(r, 422, "status")

    # -- search ------------------------------------------------------------------------------

    def search(self, q, client=None):
        from urllib.parse import quote
        r = (client or self.agent.client).get(TICKETS + "?limit=200&q=" + quote(q))
        self.assertEqual(r.status, 200, r.body)
        return numbers(r)

    def test_search_words_match_subject_and_messages(self):
        word = unique("zebra")
        other = unique("okapi")
        a = self.new_ticket(subject="Printer %s broken" % word)["number"]
        b = self.new_ticket(body="the %s is on fire" % word)["number"]
        c = self.new_ticket(subject="unrelated " + other)["number"]
        d = self.new_ticket()["number"]
        self.agent.client.reply(d, "later mention of %s in a reply" % word)
        got = self.search(word)
        self.assertEqual(set(got), {a, b, d})
        self.assertNotIn(c, got)
        self.assertEqual(self.search("%s %s" % (word, other)), [], "words are ANDed")

    def test_search_quoted_phrase_matches_words_in_order(self):
        w1, w2 = unique("alpha"), unique("beta")
        in_order = self.new_ticket(body="%s %s here" % (w1, w2))["number"]
        reversed_ = self.new_ticket(body="%s %s here" % (w2, w1))["number"]
        got = self.search('"%s %s"' % (w1, w2))
        self.assertEqual(got, [in_order])
        self.assertEqual(set(self.search("%s %s" % (w1, w2))), {in_order, reversed_})

    def test_search_status_filter(self):
        word = unique("status")
        a = self.new_ticket(body=word)["number"]
        b = self.new_ticket(body=word)["number"]
        self.agent.client.patch(ticket_path(b), {"status": "on_hold"})
        self.assertEqual(self.search("%s status:on_hold" % word), [b])
        self.assertEqual(self.search("%s status:new" % word), [a])
        self.assertEqual(set(self.search("%s status:new,on_hold" % word)), {a, b})

    def test_search_assignee_me(self):
        word = unique("assigned")
        a = self.new_ticket(body=word)["number"]
        b = self.new_ticket(body=word)["number"]
        self.agent.client.patch(ticket_path(a), {"assignee_id": self.agent.id})
        self.assertEqual(self.search("%s assignee:me" % word), [a])
        self.assertEqual(self.search("%s assignee:none" % word), [b])
        self.assertEqual(self.search("assignee:%s %s" % (self.agent.email, word)), [a])
        self.assertEqual(self.search("%s assignee:me" % word, self.agent2.client), [])

    def test_search_tag_filter(self):
        word = unique("tagged")
        tag = unique("t")
        a = self.new_ticket(body=word)["number"]
        self.new_ticket(body=word)
        self.agent.client.patch(ticket_path(a), {"tags": [tag]})
        self.assertEqual(self.search("%s tag:%s" % (word, tag)), [a])
        self.assertEqual(self.search("tag:%s" % tag), [a], "a filter alone lists by filter")

    def test_search_created_date_filter(self):
        word = unique("dated")
        a = self.new_ticket(body=word)["number"]
        created = self.agent.client.get(ticket_path(a)).body["created_at"][:10]
        day = datetime.date.fromisoformat(created)
        yesterday = (day - datetime.timedelta(days=1)).isoformat()
        self.assertEqual(self.search("%s created>%s" % (word, yesterday)), [a])
        self.assertEqual(self.search("%s created>=%s" % (word, day.isoformat())), [a])
        self.assertEqual(self.search("%s created>%s" % (word, day.isoformat())), [])
        self.assertEqual(self.search("%s created<%s" % (word, day.isoformat())), [])
        self.assertEqual(self.search("%s created<=%s" % (word, day.isoformat())), [a])

    def test_search_is_paginated_with_a_cursor(self):
        word = unique("many")
        created = {self.new_ticket(body=word)["number"] for _ in range(7)}
        seen = []
        cursor = None
        from urllib.parse import quote
        for _ in range(10):
            path = TICKETS + "?limit=3&q=" + quote(word) + ("&cursor=" + cursor if cursor else "")
            r = self.agent.client.get(path)
            self.assertEqual(r.status, 200, r.body)
            seen += numbers(r)
            cursor = r.body["next_cursor"]
            if not cursor:
                break
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual(set(seen), created)


class AutoCloseTest(unittest.TestCase):
    """A fresh server so the CLI's count covers only this test's tickets."""

    def test_auto_close_cli_closes_resolved_tickets_only(self):
        with Server() as s:
            agent = s.user("agent")
            customer = s.user("customer")
            resolved = customer.client.create_ticket().body["number"]
            still_open = customer.client.create_ticket().body["number"]
            r = agent.client.patch(ticket_path(resolved), {"status": "resolved"})
            self.assertEqual(r.status, 200, r.body)
            out = s.cli("auto-close", "--days", "0").stdout.strip()
            self.assertEqual(out, "1")
            t = agent.client.get(ticket_path(resolved)).body
            self.assertEqual(t["status"], "closed")
            self.assertIsNotNone(t["closed_at"])
            self.assertEqual(agent.client.get(ticket_path(still_open)).body["status"], "new")
            events = agent.client.get(ticket_path(resolved, "/events")).body["items"]
            last = [e for e in events if e["type"] == "ticket.status_changed"][-1]
            self.assertEqual(last["data"].get("reason"), "auto_close")
            self.assertEqual(s.cli("auto-close", "--days", "0").stdout.strip(), "0")

    def test_auto_close_leaves_recently_resolved_tickets_alone(self):
        with Server() as s:
            agent = s.user("agent")
            number = agent.client.create_ticket(requester_email="someone@example.com").body["number"]
            agent.client.patch(ticket_path(number), {"status": "resolved"})
            self.assertEqual(s.cli("auto-close", "--days", "7").stdout.strip(), "0")
            self.assertEqual(agent.client.get(ticket_path(number)).body["status"], "resolved")


class UploadLimitTest(ServerTestCase):
    server_env = {"FRONTLINE_MAX_UPLOAD_BYTES": "2048"}

    def test_attachment_larger_than_the_limit_is_413(self):
        customer = self.server.user("customer")
        ctype, body = multipart({"subject": "big", "body": "too big"},
                                [("file", "big.bin", "application/octet-stream", b"x" * 4096)])
        r = customer.client.post(TICKETS, body, headers={"Content-Type": ctype})
        self.assertProblem(r, 413)
        listed = self.server.admin().get(TICKETS).body["items"]
        self.assertEqual([t for t in listed if t["subject"] == "big"], [], "no ticket was created")

    def test_request_far_over_the_upload_limit_is_413(self):
        customer = self.server.user("customer")
        # The transport refuses a multipart request over the upload limit plus 1 MiB from its
        # Content-Length alone, before reading the body.
        ctype, _ = multipart()
        length = 2048 + 1024 * 1024 + 1
        head = ("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
                "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (customer.token, ctype, length))
        r = raw_exchange(self.server.port, head.encode())
        self.assertIsNotNone(r, "no answer")
        self.assertProblem(r, 413)
        self.assertTrue(self.server.healthy())

    def test_attachment_within_the_limit_is_accepted(self):
        customer = self.server.user("customer")
        ctype, body = multipart({"subject": "small", "body": "fits"},
                                [("file", "small.bin", "application/octet-stream", b"z" * 1000)])
        r = customer.client.post(TICKETS, body, headers={"Content-Type": ctype})
        self.assertEqual(r.status, 201, r.body)


if __name__ == "__main__":
    unittest.main()
