"""Focus of this file: a technician's working day over the real API — notifications (assigned to
me, the customer replied on mine, @mentioned in a note) readable as soon as the live feed shows
their event; presence on a ticket over the live feed socket (who else is looking, who is typing);
inviting people by a link that works once; a mail's HTML kept, sanitised, with its message; and
when an API token was last used. Uses Debian's python3-websockets as the real client."""

import asyncio
import json
import time
import unittest

import websockets

from harness import ServerTestCase, login, unique

RECV_TIMEOUT = 5


class WorkingDayTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.server.admin()
        cls.ann = cls.server.user("agent", name="Ann Lee")
        cls.bo = cls.server.user("agent", name="Bo Berg")
        cls.customer = cls.server.user("customer")

    # -- helpers -------------------------------------------------------------------------------

    def run_async(self, coro):
        return asyncio.run(asyncio.wait_for(coro, 60))

    async def recv(self, ws):
        return json.loads(await asyncio.wait_for(ws.recv(), RECV_TIMEOUT))

    async def frame(self, ws, predicate):
        while True:
            f = await self.recv(ws)
            if predicate(f):
                return f

    def feed(self, user):
        url = "ws://127.0.0.1:%d/api/v1/stream" % self.server.port
        return websockets.connect(url, extra_headers={"Authorization": "Bearer " + user.token})

    async def in_thread(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    def notifications(self, user, **query):
        q = "&".join("%s=%s" % kv for kv in query.items())
        r = user.client.get("/api/v1/notifications" + ("?" + q if q else ""))
        self.assertEqual(r.status, 200, r.body)
        return r.body

    def assign(self, by, number, to):
        r = by.client.patch("/api/v1/tickets/%d" % number, {"assignee_id": to.id})
        self.assertEqual(r.status, 200, r.body)

    # -- notifications -------------------------------------------------------------------------

    def test_being_assigned_is_a_notification_readable_when_the_feed_shows_the_event(self):
        async def scenario():
            async with self.feed(self.ann) as ws:
                await self.recv(ws)  # hello
                number = (await self.in_thread(
                    lambda: self.customer.client.create_ticket(subject=unique("Fire ")).body))["number"]
                await self.in_thread(self.assign, self.bo, number, self.ann)
                await self.frame(ws, lambda f: f["type"] == "event" and f["event"]["type"] == "ticket.assigned"
                                 and f["event"]["ticket_number"] == number)
                # No waiting: the notification was written in the event's own transaction.
                body = await self.in_thread(lambda: self.notifications(self.ann, unread="true"))
                mine = [n for n in body["items"] if n["ticket_number"] == number]
                self.assertEqual(len(mine), 1, body)
                self.assertEqual(mine[0]["kind"], "assigned")
                self.assertEqual(mine[0]["actor"], {"id": self.bo.id, "name": "Bo Berg"})
                self.assertFalse(mine[0]["read"])
                self.assertGreaterEqual(body["unread"], 1)
        self.run_async(scenario())

    def test_a_customer_reply_and_a_mention_notify_but_the_author_is_never_notified(self):
        number = self.customer.client.create_ticket(subject=unique("Kettle ")).body["number"]
        self.assign(self.bo, number, self.ann)
        self.customer.client.reply(number, "It is still broken")
        self.bo.client.reply(number, "@ann lee can you call her? @bo berg knows", kind="internal")
        kinds = [n["kind"] for n in self.notifications(self.ann)["items"] if n["ticket_number"] == number]
        self.assertEqual(kinds, ["mentioned", "customer_replied", "assigned"])
        self.assertEqual([n for n in self.notifications(self.bo)["items"] if n["ticket_number"] == number], [])

    def test_marking_read_counts_what_is_left_and_customers_have_no_notifications(self):
        number = self.customer.client.create_ticket(subject=unique("Mouse ")).body["number"]
        self.assign(self.ann, number, self.bo)
        self.customer.client.reply(number, "Hello?")
        items = [n for n in self.notifications(self.bo)["items"] if n["ticket_number"] == number]
        self.assertEqual(len(items), 2)
        r = self.bo.client.post("/api/v1/notifications/read", {"ids": [items[0]["id"]]})
        self.assertEqual(r.status, 200, r.body)
        unread = [n["id"] for n in self.notifications(self.bo, unread="true")["items"]]
        self.assertNotIn(items[0]["id"], unread)
        self.assertIn(items[1]["id"], unread)
        self.assertEqual(r.body["unread"], len(unread))
        r = self.bo.client.post("/api/v1/notifications/read", {"all": True})
        self.assertEqual(r.body, {"unread": 0})
        self.assertProblem(self.bo.client.post("/api/v1/notifications/read", {}), 400, "ids")
        self.assertProblem(self.bo.client.post("/api/v1/notifications/read", {"ids": [1], "all": True}), 400, "ids")
        self.assertProblem(self.bo.client.get("/api/v1/notifications?limit=0"), 400, "limit")
        self.assertProblem(self.customer.client.get("/api/v1/notifications"), 403)

    # -- presence ------------------------------------------------------------------------------

    def test_technicians_on_the_same_ticket_see_each_other_and_who_is_typing(self):
        number = self.customer.client.create_ticket(subject=unique("Presence ")).body["number"]

        def viewers(f):
            return sorted(v["name"] for v in f["viewers"])

        async def scenario():
            async with self.feed(self.ann) as ann, self.feed(self.bo) as bo, \
                    self.feed(self.customer) as customer:
                for ws in (ann, bo, customer):
                    await self.recv(ws)  # hello
                presence = lambda f: f["type"] == "presence" and f["ticket"] == number  # noqa: E731
                await ann.send(json.dumps({"type": "viewing", "ticket": number}))
                self.assertEqual(viewers(await self.frame(ann, presence)), ["Ann Lee"])
                await bo.send(json.dumps({"type": "viewing", "ticket": number}))
                self.assertEqual(viewers(await self.frame(ann, presence)), ["Ann Lee", "Bo Berg"])
                self.assertEqual(viewers(await self.frame(bo, presence)), ["Ann Lee", "Bo Berg"])
                await bo.send(json.dumps({"type": "typing", "ticket": number, "internal": True}))
                typing = await self.frame(ann, lambda f: f["type"] == "typing")
                self.assertEqual(typing, {"type": "typing", "ticket": number, "internal": True,
                                          "user": {"id": self.bo.id, "name": "Bo Berg"}})
                # A customer's socket neither takes part nor hears anything of it.
                await customer.send(json.dumps({"type": "viewing", "ticket": number}))
                await bo.send(json.dumps({"type": "viewing", "ticket": None}))
                self.assertEqual(viewers(await self.frame(ann, presence)), ["Ann Lee"])
                await bo.send(json.dumps({"type": "viewing", "ticket": number}))
                self.assertEqual(viewers(await self.frame(ann, presence)), ["Ann Lee", "Bo Berg"])
                await bo.close()  # a closed socket leaves too
                self.assertEqual(viewers(await self.frame(ann, presence)), ["Ann Lee"])
                with self.assertRaises(asyncio.TimeoutError):
                    await asyncio.wait_for(self.frame(customer, lambda f: f["type"] in ("presence", "typing")), 1)
        self.run_async(scenario())

    # -- invitations ---------------------------------------------------------------------------

    def invite(self, **fields):
        body = dict({"email": unique("new-") + "@example.com", "name": "Nia New", "role": "agent"}, **fields)
        r = self.admin.post("/api/v1/users/invite", body)
        self.assertEqual(r.status, 201, r.body)
        return r.body

    def test_an_invitation_link_sets_the_password_and_signs_in_once(self):
        invited = self.invite()
        self.assertTrue(invited["invited"])
        link = invited["invitation"]["link"]
        self.assertIn("/welcome?token=", link)
        token = link.split("token=", 1)[1]
        anonymous = self.server.client()
        view = anonymous.get("/api/v1/invitations/" + token)
        self.assertEqual(view.status, 200, view.body)
        self.assertEqual(view.body["email"], invited["email"])
        self.assertEqual(view.body["name"], "Nia New")
        self.assertProblem(anonymous.post("/api/v1/invitations/accept", {"token": token, "password": "short"}),
                           422, "password")
        accepted = anonymous.post("/api/v1/invitations/accept", {"token": token, "password": "a long password"})
        self.assertEqual(accepted.status, 200, accepted.body)
        self.assertEqual(accepted.body["email"], invited["email"])
        self.assertIn("fl_session=", accepted.headers.get("Set-Cookie", ""))
        again = anonymous.post("/api/v1/invitations/accept", {"token": token, "password": "another password"})
        self.assertProblem(again, 404)
        self.assertIn("Ask whoever invited you", again.body["detail"])
        r, cookie, _ = login(self.server, invited["email"], "a long password")
        self.assertEqual(r.status, 200, r.body)
        users = self.admin.get("/api/v1/users?q=" + invited["email"]).body["items"]
        self.assertFalse(users[0]["invited"])

    def test_a_new_link_replaces_the_old_and_nobody_but_an_admin_invites(self):
        invited = self.invite()
        old = invited["invitation"]["link"].split("token=", 1)[1]
        r = self.admin.post("/api/v1/users/%d/invite" % invited["id"])
        self.assertEqual(r.status, 201, r.body)
        new = r.body["invitation"]["link"].split("token=", 1)[1]
        self.assertProblem(self.server.client().get("/api/v1/invitations/" + old), 404)
        self.assertEqual(self.server.client().get("/api/v1/invitations/" + new).status, 200)
        self.assertProblem(self.server.client().get("/api/v1/invitations/fli_mistyped"), 404)
        self.assertProblem(self.ann.client.post("/api/v1/users/invite", {"email": "x@example.com", "name": "X"}), 403)
        self.assertProblem(self.admin.post("/api/v1/users/invite", {"email": self.ann.email, "name": "Again"}),
                           409, "email")
        self.assertProblem(self.admin.post("/api/v1/users/invite", {"email": unique("p") + "@example.com",
                                                                    "name": "P", "password": "chosen-for-them"}),
                           422, "password")

    def test_the_invitation_mail_is_worded_by_admins_without_a_ticket_number(self):
        text = {"subject": "Welcome to {{signature}}", "body": "Hello {{recipient_name}}: {{link}}"}
        r = self.admin.request("PUT", "/api/v1/mail/templates/invitation", text)
        self.assertEqual(r.status, 200, r.body)
        self.assertProblem(self.admin.request("PUT", "/api/v1/mail/templates/acknowledgement", text), 422, "subject")
        preview = self.admin.post("/api/v1/mail/templates/invitation/preview", text)
        self.assertEqual(preview.status, 200, preview.body)
        self.assertIn("/welcome?token=", preview.body["body"])
        self.assertEqual(self.admin.delete("/api/v1/mail/templates/invitation").status, 200)

    # -- a mail's HTML -------------------------------------------------------------------------

    def test_a_mails_html_is_kept_sanitised_with_its_message(self):
        sender = unique("html-") + "@customer.example"
        raw = ("From: Hana <%s>\r\nTo: help@desk.example\r\nSubject: %s\r\nMessage-ID: <%s@customer.example>\r\n"
               "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
               "--b\r\nContent-Type: text/plain\r\n\r\nThe printer says E04\r\n"
               "--b\r\nContent-Type: text/html\r\n\r\n<p>The printer says <b>E04</b></p>"
               "<script>alert(1)</script><img src=\"https://tracker.example/x.gif\">\r\n--b--\r\n"
               % (sender, unique("Html "), unique("id")))
        r = self.ann.client.post("/api/v1/mail/inbound", raw.encode(), headers={"Content-Type": "message/rfc822"})
        self.assertIn(r.status, (200, 201), r.body)
        number = r.body["ticket_number"]
        message = self.ann.client.get("/api/v1/tickets/%d/messages" % number).body["items"][0]
        self.assertEqual(message["body"].strip(), "The printer says E04")
        self.assertIn("<b>E04</b>", message["html"])
        self.assertNotIn("script", message["html"])
        self.assertNotIn("tracker.example", message["html"])
        self.assertEqual(message["attachments"], [])
        typed = self.ann.client.get("/api/v1/tickets/%d/messages" % self.customer.client.create_ticket().body["number"])
        self.assertNotIn("html", typed.body["items"][0])

    # -- API token last used -------------------------------------------------------------------

    def test_a_tokens_last_use_is_recorded_within_seconds(self):
        user = self.server.user("agent")
        before = user.client.get("/api/v1/tokens").body["items"]
        # The listing itself used the token; the write comes in the next batch (every 5 s).
        deadline = time.time() + 20
        while time.time() < deadline:
            items = user.client.get("/api/v1/tokens").body["items"]
            if items[0]["last_used_at"]:
                break
            time.sleep(0.5)
        self.assertIsNone(before[0]["last_used_at"])
        self.assertIsNotNone(items[0]["last_used_at"], items)


if __name__ == "__main__":
    unittest.main()
