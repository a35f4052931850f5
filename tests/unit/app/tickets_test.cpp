// Focus of this file: the ticket use cases end to end on a real SQLite file — authorization,
// lifecycle, events in the same transaction, idempotent create, merge and search visibility.
#include "app/tickets.hpp"

#include <gtest/gtest.h>

#include <map>

#include "../test_support.hpp"
#include "app/event_data.hpp"
#include "app/ticket_jobs.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {
namespace {

class TicketsTest : public ::testing::Test {
 protected:
  TicketsTest()
      : tickets_(*app_.ctx),
        agent_(app_.make_user("agent@x.com", core::Role::agent)),
        alice_(app_.make_user("alice@acme.example", core::Role::customer, "Acme")),
        bob_(app_.make_user("bob@acme.example", core::Role::customer, "Acme")) {}

  core::Ticket open_as(const core::Actor& who, std::string subject = "Printer jam") {
    OpenTicket in;
    in.subject = std::move(subject);
    in.body = "It jams on page two";
    auto t = tickets_.open(who, std::move(in));
    EXPECT_TRUE(t) << (t ? "" : t.error().message);
    return *t;
  }

  testing::TestApp app_;
  Tickets tickets_;
  core::Actor agent_, alice_, bob_;
};

TEST_F(TicketsTest, CustomerOpensTicketForThemselfWithCreatedEvent) {
  auto t = open_as(alice_);
  EXPECT_EQ(t.requester_id, alice_.id);
  EXPECT_EQ(t.status, core::Status::new_);
  auto events = tickets_.events(alice_, t.number, 0, 100);
  ASSERT_TRUE(events);
  ASSERT_GE(events->size(), 2u);
  EXPECT_EQ((*events)[0].type, "ticket.created");
  EXPECT_EQ((*events)[1].type, "message.added");
}

TEST_F(TicketsTest, CustomerCannotOpenTicketForSomeoneElse) {
  OpenTicket in{"s", "b", std::string("bob@acme.example")};
  auto r = tickets_.open(alice_, in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::forbidden);
}

TEST_F(TicketsTest, AgentOpensForUnknownRequesterWhoBecomesUnverifiedCustomer) {
  OpenTicket in{"Phone call: VPN", "Caller cannot connect", std::string("new.person@corp.example")};
  in.channel = core::Channel::phone;
  auto t = tickets_.open(agent_, in);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->channel, core::Channel::phone);
  app_.db->read([&](store::Tx& tx) {
    auto u = tx.accounts().user_by_email("new.person@corp.example");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->role, core::Role::customer);
    EXPECT_FALSE(u->verified);
  });
}

TEST_F(TicketsTest, IdempotencyKeyReturnsTheFirstTicketOnRetry) {
  OpenTicket in{"s", "b"};
  in.idempotency_key = "retry-1";
  auto first = tickets_.open(alice_, in);
  auto second = tickets_.open(alice_, in);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->number, second->number);
  auto list = tickets_.list(alice_, {});
  EXPECT_EQ(list->items.size(), 1u);
}

TEST_F(TicketsTest, CustomerGetsNotFoundForAnotherPersonsTicket) {
  auto t = open_as(bob_);
  auto r = tickets_.get(alice_, t.number);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::not_found);
}

TEST_F(TicketsTest, CustomerNeverSeesInternalNotesOrTheirEvents) {
  auto t = open_as(alice_);
  ASSERT_TRUE(
      tickets_.add_message(agent_, t.number, core::MessageKind::internal_note, "secret", {}));
  auto msgs = tickets_.messages(alice_, t.number);
  ASSERT_TRUE(msgs);
  for (auto& m : *msgs) EXPECT_NE(m.kind, core::MessageKind::internal_note);
  auto events = tickets_.events(alice_, t.number, 0, 100);
  for (auto& e : *events) EXPECT_FALSE(e.internal) << e.type;
  auto staff_msgs = tickets_.messages(agent_, t.number);
  EXPECT_EQ(staff_msgs->size(), msgs->size() + 1);
}

TEST_F(TicketsTest, CustomerCannotAddInternalNote) {
  auto t = open_as(alice_);
  auto r = tickets_.add_message(alice_, t.number, core::MessageKind::internal_note, "x", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::forbidden);
}

TEST_F(TicketsTest, AgentReplySetsFirstResponseAndCustomerReplyReopens) {
  auto t = open_as(alice_);
  app_.clock.advance(60);
  ASSERT_TRUE(
      tickets_.add_message(agent_, t.number, core::MessageKind::public_reply, "try this", {}));
  auto after_reply = tickets_.get(agent_, t.number);
  EXPECT_EQ(after_reply->first_response_at, app_.clock.now());
  EXPECT_EQ(after_reply->status, core::Status::open);
  TicketChanges resolve;
  resolve.status = core::Status::resolved;
  ASSERT_TRUE(tickets_.update(alice_, t.number, resolve, std::nullopt));
  ASSERT_TRUE(tickets_.add_message(alice_, t.number, core::MessageKind::public_reply, "again", {}));
  EXPECT_EQ(tickets_.get(agent_, t.number)->status, core::Status::open);
}

TEST_F(TicketsTest, StaleIfMatchIsRejectedAndNothingChanges) {
  auto t = open_as(alice_);
  TicketChanges c;
  c.priority = core::Priority::high;
  ASSERT_TRUE(tickets_.update(agent_, t.number, c, std::vector<std::int64_t>{t.version}));
  c.priority = core::Priority::low;
  auto stale = tickets_.update(agent_, t.number, c, std::vector<std::int64_t>{t.version});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, core::Errc::stale);
  EXPECT_EQ(tickets_.get(agent_, t.number)->priority, core::Priority::high);
}

TEST_F(TicketsTest, InternalWorkDoesNotMoveTheVersionOrUpdatedTimeACustomerSees) {
  auto t = open_as(alice_);
  app_.clock.advance(60);
  TicketChanges c;
  c.priority = core::Priority::urgent;
  c.tags = std::vector<std::string>{"vip"};
  ASSERT_TRUE(tickets_.update(agent_, t.number, c, std::nullopt));
  ASSERT_TRUE(tickets_.add_message(agent_, t.number, core::MessageKind::internal_note,
                                   "she sounded annoyed", {}));
  auto seen = tickets_.get(alice_, t.number);
  EXPECT_EQ(seen->version, t.version);
  EXPECT_EQ(seen->updated_at, t.updated_at);
  EXPECT_EQ(seen->priority, core::Priority::normal);  // blanked, never the real one
  EXPECT_TRUE(seen->tags.empty());
  EXPECT_GT(tickets_.get(agent_, t.number)->version, t.version);

  app_.clock.advance(60);
  ASSERT_TRUE(
      tickets_.add_message(agent_, t.number, core::MessageKind::public_reply, "try this", {}));
  auto after_reply = tickets_.get(alice_, t.number);
  EXPECT_EQ(after_reply->version, t.version + 1);
  EXPECT_EQ(after_reply->updated_at, app_.clock.now());
}

TEST_F(TicketsTest, CustomerIfMatchComparesThePublicVersion) {
  auto t = open_as(alice_);
  TicketChanges internal;
  internal.priority = core::Priority::high;
  ASSERT_TRUE(tickets_.update(agent_, t.number, internal, std::nullopt));
  TicketChanges resolve;
  resolve.status = core::Status::resolved;
  auto r = tickets_.update(alice_, t.number, resolve, std::vector<std::int64_t>{t.version});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->version, t.version + 1);
  auto stale = tickets_.update(alice_, t.number, resolve, std::vector<std::int64_t>{t.version});
  EXPECT_EQ(stale.error().code, core::Errc::stale);
}

TEST_F(TicketsTest, AnIfMatchNamingNoVersionIsStale) {
  auto t = open_as(alice_);
  TicketChanges c;
  c.priority = core::Priority::high;
  auto r = tickets_.update(agent_, t.number, c, std::vector<std::int64_t>{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::stale);
}

TEST_F(TicketsTest, CustomerCannotChangeAgentFields) {
  auto t = open_as(alice_);
  TicketChanges c;
  c.assignee_id = std::optional<core::Id>(agent_.id);
  auto r = tickets_.update(alice_, t.number, c, std::nullopt);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::forbidden);
}

TEST_F(TicketsTest, AssigningToACustomerIsInvalid) {
  auto t = open_as(alice_);
  TicketChanges c;
  c.assignee_id = std::optional<core::Id>(bob_.id);
  auto r = tickets_.update(agent_, t.number, c, std::nullopt);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::invalid);
}

TEST_F(TicketsTest, MergeMovesMessagesAndClosesTheDuplicate) {
  auto a = open_as(alice_, "Printer jam");
  auto b = open_as(alice_, "Printer jam again");
  auto merged = tickets_.merge(agent_, b.number, a.number);
  ASSERT_TRUE(merged) << merged.error().message;
  auto dup = tickets_.get(agent_, b.number);
  EXPECT_EQ(dup->status, core::Status::closed);
  EXPECT_EQ(dup->merged_into, a.number);
  EXPECT_EQ(tickets_.messages(agent_, a.number)->size(), 2u);
}

TEST_F(TicketsTest, MergeAcrossRequestersIsRefusedSoNoCustomerSeesAnothersMessages) {
  auto mine = open_as(alice_, "Printer jam");
  auto theirs = open_as(bob_, "Printer jam too");
  auto r = tickets_.merge(agent_, mine.number, theirs.number);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::invalid);
  EXPECT_EQ(tickets_.messages(bob_, theirs.number)->size(), 1u);
}

TEST_F(TicketsTest, SearchFindsOnlyVisibleTicketsForCustomers) {
  open_as(alice_, "Laptop battery drains");
  open_as(bob_, "Laptop battery swollen");
  TicketListQuery q;
  q.q = "laptop battery";
  EXPECT_EQ(tickets_.list(alice_, q)->items.size(), 1u);
  EXPECT_EQ(tickets_.list(agent_, q)->items.size(), 2u);
}

// Every agent-only field, from core's one list: searching, filtering or sorting on it would
// reveal it to a customer by comparing result sets or orders.
TEST_F(TicketsTest, CustomerSearchFilterOrSortOnAnyAgentOnlyFieldIsInvalid) {
  const std::map<std::string, std::string> kSearchValue = {{"priority", "urgent"},
                                                           {"assignee", "me"},
                                                           {"team", "Network"},
                                                           {"tag", "vip"},
                                                           {"service", "Records"}};
  for (std::string_view field : core::kAgentOnlyFields) {
    auto value = kSearchValue.find(std::string(field));
    ASSERT_NE(value, kSearchValue.end()) << field << ": add a search value for the new field";
    TicketListQuery search;
    search.q = std::string(field) + ":" + value->second;
    auto r = tickets_.list(alice_, search);
    ASSERT_FALSE(r) << search.q;
    EXPECT_EQ(r.error().code, core::Errc::invalid) << search.q;
    EXPECT_TRUE(tickets_.list(agent_, search)) << search.q;
  }
  TicketListQuery by_priority;
  by_priority.sort = "priority";
  auto sorted = tickets_.list(alice_, by_priority);
  ASSERT_FALSE(sorted);
  EXPECT_EQ(sorted.error().code, core::Errc::invalid);
  ASSERT_EQ(sorted.error().fields.size(), 1u);
  EXPECT_EQ(sorted.error().fields[0].field, "sort");
  EXPECT_TRUE(tickets_.list(agent_, by_priority));
}

TEST_F(TicketsTest, AttachmentContentTypeIsKeptOnlyWhenPlain) {
  auto t = open_as(alice_);
  std::vector<NewAttachment> files{{"a.html", "text/html\n\n<script>x</script>", "<b>"},
                                   {"b.png", "image/png", "png"}};
  auto m = tickets_.add_message(alice_, t.number, core::MessageKind::public_reply, "files",
                                std::move(files));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->attachments.at(0).content_type, "application/octet-stream");
  EXPECT_EQ(m->attachments.at(1).content_type, "image/png");
}

TEST_F(TicketsTest, SearchCursorBeyondTheDeepestPageIsBadInput) {
  TicketListQuery q;
  q.q = "printer";
  q.cursor = "o9223372036854775807";
  auto r = tickets_.list(agent_, q);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::bad_input);
}

TEST_F(TicketsTest, FilterNamingUnknownUserMatchesNothing) {
  open_as(alice_);
  TicketListQuery q;
  q.requester = "nobody@nowhere.example";
  EXPECT_TRUE(tickets_.list(agent_, q)->items.empty());
}

TEST_F(TicketsTest, AttachmentOfInternalNoteIsHiddenFromCustomer) {
  auto t = open_as(alice_);
  std::vector<NewAttachment> files{{"log.txt", "text/plain", "private log"}};
  auto note = tickets_.add_message(agent_, t.number, core::MessageKind::internal_note, "see log",
                                   std::move(files));
  ASSERT_TRUE(note);
  auto id = note->attachments.at(0).id;
  EXPECT_FALSE(tickets_.attachment(alice_, id));
  auto content = tickets_.attachment(agent_, id);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->bytes, "private log");
}

TEST_F(TicketsTest, AutoCloseClosesOnlyTicketsResolvedLongEnoughAgo) {
  auto old_one = open_as(alice_, "old");
  TicketChanges resolve;
  resolve.status = core::Status::resolved;
  ASSERT_TRUE(tickets_.update(agent_, old_one.number, resolve, std::nullopt));
  app_.clock.advance(8 * 86400);
  auto recent = open_as(alice_, "recent");
  ASSERT_TRUE(tickets_.update(agent_, recent.number, resolve, std::nullopt));
  auto closed = auto_close_resolved(*app_.ctx);
  ASSERT_TRUE(closed);
  EXPECT_EQ(*closed, 1);
  EXPECT_EQ(tickets_.get(agent_, old_one.number)->status, core::Status::closed);
  EXPECT_EQ(tickets_.get(agent_, recent.number)->status, core::Status::resolved);
}

TEST_F(TicketsTest, LoggedCallKeepsTheTechniciansNotesInternalAndRecordsTheCall) {
  OpenTicket in{"Printer offline", "The printer says offline", std::string("alice@acme.example")};
  in.channel = core::Channel::phone;
  in.call_notes = "she sounded annoyed; verified her email";
  in.call_minutes = 7;
  auto t = tickets_.open(agent_, in);
  ASSERT_TRUE(t) << t.error().message;
  auto theirs = tickets_.messages(alice_, t->number);
  ASSERT_TRUE(theirs);
  ASSERT_EQ(theirs->size(), 1u);
  EXPECT_EQ((*theirs)[0].body, "The printer says offline");
  EXPECT_EQ((*theirs)[0].author_id, alice_.id);  // the caller's own words
  auto staff = tickets_.messages(agent_, t->number);
  ASSERT_EQ(staff->size(), 2u);
  EXPECT_EQ((*staff)[1].kind, core::MessageKind::internal_note);
  EXPECT_EQ((*staff)[1].body, "she sounded annoyed; verified her email");
  auto theirs_events = tickets_.events(alice_, t->number, 0, 100);
  ASSERT_TRUE(theirs_events);
  for (const auto& e : *theirs_events) {
    EXPECT_NE(e.type, "call.logged");
  }
  bool logged = false;
  auto staff_events = tickets_.events(agent_, t->number, 0, 100);
  ASSERT_TRUE(staff_events);
  for (const auto& e : *staff_events) {
    if (e.type != "call.logged") continue;
    logged = true;
    EXPECT_TRUE(e.internal);
    EXPECT_EQ(e.actor_id, agent_.id);
    EXPECT_EQ(event_int(e.data, "minutes"), 7);
  }
  EXPECT_TRUE(logged);
}

TEST_F(TicketsTest, CustomersCannotSendCallNotes) {
  OpenTicket in{"s", "b"};
  in.call_notes = "pretend to be staff";
  auto r = tickets_.open(alice_, in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::forbidden);
}

TEST_F(TicketsTest, CategorySearchFindsTicketsOfAnExistingCategoryByName) {
  app_.db->write([](store::Tx& tx) {
    tx.categories().insert_category("Hardware");
    return true;
  });
  OpenTicket in{"Broken screen", "It cracked"};
  in.category = "Hardware";
  auto hw = tickets_.open(alice_, in);
  ASSERT_TRUE(hw);
  open_as(alice_, "Other");
  TicketListQuery q;
  q.q = "category:hardware";
  auto found = tickets_.list(agent_, q);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].number, hw->number);
  EXPECT_EQ(tickets_.count(agent_, q)->count, 1);
  q.q = "category:Hardwear";
  auto unknown = tickets_.list(agent_, q);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, core::Errc::invalid);
  EXPECT_NE(unknown.error().message.find("Hardwear"), std::string::npos);
}

TEST_F(TicketsTest, ADeletedCategoryStillFindsTheTicketsThatKeepItsName) {
  core::Id id = 0;
  app_.db->write([&](store::Tx& tx) {
    id = tx.categories().insert_category("Printers");
    return true;
  });
  OpenTicket in{"Paper jam", "Tray 2"};
  in.category = "Printers";
  auto kept = tickets_.open(alice_, in);
  ASSERT_TRUE(kept);
  app_.db->write([&](store::Tx& tx) {
    tx.categories().delete_category(id);
    return true;
  });
  TicketListQuery q;
  q.q = "category:printers";
  auto found = tickets_.list(agent_, q);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].number, kept->number);
  q.q = "category:Scanners";  // never a category, on no ticket: still a mistake to point out
  ASSERT_FALSE(tickets_.list(agent_, q));
}

}  // namespace
}  // namespace frontline::app
