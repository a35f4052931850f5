// Tickets: the rows, their tags, links, people copied, idempotent creates, and the listing and
// search over them.
//
// Promises (every engine):
// - numbers are sequential from 1 and never reused;
// - update_ticket is a compare-and-set on `version`;
// - list_tickets without a text query orders by TicketFilter::order and ends every order on the
//   number, so pages never overlap; the newest-updated-first order pages by keyset (`after`);
// - a text query (TicketFilter::text) matches the tickets that contain every term — a word or
//   a prefix as a token, a phrase as adjacent tokens in order — in the subject, the message
//   text or the requester's name and email;
// - with a text query, results are *ranked within recency*: the 100 most recently created
//   matches that pass the other filters are scored, each by its own hits, every occurrence of
//   a term weighted by where it is (subject 10, requester 2, message text 1), and come first,
//   best first, ties newest (highest number) first; older matches follow, newest first. The
//   order is the same whatever page is asked for, so paging by offset returns every match
//   exactly once. `order` and `after` are ignored: ranked pages go by offset. count_tickets counts
//   every match, with no window;
// - a customer's filter (visible_requester_id) never returns another person's ticket unless
//   visible_organization_id names that ticket's organisation (callers set it only when the
//   organisation shares tickets; the store does not check), and its text query never matches
//   words that exist only in internal notes (they are searched only when text_includes_internal
//   is set, for staff);
// - for a customer, "updated" reads public_updated_at: internal work does not move a ticket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "core/text_query.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

enum class TicketOrder { updated, created, priority, number };

// Which tickets to list. Empty fields do not filter.
struct TicketFilter {
  std::vector<core::Status> statuses;
  std::vector<core::Priority> priorities;
  std::optional<Id> assignee_id;
  bool unassigned = false;
  std::optional<Id> team_id;
  std::optional<Id> service_id;  // tickets about this service directory entry
  std::optional<Id> requester_id;
  // The requester's name or email contains this (ASCII case-insensitive): "requester:ann".
  std::optional<std::string> requester_text;
  std::optional<Id> organization_id;
  std::optional<std::string> category;  // a category's name (any case)
  std::vector<std::string> tags;        // all must be present
  // field:KEY=VALUE: (key, value) pairs, all must match an intake answer on the ticket (keys
  // exactly, values ignoring ASCII case).
  std::vector<std::pair<std::string, std::string>> fields;
  std::optional<UnixTime> updated_since;
  std::optional<UnixTime> created_after;   // inclusive
  std::optional<UnixTime> created_before;  // exclusive
  // Customer visibility: requester is this user, or (when set) the ticket's organisation. A
  // customer's view also reads "updated" as public_updated_at: the updated order, its keyset
  // cursor and updated_since never move with internal work.
  std::optional<Id> visible_requester_id;
  std::optional<Id> visible_organization_id;
  // Full-text: tickets containing every term (each engine compiles it into its own syntax); when
  // not empty, results are ranked within recency (see the promises above).
  core::TextQuery text;
  bool text_includes_internal = false;  // staff search internal notes too
  // Keyset cursor (updated_at, number) for listing; an offset for ranked search.
  std::optional<std::pair<UnixTime, Id>> after;
  std::int64_t offset = 0;
  int limit = 50;
  // Listing order (ignored for ranked search). Only newest-updated-first pages by keyset;
  // the other orders page by offset.
  TicketOrder order = TicketOrder::updated;
  bool ascending = false;
};

struct TicketPage {
  std::vector<core::Ticket> items;
  bool has_more = false;
};

class TicketRepository {
 public:
  virtual ~TicketRepository() = default;

  // Assigns ticket.number (the next sequential number) and stores tags. The texts start the
  // ticket's search document (public words, and words only staff may find).
  virtual void insert_ticket(core::Ticket& ticket, std::string_view public_text,
                             std::string_view internal_text) = 0;
  virtual std::optional<core::Ticket> ticket_by_number(Id number) = 0;
  // A ticket and which of its optional parts it has had, in one statement: its page then reads
  // only those (GET one ticket is the hottest read, and each statement is a round trip on
  // PostgreSQL). Never false for a part the ticket has; may stay true after its last is gone.
  struct TicketParts {
    bool fields = false;       // intake answers
    bool escalations = false;  // current or past
    bool promises = false;
    bool replacements = false;  // hardware replacements, any status
  };
  virtual std::optional<std::pair<core::Ticket, TicketParts>> ticket_with_parts(Id number) = 0;
  // Writes every mutable field and tags; returns false when ticket.version - 1 is no longer
  // the stored version (someone else changed it first).
  virtual bool update_ticket(const core::Ticket& ticket) = 0;
  virtual TicketPage list_tickets(const TicketFilter& filter) = 0;
  // How many tickets match (sort, cursor and limit ignored), counting at most `cap`.
  virtual std::int64_t count_tickets(const TicketFilter& filter, std::int64_t cap) = 0;
  // Tickets still resolved whose resolved_at is at or before `before`, the longest resolved
  // first, at most `limit`.
  virtual std::vector<Id> tickets_resolved_before(UnixTime before, int limit) = 0;
  // Links are symmetric and stored once, whichever side links and how often.
  virtual void link_tickets(Id a, Id b) = 0;
  virtual std::vector<Id> linked_tickets(Id number) = 0;  // by number
  // Once per address, in any case (the first spelling is kept); listed alphabetically.
  virtual void add_ticket_cc(Id ticket_number, std::string_view email) = 0;
  virtual std::vector<std::string> ticket_ccs(Id ticket_number) = 0;
  // Keys are per person: the same key from two people names two tickets.
  virtual std::optional<Id> idempotent_ticket(Id user_id, std::string_view key) = 0;
  // Once per (user, key): look the key up first, in the same write.
  virtual void remember_idempotent_ticket(Id user_id, std::string_view key, Id number,
                                          UnixTime now) = 0;
};

}  // namespace frontline::store
