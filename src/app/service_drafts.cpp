// Service drafts: checks and the write onto a stored entry (see service_drafts.hpp).
#include "app/service_drafts.hpp"

#include <algorithm>

#include "app/local_time.hpp"
#include "app/ticket_access.hpp"
#include "app/validation.hpp"
#include "core/text.hpp"

namespace frontline::app {
namespace {

using core::Result;

constexpr std::size_t kMaxDescriptionBytes = 20000;
constexpr std::size_t kMaxUrlBytes = 2000;
constexpr std::size_t kMaxKeywordBytes = 100;
constexpr std::size_t kMaxContactValueBytes = 500;
constexpr std::size_t kMaxPressBytes = 50;
constexpr std::size_t kMaxStepBytes = 500;
constexpr std::size_t kMaxHoursBytes = 200;
constexpr std::size_t kMaxNotesBytes = 5000;

// "contacts[2].value": the field a person has to fix.
std::string contact_field(std::size_t index, std::string_view name) {
  return "contacts[" + std::to_string(index) + "]." + std::string(name);
}

Result<std::vector<std::string>> checked_urls(const std::vector<std::string>& raw) {
  if (raw.size() > kMaxServiceListItems) {
    return core::invalid_field("urls", "at most 50 URLs");
  }
  std::vector<std::string> urls;
  for (const auto& r : raw) {
    std::string url(core::trim(r));
    if (auto c = check_text("urls", url, kMaxUrlBytes); !c) return c.take_error();
    if (core::normalise_host(url).empty()) {
      return core::invalid_field("urls", "must be URLs or host names",
                                 "\"" + url + "\" is not a URL or host name.");
    }
    urls.push_back(std::move(url));
  }
  return urls;
}

// Trimmed, without empty ones and repeats (ignoring case).
Result<std::vector<std::string>> checked_keywords(const std::vector<std::string>& raw) {
  if (raw.size() > kMaxServiceListItems) {
    return core::invalid_field("keywords", "at most 50 keywords");
  }
  std::vector<std::string> words;
  for (const auto& r : raw) {
    std::string word(core::trim(r));
    if (word.empty()) continue;
    if (auto c = check_text("keywords", word, kMaxKeywordBytes); !c) return c.take_error();
    const auto folded = core::to_lower_ascii(word);
    if (std::none_of(words.begin(), words.end(),
                     [&](const std::string& w) { return core::to_lower_ascii(w) == folded; })) {
      words.push_back(std::move(word));
    }
  }
  return words;
}

// The steps' text may not hold the two characters core::pack_call_tree separates them with.
Result<core::Unit> check_call_tree(std::size_t index,
                                   const std::vector<core::CallTreeStep>& steps) {
  const auto field = contact_field(index, "call_tree");
  if (steps.size() > kMaxServiceListItems) return core::invalid_field(field, "at most 50 steps");
  for (const auto& step : steps) {
    if (auto c = check_text(field, step.press, kMaxPressBytes); !c) return c.take_error();
    if (auto c = check_text(field, step.then, kMaxStepBytes); !c) return c.take_error();
    for (std::string_view part : {std::string_view(step.press), std::string_view(step.then)}) {
      if (part.find_first_of("\x1e\x1f") != std::string_view::npos) {
        return core::invalid_field(field, "must not contain control characters");
      }
    }
  }
  return core::Unit{};
}

Result<core::ServiceContact> checked_contact(std::size_t index, const ContactDraft& d) {
  core::ServiceContact c;
  if (!d.kind) return core::invalid_field(contact_field(index, "kind"), "is required");
  c.kind = *d.kind;
  c.value = std::string(core::trim(d.value));
  if (c.value.empty()) return core::invalid_field(contact_field(index, "value"), "is required");
  if (auto r = check_text(contact_field(index, "value"), c.value, kMaxContactValueBytes); !r) {
    return r.take_error();
  }
  if (auto r = check_call_tree(index, d.call_tree); !r) return r.take_error();
  c.call_tree = d.call_tree;
  if (auto r = check_text(contact_field(index, "hours"), d.hours, kMaxHoursBytes); !r) {
    return r.take_error();
  }
  c.hours = d.hours;
  c.time_zone = std::string(core::trim(d.time_zone));
  if (!c.time_zone.empty() && !is_known_time_zone(c.time_zone)) {
    return core::invalid_field(
        contact_field(index, "time_zone"), "is not an IANA time zone",
        "\"" + c.time_zone + "\" is not a time zone name such as Europe/Berlin.");
  }
  if (auto r = check_text(contact_field(index, "notes"), d.notes, kMaxNotesBytes); !r) {
    return r.take_error();
  }
  c.notes = d.notes;
  const auto interval = d.review_interval_days.value_or(core::kDefaultReviewIntervalDays);
  if (interval < 1 || interval > kMaxReviewIntervalDays) {
    return core::invalid_field(contact_field(index, "review_interval_days"),
                               "must be between 1 and 3650");
  }
  c.review_interval_days = static_cast<int>(interval);
  if (d.escalation_order && (*d.escalation_order < 1 || *d.escalation_order > 1000)) {
    return core::invalid_field(contact_field(index, "escalation_order"),
                               "must be between 1 and 1000");
  }
  c.is_public = d.is_public;
  c.escalation = d.escalation;
  c.is_primary = d.is_primary;
  c.active = d.active;
  return c;
}

// The new contact list: listed ids keep their verification and creation time.
Result<std::vector<core::ServiceContact>> merged_contacts(
    const std::vector<core::ServiceContact>& stored, const std::vector<ContactDraft>& drafts,
    bool restoring, core::UnixTime now) {
  if (drafts.size() > kMaxServiceListItems) {
    return core::invalid_field("contacts", "at most 50 contacts");
  }
  std::vector<core::ServiceContact> out;
  int escalations = 0;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    auto c = checked_contact(i, drafts[i]);
    if (!c) return c.take_error();
    c->created_at = now;
    if (drafts[i].id) {
      auto old = std::find_if(stored.begin(), stored.end(),
                              [&](const core::ServiceContact& s) { return s.id == *drafts[i].id; });
      if (old != stored.end()) {
        c->id = old->id;
        c->created_at = old->created_at;
        c->last_verified_at = old->last_verified_at;
        c->verified_by = old->verified_by;
        c->verified_how = old->verified_how;
        c->verified_result = old->verified_result;
      } else if (!restoring) {
        return core::invalid_field(contact_field(i, "id"), "is not a contact of this service");
      }
    }
    if (std::any_of(out.begin(), out.end(),
                    [&](const core::ServiceContact& o) { return o.id != 0 && o.id == c->id; })) {
      return core::invalid_field(contact_field(i, "id"), "is listed twice");
    }
    c->escalation_order = c->escalation ? drafts[i].escalation_order.value_or(++escalations) : 0;
    out.push_back(std::move(*c));
  }
  if (std::count_if(out.begin(), out.end(), [](const auto& c) { return c.is_primary; }) > 1) {
    return core::invalid_field("contacts", "at most one contact is primary",
                               "Mark one contact as primary, not several.");
  }
  return out;
}

}  // namespace

Result<core::Unit> apply_draft(store::Tx& tx, core::Service& service, const ServiceDraft& draft,
                               bool restoring, core::UnixTime now) {
  if (draft.name) {
    auto name = checked_name("name", *draft.name, kMaxServiceNameBytes);
    if (!name) return name.take_error();
    service.name = std::move(*name);
  }
  if (draft.description) {
    if (auto r = check_text("description", *draft.description, kMaxDescriptionBytes); !r) {
      return r.take_error();
    }
    service.description = *draft.description;
  }
  if (draft.urls) {
    auto urls = checked_urls(*draft.urls);
    if (!urls) return urls.take_error();
    service.urls = std::move(*urls);
  }
  if (draft.keywords) {
    auto words = checked_keywords(*draft.keywords);
    if (!words) return words.take_error();
    service.keywords = std::move(*words);
  }
  if (draft.team_id) {
    if (*draft.team_id && !tx.organizations().team_by_id(**draft.team_id)) {
      return core::invalid_field("team_id", "no such team");
    }
    service.team_id = *draft.team_id;
  }
  if (draft.is_public) service.is_public = *draft.is_public;
  if (draft.contacts) {
    auto contacts = merged_contacts(service.contacts, *draft.contacts, restoring, now);
    if (!contacts) return contacts.take_error();
    service.contacts = std::move(*contacts);
  }
  return core::Unit{};
}

}  // namespace frontline::app
