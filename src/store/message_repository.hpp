// Messages on tickets (replies, notes, system lines) and their attachments' records (the bytes
// live in a BlobStore).
//
// Promises: list_messages is oldest first (by id); internal notes are returned only when
// include_internal is set; insert_message feeds the ticket's search document, public text and
// internal text kept apart (see TicketRepository); move_messages keeps ids and order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;

class MessageRepository {
 public:
  virtual ~MessageRepository() = default;

  virtual Id insert_message(const core::Message& message) = 0;  // also feeds the search index
  // For a message whose text the caller already put into insert_ticket's search texts.
  virtual Id insert_message_unindexed(const core::Message& message) = 0;
  virtual std::vector<core::Message> list_messages(Id ticket_number, bool include_internal) = 0;
  // The ticket of the message (received, or sent by us) with this email Message-ID (no <>).
  virtual std::optional<Id> ticket_by_email_message_id(std::string_view message_id) = 0;
  virtual std::optional<core::Message> message_by_id(Id id) = 0;
  // Every email Message-ID on the ticket, received and sent, oldest first (for References).
  virtual std::vector<std::string> ticket_email_message_ids(Id ticket_number) = 0;
  virtual void move_messages(Id from_ticket, Id to_ticket) = 0;  // merge
  virtual Id insert_attachment(const core::Attachment& attachment) = 0;
  virtual std::optional<core::Attachment> attachment_by_id(Id id) = 0;
};

}  // namespace frontline::store
