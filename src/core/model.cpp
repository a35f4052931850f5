// String forms of the domain enums, as they appear in the API and the database.
#include "core/model.hpp"

#include <array>

#include "core/enum_names.hpp"

namespace frontline::core {
namespace {

constexpr std::array<std::string_view, 3> kRoles{"customer", "agent", "admin"};
constexpr std::array<std::string_view, 6> kStatuses{"new",     "open",     "pending",
                                                    "on_hold", "resolved", "closed"};
constexpr std::array<std::string_view, 4> kPriorities{"low", "normal", "high", "urgent"};
constexpr std::array<std::string_view, 5> kChannels{"web", "email", "chat", "phone", "api"};
constexpr std::array<std::string_view, 3> kMessageKinds{"public", "internal", "system"};
constexpr std::array<std::string_view, 5> kNotificationKinds{
    "assigned", "customer_replied", "mentioned", "contact_reported_wrong", "promise_due"};

}  // namespace

std::string_view to_string(Role r) { return kRoles[static_cast<std::size_t>(r)]; }
std::string_view to_string(Status s) { return kStatuses[static_cast<std::size_t>(s)]; }
std::string_view to_string(Priority p) { return kPriorities[static_cast<std::size_t>(p)]; }
std::string_view to_string(Channel c) { return kChannels[static_cast<std::size_t>(c)]; }
std::string_view to_string(MessageKind k) { return kMessageKinds[static_cast<std::size_t>(k)]; }
std::optional<Role> parse_role(std::string_view s) { return parse_in<Role>(kRoles, s); }
std::optional<Status> parse_status(std::string_view s) { return parse_in<Status>(kStatuses, s); }
std::optional<Priority> parse_priority(std::string_view s) {
  return parse_in<Priority>(kPriorities, s);
}
std::optional<Channel> parse_channel(std::string_view s) { return parse_in<Channel>(kChannels, s); }
std::optional<MessageKind> parse_message_kind(std::string_view s) {
  return parse_in<MessageKind>(kMessageKinds, s);
}
std::string_view to_string(NotificationKind k) {
  return kNotificationKinds[static_cast<std::size_t>(k)];
}
std::optional<NotificationKind> parse_notification_kind(std::string_view s) {
  return parse_in<NotificationKind>(kNotificationKinds, s);
}

}  // namespace frontline::core
