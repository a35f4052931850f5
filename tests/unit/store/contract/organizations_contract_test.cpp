// Store contract, run against every engine: organisations, teams and boards. Focus: names unique
// and found ignoring case, lists by name, member ids ascending, and members replaced whole (a
// replacement that fails leaves the old members).
#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class OrganizationsContract : public StoreContract {
 protected:
  Id team(const std::string& name, std::vector<Id> members = {}) {
    Id id = 0;
    write([&](Tx& tx) { id = tx.organizations().insert_team({0, name, std::move(members)}); });
    return id;
  }
  Id board(const std::string& name, std::vector<Id> members = {}, UnixTime now = 1) {
    Id id = 0;
    write([&](Tx& tx) {
      id = tx.organizations().insert_board({0, name, std::move(members)}, now);
    });
    return id;
  }
  template <typename Group>
  static std::vector<std::string> names(const std::vector<Group>& groups) {
    std::vector<std::string> out;
    for (const auto& g : groups) out.push_back(g.name);
    return out;
  }
};
FRONTLINE_STORE_CONTRACT(OrganizationsContract);

TEST_P(OrganizationsContract, OrganisationRoundTripsAndMissingOnesAreNullopt) {
  Id id = 0;
  write([&](Tx& tx) {
    core::Organization org;
    org.name = "Acme";
    org.share_tickets = true;
    org.work_week = 0b1111110;  // Tuesday to Sunday
    id = tx.organizations().insert_organization(org);
  });
  read([&](Tx& tx) {
    auto org = tx.organizations().organization_by_id(id);
    ASSERT_TRUE(org);
    EXPECT_EQ(org->id, id);
    EXPECT_EQ(org->name, "Acme");
    EXPECT_TRUE(org->share_tickets);
    EXPECT_EQ(org->work_week, 0b1111110);
    EXPECT_FALSE(tx.organizations().organization_by_id(id + 100));
    EXPECT_FALSE(tx.organizations().organization_by_name("Acme Ltd"));
  });
}

TEST_P(OrganizationsContract, OrganisationNamesAreFoundAndUniqueIgnoringCase) {
  auto id = organization("Acme");
  read([&](Tx& tx) {
    auto org = tx.organizations().organization_by_name("ACME");
    ASSERT_TRUE(org);
    EXPECT_EQ(org->id, id);
    EXPECT_EQ(org->name, "Acme");
  });
  EXPECT_EQ(kind_thrown([&] { organization("acme"); }), StoreError::Kind::conflict);
  auto other = organization("Globex");
  EXPECT_EQ(kind_thrown([&] {
              write([&](Tx& tx) {
                auto org = *tx.organizations().organization_by_id(other);
                org.name = "aCME";
                tx.organizations().update_organization(org);
              });
            }),
            StoreError::Kind::conflict);
  read([&](Tx& tx) { EXPECT_EQ(tx.organizations().list_organizations().size(), 2u); });
}

TEST_P(OrganizationsContract, OrganisationsAreListedByNameIgnoringCase) {
  organization("charlie");
  organization("Bravo");
  organization("alpha");
  read([&](Tx& tx) {
    EXPECT_EQ(names(tx.organizations().list_organizations()),
              (std::vector<std::string>{"alpha", "Bravo", "charlie"}));
  });
}

TEST_P(OrganizationsContract, UpdateOrganisationWritesNameSharingAndWorkWeek) {
  auto id = organization("Old name");
  write([&](Tx& tx) {
    auto org = *tx.organizations().organization_by_id(id);
    org.name = "New name";
    org.share_tickets = true;
    org.work_week = 0b0011110;
    tx.organizations().update_organization(org);
  });
  read([&](Tx& tx) {
    auto org = tx.organizations().organization_by_id(id);
    ASSERT_TRUE(org);
    EXPECT_EQ(org->name, "New name");
    EXPECT_TRUE(org->share_tickets);
    EXPECT_EQ(org->work_week, 0b0011110);
    EXPECT_FALSE(tx.organizations().organization_by_name("Old name"));
    EXPECT_EQ(tx.organizations().organization_by_name("new NAME")->id, id);
  });
}

TEST_P(OrganizationsContract, TeamsKeepMembersAscendingOnceEachAndAreFoundByIdOrName) {
  auto a = user("a@x.com", core::Role::agent);
  auto b = user("b@x.com", core::Role::agent);
  auto c = user("c@x.com", core::Role::agent);
  auto id = team("Network", {c, a, b, a});
  read([&](Tx& tx) {
    auto by_id = tx.organizations().team_by_id(id);
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->name, "Network");
    EXPECT_EQ(by_id->member_ids, (std::vector<Id>{a, b, c}));
    auto by_name = tx.organizations().team_by_name("NETWORK");
    ASSERT_TRUE(by_name);
    EXPECT_EQ(by_name->id, id);
    EXPECT_EQ(by_name->member_ids, (std::vector<Id>{a, b, c}));
    EXPECT_FALSE(tx.organizations().team_by_id(id + 100));
    EXPECT_FALSE(tx.organizations().team_by_name("Hardware"));
  });
}

TEST_P(OrganizationsContract, TeamNamesAreUniqueIgnoringCaseAndListedByName) {
  auto a = user("a@x.com", core::Role::agent);
  team("network", {a});
  team("Hardware");
  team("field");
  EXPECT_EQ(kind_thrown([&] { team("NETWORK"); }), StoreError::Kind::conflict);
  read([&](Tx& tx) {
    auto teams = tx.organizations().list_teams();
    EXPECT_EQ(names(teams), (std::vector<std::string>{"field", "Hardware", "network"}));
    EXPECT_EQ(teams[2].member_ids, (std::vector<Id>{a}));
    EXPECT_TRUE(teams[0].member_ids.empty());
  });
}

TEST_P(OrganizationsContract, SettingTeamMembersReplacesThemAll) {
  auto a = user("a@x.com", core::Role::agent);
  auto b = user("b@x.com", core::Role::agent);
  auto c = user("c@x.com", core::Role::agent);
  auto network = team("Network", {a, b});
  auto field = team("Field", {a});
  write([&](Tx& tx) { tx.organizations().set_team_members(network, {c, b}); });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.organizations().team_by_id(network)->member_ids, (std::vector<Id>{b, c}));
    EXPECT_EQ(tx.organizations().team_by_id(field)->member_ids, (std::vector<Id>{a}));
  });
  write([&](Tx& tx) { tx.organizations().set_team_members(network, {}); });
  read([&](Tx& tx) { EXPECT_TRUE(tx.organizations().team_by_id(network)->member_ids.empty()); });
}

TEST_P(OrganizationsContract, AFailedMemberReplacementLeavesTheOldMembers) {
  auto a = user("a@x.com", core::Role::agent);
  auto b = user("b@x.com", core::Role::agent);
  auto network = team("Network", {a});
  auto board_id = board("Help desk", {a});
  const Id nobody = b + 100;
  EXPECT_EQ(kind_thrown([&] {
              write([&](Tx& tx) { tx.organizations().set_team_members(network, {b, nobody}); });
            }),
            StoreError::Kind::not_found);
  EXPECT_EQ(
      kind_thrown([&] {
        write([&](Tx& tx) { tx.organizations().update_board({board_id, "Renamed", {b, nobody}}); });
      }),
      StoreError::Kind::not_found);
  read([&](Tx& tx) {
    EXPECT_EQ(tx.organizations().team_by_id(network)->member_ids, (std::vector<Id>{a}));
    auto kept = tx.organizations().board_by_id(board_id);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->name, "Help desk");
    EXPECT_EQ(kept->member_ids, (std::vector<Id>{a}));
  });
}

TEST_P(OrganizationsContract, BoardsAreFoundByIdOrNameAndListedByName) {
  auto a = user("a@x.com", core::Role::agent);
  auto b = user("b@x.com", core::Role::agent);
  auto field = board("field technicians", {b, a, b});
  board("Help desk", {a});
  read([&](Tx& tx) {
    auto by_id = tx.organizations().board_by_id(field);
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->name, "field technicians");
    EXPECT_EQ(by_id->member_ids, (std::vector<Id>{a, b}));
    auto by_name = tx.organizations().board_by_name("FIELD Technicians");
    ASSERT_TRUE(by_name);
    EXPECT_EQ(by_name->id, field);
    EXPECT_FALSE(tx.organizations().board_by_id(field + 100));
    EXPECT_FALSE(tx.organizations().board_by_name("Night shift"));
    EXPECT_EQ(names(tx.organizations().list_boards()),
              (std::vector<std::string>{"field technicians", "Help desk"}));
  });
  EXPECT_EQ(kind_thrown([&] { board("HELP DESK"); }), StoreError::Kind::conflict);
}

TEST_P(OrganizationsContract, UpdateBoardWritesNameAndReplacesMembers) {
  auto a = user("a@x.com", core::Role::agent);
  auto b = user("b@x.com", core::Role::agent);
  auto c = user("c@x.com", core::Role::agent);
  auto id = board("Help desk", {a, b});
  write([&](Tx& tx) { tx.organizations().update_board({id, "Service desk", {c, a}}); });
  read([&](Tx& tx) {
    auto got = tx.organizations().board_by_id(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->name, "Service desk");
    EXPECT_EQ(got->member_ids, (std::vector<Id>{a, c}));
    EXPECT_FALSE(tx.organizations().board_by_name("Help desk"));
  });
}

TEST_P(OrganizationsContract, DeletedBoardIsGoneWithItsMembersOnce) {
  auto a = user("a@x.com", core::Role::agent);
  auto gone = board("Help desk", {a});
  auto kept = board("Field", {a});
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.organizations().delete_board(gone));
    EXPECT_FALSE(tx.organizations().delete_board(gone));  // already gone
  });
  read([&](Tx& tx) {
    EXPECT_FALSE(tx.organizations().board_by_id(gone));
    EXPECT_EQ(names(tx.organizations().list_boards()), (std::vector<std::string>{"Field"}));
    EXPECT_EQ(tx.organizations().board_by_id(kept)->member_ids, (std::vector<Id>{a}));
  });
  auto again = board("help desk");  // the name is free again
  read([&](Tx& tx) { EXPECT_TRUE(tx.organizations().board_by_id(again)->member_ids.empty()); });
}

}  // namespace
}  // namespace frontline::store::contract
