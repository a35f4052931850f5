"""Debian's nginx as the load balancer in front of several `frontline serve` instances: its own
configuration and temporary folders, listening on 127.0.0.1 on a free port, round robin over
the instances (WebSockets passed through), started and stopped by the test."""

import os
import shutil
import socket
import subprocess
import tempfile
import time

NGINX = "/usr/sbin/nginx"

CONFIG = """worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {root}/body;
  proxy_temp_path {root}/proxy;
  fastcgi_temp_path {root}/fastcgi;
  uwsgi_temp_path {root}/uwsgi;
  scgi_temp_path {root}/scgi;
  client_max_body_size 30m;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' ''; }}
  upstream frontline {{
{servers}
    keepalive 16;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://frontline;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_read_timeout 120s;
      # A request that could not reach an instance goes to the next; one that reached it is
      # never sent twice (nginx does not retry a POST once sent).
      proxy_next_upstream error timeout;
    }}
  }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    def __init__(self, ports):
        self.root = tempfile.mkdtemp(prefix="frontline-nginx-")
        self.port = free_port()
        servers = "\n".join("    server 127.0.0.1:%d max_fails=1 fail_timeout=2s;" % p for p in ports)
        with open(os.path.join(self.root, "nginx.conf"), "w") as f:
            f.write(CONFIG.format(root=self.root, port=self.port, servers=servers))
        self.proc = subprocess.Popen([NGINX, "-p", self.root, "-c", os.path.join(self.root, "nginx.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("nginx exited: " + self.proc.stderr.read().decode())
                time.sleep(0.05)
        raise RuntimeError("nginx did not start listening")

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)
