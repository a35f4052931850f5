"""Focus of this file: what the server does with bad input — malformed, mistyped, unknown or
oversized JSON, unknown ticket numbers and query parameters, bad search queries, and hostile
connections (partial headers that go quiet, garbage bytes). Every error is problem+json and
the server keeps answering /healthz afterwards."""

import json
import socket
import threading
import time
import unittest
from urllib.parse import quote

from harness import ServerTestCase, raw_exchange, unique

TICKETS = "/api/v1/tickets"
MIB = 1024 * 1024


class BadInputTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = cls.server.user("agent")
        cls.customer = cls.server.user("customer")
        cls.number = cls.customer.client.create_ticket().body["number"]

    def tearDown(self):
        self.assertTrue(self.server.healthy(), "the server stopped answering /healthz")
        self.assertIsNone(self.server.proc.poll(), "the server exited")

    def post_raw(self, body, path=TICKETS, client=None):
        return (client or self.customer.client).post(path, body)

    # -- JSON bodies -------------------------------------------------------------------------

    def test_malformed_json_is_400(self):
        for body in (b'{"subject": "a", "body": ', b"{subject: 'a'}", b"not json at all",
                     b'{"subject":"a","body":"b"} trailing', b'{"subject":"a",}'):
            self.assertProblem(self.post_raw(body), 400)

    def test_non_object_or_empty_body_is_400(self):
        for body in (b"[]", b'"a string"', b"42", b"null", b""):
            self.assertProblem(self.post_raw(body), 400)

    def test_deeply_nested_json_is_400(self):
        self.assertProblem(self.post_raw(b'{"subject":' + b"[" * 5000 + b"]" * 5000 + b"}"), 400)

    def test_unknown_field_is_named_in_errors(self):
        r = self.customer.client.post(TICKETS, {"subject": "s", "body": "b", "priorty": "high"})
        self.assertProblem(r, 400, "priorty")
        self.assertIn("priorty", r.body["detail"])
        r = self.agent.client.patch("%s/%d" % (TICKETS, self.number), {"statuss": "open"})
        self.assertProblem(r, 400, "statuss")
        r = self.agent.client.post("%s/%d/messages" % (TICKETS, self.number), {"body": "x", "internal": True})
        self.assertProblem(r, 400, "internal")

    def test_missing_required_field_is_named_in_errors(self):
        self.assertProblem(self.customer.client.post(TICKETS, {"body": "no subject"}), 400, "subject")
        self.assertProblem(self.customer.client.post(TICKETS, {"subject": "no body"}), 400, "body")
        self.assertProblem(self.customer.client.post(TICKETS, {"subject": "   ", "body": "x"}), 422, "subject")

    def test_wrong_types_are_400_naming_the_field(self):
        cases = [
            (TICKETS, "POST", {"subject": 5, "body": "b"}, "subject"),
            (TICKETS, "POST", {"subject": "s", "body": ["b"]}, "body"),
            (TICKETS, "POST", {"subject": "s", "body": "b", "tags": "vpn"}, "tags"),
            (TICKETS, "POST", {"subject": "s", "body": "b", "tags": [1, 2]}, "tags"),
            (TICKETS, "POST", {"subject": "s", "body": "b", "channel": "pigeon"}, "channel"),
            ("%s/%d" % (TICKETS, self.number), "PATCH", {"status": "bogus"}, "status"),
            ("%s/%d" % (TICKETS, self.number), "PATCH", {"priority": 3}, "priority"),
            ("%s/%d" % (TICKETS, self.number), "PATCH", {"assignee_id": "abc"}, "assignee_id"),
            ("%s/%d" % (TICKETS, self.number), "PATCH", {"assignee_id": -4}, "assignee_id"),
            ("%s/%d" % (TICKETS, self.number), "PATCH", {"assignee_id": 1.5}, "assignee_id"),
            ("%s/%d/messages" % (TICKETS, self.number), "POST", {"body": "x", "kind": "secret"}, "kind"),
            ("%s/%d/merge" % (TICKETS, self.number), "POST", {"into": "7"}, "into"),
        ]
        for path, method, body, field in cases:
            with self.subTest(path=path, body=body):
                self.assertProblem(self.agent.client.request(method, path, body), 400, field)
        t = self.agent.client.get("%s/%d" % (TICKETS, self.number)).body
        self.assertEqual(t["status"], "new")

    def test_invalid_utf8_bytes_in_json_are_400(self):
        for body in (b'{"subject":"\xff\xfe","body":"x"}', b'{"subject":"ok","body":"\xc3\x28"}',
                     b'{"subject":"\xed\xa0\x80","body":"x"}', b'{"subject":"\\ud800","body":"x"}'):
            with self.subTest(body=body):
                self.assertProblem(self.post_raw(body), 400)

    def test_invalid_utf8_in_search_query_is_400(self):
        self.assertProblem(self.agent.client.get(TICKETS + "?q=%ff%fe"), 400, "q")

    def test_assigning_a_customer_is_422(self):
        r = self.agent.client.patch("%s/%d" % (TICKETS, self.number), {"assignee_id": self.customer.id})
        self.assertProblem(r, 422, "assignee_id")
        r = self.agent.client.patch("%s/%d" % (TICKETS, self.number), {"tags": ["has space"]})
        self.assertProblem(r, 422, "tags")

    def test_json_body_over_one_mib_is_413(self):
        # Announce the size and wait for the verdict, as the server may answer before reading.
        length = MIB + 100
        head = ("POST /api/v1/tickets HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer %s\r\n"
                "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (self.customer.token, length))
        r = raw_exchange(self.server.port, head.encode())
        self.assertIsNotNone(r, "the server closed the connection without answering")
        self.assertProblem(r, 413)

    def test_chunked_json_body_over_one_mib_is_413(self):
        body = json.dumps({"subject": "big", "body": "a" * (MIB + 10)}).encode()
        head = ("POST /api/v1/tickets HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer %s\r\n"
                "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" % self.customer.token)
        chunked = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
        r = raw_exchange(self.server.port, head.encode(), body=chunked)
        self.assertIsNotNone(r, "the server closed the connection without answering")
        self.assertProblem(r, 413)

    def test_oversized_headers_are_413(self):
        r = raw_exchange(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Pad: " + b"a" * 20000 + b"\r\n\r\n")
        self.assertIsNotNone(r)
        self.assertProblem(r, 413)

    # -- paths and query parameters ----------------------------------------------------------

    def test_unknown_ticket_number_is_404(self):
        for suffix in ("", "/messages", "/events", "/links"):
            self.assertProblem(self.agent.client.get("%s/%d%s" % (TICKETS, 987654, suffix)), 404)
        self.assertProblem(self.agent.client.patch(TICKETS + "/987654", {"status": "open"}), 404)
        self.assertProblem(self.agent.client.post(TICKETS + "/987654/messages", {"body": "x"}), 404)

    def test_non_numeric_ticket_number_is_404(self):
        for n in ("abc", "0", "-1", "1.5", "0x10", "99999999999999999999999", "%20" + str(self.number),
                  str(self.number) + "abc"):
            with self.subTest(number=n):
                self.assertProblem(self.agent.client.get(TICKETS + "/" + n), 404)

    def test_unknown_path_is_404_problem(self):
        self.assertProblem(self.agent.client.get("/api/v1/nothing-here"), 404)

    def test_wrong_method_is_405_with_matching_problem_body(self):
        r = self.agent.client.request("PUT", TICKETS, {"subject": "x", "body": "y"})
        self.assertProblem(r, 405)

    def test_unknown_query_parameter_is_400_naming_it(self):
        r = self.agent.client.get(TICKETS + "?stauts=open")
        self.assertProblem(r, 400, "stauts")

    def test_bad_list_parameters_are_400(self):
        for query, field in (("limit=0", "limit"), ("limit=201", "limit"), ("limit=abc", "limit"),
                             ("cursor=zzz", "cursor"), ("cursor=k1.", "cursor"), ("status=bogus", "status"),
                             ("priority=meh", "priority"), ("updated_since=yesterday", "updated_since")):
            with self.subTest(query=query):
                self.assertProblem(self.agent.client.get(TICKETS + "?" + query), 400, field)

    def test_updated_since_must_be_a_real_date(self):
        # It once went through sscanf and timegm, which took 2026-02-31 for March 3.
        for value in ("2026-02-31", "2026-02-29T00:00:00Z", "2026-13-01", "2026-1-2"):
            with self.subTest(value=value):
                r = self.agent.client.get(TICKETS + "?updated_since=" + quote(value))
                self.assertProblem(r, 400, "updated_since")
        for value in ("2028-02-29", "2026-01-31T12:00:00Z", "1767225600"):
            with self.subTest(value=value):
                self.assertEqual(self.agent.client.get(TICKETS + "?updated_since=" + value).status, 200)

    def test_bad_search_query_is_400(self):
        for q in ('"unterminated phrase', "status:bogus", "status:", "status:open,,new",
                  "created>2026-02-30", "created>yesterday", "assignee:bob",
                  "assignee:me assignee:none", "x" * 5000):
            with self.subTest(q=q[:40]):
                self.assertProblem(self.agent.client.get(TICKETS + "?q=" + quote(q)), 400, "q")

    def test_search_with_fts_syntax_is_treated_as_text(self):
        for q in ("NOT", "a OR b", "foo*", "(", ")", "NEAR(a b)", "*", "-", "^x", "a:b", '""', "\u00e9t\u00e9"):
            with self.subTest(q=q):
                r = self.agent.client.get(TICKETS + "?q=" + quote(q))
                self.assertEqual(r.status, 200, r.body)

    # -- hostile connections -----------------------------------------------------------------

    def test_garbage_bytes_get_400_and_server_stays_up(self):
        for garbage in (b"\x00\x01\x02\x03garbage\r\n\r\n", b"HELLO WORLD\r\n\r\n",
                        b"GET / HTTP/9.9\r\n\r\n", b"GET /%zz HTTP/1.1\r\nHost: t\r\n\r\n",
                        b"POST /api/v1/tickets HTTP/1.1\r\nContent-Length: nope\r\n\r\n"):
            with self.subTest(garbage=garbage):
                r = raw_exchange(self.server.port, garbage)
                self.assertIsNotNone(r, "no answer to %r" % garbage)
                self.assertProblem(r, 400)
                self.assertTrue(self.server.healthy())

    def test_binary_noise_does_not_crash_the_server(self):
        import random
        rnd = random.Random(1234)
        for _ in range(20):
            noise = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 400)))
            s = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
            try:
                s.sendall(noise + b"\r\n\r\n")
                s.settimeout(2)
                try:
                    s.recv(4096)
                except OSError:
                    pass
            finally:
                s.close()
        self.assertTrue(self.server.healthy())

    def test_server_serves_others_while_a_client_sends_a_partial_header(self):
        slow = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        try:
            slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ")
            start = time.monotonic()
            answers = []

            def hit():
                answers.append(self.server.client().get("/healthz").status)

            threads = [threading.Thread(target=hit) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(10)
            self.assertEqual(answers, [200] * 8)
            self.assertLess(time.monotonic() - start, 5)
        finally:
            slow.close()

    def test_partial_header_that_goes_quiet_is_closed_within_the_header_timeout(self):
        slow = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        try:
            slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ")
            start = time.monotonic()
            slow.settimeout(16)
            closed = False
            try:
                while True:
                    data = slow.recv(4096)
                    if not data:
                        closed = True
                        break
            except ConnectionResetError:
                closed = True
            except socket.timeout:
                closed = False
            elapsed = time.monotonic() - start
            self.assertTrue(closed, "the server kept a half-sent request open for %.1f s" % elapsed)
            self.assertLess(elapsed, 15)
        finally:
            slow.close()


if __name__ == "__main__":
    unittest.main()
