// What the live hub knows of the other instances sharing its PostgreSQL database: who looks at
// which ticket there and how many of their sockets are staff. Presence, typing and "is anyone
// there to take a chat" are not in the database (they change many times a second and need no
// history), so instances tell each other through store::Database::signal (NOTIFY) — this class
// writes and reads those signals and keeps what they said. An instance that goes silent (it
// died) is forgotten after kForgetAfter; each live one repeats itself every kRepeatEvery.
// Not thread-safe: the Hub calls it under its mutex. No Beast here.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace frontline::http::hub {

struct Viewer {
  core::Id id = 0;
  std::string name;
};

// One signal, as read from another instance.
struct Signal {
  enum class Kind { presence, typing, chat_typing, staff };
  Kind kind = Kind::presence;
  std::string from;
  core::Id ticket = 0;          // presence, typing
  std::vector<Viewer> viewers;  // presence: everyone looking at `ticket` on that instance
  core::Id chat = 0;            // chat_typing
  bool staff_only = false;      // chat_typing
  std::string frame;            // typing, chat_typing: the frame to hand on as it is
  std::size_t staff = 0;        // staff: that instance's staff sockets
};

class OtherInstances {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr auto kRepeatEvery = std::chrono::seconds(20);
  static constexpr auto kForgetAfter = std::chrono::seconds(60);

  // self: this instance's random name (its own signals come back and are ignored).
  explicit OtherInstances(std::string self) : self_(std::move(self)) {}

  std::string presence_signal(core::Id ticket, const std::vector<Viewer>& viewers) const;
  std::string typing_signal(core::Id ticket, const std::string& frame) const;
  std::string chat_typing_signal(core::Id chat, bool staff_only, const std::string& frame) const;
  std::string staff_signal(std::size_t staff) const;

  // The signal in payload, or nullopt for this instance's own or one that is not understood.
  std::optional<Signal> read(std::string_view payload) const;
  // Keeps what a presence or staff signal says about its instance.
  void remember(const Signal& signal, Clock::time_point now);
  // Forgets instances silent since kForgetAfter; returns the tickets they were looking at.
  std::vector<core::Id> forget_silent(Clock::time_point now);

  // Who looks at `ticket` on the other instances (each person once).
  std::vector<Viewer> viewers(core::Id ticket) const;
  bool staff_elsewhere() const;

 private:
  struct Instance {
    Clock::time_point heard;
    std::map<core::Id, std::vector<Viewer>> viewing;
    std::size_t staff = 0;
  };
  std::string self_;
  std::map<std::string, Instance> others_;
};

}  // namespace frontline::http::hub
