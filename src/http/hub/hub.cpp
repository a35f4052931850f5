// The WebSocket hub's shared state and its follower (see header).
#include "http/hub/hub.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <random>
#include <set>

#include "app/auth.hpp"
#include "app/event_data.hpp"
#include "channels/chat/chat_frames.hpp"
#include "core/ticket_policy.hpp"
#include "http/event_codec.hpp"

namespace frontline::http::hub {
namespace {

constexpr int kBatch = 500;

std::shared_ptr<const std::string> shared(std::string s) {
  return std::make_shared<const std::string>(std::move(s));
}

std::shared_ptr<const std::string> head_frame(const char* type, core::Id last_id) {
  return shared(std::string("{\"type\":\"") + type + "\",\"last_id\":" + std::to_string(last_id) +
                "}");
}

// A random name for this instance among those sharing the database.
std::string instance_name() {
  std::random_device random;
  return std::to_string(random()) + "-" + std::to_string(random());
}

}  // namespace

struct Hub::Member {
  enum class Kind { feed, chat };
  Kind kind = Kind::feed;
  std::weak_ptr<Client> client;
  Audience audience;
  StillAllowed allowed;
  // Written by the follower thread only.
  bool joined = false;            // hello and catch-up sent
  std::optional<core::Id> after;  // feed: the last event id handed over
  // A chat's (fixed at join).
  core::Id chat_id = 0;
  core::Id ticket_number = 0;
  std::string hello;
  std::int64_t seq = 0;  // chat: the last seq handed over (follower thread)
  core::Id viewing = 0;  // feed, staff: the ticket on screen (under mutex_)
};

Hub::Hub(store::Database& db, std::chrono::milliseconds poll_interval)
    : db_(db),
      poll_interval_(poll_interval),
      shared_(db.hears_other_writers()),
      others_(instance_name()),
      thread_([this] { run(); }) {
  if (shared_) {
    listener_ = std::thread([this] {
      while (listening_) {
        try {
          // Short waits: what this instance has to tell the others goes out between them.
          if (db_.wait_for_writes(std::chrono::milliseconds(50))) wake();
          hear_others();
          send_to_others();
        } catch (const std::exception& e) {
          spdlog::warn("hub: listening for other instances failed: {}", e.what());
        }
      }
    });
  }
}

Hub::~Hub() {
  listening_ = false;
  if (listener_.joinable()) listener_.join();
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

std::uint64_t Hub::join_feed(std::weak_ptr<Client> client, Audience audience,
                             std::optional<core::Id> after, StillAllowed allowed) {
  auto m = std::make_shared<Member>();
  m->kind = Member::Kind::feed;
  m->client = std::move(client);
  m->audience = std::move(audience);
  m->allowed = std::move(allowed);
  m->after = after;
  return add(std::move(m));
}

std::uint64_t Hub::join_chat(std::weak_ptr<Client> client, Audience audience, core::Id chat_id,
                             core::Id ticket_number, std::int64_t after, std::string hello,
                             StillAllowed allowed) {
  auto m = std::make_shared<Member>();
  m->kind = Member::Kind::chat;
  m->client = std::move(client);
  m->audience = std::move(audience);
  m->allowed = std::move(allowed);
  m->chat_id = chat_id;
  m->ticket_number = ticket_number;
  m->hello = std::move(hello);
  m->seq = std::max<std::int64_t>(after, 0);
  return add(std::move(m));
}

// A new member waits for the follower's next round (woken now) for its hello and catch-up.
std::uint64_t Hub::add(std::shared_ptr<Member> member) {
  std::uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
    if (member->audience.staff()) {
      ++staff_members_;
      tell_staff_locked();
    }
    members_.emplace(id, std::move(member));
    woken_ = true;
  }
  cv_.notify_all();
  return id;
}

void Hub::leave(std::uint64_t member) {
  std::vector<Delivery> out;
  {
    std::lock_guard lock(mutex_);
    auto it = members_.find(member);
    if (it == members_.end()) return;
    if (it->second->audience.staff()) {
      --staff_members_;
      tell_staff_locked();
    }
    const core::Id viewed = it->second->viewing;
    members_.erase(it);
    if (viewed) {
      presence_locked(viewed, out);
      tell_presence_locked(viewed);
    }
  }
  for (auto& [client, frame] : out) client->deliver(frame);
}

void Hub::view(std::uint64_t member, core::Id ticket) {
  std::vector<Delivery> out;
  {
    std::lock_guard lock(mutex_);
    auto it = members_.find(member);
    if (it == members_.end()) return;
    auto& m = *it->second;
    if (m.kind != Member::Kind::feed || !m.audience.staff() || m.viewing == ticket) return;
    const core::Id left = m.viewing;
    m.viewing = ticket;
    for (const core::Id changed : {left, ticket}) {
      if (!changed) continue;
      presence_locked(changed, out);
      tell_presence_locked(changed);
    }
  }
  for (auto& [client, frame] : out) client->deliver(frame);
}

std::vector<Viewer> Hub::local_viewers_locked(core::Id ticket) const {
  std::vector<Viewer> out;
  std::set<core::Id> seen;  // a person with two tabs is there once
  for (const auto& [id, m] : members_) {
    if (m->viewing != ticket) continue;
    const auto& who = *m->audience.actor;
    if (seen.insert(who.id).second) out.push_back({who.id, who.name});
  }
  return out;
}

void Hub::presence_locked(core::Id ticket, std::vector<Delivery>& out) const {
  auto to = ticket_viewers_locked(ticket, 0);
  if (to.empty()) return;
  auto everyone = local_viewers_locked(ticket);
  std::set<core::Id> seen;
  for (const auto& v : everyone) seen.insert(v.id);
  for (auto& v : others_.viewers(ticket)) {
    if (seen.insert(v.id).second) everyone.push_back(std::move(v));
  }
  std::string viewers;
  for (const auto& v : everyone) {
    if (!viewers.empty()) viewers += ',';
    viewers += "{\"id\":" + std::to_string(v.id) + ",\"name\":";
    app::append_json_string(viewers, v.name);
    viewers += '}';
  }
  auto frame = shared("{\"type\":\"presence\",\"ticket\":" + std::to_string(ticket) +
                      ",\"viewers\":[" + viewers + "]}");
  for (auto& c : to) out.emplace_back(std::move(c), frame);
}

void Hub::ticket_typing(std::uint64_t from, core::Id ticket, bool internal) {
  std::vector<std::shared_ptr<Client>> to;
  std::string frame;
  {
    std::lock_guard lock(mutex_);
    auto self = members_.find(from);
    if (self == members_.end() || !ticket || self->second->viewing != ticket) return;
    const auto& who = *self->second->audience.actor;
    frame = "{\"type\":\"typing\",\"ticket\":" + std::to_string(ticket) +
            ",\"user\":{\"id\":" + std::to_string(who.id) + ",\"name\":";
    app::append_json_string(frame, who.name);
    frame += std::string("},\"internal\":") + (internal ? "true" : "false") + "}";
    to = ticket_viewers_locked(ticket, from);
    if (shared_) tell_others_locked(others_.typing_signal(ticket, frame));
  }
  auto text = shared(std::move(frame));
  for (auto& c : to) c->deliver(text);
}

void Hub::typing(std::uint64_t from, core::Id chat_id, std::string frame, bool staff_only) {
  std::vector<std::shared_ptr<Client>> to;
  {
    std::lock_guard lock(mutex_);
    if (shared_) tell_others_locked(others_.chat_typing_signal(chat_id, staff_only, frame));
    to = chat_members_locked(chat_id, staff_only, from);
  }
  auto text = shared(std::move(frame));
  for (auto& c : to) c->deliver(text);  // after the lock, as in Beast's chat-multi
}

std::vector<std::shared_ptr<Client>> Hub::ticket_viewers_locked(core::Id ticket,
                                                                std::uint64_t except) const {
  std::vector<std::shared_ptr<Client>> to;
  for (const auto& [id, m] : members_) {
    if (id == except || m->viewing != ticket) continue;
    if (auto c = m->client.lock()) to.push_back(std::move(c));
  }
  return to;
}

std::vector<std::shared_ptr<Client>> Hub::chat_members_locked(core::Id chat, bool staff_only,
                                                              std::uint64_t except) const {
  std::vector<std::shared_ptr<Client>> to;
  for (const auto& [id, m] : members_) {
    if (id == except || m->kind != Member::Kind::chat || m->chat_id != chat) continue;
    if (staff_only && !m->audience.staff()) continue;
    if (auto c = m->client.lock()) to.push_back(std::move(c));
  }
  return to;
}

void Hub::tell_others_locked(std::string signal) { outbox_.push_back(std::move(signal)); }

void Hub::tell_presence_locked(core::Id ticket) {
  if (shared_) tell_others_locked(others_.presence_signal(ticket, local_viewers_locked(ticket)));
}

void Hub::tell_staff_locked() {
  if (shared_) tell_others_locked(others_.staff_signal(staff_members_));
}

void Hub::hear_others() {
  const auto heard = db_.take_signals();
  const auto now = OtherInstances::Clock::now();
  std::vector<Delivery> out;
  {
    std::lock_guard lock(mutex_);
    for (const auto& payload : heard) {
      auto signal = others_.read(payload);
      if (!signal) continue;
      others_.remember(*signal, now);
      switch (signal->kind) {
        case Signal::Kind::presence:
          presence_locked(signal->ticket, out);
          break;
        case Signal::Kind::typing: {
          auto frame = shared(std::move(signal->frame));
          for (auto& c : ticket_viewers_locked(signal->ticket, 0))
            out.emplace_back(std::move(c), frame);
          break;
        }
        case Signal::Kind::chat_typing: {
          auto frame = shared(std::move(signal->frame));
          for (auto& c : chat_members_locked(signal->chat, signal->staff_only, 0)) {
            out.emplace_back(std::move(c), frame);
          }
          break;
        }
        case Signal::Kind::staff:
          break;
      }
    }
    // An instance that went silent died: its viewers leave the tickets they were on.
    for (const core::Id ticket : others_.forget_silent(now)) presence_locked(ticket, out);
  }
  for (auto& [client, frame] : out) client->deliver(frame);
}

void Hub::send_to_others() {
  std::vector<std::string> outbox;
  {
    std::lock_guard lock(mutex_);
    const auto now = OtherInstances::Clock::now();
    if (now - last_repeat_ >= OtherInstances::kRepeatEvery) {
      last_repeat_ = now;
      std::set<core::Id> viewed;
      for (const auto& [id, m] : members_) {
        if (m->viewing) viewed.insert(m->viewing);
      }
      for (const core::Id ticket : viewed) tell_presence_locked(ticket);
      tell_staff_locked();
    }
    outbox.swap(outbox_);
  }
  for (const auto& signal : outbox) db_.signal(signal);
}

void Hub::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

bool Hub::staff_online() const {
  std::lock_guard lock(mutex_);
  return staff_members_ > 0 || others_.staff_elsewhere();
}

// The public events of tickets a customer may see; staff see all. Desk-wide events (accounts,
// settings) are for staff.
void Hub::feed_round(const std::vector<std::shared_ptr<Member>>& members,
                     const std::vector<core::Event>& events, std::vector<Delivery>& out) {
  if (std::none_of(members.begin(), members.end(),
                   [](const auto& m) { return m->kind == Member::Kind::feed; })) {
    return;  // only chats are open: no event frames to encode
  }
  std::map<core::Id, std::optional<core::Ticket>> tickets;  // loaded once per round, on demand
  auto ticket = [&](store::Tx& tx, core::Id number) -> const std::optional<core::Ticket>& {
    auto it = tickets.find(number);
    if (it == tickets.end())
      it = tickets.emplace(number, tx.tickets().ticket_by_number(number)).first;
    return it->second;
  };
  std::vector<std::shared_ptr<const std::string>> frames;
  frames.reserve(events.size());
  for (const auto& e : events) frames.push_back(shared(stream_event_json(e)));

  db_.read([&](store::Tx& tx) {
    auto visible = [&](const Member& m, const core::Event& e) {
      if (m.audience.staff()) return true;
      if (!m.audience.actor || !e.ticket_number || !core::can_see_event(*m.audience.actor, e)) {
        return false;
      }
      const auto& t = ticket(tx, *e.ticket_number);
      return t && core::can_view_ticket(*m.audience.actor, *t);
    };
    for (const auto& m : members) {
      if (m->kind != Member::Kind::feed) continue;
      auto client = m->client.lock();
      if (!client) continue;
      if (!m->joined) {
        m->joined = true;
        out.emplace_back(client, head_frame("hello", head_));
        if (m->after && *m->after < head_) {
          auto missed = tx.events().events_after(*m->after, kMaxCatchUp + 1);
          if (static_cast<int>(missed.size()) > kMaxCatchUp) {
            out.emplace_back(client, head_frame("reset", head_));
          } else {
            for (const auto& e : missed) {
              if (e.id > head_) break;  // below, with everyone's
              if (visible(*m, e)) out.emplace_back(client, shared(stream_event_json(e)));
            }
          }
        }
        continue;  // the events of this round are at or below head_: caught up already
      }
      for (std::size_t i = 0; i < events.size(); ++i) {
        if (visible(*m, events[i])) out.emplace_back(client, frames[i]);
      }
    }
  });
}

// Each chat touched by this round's events, or with a member still to catch up: its log after
// the lowest cursor among its members, read once, handed to each member past its own cursor.
void Hub::chat_round(const std::vector<std::shared_ptr<Member>>& members,
                     const std::vector<core::Event>& events, std::vector<Delivery>& out) {
  std::set<core::Id> touched;
  for (const auto& e : events) {
    if (e.ticket_number) touched.insert(*e.ticket_number);
  }
  std::map<core::Id, std::vector<Member*>> chats;
  for (const auto& m : members) {
    if (m->kind != Member::Kind::chat) continue;
    if (!m->joined || touched.count(m->ticket_number)) chats[m->chat_id].push_back(m.get());
  }
  if (chats.empty()) return;
  db_.read([&](store::Tx& tx) {
    for (auto& [chat_id, in_chat] : chats) {
      std::int64_t from = in_chat.front()->seq;
      for (auto* m : in_chat) from = std::min(from, m->seq);
      std::vector<core::ChatEntry> entries;
      for (std::int64_t after = from;;) {
        auto page = tx.chats().entries_after(chat_id, after, kBatch);
        entries.insert(entries.end(), page.begin(), page.end());
        if (static_cast<int>(page.size()) < kBatch) break;
        after = page.back().seq;
      }
      std::vector<std::shared_ptr<const std::string>> frames;
      frames.reserve(entries.size());
      for (const auto& e : entries) frames.push_back(shared(channels::chat::entry_frame(e)));
      for (auto* m : in_chat) {
        auto client = m->client.lock();
        if (!client) continue;
        if (!m->joined) {
          m->joined = true;
          out.emplace_back(client, shared(m->hello));
        }
        for (std::size_t i = 0; i < entries.size(); ++i) {
          if (entries[i].seq > m->seq) out.emplace_back(client, frames[i]);
        }
        if (!entries.empty()) m->seq = std::max(m->seq, entries.back().seq);
      }
    }
  });
}

void Hub::round() {
  std::vector<std::shared_ptr<Member>> members;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, m] : members_) members.push_back(m);
  }
  if (members.empty()) {
    // While nobody listens the hub reads nothing (every write still wakes it); the first member
    // after a quiet spell starts from the newest event, and catch-up covers the rest.
    head_known_ = false;
    return;
  }
  if (!head_known_) {
    db_.read([&](store::Tx& tx) { head_ = tx.events().last_event_id(); });
    head_known_ = true;
  }
  // Single writer + group commit: event ids become visible in order, so "everything after the
  // last id we read" never skips an event.
  std::vector<core::Event> events;
  for (;;) {
    std::vector<core::Event> page;
    db_.read([&](store::Tx& tx) { page = tx.events().events_after(head_, kBatch); });
    events.insert(events.end(), page.begin(), page.end());
    if (!page.empty()) head_ = page.back().id;
    if (static_cast<int>(page.size()) < kBatch) break;
  }
  std::vector<Delivery> out;
  feed_round(members, events, out);
  chat_round(members, events, out);
  for (auto& [client, frame] : out) client->deliver(frame);
}

void Hub::sweep_identities() {
  std::vector<std::shared_ptr<Member>> members;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, m] : members_) members.push_back(m);
  }
  for (const auto& m : members) {
    if (!m->allowed) continue;
    bool allowed = true;
    try {
      allowed = m->allowed();
    } catch (const std::exception& e) {
      // The database is unavailable: keep serving, check again on the next sweep.
      spdlog::warn("hub: could not re-check a socket's identity: {}", e.what());
    }
    if (allowed) continue;
    if (auto c = m->client.lock()) c->close("signed out, disabled or no longer allowed");
  }
}

void Hub::run() {
  // Writes wake the hub, but at most one round per kMinRound: under a burst of writes one read
  // of the log serves many of them instead of one read each.
  constexpr auto kMinRound = std::chrono::milliseconds(5);
  auto last_round = std::chrono::steady_clock::now() - kMinRound;
  auto seen_generation = app::identity_generation();
  auto last_sweep = std::chrono::steady_clock::now();
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, poll_interval_, [&] { return stop_ || woken_; });
      if (stop_) return;
      const auto next = last_round + kMinRound;
      if (std::chrono::steady_clock::now() < next) {
        cv_.wait_until(lock, next, [&] { return stop_; });
        if (stop_) return;
      }
      woken_ = false;
    }
    last_round = std::chrono::steady_clock::now();
    try {
      round();
    } catch (const std::exception& e) {
      spdlog::warn("hub: reading the event log failed: {}", e.what());
    }
    const auto generation = app::identity_generation();
    if (generation != seen_generation || last_round - last_sweep >= kIdentitySweep) {
      seen_generation = generation;
      last_sweep = last_round;
      sweep_identities();
    }
  }
}

}  // namespace frontline::http::hub
