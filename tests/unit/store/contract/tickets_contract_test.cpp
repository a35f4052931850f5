// Store contract, run against every engine: tickets, their search and listing: numbering,
// compare-and-set updates, tags, links, copied people, idempotent creates, orders and pages,
// customer visibility, ranked-within-recency search that never reaches internal words.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class TicketsContract : public StoreContract {
 protected:
  // Applies change to the stored ticket and writes it with the next version.
  void change(core::Id number, const std::function<void(core::Ticket&)>& change) {
    write([&](Tx& tx) {
      auto t = *tx.tickets().ticket_by_number(number);
      change(t);
      t.version += 1;
      ASSERT_TRUE(tx.tickets().update_ticket(t));
    });
  }

  std::vector<core::Id> numbers(const TicketFilter& f) {
    std::vector<core::Id> out;
    read([&](Tx& tx) {
      for (const auto& t : tx.tickets().list_tickets(f).items) out.push_back(t.number);
    });
    return out;
  }

  using Numbers = std::vector<core::Id>;

  // n tickets of r's with this subject and first-message text, created at 1000, 1001, … (one
  // write unit, so a few hundred cost little).
  void insert_many(core::Id r, int n, const std::string& subject, const std::string& text) {
    write([&](Tx& tx) {
      auto requester = *tx.accounts().user_by_id(r);
      for (int i = 0; i < n; ++i) {
        core::Ticket t;
        t.subject = subject;
        t.requester_id = r;
        t.requester_email = requester.email;
        t.requester_name = requester.name;
        t.created_at = t.updated_at = t.public_updated_at = 1000 + i;
        tx.tickets().insert_ticket(t, text, "");
      }
    });
  }

  // The numbers of every page of f, `limit` at a time, paging by offset as ranked search does.
  Numbers every_page(TicketFilter f, int limit) {
    f.limit = limit;
    Numbers seen;
    for (;;) {
      TicketPage page;
      read([&](Tx& tx) { page = tx.tickets().list_tickets(f); });
      for (const auto& t : page.items) seen.push_back(t.number);
      if (!page.has_more) return seen;
      f.offset += static_cast<std::int64_t>(page.items.size());
    }
  }
};
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

TEST_P(TicketsContract, RequesterTextMatchesPartOfTheNameOrEmailIgnoringCase) {
  auto ann = user("ann.lee@x.com");
  auto bob = user("bob@y.com");
  auto mine = ticket(ann, "Printer jam", 100);
  ticket(bob, "VPN down", 200);
  for (const char* part : {"ANN.L", "lee@x", "ann.lee"}) {
    TicketFilter f;
    f.requester_text = part;
    EXPECT_EQ(numbers(f), std::vector<core::Id>{mine.number}) << part;
  }
  TicketFilter none;
  none.requester_text = "carol";
  EXPECT_TRUE(numbers(none).empty());
}

TEST_P(TicketsContract, TheCustomerRepliedMarkRoundTripsAndClears) {
  auto requester = user("a@x.com");
  auto t = ticket(requester, "Printer jam", 100);
  EXPECT_FALSE(t.customer_replied_at);
  auto stored = [&] {
    std::optional<core::UnixTime> at;
    read([&](Tx& tx) { at = tx.tickets().ticket_by_number(t.number)->customer_replied_at; });
    return at;
  };
  change(t.number, [](core::Ticket& x) { x.customer_replied_at = 150; });
  EXPECT_EQ(stored(), 150);
  change(t.number, [](core::Ticket& x) { x.customer_replied_at.reset(); });
  EXPECT_FALSE(stored());
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

TEST_P(TicketsContract, UpdateReplacesTheTags) {
  auto t = ticket(user("a@x.com"), "s", 1, {"billing", "vip"});
  change(t.number, [](core::Ticket& t) { t.tags = {"vip", "refund"}; });
  TicketFilter billing;
  billing.tags = {"billing"};
  TicketFilter refund;
  refund.tags = {"refund"};
  read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().ticket_by_number(t.number)->tags,
              (std::vector<std::string>{"refund", "vip"}));
  });
  EXPECT_EQ(numbers(billing), Numbers{});
  EXPECT_EQ(numbers(refund), Numbers{t.number});
}

TEST_P(TicketsContract, EachFilterFieldNarrowsTheListing) {
  auto acme = organization("Acme");
  auto alice = user("alice@x.com", core::Role::customer, acme);
  auto bob = user("bob@x.com");
  auto agent = user("agent@x.com", core::Role::agent);
  core::Id team = 0;
  write([&](Tx& tx) { team = tx.organizations().insert_team({0, "Network", {agent}}); });
  auto one = ticket(alice, "one", 100, {"vip"}).number;
  auto two = ticket(bob, "two", 200).number;
  auto three = ticket(bob, "three", 300, {"vip", "hardware"}).number;
  change(one, [&](core::Ticket& t) {
    t.status = core::Status::open;
    t.priority = core::Priority::high;
    t.assignee_id = agent;
    t.team_id = team;
    t.category = "Network";
  });
  change(two, [](core::Ticket& t) {
    t.status = core::Status::pending;
    t.priority = core::Priority::low;
  });
  auto with = [](const std::function<void(TicketFilter&)>& set) {
    TicketFilter f;
    set(f);
    return f;
  };
  EXPECT_EQ(numbers(with([](auto& f) { f.statuses = {core::Status::open}; })), Numbers{one});
  EXPECT_EQ(numbers(with([](auto& f) {
              f.priorities = {core::Priority::high, core::Priority::low};
            })),
            (Numbers{two, one}));
  EXPECT_EQ(numbers(with([&](auto& f) { f.assignee_id = agent; })), Numbers{one});
  EXPECT_EQ(numbers(with([](auto& f) { f.unassigned = true; })), (Numbers{three, two}));
  EXPECT_EQ(numbers(with([&](auto& f) { f.team_id = team; })), Numbers{one});
  EXPECT_EQ(numbers(with([&](auto& f) { f.requester_id = bob; })), (Numbers{three, two}));
  EXPECT_EQ(numbers(with([&](auto& f) { f.organization_id = acme; })), Numbers{one});
  EXPECT_EQ(numbers(with([](auto& f) { f.category = "nETWORK"; })), Numbers{one});
  EXPECT_EQ(numbers(with([](auto& f) { f.tags = {"vip"}; })), (Numbers{three, one}));
  EXPECT_EQ(numbers(with([](auto& f) { f.tags = {"vip", "hardware"}; })), Numbers{three});
  EXPECT_EQ(numbers(with([](auto& f) { f.updated_since = 200; })), (Numbers{three, two}));
  EXPECT_EQ(numbers(with([](auto& f) { f.created_after = 200; })), (Numbers{three, two}));
  EXPECT_EQ(numbers(with([](auto& f) { f.created_before = 200; })), Numbers{one});
  EXPECT_EQ(numbers(with([](auto& f) {
              f.order = TicketOrder::number;
              f.ascending = true;
            })),
            (Numbers{one, two, three}));
  EXPECT_EQ(numbers(with([](auto& f) { f.ascending = true; })), (Numbers{one, two, three}));
  read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().count_tickets(search("two"), 10), 1);
    auto vip_search = search("three");
    vip_search.tags = {"vip"};
    vip_search.requester_id = alice;
    EXPECT_EQ(tx.tickets().count_tickets(vip_search, 10), 0);
  });
}

TEST_P(TicketsContract, ResolvedBeforeListsTheOldestResolvedFirstUpToTheLimit) {
  auto r = user("a@x.com");
  auto resolve_at = [&](core::UnixTime at, core::Status status = core::Status::resolved) {
    auto number = ticket(r, "t", 1).number;
    change(number, [&](core::Ticket& t) {
      t.status = status;
      t.resolved_at = at;
    });
    return number;
  };
  auto third = resolve_at(300);
  auto first = resolve_at(100);
  auto second = resolve_at(200);
  resolve_at(301);                       // resolved after the cut-off
  resolve_at(50, core::Status::closed);  // no longer resolved
  resolve_at(50, core::Status::open);    // reopened
  read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().tickets_resolved_before(300, 10), (Numbers{first, second, third}));
    EXPECT_EQ(tx.tickets().tickets_resolved_before(300, 2), (Numbers{first, second}));
    EXPECT_EQ(tx.tickets().tickets_resolved_before(99, 10), Numbers{});
  });
}

TEST_P(TicketsContract, LinksAreSymmetricAndStoredOnce) {
  auto r = user("a@x.com");
  auto a = ticket(r, "a", 1).number;
  auto b = ticket(r, "b", 2).number;
  auto c = ticket(r, "c", 3).number;
  write([&](Tx& tx) {
    tx.tickets().link_tickets(b, a);
    tx.tickets().link_tickets(a, b);  // the same link again, from the other side
    tx.tickets().link_tickets(c, a);
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().linked_tickets(a), (Numbers{b, c}));
    EXPECT_EQ(tx.tickets().linked_tickets(b), Numbers{a});
    EXPECT_EQ(tx.tickets().linked_tickets(c), Numbers{a});
  });
}

TEST_P(TicketsContract, CopiedAddressesAreKeptOncePerAddressInAnyCase) {
  auto r = user("a@x.com");
  auto t = ticket(r, "t", 1).number;
  auto other = ticket(r, "other", 2).number;
  write([&](Tx& tx) {
    tx.tickets().add_ticket_cc(t, "zoe@x.com");
    tx.tickets().add_ticket_cc(t, "ann@x.com");
    tx.tickets().add_ticket_cc(t, "zoe@x.com");
    tx.tickets().add_ticket_cc(t, "Ann@X.com");
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().ticket_ccs(t), (std::vector<std::string>{"ann@x.com", "zoe@x.com"}));
    EXPECT_TRUE(tx.tickets().ticket_ccs(other).empty());
  });
}

TEST_P(TicketsContract, IdempotencyKeysBelongToOnePerson) {
  auto ann = user("ann@x.com");
  auto bob = user("bob@x.com");
  auto anns = ticket(ann, "a", 1).number;
  auto bobs = ticket(bob, "b", 2).number;
  write([&](Tx& tx) {
    EXPECT_FALSE(tx.tickets().idempotent_ticket(ann, "k1"));
    tx.tickets().remember_idempotent_ticket(ann, "k1", anns, 10);
    tx.tickets().remember_idempotent_ticket(bob, "k1", bobs, 10);  // same key, other person
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.tickets().idempotent_ticket(ann, "k1"), anns);
    EXPECT_EQ(tx.tickets().idempotent_ticket(bob, "k1"), bobs);
    EXPECT_FALSE(tx.tickets().idempotent_ticket(ann, "k2"));
  });
}

TEST_P(TicketsContract, CustomerFilterShowsColleaguesTicketsOnlyWhenItNamesTheOrganisation) {
  auto acme = organization("Acme", /*share_tickets=*/true);
  auto me = user("me@acme.com", core::Role::customer, acme);
  auto colleague = user("colleague@acme.com", core::Role::customer, acme);
  auto stranger = user("stranger@x.com");
  auto mine = ticket(me, "Printer jam", 1).number;
  auto theirs = ticket(colleague, "Printer toner", 2).number;
  ticket(stranger, "Printer fire", 3);
  TicketFilter own;
  own.visible_requester_id = me;
  TicketFilter shared = own;
  shared.visible_organization_id = acme;
  EXPECT_EQ(numbers(own), Numbers{mine});
  EXPECT_EQ(numbers(shared), (Numbers{theirs, mine}));
  auto own_search = search("printer");
  own_search.visible_requester_id = me;
  auto shared_search = own_search;
  shared_search.visible_organization_id = acme;
  EXPECT_EQ(numbers(own_search), Numbers{mine});
  auto found = numbers(shared_search);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (Numbers{mine, theirs}));
}

TEST_P(TicketsContract, CustomersUpdatedOrderCursorAndSinceIgnoreInternalWork) {
  auto r = user("a@x.com");
  auto quiet = ticket(r, "quiet", 100).number;  // publicly updated at 100
  auto busy = ticket(r, "busy", 300).number;
  change(quiet, [](core::Ticket& t) { t.updated_at = 500; });  // internal work only
  TicketFilter staff;
  TicketFilter customer;
  customer.visible_requester_id = r;
  EXPECT_EQ(numbers(staff), (Numbers{quiet, busy}));
  EXPECT_EQ(numbers(customer), (Numbers{busy, quiet}));

  auto staff_since = staff;
  staff_since.updated_since = 200;
  auto customer_since = customer;
  customer_since.updated_since = 200;
  EXPECT_EQ(numbers(staff_since), (Numbers{quiet, busy}));
  EXPECT_EQ(numbers(customer_since), Numbers{busy});

  customer.limit = 1;
  TicketPage first;
  read([&](Tx& tx) { first = tx.tickets().list_tickets(customer); });
  ASSERT_EQ(first.items.size(), 1u);
  EXPECT_TRUE(first.has_more);
  customer.after = std::make_pair(first.items[0].public_updated_at, first.items[0].number);
  EXPECT_EQ(numbers(customer), Numbers{quiet});
}

// Ranked within recency: which tickets a text query returns first. The contract states an
// order, not scores, so an engine may score as it likes as long as these orders hold.
TEST_P(TicketsContract, SubjectHitsRankAboveRequesterAndMessageTextHitsAmongRecentTickets) {
  auto plain = user("plain@x.com");
  auto zephyr = user("zephyr@x.com");
  auto subject_hit = ticket(plain, "Zephyr router", 100).number;  // the oldest
  auto requester_hit = ticket(zephyr, "Router", 200).number;
  auto text_hit = ticket(plain, "Router", 300).number;
  message(text_hit, plain, "the zephyr lights blink");
  ticket(plain, "Router again", 400);  // matches nothing
  EXPECT_EQ(numbers(search("zephyr")), (Numbers{subject_hit, requester_hit, text_hit}));
}

TEST_P(TicketsContract, RankedTiesAreNewestFirstAndDeeperPagesReachOlderMatches) {
  auto r = user("a@x.com");
  constexpr int kMatches = 250;  // well past the first page's window of recent tickets
  insert_many(r, kMatches, "Zephyr outage", "");
  const Numbers seen = every_page(search("zephyr"), 40);
  ASSERT_EQ(seen.size(), static_cast<std::size_t>(kMatches));
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GT(seen[i - 1], seen[i]) << i;
  EXPECT_EQ(seen.back(), 1);  // the oldest match, reached by the last page
}

// An older match that scores higher than every recent one must not jump into the recent
// window on a deeper page (it would push a recent match onto the next page twice and never be
// returned itself): the order is one fixed order, whatever page is asked for.
TEST_P(TicketsContract, PagingARankedSearchReturnsEveryMatchOnceEvenWhenAnOldOneScoresBest) {
  auto r = user("a@x.com");
  const auto old_best = ticket(r, "Zephyr outage", 500).number;  // subject hit, the oldest
  constexpr int kRecent = 150;  // past the window of recent matches that are ranked
  insert_many(r, kRecent, "Router", "the zephyr lights blink");
  const Numbers seen = every_page(search("zephyr"), 10);
  ASSERT_EQ(seen.size(), static_cast<std::size_t>(kRecent + 1));
  Numbers sorted = seen;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "a repeat";
  EXPECT_NE(std::find(seen.begin(), seen.end(), old_best), seen.end()) << "never returned";
}

}  // namespace
}  // namespace frontline::store::contract
