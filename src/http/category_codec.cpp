// Category JSON (see header).
#include "http/category_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"

namespace frontline::http {

static json::object category_object(const core::Category& c) {
  return json::object{{"id", c.id}, {"name", c.name}};
}
std::string category_json(const core::Category& c) { return json::serialize(category_object(c)); }
std::string categories_json(const std::vector<core::Category>& cs) {
  return items_json(cs, category_object);
}

}  // namespace frontline::http
