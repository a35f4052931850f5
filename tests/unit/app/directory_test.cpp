// Focus of this file: the service directory's use cases on the database that runs every write
// unit twice — "overdue" follows the injected clock, the orphan rules (no active contact, no or
// an empty team, every contact overdue) with their open tickets, lookup by a URL deep inside a
// service's host, what customers may see, revisions and restoring one.
#include "app/directory.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "app/notifications.hpp"
#include "app/tickets.hpp"

namespace frontline::app {
namespace {

constexpr core::UnixTime kDay = 86400;

class DirectoryTest : public ::testing::Test {
 protected:
  DirectoryTest()
      : directory_(*app_.ctx),
        admin_(app_.make_user("admin@x.com", core::Role::admin)),
        ann_(app_.make_user("ann@x.com", core::Role::agent)),
        carla_(app_.make_user("carla@example.com", core::Role::customer)) {
    Accounts accounts(*app_.ctx);
    auto team = accounts.create_team(admin_, "Databases", {ann_.id});
    EXPECT_TRUE(team) << team.error().message;
    team_id_ = team->id;
  }

  static ContactDraft phone(std::string value = "+1 555 0100", bool is_public = true) {
    ContactDraft c;
    c.kind = core::ContactKind::phone;
    c.value = std::move(value);
    c.is_public = is_public;
    return c;
  }

  ServiceView add(const std::string& name, std::vector<ContactDraft> contacts,
                  std::vector<std::string> urls = {}, bool is_public = true) {
    ServiceDraft d;
    d.name = name;
    d.team_id = std::optional<core::Id>(team_id_);
    d.urls = std::move(urls);
    d.is_public = is_public;
    d.contacts = std::move(contacts);
    auto created = directory_.create(ann_, d);
    EXPECT_TRUE(created) << created.error().message;
    return created ? *created : ServiceView{};
  }

  std::vector<OrphanService> orphans() {
    auto o = directory_.orphans(ann_);
    EXPECT_TRUE(o) << o.error().message;
    return o ? *o : std::vector<OrphanService>{};
  }

  const OrphanService* orphan(core::Id id) {
    orphans_ = orphans();
    for (const auto& o : orphans_) {
      if (o.service.service.id == id) return &o;
    }
    return nullptr;
  }

  testing::TestApp app_;
  Directory directory_;
  core::Actor admin_, ann_, carla_;
  core::Id team_id_ = 0;
  std::vector<OrphanService> orphans_;
};

TEST_F(DirectoryTest, OverdueFollowsTheClockAndVerifyingMakesTheContactCurrentAgain) {
  auto c = phone();
  c.review_interval_days = 30;
  const auto id = add("Records", {c}).service.id;
  const auto cid = directory_.get(ann_, id)->service.contacts[0].id;
  EXPECT_FALSE(directory_.get(ann_, id)->overdue.at(0));
  app_.clock.advance(31 * kDay);
  EXPECT_TRUE(directory_.get(ann_, id)->overdue.at(0));
  auto verified = directory_.verify_contact(
      ann_, id, cid, {core::VerificationMethod::called, core::VerificationResult::works});
  ASSERT_TRUE(verified) << verified.error().message;
  EXPECT_FALSE(verified->overdue.at(0));
  const auto& contact = verified->service.contacts.at(0);
  EXPECT_EQ(contact.last_verified_at, std::optional<core::UnixTime>(app_.clock.now()));
  EXPECT_EQ(contact.verified_by, std::optional<core::Id>(ann_.id));
}

TEST_F(DirectoryTest, AServiceWithoutContactsIsAnOrphanWithItsOpenTicketsUntilOneIsAdded) {
  const auto id = add("Payroll", {}).service.id;
  Tickets tickets(*app_.ctx);
  OpenTicket in;
  in.subject = "Payroll is down";
  in.body = "Since 9.";
  in.requester_email = carla_.email;
  in.service_id = id;
  ASSERT_TRUE(tickets.open(ann_, in));
  ASSERT_TRUE(tickets.open(ann_, in));
  const auto* o = orphan(id);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->reason, core::OrphanReason::no_active_contact);
  EXPECT_EQ(o->open_tickets, 2);
  ServiceDraft change;
  change.contacts = std::vector<ContactDraft>{phone()};
  ASSERT_TRUE(directory_.update(ann_, id, change));
  EXPECT_EQ(orphan(id), nullptr);
}

TEST_F(DirectoryTest, ATeamWhoseOnlyMemberIsDisabledLeavesItsServicesOrphaned) {
  const auto id = add("Mail", {phone()}).service.id;
  EXPECT_EQ(orphan(id), nullptr);
  Accounts accounts(*app_.ctx);
  UserChanges off;
  off.disabled = true;
  ASSERT_TRUE(accounts.update_user(admin_, ann_.id, off));
  const auto* o = orphan(id);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->reason, core::OrphanReason::team_without_members);
}

TEST_F(DirectoryTest, EveryContactOverdueMakesAnOrphanOnceTheClockPassesTheirReview) {
  auto c = phone();
  c.review_interval_days = 10;
  const auto id = add("Printers", {c}).service.id;
  EXPECT_EQ(orphan(id), nullptr);
  app_.clock.advance(11 * kDay);
  const auto* o = orphan(id);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->reason, core::OrphanReason::all_contacts_overdue);
}

TEST_F(DirectoryTest, AUrlDeepInsideTheHostFindsTheServiceAndCustomersFindPublicOnesOnly) {
  const auto open_id = add("Records", {phone()}, {"https://records.example.gov"}).service.id;
  const auto hidden_id =
      add("Records admin", {phone()}, {"https://admin.example.gov"}, false).service.id;
  auto found = directory_.search(ann_, "http://WWW.records.example.gov:8080/deep/in/it?q=1");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->at(0).service.id, open_id);
  auto staff = directory_.search(ann_, "records");
  ASSERT_TRUE(staff);
  EXPECT_EQ(staff->size(), 2u);
  auto customer = directory_.search(carla_, "records");
  ASSERT_TRUE(customer);
  ASSERT_EQ(customer->size(), 1u);
  EXPECT_EQ(customer->at(0).service.id, open_id);
  EXPECT_EQ(directory_.get(carla_, hidden_id).error().code, core::Errc::not_found);
}

TEST_F(DirectoryTest, CustomersSeeOnlyPublicActiveContactsAndNoRevisions) {
  const auto id = add("Portal", {phone("+1 555 0001"), phone("+1 555 0002", false)}).service.id;
  auto seen = directory_.get(carla_, id);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->service.contacts.size(), 1u);
  EXPECT_EQ(seen->service.contacts[0].value, "+1 555 0001");
  EXPECT_EQ(directory_.revisions(carla_, id).error().code, core::Errc::forbidden);
  EXPECT_EQ(directory_.create(carla_, ServiceDraft{}).error().code, core::Errc::forbidden);
}

TEST_F(DirectoryTest, EverySaveWritesOneRevisionAndRestoringBringsTheOldStateBack) {
  const auto id = add("Old name", {phone()}).service.id;
  ServiceDraft rename;
  rename.name = "New name";
  rename.contacts = std::vector<ContactDraft>{};
  ASSERT_TRUE(directory_.update(admin_, id, rename));
  auto revs = directory_.revisions(ann_, id);
  ASSERT_TRUE(revs);
  ASSERT_EQ(revs->size(), 2u);  // once each, though every unit ran twice
  EXPECT_EQ(revs->at(0).author_id, std::optional<core::Id>(ann_.id));
  EXPECT_NE(revs->at(0).snapshot.find("\"Old name\""), std::string::npos);
  EXPECT_EQ(revs->at(1).author_id, std::optional<core::Id>(admin_.id));

  // The snapshot's state, as the http layer decodes it: the old name and the removed contact.
  ServiceDraft old_state;
  old_state.name = "Old name";
  auto contact = phone();
  contact.id = 12345;  // gone since: comes back as a new contact
  old_state.contacts = std::vector<ContactDraft>{contact};
  auto restored = directory_.restore(ann_, id, revs->at(0).id, old_state);
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_EQ(restored->service.name, "Old name");
  ASSERT_EQ(restored->service.contacts.size(), 1u);
  auto after = directory_.revisions(ann_, id);
  ASSERT_EQ(after->size(), 3u);
  EXPECT_EQ(after->at(2).restored_from, std::optional<core::Id>(revs->at(0).id));
}

TEST_F(DirectoryTest, APatchNamingAnOlderVersionIsStaleAndChangesNothing) {
  const auto created = add("Versioned", {phone()}).service;
  ServiceDraft first;
  first.description = "first";
  ASSERT_TRUE(
      directory_.update(ann_, created.id, first, std::vector<std::int64_t>{created.version}));
  ServiceDraft second;
  second.description = "second";
  auto stale =
      directory_.update(admin_, created.id, second, std::vector<std::int64_t>{created.version});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, core::Errc::stale);
  EXPECT_EQ(directory_.get(ann_, created.id)->service.description, "first");
}

TEST_F(DirectoryTest, AnUnknownContactIdInAPatchIsRefusedWithTheFieldNamed) {
  const auto id = add("Strict", {phone()}).service.id;
  ServiceDraft change;
  auto c = phone();
  c.id = 999999;
  change.contacts = std::vector<ContactDraft>{c};
  auto r = directory_.update(ann_, id, change);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).field, "contacts[0].id");
}

TEST_F(DirectoryTest, AContactReportedWrongNotifiesTheOtherTeamMembersOnce) {
  auto bo = app_.make_user("bo@x.com", core::Role::agent);
  Accounts accounts(*app_.ctx);
  ASSERT_TRUE(accounts.set_team_members(admin_, team_id_, {ann_.id, bo.id}));
  const auto s = add("Records", {phone()}).service;
  Tickets tickets(*app_.ctx);
  OpenTicket in;
  in.subject = "Cannot reach records";
  in.body = "The number plays a new menu.";
  auto t = tickets.open(carla_, in);
  ASSERT_TRUE(t);
  auto done = directory_.report_wrong(ann_, s.id, s.contacts[0].id, t->number, "menu changed");
  ASSERT_TRUE(done) << done.error().message;
  Notifications notifications(*app_.ctx);
  auto bos = notifications.list(bo, false, std::nullopt, 50);
  ASSERT_TRUE(bos);
  ASSERT_EQ(bos->items.size(), 1u);  // once, though the unit ran twice
  EXPECT_EQ(bos->items[0].kind, core::NotificationKind::contact_reported_wrong);
  EXPECT_EQ(bos->items[0].ticket_number, t->number);
  EXPECT_TRUE(notifications.list(ann_, false, std::nullopt, 50)->items.empty());  // the reporter
  EXPECT_EQ(directory_.report_wrong(carla_, s.id, s.contacts[0].id, t->number, "").error().code,
            core::Errc::forbidden);
}

TEST_F(DirectoryTest, SnapshotIsThePatchShapeWithContactIds) {
  core::Service s;
  s.name = "A \"quoted\" name";
  s.urls = {"a.example"};
  s.team_id = 3;
  core::ServiceContact c;
  c.id = 9;
  c.value = "1";
  c.call_tree = {{"2", "db"}};
  c.escalation = true;
  c.escalation_order = 1;
  s.contacts = {c};
  EXPECT_EQ(service_snapshot(s),
            "{\"name\":\"A \\\"quoted\\\" name\",\"description\":\"\",\"urls\":[\"a.example\"],"
            "\"keywords\":[],\"team_id\":3,\"public\":false,\"contacts\":[{\"id\":9,"
            "\"kind\":\"phone\",\"value\":\"1\",\"call_tree\":[{\"press\":\"2\",\"then\":\"db\"}],"
            "\"hours\":\"\",\"time_zone\":\"\",\"public\":false,\"escalation\":true,"
            "\"escalation_order\":1,\"primary\":false,\"active\":true,\"notes\":\"\","
            "\"review_interval_days\":180}]}");
}

}  // namespace
}  // namespace frontline::app
