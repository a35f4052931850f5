// Organisation JSON (see header).
#include "http/organization_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/leaderboard.hpp"
#include "http/codec_support.hpp"

namespace frontline::http {
namespace {

json::object organization_object(const core::Organization& o) {
  json::array week;
  for (const auto& day : core::work_week_names(core::WorkWeek{o.work_week})) week.emplace_back(day);
  return {{"id", o.id},
          {"name", o.name},
          {"share_tickets", o.share_tickets},
          {"work_week", std::move(week)}};
}

}  // namespace

std::string organization_json(const core::Organization& o) {
  return json::serialize(organization_object(o));
}
std::string organizations_json(const std::vector<core::Organization>& os) {
  return items_json(os, organization_object);
}

}  // namespace frontline::http
