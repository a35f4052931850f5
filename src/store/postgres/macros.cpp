// PostgreSQL MacroRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

std::vector<core::Macro> PgMacros::list_macros(core::Id owner_id) { throw not_yet("list_macros"); }

std::optional<core::Macro> PgMacros::macro_by_id(core::Id id) { throw not_yet("macro_by_id"); }

core::Id PgMacros::insert_macro(const core::Macro& macro) { throw not_yet("insert_macro"); }

bool PgMacros::update_macro(const core::Macro& macro) { throw not_yet("update_macro"); }

bool PgMacros::delete_macro(core::Id id) { throw not_yet("delete_macro"); }

}  // namespace frontline::store::postgres
