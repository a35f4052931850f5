"""Focus of this file: mail in through a real MTA, as production runs it — swaks submits to a
private Postfix whose alias pipes to `frontline mailgate`; when the help desk is down the
gateway answers EX_TEMPFAIL, Postfix keeps the message queued, and it arrives once the help
desk is back. Nothing is lost."""

import os
import shutil
import stat
import time
import unittest

import postfix
from harness import Server, frontline_bin, unique

WAIT_SECONDS = 60


@unittest.skipUnless(postfix.available(), "needs root, Debian's postfix and swaks")
class PostfixPipeTest(unittest.TestCase):
    def setUp(self):
        self.server = Server()
        self.server.start()
        self.addCleanup(self.server.close)
        self.gate = self.server.user("agent")
        self.agent = self.server.user("agent")
        # The alias runs as nobody: give it its own copy of the binary and a wrapper with the
        # token (a production install would use FRONTLINE_MAILGATE_TOKEN in Postfix's env).
        self.bin_dir = os.path.join(self.server.workdir, "mta")
        os.makedirs(self.bin_dir)
        os.chmod(self.server.workdir, 0o755)
        os.chmod(self.bin_dir, 0o755)
        binary = os.path.join(self.bin_dir, "frontline")
        shutil.copy(frontline_bin(), binary)
        os.chmod(binary, 0o755)
        self.wrapper = os.path.join(self.bin_dir, "mailgate.sh")
        self.write_wrapper(self.server.port)
        self.mta = postfix.Postfix(self.wrapper).start()
        self.addCleanup(self.mta.stop)

    def write_wrapper(self, port):
        with open(self.wrapper, "w") as f:
            f.write("#!/bin/sh\nASAN_OPTIONS=detect_leaks=0 exec %s mailgate --url http://127.0.0.1:%d --token %s\n"
                    % (os.path.join(self.bin_dir, "frontline"), port, self.gate.token))
        os.chmod(self.wrapper, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)

    def wait_for_ticket(self, sender):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            items = self.agent.client.get("/api/v1/tickets?requester=" + sender).body.get("items", [])
            if items:
                return items[0]
            time.sleep(0.3)
        raise AssertionError("no ticket from %s; postfix log:\n%s" % (sender, self.mta.log()[-3000:]))

    def test_mail_submitted_to_postfix_reaches_the_help_desk_through_the_pipe_alias(self):
        sender = unique("mta") + "@customer.example"
        self.assertEqual(self.mta.send(sender, "Monitor flickers", "Since the update."), 0)
        t = self.wait_for_ticket(sender)
        self.assertEqual(t["subject"], "Monitor flickers")
        self.assertEqual(t["channel"], "email")

    def test_while_the_help_desk_is_down_postfix_keeps_the_message_and_delivers_it_later(self):
        self.server.stop()
        sender = unique("patient") + "@customer.example"
        self.assertEqual(self.mta.send(sender, "Sent during an outage", "Please keep it."), 0)
        deadline = time.monotonic() + WAIT_SECONDS
        while "status=deferred" not in self.mta.log() and time.monotonic() < deadline:
            time.sleep(0.3)
        self.assertIn("status=deferred", self.mta.log())
        self.assertFalse(self.mta.queue_is_empty())
        self.server.start()  # a new port: point the alias's wrapper at it
        self.write_wrapper(self.server.port)
        self.mta.flush()
        t = self.wait_for_ticket(sender)
        self.assertEqual(t["subject"], "Sent during an outage")
        deadline = time.monotonic() + WAIT_SECONDS
        while not self.mta.queue_is_empty() and time.monotonic() < deadline:
            time.sleep(0.3)
        self.assertTrue(self.mta.queue_is_empty())


if __name__ == "__main__":
    unittest.main()
