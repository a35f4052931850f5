// Focus of this file: the live chat use cases on a real SQLite file whose every write unit runs
// twice (the first rolled back) — a chat is a ticket from its first second, its log is numbered
// without gaps or doubles, a resend by client_id is one entry, accepting respects the per-agent
// limit, the transcript holds what was said but no internal note, and a visitor's token stops
// granting the chat some time after it ended.
#include "app/chats.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "app/chat_support.hpp"

namespace frontline::app {
namespace {

class ChatsTest : public ::testing::Test {
 protected:
  ChatsTest()
      : tickets_(*app_.ctx),
        chats_(*app_.ctx, tickets_, ChatSettings{1, 90}),
        agent_(app_.make_user("agent@x.com", core::Role::agent)) {}

  StartedChat visitor_chat(const std::string& email = "ann@example.com") {
    core::ChatIntake in;
    in.email = email;
    in.name = "Ann";
    in.topic = "Printer shows E04";
    auto started = chats_.start(std::nullopt, in, /*agents_online=*/true);
    EXPECT_TRUE(started) << (started ? "" : started.error().message);
    return *started;
  }

  static ChatCaller visitor(const StartedChat& s) {
    return ChatCaller{std::nullopt, s.visitor_token};
  }
  ChatCaller staff() const { return ChatCaller{agent_, {}}; }

  std::vector<std::int64_t> seqs(core::Id chat_id) {
    auto log = chats_.entries(staff(), chat_id, 0, 1000);
    EXPECT_TRUE(log);
    std::vector<std::int64_t> out;
    for (const auto& e : log->entries) out.push_back(e.seq);
    return out;
  }

  testing::TestApp app_;
  Tickets tickets_;
  Chats chats_;
  core::Actor agent_;
};

TEST_F(ChatsTest, AVisitorsChatIsATicketWithTheTopicAsItsFirstEntry) {
  auto s = visitor_chat();
  EXPECT_EQ(s.view.chat.status, core::ChatStatus::waiting);
  EXPECT_EQ(s.view.queue_position, 1);
  EXPECT_FALSE(s.visitor_token.empty());
  auto ticket = tickets_.get(agent_, s.view.chat.ticket_number);
  ASSERT_TRUE(ticket);
  EXPECT_EQ(ticket->channel, core::Channel::chat);
  EXPECT_EQ(seqs(s.view.chat.id), std::vector<std::int64_t>{1});  // once, though run twice
}

TEST_F(ChatsTest, AResendWithTheSameClientIdIsOneEntryAndOneTicketMessage) {
  auto s = visitor_chat();
  auto first = chats_.post_message(visitor(s), s.view.chat.id, "serial ABC", "c-1");
  auto again = chats_.post_message(visitor(s), s.view.chat.id, "serial ABC", "c-1");
  ASSERT_TRUE(first && again);
  EXPECT_FALSE(first->repeated);
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(first->entry.seq, again->entry.seq);
  EXPECT_EQ(seqs(s.view.chat.id), (std::vector<std::int64_t>{1, 2}));
  auto messages = tickets_.messages(agent_, s.view.chat.ticket_number);
  ASSERT_TRUE(messages);
  EXPECT_EQ(messages->size(), 2u);  // the topic and the one message
}

TEST_F(ChatsTest, AcceptingAssignsTheTicketAndRespectsTheLimitPerTechnician) {
  auto a = visitor_chat("a@example.com");
  auto b = visitor_chat("b@example.com");
  auto accepted = chats_.accept(agent_, a.view.chat.id);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->chat.agent_id, agent_.id);
  EXPECT_EQ(tickets_.get(agent_, a.view.chat.ticket_number)->assignee_id, agent_.id);
  EXPECT_EQ(seqs(a.view.chat.id), (std::vector<std::int64_t>{1, 2}));  // + the status entry
  auto second = chats_.accept(agent_, b.view.chat.id);                 // the limit is 1
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, core::Errc::conflict);
}

TEST_F(ChatsTest, TheTranscriptHoldsWhatWasSaidButNoInternalNote) {
  auto s = visitor_chat();
  ASSERT_TRUE(chats_.accept(agent_, s.view.chat.id));
  ASSERT_TRUE(chats_.post_message(staff(), s.view.chat.id, "Try the blue cable", ""));
  ASSERT_TRUE(tickets_.add_message(agent_, s.view.chat.ticket_number,
                                   core::MessageKind::internal_note, "she sounds annoyed", {}));
  ASSERT_TRUE(chats_.end(visitor(s), s.view.chat.id, std::nullopt));
  auto text = chats_.transcript(visitor(s), s.view.chat.id);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Ann: Printer shows E04"), std::string::npos);
  EXPECT_NE(text->find("agent: Try the blue cable"), std::string::npos);
  EXPECT_NE(text->find("ended the chat"), std::string::npos);
  EXPECT_EQ(text->find("annoyed"), std::string::npos);
}

TEST_F(ChatsTest, AVisitorTokenStopsGrantingTheChatAMonthAfterItEnded) {
  auto s = visitor_chat();
  ASSERT_TRUE(chats_.end(visitor(s), s.view.chat.id, std::nullopt));
  app_.clock.advance(chat_support::kVisitorTokenDaysAfterEnd * 86400);
  EXPECT_TRUE(chats_.transcript(visitor(s), s.view.chat.id));  // still within the time
  app_.clock.advance(1);
  auto gone = chats_.transcript(visitor(s), s.view.chat.id);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, core::Errc::not_found);
  EXPECT_TRUE(chats_.transcript(staff(), s.view.chat.id));  // staff keep it
}

TEST_F(ChatsTest, ANotYetAcceptedChatIsOfferedAgainAndTheVisitorIsTold) {
  auto s = visitor_chat();
  app_.clock.advance(91);
  auto offered = chats_.reoffer_unanswered();
  ASSERT_TRUE(offered);
  EXPECT_EQ(*offered, 1);
  auto log = chats_.entries(visitor(s), s.view.chat.id, 1, 10);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->entries.size(), 1u);
  EXPECT_EQ(log->entries[0].kind, core::ChatEntryKind::status);
  EXPECT_NE(log->entries[0].data.find("reoffered"), std::string::npos);
  EXPECT_EQ(*chats_.reoffer_unanswered(), 0);  // not again until another interval has passed
}

}  // namespace
}  // namespace frontline::app
