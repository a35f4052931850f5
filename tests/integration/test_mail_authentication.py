"""Focus of this file: inbound mail believes a From: address only when the receiving MTA
vouched for it (Authentication-Results of the trusted authserv-id). A forged customer joins
their ticket marked unverified and adds no Cc; a forged agent never speaks to the customer as
staff (an internal note instead); authenticated mail behaves as before; and without a trusted id
configured, customers behave as before while staff addresses still never reply by mail. The
SMTP peer is a real server (python3-aiosmtpd), so "nothing was mailed" is observed, not assumed."""

import unittest

from harness import Server, unique
from test_mail_outbound import Capture, body_text, free_port, mailgate

TRUSTED = "mx.desk.example"


def raw_mail(sender, subject, body, headers=()):
    lines = ["From: %s" % sender, "To: help@desk.example", "Subject: %s" % subject,
             "Message-ID: <%s@mail.example>" % unique("m"), "Content-Type: text/plain; charset=utf-8"]
    return ("\r\n".join(list(headers) + lines) + "\r\n\r\n" + body + "\r\n").encode()


def passed(sender_domain, authserv_id=TRUSTED):
    return "Authentication-Results: %s; spf=pass smtp.mailfrom=bounce@%s; dmarc=pass header.from=%s" % (
        authserv_id, sender_domain, sender_domain)


class MailAuthenticationCase(unittest.TestCase):
    server_env = {}

    @classmethod
    def setUpClass(cls):
        cls.smtp = Capture(free_port())
        cls.smtp.start()
        env = {"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % cls.smtp.port,
               "FRONTLINE_MAIL_FROM": "Acme Help <help@desk.example>",
               "FRONTLINE_MAIL_RETRY_SECONDS": "1"}
        env.update(cls.server_env)
        cls.server = Server(env=env)
        cls.server.start()
        cls.gate = cls.server.user("agent")
        cls.agent = cls.server.user("agent", email=unique("tina") + "@staff.example", name="Tina Tech")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        try:
            cls.smtp.stop()
        except Exception:
            pass

    def deliver(self, raw):
        rc, err = mailgate(self.server.port, self.gate.token, raw)
        self.assertEqual(rc, 0, err)
        return int(err.split('"ticket_number":', 1)[1].split(",", 1)[0])

    def customer_with_ticket(self, cc=None, authenticated=True):
        customer = self.server.user("customer", email=unique("casey") + "@customer.example")
        headers = [passed("customer.example")] if authenticated else []
        if cc:
            headers.append("Cc: %s" % cc)
        number = self.deliver(raw_mail(customer.email, unique("Printer jam "), "It jams.", headers))
        return customer, number

    def messages(self, client, number):
        r = client.get("/api/v1/tickets/%d/messages" % number)
        self.assertEqual(r.status, 200, r.body)
        return r.body["items"]

    def reply_and_wait(self, number, to):
        """A real staff reply; returns once it reached `to` (mail queued before it has gone too)."""
        text = unique("Try the other tray ")
        self.agent.client.reply(number, text)
        self.smtp.wait_for(lambda r, m: to in r and text in body_text(m), "the reply to " + to)
        return text

    def mailed_to(self, address):
        with self.smtp.lock:
            return [raw for rcpt, raw in self.smtp.messages if address in rcpt]


class TrustedMtaTest(MailAuthenticationCase):
    server_env = {"FRONTLINE_MAIL_AUTHSERV_ID": TRUSTED}

    def test_a_forged_customer_with_a_cc_joins_marked_unverified_and_adds_no_cc(self):
        customer, number = self.customer_with_ticket()
        attacker = unique("mallory") + "@evil.example"
        forged = unique("Please also copy my colleague ")
        n = self.deliver(raw_mail(customer.email, "Re: [#%d] Printer" % number, forged,
                                  ["Cc: %s" % attacker]))
        self.assertEqual(n, number)
        staff_view = [m for m in self.messages(self.agent.client, number) if forged in m["body"]]
        self.assertEqual(len(staff_view), 1)
        self.assertIs(staff_view[0].get("unverified_sender"), True)
        self.assertEqual(staff_view[0]["kind"], "public")
        customer_view = [m for m in self.messages(customer.client, number) if forged in m["body"]]
        self.assertEqual(len(customer_view), 1)
        self.assertNotIn("unverified_sender", customer_view[0])  # staff only
        self.reply_and_wait(number, customer.email)
        self.assertEqual(self.mailed_to(attacker), [], "the forged Cc received the reply")

    def test_a_claim_of_another_authserv_id_counts_for_nothing(self):
        customer, number = self.customer_with_ticket()
        claimed = unique("I am who I say ")
        self.deliver(raw_mail(customer.email, "Re: [#%d]" % number, claimed,
                              [passed("customer.example", authserv_id="evil.example")]))
        mine = [m for m in self.messages(self.agent.client, number) if claimed in m["body"]]
        self.assertIs(mine[0].get("unverified_sender"), True)

    def test_a_forged_agent_is_no_staff_reply_and_nothing_reaches_the_customer(self):
        customer, number = self.customer_with_ticket()
        forged = unique("Your refund is approved, send your bank details ")
        self.deliver(raw_mail("Tina Tech <%s>" % self.agent.email, "Re: [#%d]" % number, forged))
        staff_view = [m for m in self.messages(self.agent.client, number) if forged in m["body"]]
        self.assertEqual(len(staff_view), 1)
        self.assertEqual(staff_view[0]["kind"], "internal")
        self.assertIs(staff_view[0].get("unverified_sender"), True)
        self.assertFalse([m for m in self.messages(customer.client, number) if forged in m["body"]])
        ticket = self.agent.client.get("/api/v1/tickets/%d" % number).body
        self.assertIsNone(ticket.get("first_response_at"), "a forged reply counted as a response")
        self.reply_and_wait(number, customer.email)  # the outbox has passed the forged message
        self.assertFalse([raw for raw in self.mailed_to(customer.email) if forged.encode() in raw])

    def test_authenticated_mail_behaves_as_before(self):
        colleague = unique("colleague") + "@customer.example"
        customer, number = self.customer_with_ticket(cc=colleague)
        mine = self.messages(self.agent.client, number)
        self.assertNotIn("unverified_sender", mine[0])
        self.reply_and_wait(number, colleague)  # the Cc was kept
        answer = unique("Done, it works ")
        self.deliver(raw_mail(self.agent.email, "Re: [#%d]" % number, answer, [passed("staff.example")]))
        self.smtp.wait_for(lambda r, m: customer.email in r and answer in body_text(m),
                           "the agent's reply by mail")
        by_agent = [m for m in self.messages(self.agent.client, number) if answer in m["body"]]
        self.assertEqual(by_agent[0]["kind"], "public")
        self.assertNotIn("unverified_sender", by_agent[0])


class NoTrustedMtaTest(MailAuthenticationCase):
    """No FRONTLINE_MAIL_AUTHSERV_ID: nothing can be verified, so customers behave as before and
    staff addresses never reply by mail."""

    def test_customers_behave_as_before_and_staff_addresses_never_reply_by_mail(self):
        colleague = unique("colleague") + "@customer.example"
        customer, number = self.customer_with_ticket(cc=colleague, authenticated=False)
        self.assertNotIn("unverified_sender", self.messages(self.agent.client, number)[0])
        self.reply_and_wait(number, colleague)
        forged = unique("Closing this, all fixed ")
        self.deliver(raw_mail(self.agent.email, "Re: [#%d]" % number, forged, [passed("staff.example")]))
        mine = [m for m in self.messages(self.agent.client, number) if forged in m["body"]]
        self.assertEqual(mine[0]["kind"], "internal")
        self.assertIs(mine[0].get("unverified_sender"), True)
        self.reply_and_wait(number, customer.email)
        self.assertFalse([raw for raw in self.mailed_to(customer.email) if forged.encode() in raw])


if __name__ == "__main__":
    unittest.main()
