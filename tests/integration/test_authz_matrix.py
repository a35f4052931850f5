"""Focus of this file: the authorization matrix. Every route the router knows (`frontline
routes`) is called by every role — anonymous, a customer, a customer of another organisation,
an agent, an admin — on real objects belonging to the customer (their ticket, attachment,
saved filter, token) or to the help desk (a category, a board, a team, an organisation), and
each answer must fall in the class the table below expects. A route missing from the table
fails the test: a new route needs a decision about who may call it."""

import datetime
import subprocess
import unittest

from harness import ADMIN_PASSWORD, Server, base_env, frontline_bin, multipart, unique

ROLES = ("anonymous", "customer", "other_customer", "agent", "admin")

# What each role gets: "2xx"; "401"; "403"; "404"; "deny" (403 or 404: refused, and the
# object may stay invisible); "426" (the live feed answers plain HTTP with Upgrade Required).
OK, NO_ID, FORBIDDEN, HIDDEN, DENY, UPGRADE = "2xx", "401", "403", "404", "deny", "426"


def row(anonymous, customer, other_customer, agent, admin):
    return dict(zip(ROLES, (anonymous, customer, other_customer, agent, admin)))


EVERYONE = row(OK, OK, OK, OK, OK)
SIGNED_IN = row(NO_ID, OK, OK, OK, OK)
STAFF = row(NO_ID, FORBIDDEN, FORBIDDEN, OK, OK)
ADMINS = row(NO_ID, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)
# The customer's own ticket: the customer and staff may; another customer never learns it exists.
OWN_TICKET = row(NO_ID, OK, HIDDEN, OK, OK)
# Staff-only work on the customer's ticket: the customer sees it but may not; others see nothing.
STAFF_ON_TICKET = row(NO_ID, FORBIDDEN, HIDDEN, OK, OK)
# The customer's own live chat: anyone else — a stranger without its visitor token included —
# is told it does not exist.
OWN_CHAT = row(HIDDEN, OK, HIDDEN, OK, OK)
# What only the chat's customer does in it (fill a form, rate): staff are refused.
CUSTOMER_IN_CHAT = row(HIDDEN, OK, HIDDEN, FORBIDDEN, FORBIDDEN)
# Staff-only work on a chat: refused before the chat is looked up.
STAFF_ON_CHAT = row(NO_ID, FORBIDDEN, FORBIDDEN, OK, OK)
# Something personal to the customer (a saved filter, a token): only the owner (and for tokens
# an admin) finds it.
OWNED_BY_CUSTOMER = row(NO_ID, OK, HIDDEN, HIDDEN, HIDDEN)

EXPECTED = {
    "GET /healthz": EVERYONE,
    # Opt-in, with its own token (set for this server): no one's ordinary credentials open it.
    "GET /metrics": row(NO_ID, NO_ID, NO_ID, NO_ID, NO_ID),
    "POST /api/v1/session": EVERYONE,
    "DELETE /api/v1/session": EVERYONE,
    "GET /api/v1/me": SIGNED_IN,
    "POST /api/v1/me/password": SIGNED_IN,  # their own (changed to itself: the table stays usable)
    "GET /api/v1/me/filters": SIGNED_IN,
    "POST /api/v1/me/filters": SIGNED_IN,
    "DELETE /api/v1/me/filters/{id}": OWNED_BY_CUSTOMER,
    "GET /api/v1/stream": row(NO_ID, UPGRADE, UPGRADE, UPGRADE, UPGRADE),  # customers: filtered
    "POST /api/v1/tickets": SIGNED_IN,
    "GET /api/v1/tickets": SIGNED_IN,
    "GET /api/v1/tickets/count": SIGNED_IN,
    "GET /api/v1/tickets/{number}": OWN_TICKET,
    "PATCH /api/v1/tickets/{number}": OWN_TICKET,
    "POST /api/v1/tickets/{number}/messages": OWN_TICKET,
    "GET /api/v1/tickets/{number}/messages": OWN_TICKET,
    "GET /api/v1/tickets/{number}/events": OWN_TICKET,
    "POST /api/v1/tickets/{number}/merge": STAFF_ON_TICKET,
    # Customers may never log a call: refused before the ticket is looked up (403 for any number).
    "POST /api/v1/tickets/{number}/calls": row(NO_ID, FORBIDDEN, DENY, OK, OK),
    "POST /api/v1/tickets/bulk": STAFF,
    # Macros are staff work: customers are refused before the ticket or macro is looked up.
    "POST /api/v1/tickets/{number}/macros/{id}": row(NO_ID, FORBIDDEN, FORBIDDEN, OK, OK),
    "GET /api/v1/macros": STAFF,
    "POST /api/v1/macros": STAFF,  # a personal macro; shared ones are the admins'
    "PATCH /api/v1/macros/{id}": ADMINS,  # a shared macro
    "DELETE /api/v1/macros/{id}": ADMINS,
    "GET /api/v1/tickets/{number}/links": STAFF_ON_TICKET,
    "POST /api/v1/tickets/{number}/links": STAFF_ON_TICKET,
    "GET /api/v1/attachments/{id}": OWN_TICKET,
    "GET /api/v1/users": STAFF,
    "POST /api/v1/users": ADMINS,
    "PATCH /api/v1/users/{id}": row(NO_ID, OK, FORBIDDEN, FORBIDDEN, OK),  # the customer's own time zone
    # Another customer's account (a fresh one each time: it loses its tokens).
    "POST /api/v1/users/{id}/sign-out-everywhere": ADMINS,
    "POST /api/v1/users/invite": ADMINS,
    "POST /api/v1/users/{id}/invite": ADMINS,  # a new link for a fresh account
    # The link's token is the credential: whoever holds a valid one may look and accept.
    "GET /api/v1/invitations/{token}": EVERYONE,
    "POST /api/v1/invitations/accept": EVERYONE,
    "GET /api/v1/notifications": STAFF,
    "POST /api/v1/notifications/read": STAFF,
    "GET /api/v1/organizations": STAFF,
    "POST /api/v1/organizations": ADMINS,
    "PATCH /api/v1/organizations/{id}": ADMINS,
    "GET /api/v1/teams": STAFF,
    "POST /api/v1/teams": ADMINS,
    "PATCH /api/v1/teams/{id}": ADMINS,
    "POST /api/v1/mail/inbound": STAFF,
    "GET /api/v1/mail/templates": ADMINS,
    "PUT /api/v1/mail/templates/{kind}": ADMINS,
    "DELETE /api/v1/mail/templates/{kind}": ADMINS,
    "POST /api/v1/mail/templates/{kind}/preview": ADMINS,
    # The chat widget's anonymous visitors pick a category (and read its form with ?category=).
    "GET /api/v1/categories": EVERYONE,
    "POST /api/v1/categories": ADMINS,
    "DELETE /api/v1/categories/{id}": ADMINS,
    # Intake questions: staff read them all (anyone reads one form with ?category= or
    # ?service_id=, which test_intake covers); admins change them.
    "GET /api/v1/intake-questions": STAFF,
    "POST /api/v1/intake-questions": ADMINS,
    "PATCH /api/v1/intake-questions/{id}": ADMINS,
    "DELETE /api/v1/intake-questions/{id}": ADMINS,
    "GET /api/v1/leaderboard": STAFF,
    "GET /api/v1/reports/closed": STAFF,
    "GET /api/v1/reports/fields": STAFF,  # tickets by an intake answer
    "GET /api/v1/boards": STAFF,
    "POST /api/v1/boards": ADMINS,
    "PATCH /api/v1/boards/{id}": ADMINS,
    "DELETE /api/v1/boards/{id}": ADMINS,
    # The agent's own away days: the agent and admins.
    "GET /api/v1/users/{id}/away": row(NO_ID, FORBIDDEN, FORBIDDEN, OK, OK),
    "PUT /api/v1/users/{id}/away/{date}": row(NO_ID, FORBIDDEN, FORBIDDEN, OK, OK),
    "DELETE /api/v1/users/{id}/away/{date}": row(NO_ID, FORBIDDEN, FORBIDDEN, OK, OK),
    "GET /api/v1/tokens": SIGNED_IN,
    "POST /api/v1/tokens": SIGNED_IN,
    "DELETE /api/v1/tokens/{id}": row(NO_ID, OK, HIDDEN, HIDDEN, OK),
    # Live chat: a customer or an anonymous visitor starts one; staff answer them.
    "POST /api/v1/chats": row(OK, OK, OK, FORBIDDEN, FORBIDDEN),
    "GET /api/v1/chats": SIGNED_IN,  # staff: all; customers: their own
    "GET /api/v1/chats/{id}": OWN_CHAT,
    "GET /api/v1/chats/{id}/messages": OWN_CHAT,
    "POST /api/v1/chats/{id}/messages": OWN_CHAT,
    "GET /api/v1/chats/{id}/socket": row(HIDDEN, UPGRADE, HIDDEN, UPGRADE, UPGRADE),
    "GET /api/v1/chats/{id}/transcript": OWN_CHAT,
    "POST /api/v1/chats/{id}/files": OWN_CHAT,
    "GET /api/v1/chats/{id}/files/{attachment}": OWN_CHAT,
    "POST /api/v1/chats/{id}/accept": STAFF_ON_CHAT,
    "POST /api/v1/chats/{id}/transfer": STAFF_ON_CHAT,
    "POST /api/v1/chats/{id}/end": OWN_CHAT,
    "POST /api/v1/chats/{id}/rating": CUSTOMER_IN_CHAT,
    "POST /api/v1/chats/{id}/forms": STAFF_ON_CHAT,
    "POST /api/v1/chats/{id}/forms/{seq}": CUSTOMER_IN_CHAT,
    "GET /api/v1/chat-forms": STAFF,
    "POST /api/v1/chat-forms": ADMINS,
    "PATCH /api/v1/chat-forms/{id}": ADMINS,
    "DELETE /api/v1/chat-forms/{id}": ADMINS,
    # The service directory: everyone signed in searches (customers: public services only) and
    # reads a public service; staff keep it. The object is a public service of the help desk.
    "GET /api/v1/services": SIGNED_IN,
    "POST /api/v1/services": STAFF,
    "GET /api/v1/services/orphans": STAFF,
    "GET /api/v1/services/contacts/overdue": STAFF,  # a team's contacts due for review
    # A Backstage catalog: admins load one; staff download the directory as one.
    "POST /api/v1/services/import": ADMINS,
    "GET /api/v1/services/export": STAFF,
    "GET /api/v1/services/{id}": SIGNED_IN,
    "PATCH /api/v1/services/{id}": STAFF,
    "GET /api/v1/services/{id}/revisions": STAFF,  # customers never see revisions
    "POST /api/v1/services/{id}/revisions/{revision}/restore": STAFF,
    "POST /api/v1/services/{id}/contacts/{contact}/verify": STAFF,
    # Reported from the customer's ticket: staff only, refused before the ticket is looked up.
    "POST /api/v1/services/{id}/contacts/{contact}/report-wrong": STAFF,
    # Escalation and promises are staff work, refused by role before the ticket is looked up
    # (so another customer gets 403 too, and learns nothing about the ticket).
    "POST /api/v1/tickets/{number}/escalate": STAFF,
    "POST /api/v1/tickets/{number}/deescalate": STAFF,
    "POST /api/v1/tickets/{number}/promises": STAFF,
    "GET /api/v1/tickets/{number}/promises": STAFF,
    "GET /api/v1/promises": STAFF,
    "POST /api/v1/promises/{id}/kept": STAFF,
    "GET /api/v1/reports/promises": STAFF,
    # Hardware replacements: staff start and move them (customers refused by role before any
    # lookup); the customer who may see the ticket reads them, changes the address and confirms
    # it; another customer is told they do not exist.
    "POST /api/v1/tickets/{number}/replacements": STAFF,
    "GET /api/v1/tickets/{number}/replacements": OWN_TICKET,
    "GET /api/v1/replacements": STAFF,
    "GET /api/v1/replacements/{id}": OWN_TICKET,
    "PATCH /api/v1/replacements/{id}": OWN_TICKET,  # the address only, for the customer
    "POST /api/v1/replacements/{id}/confirm": OWN_TICKET,
    "POST /api/v1/replacements/{id}/ship": STAFF,
    "POST /api/v1/replacements/{id}/delivered": STAFF,
    "POST /api/v1/replacements/{id}/returned": STAFF,
    "POST /api/v1/replacements/{id}/cancel": STAFF,
}

ADDRESS = {"name": "Dana Reyes", "line1": "12 Main St", "city": "Springfield", "postal_code": "62701",
           "country": "US", "phone": "+1 217 555 0100"}

def tomorrow():
    """A promise's due time: a day from now, in the API's format."""
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


FORM_BODY = {"title": "Replacement", "fields": [{"name": "note", "label": "Note", "type": "text"}]}


def route_list():
    p = subprocess.run([frontline_bin(), "routes"], capture_output=True, text=True, timeout=60, env=base_env())
    if p.returncode != 0:
        raise AssertionError("frontline routes failed: %s" % p.stderr)
    return [line.strip() for line in p.stdout.splitlines() if line.strip()]


def matches(status, expected):
    if expected == OK:
        return 200 <= status < 300
    if expected == DENY:
        return status in (403, 404)
    return status == int(expected)


class AuthorizationMatrixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = s = Server(env={"FRONTLINE_METRICS_TOKEN": unique("metrics-"),
                                     "FRONTLINE_CHAT_MAX_PER_AGENT": "10000"})
        s.start()
        admin = s.admin()
        cls.org_a = unique("Org A ")
        cls.org_b = unique("Org B ")
        cls.customer = s.user("customer", org=cls.org_a)
        cls.other = s.user("customer", org=cls.org_b)
        cls.agent = s.user("agent")
        cls.admin_client = admin
        orgs = admin.get("/api/v1/organizations").body["items"]
        cls.org_a_id = [o["id"] for o in orgs if o["name"] == cls.org_a][0]
        cls.team_id = admin.post("/api/v1/teams", {"name": unique("Team ")}).body["id"]
        ctype, body = multipart({"subject": "with a file", "body": "see attached"},
                                [("file", "shot.txt", "text/plain", b"customer's file")])
        r = cls.customer.client.post("/api/v1/tickets", body, headers={"Content-Type": ctype})
        assert r.status == 201, r.body
        number = r.body["number"]
        msgs = cls.customer.client.get("/api/v1/tickets/%d/messages" % number).body["items"]
        cls.attachment_id = msgs[0]["attachments"][0]["id"]
        cls.clients = {"anonymous": s.client(), "customer": cls.customer.client,
                       "other_customer": cls.other.client, "agent": cls.agent.client, "admin": admin}

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    # -- real objects, fresh for every call that may change or remove them -------------------

    def ticket(self):
        return self.customer.client.create_ticket(body="printer is jammed").body["number"]

    def saved_filter(self):
        r = self.customer.client.post("/api/v1/me/filters", {"name": unique("f"), "query": "printer"})
        assert r.status == 201, r.body
        return r.body["id"]

    def customer_token(self):
        name = unique("tok")
        r = self.customer.client.post("/api/v1/tokens", {"name": name})
        assert r.status == 201, r.body
        items = self.customer.client.get("/api/v1/tokens").body["items"]
        return [t["id"] for t in items if t["name"] == name][0]

    def category(self):
        r = self.admin_client.post("/api/v1/categories", {"name": unique("Cat ")})
        assert r.status == 201, r.body
        return r.body["id"]

    def intake_question(self):
        r = self.admin_client.post("/api/v1/intake-questions", {
            "category": self.category_name(), "kind": "text", "label": unique("Question ")})
        assert r.status == 201, r.body
        return r.body["id"]

    def category_name(self):
        name = unique("Cat ")
        r = self.admin_client.post("/api/v1/categories", {"name": name})
        assert r.status == 201, r.body
        return name

    def board(self):
        r = self.admin_client.post("/api/v1/boards", {"name": unique("Board "), "member_ids": [self.agent.id]})
        assert r.status == 201, r.body
        return r.body["id"]

    def shared_macro(self):
        r = self.admin_client.post("/api/v1/macros", {"name": unique("Macro "), "scope": "shared",
                                                      "changes": {"priority": "high"}})
        assert r.status == 201, r.body
        return r.body["id"]

    def service(self):
        """A fresh public service with one public contact: (id, its first revision, the contact)."""
        r = self.admin_client.post("/api/v1/services", {
            "name": unique("Service "), "public": True, "team_id": self.team_id,
            "contacts": [{"kind": "phone", "value": "+1 555 0100", "public": True}]})
        assert r.status == 201, r.body
        revs = self.admin_client.get("/api/v1/services/%d/revisions" % r.body["id"]).body["items"]
        return r.body["id"], revs[0]["id"], r.body["contacts"][0]["id"]

    def chat(self, active=False, ended=False):
        """The customer's fresh chat: waiting, accepted by the agent, or ended by the customer."""
        r = self.customer.client.post("/api/v1/chats", {"topic": "matrix chat"})
        assert r.status == 201, r.body
        cid = r.body["id"]
        if active:
            assert self.agent.client.post("/api/v1/chats/%d/accept" % cid).status == 200
        if ended:
            assert self.customer.client.post("/api/v1/chats/%d/end" % cid).status == 200
        return cid

    def chat_file(self, cid):
        ctype, body = multipart({}, [("file", "log.txt", "text/plain", b"E04")])
        r = self.customer.client.post("/api/v1/chats/%d/files" % cid, body, headers={"Content-Type": ctype})
        assert r.status == 201, r.body
        return r.body["files"][0]["id"]

    def chat_form_request(self, cid):
        form = self.admin_client.post("/api/v1/chat-forms", FORM_BODY)
        assert form.status == 201, form.body
        r = self.agent.client.post("/api/v1/chats/%d/forms" % cid, {"form_id": form.body["id"]})
        assert r.status == 201, r.body
        return r.body["seq"]

    def replacement(self, step):
        """A fresh replacement on the customer's ticket, moved to where `step` may follow."""
        r = self.agent.client.post("/api/v1/tickets/%d/replacements" % self.ticket(),
                                   {"model": "ThinkPad T14", "address": ADDRESS})
        assert r.status == 201, r.body
        rid = r.body["id"]
        before = {"ship": ["confirm"], "delivered": ["confirm", "ship"],
                  "returned": ["confirm", "ship", "delivered"]}.get(step, [])
        for done in before:
            body = {"carrier": "UPS", "tracking_number": "1Z"} if done == "ship" else {}
            moved = self.agent.client.post("/api/v1/replacements/%d/%s" % (rid, done), body)
            assert moved.status == 200, moved.body
        return rid

    def inbound_mail(self):
        raw = ("From: Matrix Sender <%s@customer.example>\r\nTo: help@desk.example\r\n"
               "Subject: matrix\r\nMessage-ID: <%s@customer.example>\r\n"
               "Content-Type: text/plain\r\n\r\nhello\r\n" % (unique("m"), unique("id")))
        return raw.encode(), {"Content-Type": "message/rfc822"}

    def invitation_token(self):
        r = self.admin_client.post("/api/v1/users/invite", {"email": unique("inv") + "@example.com",
                                                            "name": "Invited Person", "role": "customer"})
        assert r.status == 201, r.body
        return r.body["invitation"]["link"].split("token=", 1)[1]

    def call_for(self, route, role):
        """The (method, path, body, headers) that exercises route for role, on fresh objects."""
        method, pattern = route.split(" ", 1)
        body, headers = None, None
        params = {}
        if "{number}" in pattern:
            params["number"] = self.ticket()
        if pattern.startswith("/api/v1/me/filters/"):
            params["id"] = self.saved_filter()
        elif pattern.startswith("/api/v1/tokens/"):
            params["id"] = self.customer_token()
        elif pattern.startswith("/api/v1/attachments/"):
            params["id"] = self.attachment_id
        elif "/macros/" in pattern:
            params["id"] = self.shared_macro()
        elif pattern.startswith("/api/v1/categories/"):
            params["id"] = self.category()
        elif pattern.startswith("/api/v1/intake-questions/"):
            params["id"] = self.intake_question()
        elif pattern.startswith("/api/v1/boards/"):
            params["id"] = self.board()
        elif pattern.startswith("/api/v1/organizations/"):
            params["id"] = self.org_a_id
        elif pattern.startswith("/api/v1/teams/"):
            params["id"] = self.team_id
        elif pattern.endswith("/sign-out-everywhere") or pattern == "/api/v1/users/{id}/invite":
            params["id"] = self.server.create_user(role="customer", org=self.org_a)[0]
        elif pattern.startswith("/api/v1/users/") and "/away" in pattern:
            params["id"] = self.agent.id
            params["date"] = "2026-03-02"
        elif pattern.startswith("/api/v1/users/"):
            params["id"] = self.customer.id
        elif pattern == "/api/v1/invitations/{token}":
            params["token"] = self.invitation_token()
        elif pattern.startswith("/api/v1/services/{id}"):
            params["id"], params["revision"], params["contact"] = self.service()
        elif pattern.startswith("/api/v1/promises/{id}"):
            r = self.agent.client.post("/api/v1/tickets/%d/promises" % self.ticket(),
                                       {"due_at": tomorrow(), "text": "call back"})
            params["id"] = r.body.get("id", 0) if isinstance(r.body, dict) else 0
        elif pattern.startswith("/api/v1/replacements/{id}"):
            params["id"] = self.replacement(pattern.rsplit("/", 1)[1])
        elif pattern.startswith("/api/v1/chat-forms/"):
            params["id"] = self.admin_client.post("/api/v1/chat-forms", FORM_BODY).body["id"]
        elif pattern.startswith("/api/v1/chats/{id}"):
            # Messages, files and forms need an accepted chat (staff reply only then); a rating
            # an ended one.
            active = any(pattern.endswith(t) for t in ("/messages", "/files", "/forms", "/forms/{seq}"))
            params["id"] = self.chat(active=active or "{attachment}" in pattern,
                                     ended=pattern.endswith("/rating"))
            if "{attachment}" in pattern:
                params["attachment"] = self.chat_file(params["id"])
            if "{seq}" in pattern:
                params["seq"] = self.chat_form_request(params["id"])
        if pattern.endswith("/deescalate"):
            r = self.agent.client.post("/api/v1/tickets/%d/escalate" % params["number"],
                                       {"team_id": self.team_id, "summary": "matrix"})
            assert r.status == 200, r.body
        params["kind"] = "acknowledgement"
        path = pattern
        for key, value in params.items():
            path = path.replace("{%s}" % key, str(value))
        if pattern == "/api/v1/services/contacts/overdue":
            path += "?team_id=%d" % self.team_id
        if route == "GET /api/v1/reports/fields":
            path += "?key=machine_type"

        staff = role in ("agent", "admin")
        password = {"customer": self.customer.password, "other_customer": self.other.password,
                    "agent": self.agent.password, "admin": ADMIN_PASSWORD}.get(role, "no-password-at-all")
        bodies = {
            "POST /api/v1/me/password": lambda: {"current_password": password, "new_password": password},
            "POST /api/v1/session": lambda: {"email": self.customer.email, "password": self.customer.password},
            "POST /api/v1/me/filters": lambda: {"name": unique("f"), "query": "printer"},
            "POST /api/v1/tickets": lambda: dict({"subject": unique("S "), "body": "b"},
                                                 **({"requester_email": self.customer.email} if staff else {})),
            "PATCH /api/v1/tickets/{number}": lambda: {"status": "resolved"},
            "POST /api/v1/tickets/{number}/messages": lambda: {"body": "a reply"},
            "POST /api/v1/tickets/{number}/calls": lambda: {"call_notes": "called back", "call_minutes": 5},
            # Both tickets are the customer's; the path names the one acted on.
            "POST /api/v1/tickets/{number}/merge": lambda: {"into": self.ticket()},
            "POST /api/v1/tickets/bulk": lambda: {"numbers": [self.ticket()], "changes": {"priority": "high"}},
            "POST /api/v1/macros": lambda: {"name": unique("Macro ")},
            "PATCH /api/v1/macros/{id}": lambda: {"name": unique("Macro ")},
            "POST /api/v1/tickets/{number}/links": lambda: {"ticket": self.ticket()},
            "POST /api/v1/users": lambda: {"email": unique("u") + "@example.com", "name": "New Person",
                                           "role": "customer", "password": unique("pw-") + "-Secret"},
            # Their own preferences are the customer's; the rest of the account is an admin's.
            "PATCH /api/v1/users/{id}": lambda: {"timezone": "Europe/Berlin"},
            "POST /api/v1/organizations": lambda: {"name": unique("Org ")},
            "PATCH /api/v1/organizations/{id}": lambda: {"name": self.org_a},
            "POST /api/v1/teams": lambda: {"name": unique("Team ")},
            "PATCH /api/v1/teams/{id}": lambda: {"name": unique("Team "), "member_ids": [self.agent.id]},
            "PUT /api/v1/mail/templates/{kind}": lambda: {"subject": "[#{{ticket_number}}] {{subject}}",
                                                          "body": "Ticket #{{ticket_number}} is open."},
            "POST /api/v1/mail/templates/{kind}/preview": lambda: {"subject": "[#{{ticket_number}}] {{subject}}",
                                                                   "body": "Ticket #{{ticket_number}}."},
            "POST /api/v1/categories": lambda: {"name": unique("Cat ")},
            "POST /api/v1/intake-questions": lambda: {"category": self.category_name(), "kind": "text",
                                                      "label": "What happened right before?"},
            "PATCH /api/v1/intake-questions/{id}": lambda: {"help": "changed"},
            "POST /api/v1/boards": lambda: {"name": unique("Board "), "member_ids": [self.agent.id]},
            "PATCH /api/v1/boards/{id}": lambda: {"name": unique("Board ")},
            "POST /api/v1/tokens": lambda: {"name": unique("tok")},
            "POST /api/v1/users/invite": lambda: {"email": unique("i") + "@example.com", "name": "Invited",
                                                  "role": "customer"},
            "POST /api/v1/invitations/accept": lambda: {"token": self.invitation_token(),
                                                        "password": unique("pw-") + "-Secret"},
            "POST /api/v1/notifications/read": lambda: {"all": True},
            "POST /api/v1/chats": lambda: {"email": unique("v") + "@example.com", "topic": "help"},
            "POST /api/v1/chats/{id}/messages": lambda: {"body": "hello", "client_id": unique("c")},
            "POST /api/v1/chats/{id}/transfer": lambda: {"team_id": self.team_id},
            "POST /api/v1/chats/{id}/rating": lambda: {"rating": 5},
            "POST /api/v1/chats/{id}/forms": lambda: {
                "form_id": self.admin_client.post("/api/v1/chat-forms", FORM_BODY).body["id"]},
            "POST /api/v1/chats/{id}/forms/{seq}": lambda: {"values": {"note": "ok"}},
            "POST /api/v1/chat-forms": lambda: FORM_BODY,
            "PATCH /api/v1/chat-forms/{id}": lambda: FORM_BODY,
            "POST /api/v1/services": lambda: {"name": unique("Service ")},
            "PATCH /api/v1/services/{id}": lambda: {"description": "changed"},
            "POST /api/v1/services/{id}/contacts/{contact}/verify": lambda: {"how": "called",
                                                                             "result": "works"},
            "POST /api/v1/services/{id}/contacts/{contact}/report-wrong": lambda: {"ticket": self.ticket()},
            "POST /api/v1/tickets/{number}/escalate": lambda: {"team_id": self.team_id, "summary": "matrix"},
            "POST /api/v1/tickets/{number}/promises": lambda: {"due_at": tomorrow(),
                                                               "text": "call back"},
            "POST /api/v1/tickets/{number}/replacements": lambda: {"model": "ThinkPad T14"},
            "PATCH /api/v1/replacements/{id}": lambda: {"version": 1, "address": {"city": "Springfield"}},
            "POST /api/v1/replacements/{id}/ship": lambda: {"carrier": "UPS", "tracking_number": "1Z"},
        }
        if route == "POST /api/v1/mail/inbound":
            body, headers = self.inbound_mail()
        elif route == "POST /api/v1/chats/{id}/files":
            headers, body = None, None
            ctype, body = multipart({}, [("file", "shot.txt", "text/plain", b"a file")])
            headers = {"Content-Type": ctype}
        elif route == "POST /api/v1/services/import":
            body = "kind: Component\nmetadata:\n  name: %s\n" % unique("imported-")
            headers = {"Content-Type": "application/yaml"}
        elif route in bodies:
            body = bodies[route]()
        return method, path, body, headers

    def test_every_route_answers_every_role_as_the_table_says(self):
        routes = route_list()
        self.assertGreater(len(routes), 40, routes)
        missing = [r for r in routes if r not in EXPECTED]
        self.assertEqual(missing, [], "new route without an entry in the authorization table")
        stale = [r for r in EXPECTED if r not in routes]
        self.assertEqual(stale, [], "the table names routes the router no longer has")

        wrong = []
        cells = 0
        for route in routes:
            for role in ROLES:
                method, path, body, headers = self.call_for(route, role)
                r = self.clients[role].request(method, path, body, headers=headers)
                cells += 1
                if not matches(r.status, EXPECTED[route][role]):
                    detail = r.body.get("detail") if isinstance(r.body, dict) else r.body[:120]
                    wrong.append("%s as %s: expected %s, got %d (%s)"
                                 % (route, role, EXPECTED[route][role], r.status, detail))
        self.assertEqual(wrong, [], "answers outside the authorization table")
        print("\nauthorization matrix: %d routes x %d roles = %d cells" % (len(routes), len(ROLES), cells))


if __name__ == "__main__":
    unittest.main()
