// Outgoing mail. compose() is the email consumer of the event log: in one write unit it reads
// the events after its cursor, queues the notifications they call for and advances the cursor,
// so a crash neither loses nor repeats one. A dispatcher (jobs/) then takes due mail, hands it
// to the SMTP sender and reports back: sent, or failed with a retry after a growing delay.
// Delivery and failures are events on the ticket (staff-only), so they show in its history.
//
// What is sent: an acknowledgement with the ticket number to the requester of a new ticket;
// every public reply by staff to the requester; an assignment notice to the technician a ticket
// was given to (unless they took it themselves); a notice to the requester when their ticket is
// escalated, saying who was brought in but not the (internal) summary; a reminder to the owner
// of a promise due soon; a notice to the requester at each step of a hardware replacement (not
// for changes a customer made themselves, except the confirmation receipt; never the internal
// reason). Internal notes never leave.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

struct OutboundSettings {
  std::string from_address = "help@frontline.invalid";  // also gives our Message-ID domain
  std::string from_name = "Help Desk";
  int retry_base_seconds = 60;            // first retry; doubles each time
  int retry_max_seconds = 600;            // … up to this, so an hour's outage costs ≤10 min
  int give_up_after_seconds = 3 * 86400;  // then the mail is marked failed for good
  std::string public_url = "http://127.0.0.1:8080";  // where people open the help desk (links)
};

// A Message-ID naming our ticket (0: none) and event, unique by a random part, in the domain of
// the From address.
std::string new_message_id(core::Id ticket, core::Id event, const OutboundSettings& settings);

class MailOutbox {
 public:
  MailOutbox(Context& ctx, OutboundSettings settings) : ctx_(ctx), settings_(std::move(settings)) {}

  const OutboundSettings& settings() const { return settings_; }
  // The first time mail is switched on, start at the present: the past gets no notifications.
  core::Done start_at_head_if_new();
  // Queues the mail for up to `limit` new events; returns how many events it consumed.
  core::Result<int> compose(int limit);
  // Up to `limit` due mails, claimed for sending: in the same write unit each one's next
  // attempt moves kClaimSeconds ahead, so another dispatcher (another instance on the same
  // database) does not take it meanwhile; if this one dies before reporting, the mail is due
  // again once the claim runs out.
  static constexpr core::UnixTime kClaimSeconds = 300;
  core::Result<std::vector<core::OutboundMail>> due(int limit);
  core::Done delivered(core::Id mail_id);
  core::Done failed(core::Id mail_id, const std::string& error);

 private:
  Context& ctx_;
  OutboundSettings settings_;
};

}  // namespace frontline::app
