// Store contract, run against every engine: saved filters.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class SavedFiltersContract : public StoreContract {};
FRONTLINE_STORE_CONTRACT(SavedFiltersContract);

TEST_P(SavedFiltersContract, SavedFiltersBelongToTheirOwner) {
  auto a = user("a@x.com", core::Role::agent);
  auto b = user("b@x.com", core::Role::agent);
  core::Id id = 0;
  db_->write([&](Tx& tx) {
    id = tx.saved_filters().insert_saved_filter({0, a, "Urgent", "priority:urgent"});
    return true;
  });
  db_->write([&](Tx& tx) {
    EXPECT_FALSE(tx.saved_filters().delete_saved_filter(b, id));  // not b's
    EXPECT_EQ(tx.saved_filters().list_saved_filters(b).size(), 0u);
    auto mine = tx.saved_filters().list_saved_filters(a);
    EXPECT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine.at(0).query, "priority:urgent");
    EXPECT_TRUE(tx.saved_filters().delete_saved_filter(a, id));
    return true;
  });
}

TEST_P(SavedFiltersContract, SavedFiltersAreListedInTheOrderTheyWereSaved) {
  auto a = user("a@x.com", core::Role::agent);
  std::vector<core::Id> ids;
  write([&](Tx& tx) {
    ids.clear();  // a write unit may run again
    for (const char* name : {"Zebra", "alpha", "Mine"}) {
      ids.push_back(
          tx.saved_filters().insert_saved_filter({0, a, name, std::string("tag:") + name}));
    }
  });
  read([&](Tx& tx) {
    auto listed = tx.saved_filters().list_saved_filters(a);
    ASSERT_EQ(listed.size(), 3u);
    for (std::size_t i = 0; i < listed.size(); ++i) {
      EXPECT_EQ(listed[i].id, ids[i]);
      EXPECT_EQ(listed[i].user_id, a);
    }
    EXPECT_EQ(listed[0].name, "Zebra");
    EXPECT_EQ(listed[2].query, "tag:Mine");
  });
}

}  // namespace
}  // namespace frontline::store::contract
