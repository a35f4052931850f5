"""Focus of this file: slow clients cannot exhaust the server. 1,000 half-open connections
(a partial request, then a byte now and then) come from other loopback addresses
(127.0.0.2-9); the per-address cap closes what is over it at once, the header timeout ends the
rest, and meanwhile a normal client on 127.0.0.1 gets prompt answers. A total cap keeps the
server under its file limit, and a closed connection gives its place back."""

import resource
import select
import socket
import time
import unittest

from harness import Server

ATTACKERS = ["127.0.0.%d" % i for i in range(2, 10)]
HALF_OPEN = 1000
PER_ADDRESS_CAP = 100
PROMPT_SECONDS = 1.0  # under AddressSanitizer; an idle server answers in milliseconds
# The server's header timeout is 10 s, counted once for the first byte and once for the rest.
DROP_WITHIN_SECONDS = 30


def raise_file_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        if hard != resource.RLIM_INFINITY and hard < needed:
            raise unittest.SkipTest("needs %d open files, the hard limit is %d" % (needed, hard))
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


def open_file_limits(pid):
    """(soft, hard) limit on open files of a running process."""
    with open("/proc/%d/limits" % pid) as f:
        for line in f:
            if line.startswith("Max open files"):
                return tuple(line.split()[3:5])
    raise AssertionError("no open-file limit in /proc/%d/limits" % pid)


def half_open(source, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((source, 0))
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    s.sendall(b"POST /api/v1/tickets HTTP/1.1\r\nHost: frontline\r\nContent-Le")
    return s


def closed_by_server(sock):
    """True when the server has closed (or reset) this connection."""
    readable, _, _ = select.select([sock], [], [], 0)
    if not readable:
        return False
    try:
        return sock.recv(4096, socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


class SlowlorisTest(unittest.TestCase):
    def timed_get(self, client, path):
        t0 = time.monotonic()
        r = client.get(path)
        return r.status, time.monotonic() - t0

    def test_1000_half_open_connections_leave_the_api_answering_promptly(self):
        raise_file_limit(HALF_OPEN + 512)
        env = {"FRONTLINE_MAX_CONNECTIONS_PER_ADDRESS": str(PER_ADDRESS_CAP)}
        with Server(env=env) as s:
            self.assertEqual(*open_file_limits(s.proc.pid), "the server keeps a soft open-file limit under its hard one")
            agent = s.user("agent")
            client = s.client(agent.token, timeout=10)
            socks = []
            try:
                for i in range(HALF_OPEN):
                    source = ATTACKERS[i % len(ATTACKERS)]
                    try:
                        socks.append((source, half_open(source, s.port)))
                    except OSError:
                        pass  # refused or reset: the server is shedding them, as it should
                self.assertGreater(len(socks), HALF_OPEN * 0.9, "most connections should at least connect")
                time.sleep(1.0)  # the accept loop reaches all of them

                # The normal client is served promptly while they hang on.
                slowest = 0.0
                for _ in range(3):
                    for path in ("/healthz", "/api/v1/tickets?limit=5", "/api/v1/me"):
                        status, seconds = self.timed_get(client, path)
                        self.assertEqual(status, 200, path)
                        slowest = max(slowest, seconds)
                    for _, sock in socks:
                        try:
                            sock.send(b"n")  # a byte now and then keeps a slowloris going
                        except OSError:
                            pass
                    time.sleep(0.5)
                self.assertLess(slowest, PROMPT_SECONDS, "answers were slow under 1,000 half-open connections")
                self.assertEqual(client.create_ticket(requester_email="calm@example.com").status, 201)

                # Each attacking address holds at most its cap; the rest were closed at once.
                held = {a: 0 for a in ATTACKERS}
                for source, sock in socks:
                    if not closed_by_server(sock):
                        held[source] += 1
                over = {a: n for a, n in held.items() if n > PER_ADDRESS_CAP}
                self.assertEqual(over, {}, "an address kept more connections than its cap")
                self.assertGreaterEqual(min(held.values()), PER_ADDRESS_CAP * 0.9, held)

                # The header timeout ends the stalled ones: none is kept forever.
                t0 = time.monotonic()
                open_socks = [sock for _, sock in socks]
                while open_socks and time.monotonic() - t0 < DROP_WITHIN_SECONDS:
                    open_socks = [sock for sock in open_socks if not closed_by_server(sock)]
                    time.sleep(0.5)
                self.assertEqual(len(open_socks), 0, "stalled connections outlived the header timeout")
                dropped_after = time.monotonic() - t0
                self.assertEqual(self.timed_get(client, "/healthz")[0], 200)
                print("\nslowloris: %d half-open connections from %d addresses, %d held (cap %d each); slowest "
                      "normal answer %.3f s; the held ones dropped within %.1f s more"
                      % (len(socks), len(ATTACKERS), sum(held.values()), PER_ADDRESS_CAP, slowest, dropped_after))
            finally:
                for _, sock in socks:
                    sock.close()

    def test_total_cap_refuses_new_connections_until_one_closes(self):
        env = {"FRONTLINE_MAX_CONNECTIONS": "20", "FRONTLINE_MAX_CONNECTIONS_PER_ADDRESS": "256"}
        with Server(env=env) as s:
            agent = s.user("agent")
            client = s.client(agent.token, timeout=10)
            hogs = [half_open("127.0.0.2", s.port) for _ in range(20)]
            try:
                time.sleep(0.5)
                refused = s.raw_socket()
                try:
                    refused.settimeout(5)
                    refused.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                    try:
                        answer = refused.recv(100)
                    except OSError:
                        answer = b""
                    self.assertEqual(answer, b"", "a connection over the total cap was served")
                finally:
                    refused.close()
                for sock in hogs[:5]:
                    sock.close()
                time.sleep(0.5)
                self.assertEqual(client.get("/healthz").status, 200)
            finally:
                for sock in hogs:
                    sock.close()


if __name__ == "__main__":
    unittest.main()
