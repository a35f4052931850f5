// Focus of this file: the background loop under the mail dispatcher, the scheduler and the IMAP
// poller — a round at start, another on a nudge or after the interval, a prompt stop, and a
// failing round that does not end the loop. Intervals are an hour wherever a test must not
// depend on them, so a bound of seconds can only be met by the behaviour under test.
#include "app/background_loop.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>

namespace frontline::app {
namespace {

using namespace std::chrono_literals;

constexpr auto kHour = std::chrono::milliseconds(1h);
constexpr auto kPatience = 60s;  // far beyond any round here, far below an interval of an hour

// Counts rounds; tests wait for a count instead of sleeping.
class Rounds {
 public:
  void ran() {
    {
      std::lock_guard lock(mu_);
      ++count_;
    }
    cv_.notify_all();
  }
  bool wait_for(int n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, kPatience, [&] { return count_ >= n; });
  }
  int count() {
    std::lock_guard lock(mu_);
    return count_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int count_ = 0;
};

void ignore_failure(const std::exception&) {}

TEST(BackgroundLoop, RunsARoundAtStart) {
  Rounds rounds;
  BackgroundLoop loop([&] { rounds.ran(); }, kHour, ignore_failure);
  loop.start();
  EXPECT_TRUE(rounds.wait_for(1));
  loop.stop();
  EXPECT_EQ(rounds.count(), 1);
}

TEST(BackgroundLoop, NudgeRunsARoundWithoutWaitingTheInterval) {
  Rounds rounds;
  BackgroundLoop loop([&] { rounds.ran(); }, kHour, ignore_failure);
  loop.start();
  ASSERT_TRUE(rounds.wait_for(1));
  loop.nudge();
  EXPECT_TRUE(rounds.wait_for(2));
  loop.nudge();
  EXPECT_TRUE(rounds.wait_for(3));
}

TEST(BackgroundLoop, NudgeDuringARoundRunsAnotherRightAfterIt) {
  std::mutex mu;
  std::condition_variable cv;
  bool in_first_round = false, release = false;
  Rounds rounds;
  BackgroundLoop loop(
      [&] {
        std::unique_lock lock(mu);
        if (rounds.count() == 0) {
          in_first_round = true;
          cv.notify_all();
          cv.wait(lock, [&] { return release; });
        }
        rounds.ran();
      },
      kHour, ignore_failure);
  loop.start();
  {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, kPatience, [&] { return in_first_round; }));
  }
  loop.nudge();
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  EXPECT_TRUE(rounds.wait_for(2));
}

TEST(BackgroundLoop, RunsAgainWhenTheIntervalPasses) {
  Rounds rounds;
  BackgroundLoop loop([&] { rounds.ran(); }, 1ms, ignore_failure);
  loop.start();
  EXPECT_TRUE(rounds.wait_for(3));
}

TEST(BackgroundLoop, StopEndsTheWaitPromptlyAndNoRoundFollows) {
  Rounds rounds;
  BackgroundLoop loop([&] { rounds.ran(); }, kHour, ignore_failure);
  loop.start();
  ASSERT_TRUE(rounds.wait_for(1));
  const auto before = std::chrono::steady_clock::now();
  loop.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, kPatience);
  loop.nudge();
  loop.stop();  // twice is harmless
  EXPECT_EQ(rounds.count(), 1);
}

TEST(BackgroundLoop, StopBeforeStartAndDestructionAreHarmless) {
  Rounds rounds;
  {
    BackgroundLoop idle([&] { rounds.ran(); }, kHour, ignore_failure);
    idle.stop();
  }
  {
    BackgroundLoop running([&] { rounds.ran(); }, kHour, ignore_failure);
    running.start();
    ASSERT_TRUE(rounds.wait_for(1));
  }  // the destructor stops and joins
  EXPECT_EQ(rounds.count(), 1);
}

TEST(BackgroundLoop, AFailingRoundIsReportedAndTheLoopGoesOn) {
  Rounds rounds;
  std::mutex mu;
  std::string reported;
  BackgroundLoop loop(
      [&] {
        const bool first = rounds.count() == 0;
        rounds.ran();
        if (first) throw std::runtime_error("disk full");
      },
      kHour,
      [&](const std::exception& e) {
        std::lock_guard lock(mu);
        reported = e.what();
      });
  loop.start();
  ASSERT_TRUE(rounds.wait_for(1));
  loop.nudge();
  EXPECT_TRUE(rounds.wait_for(2));
  loop.stop();
  std::lock_guard lock(mu);
  EXPECT_EQ(reported, "disk full");
}

}  // namespace
}  // namespace frontline::app
