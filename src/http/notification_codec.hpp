// Notifications as JSON, and the body of "mark read". Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/notifications.hpp"
#include "core/result.hpp"

namespace frontline::http {

// {"items":[{"id","kind","ticket_number","subject","actor":{"id","name"}|null,"created_at",
// "read"}],"unread":N}
std::string notifications_json(const app::NotificationPage& page);
std::string unread_json(std::int64_t unread);  // {"unread":N}

// {"ids":[…]} or {"all":true}; exactly one of them.
struct MarkReadInput {
  std::vector<core::Id> ids;
  bool all = false;
};
core::Result<MarkReadInput> decode_mark_read(std::string_view body);

}  // namespace frontline::http
