// Focus of this file: the JSON shapes of tickets — valid JSON with escaping, ISO-8601 UTC
// times, and no agent-only fields for customers.
#include "http/ticket_codec.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "http/codec_support.hpp"

namespace frontline::http {
namespace {

core::Ticket sample() {
  core::Ticket t;
  t.number = 42;
  t.subject = "Quote \" and \\ and \n newline, ünïcode";
  t.requester_id = 7;
  t.requester_email = "ann@acme.example";
  t.assignee_id = 3;
  t.tags = {"vip"};
  t.created_at = 1709164800;   // 2024-02-29T00:00:00Z
  t.resolved_at = 1709251199;  // 2024-02-29T23:59:59Z
  return t;
}

TEST(JsonCodec, Iso8601MatchesKnownInstants) {
  EXPECT_EQ(iso8601(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso8601(1709164800), "2024-02-29T00:00:00Z");
  EXPECT_EQ(iso8601(1709251199), "2024-02-29T23:59:59Z");
  EXPECT_EQ(iso8601(951782400), "2000-02-29T00:00:00Z");
  EXPECT_EQ(iso8601(-1), "1969-12-31T23:59:59Z");
}

TEST(JsonCodec, StaffSeeAgentFieldsAndTextRoundTrips) {
  core::Actor agent;
  agent.id = 3;
  agent.role = core::Role::agent;
  auto v = boost::json::parse(ticket_json(sample(), agent)).as_object();
  EXPECT_EQ(v.at("subject").as_string(), sample().subject);
  EXPECT_EQ(v.at("assignee_id").as_int64(), 3);
  EXPECT_EQ(v.at("tags").as_array().size(), 1u);
  EXPECT_EQ(v.at("created_at").as_string(), "2024-02-29T00:00:00Z");
  EXPECT_TRUE(v.at("closed_at").is_null());
}

TEST(JsonCodec, CustomerNeverGetsAgentOnlyFields) {
  core::Actor customer;
  customer.id = 7;
  customer.role = core::Role::customer;
  app::TicketList list;
  list.items = {sample()};
  auto v = boost::json::parse(ticket_list_json(list, customer)).as_object();
  auto& t = v.at("items").as_array().at(0).as_object();
  for (const char* hidden : {"priority", "assignee_id", "team_id", "tags"}) {
    EXPECT_FALSE(t.contains(hidden)) << hidden;
  }
  EXPECT_TRUE(v.at("next_cursor").is_null());
}

}  // namespace
}  // namespace frontline::http
