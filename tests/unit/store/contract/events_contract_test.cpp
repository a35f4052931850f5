// Store contract, run against every engine: the event log: order, cursors, the last id.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class EventsContract : public StoreContract {};
FRONTLINE_STORE_CONTRACT(EventsContract);

TEST_P(EventsContract, EventsAreOrderedAndConsumerCursorPersists) {
  db_->write([&](Tx& tx) {
    for (int i = 0; i < 3; ++i) {
      core::Event e;
      e.type = "test." + std::to_string(i);
      e.data = "{}";
      tx.events().append_event(e);
    }
    tx.events().set_consumer_cursor("mail", 2);
    return true;
  });
  db_.reset();
  db_ = GetParam().open(dir_.path());  // survives reopening
  db_->read([&](Tx& tx) {
    EXPECT_EQ(tx.events().consumer_cursor("mail"), 2);
    auto after = tx.events().events_after(tx.events().consumer_cursor("mail"), 10);
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].type, "test.2");
  });
}

TEST_P(EventsContract, LastEventIdFollowsAppends) {
  db_->read([&](Tx& tx) { EXPECT_EQ(tx.events().last_event_id(), 0); });
  core::Id id = 0;
  db_->write([&](Tx& tx) {
    core::Event e;
    e.type = "test.event";
    e.data = "{}";
    id = tx.events().append_event(e);
    return true;
  });
  db_->read([&](Tx& tx) { EXPECT_EQ(tx.events().last_event_id(), id); });
}

}  // namespace
}  // namespace frontline::store::contract
