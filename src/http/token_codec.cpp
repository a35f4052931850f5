// API token JSON (see header).
#include "http/token_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"

namespace frontline::http {

std::string token_json(const std::string& token) {
  return json::serialize(json::object{{"token", token}});
}

std::string tokens_json(const std::vector<store::ApiTokenRecord>& tokens) {
  return items_json(tokens, [](const store::ApiTokenRecord& t) {
    return json::object{{"id", t.id},
                        {"user_id", t.user_id},
                        {"name", t.name},
                        {"created_at", iso8601(t.created_at)},
                        {"last_used_at", t.last_used_at ? json::value(iso8601(*t.last_used_at))
                                                        : json::value(nullptr)}};
  });
}

}  // namespace frontline::http
