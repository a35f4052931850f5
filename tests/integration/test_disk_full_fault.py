"""Focus of this file: a full disk. The data folder lives on a small tmpfs (8 MB) that a filler
file and then the server's own writes fill up. Writes must answer 503 saying the disk is full,
with Retry-After; reads keep working; nothing acknowledged is lost; a refused attachment leaves
no half-written file; mail that goes out meanwhile goes out once; and once space is freed,
writes succeed again without a restart."""

import os
import random
import subprocess
import tempfile
import threading
import time
import unittest

from harness import Server, multipart, unique
from test_mail_outbound import Capture, free_port

TMPFS_SIZE = "8m"
# Left free after the filler: a few tickets fit, then the server itself fills the rest.
HEADROOM_BYTES = 1200 * 1024
FULL_DISK_MAIL_WATCH_SECONDS = 5
BODY_WORDS = 3000  # about 40 KB of distinct words per ticket (the search index grows too)


def mount_tmpfs():
    """A fresh tmpfs folder, or SkipTest when this machine does not let us mount one."""
    mountpoint = tempfile.mkdtemp(prefix="frontline-full-")
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", mountpoint],
                       capture_output=True, text=True)
    if p.returncode != 0:
        os.rmdir(mountpoint)
        raise unittest.SkipTest("cannot mount a tmpfs for the disk-full test (needs root): %s" % p.stderr.strip())
    return mountpoint


def unmount(mountpoint):
    subprocess.run(["umount", "-l", mountpoint], capture_output=True)
    os.rmdir(mountpoint)


def fill(path, leave_free):
    """Writes a file until only leave_free bytes remain on its filesystem (all of it if 0)."""
    chunk = b"\0" * 65536
    with open(path, "wb") as f:
        while True:
            st = os.statvfs(os.path.dirname(path))
            free = st.f_bavail * st.f_frsize
            if free <= leave_free:
                break
            try:
                f.write(chunk[:min(len(chunk), free - leave_free)])
                f.flush()
            except OSError:
                break


def words(rng, n):
    return " ".join("w%x" % rng.getrandbits(40) for _ in range(n))


class MailOnAFullDiskTest(unittest.TestCase):
    """Mail sent while the disk is full cannot be recorded as sent: it must not go out again and
    again because its row still looks due."""

    def test_mail_sent_while_the_disk_is_full_goes_out_once(self):
        mountpoint = mount_tmpfs()
        self.addCleanup(unmount, mountpoint)
        port = free_port()  # nothing listens yet: the acknowledgement waits in the outbox
        env = {"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % port, "FRONTLINE_MAIL_FROM": "help@desk.example",
               "FRONTLINE_MAIL_RETRY_SECONDS": "1", "FRONTLINE_MORNING_REPORT_HOUR": "-1"}
        server = Server(env=env, data_dir=os.path.join(mountpoint, "data"))
        server.start()
        self.addCleanup(server.close)
        agent = server.user("agent")
        customer = unique("full-mail") + "@customer.example"
        number = agent.client.create_ticket(requester_email=customer).body["number"]
        deadline = time.monotonic() + 30
        while not [e for e in agent.client.get("/api/v1/tickets/%d/events" % number).body["items"]
                   if e["type"] == "mail.retrying"]:
            self.assertLess(time.monotonic(), deadline, "the acknowledgement was never attempted")
            time.sleep(0.2)
        fill(os.path.join(mountpoint, "filler"), 0)
        smtp = Capture(port)
        smtp.start()
        self.addCleanup(smtp.stop)
        smtp.wait_for(lambda r, m: customer in r, "the acknowledgement")
        time.sleep(FULL_DISK_MAIL_WATCH_SECONDS)  # several dispatcher rounds on a full disk
        os.remove(os.path.join(mountpoint, "filler"))
        deadline = time.monotonic() + 30
        while not [e for e in agent.client.get("/api/v1/tickets/%d/events" % number).body["items"]
                   if e["type"] == "mail.sent"]:
            self.assertLess(time.monotonic(), deadline, "the delivery was never recorded once space returned")
            time.sleep(0.2)
        time.sleep(2)
        with smtp.lock:
            copies = [rcpt for rcpt, _ in smtp.messages if customer in rcpt]
        self.assertEqual(len(copies), 1, "the acknowledgement went out %d times" % len(copies))


class DiskFullTest(unittest.TestCase):
    def setUp(self):
        self.mountpoint = mount_tmpfs()
        self.addCleanup(unmount, self.mountpoint)
        self.server = Server(data_dir=os.path.join(self.mountpoint, "data"))
        self.server.start()
        self.addCleanup(self.server.close)
        self.agent = self.server.user("agent")
        self.filler = os.path.join(self.mountpoint, "filler")

    def assertDiskFull(self, r):
        self.assertEqual(r.status, 503, r.body)
        self.assertIn("disk is full", r.body["detail"], r.body)
        self.assertTrue((r.headers.get("Retry-After") or "").isdigit(), r.headers.get("Retry-After"))
        text = repr(r.body).lower()
        for leak in ("sqlite", "database or disk", "frontline.db", self.mountpoint.lower()):
            self.assertNotIn(leak, text)

    def create_until_full(self, rng):
        acked = {}
        for _ in range(200):
            subject = unique("full ")
            r = self.agent.client.post("/api/v1/tickets", {"subject": subject, "body": words(rng, BODY_WORDS),
                                                           "requester_email": "full@example.com"})
            if r.status == 201:
                acked[r.body["number"]] = subject
                continue
            self.assertDiskFull(r)
            return acked, r
        self.fail("200 tickets of 100 KB fit on an 8 MB disk")

    def test_full_disk_answers_503_keeps_what_was_acknowledged_and_recovers_when_space_returns(self):
        rng = random.Random(1)
        c = self.agent.client
        fill(self.filler, HEADROOM_BYTES)
        acked, _ = self.create_until_full(rng)
        self.assertGreater(len(acked), 0, "not even one ticket fit in the headroom")
        fill(self.filler + "2", 0)  # whatever the server left, take it

        # Every kind of write is refused the same way, attachments included.
        number = max(acked)
        self.assertDiskFull(c.post("/api/v1/tickets/%d/messages" % number, {"body": words(rng, 2000)}))
        ctype, body = multipart({"body": "log attached"},
                                [("file", "big.log", "text/plain", os.urandom(300 * 1024))])
        self.assertDiskFull(c.post("/api/v1/tickets/%d/messages" % number, body, headers={"Content-Type": ctype}))
        ctype, body = multipart({"subject": "new with file", "body": "see file", "requester_email": "full@example.com"},
                                [("file", "dump.bin", "application/octet-stream", os.urandom(200 * 1024))])
        self.assertDiskFull(c.post("/api/v1/tickets", body, headers={"Content-Type": ctype}))
        leftovers = [n for _, _, files in os.walk(os.path.join(self.server.data_dir, "attachments"))
                     for n in files if ".tmp" in n]
        self.assertEqual(leftovers, [], "a refused attachment left a partial file behind")

        # Reads keep working on a full disk.
        for n, subject in acked.items():
            r = c.get("/api/v1/tickets/%d" % n)
            self.assertEqual((r.status, r.body.get("subject")), (200, subject))
        self.assertEqual(c.get("/api/v1/tickets?limit=5").status, 200)
        self.assertEqual(c.get("/api/v1/tickets?q=w1").status, 200)

        # Space returns: writes succeed again without a restart (Retry-After means it).
        os.remove(self.filler)
        os.remove(self.filler + "2")
        deadline = time.monotonic() + 10
        while True:
            r = c.post("/api/v1/tickets/%d/messages" % number, {"body": "after the cleanup"})
            if r.status == 201 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(r.status, 201, r.body)
        created = c.create_ticket(requester_email="full@example.com").body["number"]
        ctype, body = multipart({"body": "the log, again"}, [("file", "again.log", "text/plain", b"log " * 50000)])
        r = c.post("/api/v1/tickets/%d/messages" % created, body, headers={"Content-Type": ctype})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(c.get(r.body["attachments"][0]["url"]).body, b"log " * 50000)

        # Everything acknowledged is still there after a restart.
        self.server.restart()
        c = self.server.client(self.agent.token)
        for n, subject in acked.items():
            r = c.get("/api/v1/tickets/%d" % n)
            self.assertEqual((r.status, r.body.get("subject")), (200, subject))
        bodies = [m["body"] for m in c.get("/api/v1/tickets/%d/messages" % number).body["items"]]
        self.assertIn("after the cleanup", bodies)
        print("\ndisk full: %d tickets acknowledged before the disk filled; all present after recovery"
              % len(acked))

    def test_concurrent_writers_through_three_fill_and_free_cycles_lose_nothing_acknowledged(self):
        rng = random.Random(2)
        acked, lock, unexpected = {}, threading.Lock(), []
        refused = [0]

        def writer(w, cycle):
            c = self.server.client(self.agent.token)
            for i in range(12):
                subject = "cycle %d writer %d #%d %s" % (cycle, w, i, unique())
                r = c.post("/api/v1/tickets", {"subject": subject, "body": words(random.Random(w * 100 + i), 2000),
                                               "requester_email": "cycles@example.com"})
                with lock:
                    if r.status == 201:
                        acked[r.body["number"]] = subject
                    elif r.status == 503 and "disk is full" in r.body.get("detail", ""):
                        refused[0] += 1
                    else:
                        unexpected.append((r.status, r.body))

        for cycle in range(3):
            fill(self.filler, HEADROOM_BYTES // 2)
            threads = [threading.Thread(target=writer, args=(w, cycle)) for w in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(120)
            os.remove(self.filler)
            r = self.agent.client.post("/api/v1/tickets", {"subject": "after cycle %d" % cycle, "body": words(rng, 50),
                                                           "requester_email": "cycles@example.com"})
            self.assertEqual(r.status, 201, "cycle %d: no recovery once space returned: %r" % (cycle, r.body))
            acked[r.body["number"]] = "after cycle %d" % cycle
        self.assertEqual(unexpected, [], "answers other than 201 or 503 disk full")
        self.assertGreater(refused[0], 0, "the disk never filled")
        self.server.kill9()
        self.server.start()
        c = self.server.client(self.agent.token)
        lost = [n for n, subject in acked.items() if c.get("/api/v1/tickets/%d" % n).body.get("subject") != subject]
        self.assertEqual(lost, [], "acknowledged tickets lost across full-disk cycles and kill -9")
        print("\ndisk full, 3 cycles x 4 writers: %d acknowledged, %d refused with 503, none lost" % (len(acked), refused[0]))

    def test_sign_in_on_a_full_disk_is_503_not_500(self):
        fill(self.filler, 0)
        r = self.server.client().post("/api/v1/session", {"email": self.agent.email, "password": self.agent.password})
        self.assertDiskFull(r)
        os.remove(self.filler)
        r = self.server.client().post("/api/v1/session", {"email": self.agent.email, "password": self.agent.password})
        self.assertEqual(r.status, 200, r.body)


if __name__ == "__main__":
    unittest.main()
