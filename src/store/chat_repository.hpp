// The chats repository (migration 014): live chats, each backed by a ticket; their numbered
// logs; and the forms staff send into them. Handed out by a Tx and used for that Tx's lifetime
// only. Same threading as Tx.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/chat.hpp"

namespace frontline::store {

class ChatRepository {
 public:
  virtual ~ChatRepository() = default;

  // Stores a new chat (id and last_seq ignored: the log starts empty); returns its id.
  virtual core::Id insert_chat(const core::Chat& chat) = 0;
  // nullopt when there is no such chat. agent_name is the agent's current name.
  virtual std::optional<core::Chat> chat_by_id(core::Id id) = 0;
  // The newest chat backed by this ticket; nullopt when none.
  virtual std::optional<core::Chat> chat_by_ticket(core::Id ticket_number) = 0;
  // Writes status, agent, team, accepted/ended/offered times and the rating (not the intake,
  // requester, token or log); false when the chat is gone.
  virtual bool update_chat(const core::Chat& chat) = 0;
  // Chats in a status, oldest first, at most `limit`; requester_id set: only theirs.
  virtual std::vector<core::Chat> list_chats(core::ChatStatus status,
                                             std::optional<core::Id> requester_id,
                                             int limit) = 0;
  // Waiting chats started before this one (so 0 for the next to be answered).
  virtual std::int64_t waiting_ahead(const core::Chat& chat) = 0;
  // Active chats this agent holds.
  virtual std::int64_t active_chats_of(core::Id agent_id) = 0;
  // Waiting chats last offered at or before `before`, oldest first.
  virtual std::vector<core::Chat> waiting_offered_before(core::UnixTime before, int limit) = 0;

  // Appends to the chat's log with the next seq (1 for the first); returns that seq. The entry's
  // own seq is ignored. Throws StoreError not_found when the chat is gone.
  virtual std::int64_t append_entry(const core::ChatEntry& entry) = 0;
  // The entry an author already sent with this client_id; nullopt when none. author_id nullopt:
  // the chat's anonymous visitor.
  virtual std::optional<core::ChatEntry> entry_by_client_id(core::Id chat_id,
                                                            std::optional<core::Id> author_id,
                                                            std::string_view client_id) = 0;
  virtual std::optional<core::ChatEntry> entry_by_seq(core::Id chat_id, std::int64_t seq) = 0;
  // Entries with seq > after, in seq order, at most `limit`.
  virtual std::vector<core::ChatEntry> entries_after(core::Id chat_id, std::int64_t after,
                                                     int limit) = 0;

  // Forms, by title.
  virtual std::vector<core::ChatForm> list_forms() = 0;
  virtual std::optional<core::ChatForm> form_by_id(core::Id id) = 0;
  virtual core::Id insert_form(const core::ChatForm& form) = 0;
  // Replaces title and fields; false when the form is gone.
  virtual bool update_form(const core::ChatForm& form) = 0;
  virtual bool delete_form(core::Id id) = 0;
};

}  // namespace frontline::store
