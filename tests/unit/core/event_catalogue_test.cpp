// Focus of this file: the event catalogue declares every type once — names round-trip and are
// unique, every type says who may see it and where it is recorded, and the wire names already in
// stored rows and API clients never change.
#include "core/event_catalogue.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/model.hpp"

namespace frontline::core {
namespace {

TEST(EventCatalogue, EveryTypeNameRoundTrips) {
  for (const auto& spec : event_catalogue()) {
    EXPECT_EQ(to_string(spec.type), spec.name);
    EXPECT_EQ(&event_spec(spec.type), &spec);
    EXPECT_EQ(parse_event_type(spec.name), spec.type) << spec.name;
  }
}

TEST(EventCatalogue, NamesAreUniqueAndFamilyDotAction) {
  std::set<std::string_view> seen;
  for (const auto& spec : event_catalogue()) {
    EXPECT_TRUE(seen.insert(spec.name).second) << "declared twice: " << spec.name;
    const auto dot = spec.name.find('.');
    ASSERT_NE(dot, std::string_view::npos) << spec.name;
    EXPECT_GT(dot, 0u) << spec.name;
    EXPECT_LT(dot + 1, spec.name.size()) << spec.name;
    EXPECT_EQ(spec.name.find('.', dot + 1), std::string_view::npos) << spec.name;
    for (char c : spec.name)
      EXPECT_TRUE(c == '.' || c == '_' || (c >= 'a' && c <= 'z')) << spec.name;
  }
}

TEST(EventCatalogue, UndeclaredNamesDoNotParse) {
  EXPECT_EQ(parse_event_type(""), std::nullopt);
  EXPECT_EQ(parse_event_type("ticket"), std::nullopt);
  EXPECT_EQ(parse_event_type("Ticket.Created"), std::nullopt);
  EXPECT_EQ(parse_event_type("ticket.created "), std::nullopt);
}

TEST(EventCatalogue, EveryTypeIsClassifiedPublicInternalOrDependsWithItsRule) {
  for (const auto& spec : event_catalogue()) {
    switch (spec.visibility) {
      case EventVisibility::public_:
      case EventVisibility::internal:
        EXPECT_TRUE(spec.internal_when.empty()) << spec.name << ": a fixed type needs no rule";
        break;
      case EventVisibility::depends:
        EXPECT_FALSE(spec.internal_when.empty()) << spec.name << ": say when it is internal";
        break;
      default:
        ADD_FAILURE() << spec.name << " has no visibility";
    }
    EXPECT_FALSE(to_string(spec.visibility).empty()) << spec.name;
    EXPECT_FALSE(to_string(spec.scope).empty()) << spec.name;
  }
}

// Only events on a ticket can be public: "public" means "whoever may see the ticket".
TEST(EventCatalogue, DeskWideEventsAreInternal) {
  for (const auto& spec : event_catalogue()) {
    if (spec.scope == EventScope::ticket) continue;
    EXPECT_EQ(spec.visibility, EventVisibility::internal) << spec.name;
  }
}

TEST(EventCatalogue, EveryTypeDocumentsItsPayload) {
  for (const auto& spec : event_catalogue()) {
    EXPECT_FALSE(spec.summary.empty()) << spec.name;
    const auto fields = payload_fields(spec);
    EXPECT_FALSE(fields.empty()) << spec.name;
    std::set<std::string_view> names(fields.begin(), fields.end());
    EXPECT_EQ(names.size(), fields.size()) << spec.name << " lists a field twice";
    // No hole: the used slots come first.
    for (std::size_t i = fields.size(); i < spec.fields.size(); ++i) {
      EXPECT_TRUE(spec.fields[i].empty()) << spec.name;
    }
  }
}

// Stored rows, the live feed and the web app's history read these names: add types, never
// rename one.
TEST(EventCatalogue, WireNamesStayAsStored) {
  const std::set<std::string_view> stored{"ticket.created",
                                          "message.added",
                                          "call.logged",
                                          "ticket.status_changed",
                                          "ticket.priority_changed",
                                          "ticket.assigned",
                                          "ticket.team_changed",
                                          "ticket.category_changed",
                                          "ticket.tags_changed",
                                          "ticket.merged",
                                          "ticket.merged_from",
                                          "ticket.linked",
                                          "mail.queued",
                                          "mail.sent",
                                          "mail.retrying",
                                          "mail.failed",
                                          "mail.bounced",
                                          "mail.template_changed",
                                          "board.created",
                                          "board.updated",
                                          "board.deleted",
                                          "user.created",
                                          "user.updated",
                                          "user.password_reset",
                                          "user.password_changed",
                                          "user.signed_out_everywhere",
                                          "user.away_added",
                                          "user.away_removed",
                                          "organization.created",
                                          "organization.updated",
                                          "team.created",
                                          "team.members_changed",
                                          "category.created",
                                          "category.deleted"};
  for (auto name : stored) EXPECT_TRUE(parse_event_type(name)) << "renamed or lost: " << name;
}

TEST(EventCatalogue, AnEventIsOfTheTypeItsWireNameDeclares) {
  Event e;
  e.type = to_string(EventType::ticket_assigned);
  EXPECT_TRUE(e.is(EventType::ticket_assigned));
  EXPECT_FALSE(e.is(EventType::ticket_created));
}

}  // namespace
}  // namespace frontline::core
