// JSON for live chats (see header).
#include "http/chat_codec.hpp"

#include <boost/json/serialize.hpp>

#include "channels/chat/chat_frames.hpp"
#include "http/codec_support.hpp"
#include "http/field_reader.hpp"
#include "http/intake_answers.hpp"

namespace frontline::http {
namespace {

using decoding::decode;
using decoding::FieldReader;

json::value opt_time(const std::optional<core::UnixTime>& t) {
  return t ? json::value(iso8601(*t)) : json::value(nullptr);
}

json::object chat_object(const app::ChatView& v) {
  const auto& c = v.chat;
  json::object o{{"id", c.id},
                 {"status", core::to_string(c.status)},
                 {"ticket_number", c.ticket_number},
                 {"topic", c.intake.topic},
                 {"name", c.intake.name},
                 {"email", c.intake.email},
                 {"created_at", iso8601(c.created_at)},
                 {"accepted_at", opt_time(c.accepted_at)},
                 {"ended_at", opt_time(c.ended_at)},
                 {"team_id", opt_id(c.team_id)},
                 {"last_seq", c.last_seq},
                 {"rating", c.rating ? json::value(*c.rating) : json::value(nullptr)}};
  o["agent"] = c.agent_id ? json::value(json::object{{"id", *c.agent_id}, {"name", c.agent_name}})
                          : json::value(nullptr);
  o["queue_position"] = v.queue_position > 0 ? json::value(v.queue_position) : json::value(nullptr);
  if (v.staff_view) {  // the pre-chat answers are for the support team
    o["technician"] = c.intake.technician;
    json::array steps;
    for (const auto& s : c.intake.steps_done) steps.emplace_back(s);
    o["steps_done"] = std::move(steps);
    o["steps_other"] = c.intake.steps_other;
    o["serial_number"] = c.intake.serial_number;
    o["machine_type"] = c.intake.machine_type;
    o["rating_comment"] = c.rating_comment;
  }
  return o;
}

json::object form_object(const core::ChatForm& f) {
  json::array fields;
  for (const auto& field : f.fields) {
    json::object o{{"name", field.name},
                   {"label", field.label},
                   {"type", core::to_string(field.type)},
                   {"required", field.required}};
    if (!field.options.empty()) {
      json::array options;
      for (const auto& opt : field.options) options.emplace_back(opt);
      o["options"] = std::move(options);
    }
    fields.push_back(std::move(o));
  }
  return {{"id", f.id},
          {"title", f.title},
          {"fields", std::move(fields)},
          {"updated_at", iso8601(f.updated_at)}};
}

}  // namespace

std::string chat_json(const app::ChatView& view) { return json::serialize(chat_object(view)); }

std::string chats_json(const std::vector<app::ChatView>& views) {
  return items_json(views, chat_object);
}

std::string started_chat_json(const app::StartedChat& s, bool agents_available,
                              std::size_t max_upload_bytes) {
  json::object o{{"id", s.view.chat.id},
                 {"status", core::to_string(s.view.chat.status)},
                 {"queue_position", s.view.queue_position},
                 {"ticket_number", s.view.chat.ticket_number},
                 {"agents_available", agents_available},
                 {"limits", {{"max_upload_bytes", max_upload_bytes}}}};
  if (!s.visitor_token.empty()) o["visitor_token"] = s.visitor_token;
  return json::serialize(o);
}

std::string chat_entry_json(const core::ChatEntry& entry) {
  return channels::chat::entry_frame(entry);
}

std::string chat_log_json(const app::ChatLog& log) {
  // The entries are the protocol's own frames: spliced in as they are.
  std::string out = "{\"items\":[";
  for (std::size_t i = 0; i < log.entries.size(); ++i) {
    if (i) out += ',';
    out += channels::chat::entry_frame(log.entries[i]);
  }
  out += "],\"last_seq\":" + std::to_string(log.last_seq) + "}";
  return out;
}

std::string chat_hello_json(const app::ChatView& view, std::size_t max_upload_bytes) {
  return json::serialize(json::object{{"type", "hello"},
                                      {"chat", chat_object(view)},
                                      {"last_seq", view.chat.last_seq},
                                      {"limits", {{"max_upload_bytes", max_upload_bytes}}}});
}

std::string chat_form_json(const core::ChatForm& form) {
  return json::serialize(form_object(form));
}

std::string chat_forms_json(const std::vector<core::ChatForm>& forms) {
  return items_json(forms, form_object);
}

core::Result<core::ChatIntake> decode_chat_intake(std::string_view body) {
  return decode<core::ChatIntake>(body, [](FieldReader& r) {
    core::ChatIntake in;
    in.name = r.string("name").value_or("");
    in.email = r.string("email").value_or("");
    in.topic = r.string("topic").value_or("");
    in.technician = r.boolean("technician").value_or(false);
    in.steps_done = r.strings("steps_done").value_or(std::vector<std::string>{});
    in.steps_other = r.string("steps_other").value_or("");
    in.serial_number = r.string("serial_number").value_or("");
    in.machine_type = r.string("machine_type").value_or("");
    in.category = r.string("category").value_or("");
    if (const auto* answers = r.object("answers")) {
      r.adopt(read_intake_answers(*answers, in.answers));
    }
    return in;
  });
}

core::Result<ChatMessageInput> decode_chat_message(std::string_view body) {
  return decode<ChatMessageInput>(body, [](FieldReader& r) {
    ChatMessageInput in;
    in.body = r.string("body", true).value_or("");
    in.client_id = r.string("client_id").value_or("");
    return in;
  });
}

core::Result<ChatTransferInput> decode_chat_transfer(std::string_view body) {
  return decode<ChatTransferInput>(body, [](FieldReader& r) {
    ChatTransferInput in;
    in.agent_id = r.id("agent_id", false);
    in.team_id = r.id("team_id", false);
    in.note = r.string("note").value_or("");
    return in;
  });
}

core::Result<std::optional<core::Status>> decode_chat_end(std::string_view body) {
  using Out = std::optional<core::Status>;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return Out();
  return decode<Out>(body, [](FieldReader& r) {
    return r.choice<core::Status>("ticket_status", core::parse_status,
                                  "new, open, pending, on_hold, resolved, closed");
  });
}

core::Result<ChatFormRequest> decode_chat_form_request(std::string_view body) {
  return decode<ChatFormRequest>(body, [](FieldReader& r) {
    ChatFormRequest out;
    out.form_id = r.id("form_id", false);
    out.replacement_id = r.id("replacement_id", false);
    if (out.form_id.has_value() == out.replacement_id.has_value()) {
      r.type_error("form_id", "give either form_id or replacement_id");
    }
    return out;
  });
}

core::Result<ChatFormSubmission> decode_chat_form_submission(std::string_view body) {
  return decode<ChatFormSubmission>(body, [](FieldReader& r) {
    ChatFormSubmission in;
    in.client_id = r.string("client_id").value_or("");
    const auto* values = r.object("values");
    if (!values) {
      r.type_error("values", "is required: an object of field names and answers");
      return in;
    }
    for (const auto& [key, v] : *values) {
      if (v.is_string()) {
        in.values.emplace_back(std::string(key), std::string(v.get_string()));
      } else if (v.is_bool()) {
        in.values.emplace_back(std::string(key), v.get_bool() ? "yes" : "no");
      } else {
        r.type_error("values", "are strings (or true/false for yes/no)");
      }
    }
    return in;
  });
}

core::Result<ChatRatingInput> decode_chat_rating(std::string_view body) {
  return decode<ChatRatingInput>(body, [](FieldReader& r) {
    ChatRatingInput in;
    auto rating = r.integer("rating");
    if (!rating) r.type_error("rating", "is required: 1 to 5");
    in.rating = rating && *rating >= 1 && *rating <= 5 ? static_cast<int>(*rating) : 0;
    in.comment = r.string("comment").value_or("");
    return in;
  });
}

core::Result<core::ChatForm> decode_chat_form(std::string_view body) {
  return decode<core::ChatForm>(body, [](FieldReader& r) {
    core::ChatForm form;
    form.title = r.string("title", true).value_or("");
    const auto* fields = r.raw("fields");
    if (!fields || !fields->is_array()) {
      r.type_error("fields", "is required: an array of fields");
      return form;
    }
    for (const auto& item : fields->as_array()) {
      if (!item.is_object()) {
        r.type_error("fields", "are objects");
        return form;
      }
      FieldReader f(item.as_object());
      core::FormField field;
      field.name = f.string("name", true).value_or("");
      field.label = f.string("label", true).value_or("");
      field.type = f.choice<core::FormFieldType>("type", core::parse_form_field_type,
                                                 "text, multiline, email, phone, yes_no, choice")
                       .value_or(core::FormFieldType::text);
      field.required = f.boolean("required").value_or(false);
      field.options = f.strings("options").value_or(std::vector<std::string>{});
      r.adopt(f.finish());
      form.fields.push_back(std::move(field));
    }
    return form;
  });
}

}  // namespace frontline::http
