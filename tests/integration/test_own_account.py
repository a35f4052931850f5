"""Focus of this file: what a person does to their own account — change their password (the
current one required; every session of theirs ends) and sign out everywhere."""

import unittest

from harness import ServerTestCase, login


class OwnPasswordTest(ServerTestCase):
    def test_a_technician_changes_their_own_password_and_signs_in_with_it(self):
        tech = self.server.user("agent")
        _, cookie, csrf = login(self.server, tech.email, tech.password)
        session = self.server.client(cookie=cookie, csrf=csrf)
        r = session.post("/api/v1/me/password",
                         {"current_password": tech.password, "new_password": "a-new-long-password"})
        self.assertEqual(r.status, 204, r.body)
        self.assertEqual(session.get("/api/v1/me").status, 401)  # this session ended too
        self.assertEqual(login(self.server, tech.email, tech.password)[0].status, 401)
        self.assertEqual(login(self.server, tech.email, "a-new-long-password")[0].status, 200)

    def test_the_current_password_must_be_right_and_the_new_one_long_enough(self):
        tech = self.server.user("agent")
        wrong = tech.client.post("/api/v1/me/password",
                                 {"current_password": "not-it", "new_password": "a-new-long-password"})
        self.assertProblem(wrong, 422, "current_password")
        short = tech.client.post("/api/v1/me/password",
                                 {"current_password": tech.password, "new_password": "short"})
        self.assertProblem(short, 422, "new_password")
        self.assertEqual(login(self.server, tech.email, tech.password)[0].status, 200)

    def test_anonymous_callers_cannot_change_a_password(self):
        r = self.server.client().post("/api/v1/me/password",
                                      {"current_password": "x", "new_password": "a-new-long-password"})
        self.assertEqual(r.status, 401)


if __name__ == "__main__":
    unittest.main()
