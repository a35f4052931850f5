// Focus of this file: Backstage catalog-info.yaml and the service directory — the mapping of a
// document onto a service (title, links, tags, owner, the frontline.io/ annotations, PagerDuty
// and Opsgenie), what is skipped and warned about, malformed YAML refused naming the document and
// line, re-import updating (keeping verified contacts) instead of duplicating, and export read
// back by import as the same services.
#include "app/service_catalog.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "app/accounts.hpp"

namespace frontline::app {
namespace {

constexpr const char* kRecords = R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: federal-records
  title: Federal records database
  description: The records database agencies query.
  tags: [records, databases]
  links:
    - url: https://records.example.gov/login
      title: Sign in
  annotations:
    frontline.io/public: "true"
    frontline.io/support-phone: +1 555 0100
    frontline.io/call-tree: press 2 > database team > press 4
    frontline.io/support-email: dba@example.gov
    frontline.io/hours: Mon-Fri 8-18
    frontline.io/time-zone: America/New_York
    pagerduty.com/service-id: PABC123
    opsgenie.com/team: dba-oncall
spec:
  type: service
  lifecycle: production
  owner: group:default/databases
)";

TEST(CatalogMapping, ComponentBecomesAServiceWithContactsFromItsAnnotations) {
  auto parsed = parse_catalog(kRecords);
  ASSERT_TRUE(parsed) << parsed.error().message;
  ASSERT_EQ(parsed->entries.size(), 1u);
  const auto& e = parsed->entries[0];
  EXPECT_EQ(e.document, 1u);
  EXPECT_EQ(e.owner, "databases");
  const auto& d = e.draft;
  EXPECT_EQ(*d.name, "Federal records database");
  EXPECT_EQ(*d.description,
            "The records database agencies query.\n\nOn call: Opsgenie team dba-oncall.");
  EXPECT_EQ(*d.urls, std::vector<std::string>{"https://records.example.gov/login"});
  EXPECT_EQ(*d.keywords, (std::vector<std::string>{"records", "databases", "federal-records"}));
  EXPECT_TRUE(*d.is_public);
  ASSERT_EQ(d.contacts->size(), 3u);
  const auto& phone = (*d.contacts)[0];
  EXPECT_EQ(phone.kind, core::ContactKind::phone);
  EXPECT_EQ(phone.value, "+1 555 0100");
  EXPECT_EQ(phone.call_tree, (std::vector<core::CallTreeStep>{{"2", "database team"}, {"4", ""}}));
  EXPECT_EQ(phone.time_zone, "America/New_York");
  EXPECT_TRUE(phone.is_primary);
  EXPECT_TRUE(phone.is_public);
  EXPECT_EQ((*d.contacts)[1].value, "dba@example.gov");
  EXPECT_FALSE((*d.contacts)[1].is_primary);
  const auto& pager = (*d.contacts)[2];
  EXPECT_EQ(pager.kind, core::ContactKind::web);
  EXPECT_EQ(pager.value, "https://app.pagerduty.com/service-directory/PABC123");
  EXPECT_TRUE(pager.escalation);
  EXPECT_FALSE(pager.is_public);
}

TEST(CatalogMapping, CallTreeTextSplitsOnArrowsAndPlainTextIsOneStep) {
  EXPECT_EQ(parse_call_tree("Press 2 > database team > press 4 > outages"),
            (std::vector<core::CallTreeStep>{{"2", "database team"}, {"4", "outages"}}));
  EXPECT_EQ(parse_call_tree("Ask for the on-call DBA"),
            (std::vector<core::CallTreeStep>{{"", "Ask for the on-call DBA"}}));
  EXPECT_TRUE(parse_call_tree(" > ").empty());
}

TEST(CatalogMapping, OtherKindsAndNamelessDocumentsAreSkippedWithAReason) {
  auto parsed = parse_catalog(
      "kind: Group\nmetadata: {name: dba}\n---\nkind: API\nmetadata: {name: records-api}\n"
      "---\nkind: Resource\nmetadata: {description: no name}\n---\n- a list\n");
  ASSERT_TRUE(parsed) << parsed.error().message;
  std::string reasons;
  for (const auto& s : parsed->skipped)
    reasons += std::to_string(s.document) + ": " + s.reason + "\n";
  ASSERT_EQ(parsed->entries.size(), 1u) << reasons;
  EXPECT_EQ(*parsed->entries[0].draft.name, "records-api");
  EXPECT_EQ(parsed->entries[0].document, 2u);
  ASSERT_EQ(parsed->skipped.size(), 3u);
  EXPECT_EQ(parsed->skipped[0].document, 1u);
  EXPECT_NE(parsed->skipped[0].reason.find("Group"), std::string::npos);
  EXPECT_EQ(parsed->skipped[1].document, 3u);
  EXPECT_NE(parsed->skipped[1].reason.find("name"), std::string::npos);
  EXPECT_EQ(parsed->skipped[2].document, 4u);
}

TEST(CatalogMapping, MalformedYamlIsRefusedNamingTheDocumentAndLine) {
  auto parsed = parse_catalog(
      "kind: Component\nmetadata: {name: a}\n---\nkind: Component\n"
      "metadata:\n  name: [unclosed\n");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, core::Errc::bad_input);
  EXPECT_NE(parsed.error().message.find("document 2"), std::string::npos) << parsed.error().message;
  EXPECT_NE(parsed.error().message.find("line "), std::string::npos) << parsed.error().message;
}

// yaml-cpp 0.7 reads a top-level "," as endless empty documents; found by fuzz_service_catalog.
TEST(CatalogMapping, StrayCommaIsMalformedInsteadOfEndlessDocuments) {
  for (const char* yaml : {",", "kind: Component\nmetadata: {name: a}\n---\n,\n"}) {
    auto parsed = parse_catalog(yaml);
    ASSERT_FALSE(parsed) << yaml;
    EXPECT_EQ(parsed.error().code, core::Errc::bad_input);
  }
}

TEST(CatalogMapping, HostileInputNeverThrows) {
  for (const char* yaml : {"", "---\n---\n", "[", "{a: *b}", "kind: [1, 2]\nmetadata: 3",
                           "kind: Component\nmetadata: {name: x, links: 4, tags: {a: b}}",
                           "kind: Component\nmetadata:\n  name: x\n  annotations:\n"
                           "    frontline.io/contacts: '[{kind: fax}]'\n",
                           "kind: Component\nmetadata:\n  name: x\n  annotations:\n"
                           "    frontline.io/contacts: '{: ['\n"}) {
    auto parsed = parse_catalog(yaml);
    if (parsed) EXPECT_TRUE(parsed->entries.empty()) << yaml;
  }
}

TEST(CatalogMapping, EntityNamesAreBackstageNames) {
  EXPECT_EQ(catalog_entity_name("Federal records DB (prod)"), "federal-records-db-prod");
  EXPECT_EQ(catalog_entity_name("Ünïcode"), "n-code");
  EXPECT_EQ(catalog_entity_name("***"), "");
}

class ServiceCatalogTest : public ::testing::Test {
 protected:
  ServiceCatalogTest()
      : catalog_(*app_.ctx),
        directory_(*app_.ctx),
        admin_(app_.make_user("admin@x.com", core::Role::admin)),
        ann_(app_.make_user("ann@x.com", core::Role::agent)) {
    Accounts accounts(*app_.ctx);
    auto team = accounts.create_team(admin_, "Databases", {ann_.id});
    EXPECT_TRUE(team) << team.error().message;
    team_id_ = team->id;
  }

  std::vector<ServiceView> all() {
    auto r = directory_.search(ann_, "");
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : std::vector<ServiceView>{};
  }

  testing::TestApp app_;
  ServiceCatalog catalog_;
  Directory directory_;
  core::Actor admin_, ann_;
  core::Id team_id_ = 0;
};

TEST_F(ServiceCatalogTest, ImportCreatesThenUpdatesTheSameServiceKeepingVerifiedContacts) {
  auto first = catalog_.import_catalog(admin_, kRecords);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->created, 1);
  auto services = all();
  ASSERT_EQ(services.size(), 1u);
  const auto s = services[0].service;  // a copy: services is read again below
  EXPECT_EQ(s.team_id, std::optional<core::Id>(team_id_));
  const auto phone_id = s.contacts.at(0).id;
  ASSERT_TRUE(directory_.verify_contact(ann_, s.id, phone_id, {}));

  std::string changed = kRecords;
  changed.replace(changed.find("Mon-Fri 8-18"), 12, "Mon-Sat 8-18");
  auto second = catalog_.import_catalog(admin_, changed);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->updated, 1);
  services = all();
  ASSERT_EQ(services.size(), 1u);
  const auto& phone = services[0].service.contacts.at(0);
  EXPECT_EQ(phone.id, phone_id);
  EXPECT_EQ(phone.hours, "Mon-Sat 8-18");
  EXPECT_TRUE(phone.last_verified_at.has_value());
  auto revisions = directory_.revisions(ann_, s.id);
  ASSERT_TRUE(revisions);
  EXPECT_EQ(revisions->size(), 2u);
}

TEST_F(ServiceCatalogTest, UnknownOwnerWarnsAndLeavesTheServiceWithoutATeam) {
  std::string yaml = kRecords;
  yaml.replace(yaml.find("group:default/databases"), 23, "group:payments");
  auto r = catalog_.import_catalog(admin_, yaml);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("payments"), std::string::npos);
  EXPECT_FALSE(all().at(0).service.team_id.has_value());
}

TEST_F(ServiceCatalogTest, OnlyAdministratorsImportAndCustomersDoNotExport) {
  auto r = catalog_.import_catalog(ann_, kRecords);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::forbidden);
  auto carla = app_.make_user("carla@example.com", core::Role::customer);
  auto e = catalog_.export_catalog(carla);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, core::Errc::forbidden);
  EXPECT_TRUE(catalog_.export_catalog(ann_));
}

TEST_F(ServiceCatalogTest, ExportIsReadBackAsTheSameServices) {
  ASSERT_TRUE(catalog_.import_catalog(admin_, kRecords));
  ServiceDraft d;
  d.name = "Payroll: \"quoted\" # not a comment";
  d.description = "Line one\n  indented line two\n";
  d.urls = std::vector<std::string>{"payroll.example.com"};
  d.keywords = std::vector<std::string>{"Pay Roll", "payroll", "HR"};
  d.team_id = std::optional<core::Id>(team_id_);
  ContactDraft c;
  c.kind = core::ContactKind::phone;
  c.value = "0800 123";
  c.call_tree = {{"1", "payroll: wages"}, {"", "then wait"}};
  c.escalation = true;
  c.notes = "yes";
  c.review_interval_days = 30;
  d.contacts = std::vector<ContactDraft>{c};
  ASSERT_TRUE(directory_.create(ann_, d));
  const auto before = all();

  auto yaml = catalog_.export_catalog(ann_);
  ASSERT_TRUE(yaml) << yaml.error().message;
  auto parsed = parse_catalog(*yaml);
  ASSERT_TRUE(parsed) << parsed.error().message << "\n" << *yaml;
  EXPECT_TRUE(parsed->skipped.empty()) << *yaml;

  testing::TestApp other;
  auto other_admin = other.make_user("admin@x.com", core::Role::admin);
  ASSERT_TRUE(Accounts(*other.ctx).create_team(other_admin, "Databases", {}));
  ServiceCatalog other_catalog(*other.ctx);
  auto imported = other_catalog.import_catalog(other_admin, *yaml);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->created, 2) << *yaml;
  EXPECT_TRUE(imported->warnings.empty());
  auto after = Directory(*other.ctx).search(other_admin, "");
  ASSERT_TRUE(after);
  ASSERT_EQ(after->size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    const auto& a = before[i].service;
    const auto& b = (*after)[i].service;
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.description, b.description);
    EXPECT_EQ(a.urls, b.urls);
    EXPECT_EQ(a.keywords, b.keywords) << *yaml;
    EXPECT_EQ(a.is_public, b.is_public);
    EXPECT_EQ(a.team_id.has_value(), b.team_id.has_value());
    ASSERT_EQ(a.contacts.size(), b.contacts.size());
    for (std::size_t j = 0; j < a.contacts.size(); ++j) {
      const auto& x = a.contacts[j];
      const auto& y = b.contacts[j];
      EXPECT_EQ(x.kind, y.kind);
      EXPECT_EQ(x.value, y.value);
      EXPECT_EQ(x.call_tree, y.call_tree);
      EXPECT_EQ(x.hours, y.hours);
      EXPECT_EQ(x.time_zone, y.time_zone);
      EXPECT_EQ(x.is_public, y.is_public);
      EXPECT_EQ(x.escalation, y.escalation);
      EXPECT_EQ(x.escalation_order, y.escalation_order);
      EXPECT_EQ(x.is_primary, y.is_primary);
      EXPECT_EQ(x.notes, y.notes);
      EXPECT_EQ(x.review_interval_days, y.review_interval_days);
    }
  }
}

}  // namespace
}  // namespace frontline::app
