"""A private PostgreSQL cluster for tests (scripts/pg_cluster.sh): its own folder under /tmp, a
Unix socket only, removed when closed. Each database() call creates a fresh database and returns
its URL, in the form Frontline takes (postgresql://USER@/DB?host=DIR&port=N)."""

import os
import shutil
import subprocess
import tempfile

from harness import postgres_database

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPT = os.path.join(ROOT, "scripts", "pg_cluster.sh")


class Cluster:
    def __init__(self):
        self.work = tempfile.mkdtemp(prefix="frontline-pg-")
        os.chmod(self.work, 0o755)  # the server runs as postgres: it must reach its folder
        self.dir = os.path.join(self.work, "pg")
        self.url = self._run("start", self.dir)

    def _run(self, *args):
        p = subprocess.run([SCRIPT] + list(args), capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            raise AssertionError("pg_cluster.sh %s failed: %s%s" % (" ".join(args), p.stdout, p.stderr))
        return p.stdout.strip()

    def database(self):
        return postgres_database(self.dir)

    def close(self):
        subprocess.run([SCRIPT, "destroy", self.dir], capture_output=True, timeout=120)
        shutil.rmtree(self.work, ignore_errors=True)
