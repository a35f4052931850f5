// The ticket use cases: open, read, list and search, update, reply and note, attachments,
// merge and link, history. Each call authorizes with core policy, applies core lifecycle rules
// and writes the change and its events in one transaction. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/intake.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

// Limits of what a ticket holds; channels fit what they hand in to them.
inline constexpr std::size_t kMaxSubjectBytes = 250;
inline constexpr std::size_t kMaxBodyBytes = 512 * 1024;

struct NewAttachment {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

struct OpenTicket {
  std::string subject;
  std::string body;
  std::optional<std::string> requester_email;  // staff open on behalf of a requester
  std::optional<std::string> requester_name;   // for a requester not yet known
  std::optional<core::Channel> channel;
  std::optional<core::Priority> priority;
  std::string category;
  std::vector<std::string> tags;
  std::optional<core::Id> service_id;  // staff: the directory's service it is about
  std::vector<NewAttachment> attachments;
  std::string idempotency_key;
  std::string email_message_id;  // the first message's, when it came by email
  // Staff only: a channel hands in the requester's own words (email), so the requester is the
  // author of the first message and the actor of its events, not the account handing it in.
  bool written_by_requester = false;
  bool unverified_sender = false;  // marks the first message (see core::Message)
  std::string html;                // the first message's sanitised HTML (see core::Message)
  // A phone call taken by staff: the technician's own notes (always an internal note, never
  // shown to the requester) and how long the call took. Either one records a call.logged event
  // (who took it, when, minutes) on the ticket; the body stays the caller's problem, public.
  std::string call_notes;
  std::optional<std::int64_t> call_minutes;
  // Answers to the intake form of the ticket's category and service (core/intake.hpp), by
  // question id; required questions must be answered.
  std::vector<core::SubmittedAnswer> answers;
};

inline constexpr std::int64_t kMaxCallMinutes = 24 * 60;

// A phone call added to a ticket that already exists ("she quoted #1").
struct LoggedCall {
  std::string notes;  // the technician's, internal
  std::optional<std::int64_t> minutes;
  // Answers to the ticket's intake form taken on this call: each replaces the ticket's answer to
  // that question (required questions are not enforced on a ticket that already exists).
  std::vector<core::SubmittedAnswer> answers;
};

// How a message is added beyond its text (used by channels such as email).
struct MessageOptions {
  std::string email_message_id;
  bool keep_status = false;         // an automatic reply (out of office) must not reopen the ticket
  bool unverified_sender = false;   // see core::Message
  std::optional<core::Id> chat_id;  // said in this live chat (recorded on message.added)
  std::string html;                 // the sender's sanitised HTML (see core::Message)
};

// Fields to change; absent fields stay as they are. assignee_id / team_id: an inner nullopt
// clears the field.
struct TicketChanges {
  std::optional<core::Status> status;
  std::optional<core::Priority> priority;
  std::optional<std::optional<core::Id>> assignee_id;
  std::optional<std::optional<core::Id>> team_id;
  std::optional<std::string> category;
  std::optional<std::optional<core::Id>> service_id;  // the directory's service; null clears
  std::optional<std::vector<std::string>> tags;       // the whole set
  // Relative to the stored tags (applied after `tags`): bulk actions and macros add or remove
  // without knowing, or overwriting, what else the ticket carries.
  std::vector<std::string> add_tags;
  std::vector<std::string> remove_tags;
};

struct TicketListQuery {
  std::string q;  // the search language
  std::vector<std::string> statuses;
  std::vector<std::string> priorities;
  std::optional<std::string> assignee;      // "me", "none", an id or an email
  std::optional<std::string> team;          // id or name
  std::optional<std::string> service;       // id or name (tickets about a service directory entry)
  std::optional<std::string> requester;     // id or email
  std::optional<std::string> organization;  // id or name
  std::vector<std::string> tags;
  std::optional<core::UnixTime> updated_since;
  std::string cursor;
  int limit = 50;
  std::string sort;  // updated (default), created, priority, number; ignored when ranked
  bool ascending = false;
};

struct TicketList {
  std::vector<core::Ticket> items;
  std::string next_cursor;  // empty at the end
};

// Counts stop at kCountCap ("10000+"): a queue badge needs no exact figure beyond that, and
// counting a million matches would cost what the list itself does not.
inline constexpr std::int64_t kCountCap = 10000;
struct TicketCount {
  std::int64_t count = 0;
  bool capped = false;
};

struct AttachmentContent {
  core::Attachment meta;
  std::string bytes;
};

class Tickets {
 public:
  explicit Tickets(Context& ctx) : ctx_(ctx) {}

  // Opens a ticket. A customer opens for themself; staff may name a requester (created as an
  // unverified customer when unknown). With an idempotency key, a retry returns the first ticket.
  core::Result<core::Ticket> open(const core::Actor& actor, OpenTicket input);

  // not_found also when the caller may not see the ticket.
  core::Result<core::Ticket> get(const core::Actor& actor, core::Id number);
  core::Result<TicketList> list(const core::Actor& actor, const TicketListQuery& query);
  // How many tickets the same query matches (cursor, sort and limit ignored).
  core::Result<TicketCount> count(const core::Actor& actor, const TicketListQuery& query);

  // stale when if_match is set and names none of the versions the actor sees (staff: version;
  // customers: public_version). An empty list matches nothing.
  core::Result<core::Ticket> update(const core::Actor& actor, core::Id number,
                                    const TicketChanges& changes,
                                    const std::optional<std::vector<std::int64_t>>& if_match);

  core::Result<core::Message> add_message(const core::Actor& actor, core::Id number,
                                          core::MessageKind kind, std::string body,
                                          std::vector<NewAttachment> attachments,
                                          const MessageOptions& options = {});
  core::Result<std::vector<core::Message>> messages(const core::Actor& actor, core::Id number);
  core::Result<std::vector<core::Event>> events(const core::Actor& actor, core::Id number,
                                                core::Id after_id, int limit);
  core::Result<AttachmentContent> attachment(const core::Actor& actor, core::Id attachment_id);

  // Staff record a call about an existing, not closed ticket: its notes as an internal note and
  // a call.logged event. forbidden for customers; conflict on a closed ticket.
  core::Result<core::Ticket> log_call(const core::Actor& actor, core::Id number, LoggedCall call);

  // The write steps of update() and add_message() inside a caller's write transaction, so one
  // use case (a macro) can change fields and add a message in one write unit with the same
  // rules and events. files are already stored blobs (see add_message).
  core::Result<core::Ticket> update_in(store::Tx& tx, const core::Actor& actor, core::Id number,
                                       const TicketChanges& changes,
                                       const std::optional<std::vector<std::int64_t>>& if_match,
                                       core::UnixTime now);
  // The write steps of open() (input already checked, files already stored blobs), so a
  // channel (a chat) can open the ticket that backs it in its own write unit.
  core::Result<core::Ticket> open_in(store::Tx& tx, const core::Actor& actor, const OpenTicket& in,
                                     const std::vector<std::string>& tags,
                                     const std::vector<core::Attachment>& files,
                                     core::UnixTime now);
  core::Result<core::Message> add_message_in(store::Tx& tx, const core::Actor& actor,
                                             core::Id number, core::MessageKind kind,
                                             const std::string& body,
                                             const std::vector<core::Attachment>& files,
                                             const MessageOptions& options, core::UnixTime now);

  // Stores the files' bytes as blobs (before a write unit: a unit may run again) after checking
  // the attachment limits; the records come back for add_message_in / open_in. Clears the bytes.
  core::Result<std::vector<core::Attachment>> store_blobs(std::vector<NewAttachment>& files);

  // Merges source into target: messages move, source is closed and points at target.
  core::Result<core::Ticket> merge(const core::Actor& actor, core::Id source, core::Id target);
  core::Result<std::vector<core::Id>> link(const core::Actor& actor, core::Id number,
                                           core::Id other);
  core::Result<std::vector<core::Id>> links(const core::Actor& actor, core::Id number);

 private:
  struct PreparedFilter;
  core::Result<PreparedFilter> prepare_filter(const core::Actor& actor,
                                              const TicketListQuery& query);
  static bool resolve_names(store::Tx& tx, const core::Actor& actor, PreparedFilter& p);
  static core::Result<core::Unit> resolve_category(store::Tx& tx, PreparedFilter& p);
  Context& ctx_;
};

}  // namespace frontline::app
