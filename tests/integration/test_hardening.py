"""Focus of this file: the holes found by trying to break Frontline (issue "Hardening"), each
with the test that keeps it shut — lock-out by someone else's failures, X-Forwarded-For from
untrusted peers, If-Match tags we never issued, sign-in CSRF, agent-only fields through sort,
filter and search, the live feed of a disabled or demoted agent, large bodies before
authentication, attachments before authorisation, /metrics, tokens outliving a password reset,
and the version a customer sees moving with internal work."""

import asyncio
import json
import os
import socket
import time
import unittest

import websockets

from harness import Server, ServerTestCase, login, multipart, unique

TRUSTED = {"FRONTLINE_TRUSTED_PROXIES": "127.0.0.1/32, ::1"}


def sign_in(server, email, password, forwarded_for=None, headers=None):
    h = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    h.update(headers or {})
    return server.client().post("/api/v1/session", {"email": email, "password": password}, headers=h)


class SignInThrottleTest(ServerTestCase):
    server_env = TRUSTED

    def test_someone_elses_failures_never_refuse_the_right_password_from_a_clean_address(self):
        victim = self.server.user("agent")
        for i in range(12):
            r = sign_in(self.server, victim.email, "wrong-password", "10.9.0.%d" % (i % 4))
            self.assertIn(r.status, (401, 429), r.body)
        r = sign_in(self.server, victim.email, victim.password, "192.0.2.50")
        self.assertEqual(r.status, 200, r.body)

    def test_failures_for_one_account_do_not_lock_out_colleagues_behind_the_same_address(self):
        attacker_target = self.server.user("agent")
        colleague = self.server.user("agent")
        for _ in range(6):
            sign_in(self.server, attacker_target.email, "wrong-password", "203.0.113.5")
        r = sign_in(self.server, colleague.email, colleague.password, "203.0.113.5")
        self.assertEqual(r.status, 200, r.body)

    def test_repeated_failures_from_one_address_are_refused_there_with_retry_after(self):
        user = self.server.user("agent")
        statuses = [sign_in(self.server, user.email, "wrong-password", "198.51.100.7").status
                    for _ in range(4)]
        self.assertEqual(statuses[:3], [401, 401, 401])
        self.assertEqual(statuses[3], 429)
        refused = sign_in(self.server, user.email, user.password, "198.51.100.7")
        self.assertEqual(refused.status, 429)
        self.assertGreaterEqual(int(refused.headers["Retry-After"]), 1)
        self.assertIn("Wait", refused.body["detail"])
        # The same account from anywhere else is not refused.
        self.assertEqual(sign_in(self.server, user.email, user.password, "198.51.100.8").status, 200)


class UntrustedForwardedForTest(ServerTestCase):
    def test_x_forwarded_for_from_an_untrusted_peer_is_ignored(self):
        user = self.server.user("agent")
        # Each attempt claims a new address; all count against the real peer.
        statuses = [sign_in(self.server, user.email, "wrong-password", "10.77.0.%d" % i).status
                    for i in range(4)]
        self.assertEqual(statuses[3], 429, statuses)


class HardeningTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent")
        cls.customer = cls.server.user("customer")
        cls.stranger = cls.server.user("customer")

    def ticket(self):
        return self.customer.client.create_ticket(subject=unique("Hardening "))

    # -- If-Match (RFC 9110 13.1.1) ------------------------------------------------------------

    def test_if_match_with_a_tag_we_never_issued_is_412(self):
        number = self.ticket().body["number"]
        for tag in ('"stale-etag-0"', "banana", '"0"', 'W/"x"'):
            r = self.agent.client.patch("/api/v1/tickets/%d" % number, {"priority": "low"},
                                        headers={"If-Match": tag})
            self.assertEqual(r.status, 412, (tag, r.body))
        self.assertEqual(self.agent.client.get("/api/v1/tickets/%d" % number).body["priority"], "normal")

    def test_if_match_star_and_a_list_holding_the_current_tag_proceed(self):
        number = self.ticket().body["number"]
        r = self.agent.client.patch("/api/v1/tickets/%d" % number, {"priority": "high"},
                                    headers={"If-Match": "*"})
        self.assertEqual(r.status, 200, r.body)
        r = self.agent.client.patch("/api/v1/tickets/%d" % number, {"priority": "low"},
                                    headers={"If-Match": '"999", %s' % r.headers["ETag"]})
        self.assertEqual(r.status, 200, r.body)

    # -- sign-in CSRF --------------------------------------------------------------------------

    def test_sign_in_refuses_what_a_cross_site_form_can_send(self):
        body = "email=%s&password=%s" % (self.agent.email, self.agent.password)
        for ctype in ("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"):
            r = self.server.client().request("POST", "/api/v1/session", body=body.encode(),
                                             headers={"Content-Type": ctype})
            self.assertEqual(r.status, 415, (ctype, r.body))
            self.assertIsNone(r.headers.get("Set-Cookie"))

    def test_sign_in_refuses_a_cross_site_browser_and_accepts_its_own_page(self):
        creds = {"email": self.agent.email, "password": self.agent.password}
        for headers in ({"Origin": "https://attacker.example"}, {"Sec-Fetch-Site": "cross-site"},
                        {"Sec-Fetch-Site": "same-site"}):
            r = self.server.client().post("/api/v1/session", creds, headers=headers)
            self.assertEqual(r.status, 403, (headers, r.body))
            self.assertIsNone(r.headers.get("Set-Cookie"))
        own = {"Origin": "http://127.0.0.1:%d" % self.server.port, "Sec-Fetch-Site": "same-origin"}
        self.assertEqual(self.server.client().post("/api/v1/session", creds, headers=own).status, 200)

    # -- agent-only fields ---------------------------------------------------------------------

    # How a customer could probe each agent-only JSON field. A field the staff see and the
    # customer does not, without an entry here, fails the test: a new field cannot be forgotten.
    PROBES = {
        "priority": ["sort=priority", "priority=high", "q=priority:high"],
        "assignee_id": ["assignee=me", "assignee=none", "q=assignee:none"],
        "team_id": ["team=1", "q=team:Network"],
        "service_id": ["service=1", "service=Records"],
        "tags": ["tag=vip", "q=tag:vip"],
    }
    # Agent-only fields no list can filter or sort on at all: the parameter is unknown to staff
    # and customers alike (400), so a customer learns nothing from trying.
    UNFILTERABLE = {
        "escalation": ["escalation=1", "escalated=true"],
        "promises": ["promises=1", "promise=due"],
    }

    def test_customers_cannot_sort_filter_or_search_on_any_agent_only_field(self):
        number = self.ticket().body["number"]
        staff_view = self.agent.client.get("/api/v1/tickets/%d" % number).body
        customer_view = self.customer.client.get("/api/v1/tickets/%d" % number).body
        agent_only = set(staff_view) - set(customer_view)
        self.assertTrue(agent_only)
        for field in sorted(agent_only):
            if field in self.UNFILTERABLE:
                for probe in self.UNFILTERABLE[field]:
                    self.assertEqual(self.customer.client.get("/api/v1/tickets?" + probe).status, 400, probe)
                    self.assertEqual(self.agent.client.get("/api/v1/tickets?" + probe).status, 400, probe)
                continue
            self.assertIn(field, self.PROBES, "agent-only field %s has no probe here" % field)
            for probe in self.PROBES[field]:
                r = self.customer.client.get("/api/v1/tickets?" + probe)
                self.assertEqual(r.status, 422, (probe, r.body))
                self.assertEqual(self.agent.client.get("/api/v1/tickets?" + probe).status, 200, probe)

    def test_internal_work_does_not_move_the_version_or_time_a_customer_sees(self):
        created = self.ticket()
        number = created.body["number"]
        path = "/api/v1/tickets/%d" % number
        before = self.customer.client.get(path)
        time.sleep(1.1)  # updated_at has one-second resolution
        self.assertEqual(self.agent.client.patch(path, {"priority": "urgent", "tags": ["vip"]}).status, 200)
        self.agent.client.reply(number, "she sounded annoyed", kind="internal")
        after = self.customer.client.get(path)
        self.assertEqual(after.headers["ETag"], before.headers["ETag"])
        self.assertEqual(after.body["version"], before.body["version"])
        self.assertEqual(after.body["updated_at"], before.body["updated_at"])
        self.agent.client.reply(number, "Try the other tray.")
        replied = self.customer.client.get(path)
        self.assertNotEqual(replied.body["version"], before.body["version"])
        # The customer's own ETag works for what a customer may change.
        r = self.customer.client.patch(path, {"status": "resolved"},
                                       headers={"If-Match": replied.headers["ETag"]})
        self.assertEqual(r.status, 200, r.body)

    # -- bodies and attachments before authorisation -------------------------------------------

    def test_a_large_upload_without_credentials_is_refused_before_its_body_is_read(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Type: multipart/form-data; boundary=b\r\n"
                      b"Content-Length: 20000000\r\n\r\n")
            head = s.recv(4096)  # old servers wait for 20 MB that never come
        self.assertTrue(head.startswith(b"HTTP/1.1 401"), head[:80])

    def test_an_attachment_for_a_ticket_the_caller_cannot_see_is_never_written(self):
        number = self.ticket().body["number"]
        folder = os.path.join(self.server.data_dir, "attachments")
        before = sum(len(files) for _, _, files in os.walk(folder))
        ctype, data = multipart({"body": "mine now"},
                                [("file", "secret.bin", "application/octet-stream", os.urandom(4096))])
        r = self.stranger.client.request("POST", "/api/v1/tickets/%d/messages" % number, body=data,
                                         headers={"Content-Type": ctype})
        self.assertEqual(r.status, 404, r.body)
        after = sum(len(files) for _, _, files in os.walk(folder))
        self.assertEqual(after, before)

    # -- tokens ----------------------------------------------------------------------------------

    def test_a_password_reset_revokes_the_users_api_tokens(self):
        user = self.server.user("agent")
        self.assertEqual(user.client.get("/api/v1/me").status, 200)
        admin = self.server.admin()
        r = admin.patch("/api/v1/users/%d" % user.id, {"password": "a-brand-new-password"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(user.client.get("/api/v1/me").status, 401)

    def test_sign_out_everywhere_ends_sessions_and_tokens_for_self_and_by_admin(self):
        user = self.server.user("agent")
        _, cookie, csrf = login(self.server, user.email, user.password)
        session = self.server.client(cookie=cookie, csrf=csrf)
        r = user.client.post("/api/v1/users/%d/sign-out-everywhere" % user.id)
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(user.client.get("/api/v1/me").status, 401)
        self.assertEqual(session.get("/api/v1/me").status, 401)
        other = self.server.user("agent")
        self.assertEqual(user.client.post("/api/v1/users/%d/sign-out-everywhere" % other.id).status, 401)
        self.assertEqual(self.agent.client.post("/api/v1/users/%d/sign-out-everywhere" % other.id).status, 403)
        self.assertEqual(self.server.admin().post(
            "/api/v1/users/%d/sign-out-everywhere" % other.id).status, 204)
        self.assertEqual(other.client.get("/api/v1/me").status, 401)

    def test_metrics_are_off_unless_a_metrics_token_is_configured(self):
        self.assertEqual(self.server.client().get("/metrics").status, 404)
        self.assertEqual(self.agent.client.get("/metrics").status, 404)

    # -- the live feed of someone who lost access ------------------------------------------------

    def open_feed_then(self, user, change):
        """Opens user's live feed, applies change(), and returns the close code and seconds taken."""
        async def scenario():
            url = "ws://127.0.0.1:%d/api/v1/stream" % self.server.port
            async with websockets.connect(url, extra_headers={"Authorization": "Bearer " + user.token}) as ws:
                hello = json.loads(await asyncio.wait_for(ws.recv(), 5))
                self.assertEqual(hello["type"], "hello")
                await asyncio.get_running_loop().run_in_executor(None, change)
                started = time.monotonic()
                try:
                    while True:
                        await asyncio.wait_for(ws.recv(), 5)
                except websockets.ConnectionClosed as closed:
                    return closed.code, time.monotonic() - started
        return asyncio.run(asyncio.wait_for(scenario(), 30))

    def test_a_disabled_agents_live_feed_is_closed_within_a_second(self):
        agent = self.server.user("agent")
        admin = self.server.admin()
        code, seconds = self.open_feed_then(
            agent, lambda: admin.patch("/api/v1/users/%d" % agent.id, {"disabled": True}))
        self.assertEqual(code, 1008)
        self.assertLess(seconds, 2.0)

    def test_an_agent_made_a_customer_loses_the_live_feed(self):
        agent = self.server.user("agent")
        admin = self.server.admin()
        code, _ = self.open_feed_then(
            agent, lambda: admin.patch("/api/v1/users/%d" % agent.id, {"role": "customer"}))
        self.assertEqual(code, 1008)


if __name__ == "__main__":
    unittest.main()
