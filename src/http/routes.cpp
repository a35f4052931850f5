// The API's route table: method, path, who may call, and whether the handler may block (writes
// wait for the group commit's fsync; sign-in hashes a password) and so runs off the network
// threads.
#include "http/routes.hpp"

#include "http/handlers/handlers.hpp"

namespace frontline::http {

std::vector<Route> api_routes() {
  namespace h = handlers;
  constexpr bool kBlocks = true;
  constexpr bool kFast = false;
  const Access in = Access::signed_in;
  return {
      {"GET", "/healthz", Access::anyone, kFast, h::healthz_get, "healthz"},
      {"GET", "/metrics", Access::own_token, kFast, h::metrics_get, "metrics"},
      {"POST", "/api/v1/session", Access::anyone, kBlocks, h::session_post, ""},
      {"DELETE", "/api/v1/session", Access::anyone, kBlocks, h::session_delete, ""},
      {"GET", "/api/v1/me", in, kFast, h::me_get, ""},
      {"POST", "/api/v1/me/password", in, kBlocks, h::me_password_post, ""},  // argon2
      {"GET", "/api/v1/me/filters", in, kFast, h::saved_filters_get, ""},
      {"POST", "/api/v1/me/filters", in, kBlocks, h::saved_filters_post, ""},
      {"DELETE", "/api/v1/me/filters/{id}", in, kBlocks, h::saved_filter_delete, ""},
      {"GET", "/api/v1/stream", in, kFast, h::stream_get, ""},
      {"POST", "/api/v1/tickets", in, kBlocks, h::tickets_post, ""},
      {"GET", "/api/v1/tickets", in, kFast, h::tickets_get, ""},
      {"GET", "/api/v1/tickets/count", in, kFast, h::tickets_count_get, ""},
      {"POST", "/api/v1/tickets/bulk", in, kBlocks, h::tickets_bulk_post, ""},
      {"GET", "/api/v1/tickets/{number}", in, kFast, h::ticket_get, ""},
      {"POST", "/api/v1/tickets/{number}/macros/{id}", in, kBlocks, h::ticket_macro_post, ""},
      // Live chat (docs/chat.md): anonymous visitors reach their own chat with its token.
      {"POST", "/api/v1/chats", Access::anyone, kBlocks, h::chats_post, ""},
      {"GET", "/api/v1/chats", in, kFast, h::chats_get, ""},
      {"GET", "/api/v1/chats/{id}", Access::anyone, kFast, h::chat_get, ""},
      {"GET", "/api/v1/chats/{id}/messages", Access::anyone, kFast, h::chat_messages_get, ""},
      {"POST", "/api/v1/chats/{id}/messages", Access::anyone, kBlocks, h::chat_messages_post, ""},
      {"GET", "/api/v1/chats/{id}/socket", Access::anyone, kFast, h::chat_socket_get, ""},
      {"GET", "/api/v1/chats/{id}/transcript", Access::anyone, kFast, h::chat_transcript_get, ""},
      {"POST", "/api/v1/chats/{id}/files", Access::anyone, kBlocks, h::chat_file_post, ""},
      {"GET", "/api/v1/chats/{id}/files/{attachment}", Access::anyone, kBlocks, h::chat_file_get,
       ""},  // file I/O
      {"POST", "/api/v1/chats/{id}/accept", in, kBlocks, h::chat_accept_post, ""},
      {"POST", "/api/v1/chats/{id}/transfer", in, kBlocks, h::chat_transfer_post, ""},
      {"POST", "/api/v1/chats/{id}/end", Access::anyone, kBlocks, h::chat_end_post, ""},
      {"POST", "/api/v1/chats/{id}/rating", Access::anyone, kBlocks, h::chat_rating_post, ""},
      {"POST", "/api/v1/chats/{id}/forms", in, kBlocks, h::chat_form_request_post, ""},
      {"POST", "/api/v1/chats/{id}/forms/{seq}", Access::anyone, kBlocks, h::chat_form_submit_post,
       ""},
      {"GET", "/api/v1/chat-forms", in, kFast, h::chat_forms_get, ""},
      {"POST", "/api/v1/chat-forms", in, kBlocks, h::chat_forms_post, ""},
      {"PATCH", "/api/v1/chat-forms/{id}", in, kBlocks, h::chat_form_patch, ""},
      {"DELETE", "/api/v1/chat-forms/{id}", in, kBlocks, h::chat_form_delete, ""},
      {"GET", "/api/v1/macros", in, kFast, h::macros_get, ""},
      {"POST", "/api/v1/macros", in, kBlocks, h::macros_post, ""},
      {"PATCH", "/api/v1/macros/{id}", in, kBlocks, h::macro_patch, ""},
      {"DELETE", "/api/v1/macros/{id}", in, kBlocks, h::macro_delete, ""},
      {"PATCH", "/api/v1/tickets/{number}", in, kBlocks, h::ticket_patch, ""},
      {"POST", "/api/v1/tickets/{number}/messages", in, kBlocks, h::ticket_messages_post, ""},
      {"GET", "/api/v1/tickets/{number}/messages", in, kFast, h::ticket_messages_get, ""},
      {"GET", "/api/v1/tickets/{number}/events", in, kFast, h::ticket_events_get, ""},
      {"POST", "/api/v1/tickets/{number}/merge", in, kBlocks, h::ticket_merge_post, ""},
      {"POST", "/api/v1/tickets/{number}/calls", in, kBlocks, h::ticket_calls_post, ""},
      {"GET", "/api/v1/tickets/{number}/links", in, kFast, h::ticket_links_get, ""},
      {"POST", "/api/v1/tickets/{number}/links", in, kBlocks, h::ticket_links_post, ""},
      {"GET", "/api/v1/attachments/{id}", in, kBlocks, h::attachment_get, ""},  // file I/O
      {"GET", "/api/v1/users", in, kFast, h::users_get, ""},
      {"POST", "/api/v1/users", in, kBlocks, h::users_post, ""},
      {"PATCH", "/api/v1/users/{id}", in, kBlocks, h::user_patch, ""},
      {"POST", "/api/v1/users/{id}/sign-out-everywhere", in, kBlocks,
       h::user_sign_out_everywhere_post, ""},
      {"POST", "/api/v1/users/invite", in, kBlocks, h::users_invite_post, ""},
      {"POST", "/api/v1/users/{id}/invite", in, kBlocks, h::user_invite_post, ""},
      {"GET", "/api/v1/invitations/{token}", Access::anyone, kFast, h::invitation_get, ""},
      // argon2id for the new password
      {"POST", "/api/v1/invitations/accept", Access::anyone, kBlocks, h::invitation_accept_post,
       ""},
      {"GET", "/api/v1/notifications", in, kFast, h::notifications_get, ""},
      {"POST", "/api/v1/notifications/read", in, kBlocks, h::notifications_read_post, ""},
      {"GET", "/api/v1/organizations", in, kFast, h::organizations_get, ""},
      {"POST", "/api/v1/organizations", in, kBlocks, h::organizations_post, ""},
      {"PATCH", "/api/v1/organizations/{id}", in, kBlocks, h::organization_patch, ""},
      {"GET", "/api/v1/teams", in, kFast, h::teams_get, ""},
      {"POST", "/api/v1/teams", in, kBlocks, h::teams_post, ""},
      {"PATCH", "/api/v1/teams/{id}", in, kBlocks, h::team_patch, ""},
      {"POST", "/api/v1/mail/inbound", in, kBlocks, h::mail_inbound_post, ""},
      {"GET", "/api/v1/mail/templates", in, kFast, h::mail_templates_get, ""},
      {"PUT", "/api/v1/mail/templates/{kind}", in, kBlocks, h::mail_template_put, ""},
      {"DELETE", "/api/v1/mail/templates/{kind}", in, kBlocks, h::mail_template_delete, ""},
      {"POST", "/api/v1/mail/templates/{kind}/preview", in, kFast, h::mail_template_preview_post,
       ""},
      // The chat widget's anonymous visitors pick a category and answer its intake questions.
      {"GET", "/api/v1/categories", Access::anyone, kFast, h::categories_get, ""},
      {"POST", "/api/v1/categories", in, kBlocks, h::categories_post, ""},
      {"DELETE", "/api/v1/categories/{id}", in, kBlocks, h::category_delete, ""},
      // Escalation and promises (docs/escalation.md).
      {"POST", "/api/v1/tickets/{number}/escalate", in, kBlocks, h::ticket_escalate_post, ""},
      {"POST", "/api/v1/tickets/{number}/deescalate", in, kBlocks, h::ticket_deescalate_post, ""},
      {"POST", "/api/v1/tickets/{number}/promises", in, kBlocks, h::ticket_promises_post, ""},
      {"GET", "/api/v1/tickets/{number}/promises", in, kFast, h::ticket_promises_get, ""},
      {"GET", "/api/v1/promises", in, kFast, h::promises_get, ""},
      {"POST", "/api/v1/promises/{id}/kept", in, kBlocks, h::promise_kept_post, ""},
      // The service directory (docs/services.md); /orphans, /import and /export before /{id},
      // which would match them.
      {"GET", "/api/v1/services", in, kFast, h::services_get, ""},
      {"POST", "/api/v1/services", in, kBlocks, h::services_post, ""},
      {"GET", "/api/v1/services/orphans", in, kFast, h::service_orphans_get, ""},
      {"GET", "/api/v1/services/contacts/overdue", in, kFast, h::service_overdue_contacts_get, ""},
      {"POST", "/api/v1/services/import", in, kBlocks, h::services_import_post, ""},
      {"GET", "/api/v1/services/export", in, kFast, h::services_export_get, ""},
      {"GET", "/api/v1/services/{id}", in, kFast, h::service_get, ""},
      {"PATCH", "/api/v1/services/{id}", in, kBlocks, h::service_patch, ""},
      {"GET", "/api/v1/services/{id}/revisions", in, kFast, h::service_revisions_get, ""},
      {"POST", "/api/v1/services/{id}/revisions/{revision}/restore", in, kBlocks,
       h::service_revision_restore_post, ""},
      {"POST", "/api/v1/services/{id}/contacts/{contact}/verify", in, kBlocks,
       h::service_contact_verify_post, ""},
      {"POST", "/api/v1/services/{id}/contacts/{contact}/report-wrong", in, kBlocks,
       h::service_contact_report_wrong_post, ""},
      // Intake questions (docs/intake.md).
      {"GET", "/api/v1/intake-questions", Access::anyone, kFast, h::intake_questions_get, ""},
      {"POST", "/api/v1/intake-questions", in, kBlocks, h::intake_questions_post, ""},
      {"PATCH", "/api/v1/intake-questions/{id}", in, kBlocks, h::intake_question_patch, ""},
      {"DELETE", "/api/v1/intake-questions/{id}", in, kBlocks, h::intake_question_delete, ""},
      {"GET", "/api/v1/leaderboard", in, kFast, h::leaderboard_get, ""},
      {"GET", "/api/v1/reports/closed", in, kFast, h::reports_closed_get, ""},
      {"GET", "/api/v1/reports/promises", in, kFast, h::reports_promises_get, ""},
      {"GET", "/api/v1/reports/fields", in, kFast, h::reports_fields_get, ""},
      {"GET", "/api/v1/boards", in, kFast, h::boards_get, ""},
      {"POST", "/api/v1/boards", in, kBlocks, h::boards_post, ""},
      {"PATCH", "/api/v1/boards/{id}", in, kBlocks, h::board_patch, ""},
      {"DELETE", "/api/v1/boards/{id}", in, kBlocks, h::board_delete, ""},
      {"GET", "/api/v1/users/{id}/away", in, kFast, h::away_days_get, ""},
      {"PUT", "/api/v1/users/{id}/away/{date}", in, kBlocks, h::away_day_put, ""},
      {"DELETE", "/api/v1/users/{id}/away/{date}", in, kBlocks, h::away_day_delete, ""},
      {"GET", "/api/v1/tokens", in, kFast, h::tokens_get, ""},
      {"POST", "/api/v1/tokens", in, kBlocks, h::tokens_post, ""},
      {"DELETE", "/api/v1/tokens/{id}", in, kBlocks, h::token_delete, ""},
  };
}

}  // namespace frontline::http
