"""A private Dovecot IMAP server for tests: its own config, run and mail folders in a temporary
directory, listening on 127.0.0.1 on a free port, one user with a plain password, messages
delivered by writing Maildir files. Needs root (the master drops to `nobody` for the mailbox)
and Debian's dovecot-imapd; started and stopped by the test itself."""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid

DOVECOT = "/usr/sbin/dovecot"
USER = "help@desk.example"
PASSWORD = "imap-secret-1"

CONFIG = """protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


def available():
    return os.path.exists(DOVECOT) and os.geteuid() == 0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Dovecot:
    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="frontline-dovecot-")
        os.chmod(self.root, 0o755)
        self.port = free_port()
        self.proc = None
        nobody = pwd.getpwnam("nobody")
        self.uid, self.gid = nobody.pw_uid, nobody.pw_gid
        self.maildir = os.path.join(self.root, "home", USER, "Maildir")

    @property
    def url(self):
        return "imap://127.0.0.1:%d/INBOX" % self.port

    def start(self):
        for d in ("run", "state"):
            os.makedirs(os.path.join(self.root, d))
        for d in ("new", "cur", "tmp"):
            os.makedirs(os.path.join(self.maildir, d))
        for dirpath, _, _ in os.walk(os.path.join(self.root, "home")):
            os.chown(dirpath, self.uid, self.gid)
        with open(os.path.join(self.root, "passwd"), "w") as f:
            f.write("%s:{PLAIN}%s\n" % (USER, PASSWORD))
        conf = os.path.join(self.root, "dovecot.conf")
        with open(conf, "w") as f:
            f.write(CONFIG.format(root=self.root, uid=self.uid, gid=self.gid, port=self.port))
        self.proc = subprocess.Popen([DOVECOT, "-F", "-c", conf], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("dovecot did not start: %s" % self.log())

    def log(self):
        try:
            with open(os.path.join(self.root, "dovecot.log")) as f:
                return f.read()
        except OSError:
            return ""

    def deliver(self, raw):
        """Puts a message in the INBOX as new (unseen)."""
        name = "%d.%s.test" % (time.time(), uuid.uuid4().hex)
        tmp = os.path.join(self.maildir, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(raw)
        os.chown(tmp, self.uid, self.gid)
        os.rename(tmp, os.path.join(self.maildir, "new", name))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.root, ignore_errors=True)
