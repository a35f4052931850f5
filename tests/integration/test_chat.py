"""Focus of this file: live chat (docs/chat.md) over the real server with a real WebSocket client
(Debian's python3-websockets) — every chat a ticket, who may see which chat, the numbered log
with replay and resume by `after`, idempotent resends by client_id, internal notes and internal
typing never reaching the customer, oversize and malformed frames, a slow consumer closed
without stalling others, a disabled technician's socket closed, forms, accept limits, and the
transcript mailed through a real SMTP server (python3-aiosmtpd)."""

import asyncio
import json
import socket
import base64
import os
import time
import unittest

import websockets
import websockets.exceptions

from harness import Server, ServerTestCase, login, multipart, unique
from test_mail_outbound import Capture, body_text, free_port

RECV_TIMEOUT = 5


def run_async(coro):
    return asyncio.run(asyncio.wait_for(coro, 90))


async def recv(ws, timeout=RECV_TIMEOUT):
    return json.loads(await asyncio.wait_for(ws.recv(), timeout))


async def until(ws, predicate, timeout=RECV_TIMEOUT):
    """Reads frames until one satisfies predicate; returns every frame read."""
    seen = []
    while True:
        frame = await recv(ws, timeout)
        seen.append(frame)
        if predicate(frame):
            return seen


async def in_thread(fn, *args):
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


class ChatCase(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent", name="Tom Tech")
        cls.customer = cls.server.user("customer", name="Ann")
        cls.anonymous = cls.server.client()

    def start_visitor_chat(self, **fields):
        body = {"email": unique("visitor-") + "@example.com", "topic": "Printer shows E04"}
        body.update(fields)
        r = self.anonymous.post("/api/v1/chats", body)
        self.assertEqual(r.status, 201, r.body)
        return r.body

    def visitor(self, token):
        return _VisitorClient(self.server, token)

    def socket_url(self, chat_id, after=None, visitor_token=None):
        q = []
        if after is not None:
            q.append("after=%d" % after)
        if visitor_token:
            q.append("visitor_token=" + visitor_token)
        return "ws://127.0.0.1:%d/api/v1/chats/%d/socket%s" % (
            self.server.port, chat_id, ("?" + "&".join(q)) if q else "")

    def connect_visitor(self, started, after=None, **kw):
        return websockets.connect(self.socket_url(started["id"], after, started["visitor_token"]),
                                  **kw)

    def connect_staff(self, chat_id, token=None, after=None, **kw):
        return websockets.connect(self.socket_url(chat_id, after),
                                  extra_headers={"Authorization": "Bearer " + (token or self.agent.token)},
                                  **kw)


class _VisitorClient:
    """HTTP as an anonymous visitor holding one chat's token."""

    def __init__(self, server, token):
        self.client = server.client()
        self.headers = {"Authorization": "Visitor " + token}

    def get(self, path):
        return self.client.get(path, headers=self.headers)

    def post(self, path, body=None, headers=None):
        return self.client.post(path, body, headers=dict(self.headers, **(headers or {})))


class ChatAccessTest(ChatCase):
    def test_a_visitor_chat_is_a_ticket_from_its_first_second(self):
        started = self.start_visitor_chat(name="Bea", technician=True,
                                          steps_done=["restarted", "updated_drivers"],
                                          serial_number="SN-1", machine_type="Latitude")
        self.assertEqual(started["status"], "waiting")
        self.assertGreaterEqual(started["queue_position"], 1)
        self.assertTrue(started["visitor_token"].startswith("flv_"))
        self.assertGreater(started["limits"]["max_upload_bytes"], 0)  # a visitor's only source
        ticket = self.agent.client.get("/api/v1/tickets/%d" % started["ticket_number"]).body
        self.assertEqual(ticket["channel"], "chat")
        self.assertEqual(ticket["subject"], "Printer shows E04")
        self.assertEqual(ticket["chat"]["id"], started["id"])
        self.assertTrue(ticket["chat"]["technician"])  # staff see the pre-chat answers there too
        self.assertEqual(ticket["chat"]["serial_number"], "SN-1")
        chat = self.agent.client.get("/api/v1/chats/%d" % started["id"]).body
        self.assertTrue(chat["technician"])
        self.assertEqual(chat["steps_done"], ["restarted", "updated_drivers"])
        self.assertEqual((chat["serial_number"], chat["machine_type"]), ("SN-1", "Latitude"))
        waiting = self.agent.client.get("/api/v1/chats?status=waiting").body["items"]
        self.assertIn(started["id"], [c["id"] for c in waiting])

    def test_the_visitor_sees_the_chat_but_not_the_staff_answers(self):
        started = self.start_visitor_chat(technician=True, serial_number="SN-2")
        mine = self.visitor(started["visitor_token"]).get("/api/v1/chats/%d" % started["id"])
        self.assertEqual(mine.status, 200)
        for staff_only in ("technician", "steps_done", "serial_number", "machine_type"):
            self.assertNotIn(staff_only, mine.body)

    def test_a_visitor_token_grants_that_one_chat_and_nothing_else(self):
        first = self.start_visitor_chat()
        second = self.start_visitor_chat()
        as_first = self.visitor(first["visitor_token"])
        self.assertProblem(as_first.get("/api/v1/chats/%d" % second["id"]), 404)
        self.assertProblem(as_first.get("/api/v1/chats/%d/messages" % second["id"]), 404)
        self.assertProblem(as_first.post("/api/v1/chats/%d/messages" % second["id"],
                                         {"body": "hi"}), 404)
        self.assertProblem(as_first.get("/api/v1/tickets/%d" % first["ticket_number"]), 401)
        self.assertProblem(as_first.get("/api/v1/chats/%d/transcript" % second["id"]), 404)

    def test_a_customer_never_sees_another_customers_chat(self):
        r = self.customer.client.post("/api/v1/chats", {"topic": "My screen flickers"})
        self.assertEqual(r.status, 201, r.body)
        self.assertNotIn("visitor_token", r.body)
        other = self.server.user("customer")
        self.assertProblem(other.client.get("/api/v1/chats/%d" % r.body["id"]), 404)
        self.assertProblem(other.client.get("/api/v1/chats/%d/messages" % r.body["id"]), 404)
        self.assertEqual(other.client.get("/api/v1/chats?status=waiting").body["items"], [])
        own = self.customer.client.get("/api/v1/chats?status=waiting").body["items"]
        self.assertEqual([c["id"] for c in own], [r.body["id"]])

        async def scenario():
            with self.assertRaises(websockets.exceptions.InvalidStatusCode) as ctx:
                async with self.connect_staff(r.body["id"], token=other.token):
                    pass
            self.assertEqual(ctx.exception.status_code, 404)
        run_async(scenario())

    def test_pre_chat_answers_are_checked_with_the_field_named(self):
        self.assertProblem(self.anonymous.post("/api/v1/chats", {"email": "a@example.com"}), 422,
                           "topic")
        self.assertProblem(self.anonymous.post("/api/v1/chats", {"topic": "x"}), 422, "email")
        self.assertProblem(self.anonymous.post("/api/v1/chats", {"topic": "x", "email": "nope"}),
                           422, "email")
        self.assertProblem(self.anonymous.post("/api/v1/chats", {
            "topic": "x", "email": "a@example.com", "steps_done": ["prayed"]}), 422, "steps_done")
        self.assertProblem(self.anonymous.post("/api/v1/chats", {
            "topic": "x", "email": "a@example.com", "colour": "red"}), 400, "colour")
        self.assertProblem(self.anonymous.post("/api/v1/chats", "{not json"), 400)

    def test_a_visitor_may_not_chat_as_a_member_of_staff(self):
        r = self.anonymous.post("/api/v1/chats", {"email": self.agent.email, "topic": "hi"})
        self.assertProblem(r, 403, "email")

    def test_staff_do_not_start_chats_and_customers_do_not_accept_them(self):
        self.assertProblem(self.agent.client.post("/api/v1/chats", {"topic": "x"}), 403)
        started = self.start_visitor_chat()
        self.assertProblem(self.customer.client.post("/api/v1/chats/%d/accept" % started["id"]), 403)


class ChatSocketTest(ChatCase):
    def test_messages_flow_both_ways_and_a_reconnect_resumes_by_after(self):
        started = self.start_visitor_chat()
        cid = started["id"]

        async def scenario():
            async with self.connect_visitor(started) as cust, self.connect_staff(cid) as agent:
                hello = await recv(cust)
                self.assertEqual(hello["type"], "hello")
                self.assertEqual(hello["chat"]["id"], cid)
                first = await recv(cust)
                self.assertEqual((first["type"], first["seq"], first["body"]),
                                 ("message", 1, "Printer shows E04"))
                await until(agent, lambda f: f.get("seq") == 1)
                accepted = await in_thread(self.agent.client.post, "/api/v1/chats/%d/accept" % cid)
                self.assertEqual(accepted.status, 200, accepted.body)
                status = await until(cust, lambda f: f.get("reason") == "accepted")
                self.assertEqual(status[-1]["status"], "active")
                self.assertEqual(status[-1]["agent"]["name"], "Tom Tech")
                await agent.send(json.dumps({"type": "message", "body": "Hi, Tom here", "client_id": "a1"}))
                got = await until(cust, lambda f: f["type"] == "message")
                self.assertEqual(got[-1]["body"], "Hi, Tom here")
                self.assertEqual(got[-1]["author"], {"role": "agent", "name": "Tom Tech"})
                last_seen = got[-1]["seq"]
            # Away: the technician writes twice and sends a form; the customer reconnects.
            for text in ("Still there?", "Try the blue cable"):
                r = self.agent.client.post("/api/v1/chats/%d/messages" % cid, {"body": text})
                self.assertEqual(r.status, 201, r.body)
            async with self.connect_visitor(started, after=last_seen) as cust:
                self.assertEqual((await recv(cust))["type"], "hello")
                replay = [await recv(cust), await recv(cust)]
                self.assertEqual([f["body"] for f in replay], ["Still there?", "Try the blue cable"])
                self.assertEqual([f["seq"] for f in replay], [last_seen + 1, last_seen + 2])
                await cust.send(json.dumps({"type": "ping"}))
                self.assertEqual(await recv(cust), {"type": "pong"})  # nothing else was doubled
        run_async(scenario())
        log = self.agent.client.get("/api/v1/chats/%d/messages" % cid).body
        seqs = [e["seq"] for e in log["items"]]
        self.assertEqual(seqs, list(range(1, len(seqs) + 1)))
        self.assertEqual(log["last_seq"], seqs[-1])

    def test_a_resend_with_the_same_client_id_is_acknowledged_once_and_logged_once(self):
        started = self.start_visitor_chat()
        cid = started["id"]

        async def scenario():
            async with self.connect_visitor(started) as cust:
                await recv(cust)
                frame = json.dumps({"type": "message", "body": "serial is ABC-123", "client_id": "k-9"})
                await cust.send(frame)
                await cust.send(frame)
                acks = []
                while len(acks) < 2:
                    f = await recv(cust)
                    if f["type"] == "ack":
                        acks.append(f)
                self.assertEqual(acks[0], acks[1])
                self.assertEqual(acks[0]["client_id"], "k-9")
        run_async(scenario())
        again = self.visitor(started["visitor_token"]).post(
            "/api/v1/chats/%d/messages" % cid, {"body": "serial is ABC-123", "client_id": "k-9"})
        self.assertEqual(again.status, 200, again.body)
        log = self.agent.client.get("/api/v1/chats/%d/messages" % cid).body["items"]
        self.assertEqual([e.get("client_id") for e in log].count("k-9"), 1)
        ticket_messages = self.agent.client.get(
            "/api/v1/tickets/%d/messages" % started["ticket_number"]).body["items"]
        self.assertEqual([m["body"] for m in ticket_messages].count("serial is ABC-123"), 1)

    def test_internal_notes_and_internal_typing_never_reach_the_customer(self):
        started = self.start_visitor_chat()
        cid = started["id"]
        self.agent.client.post("/api/v1/chats/%d/accept" % cid)
        other_agent = self.server.user("agent")

        async def scenario():
            async with self.connect_visitor(started) as cust, self.connect_staff(cid) as agent, \
                    self.connect_staff(cid, token=other_agent.token) as colleague:
                for ws in (cust, agent, colleague):
                    await until(ws, lambda f: f.get("reason") == "accepted")
                await agent.send(json.dumps({"type": "typing", "internal": True}))
                typing = await until(colleague, lambda f: f["type"] == "typing")
                self.assertEqual(typing[-1]["author"]["name"], "Tom Tech")
                self.assertTrue(typing[-1]["internal"])
                await in_thread(self.agent.client.reply, started["ticket_number"],
                                "customer sounds annoyed", "internal")
                await agent.send(json.dumps({"type": "typing"}))
                await agent.send(json.dumps({"type": "message", "body": "public words", "client_id": "p"}))
                seen = await until(cust, lambda f: f.get("body") == "public words")
                self.assertEqual([f["type"] for f in seen], ["typing", "message"])
        run_async(scenario())
        log = self.visitor(started["visitor_token"]).get("/api/v1/chats/%d/messages" % cid).body
        self.assertNotIn("annoyed", json.dumps(log))
        transcript = self.visitor(started["visitor_token"]).get("/api/v1/chats/%d/transcript" % cid)
        self.assertEqual(transcript.status, 200)
        self.assertNotIn(b"annoyed", transcript.body)
        self.assertIn(b"public words", transcript.body)

    def test_malformed_frames_get_errors_and_an_oversize_frame_closes_the_socket(self):
        started = self.start_visitor_chat()

        async def scenario():
            async with self.connect_visitor(started) as cust:
                await until(cust, lambda f: f.get("reason") == "unavailable")  # nobody on line
                await cust.send("not json")
                self.assertEqual((await recv(cust))["type"], "error")
                await cust.send(json.dumps({"type": "teleport"}))
                error = await recv(cust)
                self.assertIn("teleport", error["detail"])
                await cust.send(json.dumps({"type": "message", "body": "still fine", "client_id": "ok"}))
                frames = await until(cust, lambda f: f["type"] == "ack")
                self.assertEqual(frames[-1]["client_id"], "ok")
            async with self.connect_visitor(started, max_size=None) as cust:
                await recv(cust)
                await cust.send(json.dumps({"type": "message", "body": "x" * (70 * 1024)}))
                with self.assertRaises(websockets.exceptions.ConnectionClosed) as ctx:
                    while True:
                        await recv(cust)
                self.assertEqual(ctx.exception.code, 1009)  # message too big
            async with self.connect_visitor(started) as cust:
                await recv(cust)
                for _ in range(3):
                    await cust.send("{")
                with self.assertRaises(websockets.exceptions.ConnectionClosed) as ctx:
                    while True:
                        await recv(cust)
                self.assertIn("malformed", ctx.exception.reason)
        run_async(scenario())
        self.assertEqual(self.anonymous.get("/healthz").status, 200)

    def test_a_slow_consumer_is_disconnected_without_stalling_the_others(self):
        started = self.start_visitor_chat()
        cid = started["id"]
        self.agent.client.post("/api/v1/chats/%d/accept" % cid)
        watcher = self.server.user("agent")
        # The slow one: a raw socket with a tiny receive buffer that never reads after the
        # handshake, so the server's queue for it grows.
        slow = socket.socket()
        slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        slow.connect(("127.0.0.1", self.server.port))
        key = base64.b64encode(os.urandom(16)).decode()
        slow.sendall(("GET /api/v1/chats/%d/socket?visitor_token=%s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                      "Sec-WebSocket-Version: 13\r\n\r\n" % (cid, started["visitor_token"], key)).encode())
        self.assertIn(b"101", slow.recv(12))

        async def scenario():
            async with self.connect_staff(cid) as agent, \
                    self.connect_staff(cid, token=watcher.token) as fast:
                await until(fast, lambda f: f.get("reason") == "accepted")
                received = 0

                async def drain():
                    nonlocal received
                    while True:
                        f = await recv(fast, timeout=20)
                        if f["type"] == "typing":
                            received += 1
                        elif f.get("body") == "after the flood":
                            return
                reader = asyncio.ensure_future(drain())
                frame = json.dumps({"type": "typing"})
                # In bursts the fast reader keeps up with; the slow one falls ever further behind.
                for burst in range(120):
                    for _ in range(500):
                        await agent.send(frame)
                    while received < (burst + 1) * 500 - 200:
                        await asyncio.sleep(0.005)
                await agent.send(json.dumps({"type": "message", "body": "after the flood", "client_id": "f"}))
                await asyncio.wait_for(reader, 60)
                self.assertEqual(received, 60000)  # the fast one got every frame
        run_async(scenario())
        slow.settimeout(10)
        tail = b""
        try:
            while True:
                chunk = slow.recv(1 << 16)
                if not chunk:
                    break
                tail = (tail + chunk)[-256:]
        except (ConnectionResetError, socket.timeout):
            pass
        slow.close()
        self.assertIn(b"too slow", tail)

    def test_a_disabled_technicians_socket_is_closed_with_a_reason(self):
        started = self.start_visitor_chat()
        leaving = self.server.user("agent")

        async def scenario():
            async with self.connect_staff(started["id"], token=leaving.token) as ws:
                await recv(ws)
                r = await in_thread(self.server.admin().patch, "/api/v1/users/%d" % leaving.id,
                                    {"disabled": True})
                self.assertEqual(r.status, 200, r.body)
                with self.assertRaises(websockets.exceptions.ConnectionClosed) as ctx:
                    while True:
                        await recv(ws, timeout=10)
                self.assertIn("disabled", ctx.exception.reason)
        run_async(scenario())

    def test_a_session_cookie_from_another_site_is_refused(self):
        r = self.customer.client.post("/api/v1/chats", {"topic": "cookie test"})
        _, cookie, _ = login(self.server, self.customer.email, self.customer.password)

        async def scenario():
            with self.assertRaises(websockets.exceptions.InvalidStatusCode) as ctx:
                async with websockets.connect(self.socket_url(r.body["id"]),
                                              extra_headers={"Cookie": cookie},
                                              origin="http://evil.example"):
                    pass
            self.assertEqual(ctx.exception.status_code, 403)
        run_async(scenario())


class ChatFilesTest(ChatCase):
    def test_a_file_sent_in_a_chat_reaches_the_other_side_and_only_that_chats_people(self):
        started = self.start_visitor_chat()
        cid = started["id"]
        visitor = self.visitor(started["visitor_token"])
        ctype, body = multipart(fields={"client_id": "f1"},
                                files=[("file", "error.log", "text/plain", b"E04 at 09:12\n")])
        sent = visitor.post("/api/v1/chats/%d/files" % cid, body, headers={"Content-Type": ctype})
        self.assertEqual(sent.status, 201, sent.body)
        self.assertEqual(sent.body["files"][0]["filename"], "error.log")
        file_id = sent.body["files"][0]["id"]
        got = self.agent.client.get("/api/v1/chats/%d/files/%d" % (cid, file_id))
        self.assertEqual((got.status, got.body), (200, b"E04 at 09:12\n"))
        self.assertIn("attachment", got.headers["Content-Disposition"])
        self.assertEqual(visitor.get("/api/v1/chats/%d/files/%d" % (cid, file_id)).status, 200)
        stranger = self.visitor(self.start_visitor_chat()["visitor_token"])
        self.assertProblem(stranger.get("/api/v1/chats/%d/files/%d" % (cid, file_id)), 404)
        # Another ticket's attachment is not reachable through this chat, even of the same person.
        other_ticket = self.agent.client.create_ticket(requester_email=self.customer.email).body
        ctype, body = multipart(fields={"body": "see attached", "kind": "public"},
                                files=[("file", "other.txt", "text/plain", b"other")])
        message = self.agent.client.post("/api/v1/tickets/%d/messages" % other_ticket["number"],
                                         body, headers={"Content-Type": ctype}).body
        mine = self.customer.client.post("/api/v1/chats", {"topic": "files"}).body
        self.assertProblem(self.customer.client.get(
            "/api/v1/chats/%d/files/%d" % (mine["id"], message["attachments"][0]["id"])), 404)
        log = self.agent.client.get("/api/v1/chats/%d/messages" % cid).body["items"]
        self.assertIn("Sent a file: error.log (13 bytes)", [e.get("body") for e in log])


class ChatWorkflowTest(ChatCase):
    server_env = {"FRONTLINE_CHAT_MAX_PER_AGENT": "1"}

    def test_status_changes_transfers_and_forms_are_numbered_like_messages(self):
        admin = self.server.admin()
        form = admin.post("/api/v1/chat-forms", {"title": "Replacement", "fields": [
            {"name": "address", "label": "Shipping address", "type": "multiline", "required": True},
            {"name": "phone", "label": "Phone", "type": "phone"},
            {"name": "urgent", "label": "Urgent?", "type": "yes_no"}]})
        self.assertEqual(form.status, 201, form.body)
        started = self.start_visitor_chat()
        cid = started["id"]
        visitor = self.visitor(started["visitor_token"])
        self.assertEqual(self.agent.client.post("/api/v1/chats/%d/accept" % cid).status, 200)
        sent = self.agent.client.post("/api/v1/chats/%d/forms" % cid, {"form_id": form.body["id"]})
        self.assertEqual(sent.status, 201, sent.body)
        self.assertEqual(sent.body["form"]["fields"][0]["name"], "address")
        missing = visitor.post("/api/v1/chats/%d/forms/%d" % (cid, sent.body["seq"]), {"values": {"phone": "1"}})
        self.assertProblem(missing, 422, "address")
        filled = visitor.post("/api/v1/chats/%d/forms/%d" % (cid, sent.body["seq"]),
                              {"values": {"address": "1 Main St", "urgent": True}})
        self.assertEqual(filled.status, 201, filled.body)
        self.assertEqual(filled.body["values"], {"address": "1 Main St", "urgent": "yes"})
        team = admin.post("/api/v1/teams", {"name": unique("Tier 2 ")}).body
        moved = self.agent.client.post("/api/v1/chats/%d/transfer" % cid,
                                       {"team_id": team["id"], "note": "needs a replacement"})
        self.assertEqual(moved.body["status"], "waiting")
        ended = visitor.post("/api/v1/chats/%d/end" % cid)
        self.assertEqual(ended.body["status"], "ended")
        log = visitor.get("/api/v1/chats/%d/messages?after=1" % cid).body["items"]
        kinds = [(e["type"], e.get("reason") or e.get("action")) for e in log]
        self.assertEqual(kinds, [("status", "unavailable"), ("status", "accepted"),
                                 ("form", "request"), ("form", "submitted"),
                                 ("status", "transferred"), ("status", "ended")])
        self.assertEqual([e["seq"] for e in log], list(range(2, 8)))
        self.assertNotIn("needs a replacement", json.dumps(log))  # the note is for staff
        self.assertProblem(visitor.post("/api/v1/chats/%d/messages" % cid, {"body": "late"}), 409)
        rated = visitor.post("/api/v1/chats/%d/rating" % cid, {"rating": 5, "comment": "quick"})
        self.assertEqual(rated.body["rating"], 5)
        events = self.agent.client.get("/api/v1/tickets/%d/events" % started["ticket_number"]).body["items"]
        types = [e["type"] for e in events]
        for t in ("chat.started", "chat.accepted", "chat.form_requested", "chat.form_submitted",
                  "chat.transferred", "chat.ended", "chat.rated"):
            self.assertIn(t, types)

    def test_a_technician_holds_at_most_the_configured_number_of_chats(self):
        busy = self.server.user("agent")
        first, second = self.start_visitor_chat(), self.start_visitor_chat()
        self.assertEqual(busy.client.post("/api/v1/chats/%d/accept" % first["id"]).status, 200)
        self.assertProblem(busy.client.post("/api/v1/chats/%d/accept" % second["id"]), 409)
        busy.client.post("/api/v1/chats/%d/end" % first["id"])
        self.assertEqual(busy.client.post("/api/v1/chats/%d/accept" % second["id"]).status, 200)


class ChatStartLimitTest(ChatCase):
    server_env = {"FRONTLINE_CHAT_STARTS_PER_ADDRESS": "3"}

    def test_one_address_may_start_only_so_many_chats_in_ten_minutes(self):
        for _ in range(3):
            self.start_visitor_chat()
        r = self.anonymous.post("/api/v1/chats", {"email": "x@example.com", "topic": "one more"})
        self.assertProblem(r, 429)
        self.assertGreater(int(r.headers["Retry-After"]), 0)
        self.assertIn("minutes", r.body["detail"])


class ChatReofferTest(ChatCase):
    server_env = {"FRONTLINE_CHAT_REOFFER_SECONDS": "5"}

    def test_a_chat_nobody_accepts_is_offered_again_and_the_customer_is_told(self):
        started = self.start_visitor_chat()

        async def scenario():
            async with self.connect_visitor(started) as cust:
                frames = await until(cust, lambda f: f.get("reason") == "reoffered", timeout=30)
                self.assertIn("queue", frames[-1]["text"])
        run_async(scenario())


class ChatTranscriptMailTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = Capture(free_port())
        cls.smtp.start()
        cls.server = Server(env={"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % cls.smtp.port,
                                 "FRONTLINE_MAIL_FROM": "Acme Help <help@desk.example>"})
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.smtp.stop()

    def test_the_transcript_is_mailed_once_with_reply_to_and_threading_headers(self):
        agent = self.server.user("agent", name="Tom Tech")
        address = unique("mailed-") + "@example.com"
        started = self.server.client().post("/api/v1/chats", {"email": address, "name": "Cat",
                                                              "topic": "Dock not charging"}).body
        cid = started["id"]
        visitor = _VisitorClient(self.server, started["visitor_token"])
        agent.client.post("/api/v1/chats/%d/accept" % cid)
        agent.client.post("/api/v1/chats/%d/messages" % cid, {"body": "Try https://example.com/fw"})
        visitor.post("/api/v1/chats/%d/messages" % cid, {"body": "That fixed it"})
        r = agent.client.post("/api/v1/chats/%d/end" % cid, {"ticket_status": "resolved"})
        self.assertEqual(r.status, 200, r.body)
        msg, _ = self.smtp.wait_for(lambda rcpt, m: address in rcpt and "Transcript" in m["Subject"],
                                    "the chat transcript")
        self.assertIn("[#%d]" % started["ticket_number"], msg["Subject"])
        self.assertEqual(msg["Auto-Submitted"], "auto-generated")
        self.assertIn("help@desk.example", msg["Reply-To"])
        text = body_text(msg)
        for said in ("Dock not charging", "Try https://example.com/fw", "That fixed it",
                     "Tom Tech: ", "Cat: "):
            self.assertIn(said, text)
        ticket = agent.client.get("/api/v1/tickets/%d" % started["ticket_number"]).body
        self.assertEqual(ticket["status"], "resolved")
        # No mail per chat message, and the transcript exactly once.
        time.sleep(2)
        to_customer = [m for rcpt, m in self.smtp.messages if address in rcpt]
        self.assertEqual(len(to_customer), 1, [len(to_customer)])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            events = agent.client.get("/api/v1/tickets/%d/events" % started["ticket_number"]).body["items"]
            sent = [e for e in events if e["type"] == "mail.sent" and e["data"].get("kind") == "transcript"]
            if sent:
                break
            time.sleep(0.2)
        self.assertTrue(sent, "mail.sent for the transcript is on the ticket")


if __name__ == "__main__":
    unittest.main()
