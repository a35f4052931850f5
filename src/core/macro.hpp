// A macro: a named, canned set of ticket field changes and an optional reply, shared (managed by
// admins) or personal (one technician's own). A plain value; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::core {

struct Macro {
  Id id = 0;
  std::optional<Id> owner_id;  // nullopt: shared with every technician
  std::string name;
  // Field changes; absent ones leave the ticket's value alone. assignee_id / team_id: an inner
  // nullopt clears the field. assign_to_me assigns whoever applies the macro.
  std::optional<Status> status;
  std::optional<Priority> priority;
  bool assign_to_me = false;
  std::optional<std::optional<Id>> assignee_id;
  std::optional<std::optional<Id>> team_id;
  std::optional<std::string> category;
  std::vector<std::string> add_tags;
  std::vector<std::string> remove_tags;
  // The reply, with the mail templates' {{placeholders}}; empty: the macro adds no message.
  std::string reply;
  bool reply_internal = false;
  UnixTime updated_at = 0;

  bool shared() const { return !owner_id.has_value(); }
};

}  // namespace frontline::core
