// Store contract, run against every engine: tickets, their search and listing: numbering,
// compare-and-set updates, orders and pages, customer visibility, ranked search that never reaches
// internal words.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class TicketsContract : public StoreContract {};
FRONTLINE_STORE_CONTRACT(TicketsContract);

TEST_P(TicketsContract, TicketNumbersAreSequentialAndRoundTrip) {
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

TEST_P(TicketsContract, UpdateFailsWhenVersionIsStale) {
  auto t = ticket(user("a@x.com"), "s", 1);
  db_->write([&](Tx& tx) {
    auto fresh = *tx.tickets().ticket_by_number(t.number);
    fresh.version += 1;
    EXPECT_TRUE(tx.tickets().update_ticket(fresh));
    EXPECT_FALSE(tx.tickets().update_ticket(fresh));  // same expected version again: stale
    return true;
  });
}

TEST_P(TicketsContract, ListingIsNewestFirstAndCursorVisitsEachTicketOnce) {
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

TEST_P(TicketsContract, CustomerVisibilityFilterLimitsToOwnOrOrganisation) {
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

TEST_P(TicketsContract, SearchWithoutInternalColumnNeverMatchesInternalNoteWords) {
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
  customer.text.terms = {{core::TextTerm::Kind::word, "fraud"}};
  TicketFilter staff = customer;
  staff.text_includes_internal = true;
  db_->read([&](Tx& tx) {
    EXPECT_TRUE(tx.tickets().list_tickets(customer).items.empty());
    EXPECT_EQ(tx.tickets().list_tickets(staff).items.size(), 1u);
  });
}

TEST_P(TicketsContract, SearchMatchesSubjectMessagesAndRequester) {
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
  for (const char* q : {"monitor", "lunch", "zelda"}) {
    TicketFilter f;
    f.text.terms = {{core::TextTerm::Kind::word, q}};
    db_->read([&](Tx& tx) { EXPECT_EQ(tx.tickets().list_tickets(f).items.size(), 1u) << q; });
  }
}

TEST_P(TicketsContract, SearchWithStatusFilterFollowsStatusChanges) {
  auto t = ticket(user("a@x.com"), "Scanner offline", 1);
  db_->write([&](Tx& tx) {
    auto stored = *tx.tickets().ticket_by_number(t.number);
    stored.status = core::Status::resolved;
    stored.version += 1;
    return tx.tickets().update_ticket(stored);
  });
  auto found = [&](core::Status status) {
    TicketFilter f;
    f.text.terms = {{core::TextTerm::Kind::word, "scanner"}};
    f.statuses = {status};
    std::size_t n = 0;
    db_->read([&](Tx& tx) { n = tx.tickets().list_tickets(f).items.size(); });
    return n;
  };
  EXPECT_EQ(found(core::Status::resolved), 1u);
  EXPECT_EQ(found(core::Status::new_), 0u);
}

TEST_P(TicketsContract, CountMatchesTheFilterAndStopsAtTheCap) {
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

TEST_P(TicketsContract, OtherOrdersPageByOffsetWithoutGapsOrRepeats) {
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

TEST_P(TicketsContract, PriorityOrderPutsUrgentFirst) {
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

core::TextQuery text_query(std::vector<core::TextTerm> terms) { return {std::move(terms)}; }

TEST_P(TicketsContract, SearchMatchesWordsPhrasesInOrderAndPrefixes) {
  auto t = ticket(user("a@x.com"), "Paper jam in tray two", 1);
  auto found = [&](core::TextTerm::Kind kind, const std::string& text) {
    TicketFilter f;
    f.text = text_query({{kind, text}});
    std::size_t n = 0;
    read([&](Tx& tx) { n = tx.tickets().list_tickets(f).items.size(); });
    return n;
  };
  using Kind = core::TextTerm::Kind;
  EXPECT_EQ(found(Kind::phrase, "jam in tray"), 1u);
  EXPECT_EQ(found(Kind::phrase, "tray in jam"), 0u);
  EXPECT_EQ(found(Kind::prefix, "tra"), 1u);
  EXPECT_EQ(found(Kind::word, "tra"), 0u);
  EXPECT_EQ(found(Kind::word, "tray"), 1u);
  TicketFilter every;
  every.text = text_query({{Kind::word, "paper"}, {Kind::word, "scanner"}});  // all must match
  read([&](Tx& tx) { EXPECT_TRUE(tx.tickets().list_tickets(every).items.empty()); });
}

TEST_P(TicketsContract, RankedSearchPutsSubjectHitsFirstThenNewest) {
  auto r = user("a@x.com");
  auto in_subject = ticket(r, "Printer offline", 1);
  auto older_in_text = ticket(r, "Cannot print labels", 2, {}, "the printer says offline");
  auto newer_in_text = ticket(r, "Labels smudged", 3, {}, "printer toner low");
  TicketFilter f;
  f.text = text_query({{core::TextTerm::Kind::word, "printer"}});
  read([&](Tx& tx) {
    auto page = tx.tickets().list_tickets(f);
    ASSERT_EQ(page.items.size(), 3u);
    EXPECT_EQ(page.items[0].number, in_subject.number);
    EXPECT_EQ(page.items[1].number, newer_in_text.number);
    EXPECT_EQ(page.items[2].number, older_in_text.number);
    EXPECT_EQ(tx.tickets().count_tickets(f, 100), 3);
  });
}

}  // namespace
}  // namespace frontline::store::contract
