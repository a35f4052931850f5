// JSON for hardware replacements (docs/replacements.md): one replacement as its viewer may see
// it (customers never get "reason" or "cancel_reason"), lists of them, and the request bodies of
// their routes, strictly decoded like request_decoding. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/replacements.hpp"
#include "core/replacement.hpp"
#include "core/result.hpp"

namespace frontline::http {

// {"id","ticket_number","status","model","serial","reason"(staff),"address":{…every key…},
//  "address_missing":[…],"confirmed_at","confirmed_by":{"id","name","role"}|null,"sent_model",
//  "sent_serial","carrier","tracking_number","shipped_at","delivered_at","returned_at",
//  "cancelled_at","cancel_reason"(staff),"created_by":{"id","name"},"created_at","updated_at",
//  "version"}
std::string replacement_json(const core::Replacement& r, const core::Actor& viewer);
std::string replacements_array_json(const std::vector<core::Replacement>& rs,
                                    const core::Actor& viewer);
// {"items":[…]}
std::string replacements_json(const std::vector<core::Replacement>& rs, const core::Actor& viewer);

// {"model","serial"?,"reason"?,"address"?:{…}}
core::Result<app::NewReplacement> decode_new_replacement(std::string_view body);
// {"version", "model"?, "serial"?, "reason"?, "address"?:{…}}
core::Result<app::ReplacementChanges> decode_replacement_changes(std::string_view body);
// {"carrier","tracking_number","sent_model"?,"sent_serial"?}
core::Result<app::Shipment> decode_shipment(std::string_view body);
// {"reason"?}; an empty body is no reason.
core::Result<std::string> decode_cancellation(std::string_view body);
// {} or an empty body (confirm, delivered, returned take nothing).
core::Result<core::Unit> decode_no_fields(std::string_view body);

}  // namespace frontline::http
