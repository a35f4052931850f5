// The WebSocket hub's shared state, in the shape of Boost.Beast's chat-multi example: it knows
// the rooms (the event feed, one room per live chat) and who is in them, and hands each member
// the frames it may see. Sessions never know each other; each has its own bounded write queue
// (SocketSession), so a broadcast only queues. Thread-safe.
//
// The hub is fed from the event log: one follower thread reads the events after the newest it
// has seen (woken by writes through this server or, on PostgreSQL, another instance's
// notification; else polling), sends the feed's members the
// events their audience may see, and for every chat whose ticket the events touch, the chat's
// new log entries. Every member keeps its own cursor (an event id, or a chat seq), so a member
// that joins "after N" gets exactly what follows N: nothing lost, nothing doubled.
// No Beast here.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/model.hpp"
#include "http/hub/other_instances.hpp"
#include "store/database.hpp"

namespace frontline::http::hub {

// A socket as the hub sees it (SocketSession). Both calls only queue work on the socket's
// strand: they never block and may be called from any thread.
class Client {
 public:
  virtual ~Client() = default;
  virtual void deliver(std::shared_ptr<const std::string> frame) = 0;
  // Ends the socket with a close frame giving the reason.
  virtual void close(std::string reason) = 0;
};

// Who a member is, so the hub filters as the API does. staff: every event and staff-only typing;
// otherwise the public events of tickets `actor` may see (none for an anonymous visitor).
struct Audience {
  std::optional<core::Actor> actor;
  bool staff() const { return actor && actor->is_staff(); }
};

// Asked on every identity sweep (off the network threads): false closes the socket.
using StillAllowed = std::function<bool()>;

class Hub {
 public:
  // Catch-up beyond this many events sends "reset" instead of the events.
  static constexpr int kMaxCatchUp = 1000;
  // Identities are re-checked at once when app::identity_generation() moves, else this often.
  static constexpr auto kIdentitySweep = std::chrono::seconds(30);

  Hub(store::Database& db, std::chrono::milliseconds poll_interval);
  ~Hub();
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  // The event feed: {"type":"hello","last_id":N} first, then the events after `after` (none
  // before now when empty; "reset" when more than kMaxCatchUp), then live. Returns the member id.
  std::uint64_t join_feed(std::weak_ptr<Client> client, Audience audience,
                          std::optional<core::Id> after, StillAllowed allowed);
  // A chat: `hello` first, then the chat's log entries with seq > after, then live ones.
  std::uint64_t join_chat(std::weak_ptr<Client> client, Audience audience, core::Id chat_id,
                          core::Id ticket_number, std::int64_t after, std::string hello,
                          StillAllowed allowed);
  void leave(std::uint64_t member);

  // A typing indicator: to the chat's other members now, staff only when staff_only. Not logged.
  void typing(std::uint64_t from, core::Id chat_id, std::string frame, bool staff_only);
  // Presence (staff on the event feed): `member` now looks at `ticket` (0: at none). Everyone
  // looking at the ticket it left or joined gets {"type":"presence","ticket","viewers"}; leave()
  // does the same for the ticket a closing socket looked at.
  void view(std::uint64_t member, core::Id ticket);
  // {"type":"typing","ticket","user":{"id","name"},"internal"} to the other staff looking at the
  // ticket the member looks at. Not logged.
  void ticket_typing(std::uint64_t from, core::Id ticket, bool internal);
  // Look at the log now rather than at the next poll (a write committed).
  void wake();
  // Whether a member of staff is connected (to the feed or a chat): someone can take a chat.
  bool staff_online() const;

 private:
  struct Member;
  using Delivery = std::pair<std::shared_ptr<Client>, std::shared_ptr<const std::string>>;
  std::uint64_t add(std::shared_ptr<Member> member);
  void run();
  void round();
  void feed_round(const std::vector<std::shared_ptr<Member>>& members,
                  const std::vector<core::Event>& events, std::vector<Delivery>& out);
  void chat_round(const std::vector<std::shared_ptr<Member>>& members,
                  const std::vector<core::Event>& events, std::vector<Delivery>& out);
  void sweep_identities();
  // The presence frame for `ticket` (its viewers here and on the other instances) and who here
  // gets it (under mutex_).
  void presence_locked(core::Id ticket, std::vector<Delivery>& out) const;
  // The sockets here looking at `ticket`, or in chat `chat` (staff only when staff_only), but
  // member `except` (0: none; ids start at 1) (under mutex_).
  std::vector<std::shared_ptr<Client>> ticket_viewers_locked(core::Id ticket,
                                                             std::uint64_t except) const;
  std::vector<std::shared_ptr<Client>> chat_members_locked(core::Id chat, bool staff_only,
                                                           std::uint64_t except) const;
  // Who looks at `ticket` on this instance, each person once (under mutex_).
  std::vector<Viewer> local_viewers_locked(core::Id ticket) const;
  // With other instances on the database (callers check shared_): queues a signal for the
  // listener thread to send, and this instance's presence on `ticket` or its staff count
  // (under mutex_).
  void tell_others_locked(std::string signal);
  void tell_presence_locked(core::Id ticket);
  void tell_staff_locked();
  // The listener thread's part: acts on what the other instances said, then sends what this one
  // has to say (and, every OtherInstances::kRepeatEvery, all of it again).
  void hear_others();
  void send_to_others();

  store::Database& db_;
  const std::chrono::milliseconds poll_interval_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool woken_ = false;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, std::shared_ptr<Member>> members_;
  std::size_t staff_members_ = 0;  // of members_: asked on every chat start
  // The follower thread's own: the newest event it has read.
  core::Id head_ = 0;
  bool head_known_ = false;
  // When other instances write to the same database (PostgreSQL), their notifications wake the
  // follower as a local write does, and presence, typing and staff counts travel as signals.
  const bool shared_;
  OtherInstances others_;                            // under mutex_
  std::vector<std::string> outbox_;                  // signals to send (under mutex_)
  OtherInstances::Clock::time_point last_repeat_{};  // listener thread
  std::atomic<bool> listening_{true};
  // Last: the threads start in the constructor and use every member above.
  std::thread thread_;
  std::thread listener_;
};

}  // namespace frontline::http::hub
