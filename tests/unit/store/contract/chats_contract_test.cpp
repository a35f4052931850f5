// Store contract, run against every engine: the chats repository (migration 014) — a chat and its
// pre-chat answers round-trip; the log numbers entries from 1 without gaps per chat; a client_id
// finds its author's entry only; listing, the waiting queue and an agent's active chats; forms
// keep their fields in order.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class ChatRepositoryContract : public StoreContract {
 protected:
  core::Id chat(core::Id requester, core::ChatStatus status = core::ChatStatus::waiting,
                core::UnixTime at = 100, std::optional<core::Id> agent = std::nullopt) {
    auto t = ticket(requester, "Chat about a printer", at);
    core::Chat c;
    c.ticket_number = t.number;
    c.status = status;
    c.requester_id = requester;
    c.agent_id = agent;
    c.intake.email = "ann@x.com";
    c.intake.topic = "Printer shows E04";
    c.created_at = c.offered_at = at;
    core::Id id = 0;
    write([&](Tx& tx) { id = tx.chats().insert_chat(c); });
    return id;
  }

  core::ChatEntry entry(core::Id chat_id, const std::string& body,
                        std::optional<core::Id> author = std::nullopt,
                        const std::string& client_id = "") {
    core::ChatEntry e;
    e.chat_id = chat_id;
    e.body = body;
    e.author_id = author;
    e.author_name = "Ann";
    e.client_id = client_id;
    e.at = 200;
    return e;
  }

  std::int64_t append(const core::ChatEntry& e) {
    std::int64_t seq = 0;
    write([&](Tx& tx) { seq = tx.chats().append_entry(e); });
    return seq;
  }
};
FRONTLINE_STORE_CONTRACT(ChatRepositoryContract);

TEST_P(ChatRepositoryContract, AChatAndItsPreChatAnswersRoundTrip) {
  auto ann = user("ann@x.com");
  auto t = ticket(ann, "Chat", 100);
  core::Chat c;
  c.ticket_number = t.number;
  c.requester_id = ann;
  c.intake = {"Ann", "ann@x.com", "Printer shows E04", true, {"restarted", "reseated_cables"},
              "swapped toner", "SN-1", "LaserJet 4"};
  c.visitor_token_hash = "abc";
  c.created_at = 100;
  c.offered_at = 100;
  core::Id id = 0;
  write([&](Tx& tx) { id = tx.chats().insert_chat(c); });
  read([&](Tx& tx) {
    auto got = tx.chats().chat_by_id(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->ticket_number, t.number);
    EXPECT_EQ(got->status, core::ChatStatus::waiting);
    EXPECT_EQ(got->intake.name, "Ann");
    EXPECT_TRUE(got->intake.technician);
    EXPECT_EQ(got->intake.steps_done, (std::vector<std::string>{"restarted", "reseated_cables"}));
    EXPECT_EQ(got->intake.steps_other, "swapped toner");
    EXPECT_EQ(got->intake.serial_number, "SN-1");
    EXPECT_EQ(got->intake.machine_type, "LaserJet 4");
    EXPECT_EQ(got->visitor_token_hash, "abc");
    EXPECT_EQ(got->last_seq, 0);
    EXPECT_FALSE(got->agent_id);
    EXPECT_EQ(tx.chats().chat_by_ticket(t.number)->id, id);
    EXPECT_FALSE(tx.chats().chat_by_id(id + 100));
    EXPECT_FALSE(tx.chats().chat_by_ticket(t.number + 100));
  });
}

TEST_P(ChatRepositoryContract, UpdatesWriteStatusAgentTimesAndRatingAndNameTheAgent) {
  auto ann = user("ann@x.com");
  auto tom = user("tom@x.com", core::Role::agent);
  auto id = chat(ann);
  write([&](Tx& tx) {
    auto c = *tx.chats().chat_by_id(id);
    c.status = core::ChatStatus::ended;
    c.agent_id = tom;
    c.accepted_at = 150;
    c.ended_at = 300;
    c.offered_at = 120;
    c.rating = 4;
    c.rating_comment = "quick";
    c.intake.topic = "changed";  // not written: the intake is fixed
    EXPECT_TRUE(tx.chats().update_chat(c));
    c.id += 100;
    EXPECT_FALSE(tx.chats().update_chat(c));
  });
  read([&](Tx& tx) {
    auto c = *tx.chats().chat_by_id(id);
    EXPECT_EQ(c.status, core::ChatStatus::ended);
    EXPECT_EQ(c.agent_id, tom);
    EXPECT_EQ(c.agent_name, "tom");
    EXPECT_EQ(c.accepted_at, 150);
    EXPECT_EQ(c.ended_at, 300);
    EXPECT_EQ(c.offered_at, 120);
    EXPECT_EQ(c.rating, 4);
    EXPECT_EQ(c.rating_comment, "quick");
    EXPECT_EQ(c.intake.topic, "Printer shows E04");
  });
}

TEST_P(ChatRepositoryContract, TheLogNumbersEachChatFromOneWithoutGaps) {
  auto ann = user("ann@x.com");
  auto a = chat(ann), b = chat(ann);
  EXPECT_EQ(append(entry(a, "one")), 1);
  EXPECT_EQ(append(entry(a, "two")), 2);
  EXPECT_EQ(append(entry(b, "other chat")), 1);
  auto status = entry(a, "Tom joined");
  status.kind = core::ChatEntryKind::status;
  status.author_role = core::Role::agent;
  status.data = R"({"status":"active"})";
  EXPECT_EQ(append(status), 3);
  read([&](Tx& tx) {
    auto all = tx.chats().entries_after(a, 0, 100);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].body, "one");
    EXPECT_EQ(all[2].kind, core::ChatEntryKind::status);
    EXPECT_EQ(all[2].author_role, core::Role::agent);
    EXPECT_EQ(all[2].data, R"({"status":"active"})");
    EXPECT_EQ(all[0].data, "{}");
    auto after_one = tx.chats().entries_after(a, 1, 1);
    ASSERT_EQ(after_one.size(), 1u);
    EXPECT_EQ(after_one[0].seq, 2);
    EXPECT_EQ(tx.chats().chat_by_id(a)->last_seq, 3);
    EXPECT_EQ(tx.chats().entry_by_seq(a, 2)->body, "two");
    EXPECT_FALSE(tx.chats().entry_by_seq(a, 9));
  });
  EXPECT_EQ(kind_thrown([&] { append(entry(a + b + 100, "nowhere")); }),
            StoreError::Kind::not_found);
}

TEST_P(ChatRepositoryContract, AClientIdFindsItsOwnAuthorsEntryOnly) {
  auto ann = user("ann@x.com");
  auto tom = user("tom@x.com", core::Role::agent);
  auto id = chat(ann);
  auto message = entry(id, "hello", std::nullopt, "c-1");
  message.message_id = 77;
  append(message);
  append(entry(id, "from tom", tom, "c-1"));  // another author may use the same client_id
  read([&](Tx& tx) {
    auto visitor = tx.chats().entry_by_client_id(id, std::nullopt, "c-1");
    ASSERT_TRUE(visitor);
    EXPECT_EQ(visitor->body, "hello");
    EXPECT_EQ(visitor->client_id, "c-1");
    EXPECT_EQ(visitor->message_id, 77);
    EXPECT_FALSE(visitor->author_id);
    EXPECT_EQ(tx.chats().entry_by_client_id(id, tom, "c-1")->body, "from tom");
    EXPECT_FALSE(tx.chats().entry_by_client_id(id, ann, "c-1"));
    EXPECT_FALSE(tx.chats().entry_by_client_id(id, std::nullopt, "c-2"));
  });
}

TEST_P(ChatRepositoryContract, ListsTheQueueAndCountsAnAgentsActiveChats) {
  auto ann = user("ann@x.com");
  auto bob = user("bob@x.com");
  auto tom = user("tom@x.com", core::Role::agent);
  auto first = chat(ann, core::ChatStatus::waiting, 100);
  auto second = chat(bob, core::ChatStatus::waiting, 110);
  chat(ann, core::ChatStatus::active, 120, tom);
  chat(bob, core::ChatStatus::active, 130, tom);
  chat(bob, core::ChatStatus::ended, 140, tom);
  read([&](Tx& tx) {
    auto waiting = tx.chats().list_chats(core::ChatStatus::waiting, std::nullopt, 10);
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(waiting[0].id, first);  // oldest first
    EXPECT_EQ(tx.chats().list_chats(core::ChatStatus::waiting, bob, 10).at(0).id, second);
    EXPECT_EQ(tx.chats().list_chats(core::ChatStatus::active, ann, 10).size(), 1u);
    EXPECT_EQ(tx.chats().list_chats(core::ChatStatus::waiting, std::nullopt, 1).size(), 1u);
    EXPECT_EQ(tx.chats().waiting_ahead(*tx.chats().chat_by_id(first)), 0);
    EXPECT_EQ(tx.chats().waiting_ahead(*tx.chats().chat_by_id(second)), 1);
    EXPECT_EQ(tx.chats().active_chats_of(tom), 2);
    EXPECT_EQ(tx.chats().active_chats_of(ann), 0);
    auto stale = tx.chats().waiting_offered_before(105, 10);
    ASSERT_EQ(stale.size(), 1u);
    EXPECT_EQ(stale[0].id, first);
  });
}

TEST_P(ChatRepositoryContract, FormsKeepTheirFieldsInOrder) {
  core::ChatForm form;
  form.title = "Replacement";
  form.fields = {{"address", "Shipping address", core::FormFieldType::multiline, true, {}},
                 {"speed", "Shipping", core::FormFieldType::choice, false, {"standard", "express"}}};
  form.updated_at = 5;
  core::Id id = 0;
  write([&](Tx& tx) { id = tx.chats().insert_form(form); });
  read([&](Tx& tx) {
    auto got = tx.chats().form_by_id(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->title, "Replacement");
    ASSERT_EQ(got->fields.size(), 2u);
    EXPECT_EQ(got->fields[0].name, "address");
    EXPECT_TRUE(got->fields[0].required);
    EXPECT_EQ(got->fields[1].type, core::FormFieldType::choice);
    EXPECT_EQ(got->fields[1].options, (std::vector<std::string>{"standard", "express"}));
  });
  form.id = id;
  form.title = "Replacement (v2)";
  form.fields.pop_back();
  write([&](Tx& tx) { EXPECT_TRUE(tx.chats().update_form(form)); });
  read([&](Tx& tx) {
    auto listed = tx.chats().list_forms();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].title, "Replacement (v2)");
    EXPECT_EQ(listed[0].fields.size(), 1u);
  });
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.chats().delete_form(id));
    EXPECT_FALSE(tx.chats().delete_form(id));
    form.id = id + 1;
    EXPECT_FALSE(tx.chats().update_form(form));
  });
  read([&](Tx& tx) { EXPECT_FALSE(tx.chats().form_by_id(id)); });
}

}  // namespace
}  // namespace frontline::store::contract
