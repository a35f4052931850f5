"""Focus of this file: two `frontline serve` instances on one PostgreSQL database behind Debian's
nginx, each with a data folder of its own (they share nothing but the database) — a sign-in
through one works on the other, and a token revoked or a role changed through one holds on the
other at once (each instance remembers identities, and PostgreSQL tells it when they change); a file attached through one downloads through the other; a
live-feed socket on one instance receives a change written through the other (at once:
PostgreSQL notifies); technicians on different instances see each other on a ticket and who is
typing; every mail and every morning report goes out exactly once although both
instances run a mail dispatcher and a report job; and when one instance is killed with SIGKILL in
the middle of a burst of ticket creates through nginx, every acknowledged ticket is there and the
other instance keeps answering. Runs in the PostgreSQL suite (make test-postgres)."""

import asyncio
import json
import os
import threading
import time
import unittest

import websockets

from harness import ON_POSTGRES, Client, Server, multipart, postgres_database, unique
from nginx import Nginx
from test_mail_outbound import Capture, free_port

RECV_TIMEOUT = 5


@unittest.skipUnless(ON_POSTGRES, "two instances share one PostgreSQL database (make test-postgres)")
class TwoInstancesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = Capture(free_port())
        cls.smtp.start()
        url = postgres_database(os.environ["FRONTLINE_TEST_PG_DIR"])
        env = {"FRONTLINE_DATABASE_URL": url,
               "FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % cls.smtp.port,
               "FRONTLINE_MAIL_FROM": "Help <help@desk.example>",
               "FRONTLINE_TRUSTED_PROXIES": "127.0.0.1",
               # Everyone's morning report is due at once, and both instances look every second.
               "FRONTLINE_MORNING_REPORT_HOUR": "0",
               "FRONTLINE_MORNING_REPORT_CHECK_SECONDS": "1"}
        cls.a = Server(env=env)
        cls.a.start()
        # The second instance shares only the database: its data folder is its own, empty.
        cls.b = Server(env=env)
        cls.b.start()
        cls.nginx = Nginx([cls.a.port, cls.b.port])
        cls.agent = cls.a.user("agent")

    @classmethod
    def tearDownClass(cls):
        cls.nginx.close()
        for s in (cls.b, cls.a):
            s.close()
        cls.smtp.stop()

    def test_a_sign_in_through_one_instance_works_on_the_other(self):
        r = Client(self.a.port).post("/api/v1/session", {"email": self.agent.email,
                                                        "password": self.agent.password})
        self.assertEqual(r.status, 200, r.body)
        cookie = r.headers["Set-Cookie"].split(";", 1)[0]
        on_b = Client(self.b.port, cookie=cookie, csrf=r.body["csrf_token"])
        me = on_b.get("/api/v1/me")
        self.assertEqual(me.status, 200, me.body)
        self.assertEqual(me.body["email"], self.agent.email)
        created = on_b.create_ticket(subject=unique("Through B "))
        self.assertEqual(created.status, 201, created.body)
        # And through nginx, whichever instance answers.
        via = Client(self.nginx.port, cookie=cookie, csrf=r.body["csrf_token"])
        for _ in range(4):
            got = via.get("/api/v1/tickets/%d" % created.body["number"])
            self.assertEqual(got.status, 200, got.body)

    def test_a_token_revoked_through_one_instance_stops_working_on_the_other(self):
        # Each instance remembers who a token belongs to; a change through another instance
        # must reach it at once (PostgreSQL notifies), or a revoked token would keep working.
        agent = self.a.user("agent")
        on_b = Client(self.b.port, token=agent.token)
        self.assertEqual(on_b.get("/api/v1/me").status, 200)  # B now remembers the token
        tokens = Client(self.a.port, token=agent.token).get("/api/v1/tokens").body["items"]
        self.assertEqual(len(tokens), 1, tokens)
        revoked = Client(self.a.port, token=agent.token).delete("/api/v1/tokens/%d" % tokens[0]["id"])
        self.assertIn(revoked.status, (200, 204), revoked.body)
        deadline = time.monotonic() + 1.0
        while on_b.get("/api/v1/me").status != 401:
            self.assertLess(time.monotonic(), deadline, "B still accepts a token revoked through A")
            time.sleep(0.02)
        # And a role change through one instance holds on the other: a demoted agent's token
        # no longer reaches the staff-only listing there.
        other = self.a.user("agent")
        on_b = Client(self.b.port, token=other.token)
        self.assertEqual(on_b.get("/api/v1/users").status, 200)
        admin = self.a.admin()
        self.assertEqual(admin.patch("/api/v1/users/%d" % other.id, {"role": "customer"}).status, 200)
        deadline = time.monotonic() + 1.0
        while on_b.get("/api/v1/users").status != 403:
            self.assertLess(time.monotonic(), deadline, "B still treats a demoted agent as staff")
            time.sleep(0.02)

    def test_a_file_attached_through_one_instance_downloads_through_the_other(self):
        content = bytes(range(256)) * 40 + b"\x00tail"
        ctype, body = multipart({"subject": unique("Screenshot "), "body": "attached"},
                                [("file", "screen.png", "image/png", content)])
        made = Client(self.a.port, token=self.agent.token).post(
            "/api/v1/tickets", body, headers={"Content-Type": ctype})
        self.assertEqual(made.status, 201, made.body)
        on_b = Client(self.b.port, token=self.agent.token)
        items = on_b.get("/api/v1/tickets/%d/messages" % made.body["number"]).body["items"]
        got = on_b.get(items[0]["attachments"][0]["url"])
        self.assertEqual(got.status, 200)
        self.assertEqual(got.body, content)
        self.assertEqual(os.listdir(self.b.data_dir) if os.path.isdir(self.b.data_dir) else [], [],
                         "the instance kept local state")

    def test_each_morning_report_goes_out_once_with_two_report_jobs(self):
        agents = [self.a.user("agent") for _ in range(3)]
        for agent in agents:
            self.smtp.wait_for(lambda rcpt, msg, email=agent.email: email in rcpt and
                               "morning report" in msg["Subject"], "morning report to " + agent.email)
        time.sleep(3)  # both report jobs look every second: a second copy would be here by now
        with self.smtp.lock:
            for agent in agents:
                copies = [raw for rcpt, raw in self.smtp.messages
                          if agent.email in rcpt and b"morning report" in raw]
                self.assertEqual(len(copies), 1, agent.email)

    def test_a_socket_on_one_instance_sees_a_change_written_through_the_other(self):
        async def scenario():
            url = "ws://127.0.0.1:%d/api/v1/stream" % self.a.port
            headers = {"Authorization": "Bearer " + self.agent.token}
            async with websockets.connect(url, extra_headers=headers) as ws:
                hello = json.loads(await asyncio.wait_for(ws.recv(), RECV_TIMEOUT))
                self.assertEqual(hello["type"], "hello")
                subject = unique("Via B ")
                loop = asyncio.get_running_loop()
                started = time.monotonic()
                number = (await loop.run_in_executor(
                    None, lambda: Client(self.b.port, token=self.agent.token).create_ticket(subject=subject).body))["number"]
                while True:
                    frame = json.loads(await asyncio.wait_for(ws.recv(), RECV_TIMEOUT))
                    if frame["type"] == "event" and frame["event"]["ticket_number"] == number and \
                            frame["event"]["type"] == "ticket.created":
                        break
                print("\nlive feed across instances: %.0f ms from the write's answer to the frame"
                      % ((time.monotonic() - started) * 1000))
        asyncio.run(asyncio.wait_for(scenario(), 60))

    def test_technicians_on_different_instances_see_each_other_on_a_ticket(self):
        ann = self.a.user("agent", name="Ann Lee")
        bo = self.a.user("agent", name="Bo Berg")
        number = Client(self.a.port, token=ann.token).create_ticket(subject=unique("Both ")).body["number"]

        async def frame(ws, wanted):
            while True:
                f = json.loads(await asyncio.wait_for(ws.recv(), RECV_TIMEOUT))
                if wanted(f):
                    return f

        def names(f):
            return sorted(v["name"] for v in f["viewers"])

        async def scenario():
            presence = lambda f: f["type"] == "presence" and f["ticket"] == number  # noqa: E731
            on_a = websockets.connect("ws://127.0.0.1:%d/api/v1/stream" % self.a.port,
                                      extra_headers={"Authorization": "Bearer " + ann.token})
            on_b = websockets.connect("ws://127.0.0.1:%d/api/v1/stream" % self.b.port,
                                      extra_headers={"Authorization": "Bearer " + bo.token})
            async with on_a as a, on_b as b:
                for ws in (a, b):
                    await frame(ws, lambda f: f["type"] == "hello")
                await a.send(json.dumps({"type": "viewing", "ticket": number}))
                self.assertEqual(names(await frame(a, presence)), ["Ann Lee"])
                await b.send(json.dumps({"type": "viewing", "ticket": number}))
                # B lists A's viewer at once or after A's signal; A hears B's through the database.
                seen_by_b = await frame(b, lambda f: presence(f) and len(f["viewers"]) == 2)
                self.assertEqual(names(seen_by_b), ["Ann Lee", "Bo Berg"])
                self.assertEqual(names(await frame(a, presence)), ["Ann Lee", "Bo Berg"])
                await b.send(json.dumps({"type": "typing", "ticket": number, "internal": False}))
                typing = await frame(a, lambda f: f["type"] == "typing")
                self.assertEqual(typing["user"], {"id": bo.id, "name": "Bo Berg"})
                await b.close()  # leaving on B reaches A
                self.assertEqual(names(await frame(a, presence)), ["Ann Lee"])
        asyncio.run(asyncio.wait_for(scenario(), 60))

    def test_every_mail_goes_out_once_with_two_dispatchers(self):
        tag = unique("once-")
        customers = ["%s-%d@customer.example" % (tag, i) for i in range(12)]
        for i, email in enumerate(customers):
            target = self.a if i % 2 == 0 else self.b
            r = Client(target.port, token=self.agent.token).create_ticket(
                subject="%s %d" % (tag, i), requester_email=email)
            self.assertEqual(r.status, 201, r.body)
        for email in customers:
            self.smtp.wait_for(lambda rcpt, msg, email=email: email in rcpt, "acknowledgement to " + email)
        time.sleep(3)  # both dispatchers poll every second: a second copy would be here by now
        with self.smtp.lock:
            received = [r for rcpt, _ in self.smtp.messages for r in rcpt if r.startswith(tag)]
        self.assertEqual(sorted(received), sorted(customers))

    def test_killing_one_instance_during_a_create_burst_loses_no_acknowledged_ticket(self):
        victim = Server(env=dict(self.a.extra_env))
        victim.start()
        survivor_port = self.a.port
        lb = Nginx([survivor_port, victim.port])
        acknowledged, failures = [], []
        lock = threading.Lock()
        stop = threading.Event()

        def burst():
            client = Client(lb.port, token=self.agent.token)
            while not stop.is_set():
                r = client.post("/api/v1/tickets", {"subject": unique("Burst "), "body": "b"})
                with lock:
                    (acknowledged if r.status == 201 else failures).append(
                        r.body["number"] if r.status == 201 else r.status)

        try:
            workers = [threading.Thread(target=burst) for _ in range(4)]
            for w in workers:
                w.start()
            time.sleep(1.5)
            victim.kill9()
            time.sleep(2.5)
            stop.set()
            for w in workers:
                w.join(60)
            with lock:
                before_kill = len(acknowledged)
            self.assertGreater(before_kill, 20, "the burst did not get going")
            # Every ticket whose create was answered 201 is there, read through the survivor.
            survivor = Client(survivor_port, token=self.agent.token)
            for number in acknowledged:
                self.assertEqual(survivor.get("/api/v1/tickets/%d" % number).status, 200, number)
            # The survivor kept answering through nginx after the kill.
            after = Client(lb.port, token=self.agent.token)
            for _ in range(5):
                self.assertEqual(after.create_ticket().status, 201)
            print("\nkill during burst: %d acknowledged, %d refused (%s)"
                  % (len(acknowledged), len(failures), sorted(set(failures))))
        finally:
            stop.set()
            lb.close()
            victim.close()


if __name__ == "__main__":
    unittest.main()
