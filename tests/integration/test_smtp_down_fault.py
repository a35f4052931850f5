"""Focus of this file: the SMTP server is down for the length of a test. Tickets opened meanwhile
queue their acknowledgements; the queue survives kill -9 of Frontline while the SMTP server is
still down; once a real SMTP server (python3-aiosmtpd) listens, every acknowledgement arrives,
each exactly once, and none arrives again later."""

import email
import email.policy
import time
import unittest

from harness import Server, unique
from test_mail_outbound import Capture, free_port

BEFORE_KILL = 12
AFTER_KILL = 8
DELIVERY_SECONDS = 60
# After the last acknowledgement, how long to watch for a second copy: several retry periods.
QUIET_SECONDS = 4


class SmtpDownTest(unittest.TestCase):
    def failed_attempts(self, client, number):
        events = client.get("/api/v1/tickets/%d/events" % number).body["items"]
        return [e for e in events if e["type"] == "mail.retrying"]

    def test_mail_queued_while_smtp_is_down_arrives_exactly_once_after_it_returns(self):
        port = free_port()  # nothing listens here until smtp.start()
        smtp = Capture(port)
        env = {"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % port,
               "FRONTLINE_MAIL_FROM": "help@desk.example", "FRONTLINE_MAIL_RETRY_SECONDS": "1",
               "FRONTLINE_MORNING_REPORT_HOUR": "-1"}
        with Server(env=env) as s:
            agent = s.user("agent")
            run = unique("down")
            expected = {}  # requester address -> ticket number

            def open_tickets(n):
                for i in range(n):
                    address = "%s-%d@customer.example" % (run, len(expected))
                    number = agent.client.create_ticket(requester_email=address).body["number"]
                    expected[address] = number

            open_tickets(BEFORE_KILL)
            # Attempts fail while nothing listens (recorded on the ticket) ...
            deadline = time.monotonic() + 30
            while not self.failed_attempts(agent.client, min(expected.values())):
                self.assertLess(time.monotonic(), deadline, "no failed attempt was recorded")
                time.sleep(0.2)
            # ... and the queue outlives a crash of Frontline itself.
            s.kill9()
            s.start()
            open_tickets(AFTER_KILL)
            time.sleep(1.5)  # more failed attempts after the restart
            self.assertEqual(smtp.messages, [])

            smtp.start()
            try:
                deadline = time.monotonic() + DELIVERY_SECONDS
                while time.monotonic() < deadline:
                    with smtp.lock:
                        arrived = {r for rcpt, _ in smtp.messages for r in rcpt}
                    if set(expected) <= arrived:
                        break
                    time.sleep(0.2)
                time.sleep(QUIET_SECONDS)
                with smtp.lock:
                    messages = list(smtp.messages)
            finally:
                smtp.stop()

        copies = {}
        for rcpt, raw in messages:
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            for r in rcpt:
                copies.setdefault(r, []).append(msg["Subject"])
        missing = sorted(a for a in expected if a not in copies)
        self.assertEqual(missing, [], "acknowledgements lost while SMTP was down")
        duplicated = {a: subjects for a, subjects in copies.items() if len(subjects) != 1}
        self.assertEqual(duplicated, {}, "acknowledgements sent more than once")
        for address, number in expected.items():
            self.assertIn("[#%d]" % number, copies[address][0])
        print("\nSMTP down: %d acknowledgements queued (kill -9 in between), %d delivered, each once"
              % (len(expected), len(copies)))


if __name__ == "__main__":
    unittest.main()
