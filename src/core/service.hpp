// The service directory's values (issue 15): a service — what customers use, who supports it and
// how to reach them — its contacts with their call trees and verification, and its revisions;
// plus the pure rules on them: host normalisation for URL lookup, when a contact is overdue for
// review, and why a service is an orphan. Value types and pure functions; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace frontline::core {

enum class ContactKind { phone, email, web };
std::string_view to_string(ContactKind k);
std::optional<ContactKind> parse_contact_kind(std::string_view s);

// How a contact was checked, and what came of it.
enum class VerificationMethod { called, emailed, web_form, other };
enum class VerificationResult { works, wrong, no_answer };
std::string_view to_string(VerificationMethod m);
std::string_view to_string(VerificationResult r);
std::optional<VerificationMethod> parse_verification_method(std::string_view s);
std::optional<VerificationResult> parse_verification_result(std::string_view s);

// One step of a phone menu: "press 2" → "database team". Plain text given for a whole call tree
// is kept as one step with an empty `press`.
struct CallTreeStep {
  std::string press;
  std::string then;
  bool operator==(const CallTreeStep&) const = default;
};

inline constexpr int kDefaultReviewIntervalDays = 180;

struct ServiceContact {
  Id id = 0;  // 0 until stored
  ContactKind kind = ContactKind::phone;
  std::string value;  // the number, the address, the form's URL
  std::vector<CallTreeStep> call_tree;
  std::string hours;      // free text: "Mon-Fri 8-18"
  std::string time_zone;  // IANA name the hours are in; empty: not given
  bool is_public = false;
  bool escalation = false;
  int escalation_order = 0;  // among the escalation contacts, 1 first; 0 when not one
  bool is_primary = false;
  bool active = true;  // false once verified wrong, until verified working again
  std::string notes;
  // Verification: when, by whom, how and with what result it was last checked.
  std::optional<UnixTime> last_verified_at;
  std::optional<Id> verified_by;
  std::optional<VerificationMethod> verified_how;
  std::optional<VerificationResult> verified_result;
  int review_interval_days = kDefaultReviewIntervalDays;
  UnixTime created_at = 0;
};

struct Service {
  Id id = 0;
  std::string name;
  std::string description;
  std::vector<std::string> urls;
  std::vector<std::string> keywords;
  std::optional<Id> team_id;
  bool is_public = false;
  std::vector<ServiceContact> contacts;  // in their listed order
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  std::int64_t version = 1;  // bumps on every change
};

// One stored state of a service: who made it, when, and the whole service as JSON (the shape a
// PATCH takes, so restoring it is that PATCH).
struct ServiceRevision {
  Id id = 0;
  Id service_id = 0;
  std::optional<Id> author_id;
  std::string author_name;  // when read
  UnixTime created_at = 0;
  std::string snapshot;
  std::optional<Id> restored_from;  // the revision this one brought back, if any
};

// The host part of a URL or host name as the directory compares them: lower case, without
// scheme, user info, port, path, query, a trailing dot or a leading "www."; empty when there is
// no plausible host. Linear in the input.
std::string normalise_host(std::string_view url_or_host);

// When the contact is next due for review: review_interval_days after it was last verified, or
// after it was added when never verified.
UnixTime review_due_at(const ServiceContact& c);
bool is_overdue(const ServiceContact& c, UnixTime now);

// Why nobody can be reached for a service, or nullopt when someone can.
enum class OrphanReason { no_active_contact, no_team, team_without_members, all_contacts_overdue };
std::string_view to_string(OrphanReason r);
// team_member_count: active members of the owning team; nullopt when the team does not exist.
std::optional<OrphanReason> orphan_reason(const Service& s,
                                          std::optional<std::size_t> team_member_count,
                                          UnixTime now);

// A call tree packed into one text column and back (steps split by U+001E, press and then by
// U+001F); the app refuses those two characters in steps.
std::string pack_call_tree(const std::vector<CallTreeStep>& steps);
std::vector<CallTreeStep> unpack_call_tree(std::string_view packed);

}  // namespace frontline::core
