// /api/v1/intake-questions — the questions new tickets ask per category and per service: every
// question (staff), the form for ?category=NAME&service_id=N (anyone, signed in or not: the portal
// and the chat widget's anonymous visitors show it; a stranger is a customer here, so only public
// services), and adding, changing and deleting questions (admins).
#include <array>

#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/intake_codec.hpp"

namespace frontline::http::handlers {

Response intake_questions_get(Request& req, Services& s) {
  static constexpr std::array<std::string_view, 2> kAllowed{"category", "service_id"};
  if (auto bad = unknown_query_param(req, kAllowed)) return *bad;
  auto category = req.query_param("category");
  auto service = req.query_param("service_id");
  if (!category && !service) {
    if (!req.actor) {
      return problem(
          core::make_error(core::Errc::unauthenticated, "sign in to list every intake question"));
    }
    return reply(s.intake.list(req.caller()), 200, intake_questions_json);
  }
  std::optional<core::Id> service_id;
  if (service && !service->empty()) {
    service_id = core::parse_positive_id(*service);
    if (!service_id) {
      return problem(core::make_error(core::Errc::bad_input, "service_id must be a service's id",
                                      {{"service_id", "must be a positive integer id"}}));
    }
  }
  return reply(s.intake.form(req.actor.value_or(core::Actor{}), category.value_or(""), service_id),
               200, intake_questions_json);
}

Response intake_questions_post(Request& req, Services& s) {
  auto q = decode_intake_question(req.body);
  if (!q) return problem(q.error());
  return reply(s.intake.create(req.caller(), std::move(*q)), 201, intake_question_json);
}

Response intake_question_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("intake question");
  auto changes = decode_intake_question_changes(req.body);
  if (!changes) return problem(changes.error());
  return reply(s.intake.update(req.caller(), *id, *changes), 200, intake_question_json);
}

Response intake_question_delete(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("intake question");
  auto removed = s.intake.remove(req.caller(), *id);
  if (!removed) return problem(removed.error());
  return Response::no_content();
}

}  // namespace frontline::http::handlers
