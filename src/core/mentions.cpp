// Mentions in notes (see header).
#include "core/mentions.hpp"

#include "core/text.hpp"

namespace frontline::core {
namespace {

bool continues_name(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '_' ||
         c == '-' || u >= 0x80;
}

// Whether `lower` (the note, lower-cased) has "@" + name at a mention boundary.
bool has_mention(std::string_view lower, std::string_view name) {
  if (name.empty()) return false;
  for (auto at = lower.find('@'); at != std::string_view::npos; at = lower.find('@', at + 1)) {
    if (at > 0 && (continues_name(lower[at - 1]) || lower[at - 1] == '.')) continue;
    if (lower.substr(at + 1, name.size()) != name) continue;
    const auto end = at + 1 + name.size();
    if (end < lower.size() && continues_name(lower[end])) continue;
    // "@ann." ends a sentence; "@ann.lee" is another name.
    if (end + 1 < lower.size() && lower[end] == '.' && continues_name(lower[end + 1])) continue;
    return true;
  }
  return false;
}

}  // namespace

std::vector<Id> mentioned_people(std::string_view text, const std::vector<User>& people) {
  std::vector<Id> out;
  if (text.find('@') == std::string_view::npos) return out;
  const std::string lower = to_lower_ascii(text);
  for (const auto& p : people) {
    const std::string local =
        to_lower_ascii(std::string_view(p.email).substr(0, p.email.find('@')));
    if (has_mention(lower, to_lower_ascii(p.name)) || has_mention(lower, local)) {
      out.push_back(p.id);
    }
  }
  return out;
}

}  // namespace frontline::core
