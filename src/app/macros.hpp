// Macros: canned field changes and a reply a technician applies to a ticket in one step. Shared
// macros are managed by admins; personal ones by their owner alone; customers have none.
// Applying runs the field changes and the reply through Tickets' own write steps, in one write
// unit. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/tickets.hpp"
#include "core/macro.hpp"
#include "core/result.hpp"

namespace frontline::app {

inline constexpr std::size_t kMaxMacroNameBytes = 100;
inline constexpr std::size_t kMaxMacrosPerOwner = 200;

// What a PATCH replaces; absent parts stay. `changes` replaces every field change at once (the
// editor always shows them together).
struct MacroEdit {
  std::optional<std::string> name;
  std::optional<core::Macro> changes;  // only the field-change members are read
  std::optional<std::string> reply;
  std::optional<bool> reply_internal;
};

struct MacroApplied {
  core::Ticket ticket;
  std::optional<core::Message> message;  // when the macro has a reply
};

class Macros {
 public:
  Macros(Context& ctx, Tickets& tickets) : ctx_(ctx), tickets_(tickets) {}

  // The shared macros and the caller's own, by name. Staff only.
  core::Result<std::vector<core::Macro>> list(const core::Actor& actor);
  // shared: an admin's macro for everyone; otherwise the caller's own.
  core::Result<core::Macro> create(const core::Actor& actor, core::Macro macro, bool shared);
  // not_found for a personal macro of someone else.
  core::Result<core::Macro> update(const core::Actor& actor, core::Id id, const MacroEdit& edit);
  core::Done remove(const core::Actor& actor, core::Id id);

  // Applies the macro to ticket `number`: field changes (with the ticket's If-Match), then the
  // reply with its placeholders filled, then the status, so "reply and resolve" ends resolved.
  // Either all of it is written or nothing.
  core::Result<MacroApplied> apply(const core::Actor& actor, core::Id number, core::Id macro_id,
                                   const std::optional<std::vector<std::int64_t>>& if_match);

 private:
  Context& ctx_;
  Tickets& tickets_;
};

}  // namespace frontline::app
