"""Focus of this file: how `frontline serve --web-root` serves the built web app — index.html
for the app's paths (never cached, with a Content-Security-Policy), hashed assets cached
forever, API paths never answered with the app, and no way out of the folder."""

import os
import shutil
import tempfile
import unittest

from harness import Server, raw_exchange

INDEX = b"<!doctype html><html lang=en><title>Frontline</title><script type=module src=/assets/app-3f2a.js></script>"
SCRIPT = b"console.log('frontline');"


class WebServingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="frontline-web-")
        os.mkdir(os.path.join(cls.root, "assets"))
        with open(os.path.join(cls.root, "index.html"), "wb") as f:
            f.write(INDEX)
        with open(os.path.join(cls.root, "assets", "app-3f2a.js"), "wb") as f:
            f.write(SCRIPT)
        with open(os.path.join(cls.root, "favicon.svg"), "wb") as f:
            f.write(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
        cls.server = Server(env={"FRONTLINE_WEB_ROOT": cls.root})
        cls.server.start()
        cls.client = cls.server.client()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.root, ignore_errors=True)

    def assert_index(self, r):
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, INDEX)
        self.assertTrue(r.headers["Content-Type"].startswith("text/html"))
        self.assertEqual(r.headers["Cache-Control"], "no-cache")
        csp = r.headers["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertEqual(r.headers["X-Frame-Options"], "DENY")

    def test_root_serves_index_uncached_with_a_content_security_policy(self):
        self.assert_index(self.client.get("/"))

    def test_app_paths_fall_back_to_index(self):
        for path in ["/login", "/console/tickets/12", "/portal", "/admin/users?tab=2"]:
            self.assert_index(self.client.get(path))

    def test_hashed_assets_are_cached_forever(self):
        r = self.client.get("/assets/app-3f2a.js")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, SCRIPT)
        self.assertTrue(r.headers["Content-Type"].startswith("text/javascript"))
        self.assertEqual(r.headers["Cache-Control"], "public, max-age=31536000, immutable")
        self.assertEqual(r.headers["X-Content-Type-Options"], "nosniff")

    def test_other_files_are_served_but_not_cached_forever(self):
        r = self.client.get("/favicon.svg")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers["Content-Type"], "image/svg+xml")
        self.assertEqual(r.headers["Cache-Control"], "no-cache")

    def test_unknown_api_paths_get_a_problem_not_the_app(self):
        r = self.client.get("/api/v1/no-such-thing")
        self.assertEqual(r.status, 404)
        self.assertTrue(r.headers["Content-Type"].startswith("application/problem+json"))

    def test_writes_to_app_paths_are_not_answered_with_the_app(self):
        r = self.client.post("/console", {"x": 1})
        self.assertEqual(r.status, 404)

    def test_dot_dot_never_leaves_the_web_root(self):
        for target in [b"/../../etc/passwd", b"/assets/../../etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd"]:
            r = raw_exchange(self.server.port, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            self.assertIsNotNone(r)
            self.assertNotIn(b"root:", r.body if isinstance(r.body, bytes) else b"", target)
            self.assertIn(r.status, (400, 404), target)

    def test_head_of_index_has_headers_and_no_body(self):
        r = self.client.request("HEAD", "/")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers["Content-Length"], str(len(INDEX)))


if __name__ == "__main__":
    unittest.main()
