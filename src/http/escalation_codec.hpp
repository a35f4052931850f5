// JSON for escalations and promises (docs/escalation.md): the current escalation a staff
// ticket carries, promises and their lists, the promise report, and the request bodies of their
// routes (strictly decoded, like request_decoding). Staff only: customers never receive these.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/escalations.hpp"
#include "app/promises.hpp"
#include "core/result.hpp"

namespace frontline::http {

// {"id","team_id","team_name","contact_id","contact","service_id","service_name",
//  "contact_label","summary","by":{"id","name"},"at","from_team_id"}; "null" for none.
std::string escalation_json(const std::optional<app::EscalationView>& view);
// {"id","ticket_number","owner":{"id","name"},"text","due_at","remind_at","created_at",
//  "reminded_at","kept_at","kept_by","state","late"}; state computed at `now`.
std::string promise_json(const core::Promise& p, core::UnixTime now);
std::string promises_array_json(const std::vector<core::Promise>& ps, core::UnixTime now);
std::string promises_json(const std::vector<core::Promise>& ps, core::UnixTime now);
std::string promise_report_json(const app::PromiseReport& r);

// {"team_id": N} or {"contact_id": N}, with "summary".
core::Result<app::EscalationRequest> decode_escalation(std::string_view body);
// {"note": "..."}, optional; an empty body is no note.
core::Result<std::string> decode_deescalation(std::string_view body);
// {"due_at": "2026-11-30T15:00:00Z", "text": "..."}
core::Result<app::NewPromise> decode_new_promise(std::string_view body);

}  // namespace frontline::http
