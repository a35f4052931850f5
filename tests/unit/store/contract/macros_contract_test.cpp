// Store contract, run against every engine: the macro repository (migration 013) —
// every field change round-trips, including the difference between "leave the assignee alone",
// "clear it", "set it" and "whoever applies it"; listing shows shared macros and the owner's own
// only.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class MacroRepositoryContract : public StoreContract {
 protected:
  core::Id user(const std::string& email) { return StoreContract::user(email, core::Role::agent); }

  core::Id insert(const core::Macro& m) {
    core::Id id = 0;
    db_->write([&](Tx& tx) {
      id = tx.macros().insert_macro(m);
      return true;
    });
    return id;
  }

  std::optional<core::Macro> load(core::Id id) {
    std::optional<core::Macro> out;
    db_->read([&](Tx& tx) { out = tx.macros().macro_by_id(id); });
    return out;
  }
};
FRONTLINE_STORE_CONTRACT(MacroRepositoryContract);

TEST_P(MacroRepositoryContract, EveryFieldChangeRoundTrips) {
  auto owner = user("tess@x.com");
  core::Macro m;
  m.owner_id = owner;
  m.name = "Escalate";
  m.status = core::Status::pending;
  m.priority = core::Priority::urgent;
  m.assignee_id = std::optional<core::Id>(owner);
  m.team_id = std::optional<core::Id>();  // clear the team
  m.category = "Network";
  m.add_tags = {"escalated", "vip"};
  m.remove_tags = {"triage"};
  m.reply = "Hello {{recipient_name}}";
  m.reply_internal = true;
  m.updated_at = 42;
  auto got = load(insert(m));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->owner_id, owner);
  EXPECT_EQ(got->name, "Escalate");
  EXPECT_EQ(got->status, core::Status::pending);
  EXPECT_EQ(got->priority, core::Priority::urgent);
  EXPECT_FALSE(got->assign_to_me);
  EXPECT_EQ(got->assignee_id, std::optional<std::optional<core::Id>>(owner));
  ASSERT_TRUE(got->team_id.has_value());
  EXPECT_FALSE(got->team_id->has_value());
  EXPECT_EQ(got->category, "Network");
  EXPECT_EQ(got->add_tags, (std::vector<std::string>{"escalated", "vip"}));
  EXPECT_EQ(got->remove_tags, std::vector<std::string>{"triage"});
  EXPECT_EQ(got->reply, "Hello {{recipient_name}}");
  EXPECT_TRUE(got->reply_internal);
  EXPECT_EQ(got->updated_at, 42);
}

TEST_P(MacroRepositoryContract, AbsentChangesStayAbsentAndAssignToMeIsKept) {
  core::Macro m;
  m.name = "Take it";
  m.assign_to_me = true;
  auto got = load(insert(m));
  ASSERT_TRUE(got);
  EXPECT_TRUE(got->shared());
  EXPECT_TRUE(got->assign_to_me);
  EXPECT_FALSE(got->assignee_id.has_value());
  EXPECT_FALSE(got->team_id.has_value());
  EXPECT_FALSE(got->status.has_value());
  EXPECT_FALSE(got->category.has_value());
  EXPECT_TRUE(got->add_tags.empty());
}

TEST_P(MacroRepositoryContract, ListingShowsSharedAndTheOwnersOwnOnly) {
  auto tess = user("tess@x.com");
  auto omar = user("omar@x.com");
  core::Macro shared;
  shared.name = "b shared";
  insert(shared);
  core::Macro mine;
  mine.name = "A mine";
  mine.owner_id = tess;
  insert(mine);
  core::Macro theirs;
  theirs.name = "theirs";
  theirs.owner_id = omar;
  insert(theirs);
  std::vector<std::string> names;
  db_->read([&](Tx& tx) {
    for (const auto& m : tx.macros().list_macros(tess)) names.push_back(m.name);
  });
  EXPECT_EQ(names, (std::vector<std::string>{"A mine", "b shared"}));
}

TEST_P(MacroRepositoryContract, UpdateAndDeleteSayWhetherTheMacroWasThere) {
  core::Macro m;
  m.name = "Old";
  m.id = insert(m);
  m.name = "New";
  m.priority = core::Priority::low;
  db_->write([&](Tx& tx) {
    EXPECT_TRUE(tx.macros().update_macro(m));
    EXPECT_TRUE(tx.macros().delete_macro(m.id));
    EXPECT_FALSE(tx.macros().update_macro(m));
    EXPECT_FALSE(tx.macros().delete_macro(m.id));
    return true;
  });
  EXPECT_FALSE(load(m.id));
}

}  // namespace
}  // namespace frontline::store::contract
