"""Focus of this file: the service directory as Backstage catalog-info.yaml over HTTP — an
admin imports a multi-document catalog (services found by a URL deep in their host, owners
matched to teams, contacts and call trees from the frontline.io/ annotations), a re-import updates
instead of duplicating, an unknown owner is a warning, malformed YAML is a 400 that changes
nothing, only admins import, and an export imported into a second, fresh server gives the same
services."""

import unittest
from urllib.parse import quote

from harness import Server, ServerTestCase, unique

SERVICES = "/api/v1/services"
IMPORT = SERVICES + "/import"
EXPORT = SERVICES + "/export"
YAML = {"Content-Type": "application/yaml"}


def catalog(team, name, host, phone="+1 555 0100", hours="Mon-Fri 8-18", extra=""):
    entity = name.lower().replace(" ", "-")
    return """apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: {entity}
  title: {name}
  description: The records database agencies query.
  tags: [records, databases]
  links:
    - url: https://{host}/login
      title: Sign in
  annotations:
    frontline.io/public: "true"
    frontline.io/support-phone: "{phone}"
    frontline.io/call-tree: press 2 > database team > press 4 > outages
    frontline.io/support-email: dba@{host}
    frontline.io/hours: {hours}
    frontline.io/time-zone: America/New_York
    pagerduty.com/service-id: PABC123
spec:
  type: service
  lifecycle: production
  owner: group:default/{team}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: {team}
spec:
  type: team
{extra}""".format(entity=entity, name=name, host=host, phone=phone, hours=hours, team=team,
                  extra=extra)


def comparable(service):
    """What an export and import must keep of a service (ids and times are the server's)."""
    contacts = [{k: c[k] for k in ("kind", "value", "call_tree", "hours", "time_zone", "public",
                                   "escalation", "escalation_order", "primary", "active", "notes",
                                   "review_interval_days")}
                for c in service["contacts"]]
    return {"name": service["name"], "description": service["description"],
            "urls": service["urls"], "keywords": service["keywords"], "public": service["public"],
            "contacts": contacts}


class CatalogTestCase(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = s.admin()
        cls.agent = s.user("agent")
        cls.customer = s.user("customer")
        cls.team_name = unique("dba-")
        cls.team_id = cls.admin.post("/api/v1/teams", {"name": cls.team_name}).body["id"]

    def import_yaml(self, text, client=None, expect=200):
        r = (client or self.admin).post(IMPORT, text, headers=YAML)
        self.assertEqual(r.status, expect, r.body)
        return r.body

    def find(self, q, client=None):
        r = (client or self.agent.client).get(SERVICES + "?q=" + quote(q))
        self.assertEqual(r.status, 200, r.body)
        return r.body["items"]


class CatalogImportTest(CatalogTestCase):
    def test_import_creates_a_service_found_by_a_url_deep_in_its_host(self):
        name = unique("Records ")
        host = unique("records-") + ".example.gov"
        body = self.import_yaml(catalog(self.team_name, name, host))
        self.assertEqual((body["created"], body["updated"]), (1, 0), body)
        self.assertEqual(body["skipped"], [{"document": 2, "reason": body["skipped"][0]["reason"]}])
        self.assertIn("Group", body["skipped"][0]["reason"])
        self.assertEqual(body["warnings"], [])
        found = self.find("http://WWW.%s:8443/deep/page?x=1" % host.upper())
        self.assertEqual([s["name"] for s in found], [name])
        s = found[0]
        self.assertEqual(s["team_id"], self.team_id)
        self.assertTrue(s["public"])
        self.assertEqual(s["urls"], ["https://%s/login" % host])
        self.assertEqual(s["keywords"], ["records", "databases", name.lower().replace(" ", "-")])
        phone, email, pager = s["contacts"]
        self.assertEqual((phone["kind"], phone["value"], phone["primary"]),
                         ("phone", "+1 555 0100", True))
        self.assertEqual(phone["call_tree"], [{"press": "2", "then": "database team"},
                                              {"press": "4", "then": "outages"}])
        self.assertEqual((phone["hours"], phone["time_zone"]), ("Mon-Fri 8-18", "America/New_York"))
        self.assertEqual((email["kind"], email["value"]), ("email", "dba@" + host))
        self.assertEqual(pager["value"], "https://app.pagerduty.com/service-directory/PABC123")
        self.assertTrue(pager["escalation"])
        # Customers see the public service and its public contacts (not the PagerDuty link).
        seen = self.find(name, self.customer.client)
        self.assertEqual([c["kind"] for c in seen[0]["contacts"]], ["phone", "email"])

    def test_reimport_updates_the_same_service_instead_of_duplicating(self):
        name = unique("Payroll ")
        host = unique("payroll-") + ".example.com"
        self.import_yaml(catalog(self.team_name, name, host))
        sid = self.find(name)[0]["id"]
        cid = self.find(name)[0]["contacts"][0]["id"]
        r = self.agent.client.post("%s/%d/contacts/%d/verify" % (SERVICES, sid, cid),
                                   {"how": "called", "result": "works"})
        self.assertEqual(r.status, 200, r.body)
        body = self.import_yaml(catalog(self.team_name, name.upper(), host, hours="24/7"))
        self.assertEqual((body["created"], body["updated"]), (0, 1), body)
        found = self.find(name)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["id"], sid)
        self.assertEqual(found[0]["name"], name.upper())
        phone = found[0]["contacts"][0]
        self.assertEqual((phone["id"], phone["hours"]), (cid, "24/7"))
        self.assertEqual(phone["verified_result"], "works")
        revisions = self.agent.client.get("%s/%d/revisions" % (SERVICES, sid)).body["items"]
        self.assertEqual(len(revisions), 2)

    def test_unknown_owner_is_a_warning_and_the_service_has_no_team(self):
        name = unique("Orphaned ")
        body = self.import_yaml(catalog("no-such-team", name, unique("o-") + ".example.org"))
        self.assertEqual(body["created"], 1)
        self.assertEqual(len(body["warnings"]), 1, body)
        self.assertIn("no-such-team", body["warnings"][0])
        self.assertIn("document 1", body["warnings"][0])
        self.assertIsNone(self.find(name)[0]["team_id"])

    def test_a_document_without_a_name_is_skipped_with_a_reason(self):
        body = self.import_yaml("kind: Component\nmetadata:\n  description: nameless\n")
        self.assertEqual(body["created"], 0)
        self.assertEqual(body["skipped"][0]["document"], 1)
        self.assertIn("name", body["skipped"][0]["reason"])

    def test_malformed_yaml_is_a_400_naming_document_and_line_and_changes_nothing(self):
        name = unique("Never ")
        text = catalog(self.team_name, name, unique("n-") + ".example.net")
        text += "---\nkind: Component\nmetadata:\n  name: [unclosed\n"
        r = self.admin.post(IMPORT, text, headers=YAML)
        self.assertProblem(r, 400)
        self.assertIn("document 3", r.body["detail"])
        self.assertIn("line", r.body["detail"])
        self.assertEqual(self.find(name), [])
        # A stray comma, which yaml-cpp 0.7 alone would read as endless empty documents.
        self.assertProblem(self.admin.post(IMPORT, text + "---\n,\n", headers=YAML), 400)
        self.assertEqual(self.find(name), [])
        self.assertTrue(self.server.healthy())

    def test_only_admins_import_and_only_as_yaml(self):
        text = catalog(self.team_name, unique("Denied "), unique("d-") + ".example.net")
        self.assertProblem(self.agent.client.post(IMPORT, text, headers=YAML), 403)
        self.assertProblem(self.customer.client.post(IMPORT, text, headers=YAML), 403)
        self.assertProblem(self.admin.post(IMPORT, text), 415)  # sent as application/json
        r = self.admin.post(IMPORT, text, headers={"Content-Type": "text/yaml; charset=utf-8"})
        self.assertEqual(r.status, 200, r.body)

    def test_customers_cannot_export(self):
        self.assertProblem(self.customer.client.get(EXPORT), 403)


class CatalogRoundTripTest(CatalogTestCase):
    def test_export_imported_into_a_fresh_server_gives_the_same_services(self):
        self.import_yaml(catalog(self.team_name, unique("Round "), unique("r-") + ".example.gov"))
        made = self.agent.client.post(SERVICES, {
            "name": unique("Hand made: \"quoted\" # "), "description": "Two\nlines ",
            "urls": ["hand.example.com"], "keywords": ["Hand Made", "FedDB", "x"],
            "team_id": self.team_id, "public": False,
            "contacts": [{"kind": "phone", "value": "0800 123", "escalation": True,
                          "call_tree": [{"press": "1", "then": "wages: late"}, {"press": "#", "then": ""}],
                          "notes": "yes", "review_interval_days": 30},
                         {"kind": "web", "value": "https://hand.example.com/form", "public": True,
                          "primary": True, "call_tree": "Pick \"other\""}]})
        self.assertEqual(made.status, 201, made.body)
        r = self.agent.client.get(EXPORT)
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.headers["Content-Type"].startswith("application/yaml"))
        exported = r.body.decode("utf-8")
        before = self.find("")
        with Server() as fresh:
            admin = fresh.admin()
            team = admin.post("/api/v1/teams", {"name": self.team_name}).body["id"]
            r = admin.post(IMPORT, exported, headers=YAML)
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.body["created"], len(before), r.body)
            self.assertEqual((r.body["skipped"], r.body["warnings"]), ([], []))
            after = admin.get(SERVICES).body["items"]
            self.assertEqual([comparable(s) for s in after], [comparable(s) for s in before])
            self.assertEqual({s["team_id"] for s in after}, {team})
            # The same file imported again changes nothing and makes no duplicates.
            r = admin.post(IMPORT, exported, headers=YAML)
            self.assertEqual((r.body["created"], r.body["updated"]), (0, len(before)), r.body)
            self.assertEqual(len(admin.get(SERVICES).body["items"]), len(before))


if __name__ == "__main__":
    unittest.main()
