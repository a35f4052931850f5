// Saved filter JSON (see header).
#include "http/saved_filter_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"

namespace frontline::http {

static json::object saved_filter_object(const core::SavedFilter& f) {
  return json::object{{"id", f.id}, {"name", f.name}, {"query", f.query}};
}
std::string saved_filter_json(const core::SavedFilter& f) {
  return json::serialize(saved_filter_object(f));
}
std::string saved_filters_json(const std::vector<core::SavedFilter>& fs) {
  return items_json(fs, saved_filter_object);
}

}  // namespace frontline::http
