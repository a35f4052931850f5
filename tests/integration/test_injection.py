"""Focus of this file: injection. Every query parameter, path parameter and JSON field that
reaches SQL (or the FTS5 search) gets hostile text: SQL quotes and comments, FTS5 operators
and column filters, NUL, very long strings, invalid UTF-8. The answer is 2xx (with no extra
rows: a customer still sees only their own tickets, a search finds no ticket that lacks its
words, a stored value reads back as sent) or 4xx — never 5xx, and no SQLite error text ever
reaches a response body."""

import json
import re
import unittest
from urllib.parse import quote_from_bytes

from harness import ServerTestCase, unique

TEXT_PAYLOADS = [
    "' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE tickets; --", "\"; DROP TABLE tickets; --",
    "1 UNION SELECT password_hash FROM users --", "') OR ('a'='a", "1; SELECT 1", "' || (SELECT 1) || '",
    "NEAR(", "NEAR(a b, 2)", "NEAR(\"a\" \"b\")", "\"", "\"\"", "\"a", "*", "a*", "**", "^", "^start",
    "subject:", "subject:x", "internal_text:secretword", "{internal_text}: secretword",
    "- internal_text : secretword", "facets:status_new", "NOT", "AND", "OR a", "a AND", "(", ")", "()",
    "+", "-", "%", "_", "\\", "\\'", "`", ";", "--", "/*", "*/", "\x00", "a\x00b", "\x01\x1f",
    "x" * 5000, "\u202e\u200b", "\U0001F600", "ß", "-1", "0", "99999999999999999999999", "1e9",
    "null", "[]", "{}", "$1", "?1", ":name", "@p",
]
# Invalid UTF-8, sent as raw bytes in query strings and JSON strings.
BYTE_PAYLOADS = [b"\xff\xfe", b"\xc3\x28", b"a\xed\xa0\x80b", b"\xf8\x88\x80\x80\x80"]
# What SQLite's own messages look like ("near \"x\": syntax error", "fts5: syntax error near …").
LEAKS = [re.compile(p) for p in (r"sqlite", r"near \"[^\"]*\": syntax error", r"no such column",
                                 r"no such table", r"fts5", r"unrecognized token", r"malformed match",
                                 r"unterminated string", r"sql logic", r"constraint failed")]
CANARY = "zebraquokka"
NAME_FILTERS = ("assignee", "team", "requester", "organization")


def qs(value):
    raw = value if isinstance(value, bytes) else value.encode("utf-8")
    return quote_from_bytes(raw, safe="")


def json_with(fields, key, value):
    """A JSON object with fields and key set to value (bytes are spliced in raw: invalid UTF-8)."""
    if isinstance(value, bytes):
        marker = "@@%s@@" % unique()
        body = json.dumps(dict(fields, **{key: marker})).encode()
        return body.replace(marker.encode(), value)
    return json.dumps(dict(fields, **{key: value})).encode()


class InjectionTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.agent = s.user("agent")
        cls.customer = s.user("customer", org=unique("Inj Org "))
        cls.admin = s.admin()
        cls.mine = cls.customer.client.create_ticket(subject="my printer", body="toner smudges").body["number"]
        cls.agent.client.reply(cls.mine, "secretword in a staff note", kind="internal")
        # Someone else's tickets, with words no payload contains (nor starts with: "a*").
        cls.canaries = [cls.agent.client.create_ticket(subject="%s %s" % (CANARY, fruit), body=CANARY + " kumquat",
                                                       requester_email="canary@example.com").body["number"]
                        for fruit in ("kiwi", "mango", "quince")]
        # Where payloads are written as messages (never a canary: its words must stay its own).
        cls.scratch = cls.agent.client.create_ticket(requester_email="scratch@example.com").body["number"]
        cls.total = cls.admin.get("/api/v1/tickets/count").body

    def check(self, r, what):
        """No 5xx and no SQLite words in the body; returns the reply for further checks."""
        self.assertLess(r.status, 500, "%s answered %d: %r" % (what, r.status, r.body))
        raw = r.body.decode("latin-1") if isinstance(r.body, (bytes, bytearray)) else json.dumps(r.body)
        text = raw.lower()
        for leak in LEAKS:
            self.assertIsNone(leak.search(text), "%s: database text in the answer: %r" % (what, r.body))
        return r

    def assertOnlyMine(self, r, what):
        if r.status == 200:
            numbers = {t["number"] for t in r.body["items"]}
            self.assertLessEqual(numbers, {self.mine}, "%s showed a customer other tickets" % what)

    def assertNoCanary(self, r, what):
        if r.status == 200 and "items" in r.body:
            numbers = {t["number"] for t in r.body["items"]}
            self.assertFalse(numbers & set(self.canaries), "%s matched tickets without its words" % what)

    def payloads(self):
        return list(TEXT_PAYLOADS) + list(BYTE_PAYLOADS)

    def test_ticket_list_and_count_parameters(self):
        params = ("q", "status", "priority", "tag", "assignee", "team", "requester", "organization",
                  "updated_since", "cursor", "sort", "order", "limit")
        for value in self.payloads():
            for param in params:
                for path in ("/api/v1/tickets", "/api/v1/tickets/count"):
                    if path.endswith("count") and param in ("cursor", "sort", "order", "limit"):
                        continue
                    url = "%s?%s=%s" % (path, param, qs(value))
                    what = "%s %s=%r" % (path, param, value[:40])
                    r = self.check(self.customer.client.get(url), "customer " + what)
                    if path == "/api/v1/tickets":
                        self.assertOnlyMine(r, what)
                    elif r.status == 200:
                        self.assertLessEqual(r.body["count"], 1, what)
                    r = self.check(self.agent.client.get(url), "agent " + what)
                    if param == "q":
                        self.assertNoCanary(r, what)
                    elif param in NAME_FILTERS and r.status == 200:
                        # Names nobody has: the filter matches nothing, never everything.
                        found = r.body["items"] if "items" in r.body else r.body["count"]
                        self.assertFalse(found, "%s matched tickets" % what)
                    elif param == "tag" and r.status == 200 and "items" in r.body:
                        # Tickets tagged with a payload exist (see below); untagged ones never match.
                        self.assertTrue(all(t["tags"] for t in r.body["items"]), what)
        self.assertGreaterEqual(self.admin.get("/api/v1/tickets/count").body["count"], self.total["count"],
                                "tickets disappeared")

    def test_search_language_filters(self):
        keys = ("status", "priority", "assignee", "team", "requester", "org", "tag", "created>", "created<=")
        for value in TEXT_PAYLOADS:
            for key in keys:
                sep = "" if key.endswith(("<", ">", "=")) else ":"
                bare = "%s%s%s" % (key, sep, value)
                quoted = '%s%s"%s"' % (key, sep, value.replace('"', ""))
                for q in (bare, quoted, "printer " + quoted):
                    what = "q=%r" % q[:60]
                    r = self.check(self.customer.client.get("/api/v1/tickets?q=" + qs(q)), "customer " + what)
                    self.assertOnlyMine(r, what)
                    r = self.check(self.agent.client.get("/api/v1/tickets?q=" + qs(q)), "agent " + what)
                    self.assertNoCanary(r, what)
                    self.check(self.agent.client.get("/api/v1/tickets/count?q=" + qs(q)), "count " + what)

    def test_customer_search_never_reaches_internal_notes(self):
        for q in ("secretword", "internal_text:secretword", "{internal_text}: secretword",
                  "{internal_text} : secretword", "internal_text : secretword", "NEAR(secretword)",
                  "secretword*", "secret*", "\"secretword\"", "- {subject} : secretword", "^secretword"):
            r = self.check(self.customer.client.get("/api/v1/tickets?q=" + qs(q)), q)
            if r.status == 200:
                self.assertEqual(r.body["items"], [], "a customer found a word of an internal note with %r" % q)
            r = self.check(self.customer.client.get("/api/v1/tickets/count?q=" + qs(q)), q)
            if r.status == 200:
                self.assertEqual(r.body["count"], 0, q)

    def test_other_query_parameters(self):
        routes = {
            "/api/v1/users": ("role", "cursor", "q"),
            "/api/v1/tickets/%d/events" % self.mine: ("after", "limit"),
            "/api/v1/reports/closed": ("from", "to", "group_by", "format"),
            "/api/v1/leaderboard": ("window", "board", "date"),
        }
        for value in self.payloads():
            for path, params in routes.items():
                for param in params:
                    self.check(self.admin.get("%s?%s=%s" % (path, param, qs(value))), "%s %s" % (path, param))

    def test_path_parameters(self):
        patterns = ["/api/v1/tickets/%s", "/api/v1/tickets/%s/messages", "/api/v1/attachments/%s",
                    "/api/v1/mail/templates/%s", "/api/v1/users/%s/away", "/api/v1/users/%d/away/%%s" % self.agent.id]
        for value in self.payloads():
            for pattern in patterns:
                self.check(self.admin.get(pattern % qs(value)), pattern)
                self.check(self.admin.patch("/api/v1/boards/%s" % qs(value), {"name": "x"}), "board id")
            self.check(self.admin.request("PUT", "/api/v1/users/%d/away/%s" % (self.agent.id, qs(value))), "away day")

    def post_field(self, client, method, path, fields, key, value, headers=None):
        hdrs = {"Content-Type": "application/json"}
        hdrs.update(headers or {})
        return self.check(client.request(method, path, json_with(fields, key, value), headers=hdrs),
                          "%s %s %s=%r" % (method, path, key, value[:40]))

    def test_json_fields_are_stored_as_data(self):
        c = self.agent.client
        base = {"subject": "inj", "body": "inj body", "requester_email": "inj@example.com"}
        for value in self.payloads():
            for key in ("subject", "body", "requester_name", "category", "requester_email", "channel", "priority"):
                r = self.post_field(c, "POST", "/api/v1/tickets", base, key, value)
                if r.status == 201 and key in ("subject",):
                    got = c.get("/api/v1/tickets/%d" % r.body["number"]).body["subject"]
                    self.assertEqual(got.strip(), value.strip(), "subject not stored as sent")
            r = self.post_field(c, "POST", "/api/v1/tickets", base, "tags", [value] if isinstance(value, str) else value)
            number = self.scratch
            r = self.post_field(c, "POST", "/api/v1/tickets/%d/messages" % number, {"kind": "internal"}, "body", value)
            if r.status == 201:
                bodies = [m["body"] for m in c.get("/api/v1/tickets/%d/messages" % number).body["items"]]
                self.assertIn(r.body["body"], bodies)
            for key in ("category", "status", "priority"):
                self.post_field(c, "PATCH", "/api/v1/tickets/%d" % number, {}, key, value)
        self.assertGreater(self.admin.get("/api/v1/tickets/count").body["count"], self.total["count"])

    def test_admin_and_account_fields(self):
        a = self.admin
        for value in self.payloads():
            for key in ("email", "name", "organization", "timezone", "role"):
                self.post_field(a, "POST", "/api/v1/users",
                                {"email": unique("inj") + "@example.com", "name": "Inj", "role": "customer"}, key, value)
            for key in ("name", "timezone"):
                self.post_field(a, "PATCH", "/api/v1/users/%d" % self.customer.id, {}, key, value)
            self.post_field(a, "POST", "/api/v1/organizations", {}, "name", value)
            self.post_field(a, "POST", "/api/v1/teams", {}, "name", value)
            self.post_field(a, "POST", "/api/v1/categories", {}, "name", value)
            self.post_field(a, "POST", "/api/v1/boards", {}, "name", value)
            for key in ("name", "query"):
                r = self.post_field(self.customer.client, "POST", "/api/v1/me/filters",
                                    {"name": "n", "query": "printer"}, key, value)
                if r.status == 201:
                    self.customer.client.delete("/api/v1/me/filters/%d" % r.body["id"])
            for key in ("email", "name"):
                self.post_field(self.customer.client, "POST", "/api/v1/tokens", {"name": "t"}, key, value)
            for key in ("subject", "body", "html"):
                self.post_field(a, "POST", "/api/v1/mail/templates/acknowledgement/preview",
                                {"subject": "[#{{ticket_number}}]", "body": "b"}, key, value)
        # Sign-in hashes every password and throttles repeated failures: a dozen payloads, each
        # against another account so that the throttle does not answer in their place.
        for value in self.payloads()[:12]:
            for key in ("email", "password"):
                self.post_field(self.server.client(), "POST", "/api/v1/session",
                                {"email": unique("nobody") + "@example.com", "password": "x"}, key, value)
        # The tables are all still there.
        self.assertEqual(a.get("/api/v1/users").status, 200)
        self.assertEqual(a.get("/api/v1/tickets/%d" % self.mine).status, 200)


if __name__ == "__main__":
    unittest.main()
