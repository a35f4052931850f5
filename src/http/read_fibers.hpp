// Reads on the network threads without blocking them (PostgreSQL): each read runs in a fiber of
// its own on the thread that received the request. When the database has not answered yet the
// fiber steps aside (store/waiter.hpp) and the thread serves other connections; the socket's
// readiness, a pool connection coming free or a retry pause resumes it on the same thread. This
// saves the two thread hand-offs per request that a pool of request threads costs.
//
// The lane must be run by exactly one thread: a fiber resumes on the thread it started on
// (thread-local state, and the list of exceptions being handled, belong to a thread).
// Boost.Context lives only in read_fibers.cpp.
#pragma once

#include <functional>

namespace boost::asio {
class io_context;
}

namespace frontline::http {

// Starts `work` in a new fiber now, on the calling thread (which runs `lane`); `done` is called
// on that thread once `work` has returned. `work` must not throw.
void run_in_fiber(boost::asio::io_context& lane, std::function<void()> work,
                  std::function<void()> done);

}  // namespace frontline::http
