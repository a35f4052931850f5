// Promise rules (see header).
#include "core/escalation.hpp"

#include <algorithm>
#include <map>

namespace frontline::core {

std::string_view to_string(PromiseState s) {
  switch (s) {
    case PromiseState::open:
      return "open";
    case PromiseState::kept:
      return "kept";
    case PromiseState::broken:
      return "broken";
  }
  return "open";
}

PromiseState promise_state(const Promise& p, UnixTime now) {
  if (p.kept_at) return PromiseState::kept;
  return now >= p.due_at ? PromiseState::broken : PromiseState::open;
}

bool kept_late(const Promise& p) { return p.kept_at && *p.kept_at > p.due_at; }

UnixTime reminder_time(UnixTime created_at, UnixTime due_at) {
  const UnixTime given = std::max<UnixTime>(0, due_at - created_at);
  return due_at - std::min(kReminderLeadSeconds, given / 2);
}

std::vector<PromiseTally> tally_promises(const std::vector<Promise>& promises, UnixTime now) {
  std::map<Id, PromiseTally> by_owner;
  for (const auto& p : promises) {
    auto& t = by_owner[p.owner_id];
    t.owner_id = p.owner_id;
    t.owner_name = p.owner_name;
    switch (promise_state(p, now)) {
      case PromiseState::kept:
        ++(kept_late(p) ? t.kept_late : t.kept);
        break;
      case PromiseState::broken:
        ++t.broken;
        break;
      case PromiseState::open:
        ++t.open;
        break;
    }
  }
  std::vector<PromiseTally> out;
  for (auto& [id, t] : by_owner) out.push_back(std::move(t));
  std::stable_sort(out.begin(), out.end(), [](const PromiseTally& a, const PromiseTally& b) {
    return a.owner_name < b.owner_name;
  });
  return out;
}

}  // namespace frontline::core
