// Store contract, run against every engine: categories. Focus: names unique and found ignoring
// case, listed by name, and deleted once.
#include <gtest/gtest.h>

#include <functional>
#include <optional>

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
  EXPECT_EQ(kind_thrown([&] {
              db_->write([&](Tx& tx) {
                tx.categories().insert_category("HARDWARE");
                return true;
              });
            }),
            StoreError::Kind::conflict);
}

TEST_P(CategoriesContract, DeletedCategoryIsGoneOnceAndItsNameIsFreeAgain) {
  Id network = 0, hardware = 0;
  write([&](Tx& tx) {
    network = tx.categories().insert_category("Network");
    hardware = tx.categories().insert_category("Hardware");
  });
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.categories().delete_category(network));
    EXPECT_FALSE(tx.categories().delete_category(network));  // already gone
    EXPECT_FALSE(tx.categories().delete_category(hardware + 100));
  });
  read([&](Tx& tx) {
    EXPECT_FALSE(tx.categories().category_by_name("Network"));
    auto all = tx.categories().list_categories();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].id, hardware);
  });
  write([&](Tx& tx) { tx.categories().insert_category("NETWORK"); });
  read([&](Tx& tx) {
    auto again = tx.categories().category_by_name("network");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->name, "NETWORK");
    EXPECT_FALSE(tx.categories().category_by_name("Software"));
  });
}

}  // namespace
}  // namespace frontline::store::contract
