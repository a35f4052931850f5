// PostgreSQL ChatRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

core::Id PgChats::insert_chat(const core::Chat& chat) { throw not_yet("insert_chat"); }

std::optional<core::Chat> PgChats::chat_by_id(core::Id id) { throw not_yet("chat_by_id"); }

std::optional<core::Chat> PgChats::chat_by_ticket(core::Id ticket_number) {
  throw not_yet("chat_by_ticket");
}

bool PgChats::update_chat(const core::Chat& chat) { throw not_yet("update_chat"); }

std::vector<core::Chat> PgChats::list_chats(core::ChatStatus status,
                                            std::optional<core::Id> requester_id, int limit) {
  throw not_yet("list_chats");
}

std::int64_t PgChats::waiting_ahead(const core::Chat& chat) { throw not_yet("waiting_ahead"); }

std::int64_t PgChats::active_chats_of(core::Id agent_id) { throw not_yet("active_chats_of"); }

std::vector<core::Chat> PgChats::waiting_offered_before(core::UnixTime before, int limit) {
  throw not_yet("waiting_offered_before");
}

std::int64_t PgChats::append_entry(const core::ChatEntry& entry) { throw not_yet("append_entry"); }

std::optional<core::ChatEntry> PgChats::entry_by_client_id(core::Id chat_id,
                                                           std::optional<core::Id> author_id,
                                                           std::string_view client_id) {
  throw not_yet("entry_by_client_id");
}

std::optional<core::ChatEntry> PgChats::entry_by_seq(core::Id chat_id, std::int64_t seq) {
  throw not_yet("entry_by_seq");
}

std::vector<core::ChatEntry> PgChats::entries_after(core::Id chat_id, std::int64_t after,
                                                    int limit) {
  throw not_yet("entries_after");
}

std::vector<core::ChatForm> PgChats::list_forms() { throw not_yet("list_forms"); }

std::optional<core::ChatForm> PgChats::form_by_id(core::Id id) { throw not_yet("form_by_id"); }

core::Id PgChats::insert_form(const core::ChatForm& form) { throw not_yet("insert_form"); }

bool PgChats::update_form(const core::ChatForm& form) { throw not_yet("update_form"); }

bool PgChats::delete_form(core::Id id) { throw not_yet("delete_form"); }

}  // namespace frontline::store::postgres
