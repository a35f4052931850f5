// Messages on tickets (replies, notes, system lines) and their attachments' records (the bytes
// live in a BlobStore).
//
// Promises: list_messages is oldest first (by id), each message with its attachments; internal
// notes are returned only when include_internal is set; insert_message feeds the ticket's search
// document, public text and internal text kept apart (see TicketRepository); move_messages keeps
// ids and order.
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
  // For a message whose text the caller already put into insert_ticket's search texts: its
  // body is not added to the search document again.
  virtual Id insert_message_unindexed(const core::Message& message) = 0;
  virtual std::vector<core::Message> list_messages(Id ticket_number, bool include_internal) = 0;
  // The ticket of the message (received, or sent by us) with this email Message-ID (no <>);
  // nullopt when no message or queued mail has it.
  virtual std::optional<Id> ticket_by_email_message_id(std::string_view message_id) = 0;
  virtual std::optional<core::Message> message_by_id(Id id) = 0;  // nullopt when not found
  // Every email Message-ID on the ticket, received and sent, oldest first by time, a received
  // one before a sent one of the same second (for References).
  virtual std::vector<std::string> ticket_email_message_ids(Id ticket_number) = 0;
  // Merge: messages and attachments move to to_ticket, and from_ticket's words (subject and
  // public text, internal text) join to_ticket's search document, internal words still
  // internal.
  virtual void move_messages(Id from_ticket, Id to_ticket) = 0;
  virtual Id insert_attachment(const core::Attachment& attachment) = 0;
  virtual std::optional<core::Attachment> attachment_by_id(Id id) = 0;  // nullopt when not found
};

}  // namespace frontline::store
