// JSON encodings of the API's resources. What a customer receives never holds agent-only
// fields (priority, assignee, team, tags) — the viewer decides the shape.
#pragma once

#include <string>
#include <vector>

#include "app/mail.hpp"
#include "app/mail_template_admin.hpp"
#include "app/ranking.hpp"
#include "app/reports.hpp"
#include "app/tickets.hpp"
#include "core/model.hpp"
#include "store/tx.hpp"

namespace frontline::http {

std::string iso8601(core::UnixTime t);

std::string ticket_json(const core::Ticket& t, const core::Actor& viewer);
std::string ticket_list_json(const app::TicketList& list, const core::Actor& viewer);
std::string ticket_count_json(const app::TicketCount& c);
std::string mail_result_json(const app::MailResult& r);
std::string mail_template_json(const app::TemplateInfo& t);
std::string mail_templates_json(const std::vector<app::TemplateInfo>& ts);
std::string rendered_mail_json(const app::RenderedMail& r);
std::string message_json(const core::Message& m);
std::string messages_json(const std::vector<core::Message>& ms);
std::string events_json(const std::vector<core::Event>& es);
// The event catalogue: {"events":[{name, scope, visibility, internal_when?, fields, summary}]},
// one type per line (docs/event_catalogue.json holds this text; `frontline events` prints it).
std::string event_catalogue_json();
std::string links_json(core::Id number, const std::vector<core::Id>& linked);
std::string user_json(const core::User& u);
// One page of the directory; next_cursor when the page is full.
std::string users_json(const std::vector<core::User>& us, std::size_t page_size);
// With `profile`, also the caller's time zone and morning-report preference; with `limits`, the
// sizes the server accepts (so the web app can check a file before uploading it).
std::string me_json(const core::Actor& a, const std::string& csrf_token,
                    const core::User* profile = nullptr, const app::Limits* limits = nullptr);
std::string organization_json(const core::Organization& o);
std::string organizations_json(const std::vector<core::Organization>& os);
std::string team_json(const core::Team& t);
std::string teams_json(const std::vector<core::Team>& ts);
std::string token_json(const std::string& token);
std::string category_json(const core::Category& c);
std::string categories_json(const std::vector<core::Category>& cs);
std::string saved_filter_json(const core::SavedFilter& f);
std::string saved_filters_json(const std::vector<core::SavedFilter>& fs);
// One event as the live stream sends it: {"type":"event","event":{…}}.
std::string stream_event_json(const core::Event& e);
std::string tokens_json(const std::vector<store::ApiTokenRecord>& tokens);
std::string leaderboard_json(const app::Leaderboard& b);
std::string closed_report_json(const app::ClosedReport& r);
std::string closed_report_csv(const app::ClosedReport& r);
std::string board_json(const core::Board& b);
std::string boards_json(const std::vector<core::Board>& bs);
std::string away_days_json(const std::vector<core::Day>& days);

}  // namespace frontline::http
