// The Store interface: a transaction object with typed repository calls. The app layer talks
// only to this; store/sqlite (and later store/postgres) implement it. A Tx is used by one
// thread at a time, for the duration of one Database::read or Database::write call.
// Failures of the database itself surface as StoreError (translated to Errc by the app layer).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "store/macro_repository.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

// The database failed (I/O error, full disk, corrupt file, busy past its timeout). A full disk
// is told apart: the caller can say so, and it passes once space is freed.
class StoreError : public std::runtime_error {
 public:
  enum class Kind { failed, disk_full };
  explicit StoreError(const std::string& what, Kind kind = Kind::failed)
      : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }
  bool disk_full() const { return kind_ == Kind::disk_full; }

 private:
  Kind kind_;
};

// A stored session: its owner and the CSRF token bound to it.
struct SessionRecord {
  core::Actor actor;
  std::string csrf_token;
  UnixTime expires_at = 0;
};

struct ApiTokenRecord {
  Id id = 0;
  Id user_id = 0;
  std::string name;
  UnixTime created_at = 0;
};

// Which tickets to list. Empty fields do not filter.
enum class TicketOrder { updated, created, priority, number };

struct TicketFilter {
  std::vector<core::Status> statuses;
  std::vector<core::Priority> priorities;
  std::optional<Id> assignee_id;
  bool unassigned = false;
  std::optional<Id> team_id;
  std::optional<Id> requester_id;
  std::optional<Id> organization_id;
  std::optional<std::string> category;  // a category's name (any case)
  std::vector<std::string> tags;        // all must be present
  std::optional<UnixTime> updated_since;
  std::optional<UnixTime> created_after;   // inclusive
  std::optional<UnixTime> created_before;  // exclusive
  // Customer visibility: requester is this user, or (when set) the ticket's organisation. A
  // customer's view also reads "updated" as public_updated_at: the updated order, its keyset
  // cursor and updated_since never move with internal work.
  std::optional<Id> visible_requester_id;
  std::optional<Id> visible_organization_id;
  // Full-text: an FTS5 MATCH expression; when set, results are ranked by relevance.
  std::string text_match;
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

struct MailTemplateRecord {
  std::string subject;
  std::string body;
  std::string html;  // empty: the mail is text only
};

// The credit a resolved ticket holds (migration 009): the technician, their local day, and what
// the reports group by as it was at the resolve (team 0: none).
struct CreditRecord {
  Id ticket_number = 0;
  Id agent_id = 0;
  std::int32_t day = 0;  // core::Day
  Id team_id = 0;
  std::string category;
  std::string channel;
};

struct AgentClosed {
  Id agent_id = 0;
  std::int64_t closed = 0;
};

struct DayClosed {
  std::int32_t day = 0;
  std::int64_t closed = 0;
};

// What a closed-tickets report groups by; keys are ids (agent, team), days or texts.
enum class ClosedGrouping { agent, team, day, category, channel };
struct ClosedGroup {
  std::string key;  // the id, day number or text, as text
  std::int64_t closed = 0;
};

struct TicketPage {
  std::vector<core::Ticket> items;
  bool has_more = false;
};

class Tx {
 public:
  virtual ~Tx() = default;

  // --- users, organisations, teams ---
  virtual std::optional<core::User> user_by_id(Id id) = 0;
  virtual std::optional<core::User> user_by_email(std::string_view email) = 0;  // case-insensitive
  // Users by id; `contains` (when not empty) matches a substring of the name or email.
  virtual std::vector<core::User> list_users(std::optional<core::Role> role,
                                             std::string_view contains, int limit, Id after_id) = 0;
  virtual Id insert_user(const core::User& user, std::string_view password_hash) = 0;
  virtual void update_user(const core::User& user) = 0;
  virtual std::optional<std::string> password_hash(Id user_id) = 0;
  virtual void set_password_hash(Id user_id, std::string_view hash) = 0;

  virtual std::optional<core::Organization> organization_by_id(Id id) = 0;
  virtual std::optional<core::Organization> organization_by_name(std::string_view name) = 0;
  virtual std::vector<core::Organization> list_organizations() = 0;
  virtual Id insert_organization(const core::Organization& org) = 0;
  virtual void update_organization(const core::Organization& org) = 0;

  virtual std::optional<core::Team> team_by_id(Id id) = 0;
  virtual std::optional<core::Team> team_by_name(std::string_view name) = 0;
  virtual std::vector<core::Team> list_teams() = 0;
  virtual Id insert_team(const core::Team& team) = 0;
  virtual void set_team_members(Id team_id, const std::vector<Id>& user_ids) = 0;

  // An Actor as the policy needs it (with the organisation's sharing flag), if the user exists.
  virtual std::optional<core::Actor> actor_by_user_id(Id user_id) = 0;

  // --- categories and saved filters ---
  virtual std::vector<core::Category> list_categories() = 0;
  virtual std::optional<core::Category> category_by_name(std::string_view name) = 0;
  virtual Id insert_category(std::string_view name) = 0;
  virtual bool delete_category(Id id) = 0;
  virtual std::vector<core::SavedFilter> list_saved_filters(Id user_id) = 0;
  virtual Id insert_saved_filter(const core::SavedFilter& filter) = 0;
  virtual bool delete_saved_filter(Id user_id, Id filter_id) = 0;  // only the owner's

  // --- credentials: only hashes are stored ---
  virtual Id insert_api_token(Id user_id, std::string_view token_hash, std::string_view name,
                              UnixTime now) = 0;
  virtual std::optional<core::Actor> actor_by_token_hash(std::string_view token_hash) = 0;
  virtual std::vector<ApiTokenRecord> list_api_tokens(std::optional<Id> user_id) = 0;
  virtual bool delete_api_token(Id token_id) = 0;
  virtual void insert_session(std::string_view session_hash, Id user_id,
                              std::string_view csrf_token, UnixTime expires_at) = 0;
  virtual std::optional<SessionRecord> session_by_hash(std::string_view session_hash) = 0;
  virtual void delete_session(std::string_view session_hash) = 0;
  virtual void delete_sessions_of(Id user_id) = 0;

  // --- tickets ---
  // Assigns ticket.number (the next sequential number) and stores tags. The texts start the
  // ticket's search document (public words, and words only staff may find).
  virtual void insert_ticket(core::Ticket& ticket, std::string_view public_text,
                             std::string_view internal_text) = 0;
  virtual std::optional<core::Ticket> ticket_by_number(Id number) = 0;
  // Writes every mutable field and tags; returns false when ticket.version - 1 is no longer
  // the stored version (someone else changed it first).
  virtual bool update_ticket(const core::Ticket& ticket) = 0;
  virtual TicketPage list_tickets(const TicketFilter& filter) = 0;
  // How many tickets match (sort, cursor and limit ignored), counting at most `cap`.
  virtual std::int64_t count_tickets(const TicketFilter& filter, std::int64_t cap) = 0;
  virtual std::vector<Id> tickets_resolved_before(UnixTime before, int limit) = 0;
  virtual void link_tickets(Id a, Id b) = 0;
  virtual std::vector<Id> linked_tickets(Id number) = 0;

  // --- messages and attachments ---
  virtual Id insert_message(const core::Message& message) = 0;  // also feeds the search index
  // For a message whose text the caller already put into insert_ticket's search texts.
  virtual Id insert_message_unindexed(const core::Message& message) = 0;
  virtual std::vector<core::Message> list_messages(Id ticket_number, bool include_internal) = 0;
  // The ticket of the message (received, or sent by us) with this email Message-ID (no <>).
  virtual std::optional<Id> ticket_by_email_message_id(std::string_view message_id) = 0;
  virtual std::optional<core::Message> message_by_id(Id id) = 0;
  // Every email Message-ID on the ticket, received and sent, oldest first (for References).
  virtual std::vector<std::string> ticket_email_message_ids(Id ticket_number) = 0;

  // --- people copied on a ticket by email ---
  virtual void add_ticket_cc(Id ticket_number, std::string_view email) = 0;  // once per address
  virtual std::vector<std::string> ticket_ccs(Id ticket_number) = 0;

  // --- IMAP intake in progress (see migration 006) ---
  virtual std::vector<std::int64_t> imap_pending(std::string_view mailbox) = 0;
  virtual void add_imap_pending(std::string_view mailbox, std::int64_t uid) = 0;
  virtual void remove_imap_pending(std::string_view mailbox, std::int64_t uid) = 0;

  // --- outgoing mail ---
  // An admin's wording for a mail kind, if set.
  virtual std::optional<MailTemplateRecord> mail_template(std::string_view kind) = 0;
  virtual void set_mail_template(std::string_view kind, const MailTemplateRecord& text,
                                 UnixTime now) = 0;
  virtual bool delete_mail_template(std::string_view kind) = 0;
  // false when the same (event, kind, recipient) was queued before.
  virtual bool insert_outbound_mail(const core::OutboundMail& mail) = 0;
  virtual std::vector<core::OutboundMail> due_outbound_mail(UnixTime now, int limit) = 0;
  virtual std::optional<core::OutboundMail> outbound_mail_by_id(Id id) = 0;
  // Writes status, attempts, next_attempt_at, last_error (and sent_at when sent).
  virtual void update_outbound_mail(const core::OutboundMail& mail, UnixTime now) = 0;
  virtual void move_messages(Id from_ticket, Id to_ticket) = 0;  // merge
  virtual Id insert_attachment(const core::Attachment& attachment) = 0;
  virtual std::optional<core::Attachment> attachment_by_id(Id id) = 0;

  // --- events: the audit history and the outbox ---
  virtual Id append_event(const core::Event& event) = 0;
  virtual std::vector<core::Event> ticket_events(Id ticket_number, bool include_internal,
                                                 Id after_id, int limit) = 0;
  virtual std::vector<core::Event> events_after(Id after_id, int limit) = 0;
  virtual Id last_event_id() = 0;  // 0 when there are none
  virtual Id consumer_cursor(std::string_view consumer) = 0;
  virtual void set_consumer_cursor(std::string_view consumer, Id last_event_id) = 0;

  // --- the leaderboard's rollups (migration 009), kept in the status change's transaction ---
  virtual std::optional<CreditRecord> ticket_credit(Id ticket_number) = 0;
  // Stores the ticket's credit and counts it in the rollups (the ticket must hold none).
  virtual void add_credit(const CreditRecord& credit) = 0;
  // Deletes the ticket's credit and takes it out of the rollups.
  virtual void remove_credit(const CreditRecord& credit) = 0;
  // Closes per technician over [from, to] (local days, inclusive); technicians with none omitted.
  virtual std::vector<AgentClosed> closed_by_agent(std::int32_t from, std::int32_t to) = 0;
  // One technician's closes per day over [from, to]; days with none omitted.
  virtual std::vector<DayClosed> closed_per_day(Id agent_id, std::int32_t from,
                                                std::int32_t to) = 0;
  // Closes over [from, to] grouped by one dimension, largest first.
  virtual std::vector<ClosedGroup> closed_grouped(std::int32_t from, std::int32_t to,
                                                  ClosedGrouping by) = 0;
  // Every agent and admin, by id (the people a board may rank).
  virtual std::vector<core::User> list_staff() = 0;
  // (user, day) away days in [from, to].
  virtual std::vector<std::pair<Id, std::int32_t>> away_days(std::int32_t from,
                                                             std::int32_t to) = 0;
  virtual void set_away_day(Id user_id, std::int32_t day, bool away) = 0;
  virtual std::vector<std::int32_t> away_days_of(Id user_id) = 0;
  virtual std::vector<core::Board> list_boards() = 0;
  virtual std::optional<core::Board> board_by_id(Id id) = 0;
  virtual std::optional<core::Board> board_by_name(std::string_view name) = 0;
  virtual Id insert_board(const core::Board& board, UnixTime now) = 0;
  virtual void update_board(const core::Board& board) = 0;  // name and members
  virtual bool delete_board(Id id) = 0;
  // Recipients already queued a mail of this kind for this event id (the morning report uses
  // the report's day as its event id, so a day's report is queued once).
  virtual std::vector<std::string> mail_recipients(Id event_id, std::string_view kind) = 0;

  // --- capabilities with a repository of their own ---
  virtual MacroRepository& macros() = 0;

  // --- maintenance ---
  // Compacts the search index and refreshes planner statistics (after bulk loads).
  virtual void optimize() = 0;

  // --- idempotent creates ---
  virtual std::optional<Id> idempotent_ticket(Id user_id, std::string_view key) = 0;
  virtual void remember_idempotent_ticket(Id user_id, std::string_view key, Id number,
                                          UnixTime now) = 0;
};

}  // namespace frontline::store
