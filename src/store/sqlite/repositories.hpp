// The SQLite adapter's repositories, one class per store interface, each over the connection
// of the SqliteTx that hands it out (same threading). Implemented one file per repository.
#pragma once

#include "store/sqlite/connection.hpp"
#include "store/tx.hpp"

namespace frontline::store::sqlite {

class SqliteTickets final : public TicketRepository {
 public:
  explicit SqliteTickets(Connection& conn) : db_(conn) {}

  void insert_ticket(core::Ticket& ticket, std::string_view public_text,
                     std::string_view internal_text) override;
  std::optional<core::Ticket> ticket_by_number(Id number) override;
  std::optional<std::pair<core::Ticket, TicketParts>> ticket_with_parts(Id number) override;
  bool update_ticket(const core::Ticket& ticket) override;
  TicketPage list_tickets(const TicketFilter& filter) override;
  std::int64_t count_tickets(const TicketFilter& filter, std::int64_t cap) override;
  std::vector<Id> tickets_resolved_before(UnixTime before, int limit) override;
  void link_tickets(Id a, Id b) override;
  std::vector<Id> linked_tickets(Id number) override;
  void add_ticket_cc(Id ticket_number, std::string_view email) override;
  std::vector<std::string> ticket_ccs(Id ticket_number) override;
  std::optional<Id> idempotent_ticket(Id user_id, std::string_view key) override;
  void remember_idempotent_ticket(Id user_id, std::string_view key, Id number,
                                  UnixTime now) override;

 private:
  Connection& db_;
};

class SqliteMessages final : public MessageRepository {
 public:
  explicit SqliteMessages(Connection& conn) : db_(conn) {}

  Id insert_message(const core::Message& message) override;
  Id insert_message_unindexed(const core::Message& message) override;
  std::vector<core::Message> list_messages(Id ticket_number, bool include_internal) override;
  std::optional<Id> ticket_by_email_message_id(std::string_view message_id) override;
  std::optional<core::Message> message_by_id(Id id) override;
  std::vector<std::string> ticket_email_message_ids(Id ticket_number) override;
  void move_messages(Id from_ticket, Id to_ticket) override;
  Id insert_attachment(const core::Attachment& attachment) override;
  std::optional<core::Attachment> attachment_by_id(Id id) override;

 private:
  Connection& db_;
};

class SqliteEvents final : public EventRepository {
 public:
  explicit SqliteEvents(Connection& conn) : db_(conn) {}

  Id append_event(const core::Event& event) override;
  std::vector<core::Event> ticket_events(Id ticket_number, bool include_internal, Id after_id,
                                         int limit) override;
  std::vector<core::Event> events_after(Id after_id, int limit) override;
  Id last_event_id() override;
  Id consumer_cursor(std::string_view consumer) override;
  void set_consumer_cursor(std::string_view consumer, Id last_event_id) override;

 private:
  Connection& db_;
};

class SqliteAccounts final : public AccountRepository {
 public:
  explicit SqliteAccounts(Connection& conn) : db_(conn) {}

  std::optional<core::User> user_by_id(Id id) override;
  std::optional<core::User> user_by_email(std::string_view email) override;
  std::vector<core::User> list_users(std::optional<core::Role> role, std::string_view contains,
                                     int limit, Id after_id) override;
  Id insert_user(const core::User& user, std::string_view password_hash) override;
  void update_user(const core::User& user) override;
  std::optional<std::string> password_hash(Id user_id) override;
  void set_password_hash(Id user_id, std::string_view hash) override;
  std::optional<core::Actor> actor_by_user_id(Id user_id) override;
  std::vector<core::User> list_staff() override;
  Id insert_api_token(Id user_id, std::string_view token_hash, std::string_view name,
                      UnixTime now) override;
  std::optional<core::Actor> actor_by_token_hash(std::string_view token_hash) override;
  std::vector<ApiTokenRecord> list_api_tokens(std::optional<Id> user_id) override;
  bool delete_api_token(Id token_id) override;
  void record_api_token_use(const std::vector<std::pair<std::string, UnixTime>>& uses) override;
  void replace_invitation(Id user_id, std::string_view token_hash, Id created_by, UnixTime now,
                          UnixTime expires_at) override;
  std::optional<InvitationRecord> invitation_by_hash(std::string_view token_hash) override;
  bool use_invitation(std::string_view token_hash, UnixTime now) override;
  void insert_session(std::string_view session_hash, Id user_id, std::string_view csrf_token,
                      UnixTime expires_at) override;
  std::optional<SessionRecord> session_by_hash(std::string_view session_hash) override;
  void delete_session(std::string_view session_hash) override;
  void delete_sessions_of(Id user_id) override;

 private:
  Connection& db_;
};

class SqliteOrganizations final : public OrganizationRepository {
 public:
  explicit SqliteOrganizations(Connection& conn) : db_(conn) {}

  std::optional<core::Organization> organization_by_id(Id id) override;
  std::optional<core::Organization> organization_by_name(std::string_view name) override;
  std::vector<core::Organization> list_organizations() override;
  Id insert_organization(const core::Organization& org) override;
  void update_organization(const core::Organization& org) override;
  std::optional<core::Team> team_by_id(Id id) override;
  std::optional<core::Team> team_by_name(std::string_view name) override;
  std::vector<core::Team> list_teams() override;
  Id insert_team(const core::Team& team) override;
  void set_team_members(Id team_id, const std::vector<Id>& user_ids) override;
  std::vector<core::Board> list_boards() override;
  std::optional<core::Board> board_by_id(Id id) override;
  std::optional<core::Board> board_by_name(std::string_view name) override;
  Id insert_board(const core::Board& board, UnixTime now) override;
  void update_board(const core::Board& board) override;
  bool delete_board(Id id) override;

 private:
  Connection& db_;
};

class SqliteMail final : public MailRepository {
 public:
  explicit SqliteMail(Connection& conn) : db_(conn) {}

  std::optional<MailTemplateRecord> mail_template(std::string_view kind) override;
  void set_mail_template(std::string_view kind, const MailTemplateRecord& text,
                         UnixTime now) override;
  bool delete_mail_template(std::string_view kind) override;
  bool insert_outbound_mail(const core::OutboundMail& mail) override;
  std::vector<core::OutboundMail> due_outbound_mail(UnixTime now, int limit) override;
  std::optional<core::OutboundMail> outbound_mail_by_id(Id id) override;
  void update_outbound_mail(const core::OutboundMail& mail, UnixTime now) override;
  std::vector<std::string> mail_recipients(Id event_id, std::string_view kind) override;
  std::vector<std::int64_t> imap_pending(std::string_view mailbox) override;
  void add_imap_pending(std::string_view mailbox, std::int64_t uid) override;
  void remove_imap_pending(std::string_view mailbox, std::int64_t uid) override;

 private:
  Connection& db_;
};

class SqliteCredits final : public CreditRepository {
 public:
  explicit SqliteCredits(Connection& conn) : db_(conn) {}

  std::optional<CreditRecord> ticket_credit(Id ticket_number) override;
  void add_credit(const CreditRecord& credit) override;
  void remove_credit(const CreditRecord& credit) override;
  std::vector<AgentClosed> closed_by_agent(std::int32_t from, std::int32_t to) override;
  std::vector<DayClosed> closed_per_day(Id agent_id, std::int32_t from, std::int32_t to) override;
  std::vector<ClosedGroup> closed_grouped(std::int32_t from, std::int32_t to,
                                          ClosedGrouping by) override;
  std::vector<std::pair<Id, std::int32_t>> away_days(std::int32_t from, std::int32_t to) override;
  void set_away_day(Id user_id, std::int32_t day, bool away) override;
  std::vector<std::int32_t> away_days_of(Id user_id) override;

 private:
  Connection& db_;
};

class SqliteCategories final : public CategoryRepository {
 public:
  explicit SqliteCategories(Connection& conn) : db_(conn) {}

  std::vector<core::Category> list_categories() override;
  std::optional<core::Category> category_by_name(std::string_view name) override;
  Id insert_category(std::string_view name) override;
  bool delete_category(Id id) override;

 private:
  Connection& db_;
};

class SqliteSavedFilters final : public SavedFilterRepository {
 public:
  explicit SqliteSavedFilters(Connection& conn) : db_(conn) {}

  std::vector<core::SavedFilter> list_saved_filters(Id user_id) override;
  Id insert_saved_filter(const core::SavedFilter& filter) override;
  bool delete_saved_filter(Id user_id, Id filter_id) override;

 private:
  Connection& db_;
};

class SqliteNotifications final : public NotificationRepository {
 public:
  explicit SqliteNotifications(Connection& conn) : db_(conn) {}

  Id insert_notification(const core::Notification& notification) override;
  std::vector<core::Notification> list_notifications(Id user_id, bool unread_only,
                                                     std::optional<Id> before, int limit) override;
  std::int64_t count_unread_notifications(Id user_id) override;
  void mark_notifications_read(Id user_id, const std::vector<Id>& ids, UnixTime now) override;
  void mark_all_notifications_read(Id user_id, UnixTime now) override;

 private:
  Connection& db_;
};

class SqliteLoginThrottle final : public LoginThrottleRepository {
 public:
  explicit SqliteLoginThrottle(Connection& conn) : db_(conn) {}

  std::optional<ThrottleCount> throttle_count(std::string_view key) override;
  void put_throttle_count(std::string_view key, const ThrottleCount& count) override;
  void delete_throttle_count(std::string_view key) override;
  std::int64_t prune_throttle_counts(core::UnixTime before) override;

 private:
  Connection& db_;
};

class SqliteServices final : public ServiceRepository {
 public:
  explicit SqliteServices(Connection& conn) : db_(conn) {}

  Id insert_service(const core::Service& service) override;
  bool update_service(const core::Service& service) override;
  std::optional<core::Service> service_by_id(Id id) override;
  std::optional<core::Service> service_by_name(std::string_view name) override;
  std::vector<core::Service> find_services(const ServiceFilter& filter) override;
  Id insert_revision(const core::ServiceRevision& revision) override;
  std::vector<core::ServiceRevision> list_revisions(Id service_id) override;
  std::optional<core::ServiceRevision> revision_by_id(Id service_id, Id revision_id) override;
  std::vector<std::pair<Id, std::int64_t>> open_tickets_per_service() override;

 private:
  Connection& db_;
};

class SqliteEscalations final : public EscalationRepository {
 public:
  explicit SqliteEscalations(Connection& conn) : db_(conn) {}

  Id insert_escalation(const core::Escalation& escalation) override;
  std::optional<core::Escalation> current_escalation(Id ticket_number) override;
  std::vector<core::Escalation> ticket_escalations(Id ticket_number) override;
  bool end_escalation(Id id, std::optional<Id> by, UnixTime at) override;
  std::optional<Id> service_of_contact(Id contact_id) override;

 private:
  Connection& db_;
};

class SqlitePromises final : public PromiseRepository {
 public:
  explicit SqlitePromises(Connection& conn) : db_(conn) {}

  Id insert_promise(const core::Promise& promise) override;
  std::optional<core::Promise> promise_by_id(Id id) override;
  std::vector<core::Promise> ticket_promises(Id ticket_number) override;
  std::vector<core::Promise> open_promises(const PromiseFilter& filter) override;
  std::vector<core::Promise> promises_to_remind(UnixTime now, int limit) override;
  std::vector<core::Promise> promises_to_break(UnixTime now, int limit) override;
  std::vector<core::Promise> promises_due_between(UnixTime from, UnixTime to) override;
  bool mark_promise_reminded(Id id, UnixTime at) override;
  bool mark_promise_broken(Id id, UnixTime at) override;
  bool mark_promise_kept(Id id, Id by, UnixTime at) override;

 private:
  Connection& db_;
};

class SqliteReplacements final : public ReplacementRepository {
 public:
  explicit SqliteReplacements(Connection& conn) : db_(conn) {}

  Id insert_replacement(const core::Replacement& replacement) override;
  std::optional<core::Replacement> replacement_by_id(Id id) override;
  std::vector<core::Replacement> ticket_replacements(Id ticket_number) override;
  std::vector<core::Replacement> list_replacements(const ReplacementFilter& filter) override;
  bool update_replacement(const core::Replacement& replacement) override;

 private:
  Connection& db_;
};

class SqliteMacros final : public MacroRepository {
 public:
  explicit SqliteMacros(Connection& conn) : db_(conn) {}

  std::vector<core::Macro> list_macros(core::Id owner_id) override;
  std::optional<core::Macro> macro_by_id(core::Id id) override;
  core::Id insert_macro(const core::Macro& macro) override;
  bool update_macro(const core::Macro& macro) override;
  bool delete_macro(core::Id id) override;

 private:
  Connection& db_;
};

class SqliteChats final : public ChatRepository {
 public:
  explicit SqliteChats(Connection& conn) : db_(conn) {}

  core::Id insert_chat(const core::Chat& chat) override;
  std::optional<core::Chat> chat_by_id(core::Id id) override;
  std::optional<core::Chat> chat_by_ticket(core::Id ticket_number) override;
  bool update_chat(const core::Chat& chat) override;
  std::vector<core::Chat> list_chats(core::ChatStatus status, std::optional<core::Id> requester_id,
                                     int limit) override;
  std::int64_t waiting_ahead(const core::Chat& chat) override;
  std::int64_t active_chats_of(core::Id agent_id) override;
  std::vector<core::Chat> waiting_offered_before(core::UnixTime before, int limit) override;
  std::int64_t append_entry(const core::ChatEntry& entry) override;
  std::optional<core::ChatEntry> entry_by_client_id(core::Id chat_id,
                                                    std::optional<core::Id> author_id,
                                                    std::string_view client_id) override;
  std::optional<core::ChatEntry> entry_by_seq(core::Id chat_id, std::int64_t seq) override;
  std::vector<core::ChatEntry> entries_after(core::Id chat_id, std::int64_t after,
                                             int limit) override;
  std::vector<core::ChatForm> list_forms() override;
  std::optional<core::ChatForm> form_by_id(core::Id id) override;
  core::Id insert_form(const core::ChatForm& form) override;
  bool update_form(const core::ChatForm& form) override;
  bool delete_form(core::Id id) override;

 private:
  Connection& db_;
};

class SqliteIntake final : public IntakeRepository {
 public:
  explicit SqliteIntake(Connection& conn) : db_(conn) {}

  Id insert_question(const core::IntakeQuestion& question) override;
  bool update_question(const core::IntakeQuestion& question) override;
  bool delete_question(Id id) override;
  std::optional<core::IntakeQuestion> question_by_id(Id id) override;
  std::vector<core::IntakeQuestion> list_questions() override;
  std::vector<core::IntakeQuestion> form_questions(std::string_view category,
                                                   std::optional<Id> service_id,
                                                   bool include_inactive) override;
  void set_fields(Id ticket_number, const std::vector<core::TicketField>& fields) override;
  std::vector<core::TicketField> ticket_fields(Id ticket_number) override;
  std::vector<core::IntakeAnswerCount> answer_counts(std::string_view key, core::UnixTime from,
                                                     core::UnixTime to, int limit) override;

 private:
  Connection& db_;
};

}  // namespace frontline::store::sqlite
