// PostgreSQL MessageRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

Id PgMessages::insert_message(const core::Message& message) { throw not_yet("insert_message"); }

Id PgMessages::insert_message_unindexed(const core::Message& message) {
  throw not_yet("insert_message_unindexed");
}

std::vector<core::Message> PgMessages::list_messages(Id ticket_number, bool include_internal) {
  throw not_yet("list_messages");
}

std::optional<Id> PgMessages::ticket_by_email_message_id(std::string_view message_id) {
  throw not_yet("ticket_by_email_message_id");
}

std::optional<core::Message> PgMessages::message_by_id(Id id) { throw not_yet("message_by_id"); }

std::vector<std::string> PgMessages::ticket_email_message_ids(Id ticket_number) {
  throw not_yet("ticket_email_message_ids");
}

void PgMessages::move_messages(Id from_ticket, Id to_ticket) { throw not_yet("move_messages"); }

Id PgMessages::insert_attachment(const core::Attachment& attachment) {
  throw not_yet("insert_attachment");
}

std::optional<core::Attachment> PgMessages::attachment_by_id(Id id) {
  throw not_yet("attachment_by_id");
}

}  // namespace frontline::store::postgres
