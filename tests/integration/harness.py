"""Integration-test harness: runs the real `frontline` binary on an ephemeral port.

Focus of this file: starting, stopping and crashing a server on a temporary data folder,
creating users and tokens through the CLI, and a tiny JSON-over-HTTP client. Standard
library only; the binary comes from the FRONTLINE_BIN environment variable.
"""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import uuid
from collections import namedtuple

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "admin-password-Integration-1"
LISTENING = re.compile(r"Frontline is listening on http://([0-9.]+):(\d+)/")
START_TIMEOUT_SECONDS = 20
STOP_TIMEOUT_SECONDS = 20


def frontline_bin():
    path = os.environ.get("FRONTLINE_BIN")
    if not path:
        raise unittest.SkipTest("FRONTLINE_BIN is not set")
    if not os.access(path, os.X_OK):
        raise RuntimeError("FRONTLINE_BIN=%s is not an executable" % path)
    return path


def base_env(extra=None):
    env = dict(os.environ)
    env["FRONTLINE_ADMIN_PASSWORD"] = ADMIN_PASSWORD
    env["FRONTLINE_ACCESS_LOG"] = "off"
    for key in ("FRONTLINE_DATA", "FRONTLINE_LISTEN", "FRONTLINE_WEB_ROOT", "FRONTLINE_DATABASE_URL"):
        env.pop(key, None)
    if extra:
        env.update(extra)
    return env


def unique(prefix="x"):
    return "%s%s" % (prefix, uuid.uuid4().hex[:10])


Reply = namedtuple("Reply", "status headers body")
Reply.__doc__ = """One HTTP answer: status code, http.client.HTTPMessage headers (case-insensitive
get), and the body parsed from JSON when the content type says JSON, else raw bytes."""


def _decode_body(headers, raw):
    ctype = headers.get("Content-Type", "") or ""
    if "json" in ctype and raw:
        try:
            return json.loads(raw.decode("utf-8"))
        except ValueError:
            return raw
    return raw


class Client:
    """A tiny HTTP client for one server. A new connection per request unless `conn` is
    passed; `token` adds a bearer header, `cookie` and `csrf` a session. `target` is a port or
    a Server (whose current port is used, so clients survive a restart)."""

    def __init__(self, target, token=None, cookie=None, csrf=None, host="127.0.0.1", timeout=30):
        self.host = host
        self.target = target
        self.token = token
        self.cookie = cookie
        self.csrf = csrf
        self.timeout = timeout

    @property
    def port(self):
        return self.target if isinstance(self.target, int) else self.target.port

    def request(self, method, path, body=None, headers=None, conn=None):
        hdrs = {}
        if self.token:
            hdrs["Authorization"] = "Bearer " + self.token
        if self.cookie:
            hdrs["Cookie"] = self.cookie
        if self.csrf:
            hdrs["X-CSRF-Token"] = self.csrf
        data = None
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        elif isinstance(body, str):
            data = body.encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        elif body is not None:
            data = bytes(body)
            hdrs["Content-Type"] = "application/json"
        if headers:
            for k, v in headers.items():
                if v is None:
                    hdrs.pop(k, None)
                else:
                    hdrs[k] = v
        own = conn is None
        if own:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=data, headers=hdrs)
            resp = conn.getresponse()
            raw = resp.read()
            return Reply(resp.status, resp.headers, _decode_body(resp.headers, raw))
        finally:
            if own:
                conn.close()

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    # Conveniences for the resource everyone uses.
    def create_ticket(self, subject=None, body="Something is broken.", expect=201, **fields):
        payload = {"subject": subject or unique("Ticket "), "body": body}
        payload.update(fields)
        r = self.post("/api/v1/tickets", payload)
        if expect is not None and r.status != expect:
            raise AssertionError("create ticket: expected %s, got %s %r" % (expect, r.status, r.body))
        return r

    def reply(self, number, body, kind="public", expect=201):
        r = self.post("/api/v1/tickets/%d/messages" % number, {"body": body, "kind": kind})
        if expect is not None and r.status != expect:
            raise AssertionError("message: expected %s, got %s %r" % (expect, r.status, r.body))
        return r


def multipart(fields=None, files=None):
    """Encodes form fields {name: value} and files [(field, filename, content_type, bytes)] as
    multipart/form-data; returns (content_type, body bytes)."""
    boundary = "----frontline" + uuid.uuid4().hex
    out = bytearray()
    for name, value in (fields or {}).items():
        out += b"--" + boundary.encode() + b"\r\n"
        out += ('Content-Disposition: form-data; name="%s"\r\n\r\n' % name).encode()
        out += value.encode("utf-8") + b"\r\n"
    for field, filename, ctype, content in files or []:
        out += b"--" + boundary.encode() + b"\r\n"
        out += ('Content-Disposition: form-data; name="%s"; filename="%s"\r\n' % (field, filename)).encode()
        out += ("Content-Type: %s\r\n\r\n" % ctype).encode()
        out += content + b"\r\n"
    out += b"--" + boundary.encode() + b"--\r\n"
    return "multipart/form-data; boundary=" + boundary, bytes(out)


# Set when the suite runs against a PostgreSQL test cluster (tests/pg/with_cluster.sh).
ON_POSTGRES = bool(os.environ.get("FRONTLINE_TEST_PG_DIR"))


def table_rows(server, table, columns="*"):
    """The rows of a table of the server's database, each as one text with "|" between the
    columns and NULL as nothing (for a test that looks at what is stored, whichever the engine).
    `table` and `columns` are the test's own names, never input."""
    sql = "SELECT %s FROM %s" % (columns, table)
    url = server.extra_env.get("FRONTLINE_DATABASE_URL")
    if url:
        p = subprocess.run(["psql", url, "-At", "-c", sql], capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            raise RuntimeError(p.stderr)
        return p.stdout.splitlines()
    import sqlite3
    db = sqlite3.connect("file:%s?mode=ro" % server.db_path, uri=True)
    try:
        return ["|".join("" if v is None else str(v) for v in row) for row in db.execute(sql)]
    finally:
        db.close()


def execute_sql(server, sql):
    """Runs one statement of the test's own on the server's database, whichever the engine: for
    a test that needs a state the API cannot make (a contact added months ago)."""
    url = server.extra_env.get("FRONTLINE_DATABASE_URL")
    if url:
        p = subprocess.run(["psql", url, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                           capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            raise RuntimeError(p.stderr)
        return
    import sqlite3
    db = sqlite3.connect(server.db_path, timeout=30)
    try:
        db.execute(sql)
        db.commit()
    finally:
        db.close()


def postgres_database(cluster_dir):
    """A new, empty database on the test cluster in cluster_dir; returns its URL."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "pg_cluster.sh")
    name = "it_" + uuid.uuid4().hex[:16]
    p = subprocess.run([script, "url", cluster_dir, name], capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError("pg_cluster.sh url failed: " + p.stderr)
    return p.stdout.strip()


class Server:
    """A `frontline serve` process on 127.0.0.1:<ephemeral port> with its own temporary data
    folder (removed on exit unless a data_dir was passed in). Use as a context manager."""

    def __init__(self, env=None, data_dir=None):
        self.binary = frontline_bin()
        self.extra_env = dict(env or {})
        self._own_dir = data_dir is None
        self.workdir = tempfile.mkdtemp(prefix="frontline-it-")
        self.data_dir = data_dir or os.path.join(self.workdir, "data")
        self.proc = None
        self.port = None
        self.stdout_lines = []
        self._stderr = None
        self._tokens = {}
        self._starts = 0
        # With a test cluster (FRONTLINE_TEST_PG_DIR, e.g. `tests/pg/with_cluster.sh ctest …`),
        # every server gets an empty PostgreSQL database of its own instead of SQLite.
        pg_dir = os.environ.get("FRONTLINE_TEST_PG_DIR")
        if pg_dir and "FRONTLINE_DATABASE_URL" not in self.extra_env:
            self.extra_env["FRONTLINE_DATABASE_URL"] = postgres_database(pg_dir)

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def start(self):
        assert self.proc is None or self.proc.poll() is not None, "server already running"
        self._starts += 1
        stderr_path = os.path.join(self.workdir, "stderr.%d.log" % self._starts)
        self._stderr = open(stderr_path, "wb")
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--data", self.data_dir, "--listen", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=self._stderr, stdin=subprocess.DEVNULL,
            env=base_env(self.extra_env), cwd=self.workdir)
        ready = threading.Event()
        found = {}

        def read_stdout(stream):
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", "replace").rstrip("\n")
                self.stdout_lines.append(line)
                m = LISTENING.search(line)
                if m and not ready.is_set():
                    found["port"] = int(m.group(2))
                    ready.set()
            stream.close()

        threading.Thread(target=read_stdout, args=(self.proc.stdout,), daemon=True).start()
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not ready.wait(0.05):
            if self.proc.poll() is not None:
                raise RuntimeError("frontline serve exited with %s before listening:\n%s" %
                                   (self.proc.returncode, self.stderr_text()))
            if time.monotonic() > deadline:
                self.proc.kill()
                self.proc.wait()
                raise RuntimeError("frontline serve did not print its listening line within %ss"
                                   % START_TIMEOUT_SECONDS)
        self.port = found["port"]
        return self

    def stop(self, timeout=STOP_TIMEOUT_SECONDS):
        """SIGTERM and wait; returns the exit code."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("server did not exit within %ss of SIGTERM" % timeout)
        finally:
            self._close_stderr()

    def kill9(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self._close_stderr()

    def restart(self):
        """Stops (SIGTERM) if running and starts again on the same data folder (new port)."""
        self.stop()
        self._tokens.clear()
        return self.start()

    def close(self):
        try:
            if self.proc is not None and self.proc.poll() is None:
                try:
                    self.stop()
                except AssertionError:
                    pass
        finally:
            self._close_stderr()
            shutil.rmtree(self.workdir, ignore_errors=True)

    def _close_stderr(self):
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def stderr_text(self):
        out = []
        for name in sorted(os.listdir(self.workdir)):
            if name.startswith("stderr."):
                with open(os.path.join(self.workdir, name), "rb") as f:
                    out.append(f.read().decode("utf-8", "replace"))
        return "\n".join(out)

    @property
    def db_path(self):
        return os.path.join(self.data_dir, "frontline.db")

    # -- CLI ---------------------------------------------------------------------------------

    def cli(self, *args, check=True, timeout=60):
        """Runs `frontline admin ARGS --data DIR`; returns the CompletedProcess (text)."""
        cmd = [self.binary, "admin"] + list(args[:1]) + ["--data", self.data_dir] + list(args[1:])
        p = subprocess.run(cmd, capture_output=True, text=True, env=base_env(self.extra_env),
                           timeout=timeout, cwd=self.workdir)
        if check and p.returncode != 0:
            raise AssertionError("%s failed (%s): %s%s" % (" ".join(cmd), p.returncode, p.stdout, p.stderr))
        return p

    def create_user(self, email=None, role="customer", password=None, name=None, org=None):
        """Creates a user through the CLI; returns (id, email, password)."""
        email = email or unique(role + "-") + "@example.com"
        password = password or unique("pw-") + "-Secret"
        args = ["create-user", "--email", email, "--name", name or email.split("@")[0],
                "--role", role, "--password", password]
        if org:
            args += ["--org", org]
        out = self.cli(*args).stdout.strip()
        return int(out.splitlines()[-1]), email, password

    def issue_token(self, email):
        token = self.cli("issue-token", "--email", email).stdout.strip()
        assert token and "\n" not in token, "issue-token printed %r" % token
        return token

    def user(self, role="customer", org=None, email=None, name=None):
        """Creates a user and a token; returns a User with .id .email .password .token .client."""
        uid, email, password = self.create_user(email=email, role=role, org=org, name=name)
        token = self.issue_token(email)
        return User(uid, email, password, token, self.client(token))

    def admin(self):
        if "admin" not in self._tokens:
            self._tokens["admin"] = self.issue_token(ADMIN_EMAIL)
        return self.client(self._tokens["admin"])

    # -- HTTP --------------------------------------------------------------------------------

    def client(self, token=None, **kw):
        return Client(self, token=token, **kw)

    def raw_socket(self, timeout=10):
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout)

    def healthy(self):
        try:
            return self.client().get("/healthz").status == 200
        except OSError:
            return False


User = namedtuple("User", "id email password token client")


def raw_exchange(port, data, timeout=10, body=b""):
    """Sends raw bytes (then optional body bytes, ignoring a server that stops reading) on a
    new socket and reads one HTTP response; returns a Reply, or None if the server closed
    the connection without answering."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        sock.sendall(data)
        if body:
            try:
                sock.sendall(body)
            except OSError:
                pass
        resp = http.client.HTTPResponse(sock, method="POST")
        try:
            resp.begin()
        except (http.client.RemoteDisconnected, ConnectionResetError):
            return None
        raw = resp.read()
        return Reply(resp.status, resp.headers, _decode_body(resp.headers, raw))
    finally:
        sock.close()


def login(server, email, password):
    """Signs in with a session; returns (reply, cookie 'name=value' or None, csrf token)."""
    r = server.client().post("/api/v1/session", {"email": email, "password": password})
    cookie = None
    set_cookie = r.headers.get("Set-Cookie")
    if set_cookie:
        cookie = set_cookie.split(";", 1)[0]
    csrf = r.body.get("csrf_token") if isinstance(r.body, dict) else None
    return r, cookie, csrf


class ServerTestCase(unittest.TestCase):
    """One server per test class (start-up and argon2 hashing are not free)."""

    server_env = None

    @classmethod
    def setUpClass(cls):
        cls.server = Server(env=cls.server_env)
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def assertProblem(self, reply, status, field=None):
        """Asserts an application/problem+json answer with this status (and error field)."""
        self.assertEqual(reply.status, status, reply.body)
        self.assertTrue((reply.headers.get("Content-Type") or "").startswith("application/problem+json"),
                        reply.headers.get("Content-Type"))
        self.assertIsInstance(reply.body, dict, reply.body)
        self.assertEqual(reply.body.get("status"), status)
        for key in ("type", "title", "detail", "errors"):
            self.assertIn(key, reply.body)
        if field is not None:
            fields = [e.get("field") for e in reply.body["errors"]]
            self.assertIn(field, fields, reply.body)
