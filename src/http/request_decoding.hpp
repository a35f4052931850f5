// Strict decoding of request bodies into app inputs: malformed JSON, invalid UTF-8, a non-object
// body, an unknown field (named in the error) or a wrongly typed field is a bad_input Error.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.hpp"
#include "app/bulk_actions.hpp"
#include "app/macros.hpp"
#include "app/ranking.hpp"
#include "app/tickets.hpp"
#include "core/result.hpp"
#include "core/text.hpp"

namespace frontline::http {

struct NewMessageInput {
  core::MessageKind kind = core::MessageKind::public_reply;
  std::string body;
};

struct LoginInput {
  std::string email;
  std::string password;
};

struct InvitationAcceptInput {
  std::string token;
  std::string password;
};

struct PasswordChangeInput {
  std::string current_password;
  std::string new_password;
};

using OrganizationInput = app::OrganizationChanges;

struct TeamInput {
  std::optional<std::string> name;
  std::optional<std::vector<core::Id>> member_ids;
};

struct SavedFilterInput {
  std::string name;
  std::string query;
};

struct TokenInput {
  std::string email;  // empty: the caller
  std::string name;
};

core::Result<app::OpenTicket> decode_open_ticket(std::string_view body);
core::Result<app::TicketChanges> decode_ticket_changes(std::string_view body);
core::Result<NewMessageInput> decode_new_message(std::string_view body);
core::Result<LoginInput> decode_login(std::string_view body);
core::Result<PasswordChangeInput> decode_password_change(std::string_view body);
core::Result<InvitationAcceptInput> decode_invitation_accept(std::string_view body);
// {"<key>": N} with a positive ticket number (merge: "into", link: "ticket").
core::Result<core::Id> decode_ticket_reference(std::string_view body, const char* key);
// {"call_notes": "...", "call_minutes": 5}, both optional.
core::Result<app::LoggedCall> decode_logged_call(std::string_view body);
core::Result<app::NewUser> decode_new_user(std::string_view body);
core::Result<app::UserChanges> decode_user_changes(std::string_view body);
core::Result<OrganizationInput> decode_organization(std::string_view body);
core::Result<TeamInput> decode_team(std::string_view body);
core::Result<app::BoardChanges> decode_board(std::string_view body);
core::Result<TokenInput> decode_token_request(std::string_view body);
core::Result<std::string> decode_category(std::string_view body);  // {"name"}
core::Result<SavedFilterInput> decode_saved_filter(std::string_view body);
struct MailTemplateInput {
  std::string subject;
  std::string body;
  std::string html;  // optional
};
core::Result<MailTemplateInput> decode_mail_template(std::string_view body);

struct MacroInput {
  core::Macro macro;
  bool shared = false;  // "scope": "shared" (default personal)
};
core::Result<MacroInput> decode_macro(std::string_view body);
core::Result<app::MacroEdit> decode_macro_edit(std::string_view body);
// {"numbers": [...], "changes": {...} | "merge_into": N, "versions": {"<number>": version}}
core::Result<app::BulkRequest> decode_bulk_request(std::string_view body);

using core::parse_positive_id;

}  // namespace frontline::http
