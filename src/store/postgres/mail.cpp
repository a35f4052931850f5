// PostgreSQL MailRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

std::optional<MailTemplateRecord> PgMail::mail_template(std::string_view kind) {
  throw not_yet("mail_template");
}

void PgMail::set_mail_template(std::string_view kind, const MailTemplateRecord& text,
                               UnixTime now) {
  throw not_yet("set_mail_template");
}

bool PgMail::delete_mail_template(std::string_view kind) { throw not_yet("delete_mail_template"); }

bool PgMail::insert_outbound_mail(const core::OutboundMail& mail) {
  throw not_yet("insert_outbound_mail");
}

std::vector<core::OutboundMail> PgMail::due_outbound_mail(UnixTime now, int limit) {
  throw not_yet("due_outbound_mail");
}

std::optional<core::OutboundMail> PgMail::outbound_mail_by_id(Id id) {
  throw not_yet("outbound_mail_by_id");
}

void PgMail::update_outbound_mail(const core::OutboundMail& mail, UnixTime now) {
  throw not_yet("update_outbound_mail");
}

std::vector<std::string> PgMail::mail_recipients(Id event_id, std::string_view kind) {
  throw not_yet("mail_recipients");
}

std::vector<std::int64_t> PgMail::imap_pending(std::string_view mailbox) {
  throw not_yet("imap_pending");
}

void PgMail::add_imap_pending(std::string_view mailbox, std::int64_t uid) {
  throw not_yet("add_imap_pending");
}

void PgMail::remove_imap_pending(std::string_view mailbox, std::int64_t uid) {
  throw not_yet("remove_imap_pending");
}

}  // namespace frontline::store::postgres
