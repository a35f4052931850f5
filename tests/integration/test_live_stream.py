"""Focus of this file: the live feed (WebSocket GET /api/v1/stream) that keeps staff screens
(and customers' portals, filtered) current — hello, catch-up from the last event id after a reconnect, live pushes, reset when too
far behind, and who may open it. Uses Debian's python3-websockets as the real client."""

import asyncio
import json
import unittest

import websockets

from harness import ServerTestCase, login, unique

RECV_TIMEOUT = 5


class LiveStreamTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent")
        cls.customer = cls.server.user("customer")

    def url(self, after=None):
        q = "" if after is None else "?after=%d" % after
        return "ws://127.0.0.1:%d/api/v1/stream%s" % (self.server.port, q)

    def run_async(self, coro):
        return asyncio.run(asyncio.wait_for(coro, 60))

    async def recv(self, ws):
        return json.loads(await asyncio.wait_for(ws.recv(), RECV_TIMEOUT))

    async def events_until(self, ws, predicate):
        """Reads frames until an event satisfies predicate; returns every event read."""
        seen = []
        while True:
            frame = await self.recv(ws)
            if frame["type"] == "event":
                seen.append(frame["event"])
                if predicate(frame["event"]):
                    return seen

    def connect(self, after=None, token=None, **kw):
        headers = {"Authorization": "Bearer " + (token or self.agent.token)}
        headers.update(kw.pop("headers", {}))
        return websockets.connect(self.url(after), extra_headers=headers, **kw)

    async def in_thread(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    def test_a_change_by_someone_else_is_pushed_live(self):
        async def scenario():
            async with self.connect() as ws:
                hello = await self.recv(ws)
                self.assertEqual(hello["type"], "hello")
                subject = unique("Live ")
                created = await self.in_thread(
                    lambda: self.customer.client.create_ticket(subject=subject).body)
                seen = await self.events_until(
                    ws, lambda e: e["ticket_number"] == created["number"] and
                    e["type"] == "ticket.created")
                self.assertGreater(seen[-1]["id"], hello["last_id"])
                self.assertEqual(seen[-1]["data"]["subject"], subject)
        self.run_async(scenario())

    def test_reconnect_catches_up_from_the_last_event_id(self):
        async def scenario():
            async with self.connect() as ws:
                last_id = (await self.recv(ws))["last_id"]
            # Disconnected: changes happen meanwhile.
            number = (await self.in_thread(
                lambda: self.customer.client.create_ticket().body))["number"]
            await self.in_thread(lambda: self.agent.client.reply(number, "While you were away"))
            async with self.connect(after=last_id) as ws:
                hello = await self.recv(ws)
                self.assertGreaterEqual(hello["last_id"], last_id)
                seen = await self.events_until(
                    ws, lambda e: e["ticket_number"] == number and e["type"] == "message.added"
                    and e["actor_id"] == self.agent.id)
                ids = [e["id"] for e in seen]
                self.assertEqual(ids, sorted(ids))
                self.assertGreater(ids[0], last_id)
                self.assertEqual(len(ids), len(set(ids)), "an event arrived twice")
        self.run_async(scenario())

    def test_a_client_too_far_behind_is_told_to_reset(self):
        async def scenario():
            async with self.connect(after=0) as ws:
                hello = await self.recv(ws)
                if hello["last_id"] <= 1000:
                    # Make the log longer than the catch-up limit, then ask from the start.
                    for _ in range(0, 1001 - hello["last_id"], 2):
                        await self.in_thread(lambda: self.agent.client.create_ticket(
                            requester_email=self.customer.email))
            async with self.connect(after=0) as ws:
                hello = await self.recv(ws)
                reset = await self.recv(ws)
                self.assertEqual(reset, {"type": "reset", "last_id": hello["last_id"]})
        self.run_async(scenario())

    def test_customers_get_only_the_public_events_of_their_own_tickets(self):
        other = self.server.user("customer")

        async def scenario():
            async with self.connect(token=self.customer.token) as ws:
                self.assertEqual((await self.recv(ws))["type"], "hello")
                theirs = await self.in_thread(lambda: other.client.create_ticket().body["number"])
                mine = await self.in_thread(lambda: self.customer.client.create_ticket().body["number"])
                await self.in_thread(self.agent.client.reply, mine, "secret note", "internal")
                await self.in_thread(self.agent.client.reply, mine, "public answer")
                seen = await self.events_until(
                    ws, lambda e: e["type"] == "message.added" and e["actor_id"] == self.agent.id)
                self.assertTrue(all(e["ticket_number"] == mine for e in seen), seen)
                self.assertNotIn(theirs, [e["ticket_number"] for e in seen])
                self.assertFalse(any(e.get("internal") for e in seen), seen)
                kinds = [e["data"].get("kind") for e in seen if e["type"] == "message.added"]
                self.assertNotIn("internal", kinds)
        self.run_async(scenario())

    def test_signed_out_callers_may_not_open_the_feed(self):
        async def scenario():
            with self.assertRaises(websockets.exceptions.InvalidStatusCode) as ctx:
                async with websockets.connect(self.url()):
                    pass
            self.assertEqual(ctx.exception.status_code, 401)
        self.run_async(scenario())

    def test_a_session_cookie_from_another_site_is_refused(self):
        _, cookie, _ = login(self.server, self.agent.email, self.agent.password)

        async def scenario():
            with self.assertRaises(websockets.exceptions.InvalidStatusCode) as ctx:
                async with websockets.connect(self.url(), extra_headers={"Cookie": cookie},
                                              origin="http://evil.example"):
                    pass
            self.assertEqual(ctx.exception.status_code, 403)
            same = "http://127.0.0.1:%d" % self.server.port
            async with websockets.connect(self.url(), extra_headers={"Cookie": cookie},
                                          origin=same) as ws:
                self.assertEqual((await self.recv(ws))["type"], "hello")
        self.run_async(scenario())

    def test_plain_http_gets_426_and_bad_after_gets_400(self):
        r = self.agent.client.get("/api/v1/stream")
        self.assertProblem(r, 426)
        self.assertEqual(r.headers["Upgrade"], "websocket")
        self.assertProblem(self.agent.client.get("/api/v1/stream?after=abc"), 400, "after")

    def test_many_screens_each_get_every_event_once_and_in_order(self):
        async def scenario():
            clients = [await self.connect() for _ in range(20)]
            try:
                for ws in clients:
                    await self.recv(ws)  # hello
                numbers = await self.in_thread(lambda: [
                    self.agent.client.create_ticket(requester_email=self.customer.email).body["number"]
                    for _ in range(30)])
                last = max(numbers)
                for ws in clients:
                    seen = await self.events_until(
                        ws, lambda e: e["ticket_number"] == last and e["type"] == "message.added")
                    ids = [e["id"] for e in seen]
                    self.assertEqual(ids, sorted(set(ids)), "out of order or repeated")
                    created = [e["ticket_number"] for e in seen if e["type"] == "ticket.created"]
                    self.assertEqual(created, numbers)
            finally:
                for ws in clients:
                    await ws.close()
        self.run_async(scenario())

    def test_the_server_still_answers_after_clients_vanish(self):
        async def scenario():
            for _ in range(5):
                ws = await self.connect()
                await self.recv(ws)
                ws.transport.abort()  # no close handshake
        self.run_async(scenario())
        self.agent.client.create_ticket(requester_email=self.customer.email)
        self.assertEqual(self.agent.client.get("/healthz").status, 200)


if __name__ == "__main__":
    unittest.main()
