// Store contract, run against every engine: the event log: order, internal events, paging after
// an id, one cursor per consumer, the last id, ids that a follower never sees out of order.
#include <gtest/gtest.h>

#include <thread>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class EventsContract : public StoreContract {
 protected:
  core::Id append(std::optional<core::Id> ticket_number, const std::string& type,
                  bool internal = false) {
    core::Id id = 0;
    write([&](Tx& tx) {
      core::Event e;
      e.ticket_number = ticket_number;
      e.type = type;
      e.data = "{}";
      e.internal = internal;
      id = tx.events().append_event(e);
    });
    return id;
  }

  using Ids = std::vector<core::Id>;
  static Ids ids(const std::vector<core::Event>& events) {
    Ids out;
    for (const auto& e : events) out.push_back(e.id);
    return out;
  }
};
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

TEST_P(EventsContract, EventRoundTripsEveryField) {
  auto r = user("a@x.com");
  auto t = ticket(r, "s", 1).number;
  core::Id id = 0;
  write([&](Tx& tx) {
    core::Event e;
    e.ticket_number = t;
    e.actor_id = r;
    e.type = "ticket.priority_changed";
    e.data = R"({"from":"normal","to":"high"})";
    e.internal = true;
    e.created_at = 1700;
    id = tx.events().append_event(e);
  });
  read([&](Tx& tx) {
    auto events = tx.events().ticket_events(t, true, 0, 10);
    ASSERT_EQ(events.size(), 1u);
    const auto& e = events[0];
    EXPECT_EQ(e.id, id);
    EXPECT_EQ(e.ticket_number, t);
    EXPECT_EQ(e.actor_id, r);
    EXPECT_EQ(e.type, "ticket.priority_changed");
    EXPECT_EQ(e.data, R"({"from":"normal","to":"high"})");
    EXPECT_TRUE(e.internal);
    EXPECT_EQ(e.created_at, 1700);
  });
}

TEST_P(EventsContract, TicketEventsShowInternalOnesOnlyWhenAskedAndPageAfterAnId) {
  auto r = user("a@x.com");
  auto t = ticket(r, "s", 1).number;
  auto other = ticket(r, "o", 2).number;
  auto created = append(t, "ticket.created");
  auto noted = append(t, "ticket.note_added", /*internal=*/true);
  auto replied = append(t, "ticket.replied");
  append(other, "ticket.created");
  append(std::nullopt, "report.sent");
  auto resolved = append(t, "ticket.resolved");
  read([&](Tx& tx) {
    auto& events = tx.events();
    EXPECT_EQ(ids(events.ticket_events(t, false, 0, 10)), (Ids{created, replied, resolved}));
    EXPECT_EQ(ids(events.ticket_events(t, true, 0, 10)), (Ids{created, noted, replied, resolved}));
    EXPECT_EQ(ids(events.ticket_events(t, true, noted, 10)), (Ids{replied, resolved}));
    EXPECT_EQ(ids(events.ticket_events(t, true, 0, 2)), (Ids{created, noted}));
    EXPECT_EQ(ids(events.ticket_events(t, false, 0, 2)), (Ids{created, replied}));
    EXPECT_EQ(ids(events.ticket_events(t, false, resolved, 10)), Ids{});
  });
}

TEST_P(EventsContract, EventsAfterHoldsEveryTicketsInternalAndTicketlessEventsInOrder) {
  auto t = ticket(user("a@x.com"), "s", 1).number;
  Ids all{append(t, "ticket.created"), append(t, "ticket.note_added", /*internal=*/true),
          append(std::nullopt, "report.sent"), append(t, "ticket.replied")};
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.events().events_after(0, 10)), all);
    EXPECT_EQ(ids(tx.events().events_after(all[0], 2)), (Ids{all[1], all[2]}));
    EXPECT_EQ(ids(tx.events().events_after(all[3], 10)), Ids{});
  });
}

TEST_P(EventsContract, EachConsumerHasItsOwnCursorThatMovesOnlyWhenSet) {
  write([&](Tx& tx) {
    EXPECT_EQ(tx.events().consumer_cursor("mail"), 0);
    tx.events().set_consumer_cursor("mail", 3);
    tx.events().set_consumer_cursor("live", 1);
  });
  append(std::nullopt, "report.sent");  // new events do not move a cursor
  read([&](Tx& tx) {
    EXPECT_EQ(tx.events().consumer_cursor("mail"), 3);
    EXPECT_EQ(tx.events().consumer_cursor("live"), 1);
    EXPECT_EQ(tx.events().consumer_cursor("reports"), 0);
  });
  write([&](Tx& tx) { tx.events().set_consumer_cursor("mail", 2); });  // set back on purpose
  read([&](Tx& tx) { EXPECT_EQ(tx.events().consumer_cursor("mail"), 2); });
}

TEST_P(EventsContract, FollowerReadingAfterItsLastIdMissesNoEventWhileOthersAppend) {
  constexpr int kWriters = 4;
  constexpr int kEach = 25;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) append(std::nullopt, "test.event");
    });
  }
  Ids seen;
  core::Id cursor = 0;
  const auto total = static_cast<std::size_t>(kWriters * kEach);
  for (int spins = 0; seen.size() < total && spins < 1'000'000; ++spins) {
    std::vector<core::Event> batch;
    read([&](Tx& tx) { batch = tx.events().events_after(cursor, 7); });
    for (const auto& e : batch) {
      EXPECT_GT(e.id, cursor);
      cursor = e.id;
      seen.push_back(e.id);
    }
    if (batch.empty()) std::this_thread::yield();
  }
  for (auto& t : writers) t.join();
  ASSERT_EQ(seen.size(), total);
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.events().events_after(0, 1000)), seen);  // nothing committed behind us
    EXPECT_EQ(tx.events().events_after(cursor, 10).size(), 0u);
  });
}

}  // namespace
}  // namespace frontline::store::contract
