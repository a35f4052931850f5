"""Focus of this file: the security invariants. First, what a customer may never see (internal
notes, other people's tickets, agent-only fields, internal events, words only in internal
notes); then organisation sharing, role checks, authentication (bearer, session cookie, CSRF,
logout, throttling) and that the database holds no plaintext secret."""

import json
import os
import unittest
from urllib.parse import quote

from harness import ADMIN_EMAIL, ADMIN_PASSWORD, Server, ServerTestCase, login, multipart, table_rows, unique

TICKETS = "/api/v1/tickets"
AGENT_ONLY_FIELDS = ("priority", "assignee_id", "team_id", "tags")


def ticket_path(number, suffix=""):
    return "%s/%d%s" % (TICKETS, number, suffix)


class CustomerVisibilityTest(ServerTestCase):
    """A customer never sees internal notes, other people's tickets, agent-only fields,
    internal events, or words that only appear in internal notes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.agent = s.user("agent")
        cls.customer = s.user("customer")
        cls.stranger = s.user("customer")

    def ticket_with_note(self, note="internal only", public="public reply"):
        number = self.customer.client.create_ticket(body="my printer").body["number"]
        self.agent.client.reply(number, public)
        self.agent.client.reply(number, note, kind="internal")
        return number

    def test_customer_never_sees_internal_note_in_messages(self):
        secret = unique("secret")
        number = self.ticket_with_note(note="customer is rude " + secret)
        r = self.customer.client.get(ticket_path(number, "/messages"))
        self.assertEqual(r.status, 200)
        kinds = [m["kind"] for m in r.body["items"]]
        self.assertEqual(kinds, ["public", "public"])
        self.assertNotIn(secret.encode(), repr(r.body).encode())
        staff = self.agent.client.get(ticket_path(number, "/messages")).body["items"]
        self.assertEqual([m["kind"] for m in staff], ["public", "public", "internal"])

    def test_customer_never_sees_internal_note_attachment(self):
        number = self.customer.client.create_ticket().body["number"]
        ctype, body = multipart({"body": "screenshot of their account", "kind": "internal"},
                                [("file", "notes.txt", "text/plain", b"staff eyes only")])
        r = self.agent.client.post(ticket_path(number, "/messages"), body, headers={"Content-Type": ctype})
        self.assertEqual(r.status, 201, r.body)
        url = r.body["attachments"][0]["url"]
        self.assertEqual(self.agent.client.get(url).status, 200)
        self.assertProblem(self.customer.client.get(url), 404)

    def test_customer_gets_404_not_403_for_another_persons_ticket(self):
        number = self.customer.client.create_ticket().body["number"]
        c = self.stranger.client
        self.assertProblem(c.get(ticket_path(number)), 404)
        self.assertProblem(c.get(ticket_path(number, "/messages")), 404)
        self.assertProblem(c.get(ticket_path(number, "/events")), 404)
        self.assertProblem(c.patch(ticket_path(number), {"status": "resolved"}), 404)
        self.assertProblem(c.post(ticket_path(number, "/messages"), {"body": "hi"}), 404)
        self.assertProblem(c.post(ticket_path(number, "/messages"), {"body": "hi", "kind": "internal"}), 404)
        # The answer for someone else's ticket is the same as for one that does not exist.
        missing = c.get(ticket_path(number + 100000))
        self.assertEqual(c.get(ticket_path(number)).body["title"], missing.body["title"])
        self.assertEqual(len(self.agent.client.get(ticket_path(number, "/messages")).body["items"]), 1)

    def test_customer_never_sees_another_persons_attachment(self):
        ctype, body = multipart({"subject": "payslip", "body": "attached"},
                                [("file", "payslip.pdf", "application/pdf", b"%PDF-1.4 private")])
        r = self.customer.client.post(TICKETS, body, headers={"Content-Type": ctype})
        self.assertEqual(r.status, 201, r.body)
        msgs = self.customer.client.get(ticket_path(r.body["number"], "/messages")).body["items"]
        url = msgs[0]["attachments"][0]["url"]
        self.assertEqual(self.customer.client.get(url).status, 200)
        self.assertProblem(self.stranger.client.get(url), 404)

    def test_customer_list_shows_only_own_tickets(self):
        mine = self.customer.client.create_ticket().body["number"]
        theirs = self.stranger.client.create_ticket().body["number"]
        r = self.customer.client.get(TICKETS + "?limit=200")
        self.assertEqual(r.status, 200)
        got = [t["number"] for t in r.body["items"]]
        self.assertIn(mine, got)
        self.assertNotIn(theirs, got)
        self.assertTrue(all(t["requester"]["id"] == self.customer.id for t in r.body["items"]))
        r = self.customer.client.get(TICKETS + "?limit=200&requester=" + self.stranger.email)
        self.assertEqual(r.body["items"], [])

    def test_customer_never_sees_agent_only_fields(self):
        number = self.customer.client.create_ticket().body["number"]
        r = self.agent.client.patch(ticket_path(number), {"priority": "urgent", "assignee_id": self.agent.id,
                                                          "tags": ["vip"]})
        self.assertEqual(r.status, 200, r.body)
        for field in AGENT_ONLY_FIELDS:
            self.assertIn(field, r.body)
        answers = {
            "create": self.customer.client.create_ticket().body,
            "get": self.customer.client.get(ticket_path(number)).body,
            "patch": self.customer.client.patch(ticket_path(number), {"status": "resolved"}).body,
        }
        listed = self.customer.client.get(TICKETS + "?limit=200").body["items"]
        self.assertTrue(listed)
        for i, t in enumerate(listed):
            answers["list[%d]" % i] = t
        for where, body in answers.items():
            for field in AGENT_ONLY_FIELDS:
                self.assertNotIn(field, body, "%s leaks %s" % (where, field))
        raw = repr(answers["get"])
        self.assertNotIn("urgent", raw)
        self.assertNotIn("vip", raw)

    def test_customer_never_sees_internal_events(self):
        number = self.customer.client.create_ticket().body["number"]
        self.agent.client.patch(ticket_path(number), {"priority": "high", "assignee_id": self.agent.id,
                                                      "tags": ["escalated"]})
        self.agent.client.reply(number, "note", kind="internal")
        self.agent.client.reply(number, "public answer")
        staff_types = [e["type"] for e in self.agent.client.get(ticket_path(number, "/events")).body["items"]]
        for t in ("ticket.priority_changed", "ticket.assigned", "ticket.tags_changed"):
            self.assertIn(t, staff_types)
        r = self.customer.client.get(ticket_path(number, "/events"))
        self.assertEqual(r.status, 200)
        types = [e["type"] for e in r.body["items"]]
        self.assertIn("ticket.created", types)
        self.assertIn("ticket.status_changed", types)
        for t in ("ticket.priority_changed", "ticket.assigned", "ticket.tags_changed"):
            self.assertNotIn(t, types)
        kinds = [e["data"].get("kind") for e in r.body["items"] if e["type"] == "message.added"]
        self.assertEqual(kinds, ["public", "public"])
        self.assertNotIn("escalated", repr(r.body))

    def test_customer_search_never_matches_internal_note_words(self):
        secret = unique("internalword")
        public = unique("publicword")
        number = self.ticket_with_note(note="only staff know " + secret, public="we said " + public)
        for q in (secret, '"staff know %s"' % secret, "%s %s" % (public, secret), secret + "*",
                  "internal_text:" + secret, "{internal_text}:" + secret):
            r = self.customer.client.get(TICKETS + "?q=" + quote(q))
            self.assertEqual(r.status, 200, (q, r.body))
            self.assertEqual(r.body["items"], [], "customer found internal words with q=%s" % q)
        r = self.customer.client.get(TICKETS + "?q=" + quote(public))
        self.assertEqual([t["number"] for t in r.body["items"]], [number])
        r = self.agent.client.get(TICKETS + "?q=" + quote(secret))
        self.assertEqual([t["number"] for t in r.body["items"]], [number])

    def test_customer_search_never_finds_another_persons_ticket(self):
        word = unique("private")
        self.stranger.client.create_ticket(body="my salary is " + word)
        r = self.customer.client.get(TICKETS + "?q=" + quote(word))
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body["items"], [])
        r = self.customer.client.get(TICKETS + "?q=" + quote("requester:" + self.stranger.email))
        self.assertEqual(r.body["items"], [])

    def test_customer_cannot_change_priority_assignee_or_tags(self):
        number = self.customer.client.create_ticket().body["number"]
        c = self.customer.client
        self.assertProblem(c.patch(ticket_path(number), {"priority": "urgent"}), 403)
        self.assertProblem(c.patch(ticket_path(number), {"assignee_id": self.agent.id}), 403)
        self.assertProblem(c.patch(ticket_path(number), {"tags": ["free"]}), 403)
        self.assertProblem(c.patch(ticket_path(number), {"status": "pending"}), 403)
        t = self.agent.client.get(ticket_path(number)).body
        self.assertEqual((t["priority"], t["assignee_id"], t["tags"], t["status"]), ("normal", None, [], "new"))

    def test_customer_cannot_set_priority_or_requester_when_opening(self):
        c = self.customer.client
        self.assertProblem(c.create_ticket(priority="urgent", expect=None), 403)
        self.assertProblem(c.create_ticket(tags=["vip"], expect=None), 403)
        self.assertProblem(c.create_ticket(requester_email=self.stranger.email, expect=None), 403,
                           "requester_email")

    def test_customer_can_mark_resolved_and_reopen(self):
        number = self.customer.client.create_ticket().body["number"]
        r = self.customer.client.patch(ticket_path(number), {"status": "resolved"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["status"], "resolved")
        self.assertIsNotNone(r.body["resolved_at"])
        r = self.customer.client.patch(ticket_path(number), {"status": "open"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["status"], "open")
        self.assertIsNone(r.body["resolved_at"])

    def test_customer_cannot_post_internal_note(self):
        number = self.customer.client.create_ticket().body["number"]
        r = self.customer.client.reply(number, "let me in", kind="internal", expect=None)
        self.assertProblem(r, 403)
        msgs = self.agent.client.get(ticket_path(number, "/messages")).body["items"]
        self.assertEqual(len(msgs), 1)
        ctype, body = multipart({"body": "sneaky", "kind": "internal"})
        r = self.customer.client.post(ticket_path(number, "/messages"), body, headers={"Content-Type": ctype})
        self.assertProblem(r, 403)
        self.assertEqual(len(self.agent.client.get(ticket_path(number, "/messages")).body["items"]), 1)

    def test_customer_cannot_filter_by_assignee_or_see_links(self):
        number = self.customer.client.create_ticket().body["number"]
        self.assertProblem(self.customer.client.get(TICKETS + "?assignee=me"), 422)
        self.assertProblem(self.customer.client.get(ticket_path(number, "/links")), 403)
        self.assertProblem(self.customer.client.post(ticket_path(number, "/merge"), {"into": number}), 422)


class OrganizationSharingTest(ServerTestCase):
    def org_id(self, name):
        orgs = self.server.admin().get("/api/v1/organizations").body["items"]
        return [o["id"] for o in orgs if o["name"] == name][0]

    def test_org_members_see_each_others_tickets_only_when_shared(self):
        s = self.server
        org = unique("Acme ")
        alice = s.user("customer", org=org)
        bob = s.user("customer", org=org)
        outsider = s.user("customer", org=unique("Other "))
        agent = s.user("agent")
        number = alice.client.create_ticket(subject="Alice's laptop").body["number"]
        agent.client.reply(number, "note about alice", kind="internal")
        self.assertEqual(s.admin().get(ticket_path(number)).body["organization_id"], self.org_id(org))

        self.assertProblem(bob.client.get(ticket_path(number)), 404)
        self.assertNotIn(number, [t["number"] for t in bob.client.get(TICKETS).body["items"]])

        r = s.admin().patch("/api/v1/organizations/%d" % self.org_id(org), {"share_tickets": True})
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.body["share_tickets"])

        r = bob.client.get(ticket_path(number))
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body["subject"], "Alice's laptop")
        for field in AGENT_ONLY_FIELDS:
            self.assertNotIn(field, r.body)
        self.assertIn(number, [t["number"] for t in bob.client.get(TICKETS).body["items"]])
        kinds = [m["kind"] for m in bob.client.get(ticket_path(number, "/messages")).body["items"]]
        self.assertNotIn("internal", kinds)
        self.assertProblem(outsider.client.get(ticket_path(number)), 404)

        r = s.admin().patch("/api/v1/organizations/%d" % self.org_id(org), {"share_tickets": False})
        self.assertEqual(r.status, 200, r.body)
        self.assertProblem(bob.client.get(ticket_path(number)), 404)

    def test_non_admins_cannot_change_the_sharing_flag(self):
        s = self.server
        org = unique("Shy ")
        member = s.user("customer", org=org)
        agent = s.user("agent")
        oid = self.org_id(org)
        self.assertProblem(member.client.patch("/api/v1/organizations/%d" % oid, {"share_tickets": True}), 403)
        self.assertProblem(agent.client.patch("/api/v1/organizations/%d" % oid, {"share_tickets": True}), 403)
        orgs = s.admin().get("/api/v1/organizations").body["items"]
        self.assertFalse([o for o in orgs if o["id"] == oid][0]["share_tickets"])


class RolesAndAuthenticationTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent")
        cls.customer = cls.server.user("customer")

    def test_admin_endpoints_refuse_customers_and_agents(self):
        new_user = {"email": unique("u") + "@example.com", "name": "N", "role": "admin", "password": "pw-long-enough-1"}
        for who in (self.customer, self.agent):
            c = who.client
            self.assertProblem(c.post("/api/v1/users", new_user), 403)
            self.assertProblem(c.patch("/api/v1/users/%d" % who.id, {"role": "admin"}), 403)
            self.assertProblem(c.post("/api/v1/organizations", {"name": unique("Org ")}), 403)
            self.assertProblem(c.post("/api/v1/teams", {"name": unique("Team ")}), 403)
            self.assertProblem(c.post("/api/v1/tokens", {"email": ADMIN_EMAIL}), 403)
        self.assertProblem(self.customer.client.get("/api/v1/users"), 403)
        self.assertProblem(self.customer.client.get("/api/v1/organizations"), 403)
        self.assertProblem(self.customer.client.get("/api/v1/teams"), 403)
        me = self.agent.client.get("/api/v1/me").body
        self.assertEqual(me["role"], "agent")

    def test_admin_can_create_users(self):
        r = self.server.admin().post("/api/v1/users", {"email": unique("new") + "@example.com", "name": "New",
                                                        "role": "agent", "password": "a-long-password-1"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.body["role"], "agent")
        self.assertNotIn("password", r.body)
        self.assertNotIn("password_hash", r.body)

    def test_admin_password_reset_over_http_ends_sessions_and_the_new_password_works(self):
        uid, email, old = self.server.create_user(role="agent")
        r, cookie, _ = login(self.server, email, old)
        self.assertEqual(r.status, 200)
        admin = self.server.admin()
        self.assertProblem(admin.patch("/api/v1/users/%d" % uid, {"password": "short"}), 422, "password")
        self.assertEqual(admin.patch("/api/v1/users/%d" % uid, {"password": "a-new-password-9"}).status, 200)
        self.assertProblem(self.server.client(cookie=cookie).get("/api/v1/me"), 401)
        self.assertEqual(login(self.server, email, old)[0].status, 401)
        self.assertEqual(login(self.server, email, "a-new-password-9")[0].status, 200)
        self.assertProblem(self.agent.client.patch("/api/v1/users/%d" % uid, {"password": "x" * 12}), 403)

    def test_a_short_directory_page_has_no_next_cursor(self):
        r = self.server.admin().get("/api/v1/users")
        self.assertEqual(r.status, 200)
        self.assertIsNone(r.body["next_cursor"])  # fewer than a page of users here

    def test_no_credentials_is_401_problem_json(self):
        c = self.server.client()
        for method, path in (("GET", TICKETS), ("POST", TICKETS), ("GET", "/api/v1/me"),
                             ("GET", ticket_path(1)), ("GET", "/api/v1/users"), ("GET", "/api/v1/attachments/1")):
            r = c.request(method, path, {"subject": "s", "body": "b"} if method == "POST" else None)
            self.assertProblem(r, 401)

    def test_unknown_bearer_token_is_401(self):
        for token in ("flt_not-a-real-token", self.customer.token + "x", "a"):
            r = self.server.client(token).get("/api/v1/me")
            self.assertProblem(r, 401)

    def test_disabled_user_token_stops_working(self):
        u = self.server.user("customer")
        self.assertEqual(u.client.get("/api/v1/me").status, 200)
        r = self.server.admin().patch("/api/v1/users/%d" % u.id, {"disabled": True})
        self.assertEqual(r.status, 200, r.body)
        self.assertProblem(u.client.get("/api/v1/me"), 401)

    def test_session_login_sets_httponly_samesite_lax_cookie(self):
        r, cookie, csrf = login(self.server, self.customer.email, self.customer.password)
        self.assertEqual(r.status, 200, r.body)
        set_cookie = r.headers["Set-Cookie"]
        attrs = [a.strip().lower() for a in set_cookie.split(";")]
        self.assertIn("httponly", attrs)
        self.assertIn("samesite=lax", attrs)
        self.assertIn("path=/", attrs)
        self.assertTrue(cookie and "=" in cookie and len(cookie.split("=", 1)[1]) >= 20, cookie)
        self.assertTrue(csrf)
        self.assertEqual(r.body["email"], self.customer.email)
        self.assertEqual(r.headers["Cache-Control"], "no-store")
        me = self.server.client(cookie=cookie).get("/api/v1/me")
        self.assertEqual(me.status, 200)
        self.assertEqual(me.body["id"], self.customer.id)
        self.assertEqual(me.body["csrf_token"], csrf)

    def test_wrong_password_is_401(self):
        r, cookie, _ = login(self.server, self.agent.email, "not-the-password")
        self.assertProblem(r, 401)
        self.assertIsNone(cookie)
        r, cookie, _ = login(self.server, unique("nobody") + "@example.com", "whatever")
        self.assertProblem(r, 401)

    def test_cookie_write_without_csrf_token_is_403_and_with_it_succeeds(self):
        _, cookie, csrf = login(self.server, self.customer.email, self.customer.password)
        subject = unique("csrf ")
        without = self.server.client(cookie=cookie).post(TICKETS, {"subject": subject, "body": "x"})
        self.assertProblem(without, 403, "X-CSRF-Token")
        wrong = self.server.client(cookie=cookie, csrf="forged").post(TICKETS, {"subject": subject, "body": "x"})
        self.assertProblem(wrong, 403)
        listed = self.customer.client.get(TICKETS + "?limit=200").body["items"]
        self.assertNotIn(subject, [t["subject"] for t in listed])
        ok = self.server.client(cookie=cookie, csrf=csrf).post(TICKETS, {"subject": subject, "body": "x"})
        self.assertEqual(ok.status, 201, ok.body)
        self.assertEqual(ok.body["channel"], "web")
        number = ok.body["number"]
        patch = self.server.client(cookie=cookie).patch(ticket_path(number), {"status": "resolved"})
        self.assertProblem(patch, 403)
        self.assertEqual(self.customer.client.get(ticket_path(number)).body["status"], "new")

    def test_logout_ends_the_session(self):
        _, cookie, csrf = login(self.server, self.customer.email, self.customer.password)
        c = self.server.client(cookie=cookie, csrf=csrf)
        self.assertEqual(c.get("/api/v1/me").status, 200)
        r = c.delete("/api/v1/session")
        self.assertEqual(r.status, 204)
        cleared = r.headers["Set-Cookie"]
        self.assertIn("Max-Age=0", cleared)
        self.assertProblem(c.get("/api/v1/me"), 401)
        self.assertProblem(c.post(TICKETS, {"subject": "after logout", "body": "x"}), 401)

    def test_password_reset_ends_sessions(self):
        u = self.server.user("customer")
        _, cookie, _ = login(self.server, u.email, u.password)
        self.assertEqual(self.server.client(cookie=cookie).get("/api/v1/me").status, 200)
        self.server.cli("reset-password", "--email", u.email, "--password", "brand-new-password-2")
        self.assertProblem(self.server.client(cookie=cookie).get("/api/v1/me"), 401)
        r, _, _ = login(self.server, u.email, u.password)
        self.assertProblem(r, 401)
        r, _, _ = login(self.server, u.email, "brand-new-password-2")
        self.assertEqual(r.status, 200)


class LoginThrottleTest(unittest.TestCase):
    """Its own server: the throttle also counts by client address, shared by every test."""

    def test_repeated_failed_logins_are_throttled_with_429(self):
        with Server() as s:
            _, email, password = s.create_user(role="customer")
            statuses = [login(s, email, "wrong-%d" % i)[0].status for i in range(3)]
            self.assertEqual(statuses, [401] * 3)
            r, cookie, _ = login(s, email, "wrong-again")
            self.assertEqual(r.status, 429, r.body)
            self.assertTrue(r.headers.get("Content-Type", "").startswith("application/problem+json"))
            self.assertTrue(int(r.headers["Retry-After"]) > 0)
            # Even the right password waits from the address that failed: the throttle answers
            # before checking it (other addresses are not refused: see test_hardening).
            r, cookie, _ = login(s, email, password)
            self.assertEqual(r.status, 429)
            self.assertIsNone(cookie)


class NoPlaintextSecretsTest(unittest.TestCase):
    def test_database_stores_no_plaintext_tokens_or_passwords(self):
        with Server() as s:
            user = s.user("customer")
            api_token = user.client.post("/api/v1/tokens", {"name": "mine"})
            self.assertEqual(api_token.status, 201, api_token.body)
            api_token = api_token.body["token"]
            self.assertEqual(s.client(api_token).get("/api/v1/me").status, 200)
            r, cookie, csrf = login(s, user.email, user.password)
            self.assertEqual(r.status, 200)
            session_token = cookie.split("=", 1)[1]
            _, _, admin_cookie_csrf = login(s, ADMIN_EMAIL, ADMIN_PASSWORD)
            secrets = {"cli token": user.token, "api token": api_token, "session": session_token,
                       "password": user.password, "admin password": ADMIN_PASSWORD}

            for table in ("api_tokens", "sessions", "users"):
                rows = table_rows(s, table)
                self.assertTrue(rows, table)
                dump = repr(rows)
                for what, secret in secrets.items():
                    self.assertNotIn(secret, dump, "%s in plaintext in %s" % (what, table))
            hashes = [h for h in table_rows(s, "users", "password_hash") if h]
            self.assertGreaterEqual(len(hashes), 2)
            for h in hashes:
                self.assertTrue(h.startswith("$argon2id$"), h)
            self.assertEqual(len(table_rows(s, "api_tokens", "token_hash")), 2)
            # Nor anywhere in the files on disk (database, WAL).
            for name in os.listdir(s.data_dir):
                path = os.path.join(s.data_dir, name)
                if os.path.isfile(path):
                    with open(path, "rb") as f:
                        content = f.read()
                    for what, secret in secrets.items():
                        self.assertNotIn(secret.encode(), content, "%s in plaintext in %s" % (what, name))


if __name__ == "__main__":
    unittest.main()


class ApiTokenLifecycleTest(unittest.TestCase):
    def test_tokens_are_listed_without_secrets_and_a_revoked_token_gets_401(self):
        with Server() as s:
            user = s.user("agent")
            other = s.user("agent")
            created = user.client.post("/api/v1/tokens", {"name": "laptop"})
            self.assertEqual(created.status, 201, created.body)
            secret = created.body["token"]
            listed = user.client.get("/api/v1/tokens")
            self.assertEqual(listed.status, 200, listed.body)
            self.assertNotIn(secret, json.dumps(listed.body))
            mine = [t for t in listed.body["items"] if t["name"] == "laptop"]
            self.assertEqual(len(mine), 1)
            self.assertEqual(other.client.delete("/api/v1/tokens/%d" % mine[0]["id"]).status, 404)
            self.assertEqual(s.client(secret).get("/api/v1/me").status, 200)
            self.assertEqual(user.client.delete("/api/v1/tokens/%d" % mine[0]["id"]).status, 204)
            self.assertEqual(s.client(secret).get("/api/v1/me").status, 401)


class SecureCookieSettingTest(unittest.TestCase):
    def test_secure_cookies_setting_marks_the_session_cookie_secure(self):
        for env, expect_secure in (({}, False), ({"FRONTLINE_SECURE_COOKIES": "1"}, True)):
            with Server(env=env) as s:
                r = s.client().post("/api/v1/session",
                                    {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
                self.assertEqual(r.status, 200, r.body)
                attributes = [a.strip() for a in r.headers.get("Set-Cookie").split(";")]
                self.assertEqual("Secure" in attributes, expect_secure, attributes)
