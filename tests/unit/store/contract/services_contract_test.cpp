// Store contract, run against every engine: the service directory — services with their URLs,
// keywords and contacts, updates that keep contact ids, search by name, keyword and host,
// revisions, open tickets per service, and tickets naming their service.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

using core::Id;

class ServicesContract : public StoreContract {
 protected:
  static core::ServiceContact phone(const std::string& number) {
    core::ServiceContact c;
    c.kind = core::ContactKind::phone;
    c.value = number;
    c.created_at = 100;
    return c;
  }

  Id service(const std::string& name, std::vector<std::string> urls = {},
             std::vector<std::string> keywords = {}, bool is_public = false,
             std::vector<core::ServiceContact> contacts = {}) {
    core::Service s;
    s.name = name;
    s.urls = std::move(urls);
    s.keywords = std::move(keywords);
    s.is_public = is_public;
    s.contacts = std::move(contacts);
    s.created_at = s.updated_at = 100;
    Id id = 0;
    write([&](Tx& tx) { id = tx.services().insert_service(s); });
    return id;
  }

  core::Service load(Id id) {
    std::optional<core::Service> s;
    read([&](Tx& tx) { s = tx.services().service_by_id(id); });
    EXPECT_TRUE(s);
    return s.value_or(core::Service{});
  }

  std::vector<Id> found(const ServiceFilter& f) {
    std::vector<Id> ids;
    read([&](Tx& tx) {
      for (const auto& s : tx.services().find_services(f)) ids.push_back(s.id);
    });
    return ids;
  }
};
FRONTLINE_STORE_CONTRACT(ServicesContract);

TEST_P(ServicesContract, AServiceReadsBackWithItsPartsInOrder) {
  auto c1 = phone("+1 555 0100");
  c1.call_tree = {{"2", "database team"}, {"4", "outages"}};
  c1.hours = "Mon-Fri 8-18";
  c1.time_zone = "America/New_York";
  c1.is_public = true;
  c1.escalation = true;
  c1.escalation_order = 1;
  c1.is_primary = true;
  c1.notes = "ask for the DBA";
  c1.review_interval_days = 30;
  auto c2 = phone("help@example.gov");
  c2.kind = core::ContactKind::email;
  c2.call_tree = {{"", "Write URGENT in the subject"}};
  c2.active = false;
  c2.last_verified_at = 150;
  c2.verified_by = user("ann@x.com", core::Role::agent);
  c2.verified_how = core::VerificationMethod::emailed;
  c2.verified_result = core::VerificationResult::wrong;
  const Id id = service("Records", {"https://records.example.gov/a", "db.example.gov"},
                        {"records", "FedDB"}, true, {c1, c2});
  auto s = load(id);
  EXPECT_EQ(s.name, "Records");
  EXPECT_EQ(s.urls, (std::vector<std::string>{"https://records.example.gov/a", "db.example.gov"}));
  EXPECT_EQ(s.keywords, (std::vector<std::string>{"records", "FedDB"}));
  EXPECT_TRUE(s.is_public);
  EXPECT_FALSE(s.team_id);
  EXPECT_EQ(s.version, 1);
  ASSERT_EQ(s.contacts.size(), 2u);
  const auto& a = s.contacts[0];
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(a.call_tree, c1.call_tree);
  EXPECT_EQ(a.hours, "Mon-Fri 8-18");
  EXPECT_EQ(a.time_zone, "America/New_York");
  EXPECT_TRUE(a.is_public && a.escalation && a.is_primary && a.active);
  EXPECT_EQ(a.escalation_order, 1);
  EXPECT_EQ(a.notes, "ask for the DBA");
  EXPECT_EQ(a.review_interval_days, 30);
  EXPECT_FALSE(a.last_verified_at);
  EXPECT_FALSE(a.verified_how);
  const auto& b = s.contacts[1];
  EXPECT_EQ(b.kind, core::ContactKind::email);
  EXPECT_EQ(b.call_tree, c2.call_tree);
  EXPECT_FALSE(b.active);
  EXPECT_EQ(b.last_verified_at, std::optional<core::UnixTime>(150));
  EXPECT_EQ(b.verified_by, c2.verified_by);
  EXPECT_EQ(b.verified_how, core::VerificationMethod::emailed);
  EXPECT_EQ(b.verified_result, core::VerificationResult::wrong);
  read([&](Tx& tx) {
    EXPECT_EQ(tx.services().service_by_name("RECORDS")->id, id);
    EXPECT_FALSE(tx.services().service_by_id(id + 1000));
  });
}

TEST_P(ServicesContract, NamesAreUniqueIgnoringCase) {
  service("Payroll");
  EXPECT_EQ(kind_thrown([&] { service("PAYROLL"); }), StoreError::Kind::conflict);
}

TEST_P(ServicesContract, UpdateKeepsListedContactIdsAddsNewOnesAndRemovesTheRest) {
  const Id id =
      service("Mail", {"mail.example.com"}, {"smtp"}, false, {phone("1"), phone("2"), phone("3")});
  auto s = load(id);
  const Id kept = s.contacts[1].id;
  const Id removed = s.contacts[0].id;
  s.contacts = {s.contacts[1], phone("4")};
  s.contacts[0].value = "2b";
  s.urls = {"https://webmail.example.com"};
  s.keywords = {};
  s.description = "changed";
  s.version += 1;
  bool updated = false;
  write([&](Tx& tx) { updated = tx.services().update_service(s); });
  ASSERT_TRUE(updated);
  auto after = load(id);
  ASSERT_EQ(after.contacts.size(), 2u);
  EXPECT_EQ(after.contacts[0].id, kept);
  EXPECT_EQ(after.contacts[0].value, "2b");
  EXPECT_NE(after.contacts[1].id, removed);
  EXPECT_EQ(after.contacts[1].value, "4");
  EXPECT_EQ(after.urls, (std::vector<std::string>{"https://webmail.example.com"}));
  EXPECT_TRUE(after.keywords.empty());
  EXPECT_EQ(after.description, "changed");
  EXPECT_EQ(after.version, 2);
}

TEST_P(ServicesContract, UpdateAtAStaleVersionChangesNothing) {
  const Id id = service("Stale");
  auto s = load(id);
  s.description = "lost";
  s.version = 5;  // the stored version is 1, not 4
  bool updated = true;
  write([&](Tx& tx) { updated = tx.services().update_service(s); });
  EXPECT_FALSE(updated);
  EXPECT_EQ(load(id).description, "");
}

TEST_P(ServicesContract, SearchMatchesNamePartKeywordOrHostAndHonoursPublicOnly) {
  const Id records =
      service("Federal Records", {"https://www.Records.example.gov:8443/x"}, {"archive"}, true);
  const Id payroll = service("Payroll", {"pay.example.com"}, {"Salary"}, false);
  ServiceFilter by_name;
  by_name.name_contains = "RECORD";
  EXPECT_EQ(found(by_name), std::vector<Id>{records});
  ServiceFilter by_keyword;
  by_keyword.keyword = "salary";
  EXPECT_EQ(found(by_keyword), std::vector<Id>{payroll});
  ServiceFilter by_host;
  by_host.host = "records.example.gov";  // stored normalised from the URL
  EXPECT_EQ(found(by_host), std::vector<Id>{records});
  ServiceFilter part_of_keyword;
  part_of_keyword.keyword = "arch";  // keywords match whole
  EXPECT_TRUE(found(part_of_keyword).empty());
  ServiceFilter all;
  all.match_all = true;
  EXPECT_EQ(found(all), (std::vector<Id>{records, payroll}));  // by name
  all.public_only = true;
  EXPECT_EQ(found(all), std::vector<Id>{records});
  ServiceFilter none;
  EXPECT_TRUE(found(none).empty());
}

TEST_P(ServicesContract, RevisionsListOldestFirstWithTheAuthorsName) {
  const Id id = service("Revised");
  const Id other = service("Other");
  const Id ann = user("ann@x.com", core::Role::agent);
  Id first = 0, second = 0;
  write([&](Tx& tx) {
    first = tx.services().insert_revision({0, id, ann, "", 100, "{\"name\":\"Revised\"}", {}});
    tx.services().insert_revision({0, other, ann, "", 100, "{}", {}});
    second = tx.services().insert_revision({0, id, std::nullopt, "", 200, "{}", first});
  });
  read([&](Tx& tx) {
    auto revs = tx.services().list_revisions(id);
    ASSERT_EQ(revs.size(), 2u);
    EXPECT_EQ(revs[0].id, first);
    EXPECT_EQ(revs[0].author_id, std::optional<Id>(ann));
    EXPECT_EQ(revs[0].author_name, "ann");
    EXPECT_EQ(revs[0].snapshot, "{\"name\":\"Revised\"}");
    EXPECT_EQ(revs[0].created_at, 100);
    EXPECT_FALSE(revs[0].restored_from);
    EXPECT_EQ(revs[1].id, second);
    EXPECT_FALSE(revs[1].author_id);
    EXPECT_EQ(revs[1].restored_from, std::optional<Id>(first));
    EXPECT_TRUE(tx.services().revision_by_id(id, first));
    EXPECT_FALSE(tx.services().revision_by_id(other, first));
  });
}

TEST_P(ServicesContract, TicketsNameTheirServiceAndOpenOnesAreCountedPerService) {
  const Id a = service("A");
  const Id b = service("B");
  const Id requester = user("c@x.com");
  auto t1 = ticket(requester, "one", 1);
  auto t2 = ticket(requester, "two", 2);
  auto t3 = ticket(requester, "three", 3);
  ticket(requester, "none", 4);
  write([&](Tx& tx) {
    for (auto* t : {&t1, &t2, &t3}) {
      t->service_id = t == &t3 ? b : a;
      t->version += 1;
      if (t == &t2) t->status = core::Status::resolved;
      ASSERT_TRUE(tx.tickets().update_ticket(*t));
    }
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().ticket_by_number(t1.number)->service_id, std::optional<Id>(a));
    auto counts = tx.services().open_tickets_per_service();
    EXPECT_EQ(counts, (std::vector<std::pair<Id, std::int64_t>>{{a, 1}, {b, 1}}));
  });
}

TEST_P(ServicesContract, ATicketInsertedWithAServiceReadsItBack) {
  const Id a = service("A");
  core::Ticket t;
  t.subject = "about A";
  t.requester_id = user("c@x.com");
  t.service_id = a;
  write([&](Tx& tx) { tx.tickets().insert_ticket(t, "", ""); });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().ticket_by_number(t.number)->service_id, std::optional<Id>(a));
  });
}

}  // namespace
}  // namespace frontline::store::contract
