// Board and away-day JSON (see header).
#include "http/board_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"

namespace frontline::http {

static json::object board_object(const core::Board& b) {
  json::array members;
  for (auto id : b.member_ids) members.emplace_back(id);
  return {{"id", b.id}, {"name", b.name}, {"member_ids", std::move(members)}};
}
std::string board_json(const core::Board& b) { return json::serialize(board_object(b)); }
std::string boards_json(const std::vector<core::Board>& bs) { return items_json(bs, board_object); }

std::string away_days_json(const std::vector<core::Day>& days) {
  json::array arr;
  for (auto d : days) arr.emplace_back(core::format_day(d));
  return json::serialize(json::object{{"days", std::move(arr)}});
}

}  // namespace frontline::http
