// Ticket use cases, the reading half (see tickets.hpp): listing, search and counts — a list
// query turned into a store filter under the caller's visibility, names looked up inside the
// read, and the paging cursors; one ticket, its messages, history, attachments and links. The
// writes live in tickets.cpp.
#include <algorithm>
#include <charconv>

#include "app/ticket_access.hpp"
#include "app/tickets.hpp"
#include "core/search_query.hpp"
#include "core/text.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Error;
using core::Id;
using core::make_error;
using core::Result;

constexpr std::int64_t kMaxSearchOffset = 10000;  // deeper than any person pages

// Cursor forms: "k<updated_at>.<number>" for keyset listing, "o<offset>" for ranked search.
bool decode_cursor(std::string_view c, store::TicketFilter& f) {
  if (c.empty()) return true;
  if (c[0] == 'o') {
    auto v = core::parse_positive_id(c.substr(1));
    if (!v || *v > kMaxSearchOffset) return false;
    f.offset = *v;
    return true;
  }
  auto dot = c.find('.');
  if (c[0] != 'k' || dot == std::string_view::npos) return false;
  core::UnixTime at = 0;
  auto s = c.substr(1, dot - 1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), at);
  auto number = core::parse_positive_id(c.substr(dot + 1));
  if (ec != std::errc() || p != s.data() + s.size() || !number) return false;
  f.after = std::make_pair(at, *number);
  return true;
}

}  // namespace

// A list query turned into a store filter, with the names (assignee, team, …) still to be
// looked up inside the read.
struct Tickets::PreparedFilter {
  store::TicketFilter filter;
  std::optional<std::string> assignee, team, service, requester, organization, category;
  // The search box's requester: may be part of a name or address; the requester parameter names
  // one person (an id or an address).
  bool requester_partial = false;
};

Result<Tickets::PreparedFilter> Tickets::prepare_filter(const core::Actor& actor,
                                                        const TicketListQuery& query) {
  auto parsed = core::parse_search_query(query.q);
  if (!parsed) return parsed.take_error();
  auto& q = parsed.value();
  PreparedFilter p;
  store::TicketFilter& f = p.filter;
  f.limit = std::clamp(query.limit, 1, 200);
  if (!decode_cursor(query.cursor, f)) {
    return make_error(Errc::bad_input, "cursor is not one this server issued",
                      {{"cursor", "unknown cursor"}});
  }
  if (!query.sort.empty()) {
    static const std::pair<const char*, store::TicketOrder> kOrders[] = {
        {"updated", store::TicketOrder::updated},
        {"created", store::TicketOrder::created},
        {"priority", store::TicketOrder::priority},
        {"number", store::TicketOrder::number}};
    auto it = std::find_if(std::begin(kOrders), std::end(kOrders),
                           [&](const auto& o) { return query.sort == o.first; });
    if (it == std::end(kOrders)) {
      return make_error(Errc::bad_input, "unknown sort " + query.sort,
                        {{"sort", "use updated, created, priority or number"}});
    }
    f.order = it->second;
  }
  f.ascending = query.ascending;
  auto statuses = q.statuses;
  statuses.insert(statuses.end(), query.statuses.begin(), query.statuses.end());
  for (const auto& s : statuses) {
    auto v = core::parse_status(s);
    if (!v) return make_error(Errc::bad_input, "unknown status " + s, {{"status", "unknown"}});
    f.statuses.push_back(*v);
  }
  auto priorities = q.priorities;
  priorities.insert(priorities.end(), query.priorities.begin(), query.priorities.end());
  for (const auto& pr : priorities) {
    auto v = core::parse_priority(pr);
    if (!v) return make_error(Errc::bad_input, "unknown priority " + pr, {{"priority", "unknown"}});
    f.priorities.push_back(*v);
  }
  auto tags = q.tags;
  tags.insert(tags.end(), query.tags.begin(), query.tags.end());
  for (auto& t : tags) f.tags.push_back(core::to_lower_ascii(t));
  f.fields = q.fields;
  f.updated_since = query.updated_since;
  f.created_after = q.created_after;
  f.created_before = q.created_before;
  f.text = std::move(q.text);
  f.text_includes_internal = actor.is_staff();

  p.assignee = query.assignee ? query.assignee : q.assignee;
  p.team = query.team ? query.team : q.team;
  p.service = query.service ? query.service : q.service;
  p.requester = query.requester ? query.requester : q.requester;
  p.requester_partial = !query.requester && q.requester;
  p.organization = query.organization ? query.organization : q.organization;
  p.category = q.category;
  if (!actor.is_staff()) {
    // Sorting, filtering or searching on an agent-only field would reveal it by comparing
    // result orders or sets (core::kAgentOnlyFields names them).
    auto used = [&](std::string_view field) {
      return (field == "priority" &&
              (!f.priorities.empty() || f.order == store::TicketOrder::priority)) ||
             (field == "assignee" && p.assignee) || (field == "team" && p.team) ||
             (field == "service" && p.service) || (field == "tag" && !f.tags.empty());
    };
    for (std::string_view field : core::kAgentOnlyFields) {
      if (!used(field)) continue;
      const std::string where = f.order == store::TicketOrder::priority && field == "priority"
                                    ? "sort"
                                    : std::string(field);
      return make_error(Errc::invalid,
                        "Only the support team knows a ticket's " + std::string(field) +
                            ", so it cannot be searched, filtered or sorted on here. Use status, "
                            "category or dates instead.",
                        {{where, "not available to customers"}});
    }
    f.visible_requester_id = actor.id;
    if (actor.organization_shares_tickets) f.visible_organization_id = actor.organization_id;
  }
  return p;
}

// Looks the filter's names up; false when one names nobody (such a filter matches nothing,
// never everything).
bool Tickets::resolve_names(store::Tx& tx, const core::Actor& actor, PreparedFilter& p) {
  store::TicketFilter& f = p.filter;
  bool matches_nothing = false;
  auto user_id = [&](const std::string& s) -> std::optional<Id> {
    if (auto id = core::parse_positive_id(s)) return id;
    if (auto u = tx.accounts().user_by_email(s)) return u->id;
    matches_nothing = true;
    return std::nullopt;
  };
  if (p.assignee) {
    if (*p.assignee == "me") {
      f.assignee_id = actor.id;
    } else if (*p.assignee == "none") {
      f.unassigned = true;
    } else {
      f.assignee_id = user_id(*p.assignee);
    }
  }
  if (p.requester) {
    // An id or a known address names one person; anything else is part of a name or address.
    if (auto id = core::parse_positive_id(*p.requester)) {
      f.requester_id = id;
    } else if (auto u = tx.accounts().user_by_email(*p.requester)) {
      f.requester_id = u->id;
    } else if (p.requester_partial) {
      f.requester_text = *p.requester;
    } else {
      matches_nothing = true;
    }
  }
  if (p.team) {
    if (auto id = core::parse_positive_id(*p.team)) {
      f.team_id = id;
    } else if (auto t = tx.organizations().team_by_name(*p.team)) {
      f.team_id = t->id;
    } else {
      matches_nothing = true;
    }
  }
  if (p.service) {
    if (auto id = core::parse_positive_id(*p.service)) {
      f.service_id = id;
    } else if (auto s = tx.services().service_by_name(*p.service)) {
      f.service_id = s->id;
    } else {
      matches_nothing = true;
    }
  }
  if (p.organization) {
    if (auto id = core::parse_positive_id(*p.organization)) {
      f.organization_id = id;
    } else if (auto o = tx.organizations().organization_by_name(*p.organization)) {
      f.organization_id = o->id;
    } else {
      matches_nothing = true;
    }
  }
  return !matches_nothing;
}

// A category filter names an existing category (any case), or one that was deleted while
// tickets keep its name: naming neither is a mistake to point out, not an empty result that
// looks like an empty queue.
Result<core::Unit> Tickets::resolve_category(store::Tx& tx, PreparedFilter& p) {
  if (!p.category) return core::Unit{};
  if (auto c = tx.categories().category_by_name(*p.category)) {
    p.filter.category = c->name;
    return core::Unit{};
  }
  store::TicketFilter kept;
  kept.category = *p.category;
  if (tx.tickets().count_tickets(kept, 1) == 0) {
    return make_error(Errc::invalid,
                      "There is no category named \"" + *p.category +
                          "\". Check the spelling, or pick one from the category list.",
                      {{"q", "unknown category"}});
  }
  p.filter.category = *p.category;
  return core::Unit{};
}

Result<TicketList> Tickets::list(const core::Actor& actor, const TicketListQuery& query) {
  auto prepared = prepare_filter(actor, query);
  if (!prepared) return prepared.take_error();
  return in_read<TicketList>(ctx_.db, [&](store::Tx& tx) -> Result<TicketList> {
    PreparedFilter p = *prepared;
    TicketList out;
    if (auto r = resolve_category(tx, p); !r) return r.take_error();
    if (!resolve_names(tx, actor, p)) return out;
    const store::TicketFilter& f = p.filter;
    auto page = tx.tickets().list_tickets(f);
    for (auto& t : page.items) t = core::as_seen_by(actor, std::move(t));
    if (page.has_more && !page.items.empty()) {
      if (f.text.empty() && f.order == store::TicketOrder::updated && !f.ascending) {
        const auto& last = page.items.back();
        out.next_cursor = "k" + std::to_string(last.updated_at) + "." + std::to_string(last.number);
      } else {
        out.next_cursor =
            "o" + std::to_string(f.offset + static_cast<std::int64_t>(page.items.size()));
      }
    }
    out.items = std::move(page.items);
    return out;
  });
}

Result<TicketCount> Tickets::count(const core::Actor& actor, const TicketListQuery& query) {
  auto prepared = prepare_filter(actor, query);
  if (!prepared) return prepared.take_error();
  return in_read<TicketCount>(ctx_.db, [&](store::Tx& tx) -> Result<TicketCount> {
    PreparedFilter p = *prepared;
    TicketCount out;
    if (auto r = resolve_category(tx, p); !r) return r.take_error();
    if (!resolve_names(tx, actor, p)) return out;
    out.count = tx.tickets().count_tickets(p.filter, kCountCap + 1);
    out.capped = out.count > kCountCap;
    if (out.capped) out.count = kCountCap;
    return out;
  });
}

// ---------------------------------------------------------------- one ticket, shared with
// tickets.cpp

Error not_found(Id number) {
  return make_error(Errc::not_found, "ticket #" + std::to_string(number) + " not found");
}

// Loads a ticket the actor may see, or not_found.
Result<core::Ticket> load_visible(store::Tx& tx, const core::Actor& actor, Id number) {
  auto t = tx.tickets().ticket_by_number(number);
  if (!t || !core::can_view_ticket(actor, *t)) return not_found(number);
  return std::move(*t);
}

Result<core::Ticket> load_seen_with_fields(store::Tx& tx, const core::Actor& actor, Id number,
                                           store::TicketRepository::TicketParts* parts) {
  auto found = tx.tickets().ticket_with_parts(number);
  if (!found || !core::can_view_ticket(actor, found->first)) return not_found(number);
  auto& [t, has] = *found;
  t.fields = has.fields ? tx.intake().ticket_fields(number) : std::vector<core::TicketField>();
  if (parts) *parts = has;
  return core::as_seen_by(actor, std::move(t));
}

Result<core::Unit> require(const core::Actor& actor, core::TicketAction action,
                           const core::Ticket& t, std::string_view what) {
  if (core::can(actor, action, t)) return core::Unit{};
  return make_error(Errc::forbidden, "you may not " + std::string(what) + " on this ticket");
}

// ---------------------------------------------------------------- one ticket, read

Result<core::Ticket> Tickets::get(const core::Actor& actor, Id number) {
  return in_read<core::Ticket>(
      ctx_.db, [&](store::Tx& tx) { return load_seen_with_fields(tx, actor, number); });
}

Result<std::vector<core::Message>> Tickets::messages(const core::Actor& actor, Id number) {
  return in_read<std::vector<core::Message>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<core::Message>> {
        auto t = load_visible(tx, actor, number);
        if (!t) return t.take_error();
        auto messages = tx.messages().list_messages(
            number, core::can(actor, core::TicketAction::view_internal, *t));
        std::erase_if(messages, [&](const core::Message& m) {
          return !core::can_see_message(actor, m.kind);
        });
        // Whether the mail server vouched for a sender is the support team's concern.
        if (!actor.is_staff()) {
          for (auto& m : messages) m.unverified_sender = false;
        }
        return messages;
      });
}

Result<std::vector<core::Event>> Tickets::events(const core::Actor& actor, Id number, Id after_id,
                                                 int limit) {
  return in_read<std::vector<core::Event>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<core::Event>> {
        auto t = load_visible(tx, actor, number);
        if (!t) return t.take_error();
        auto events = tx.events().ticket_events(
            number, core::can(actor, core::TicketAction::view_internal, *t), after_id,
            std::clamp(limit, 1, 1000));
        // The store already filtered; the policy has the last word on every row.
        std::erase_if(events, [&](const core::Event& e) { return !core::can_see_event(actor, e); });
        return events;
      });
}

Result<AttachmentContent> Tickets::attachment(const core::Actor& actor, Id attachment_id) {
  auto meta = in_read<core::Attachment>(ctx_.db, [&](store::Tx& tx) -> Result<core::Attachment> {
    auto a = tx.messages().attachment_by_id(attachment_id);
    Error missing = make_error(Errc::not_found, "attachment not found");
    if (!a) return missing;
    auto t = load_visible(tx, actor, a->ticket_number);
    if (!t) return missing;
    if (a->message_id && !core::can(actor, core::TicketAction::view_internal, *t)) {
      auto visible = tx.messages().list_messages(a->ticket_number, false);
      bool found = std::any_of(visible.begin(), visible.end(),
                               [&](const core::Message& m) { return m.id == *a->message_id; });
      if (!found) return missing;
    }
    return std::move(*a);
  });
  if (!meta) return meta.take_error();
  auto bytes = ctx_.blobs.get(meta->sha256);
  if (!bytes) return make_error(Errc::internal, "attachment file is missing from the data folder");
  return AttachmentContent{std::move(*meta), std::move(*bytes)};
}

Result<std::vector<Id>> Tickets::links(const core::Actor& actor, Id number) {
  return in_read<std::vector<Id>>(ctx_.db, [&](store::Tx& tx) -> Result<std::vector<Id>> {
    auto t = load_visible(tx, actor, number);
    if (!t) return t.take_error();
    if (auto r = require(actor, core::TicketAction::link, *t, "see links"); !r)
      return r.take_error();
    return tx.tickets().linked_tickets(number);
  });
}

}  // namespace frontline::app
