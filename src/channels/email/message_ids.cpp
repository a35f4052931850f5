// Threading header ids (see header).
#include "channels/email/message_ids.hpp"

#include "channels/email/gmime_support.hpp"
#include "core/text.hpp"

namespace frontline::channels::email {

void add_message_ids(std::string_view value, std::vector<std::string>& out) {
  if (value.empty() || out.size() >= kMaxMessageIds) return;
  init_gmime();
  if (value.size() > kMaxMessageIdBytes) {
    auto cut = value.find('<', value.size() - kMaxMessageIdBytes);
    if (cut == std::string_view::npos) return;
    value.remove_prefix(cut);
  }
  GMimeReferences* refs = g_mime_references_parse(nullptr, std::string(value).c_str());
  if (!refs) return;
  // References lists oldest first; the newest is the likeliest to be ours.
  for (int i = g_mime_references_length(refs) - 1; i >= 0 && out.size() < kMaxMessageIds; --i) {
    const char* id = g_mime_references_get_message_id(refs, i);
    if (id && core::is_valid_utf8(id)) out.emplace_back(id);
  }
  g_mime_references_free(refs);
}

}  // namespace frontline::channels::email
