// Focus of this file: the store contract on a real SQLite file — tickets, tags, messages,
// search visibility, keyset pagination, events and cursors, group commit and rollback of one
// unit. Written against store::Database so the PostgreSQL adapter can run the same suite.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "../test_support.hpp"
#include "store/sqlite/open_sqlite.hpp"

namespace frontline::store {
namespace {

using testing::TempDir;

class StoreContract : public ::testing::Test {
 protected:
  void SetUp() override { db_ = open_sqlite({dir_.path() + "/frontline.db"}); }

  core::Id user(const std::string& email, core::Role role = core::Role::customer) {
    core::Id id = 0;
    db_->write([&](Tx& tx) {
      core::User u;
      u.email = email;
      u.name = email;
      u.role = role;
      id = tx.accounts().insert_user(u, "");
      return true;
    });
    return id;
  }

  core::Ticket ticket(core::Id requester, const std::string& subject, core::UnixTime at,
                      std::vector<std::string> tags = {}) {
    core::Ticket t;
    db_->write([&](Tx& tx) {
      t.subject = subject;
      t.requester_id = requester;
      t.requester_email = "r@x";
      t.requester_name = "R";
      t.created_at = t.updated_at = at;
      t.tags = tags;
      tx.tickets().insert_ticket(t, "", "");
      return true;
    });
    return t;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(StoreContract, TicketNumbersAreSequentialAndRoundTrip) {
  auto requester = user("a@x.com");
  auto first = ticket(requester, "Printer jam", 100, {"vip", "hardware"});
  auto second = ticket(requester, "VPN down", 200);
  EXPECT_EQ(second.number, first.number + 1);
  db_->read([&](Tx& tx) {
    auto t = tx.tickets().ticket_by_number(first.number);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->subject, "Printer jam");
    EXPECT_EQ(t->tags, (std::vector<std::string>{"hardware", "vip"}));
    EXPECT_EQ(t->requester_email, "a@x.com");
    EXPECT_FALSE(tx.tickets().ticket_by_number(999));
  });
}

TEST_F(StoreContract, UpdateFailsWhenVersionIsStale) {
  auto t = ticket(user("a@x.com"), "s", 1);
  db_->write([&](Tx& tx) {
    auto fresh = *tx.tickets().ticket_by_number(t.number);
    fresh.version += 1;
    EXPECT_TRUE(tx.tickets().update_ticket(fresh));
    EXPECT_FALSE(tx.tickets().update_ticket(fresh));  // same expected version again: stale
    return true;
  });
}

TEST_F(StoreContract, ListingIsNewestFirstAndCursorVisitsEachTicketOnce) {
  auto r = user("a@x.com");
  for (int i = 0; i < 25; ++i) ticket(r, "t" + std::to_string(i), 1000 + i / 3);  // ties on time
  std::vector<core::Id> seen;
  TicketFilter f;
  f.limit = 7;
  for (;;) {
    TicketPage page;
    db_->read([&](Tx& tx) { page = tx.tickets().list_tickets(f); });
    for (auto& t : page.items) seen.push_back(t.number);
    if (!page.has_more) break;
    f.after = std::make_pair(page.items.back().updated_at, page.items.back().number);
  }
  ASSERT_EQ(seen.size(), 25u);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GT(seen[i - 1], seen[i]);
}

TEST_F(StoreContract, CustomerVisibilityFilterLimitsToOwnOrOrganisation) {
  auto mine = user("me@x.com");
  auto other = user("other@x.com");
  ticket(mine, "mine", 1);
  ticket(other, "theirs", 2);
  TicketFilter f;
  f.visible_requester_id = mine;
  TicketPage page;
  db_->read([&](Tx& tx) { page = tx.tickets().list_tickets(f); });
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].subject, "mine");
}

TEST_F(StoreContract, SearchWithoutInternalColumnNeverMatchesInternalNoteWords) {
  auto r = user("a@x.com");
  auto agent = user("agent@x.com", core::Role::agent);
  auto t = ticket(r, "Laptop battery", 1);
  db_->write([&](Tx& tx) {
    core::Message note;
    note.ticket_number = t.number;
    note.kind = core::MessageKind::internal_note;
    note.author_id = agent;
    note.body = "suspect warranty fraud";
    tx.messages().insert_message(note);
    return true;
  });
  TicketFilter customer;
  customer.text_match = "\"fraud\"";
  TicketFilter staff = customer;
  staff.text_includes_internal = true;
  db_->read([&](Tx& tx) {
    EXPECT_TRUE(tx.tickets().list_tickets(customer).items.empty());
    EXPECT_EQ(tx.tickets().list_tickets(staff).items.size(), 1u);
  });
}

TEST_F(StoreContract, SearchMatchesSubjectMessagesAndRequester) {
  auto r = user("zelda@hyrule.example");
  auto t = ticket(r, "Monitor flickers", 1);
  db_->write([&](Tx& tx) {
    core::Message m;
    m.ticket_number = t.number;
    m.author_id = r;
    m.body = "it happens after lunch";
    tx.messages().insert_message(m);
    return true;
  });
  for (const char* q : {"\"monitor\"", "\"lunch\"", "\"r\""}) {
    TicketFilter f;
    f.text_match = q;
    db_->read([&](Tx& tx) { EXPECT_EQ(tx.tickets().list_tickets(f).items.size(), 1u) << q; });
  }
}

TEST_F(StoreContract, SearchWithStatusFilterFollowsStatusChanges) {
  auto t = ticket(user("a@x.com"), "Scanner offline", 1);
  db_->write([&](Tx& tx) {
    auto stored = *tx.tickets().ticket_by_number(t.number);
    stored.status = core::Status::resolved;
    stored.version += 1;
    return tx.tickets().update_ticket(stored);
  });
  auto found = [&](core::Status status) {
    TicketFilter f;
    f.text_match = "\"scanner\"";
    f.statuses = {status};
    std::size_t n = 0;
    db_->read([&](Tx& tx) { n = tx.tickets().list_tickets(f).items.size(); });
    return n;
  };
  EXPECT_EQ(found(core::Status::resolved), 1u);
  EXPECT_EQ(found(core::Status::new_), 0u);
}

TEST_F(StoreContract, FailedUnitRollsBackWithoutHarmingOthersInTheBatch) {
  auto r = user("a@x.com");
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      db_->write([&](Tx& tx) {
        core::Ticket t;
        t.subject = "unit " + std::to_string(i);
        t.requester_id = r;
        tx.tickets().insert_ticket(t, "", "");
        return i % 2 == 0;  // odd units roll back
      });
      ++done;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(done.load(), 8);
  TicketFilter f;
  f.limit = 100;
  db_->read([&](Tx& tx) { EXPECT_EQ(tx.tickets().list_tickets(f).items.size(), 4u); });
}

TEST_F(StoreContract, ExceptionInUnitIsRethrownAndRolledBack) {
  auto r = user("a@x.com");
  EXPECT_THROW(db_->write([&](Tx& tx) -> bool {
    core::Ticket t;
    t.subject = "doomed";
    t.requester_id = r;
    tx.tickets().insert_ticket(t, "", "");
    throw StoreError("boom");
  }),
               StoreError);
  db_->read([&](Tx& tx) { EXPECT_FALSE(tx.tickets().ticket_by_number(1)); });
}

TEST_F(StoreContract, EventsAreOrderedAndConsumerCursorPersists) {
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
  db_ = open_sqlite({dir_.path() + "/frontline.db"});  // survives reopening
  db_->read([&](Tx& tx) {
    EXPECT_EQ(tx.events().consumer_cursor("mail"), 2);
    auto after = tx.events().events_after(tx.events().consumer_cursor("mail"), 10);
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].type, "test.2");
  });
}

TEST_F(StoreContract, TokensAreFoundOnlyByTheirHash) {
  auto u = user("a@x.com", core::Role::agent);
  db_->write([&](Tx& tx) {
    tx.accounts().insert_api_token(u, "hash-abc", "ci", 1);
    return true;
  });
  db_->read([&](Tx& tx) {
    EXPECT_TRUE(tx.accounts().actor_by_token_hash("hash-abc"));
    EXPECT_FALSE(tx.accounts().actor_by_token_hash("hash-abd"));
  });
}

TEST_F(StoreContract, BackupCopiesTheLiveDatabase) {
  ticket(user("a@x.com"), "kept in backup", 1);
  const std::string copy = dir_.path() + "/backup.db";
  db_->backup_to(copy);
  auto restored = open_sqlite({copy});
  restored->read([&](Tx& tx) {
    auto t = tx.tickets().ticket_by_number(1);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->subject, "kept in backup");
  });
}

TEST_F(StoreContract, CountMatchesTheFilterAndStopsAtTheCap) {
  auto a = user("a@x.com");
  auto b = user("b@x.com");
  for (int i = 0; i < 5; ++i) ticket(a, "mine " + std::to_string(i), i);
  ticket(b, "theirs", 9);
  TicketFilter f;
  f.requester_id = a;
  f.limit = 1;  // ignored by count
  db_->read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().count_tickets(f, 100), 5);
    EXPECT_EQ(tx.tickets().count_tickets(f, 3), 3);
    EXPECT_EQ(tx.tickets().count_tickets(TicketFilter{}, 100), 6);
  });
}

TEST_F(StoreContract, OtherOrdersPageByOffsetWithoutGapsOrRepeats) {
  auto r = user("a@x.com");
  std::vector<core::Id> created;
  for (int i = 0; i < 9; ++i) created.push_back(ticket(r, "t", 100 - i).number);  // newest first
  TicketFilter f;
  f.order = TicketOrder::created;
  f.ascending = true;
  f.limit = 4;
  std::vector<core::Id> seen;
  for (;;) {
    TicketPage page;
    db_->read([&](Tx& tx) { page = tx.tickets().list_tickets(f); });
    for (auto& t : page.items) seen.push_back(t.number);
    if (!page.has_more) break;
    f.offset += static_cast<std::int64_t>(page.items.size());
  }
  std::vector<core::Id> want(created.rbegin(), created.rend());  // oldest created first
  EXPECT_EQ(seen, want);
}

TEST_F(StoreContract, PriorityOrderPutsUrgentFirst) {
  auto r = user("a@x.com");
  core::Id low = ticket(r, "low", 1).number;
  core::Id urgent = ticket(r, "urgent", 2).number;
  db_->write([&](Tx& tx) {
    auto t = *tx.tickets().ticket_by_number(urgent);
    t.priority = core::Priority::urgent;
    t.version += 1;
    return tx.tickets().update_ticket(t);
  });
  core::Id normal = ticket(r, "normal", 3).number;
  TicketFilter f;
  f.order = TicketOrder::priority;
  TicketPage page;
  db_->read([&](Tx& tx) { page = tx.tickets().list_tickets(f); });
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].number, urgent);
  EXPECT_EQ(page.items[1].number, normal);  // same priority as low: newer number first
  EXPECT_EQ(page.items[2].number, low);
}

TEST_F(StoreContract, SavedFiltersBelongToTheirOwner) {
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

TEST_F(StoreContract, CategoriesAreUniqueIgnoringCaseAndSortedByName) {
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

TEST_F(StoreContract, UserSearchMatchesPartOfNameOrEmail) {
  auto zed = user("Zed.Caller@Example.com");
  user("someone@x.com");
  db_->read([&](Tx& tx) {
    for (const char* q : {"zed.c", "EXAMPLE", "caller@"}) {
      auto found = tx.accounts().list_users(core::Role::customer, q, 10, 0);
      ASSERT_EQ(found.size(), 1u) << q;
      EXPECT_EQ(found[0].id, zed);
    }
    EXPECT_TRUE(tx.accounts().list_users(std::nullopt, "%", 10, 0).empty());
    EXPECT_EQ(tx.accounts().list_users(std::nullopt, "", 10, 0).size(), 2u);
  });
}

TEST_F(StoreContract, LastEventIdFollowsAppends) {
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

TEST_F(StoreContract, CreditsCountInBothRollupsAndARemovedCreditLeavesNoZeroRows) {
  auto agent = user("ana@x.com", core::Role::agent);
  auto requester = user("r@x.com");
  auto a = ticket(requester, "One", 100);
  auto b = ticket(requester, "Two", 100);
  const CreditRecord first{a.number, agent, 20000, 3, "Network", "email"};
  const CreditRecord second{b.number, agent, 20001, 0, "", "phone"};
  db_->write([&](Tx& tx) {
    tx.credits().add_credit(first);
    tx.credits().add_credit(second);
    return true;
  });
  db_->read([&](Tx& tx) {
    auto by_agent = tx.credits().closed_by_agent(20000, 20001);
    ASSERT_EQ(by_agent.size(), 1u);
    EXPECT_EQ(by_agent[0].closed, 2);
    EXPECT_EQ(tx.credits().closed_by_agent(20001, 20001)[0].closed, 1);
    auto teams = tx.credits().closed_grouped(20000, 20001, ClosedGrouping::team);
    ASSERT_EQ(teams.size(), 2u);
    auto categories = tx.credits().closed_grouped(20000, 20000, ClosedGrouping::category);
    ASSERT_EQ(categories.size(), 1u);
    EXPECT_EQ(categories[0].key, "Network");
    EXPECT_EQ(tx.credits().ticket_credit(a.number)->team_id, 3);
  });
  db_->write([&](Tx& tx) {
    tx.credits().remove_credit(first);
    tx.credits().remove_credit(first);  // a second removal changes nothing
    return true;
  });
  db_->read([&](Tx& tx) {
    EXPECT_FALSE(tx.credits().ticket_credit(a.number));
    EXPECT_TRUE(tx.credits().closed_per_day(agent, 20000, 20000).empty());
    EXPECT_TRUE(tx.credits().closed_grouped(20000, 20000, ClosedGrouping::channel).empty());
    auto days = tx.credits().closed_per_day(agent, 19990, 20010);
    ASSERT_EQ(days.size(), 1u);
    EXPECT_EQ(days[0].day, 20001);
  });
}

}  // namespace
}  // namespace frontline::store
