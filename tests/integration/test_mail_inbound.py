"""Focus of this file: email in — `frontline mailgate` (the real binary, as an MTA pipe alias
runs it) hands messages to the server: new tickets, threading by [#N] and by Message-ID,
duplicates, loops, automatic replies, bounces, unknown and known senders, sysexits codes, and
the MIME corpus Debian's Python test suite ships."""

import email.utils
import glob
import os
import subprocess
import unittest

from harness import Server, ServerTestCase, frontline_bin, base_env, unique

CORPUS = "/usr/lib/python3.11/test/test_email/data"
EX_OK, EX_DATAERR, EX_TEMPFAIL = 0, 65, 75


def mailgate(url, token, raw, timeout=60):
    p = subprocess.run([frontline_bin(), "mailgate", "--url", url, "--token", token],
                       input=raw, capture_output=True, timeout=timeout, env=base_env())
    return p.returncode, p.stderr.decode("utf-8", "replace")


def message(sender, subject, body="Hello", headers=None, message_id=None):
    lines = ["From: %s" % sender, "To: help@desk.example", "Subject: %s" % subject,
             "Date: %s" % email.utils.formatdate(),
             "Message-ID: <%s>" % (message_id or unique("m") + "@mail.example"),
             "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]
    lines += ["%s: %s" % kv for kv in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


class MailInboundTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.gate = s.user("agent")  # the account the mail gateway signs in as
        cls.agent = s.user("agent")
        cls.url = "http://127.0.0.1:%d" % s.port

    def deliver(self, raw, expect=EX_OK):
        rc, err = mailgate(self.url, self.gate.token, raw)
        self.assertEqual(rc, expect, err)
        return err

    def ticket(self, number):
        r = self.agent.client.get("/api/v1/tickets/%d" % number)
        self.assertEqual(r.status, 200, r.body)
        return r.body

    def messages(self, number):
        return self.agent.client.get("/api/v1/tickets/%d/messages" % number).body["items"]

    def newest_ticket_of(self, address):
        r = self.agent.client.get("/api/v1/tickets?requester=" + address)
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.body["items"], "no ticket for " + address)
        return r.body["items"][0]

    def new_ticket_by_mail(self, **kw):
        sender = kw.pop("sender", None) or unique("cust") + "@customer.example"
        subject = kw.pop("subject", None) or unique("Printer jam ")
        mid = unique("first") + "@customer.example"
        self.deliver(message(sender, subject, message_id=mid, **kw))
        return self.newest_ticket_of(sender), sender, mid

    def resolve(self, number):
        r = self.agent.client.patch("/api/v1/tickets/%d" % number, {"status": "resolved"})
        self.assertEqual(r.status, 200, r.body)

    def test_mail_from_an_unknown_sender_opens_an_email_ticket_for_a_new_customer(self):
        sender = unique("Ann.Smith") + "@Customer.Example"
        subject = unique("VPN down ")
        err = self.deliver(message("Ann Smith <%s>" % sender, subject, body="Since 9am."))
        self.assertIn('"outcome":"created"', err)
        t = self.newest_ticket_of(sender.lower())
        self.assertEqual(t["subject"], subject)
        self.assertEqual(t["channel"], "email")
        self.assertEqual(t["requester"]["email"], sender.lower())
        self.assertEqual(t["requester"]["name"], "Ann Smith")
        self.assertIn("Since 9am.", self.messages(t["number"])[0]["body"])
        users = self.agent.client.get("/api/v1/users?q=" + sender.lower()).body["items"]
        self.assertEqual(users[0]["role"], "customer")
        self.assertFalse(users[0]["verified"])

    def test_the_sender_not_the_gateway_account_wrote_the_first_message(self):
        sender = unique("author") + "@customer.example"
        self.deliver(message("Ann Author <%s>" % sender, unique("Authorship ")))
        t = self.newest_ticket_of(sender)
        first = self.messages(t["number"])[0]
        self.assertEqual(first["author"]["name"], "Ann Author")
        events = self.agent.client.get("/api/v1/tickets/%d/events" % t["number"]).body["items"]
        created = [e for e in events if e["type"] == "ticket.created"][0]
        self.assertEqual(created["actor_id"], t["requester"]["id"])
        self.assertNotEqual(created["actor_id"], self.gate.id)

    def test_known_senders_organisation_is_attached(self):
        org = unique("Acme ")
        uid, address, _ = self.server.create_user(role="customer", org=org)
        t, _, _ = self.new_ticket_by_mail(sender=address)
        self.assertIsNotNone(t["organization_id"])
        orgs = self.agent.client.get("/api/v1/organizations").body["items"]
        self.assertEqual([o["name"] for o in orgs if o["id"] == t["organization_id"]], [org])

    def test_subject_reference_appends_and_reopens_a_resolved_ticket(self):
        t, sender, _ = self.new_ticket_by_mail()
        self.resolve(t["number"])
        self.deliver(message(sender, "Re: [#%d] still broken" % t["number"], body="Still jammed"))
        self.assertEqual(self.ticket(t["number"])["status"], "open")
        bodies = [m["body"] for m in self.messages(t["number"])]
        self.assertIn("Still jammed", bodies[-1])

    def test_in_reply_to_a_stored_message_threads_without_a_subject_reference(self):
        t, sender, first_id = self.new_ticket_by_mail()
        self.deliver(message(sender, "Re: no number here", body="More details",
                             headers={"In-Reply-To": "<%s>" % first_id}))
        self.assertEqual(len(self.messages(t["number"])), 2)

    def test_a_redelivered_message_does_not_create_a_second_ticket(self):
        sender = unique("dup") + "@customer.example"
        raw = message(sender, unique("Once only "))
        self.deliver(raw)
        err = self.deliver(raw)
        self.assertIn('"outcome":"duplicate"', err)
        r = self.agent.client.get("/api/v1/tickets?requester=" + sender)
        self.assertEqual(len(r.body["items"]), 1)

    def test_loops_and_bulk_mail_open_no_ticket(self):
        for headers in [{"Auto-Submitted": "auto-generated"}, {"Precedence": "bulk"},
                        {"Precedence": "list"}, {"X-Frontline-Loop": "1"}]:
            sender = unique("robot") + "@robots.example"
            err = self.deliver(message(sender, "Notification", headers=headers))
            self.assertIn('"outcome":"ignored"', err, headers)
            r = self.agent.client.get("/api/v1/users?q=" + sender)
            self.assertEqual(r.body["items"], [], "a loop created a customer: %s" % headers)

    def test_out_of_office_reply_is_recorded_but_does_not_reopen(self):
        t, sender, _ = self.new_ticket_by_mail()
        self.resolve(t["number"])
        self.deliver(message(sender, "Out of Office: [#%d]" % t["number"], body="Back Monday",
                             headers={"Auto-Submitted": "auto-replied"}))
        self.assertEqual(self.ticket(t["number"])["status"], "resolved")
        self.assertIn("Back Monday", self.messages(t["number"])[-1]["body"])

    def test_out_of_office_reply_to_no_ticket_opens_none(self):
        sender = unique("away") + "@customer.example"
        err = self.deliver(message(sender, "Automatic reply: hello", headers={"X-Autoreply": "yes"}))
        self.assertIn('"outcome":"ignored"', err)

    def test_bounce_is_recorded_on_its_ticket_without_reopening(self):
        t, sender, first_id = self.new_ticket_by_mail()
        self.resolve(t["number"])
        dsn = ("From: MAILER-DAEMON@mx.example\r\nTo: help@desk.example\r\n"
               "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <%s>\r\n"
               "MIME-Version: 1.0\r\nContent-Type: multipart/report; "
               "report-type=delivery-status; boundary=RB\r\n\r\n"
               "--RB\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
               "--RB\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
               "Final-Recipient: rfc822; %s\r\nAction: failed\r\nStatus: 5.1.1\r\n"
               "--RB\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <%s>\r\n"
               "--RB--\r\n") % (unique("dsn") + "@mx.example", sender, first_id)
        err = self.deliver(dsn.encode())
        self.assertIn('"outcome":"bounce_recorded"', err)
        self.assertEqual(self.ticket(t["number"])["status"], "resolved")
        events = self.agent.client.get("/api/v1/tickets/%d/events" % t["number"]).body["items"]
        bounced = [e for e in events if e["type"] == "mail.bounced"]
        self.assertEqual(len(bounced), 1)
        self.assertEqual(bounced[0]["data"]["status"], "failed 5.1.1")

    def test_a_stranger_quoting_a_ticket_number_gets_a_new_ticket(self):
        t, _, _ = self.new_ticket_by_mail()
        stranger = unique("stranger") + "@elsewhere.example"
        err = self.deliver(message(stranger, "Re: [#%d] let me in" % t["number"], body="hi"))
        self.assertIn('"outcome":"created"', err)
        self.assertEqual(len(self.messages(t["number"])), 1)
        self.assertNotEqual(self.newest_ticket_of(stranger)["number"], t["number"])

    def test_reply_to_a_closed_ticket_opens_a_follow_up(self):
        t, sender, _ = self.new_ticket_by_mail()
        self.resolve(t["number"])
        self.assertEqual(self.agent.client.patch("/api/v1/tickets/%d" % t["number"],
                                                 {"status": "closed"}).status, 200)
        err = self.deliver(message(sender, "Re: [#%d] it is back" % t["number"]))
        self.assertIn('"outcome":"created"', err)
        self.assertEqual(len(self.messages(t["number"])), 1)

    def test_customers_tokens_may_not_hand_in_mail_and_the_mta_retries(self):
        customer = self.server.user("customer")
        rc, err = mailgate(self.url, customer.token, message("x@y.example", "hi"))
        self.assertEqual(rc, EX_TEMPFAIL, err)

    def test_unreachable_server_is_a_temporary_failure(self):
        rc, err = mailgate("http://127.0.0.1:9", self.gate.token, message("x@y.example", "hi"))
        self.assertEqual(rc, EX_TEMPFAIL, err)

    def test_every_message_of_the_python_mime_corpus_is_ingested_without_a_crash(self):
        files = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
        self.assertGreater(len(files), 40, "Debian's libpython3.11-testsuite is missing")
        outcomes = {}
        for path in files:
            with open(path, "rb") as f:
                rc, err = mailgate(self.url, self.gate.token, f.read())
            self.assertEqual(rc, EX_OK, "%s: %s" % (path, err))
            outcome = err.split('"outcome":"', 1)[1].split('"', 1)[0]
            outcomes[os.path.basename(path)] = outcome
        self.assertEqual(self.agent.client.get("/healthz").status, 200)
        self.assertGreater(list(outcomes.values()).count("created"), 30, outcomes)


class MailSizeLimitTest(unittest.TestCase):
    def test_a_message_over_the_limit_is_refused_for_good_so_the_mta_bounces_it(self):
        with Server(env={"FRONTLINE_MAX_UPLOAD_BYTES": "65536"}) as s:
            gate = s.user("agent")
            url = "http://127.0.0.1:%d" % s.port
            big = message("big@x.example", "Huge", body="x" * (2 * 1024 * 1024))
            rc, err = mailgate(url, gate.token, big)
            self.assertEqual(rc, EX_DATAERR, err)
            self.assertIn("413", err)
            rc, err = mailgate(url, gate.token, message("small@x.example", "Small"))
            self.assertEqual(rc, EX_OK, err)


class MailCpuBudgetTest(unittest.TestCase):
    def test_a_message_over_its_cpu_budget_is_stored_raw_once_and_never_retried(self):
        with Server(env={"FRONTLINE_MAIL_PARSE_BUDGET_MS": "1"}) as s:
            gate = s.user("agent")
            url = "http://127.0.0.1:%d" % s.port
            sender = unique("slow") + "@customer.example"
            mid = unique("slow") + "@customer.example"
            raw = message(sender, "Invoice", body="<p>" + "&" * (4 * 1024 * 1024),
                          headers={"Content-Type": "text/html"}, message_id=mid)
            raw = raw.replace(b"Content-Type: text/plain; charset=utf-8\r\n", b"", 1)
            rc, err = mailgate(url, gate.token, raw)
            self.assertEqual(rc, EX_OK, err)
            self.assertIn('"outcome":"created"', err)
            number = int(err.split('"ticket_number":', 1)[1].split(",", 1)[0])
            msgs = gate.client.get("/api/v1/tickets/%d/messages" % number).body["items"]
            self.assertIn("could not be read in time", msgs[0]["body"])
            self.assertEqual([a["filename"] for a in msgs[0]["attachments"]], ["original.eml"])
            ticket = gate.client.get("/api/v1/tickets/%d" % number).body
            self.assertEqual(ticket["requester"]["email"], sender)
            # The MTA delivering it again (it got 0, but say it did) changes nothing.
            rc, err = mailgate(url, gate.token, raw)
            self.assertEqual(rc, EX_OK, err)
            self.assertIn('"outcome":"duplicate"', err)


if __name__ == "__main__":
    unittest.main()
