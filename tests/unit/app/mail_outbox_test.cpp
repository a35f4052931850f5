// Focus of this file: outgoing mail composed from the event log on a real SQLite file — what
// is queued for which event, exactly once, and the retry schedule after failures.
#include "app/mail_outbox.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "app/mail_templates.hpp"
#include "app/tickets.hpp"

namespace frontline::app {
namespace {

class MailOutboxTest : public ::testing::Test {
 protected:
  MailOutboxTest()
      : tickets_(*app_.ctx),
        outbox_(*app_.ctx, settings()),
        agent_(app_.make_user("tina@desk.example", core::Role::agent)),
        other_(app_.make_user("otto@desk.example", core::Role::agent)),
        alice_(app_.make_user("alice@acme.example", core::Role::customer)) {
    EXPECT_TRUE(outbox_.start_at_head_if_new());
  }

  static OutboundSettings settings() {
    OutboundSettings s;
    s.from_address = "help@desk.example";
    s.retry_base_seconds = 60;
    s.retry_max_seconds = 600;
    return s;
  }

  std::vector<core::OutboundMail> compose_and_take() {
    EXPECT_TRUE(outbox_.compose(100));
    auto due = outbox_.due(100);
    EXPECT_TRUE(due);
    for (const auto& m : *due) EXPECT_TRUE(outbox_.delivered(m.id));
    return *due;
  }

  core::Ticket open_as(const core::Actor& who) {
    OpenTicket in;
    in.subject = "Printer jam";
    in.body = "It jams";
    auto t = tickets_.open(who, std::move(in));
    EXPECT_TRUE(t);
    return *t;
  }

  testing::TestApp app_;
  Tickets tickets_;
  MailOutbox outbox_;
  core::Actor agent_, other_, alice_;
};

TEST_F(MailOutboxTest, NewTicketIsAcknowledgedToTheRequesterOnce) {
  auto t = open_as(alice_);
  auto sent = compose_and_take();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].kind, "acknowledgement");
  EXPECT_EQ(sent[0].recipient, "alice@acme.example");
  EXPECT_NE(sent[0].subject.find("[#" + std::to_string(t.number) + "]"), std::string::npos);
  EXPECT_NE(sent[0].message_id.find("@desk.example"), std::string::npos);
  EXPECT_TRUE(compose_and_take().empty());  // the cursor moved: never twice
}

TEST_F(MailOutboxTest, StaffRepliesGoOutNotesAndCustomerRepliesDoNot) {
  auto t = open_as(alice_);
  compose_and_take();
  ASSERT_TRUE(tickets_.add_message(agent_, t.number, core::MessageKind::internal_note,
                                   "secret theory", {}));
  ASSERT_TRUE(tickets_.add_message(alice_, t.number, core::MessageKind::public_reply,
                                   "more from alice", {}));
  ASSERT_TRUE(tickets_.add_message(agent_, t.number, core::MessageKind::public_reply,
                                   "try the other tray", {}));
  auto sent = compose_and_take();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].kind, "reply");
  EXPECT_NE(sent[0].body.find("try the other tray"), std::string::npos);
  EXPECT_EQ(sent[0].body.find("secret theory"), std::string::npos);
  ASSERT_FALSE(sent[0].references.empty());  // threads onto the acknowledgement
  EXPECT_EQ(sent[0].in_reply_to, sent[0].references.back());
}

TEST_F(MailOutboxTest, AssignmentNoticeOnlyWhenSomeoneElseAssigns) {
  auto t = open_as(alice_);
  compose_and_take();
  TicketChanges self;
  self.assignee_id = std::optional<core::Id>(agent_.id);
  ASSERT_TRUE(tickets_.update(agent_, t.number, self, std::nullopt));
  EXPECT_TRUE(compose_and_take().empty());
  TicketChanges give;
  give.assignee_id = std::optional<core::Id>(other_.id);
  ASSERT_TRUE(tickets_.update(agent_, t.number, give, std::nullopt));
  auto sent = compose_and_take();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].kind, "assignment");
  EXPECT_EQ(sent[0].recipient, "otto@desk.example");
}

TEST_F(MailOutboxTest, FailuresRetryWithDoublingDelayUpToTheCap) {
  open_as(alice_);
  ASSERT_TRUE(outbox_.compose(100));
  auto due = outbox_.due(10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1u);
  const core::Id id = (*due)[0].id;
  std::vector<core::UnixTime> delays;
  for (int attempt = 0; attempt < 6; ++attempt) {
    const auto before = app_.clock.now();
    ASSERT_TRUE(outbox_.failed(id, "SMTP: connection refused"));
    EXPECT_TRUE(outbox_.due(10)->empty());  // not before its time
    core::OutboundMail m;
    app_.db->read([&](store::Tx& tx) { m = *tx.mail().outbound_mail_by_id(id); });
    delays.push_back(m.next_attempt_at - before);
    app_.clock.set(m.next_attempt_at);
    ASSERT_EQ(outbox_.due(10)->size(), 1u);
  }
  EXPECT_EQ(delays, (std::vector<core::UnixTime>{60, 120, 240, 480, 600, 600}));
}

TEST_F(MailOutboxTest, ADueMailIsTakenByOneDispatcherUntilItsClaimRunsOut) {
  open_as(alice_);
  ASSERT_TRUE(outbox_.compose(100));
  MailOutbox other_instance(*app_.ctx, settings());  // a second dispatcher, same database
  auto first = outbox_.due(10);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_TRUE(other_instance.due(10)->empty());   // claimed: not sent twice
  app_.clock.advance(MailOutbox::kClaimSeconds);  // the first dispatcher never reported back
  auto again = other_instance.due(10);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].id, (*first)[0].id);
  ASSERT_TRUE(other_instance.delivered((*again)[0].id));
  app_.clock.advance(MailOutbox::kClaimSeconds);
  EXPECT_TRUE(outbox_.due(10)->empty());  // sent: never due again
}

TEST_F(MailOutboxTest, GivesUpAfterTheConfiguredTimeAndRecordsIt) {
  auto t = open_as(alice_);
  ASSERT_TRUE(outbox_.compose(100));
  const core::Id id = (*outbox_.due(10))[0].id;
  app_.clock.advance(settings().give_up_after_seconds);
  ASSERT_TRUE(outbox_.failed(id, "SMTP: 550 no such user"));
  app_.clock.advance(86400);
  EXPECT_TRUE(outbox_.due(10)->empty());
  auto events = tickets_.events(agent_, t.number, 0, 100);
  ASSERT_TRUE(events);
  EXPECT_EQ(events->back().type, "mail.failed");
}

TEST(MailTemplates, HtmlFillingEscapesWhatPeopleWroteAndKeepsLineBreaks) {
  TemplateValues v;
  v.ticket_number = 7;
  v.subject = "<b>bold</b> & \"quoted\"";
  v.body = "line one\n<script>x</script>";
  EXPECT_EQ(fill("<p>{{subject}}</p><div>{{body}}</div>", v, FillAs::html),
            "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</p>"
            "<div>line one<br>\n&lt;script&gt;x&lt;/script&gt;</div>");
  EXPECT_EQ(fill("{{subject}}", v), v.subject);  // text stays text
}

TEST(MailTemplates, FillReplacesKnownPlaceholdersAndKeepsUnknownOnes) {
  TemplateValues v;
  v.ticket_number = 42;
  v.subject = "VPN";
  EXPECT_EQ(fill("[#{{ticket_number}}] {{subject}} {{nope}} {{", v), "[#42] VPN {{nope}} {{");
}

}  // namespace
}  // namespace frontline::app
