// Reading an "answers" object ({"<question_id>": value}) into the answers a form sent: each key a
// positive question id, each value kept with its JSON shape (core::SubmittedAnswer) so the
// intake rules can tell true from "true". Only decoder files include this (Boost.JSON stays in
// the codecs). Pure functions; thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <vector>

#include "core/intake.hpp"
#include "core/result.hpp"
#include "core/text.hpp"

namespace frontline::http {

// bad_input naming "answers.<key>" for a key that is not a question id or text with NUL.
inline core::Result<core::Unit> read_intake_answers(const boost::json::object& answers,
                                                    std::vector<core::SubmittedAnswer>& out) {
  using Shape = core::SubmittedAnswer::Shape;
  for (const auto& kv : answers) {
    const std::string key(kv.key());
    const std::string field = "answers." + key;
    auto id = core::parse_positive_id(key);
    if (!id) {
      return core::make_error(core::Errc::bad_input,
                              "answers are keyed by question id; \"" + key + "\" is not one",
                              {{field, "is not a question id"}});
    }
    core::SubmittedAnswer a;
    a.question_id = *id;
    const auto& v = kv.value();
    if (v.is_string()) {
      const std::string_view s = v.as_string();
      if (s.find('\0') != std::string_view::npos) {
        return core::make_error(core::Errc::bad_input, field + " must not contain NUL",
                                {{field, "must not contain the NUL character (\\u0000)"}});
      }
      a.shape = Shape::text;
      a.text = std::string(s);
    } else if (v.is_bool()) {
      a.shape = Shape::boolean;
      a.flag = v.as_bool();
    } else if (v.is_null()) {
      a.shape = Shape::null;
    } else {
      a.shape = Shape::other;
    }
    out.push_back(std::move(a));
  }
  return core::Unit{};
}

}  // namespace frontline::http
