// A background thread that runs one round of work at start, then again every interval or as
// soon as it is nudged, until stop(): the one loop under the mail dispatcher, the scheduler's
// periodic jobs and the IMAP poller. start, nudge and stop are thread-safe; rounds never overlap.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace frontline::app {

class BackgroundLoop {
 public:
  using Round = std::function<void()>;
  // Told when a round throws; the loop then goes on as planned (a failed round must not end
  // the server). Runs on the loop's thread.
  using OnFailure = std::function<void(const std::exception&)>;

  BackgroundLoop(Round round, std::chrono::milliseconds interval, OnFailure on_failure);
  ~BackgroundLoop() { stop(); }
  BackgroundLoop(const BackgroundLoop&) = delete;
  BackgroundLoop& operator=(const BackgroundLoop&) = delete;

  // Starts the thread; its first round runs at once. Call at most once.
  void start();
  // The next round starts now instead of at the end of the interval; during a round, right
  // after it. Nudges before the next round starts count as one.
  void nudge();
  // Wakes the thread from its wait, lets a running round finish and joins; no round starts
  // after stop() returns. Harmless before start() and when called twice.
  void stop();

 private:
  void run();

  Round round_;
  std::chrono::milliseconds interval_;
  OnFailure on_failure_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool nudged_ = false;
  std::thread thread_;
};

}  // namespace frontline::app
