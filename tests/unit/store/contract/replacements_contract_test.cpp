// Store contract, run against every engine: hardware replacements — they read back whole (every
// address field, the names and role of who created and confirmed), a ticket lists its own oldest
// first, the desk-wide list filters by status newest first, an update is refused on a stale
// version, and a ticket says whether it has replacements.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

using core::Id;
using core::ReplacementStatus;

class ReplacementsContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (!db_) return;
    agent_ = user("ann@desk.example", core::Role::agent);
    customer_ = user("dana@example.gov");
    number_ = ticket(customer_, "Laptop screen flickers", 100).number;
    other_number_ = ticket(customer_, "Dock is dead", 100).number;
  }

  core::Replacement fresh(Id number, std::string model = "ThinkPad T14") {
    core::Replacement r;
    r.ticket_number = number;
    r.model = std::move(model);
    r.serial = "PF3XK2AB";
    r.reason = "flickers";
    r.created_by = agent_;
    r.created_at = 200;
    r.updated_at = 200;
    return r;
  }

  Id insert(const core::Replacement& r) {
    Id id = 0;
    write([&](Tx& tx) { id = tx.replacements().insert_replacement(r); });
    return id;
  }

  core::Replacement get(Id id) {
    std::optional<core::Replacement> r;
    read([&](Tx& tx) { r = tx.replacements().replacement_by_id(id); });
    EXPECT_TRUE(r);
    return r.value_or(core::Replacement{});
  }

  static std::vector<Id> ids(const std::vector<core::Replacement>& rs) {
    std::vector<Id> out;
    for (const auto& r : rs) out.push_back(r.id);
    return out;
  }

  Id agent_ = 0, customer_ = 0, number_ = 0, other_number_ = 0;
};
FRONTLINE_STORE_CONTRACT(ReplacementsContract);

TEST_P(ReplacementsContract, AReplacementReadsBackWholeWithItsCreatorsName) {
  auto r = fresh(number_);
  int i = 0;
  for (auto key : core::kAddressKeys) {
    *core::address_field(r.address, key) = std::string(key) + " " + std::to_string(i++);
  }
  const Id id = insert(r);
  auto got = get(id);
  EXPECT_EQ(got.id, id);
  EXPECT_EQ(got.ticket_number, number_);
  EXPECT_EQ(got.status, ReplacementStatus::requested);
  EXPECT_EQ(got.model, "ThinkPad T14");
  EXPECT_EQ(got.serial, "PF3XK2AB");
  EXPECT_EQ(got.reason, "flickers");
  EXPECT_EQ(got.address, r.address);
  EXPECT_EQ(got.created_by, agent_);
  EXPECT_EQ(got.created_by_name, "ann");
  EXPECT_EQ(got.created_at, 200);
  EXPECT_EQ(got.version, 1);
  EXPECT_EQ(got.confirmed_by, std::nullopt);
  EXPECT_EQ(got.shipped_at, std::nullopt);
  read([&](Tx& tx) { EXPECT_FALSE(tx.replacements().replacement_by_id(id + 1000)); });
}

TEST_P(ReplacementsContract, AnUpdateWritesEveryFieldAndNamesWhoConfirmed) {
  const Id id = insert(fresh(number_));
  auto r = get(id);
  r.status = ReplacementStatus::shipped;
  r.model = "ThinkPad T14 Gen 3";
  r.address.city = "Springfield";
  r.confirmed_at = 300;
  r.confirmed_by = customer_;
  r.sent_model = "T14 Gen 4";
  r.sent_serial = "NEW1";
  r.carrier = "UPS";
  r.tracking_number = "1Z999";
  r.shipped_at = 400;
  r.cancel_reason = "none";
  r.updated_at = 400;
  r.version = 2;
  bool saved = false;
  write([&](Tx& tx) { saved = tx.replacements().update_replacement(r); });
  EXPECT_TRUE(saved);
  auto got = get(id);
  EXPECT_EQ(got.status, ReplacementStatus::shipped);
  EXPECT_EQ(got.model, "ThinkPad T14 Gen 3");
  EXPECT_EQ(got.address.city, "Springfield");
  EXPECT_EQ(got.confirmed_at, 300);
  EXPECT_EQ(got.confirmed_by, customer_);
  EXPECT_EQ(got.confirmed_by_name, "dana");
  EXPECT_EQ(got.confirmed_by_role, core::Role::customer);
  EXPECT_EQ(got.sent_model, "T14 Gen 4");
  EXPECT_EQ(got.sent_serial, "NEW1");
  EXPECT_EQ(got.carrier, "UPS");
  EXPECT_EQ(got.tracking_number, "1Z999");
  EXPECT_EQ(got.shipped_at, 400);
  EXPECT_EQ(got.cancel_reason, "none");
  EXPECT_EQ(got.updated_at, 400);
  EXPECT_EQ(got.version, 2);
}

TEST_P(ReplacementsContract, AStaleVersionChangesNothing) {
  const Id id = insert(fresh(number_));
  auto first = get(id);
  first.serial = "FIRST";
  first.version = 2;
  auto second = get(id);
  second.serial = "SECOND";
  second.version = 2;
  bool a = false, b = true;
  write([&](Tx& tx) { a = tx.replacements().update_replacement(first); });
  write([&](Tx& tx) { b = tx.replacements().update_replacement(second); });
  EXPECT_TRUE(a);
  EXPECT_FALSE(b);
  EXPECT_EQ(get(id).serial, "FIRST");
}

TEST_P(ReplacementsContract, ATicketListsItsOwnOldestFirst) {
  const Id a = insert(fresh(number_, "first"));
  const Id other = insert(fresh(other_number_));
  const Id b = insert(fresh(number_, "second"));
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.replacements().ticket_replacements(number_)), (std::vector<Id>{a, b}));
    EXPECT_EQ(ids(tx.replacements().ticket_replacements(other_number_)), std::vector<Id>{other});
    EXPECT_TRUE(tx.replacements().ticket_replacements(number_ + 1000).empty());
  });
}

TEST_P(ReplacementsContract, TheDeskListFiltersByStatusNewestFirstUpToTheLimit) {
  const Id a = insert(fresh(number_));
  auto confirmed = fresh(number_);
  confirmed.status = ReplacementStatus::confirmed;
  const Id b = insert(confirmed);
  const Id c = insert(fresh(other_number_));
  auto list = [&](std::optional<ReplacementStatus> status, int limit) {
    ReplacementFilter f;
    f.status = status;
    f.limit = limit;
    std::vector<Id> out;
    read([&](Tx& tx) { out = ids(tx.replacements().list_replacements(f)); });
    return out;
  };
  EXPECT_EQ(list(ReplacementStatus::requested, 100), (std::vector<Id>{c, a}));
  EXPECT_EQ(list(ReplacementStatus::confirmed, 100), std::vector<Id>{b});
  EXPECT_TRUE(list(ReplacementStatus::shipped, 100).empty());
  EXPECT_EQ(list(std::nullopt, 2), (std::vector<Id>{c, b}));
}

TEST_P(ReplacementsContract, ATicketSaysWhetherItHasReplacements) {
  auto has = [&](Id number) {
    std::optional<std::pair<core::Ticket, TicketRepository::TicketParts>> got;
    read([&](Tx& tx) { got = tx.tickets().ticket_with_parts(number); });
    EXPECT_TRUE(got);
    return got && got->second.replacements;
  };
  EXPECT_FALSE(has(number_));
  insert(fresh(number_));
  EXPECT_TRUE(has(number_));
  EXPECT_FALSE(has(other_number_));
}

}  // namespace
}  // namespace frontline::store::contract
