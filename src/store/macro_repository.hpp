// The macros repository (migration 013): shared and personal macros, handed out by a Tx and used
// for that Tx's lifetime only. Same threading as Tx.
#pragma once

#include <optional>
#include <vector>

#include "core/macro.hpp"

namespace frontline::store {

class MacroRepository {
 public:
  virtual ~MacroRepository() = default;

  // Shared macros and the personal ones of owner_id, by name.
  virtual std::vector<core::Macro> list_macros(core::Id owner_id) = 0;
  // nullopt when there is no macro with this id (whoever owns it).
  virtual std::optional<core::Macro> macro_by_id(core::Id id) = 0;
  virtual core::Id insert_macro(const core::Macro& macro) = 0;
  // Writes every field but id and owner; false when the macro is gone.
  virtual bool update_macro(const core::Macro& macro) = 0;
  virtual bool delete_macro(core::Id id) = 0;
};

}  // namespace frontline::store
