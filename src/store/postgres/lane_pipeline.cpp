// A lane's shared connection in pipeline mode (see header).
#include "store/postgres/lane_pipeline.hpp"

#include <memory>
#include <utility>

#include "store/waiter.hpp"

namespace frontline::store::postgres {

LanePipeline::LanePipeline(const std::string& url) : conn_(url) {
  conn_.exec("SET default_transaction_read_only = on");
  if (PQenterPipelineMode(conn_.raw()) != 1) conn_.throw_error(nullptr, "pipeline");
}

bool LanePipeline::alive() {
  if (in_flight() == 0 && usable() && !conn_.alive()) broken_ = true;
  return usable();
}

PGresult* LanePipeline::run(const std::string& sql, int count, const char* const* values,
                            const int* lengths, const int* formats) {
  if (!usable()) throw PgError("the lane's connection is lost", PgError::Kind::unavailable);
  PGconn* pg = conn_.raw();
  auto [named, first_use] = names_.try_emplace(sql);
  if (first_use) named->second = "l" + std::to_string(++statements_named_);
  const std::string name = named->second;
  // Statements sent later (by other fibers) may use the name already: the server prepares it
  // before it reads theirs, as it answers in order.
  const bool sent =
      (!first_use || PQsendPrepare(pg, name.c_str(), sql.c_str(), 0, nullptr) == 1) &&
      PQsendQueryPrepared(pg, name.c_str(), count, values, lengths, formats, 0) == 1 &&
      PQpipelineSync(pg) == 1;
  Slot mine;
  if (sent) {
    pending_.push_back(&mine);
    wait_for(mine);
  } else {
    broken_ = true;
    fail_all(mine);
  }
  using Owned = std::unique_ptr<PGresult, void (*)(PGresult*)>;
  Owned result(mine.result, PQclear), failure(mine.failure, PQclear);
  if (!failure && result) return result.release();
  // A prepare that failed leaves no statement by that name: the next use prepares it again,
  // under a new name (this one may exist after all, when only the query failed).
  if (first_use) {
    auto again = names_.find(sql);
    if (again != names_.end() && again->second == name) names_.erase(again);
  }
  if (!failure) throw PgError("the lane's connection is lost", PgError::Kind::unavailable);
  conn_.throw_error(failure.get(), "execute");
}

void LanePipeline::wait_for(Slot& mine) {
  Waiter* waiter = current_waiter();
  while (!mine.done) {
    if (!reading_) {
      reading_ = true;
      read_until_done(mine);  // returns once mine is done
      reading_ = false;
      // The next oldest statement's fiber reads on from here (unless it is awake already).
      if (!pending_.empty()) wake(*pending_.front());
      return;
    }
    waiter->wait_until_woken([&](std::function<void()> wake) { mine.wake = std::move(wake); });
  }
}

void LanePipeline::read_until_done(Slot& mine) {
  PGconn* pg = conn_.raw();
  Waiter* waiter = current_waiter();
  while (!mine.done) {
    // Each statement's results end with a null, then its sync point arrives; two nulls in a row
    // would mean nothing more is there yet (libpq says busy then, but a loop must not hang on it).
    int nulls = 0;
    while (!mine.done && nulls < 2 && PQisBusy(pg) == 0) {
      PGresult* r = PQgetResult(pg);
      if (r) {
        nulls = 0;
        deliver(r, mine);
      } else {
        ++nulls;
      }
    }
    if (mine.done) return;
    if (PQstatus(pg) != CONNECTION_OK) {  // libpq saw the end already: no socket to wait on
      broken_ = true;
      fail_all(mine);
      return;
    }
    // Waiting can fail (the socket cannot be watched: no memory, no epoll watches left). The
    // lane is then given up like a lost connection, so no fiber waits on it for ever and no
    // slot outlives its fiber in pending_.
    bool watched = true;
    try {
      waiter->wait_readable(PQsocket(pg));
    } catch (...) {
      watched = false;
    }
    if (!watched || PQconsumeInput(pg) != 1) {
      broken_ = true;
      fail_all(mine);
    }
  }
}

void LanePipeline::deliver(PGresult* r, const Slot& mine) {
  if (pending_.empty()) {  // nothing was asked: a notice-like stray, dropped
    PQclear(r);
    return;
  }
  Slot& head = *pending_.front();
  switch (PQresultStatus(r)) {
    case PGRES_PIPELINE_SYNC:
      PQclear(r);
      head.done = true;
      pending_.pop_front();
      if (&head != &mine) wake(head);
      return;
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
      PQclear(head.result);
      head.result = r;
      return;
    default:  // the failure, then PIPELINE_ABORTED for the rest up to the sync point
      if (head.failure) {
        PQclear(r);
      } else {
        head.failure = r;
      }
      return;
  }
}

void LanePipeline::fail_all(Slot& mine) {
  for (Slot* slot : std::exchange(pending_, {})) {
    slot->done = true;
    PQclear(std::exchange(slot->result, nullptr));
    if (slot != &mine) wake(*slot);
  }
  mine.done = true;
}

void LanePipeline::wake(Slot& slot) {
  if (auto wake = std::exchange(slot.wake, nullptr)) wake();
}

}  // namespace frontline::store::postgres
