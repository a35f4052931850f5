// The event log: a ticket's audit history and the outbox its consumers (mail, live feed,
// reports) follow with cursors.
//
// Promises: ids grow with commit order as consumers see them (a consumer that has read up to
// id N never later finds a committed event with id <= N it has not seen); ticket_events and
// events_after are oldest first; internal events are returned by ticket_events only when
// include_internal is set; a cursor never moves back unless set so.
#pragma once

#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;

class EventRepository {
 public:
  virtual ~EventRepository() = default;

  virtual Id append_event(const core::Event& event) = 0;
  // The ticket's events with id > after_id, at most limit.
  virtual std::vector<core::Event> ticket_events(Id ticket_number, bool include_internal,
                                                 Id after_id, int limit) = 0;
  // All events with id > after_id (any ticket or none, internal too), at most limit.
  virtual std::vector<core::Event> events_after(Id after_id, int limit) = 0;
  virtual Id last_event_id() = 0;  // 0 when there are none
  // Each consumer has its own cursor; 0 for one never set.
  virtual Id consumer_cursor(std::string_view consumer) = 0;
  virtual void set_consumer_cursor(std::string_view consumer, Id last_event_id) = 0;
};

}  // namespace frontline::store
