"""Focus of this file: email out — acknowledgements with the ticket number, staff replies that
thread (Message-ID, In-Reply-To, References, [#N]), assignment notices, internal notes never
sent, retries while the SMTP server is down, delivery visible on the ticket, and the full round
trip with mail in. The SMTP peer is a real server: Debian's python3-aiosmtpd on loopback."""

import email
import email.policy
import socket
import subprocess
import threading
import time
import unittest

from aiosmtpd.controller import Controller

from harness import Server, base_env, frontline_bin, unique

WAIT_SECONDS = 30


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Capture:
    """An SMTP server that keeps every message it accepts."""

    def __init__(self, port):
        self.port = port
        self.messages = []  # (envelope recipients, raw bytes)
        self.lock = threading.Lock()
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 OK"

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def wait_for(self, predicate, what):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            with self.lock:
                for rcpt, raw in self.messages:
                    msg = email.message_from_bytes(raw, policy=email.policy.default)
                    if predicate(rcpt, msg):
                        return msg, raw
            time.sleep(0.1)
        raise AssertionError("no mail arrived: " + what)

    def all_text(self):
        with self.lock:
            return b"\n".join(raw for _, raw in self.messages)


def mailgate(port, token, raw):
    p = subprocess.run([frontline_bin(), "mailgate", "--url", "http://127.0.0.1:%d" % port,
                        "--token", token], input=raw, capture_output=True, timeout=60, env=base_env())
    return p.returncode, p.stderr.decode("utf-8", "replace")


def body_text(msg):
    return msg.get_body(preferencelist=("plain",)).get_content()


class MailOutboundTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = Capture(free_port())
        cls.smtp.start()
        cls.server = Server(env={"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % cls.smtp.port,
                                 "FRONTLINE_MAIL_FROM": "Acme Help <help@desk.example>",
                                 "FRONTLINE_MAIL_RETRY_SECONDS": "1"})
        cls.server.start()
        cls.gate = cls.server.user("agent")
        cls.agent = cls.server.user("agent", name="Tina Tech")
        cls.agent2 = cls.server.user("agent", name="Otto Other")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        try:
            cls.smtp.stop()
        except Exception:
            pass

    def mail_in(self, sender, subject, body, extra=""):
        mid = unique("in") + "@customer.example"
        raw = ("From: Casey Customer <%s>\r\nTo: help@desk.example\r\nSubject: %s\r\n"
               "Message-ID: <%s>\r\n%sContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n"
               % (sender, subject, mid, extra, body)).encode()
        rc, err = mailgate(self.server.port, self.gate.token, raw)
        self.assertEqual(rc, 0, err)
        number = int(err.split('"ticket_number":', 1)[1].split(",", 1)[0])
        return number, mid

    def events(self, number):
        return self.agent.client.get("/api/v1/tickets/%d/events" % number).body["items"]

    def test_round_trip_ack_reply_and_the_customers_answer_land_on_one_ticket(self):
        customer = unique("casey") + "@customer.example"
        subject = unique("Laptop fan loud ")
        number, first_id = self.mail_in(customer, subject, "It is very loud.")

        ack, _ = self.smtp.wait_for(lambda r, m: customer in r and "[#%d]" % number in m["Subject"],
                                    "acknowledgement")
        self.assertIn(subject, ack["Subject"])
        self.assertIn("#%d" % number, body_text(ack))
        self.assertEqual(ack["In-Reply-To"], "<%s>" % first_id)
        self.assertEqual(ack["Auto-Submitted"], "auto-replied")
        self.assertEqual(ack["X-Frontline-Loop"], "1")
        self.assertIn("help@desk.example", ack["From"])

        reply_text = unique("Please update the BIOS ")
        self.agent.client.reply(number, reply_text)
        reply, _ = self.smtp.wait_for(lambda r, m: customer in r and reply_text in body_text(m),
                                      "the technician's reply")
        self.assertTrue(reply["Subject"].startswith("Re: [#%d]" % number), reply["Subject"])
        self.assertEqual(reply["Auto-Submitted"], "no")
        refs = reply["References"].split()
        self.assertIn("<%s>" % first_id, refs)
        self.assertIn(ack["Message-ID"], refs)
        self.assertEqual(reply["In-Reply-To"], refs[-1])

        # The customer answers that mail; no ticket number in the subject, only the threading.
        answer = unique("Updated, still loud ")
        n2, _ = self.mail_in(customer, "Re: your mail", answer,
                             "In-Reply-To: %s\r\nReferences: %s\r\n" % (reply["Message-ID"], reply["References"]))
        self.assertEqual(n2, number)
        bodies = [m["body"] for m in self.agent.client.get("/api/v1/tickets/%d/messages" % number).body["items"]]
        self.assertIn(answer, bodies[-1])

        sent = [e for e in self.events(number) if e["type"] == "mail.sent"]
        self.assertGreaterEqual(len(sent), 2)
        self.assertTrue({"acknowledgement", "reply"}.issubset({e["data"]["kind"] for e in sent}), sent)

    def test_people_in_cc_of_the_first_mail_receive_the_replies_too(self):
        customer = unique("cc-owner") + "@customer.example"
        colleague = unique("cc-colleague") + "@customer.example"
        number, _ = self.mail_in(customer, unique("Shared printer "), "Both of us are affected.",
                                 "Cc: Colleague <%s>\r\n" % colleague)
        reply_text = unique("Fixed the queue ")
        self.agent.client.reply(number, reply_text)
        for who in (customer, colleague):
            msg, _ = self.smtp.wait_for(lambda r, m: who in r and reply_text in body_text(m),
                                        "the reply to " + who)
            self.assertIn("[#%d]" % number, msg["Subject"])
        with self.smtp.lock:
            acks = [r for r, raw in self.smtp.messages if colleague in r and b"received your request" in raw]
        self.assertEqual(acks, [], "the acknowledgement goes to the requester only")

    def test_a_new_ticket_sends_one_acknowledgement_and_no_copy_of_its_own_description(self):
        for how in ("mail", "phone"):
            customer = unique("once-" + how) + "@customer.example"
            description = unique("The description itself ")
            if how == "mail":
                number, _ = self.mail_in(customer, unique("Once "), description)
            else:
                number = self.agent.client.create_ticket(requester_email=customer, body=description,
                                                         channel="phone").body["number"]
            self.smtp.wait_for(lambda r, m: customer in r and "[#%d]" % number in m["Subject"], "ack")
            marker = unique("later reply ")
            self.agent.client.reply(number, marker)
            self.smtp.wait_for(lambda r, m: customer in r and marker in body_text(m), "the later reply")
            with self.smtp.lock:
                to_customer = [raw for r, raw in self.smtp.messages if customer in r]
            self.assertEqual(len(to_customer), 2, how)  # the acknowledgement and the reply
            self.assertFalse(any(description.encode() in raw for raw in to_customer), how)

    def test_replies_carry_an_html_alternative_where_what_people_wrote_stays_text(self):
        customer = unique("html") + "@customer.example"
        number, _ = self.mail_in(customer, unique("HTML "), "hi")
        marker = unique("marker")
        self.agent.client.reply(number, "%s <script>alert(1)</script> & co\nsecond line" % marker)
        msg, _ = self.smtp.wait_for(lambda r, m: customer in r and marker in body_text(m), "reply")
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        html = msg.get_body(preferencelist=("html",)).get_content()
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co<br>", html)
        self.assertNotIn("<script>", html)
        self.assertIn("<script>alert(1)</script>", body_text(msg))  # the text part is plain text

    def test_internal_notes_are_never_mailed(self):
        customer = unique("nora") + "@customer.example"
        number, _ = self.mail_in(customer, unique("Note test "), "hello")
        secret = unique("suspect the customer spilled coffee ")
        r = self.agent.client.post("/api/v1/tickets/%d/messages" % number, {"kind": "internal", "body": secret})
        self.assertEqual(r.status, 201, r.body)
        marker = unique("public after the note ")
        self.agent.client.reply(number, marker)
        self.smtp.wait_for(lambda r, m: marker in body_text(m), "the public reply after the note")
        self.assertNotIn(secret.encode(), self.smtp.all_text())

    def test_an_assignment_notice_goes_to_the_technician_given_the_ticket(self):
        number = self.agent.client.create_ticket(requester_email=unique("r") + "@customer.example").body["number"]
        r = self.agent.client.patch("/api/v1/tickets/%d" % number, {"assignee_id": self.agent2.id})
        self.assertEqual(r.status, 200, r.body)
        notice, _ = self.smtp.wait_for(
            lambda r, m: self.agent2.email in r and "[#%d]" % number in m["Subject"], "assignment notice")
        self.assertIn("assigned to you", notice["Subject"])
        self.assertEqual(notice["Auto-Submitted"], "auto-generated")

    def test_taking_a_ticket_yourself_sends_no_notice(self):
        number = self.agent.client.create_ticket(requester_email=unique("r") + "@customer.example").body["number"]
        self.agent.client.patch("/api/v1/tickets/%d" % number, {"assignee_id": self.agent.id})
        marker = unique("after taking ")
        self.agent.client.reply(number, marker)
        self.smtp.wait_for(lambda r, m: marker in body_text(m), "the reply after taking it")
        with self.smtp.lock:
            notices = [1 for r, raw in self.smtp.messages
                       if self.agent.email in r and ("[#%d]" % number).encode() in raw]
        self.assertEqual(notices, [])

    def test_our_own_mail_coming_back_is_a_loop(self):
        customer = unique("echo") + "@customer.example"
        number, _ = self.mail_in(customer, unique("Echo "), "hi")
        _, raw = self.smtp.wait_for(lambda r, m: customer in r and "[#%d]" % number in m["Subject"], "ack")
        # As sent: its Message-ID is on file, so it changes nothing.
        rc, err = mailgate(self.server.port, self.gate.token, raw)
        self.assertEqual(rc, 0, err)
        self.assertIn('"outcome":"duplicate"', err)
        # Re-sent by a forwarding system under a new Message-ID: our loop header stops it.
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        msg.replace_header("Message-ID", "<%s@relay.example>" % unique("relayed"))
        rc, err = mailgate(self.server.port, self.gate.token, msg.as_bytes())
        self.assertEqual(rc, 0, err)
        self.assertIn('"outcome":"ignored"', err)
        messages = self.agent.client.get("/api/v1/tickets/%d/messages" % number).body["items"]
        self.assertEqual(len(messages), 1)


class MailTemplatesTest(unittest.TestCase):
    """Admins reword outgoing mail; the next mail uses it; reset restores the built-in text."""

    def test_an_edited_acknowledgement_is_previewed_saved_used_and_reset(self):
        smtp = Capture(free_port())
        smtp.start()
        env = {"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % smtp.port,
               "FRONTLINE_MAIL_FROM": "help@desk.example", "FRONTLINE_MAIL_RETRY_SECONDS": "1"}
        try:
            with Server(env=env) as s:
                admin = s.admin()
                agent = s.user("agent")
                items = admin.get("/api/v1/mail/templates").body["items"]
                self.assertEqual([t["kind"] for t in items], ["acknowledgement", "reply", "assignment", "transcript", "invitation",
                                                      "escalation", "promise_reminder", "replacement"])
                self.assertFalse(any(t["customised"] for t in items))
                text = {"subject": "[#{{ticket_number}}] Got it: {{subject}}",
                        "body": "Hi {{recipient_name}}, ticket {{ticket_number}} is ours now.",
                        "html": "<p>Hi <b>{{recipient_name}}</b></p>"}
                preview = admin.post("/api/v1/mail/templates/acknowledgement/preview", text)
                self.assertEqual(preview.status, 200, preview.body)
                self.assertEqual(preview.body["subject"], "[#1042] Got it: Printer on floor 3 shows error 50.4")
                self.assertIn("Hi Casey Customer, ticket 1042", preview.body["body"])
                self.assertEqual(preview.body["html"], "<p>Hi <b>Casey Customer</b></p>")
                r = admin.request("PUT", "/api/v1/mail/templates/acknowledgement", text)
                self.assertEqual(r.status, 200, r.body)
                self.assertTrue(r.body["customised"])

                customer = unique("tmpl") + "@customer.example"
                number = agent.client.create_ticket(requester_email=customer, subject="Dock").body["number"]
                msg, _ = smtp.wait_for(lambda rc, m: customer in rc, "the reworded acknowledgement")
                self.assertEqual(msg["Subject"], "[#%d] Got it: Dock" % number)
                self.assertIn("ticket %d is ours now" % number, body_text(msg))
                self.assertIn("<b>", msg.get_body(preferencelist=("html",)).get_content())

                r = admin.delete("/api/v1/mail/templates/acknowledgement")
                self.assertEqual(r.status, 200, r.body)
                self.assertFalse(r.body["customised"])
                self.assertIn("we have received your request", r.body["body"])
        finally:
            smtp.stop()

    def test_every_template_problem_is_named_at_once_including_unknown_placeholders(self):
        with Server() as s:
            r = s.admin().request("PUT", "/api/v1/mail/templates/reply",
                                  {"subject": "", "body": "Hi {{ body }} {{nope}}"})
            self.assertEqual(r.status, 422, r.body)
            fields = {e["field"]: e["message"] for e in r.body["errors"]}
            self.assertIn("subject", fields)
            self.assertIn("{{ body }}", fields["body"])
            self.assertIn("{{nope}}", fields["body"])

    def test_templates_are_for_admins_and_must_keep_the_ticket_reference(self):
        with Server() as s:
            agent = s.user("agent")
            self.assertEqual(agent.client.get("/api/v1/mail/templates").status, 403)
            admin = s.admin()
            r = admin.request("PUT", "/api/v1/mail/templates/reply", {"subject": "Re: {{subject}}", "body": "x"})
            self.assertEqual(r.status, 422, r.body)
            self.assertEqual(r.body["errors"][0]["field"], "subject")
            r = admin.request("PUT", "/api/v1/mail/templates/fax", {"subject": "[#{{ticket_number}}]", "body": "x"})
            self.assertEqual(r.status, 404)


class SmtpOutageTest(unittest.TestCase):
    def test_mail_waits_while_the_smtp_server_is_down_and_goes_out_when_it_returns(self):
        port = free_port()
        smtp = Capture(port)
        env = {"FRONTLINE_SMTP_URL": "smtp://127.0.0.1:%d" % port,
               "FRONTLINE_MAIL_FROM": "help@desk.example", "FRONTLINE_MAIL_RETRY_SECONDS": "1"}
        with Server(env=env) as s:
            agent = s.user("agent")
            customer = unique("patient") + "@customer.example"
            number = agent.client.create_ticket(requester_email=customer).body["number"]
            deadline = time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline:
                events = agent.client.get("/api/v1/tickets/%d/events" % number).body["items"]
                retrying = [e for e in events if e["type"] == "mail.retrying"]
                if retrying:
                    break
                time.sleep(0.2)
            self.assertTrue(retrying, "no failed attempt was recorded on the ticket")
            self.assertIn("SMTP", retrying[0]["data"]["error"])
            smtp.start()
            try:
                msg, _ = smtp.wait_for(lambda r, m: customer in r, "the acknowledgement after the outage")
                self.assertIn("[#%d]" % number, msg["Subject"])
                events = agent.client.get("/api/v1/tickets/%d/events" % number).body["items"]
                deadline = time.monotonic() + WAIT_SECONDS
                while not [e for e in events if e["type"] == "mail.sent"] and time.monotonic() < deadline:
                    time.sleep(0.2)
                    events = agent.client.get("/api/v1/tickets/%d/events" % number).body["items"]
                self.assertTrue([e for e in events if e["type"] == "mail.sent"])
            finally:
                smtp.stop()


if __name__ == "__main__":
    unittest.main()
