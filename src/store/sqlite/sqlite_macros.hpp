// The SQLite implementation of store::MacroRepository (migration 013), over the Tx's connection.
// Runs inside the SqliteTx that owns it; same threading.
#pragma once

#include "store/macro_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace frontline::store::sqlite {

class SqliteMacros final : public MacroRepository {
 public:
  explicit SqliteMacros(Connection& conn) : db_(conn) {}

  std::vector<core::Macro> list_macros(core::Id owner_id) override;
  std::optional<core::Macro> macro_by_id(core::Id id) override;
  core::Id insert_macro(const core::Macro& macro) override;
  bool update_macro(const core::Macro& macro) override;
  bool delete_macro(core::Id id) override;

 private:
  Connection& db_;
};

}  // namespace frontline::store::sqlite
