// One PostgreSQL connection per network thread ("lane"), shared by every read fiber of that
// thread in libpq's pipeline mode, for reads that need one statement (Database::read_brief: a
// ticket's page). Each fiber sends its statement and a sync point at once, without waiting for
// the others' answers; the server reads whatever has arrived in one wake-up and answers in order,
// and one fiber at a time reads the answers and hands each to the fiber that asked. A pooled
// connection costs a server wake-up, a BEGIN and a COMMIT per read; here a statement runs by
// itself (autocommit: one statement sees one snapshot) and a batch of them costs one wake-up.
//
// Only fibers on the lane's own thread use it (store/waiter.hpp), so it needs no lock. Read only
// (default_transaction_read_only), so a statement that writes fails instead of committing.
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <unordered_map>

#include "store/postgres/connection.hpp"

namespace frontline::store::postgres {

class LanePipeline {
 public:
  // Connects and enters pipeline mode. Throws PgError (unavailable) when it cannot.
  explicit LanePipeline(const std::string& url);
  LanePipeline(const LanePipeline&) = delete;
  LanePipeline& operator=(const LanePipeline&) = delete;

  // Runs sql (prepared on this connection the first time, in the same message) with its
  // parameters, after whatever other fibers have in flight; the calling fiber steps aside until
  // the answer is in. Returns the result (the caller owns it); throws PgError on a failure, and
  // PgError unavailable once the connection is lost (every statement in flight fails alike).
  PGresult* run(const std::string& sql, int count, const char* const* values, const int* lengths,
                const int* formats);

  // False once the connection is lost: the lane is then replaced.
  bool usable() const { return !broken_ && conn_.ok(); }
  // usable(), and when nothing is in flight also whether the server said goodbye meanwhile
  // (restarted, ended the backend): a poll, no round trip.
  bool alive();
  // Statements sent and not yet answered.
  std::size_t in_flight() const { return pending_.size(); }

 private:
  // A statement in flight: its answer, filled in by whichever fiber reads the connection.
  struct Slot {
    PGresult* result = nullptr;   // the last successful result (the prepare's, then the query's)
    PGresult* failure = nullptr;  // the first failed one
    bool done = false;            // its sync point has arrived (or the connection broke)
    std::function<void()> wake;   // set while its fiber waits for someone else to wake it
  };
  // Returns once mine is done: reads the connection itself while nobody else does.
  void wait_for(Slot& mine);
  // Reads answers, handing each to the oldest slot, until mine is done or the connection breaks.
  void read_until_done(Slot& mine);
  void deliver(PGresult* r, const Slot& mine);
  // The connection broke: every slot in flight is done, without a result.
  void fail_all(Slot& mine);
  static void wake(Slot& slot);

  Connection conn_;
  std::unordered_map<std::string, std::string> names_;  // SQL text → prepared statement name
  int statements_named_ = 0;                            // names are never used twice
  std::deque<Slot*> pending_;                           // in the order sent (and answered)
  bool reading_ = false;                                // a fiber is reading the answers
  bool broken_ = false;
};

}  // namespace frontline::store::postgres
