// A database handle: runs read and write transactions against one backend.
// Thread-safe. read() runs on the calling thread against a consistent snapshot; write() queues
// the unit of work for the single writer, which commits waiting units together (group commit)
// and returns once the commit is durable.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/tx.hpp"

namespace frontline::store {

class Database {
 public:
  virtual ~Database() = default;

  // Runs fn inside a read-only transaction. Throws StoreError if the database fails.
  virtual void read(const std::function<void(Tx&)>& fn) = 0;

  // The same, for a read that usually runs one statement (a ticket's page): an engine may run
  // that statement by itself, without a transaction around it (one statement sees one snapshot),
  // and run fn again as an ordinary read() when it asks for a second. So fn is re-runnable, like
  // a write unit. PostgreSQL does this for reads in a fiber (lane_pipeline.hpp); SQLite reads.
  virtual void read_brief(const std::function<void(Tx&)>& fn) { read(fn); }

  // Runs fn inside a write transaction; blocks until the change is durable on disk (it then
  // survives closing and reopening) and visible to every read that starts afterwards. When fn
  // returns false its changes are rolled back (other units in the same batch are unaffected).
  // Throws StoreError if the database fails; an exception from fn rolls back only fn's unit and
  // is rethrown to the caller.
  //
  // fn is a re-runnable unit: the engine may roll it back and run it again (a busy database,
  // a serialization failure or deadlock), so fn must not consume what it captures (no moving
  // out of inputs; results are assigned, not appended) and must have no effect outside the
  // transaction (files, sockets, counters) — those happen after write() returns.
  virtual void write(const std::function<bool(Tx&)>& fn) = 0;

  // Copies the live database to path (online backup). Throws StoreError when the copy cannot
  // be written there.
  virtual void backup_to(const std::string& path) = 0;

  // Whether wait_for_writes hears writes committed by other processes on the same database
  // (PostgreSQL: LISTEN/NOTIFY from every instance). SQLite's writes all go through this process.
  virtual bool hears_other_writers() const { return false; }
  // Blocks until another process may have committed a write to the event log, or until timeout
  // passes; true when one may have (a lost notification connection also answers true: look).
  // Called by one thread at a time (the live hub's listener).
  virtual bool wait_for_writes(std::chrono::milliseconds timeout) { return false; }

  // Ephemeral news for the other processes sharing this database (who looks at which ticket,
  // who is typing): PostgreSQL NOTIFY, heard by wait_for_writes and handed out by take_signals,
  // in order, including this process's own. Best effort: nothing is stored; a payload is at most
  // 7,000 bytes. Nothing on SQLite (one process). Throws StoreError when it cannot be sent.
  virtual void signal(std::string_view payload) {}
  // The signals wait_for_writes heard since the last call (the same thread).
  virtual std::vector<std::string> take_signals() { return {}; }

  // Runs job unless another process sharing this database runs the job of the same name right
  // now (then returns false at once): each scheduled job on one instance at a time. SQLite: one
  // process serves a database, so job always runs. PostgreSQL: a session advisory lock named
  // after the job, held on a connection of its own while job runs (its units use others).
  virtual bool run_exclusively(std::string_view name, const std::function<void()>& job) {
    job();
    return true;
  }
};

}  // namespace frontline::store
