// The API's handlers, one per resource and verb. Each decodes its input, calls one app use case
// and encodes the result or a problem. Registered in http/routes.cpp.
#pragma once

#include "http/request.hpp"
#include "http/services.hpp"

namespace frontline::http::handlers {

Response tickets_post(Request& req, Services& s);
Response tickets_get(Request& req, Services& s);
Response tickets_count_get(Request& req, Services& s);
Response ticket_get(Request& req, Services& s);
Response ticket_patch(Request& req, Services& s);
Response ticket_messages_post(Request& req, Services& s);
Response ticket_messages_get(Request& req, Services& s);
Response ticket_events_get(Request& req, Services& s);
Response ticket_merge_post(Request& req, Services& s);
Response ticket_calls_post(Request& req, Services& s);
Response ticket_links_get(Request& req, Services& s);
Response ticket_links_post(Request& req, Services& s);
Response attachment_get(Request& req, Services& s);
Response session_post(Request& req, Services& s);
Response session_delete(Request& req, Services& s);
// 200 with the caller (as GET /me) and the session cookie set: a fresh sign-in.
Response signed_in(const app::NewSession& session, Services& s);
Response notifications_get(Request& req, Services& s);
Response notifications_read_post(Request& req, Services& s);
Response users_invite_post(Request& req, Services& s);
Response user_invite_post(Request& req, Services& s);
Response invitation_get(Request& req, Services& s);
Response invitation_accept_post(Request& req, Services& s);
Response me_get(Request& req, Services& s);
Response users_get(Request& req, Services& s);
Response users_post(Request& req, Services& s);
Response user_sign_out_everywhere_post(Request& req, Services& s);
Response me_password_post(Request& req, Services& s);
Response user_patch(Request& req, Services& s);
Response organizations_get(Request& req, Services& s);
Response organizations_post(Request& req, Services& s);
Response organization_patch(Request& req, Services& s);
Response teams_get(Request& req, Services& s);
Response teams_post(Request& req, Services& s);
Response team_patch(Request& req, Services& s);
Response tokens_get(Request& req, Services& s);
Response tokens_post(Request& req, Services& s);
Response token_delete(Request& req, Services& s);
Response categories_get(Request& req, Services& s);
Response categories_post(Request& req, Services& s);
Response category_delete(Request& req, Services& s);
// A stored file as a download that never runs in our origin (attachment_get.cpp).
Response attachment_download(app::AttachmentContent content);
Response chats_post(Request& req, Services& s);
Response chat_file_post(Request& req, Services& s);
Response chat_file_get(Request& req, Services& s);
Response chats_get(Request& req, Services& s);
Response chat_get(Request& req, Services& s);
Response chat_messages_get(Request& req, Services& s);
Response chat_messages_post(Request& req, Services& s);
Response chat_accept_post(Request& req, Services& s);
Response chat_transfer_post(Request& req, Services& s);
Response chat_end_post(Request& req, Services& s);
Response chat_rating_post(Request& req, Services& s);
Response chat_form_request_post(Request& req, Services& s);
Response chat_form_submit_post(Request& req, Services& s);
Response chat_transcript_get(Request& req, Services& s);
Response chat_socket_get(Request& req, Services& s);
Response chat_forms_get(Request& req, Services& s);
Response chat_forms_post(Request& req, Services& s);
Response chat_form_patch(Request& req, Services& s);
Response chat_form_delete(Request& req, Services& s);
Response macros_get(Request& req, Services& s);
Response macros_post(Request& req, Services& s);
Response macro_patch(Request& req, Services& s);
Response macro_delete(Request& req, Services& s);
Response ticket_macro_post(Request& req, Services& s);
Response tickets_bulk_post(Request& req, Services& s);
Response saved_filters_get(Request& req, Services& s);
Response saved_filters_post(Request& req, Services& s);
Response saved_filter_delete(Request& req, Services& s);
Response stream_get(Request& req, Services& s);
Response mail_inbound_post(Request& req, Services& s);
Response mail_templates_get(Request& req, Services& s);
Response mail_template_put(Request& req, Services& s);
Response mail_template_delete(Request& req, Services& s);
Response mail_template_preview_post(Request& req, Services& s);
Response leaderboard_get(Request& req, Services& s);
Response reports_closed_get(Request& req, Services& s);
Response boards_get(Request& req, Services& s);
Response boards_post(Request& req, Services& s);
Response board_patch(Request& req, Services& s);
Response board_delete(Request& req, Services& s);
Response away_days_get(Request& req, Services& s);
Response away_day_put(Request& req, Services& s);
Response away_day_delete(Request& req, Services& s);
Response services_get(Request& req, Services& s);
Response services_post(Request& req, Services& s);
Response service_get(Request& req, Services& s);
Response service_patch(Request& req, Services& s);
Response service_orphans_get(Request& req, Services& s);
Response service_overdue_contacts_get(Request& req, Services& s);
Response services_import_post(Request& req, Services& s);
Response services_export_get(Request& req, Services& s);
Response service_revisions_get(Request& req, Services& s);
Response intake_questions_get(Request& req, Services& s);
Response intake_questions_post(Request& req, Services& s);
Response intake_question_patch(Request& req, Services& s);
Response intake_question_delete(Request& req, Services& s);
Response service_revision_restore_post(Request& req, Services& s);
Response service_contact_verify_post(Request& req, Services& s);
Response service_contact_report_wrong_post(Request& req, Services& s);
Response ticket_escalate_post(Request& req, Services& s);
Response ticket_deescalate_post(Request& req, Services& s);
Response ticket_promises_post(Request& req, Services& s);
Response ticket_promises_get(Request& req, Services& s);
Response promises_get(Request& req, Services& s);
Response promise_kept_post(Request& req, Services& s);
Response reports_promises_get(Request& req, Services& s);
Response reports_fields_get(Request& req, Services& s);
Response ticket_replacements_post(Request& req, Services& s);
Response ticket_replacements_get(Request& req, Services& s);
Response replacements_get(Request& req, Services& s);
Response replacement_get(Request& req, Services& s);
Response replacement_patch(Request& req, Services& s);
Response replacement_confirm_post(Request& req, Services& s);
Response replacement_ship_post(Request& req, Services& s);
Response replacement_delivered_post(Request& req, Services& s);
Response replacement_returned_post(Request& req, Services& s);
Response replacement_cancel_post(Request& req, Services& s);
Response healthz_get(Request& req, Services& s);
Response metrics_get(Request& req, Services& s);

}  // namespace frontline::http::handlers
