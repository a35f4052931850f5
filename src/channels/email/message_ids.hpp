// The Message-IDs of a threading header (In-Reply-To, References) for finding the ticket a
// message answers. Bounded: only the newest few ids are read, however long the header.
// Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::channels::email {

// Threading needs only the newest few ids; a long thread's References can hold thousands, each
// a lookup, and an endless header must cost no more than a short one.
inline constexpr std::size_t kMaxMessageIds = 50;
inline constexpr std::size_t kMaxMessageIdBytes = 8 * 1024;

// Appends the ids of `value` (without <>), newest first, until `out` holds kMaxMessageIds; reads
// only the last kMaxMessageIdBytes of the value (the newest ids are last). Ids that are not
// valid UTF-8 are skipped: they cannot be ours.
void add_message_ids(std::string_view value, std::vector<std::string>& out);

}  // namespace frontline::channels::email
