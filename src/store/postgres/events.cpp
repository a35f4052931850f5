// PostgreSQL EventRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

Id PgEvents::append_event(const core::Event& event) { throw not_yet("append_event"); }

std::vector<core::Event> PgEvents::ticket_events(Id ticket_number, bool include_internal,
                                                 Id after_id, int limit) {
  throw not_yet("ticket_events");
}

std::vector<core::Event> PgEvents::events_after(Id after_id, int limit) {
  throw not_yet("events_after");
}

Id PgEvents::last_event_id() { throw not_yet("last_event_id"); }

Id PgEvents::consumer_cursor(std::string_view consumer) { throw not_yet("consumer_cursor"); }

void PgEvents::set_consumer_cursor(std::string_view consumer, Id last_event_id) {
  throw not_yet("set_consumer_cursor");
}

}  // namespace frontline::store::postgres
