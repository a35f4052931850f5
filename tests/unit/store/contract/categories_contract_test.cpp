// Store contract, run against every engine: categories.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class CategoriesContract : public StoreContract {};
FRONTLINE_STORE_CONTRACT(CategoriesContract);

TEST_P(CategoriesContract, CategoriesAreUniqueIgnoringCaseAndSortedByName) {
  db_->write([&](Tx& tx) {
    tx.categories().insert_category("network");
    tx.categories().insert_category("Hardware");
    return true;
  });
  db_->read([&](Tx& tx) {
    auto all = tx.categories().list_categories();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "Hardware");
    EXPECT_EQ(all[1].name, "network");
    EXPECT_TRUE(tx.categories().category_by_name("NETWORK"));
  });
  EXPECT_THROW(db_->write([&](Tx& tx) {
    tx.categories().insert_category("HARDWARE");
    return true;
  }),
               StoreError);
}

}  // namespace
}  // namespace frontline::store::contract
