// Hardware replacements on tickets. Promises: rows are never deleted; reads carry the names (and
// role) of who created and who confirmed; an update is conditional on the version, so two
// people changing one replacement at once never overwrite each other silently.
#pragma once

#include <optional>
#include <vector>

#include "core/replacement.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

// The desk-wide list: of one status when set, newest first, at most limit.
struct ReplacementFilter {
  std::optional<core::ReplacementStatus> status;
  int limit = 100;
};

class ReplacementRepository {
 public:
  virtual ~ReplacementRepository() = default;

  // Stores every field but id (and the names, which are read); returns the new id.
  virtual Id insert_replacement(const core::Replacement& replacement) = 0;
  // nullopt when there is no such replacement.
  virtual std::optional<core::Replacement> replacement_by_id(Id id) = 0;
  // The ticket's replacements, oldest first.
  virtual std::vector<core::Replacement> ticket_replacements(Id ticket_number) = 0;
  virtual std::vector<core::Replacement> list_replacements(const ReplacementFilter& filter) = 0;
  // Writes every mutable field; false (and nothing written) unless the stored version is
  // replacement.version - 1.
  virtual bool update_replacement(const core::Replacement& replacement) = 0;
};

}  // namespace frontline::store
