"""A private Postfix for tests: its own configuration, queue and log in a temporary directory,
SMTP on 127.0.0.1 on a free port, and one alias, help@desk.example, piped to a command (as a
production install pipes it to `frontline mailgate`). Needs root and Debian's postfix; started
and stopped by the test itself (`postfix -c DIR start|stop`); the system's Postfix is not used."""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time

MAIN_CF = """compatibility_level = 3.6
queue_directory = {root}/spool
data_directory = {root}/data
myhostname = desk.example
mydomain = desk.example
mydestination = desk.example, localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps = hash:{root}/etc/aliases
alias_database = hash:{root}/etc/aliases
local_recipient_maps =
maillog_file_prefixes = {root}
maillog_file = {root}/maillog
smtputf8_enable = no
default_privs = nobody
# Retry deferred mail quickly: the tests stop and start the help desk.
minimal_backoff_time = 1s
maximal_backoff_time = 2s
queue_run_delay = 1s
"""


def available():
    return os.geteuid() == 0 and shutil.which("postfix") is not None and shutil.which("swaks") is not None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postfix:
    def __init__(self, pipe_command):
        """pipe_command: the shell command the alias pipes each message to (runs as nobody)."""
        self.root = tempfile.mkdtemp(prefix="frontline-postfix-")
        os.chmod(self.root, 0o755)
        self.port = free_port()
        self.etc = os.path.join(self.root, "etc")
        self.pipe_command = pipe_command

    def start(self):
        os.makedirs(self.etc)
        os.makedirs(os.path.join(self.root, "spool"))
        data = os.path.join(self.root, "data")
        os.makedirs(data)
        os.chown(data, pwd.getpwnam("postfix").pw_uid, -1)
        with open(os.path.join(self.etc, "main.cf"), "w") as f:
            f.write(MAIN_CF.format(root=self.root))
        shutil.copy("/etc/postfix/master.cf", self.etc)
        if os.path.exists("/etc/postfix/dynamicmaps.cf"):
            shutil.copy("/etc/postfix/dynamicmaps.cf", self.etc)
        with open(os.path.join(self.etc, "aliases"), "w") as f:
            f.write('help: "|%s"\n' % self.pipe_command)
        run = lambda *a: subprocess.run(a, check=True, capture_output=True, text=True, timeout=60)
        run("postconf", "-c", self.etc, "-F", "*/*/chroot = n")
        # SMTP on our port instead of 25.
        run("postconf", "-c", self.etc, "-M#", "smtp/inet")
        with open(os.path.join(self.etc, "master.cf"), "a") as f:
            f.write("127.0.0.1:%d inet n - n - - smtpd\n" % self.port)
        run("postalias", "-c", self.etc, os.path.join(self.etc, "aliases"))
        run("postfix", "-c", self.etc, "start")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(100).startswith(b"220"):
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("postfix did not start:\n" + self.log())

    def send(self, sender, subject, body, headers=()):
        """Submits a message with swaks over SMTP; returns swaks' exit code."""
        cmd = ["swaks", "--server", "127.0.0.1:%d" % self.port, "--to", "help@desk.example",
               "--from", sender, "--header", "Subject: " + subject, "--body", body,
               "--silent", "2"]
        for h in headers:
            cmd += ["--add-header", h]
        return subprocess.run(cmd, capture_output=True, timeout=60).returncode

    def flush(self):
        subprocess.run(["postqueue", "-c", self.etc, "-f"], capture_output=True, timeout=60)

    def queue_is_empty(self):
        out = subprocess.run(["postqueue", "-c", self.etc, "-p"], capture_output=True, text=True,
                             timeout=60).stdout
        return "Mail queue is empty" in out

    def log(self):
        try:
            with open(os.path.join(self.root, "maillog")) as f:
                return f.read()
        except OSError:
            return ""

    def stop(self):
        subprocess.run(["postfix", "-c", self.etc, "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)
