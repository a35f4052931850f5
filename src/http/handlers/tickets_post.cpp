// POST /api/v1/tickets — open a ticket (JSON, or multipart/form-data with attachments).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/intake_codec.hpp"
#include "http/multipart.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {
namespace {

core::Result<app::OpenTicket> from_form(const Request& req) {
  auto form = parse_multipart(req.content_type, req.body);
  if (!form) return form.take_error();
  app::OpenTicket t;
  for (auto& [name, value] : form->fields) {
    if (name == "subject")
      t.subject = value;
    else if (name == "body")
      t.body = value;
    else if (name == "requester_email")
      t.requester_email = value;
    else if (name == "requester_name")
      t.requester_name = value;
    else if (name == "category")
      t.category = value;
    else if (name == "channel")
      t.channel = core::parse_channel(value);
    else if (name == "answers") {
      auto answers = decode_intake_answers(value);
      if (!answers) return answers.take_error();
      t.answers = std::move(*answers);
    } else {
      return core::make_error(core::Errc::bad_input, "unknown field \"" + name + "\"",
                              {{name, "unknown field"}});
    }
  }
  t.attachments = std::move(form->files);
  return t;
}

}  // namespace

Response tickets_post(Request& req, Services& s) {
  auto input = is_multipart(req.content_type) ? from_form(req) : decode_open_ticket(req.body);
  if (!input) return problem(input.error());
  if (!input->channel) input->channel = req.via_session ? core::Channel::web : core::Channel::api;
  input->idempotency_key = req.idempotency_key;
  const auto& actor = req.caller();
  auto ticket = s.tickets.open(actor, std::move(*input));
  if (!ticket) return problem(ticket.error());
  auto res = Response::json(201, ticket_json(*ticket, actor));
  res.header("Location", "/api/v1/tickets/" + std::to_string(ticket->number));
  res.header("ETag", etag(ticket->version));
  return res;
}

}  // namespace frontline::http::handlers
