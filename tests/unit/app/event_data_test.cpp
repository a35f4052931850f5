// Focus of this file: appended events take their visibility from the event catalogue — every
// fixed type as declared, message.added by its rule (internal when the message is a note) — and
// event data reads back what EventData wrote.
#include "app/event_data.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"

namespace frontline::app {
namespace {

using core::EventType;
using core::EventVisibility;

core::Event last_event(store::Database& db) {
  core::Event out;
  db.read([&](store::Tx& tx) { out = tx.events().events_after(0, 1000).back(); });
  return out;
}

TEST(RecordEvent, EveryFixedTypeIsInternalExactlyWhenTheCatalogueSaysSo) {
  testing::TestApp app;
  core::Actor agent;
  agent.id = 7;
  for (const auto& spec : core::event_catalogue()) {
    if (spec.visibility == EventVisibility::depends) continue;
    const std::optional<core::Id> ticket =
        spec.scope == core::EventScope::desk ? std::nullopt : std::optional<core::Id>(1);
    app.db->write([&](store::Tx& tx) {
      record_event(tx, agent, ticket, spec.type, "{}", 100);
      return true;
    });
    const auto e = last_event(*app.db);
    EXPECT_EQ(e.type, spec.name);
    EXPECT_TRUE(e.is(spec.type));
    EXPECT_EQ(e.internal, spec.visibility == EventVisibility::internal) << spec.name;
    EXPECT_EQ(e.ticket_number, ticket) << spec.name;
    EXPECT_EQ(e.actor_id, std::optional<core::Id>(7)) << spec.name;
  }
}

TEST(RecordEvent, MessageAddedIsInternalExactlyForInternalNotes) {
  ASSERT_EQ(core::event_spec(EventType::message_added).visibility, EventVisibility::depends);
  testing::TestApp app;
  core::Actor agent;
  agent.id = 7;
  for (auto kind : {core::MessageKind::public_reply, core::MessageKind::internal_note,
                    core::MessageKind::system}) {
    app.db->write([&](store::Tx& tx) {
      record_message_added(tx, agent, 3, 41, kind, /*first=*/false, 100);
      return true;
    });
    const auto e = last_event(*app.db);
    EXPECT_TRUE(e.is(EventType::message_added));
    EXPECT_EQ(e.internal, kind == core::MessageKind::internal_note) << core::to_string(kind);
    EXPECT_EQ(e.data, std::string(R"({"message_id":41,"kind":")") +
                          std::string(core::to_string(kind)) + "\"}");
  }
}

TEST(RecordEvent, TheFirstMessageIsMarkedSoTheAcknowledgementCoversIt) {
  testing::TestApp app;
  app.db->write([&](store::Tx& tx) {
    record_message_added(tx, core::Actor{}, 3, 41, core::MessageKind::public_reply,
                         /*first=*/true, 100);
    return true;
  });
  const auto e = last_event(*app.db);
  EXPECT_EQ(e.data, R"({"message_id":41,"kind":"public","first":1})");
  EXPECT_EQ(event_int(e.data, "first"), 1);
  EXPECT_FALSE(e.actor_id);  // the system records no actor
  EXPECT_FALSE(e.internal);
}

TEST(EventWord, ReadsAPlainWordAndNothingElse) {
  const std::string data = EventData()
                               .add("status", "requested")
                               .add("note", "two words")
                               .add("by_role", "customer")
                               .add("id", std::int64_t{4})
                               .str();
  EXPECT_EQ(event_word(data, "status"), "requested");
  EXPECT_EQ(event_word(data, "by_role"), "customer");
  EXPECT_FALSE(event_word(data, "note"));  // not one word
  EXPECT_FALSE(event_word(data, "id"));    // not a string
  EXPECT_FALSE(event_word(data, "missing"));
  EXPECT_FALSE(event_word(R"({"status":"requested)", "status"));  // cut short
}

}  // namespace
}  // namespace frontline::app
