// Strict JSON request decoding (see header), with FieldReader (http/field_reader.hpp).
#include "http/request_decoding.hpp"

#include <charconv>

#include "http/field_reader.hpp"
#include "http/intake_answers.hpp"

namespace frontline::http {
namespace json = boost::json;
namespace {

using core::Errc;
using core::Error;
using core::make_error;
using core::Result;
using decoding::decode;
using decoding::FieldReader;

constexpr const char* kStatuses = "new, open, pending, on_hold, resolved, closed";
constexpr const char* kPriorities = "low, normal, high, urgent";

// The optional "answers" object: intake answers by question id.
std::vector<core::SubmittedAnswer> read_answers(FieldReader& r) {
  std::vector<core::SubmittedAnswer> out;
  if (const auto* answers = r.object("answers")) r.adopt(read_intake_answers(*answers, out));
  return out;
}

}  // namespace

Result<app::OpenTicket> decode_open_ticket(std::string_view body) {
  return decode<app::OpenTicket>(body, [](FieldReader& r) {
    app::OpenTicket t;
    t.subject = r.string("subject", true).value_or("");
    t.body = r.string("body", true).value_or("");
    t.requester_email = r.string("requester_email");
    t.requester_name = r.string("requester_name");
    t.channel =
        r.choice<core::Channel>("channel", core::parse_channel, "web, email, chat, phone, api");
    t.priority = r.choice<core::Priority>("priority", core::parse_priority, kPriorities);
    t.category = r.string("category").value_or("");
    t.tags = r.strings("tags").value_or(std::vector<std::string>{});
    t.service_id = r.nullable_id("service_id").value_or(std::nullopt);
    t.call_notes = r.string("call_notes").value_or("");
    t.call_minutes = r.integer("call_minutes");
    t.answers = read_answers(r);
    return t;
  });
}

Result<app::LoggedCall> decode_logged_call(std::string_view body) {
  return decode<app::LoggedCall>(body, [](FieldReader& r) {
    app::LoggedCall c;
    c.notes = r.string("call_notes").value_or("");
    c.minutes = r.integer("call_minutes");
    c.answers = read_answers(r);
    return c;
  });
}

// The ticket fields a PATCH, a bulk action and a macro share.
app::TicketChanges read_ticket_changes(FieldReader& r) {
  app::TicketChanges c;
  c.status = r.choice<core::Status>("status", core::parse_status, kStatuses);
  c.priority = r.choice<core::Priority>("priority", core::parse_priority, kPriorities);
  c.assignee_id = r.nullable_id("assignee_id");
  c.team_id = r.nullable_id("team_id");
  c.category = r.string("category");
  c.service_id = r.nullable_id("service_id");
  c.tags = r.strings("tags");
  c.add_tags = r.strings("add_tags").value_or(std::vector<std::string>{});
  c.remove_tags = r.strings("remove_tags").value_or(std::vector<std::string>{});
  return c;
}

Result<app::TicketChanges> decode_ticket_changes(std::string_view body) {
  return decode<app::TicketChanges>(body, read_ticket_changes);
}

Result<NewMessageInput> decode_new_message(std::string_view body) {
  return decode<NewMessageInput>(body, [](FieldReader& r) {
    NewMessageInput m;
    auto kind = r.string("kind");
    if (kind && *kind != "public" && *kind != "internal") {
      r.type_error("kind", "must be public or internal");
    }
    m.kind = kind && *kind == "internal" ? core::MessageKind::internal_note
                                         : core::MessageKind::public_reply;
    m.body = r.string("body", true).value_or("");
    return m;
  });
}

Result<LoginInput> decode_login(std::string_view body) {
  return decode<LoginInput>(body, [](FieldReader& r) {
    LoginInput in;
    in.email = r.string("email", true).value_or("");
    in.password = r.string("password", true).value_or("");
    return in;
  });
}

Result<InvitationAcceptInput> decode_invitation_accept(std::string_view body) {
  return decode<InvitationAcceptInput>(body, [](FieldReader& r) {
    InvitationAcceptInput in;
    in.token = r.string("token", true).value_or("");
    in.password = r.string("password", true).value_or("");
    return in;
  });
}

Result<PasswordChangeInput> decode_password_change(std::string_view body) {
  return decode<PasswordChangeInput>(body, [](FieldReader& r) {
    PasswordChangeInput in;
    in.current_password = r.string("current_password", true).value_or("");
    in.new_password = r.string("new_password", true).value_or("");
    return in;
  });
}

Result<core::Id> decode_ticket_reference(std::string_view body, const char* key) {
  return decode<core::Id>(body, [key](FieldReader& r) { return r.id(key, true).value_or(0); });
}

Result<app::NewUser> decode_new_user(std::string_view body) {
  return decode<app::NewUser>(body, [](FieldReader& r) {
    app::NewUser u;
    u.email = r.string("email", true).value_or("");
    u.name = r.string("name", true).value_or("");
    u.role = r.choice<core::Role>("role", core::parse_role, "customer, agent, admin")
                 .value_or(core::Role::customer);
    u.password = r.string("password").value_or("");
    u.organization = r.string("organization");
    u.timezone = r.string("timezone").value_or("UTC");
    return u;
  });
}

Result<app::UserChanges> decode_user_changes(std::string_view body) {
  return decode<app::UserChanges>(body, [](FieldReader& r) {
    app::UserChanges c;
    c.name = r.string("name");
    c.role = r.choice<core::Role>("role", core::parse_role, "customer, agent, admin");
    c.organization_id = r.nullable_id("organization_id");
    c.timezone = r.string("timezone");
    c.morning_report = r.boolean("morning_report");
    c.ranked = r.boolean("ranked");
    c.disabled = r.boolean("disabled");
    c.password = r.string("password");
    return c;
  });
}

Result<OrganizationInput> decode_organization(std::string_view body) {
  return decode<OrganizationInput>(body, [](FieldReader& r) {
    OrganizationInput o;
    o.name = r.string("name");
    o.share_tickets = r.boolean("share_tickets");
    o.work_week = r.strings("work_week");
    return o;
  });
}

Result<TeamInput> decode_team(std::string_view body) {
  return decode<TeamInput>(body, [](FieldReader& r) {
    TeamInput t;
    t.name = r.string("name");
    t.member_ids = r.ids("member_ids");
    return t;
  });
}

Result<app::BoardChanges> decode_board(std::string_view body) {
  return decode<app::BoardChanges>(body, [](FieldReader& r) {
    app::BoardChanges b;
    b.name = r.string("name");
    b.member_ids = r.ids("member_ids");
    return b;
  });
}

Result<TokenInput> decode_token_request(std::string_view body) {
  if (body.empty()) return TokenInput{};
  return decode<TokenInput>(body, [](FieldReader& r) {
    TokenInput t;
    t.email = r.string("email").value_or("");
    t.name = r.string("name").value_or("");
    return t;
  });
}

Result<std::string> decode_category(std::string_view body) {
  return decode<std::string>(body,
                             [](FieldReader& r) { return r.string("name", true).value_or(""); });
}

Result<SavedFilterInput> decode_saved_filter(std::string_view body) {
  return decode<SavedFilterInput>(body, [](FieldReader& r) {
    SavedFilterInput f;
    f.name = r.string("name", true).value_or("");
    f.query = r.string("query", true).value_or("");
    return f;
  });
}

Result<MailTemplateInput> decode_mail_template(std::string_view body) {
  return decode<MailTemplateInput>(body, [](FieldReader& r) {
    MailTemplateInput t;
    t.subject = r.string("subject", true).value_or("");
    t.body = r.string("body", true).value_or("");
    t.html = r.string("html").value_or("");
    return t;
  });
}

namespace {

// A macro's "changes": the ticket fields (but not the whole tag set) and assign_to_me.
void read_macro_changes(const json::object& o, FieldReader& outer, core::Macro& m) {
  FieldReader r(o);
  auto c = read_ticket_changes(r);
  if (c.tags) r.type_error("tags", "is not for macros; use add_tags and remove_tags");
  if (c.service_id) r.type_error("service_id", "is not for macros");
  m.status = c.status;
  m.priority = c.priority;
  m.assignee_id = c.assignee_id;
  m.team_id = c.team_id;
  m.category = c.category;
  m.add_tags = std::move(c.add_tags);
  m.remove_tags = std::move(c.remove_tags);
  m.assign_to_me = r.boolean("assign_to_me").value_or(false);
  if (m.assign_to_me && m.assignee_id) {
    r.type_error("assign_to_me", "cannot be set together with assignee_id");
  }
  outer.adopt(r.finish());
}

std::optional<bool> read_reply_kind(FieldReader& r) {
  auto kind = r.string("reply_kind");
  if (!kind) return std::nullopt;
  if (*kind != "public" && *kind != "internal") {
    r.type_error("reply_kind", "must be public or internal");
  }
  return *kind == "internal";
}

}  // namespace

Result<MacroInput> decode_macro(std::string_view body) {
  return decode<MacroInput>(body, [](FieldReader& r) {
    MacroInput in;
    in.macro.name = r.string("name", true).value_or("");
    auto scope = r.string("scope");
    if (scope && *scope != "shared" && *scope != "personal") {
      r.type_error("scope", "must be shared or personal");
    }
    in.shared = scope && *scope == "shared";
    if (const auto* changes = r.object("changes")) read_macro_changes(*changes, r, in.macro);
    in.macro.reply = r.string("reply").value_or("");
    in.macro.reply_internal = read_reply_kind(r).value_or(false);
    return in;
  });
}

Result<app::MacroEdit> decode_macro_edit(std::string_view body) {
  return decode<app::MacroEdit>(body, [](FieldReader& r) {
    app::MacroEdit e;
    e.name = r.string("name");
    if (const auto* changes = r.object("changes")) {
      e.changes.emplace();
      read_macro_changes(*changes, r, *e.changes);
    }
    e.reply = r.string("reply");
    e.reply_internal = read_reply_kind(r);
    return e;
  });
}

Result<app::BulkRequest> decode_bulk_request(std::string_view body) {
  return decode<app::BulkRequest>(body, [](FieldReader& r) {
    app::BulkRequest b;
    b.numbers = r.ids("numbers").value_or(std::vector<core::Id>{});
    if (const auto* changes = r.object("changes")) {
      FieldReader inner(*changes);
      b.changes = read_ticket_changes(inner);
      r.adopt(inner.finish());
    }
    b.merge_into = r.id("merge_into", false);
    if (const auto* versions = r.object("versions")) {
      for (const auto& kv : *versions) {
        auto number = parse_positive_id(std::string_view(kv.key()));
        if (!number || !kv.value().is_int64() || kv.value().as_int64() <= 0) {
          r.type_error("versions", "maps ticket numbers to positive versions");
          break;
        }
        b.versions[*number] = kv.value().as_int64();
      }
    }
    return b;
  });
}

}  // namespace frontline::http
