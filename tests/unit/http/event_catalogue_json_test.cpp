// Focus of this file: docs/event_catalogue.json — the catalogue the web app's tests check the
// ticket history against — is the catalogue the binary declares, and holds every type.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <fstream>
#include <sstream>

#include "http/event_codec.hpp"

namespace frontline::http {
namespace {

const std::string kCheckedIn = std::string(FRONTLINE_SOURCE_DIR) + "/docs/event_catalogue.json";

TEST(EventCatalogueJson, CheckedInCopyMatchesTheCatalogue) {
  std::ifstream in(kCheckedIn);
  ASSERT_TRUE(in) << "cannot read " << kCheckedIn;
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), event_catalogue_json())
      << "regenerate it: build/asan/frontline events > docs/event_catalogue.json";
}

TEST(EventCatalogueJson, ListsEveryTypeWithItsClassification) {
  const auto doc = boost::json::parse(event_catalogue_json());
  const auto& events = doc.at("events").as_array();
  ASSERT_EQ(events.size(), core::event_catalogue().size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& spec = core::event_catalogue()[i];
    const auto& e = events[i].as_object();
    EXPECT_EQ(e.at("name").as_string(), spec.name);
    EXPECT_EQ(e.at("visibility").as_string(), core::to_string(spec.visibility));
    EXPECT_EQ(e.at("scope").as_string(), core::to_string(spec.scope));
    EXPECT_EQ(e.at("fields").as_array().size(), core::payload_fields(spec).size());
    EXPECT_EQ(e.contains("internal_when"), spec.visibility == core::EventVisibility::depends);
  }
}

}  // namespace
}  // namespace frontline::http
