// Team JSON (see header).
#include "http/team_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"

namespace frontline::http {
namespace {

json::object team_object(const core::Team& t) {
  json::array members;
  for (auto id : t.member_ids) members.emplace_back(id);
  return {{"id", t.id}, {"name", t.name}, {"member_ids", std::move(members)}};
}

}  // namespace

std::string team_json(const core::Team& t) { return json::serialize(team_object(t)); }
std::string teams_json(const std::vector<core::Team>& ts) { return items_json(ts, team_object); }

}  // namespace frontline::http
