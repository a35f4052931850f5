// Focus of this file: a lane's shared PostgreSQL connection (store/postgres/lane_pipeline) used by
// many read fibers of one thread at once (http/read_fibers, as the server runs reads) — each fiber
// gets the answer to its own statement, a failing statement fails only its fiber, a lost
// connection fails every statement in flight, the connection refuses writes, and
// Database::read_brief runs a unit that needs a second statement again as an ordinary read.
//
// Runs against FRONTLINE_TEST_PG_URL (tests/pg/with_cluster.sh); skipped when it is unset.
#include "store/postgres/lane_pipeline.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/read_fibers.hpp"
#include "store/postgres/open_postgres.hpp"
#include "store/postgres/pg_tx.hpp"
#include "store/store_error.hpp"

namespace frontline::store::postgres {
namespace {

const char* test_url() { return std::getenv("FRONTLINE_TEST_PG_URL"); }

// Runs each body in a fiber of its own on one thread, all started before any finishes (as the
// requests of one network thread are), and returns once every one has finished.
void run_fibers(const std::vector<std::function<void()>>& bodies) {
  boost::asio::io_context lane;
  std::size_t finished = 0;
  for (const auto& body : bodies) {
    boost::asio::post(lane, [&] { http::run_in_fiber(lane, body, [&] { ++finished; }); });
  }
  lane.run_for(std::chrono::seconds(60));
  ASSERT_EQ(finished, bodies.size()) << "fibers still waiting after 60 s";
}

// The first column of sql's one row, with $1 bound to n, run on the lane.
std::int64_t ask(LanePipeline& lane, const std::string& sql, std::int64_t n) {
  Connection lent(lane);
  auto s = lent.prepare(sql);
  s.bind(1, n);
  if (!s.step()) throw std::runtime_error("no row");
  return s.int64(0);
}

// Ends, from another session, the first backend found running a query that ends with `tail`
// (polled every 50 ms for up to 5 s), while the test's fibers run.
std::thread end_backend_running(std::string tail) {
  return std::thread([tail = std::move(tail)] {
    Connection admin(test_url());
    for (int tries = 0; tries < 100; ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      auto s = admin.prepare(
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE $1 "
          "AND pid <> pg_backend_pid()");
      s.bind(1, "%" + tail);
      if (s.step() && s.int64(0) > 0) return;
    }
  });
}

class LanePipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test_url()) GTEST_SKIP() << "FRONTLINE_TEST_PG_URL is not set";
  }
};

TEST_F(LanePipelineTest, EachOfManyFibersGetsTheAnswerToItsOwnStatement) {
  LanePipeline lane(test_url());
  constexpr int kFibers = 200;
  std::vector<std::optional<std::int64_t>> answers(kFibers);
  std::vector<std::function<void()>> bodies;
  for (int i = 0; i < kFibers; ++i) {
    // Three statements, each prepared by whichever fiber sends it first while others already
    // send it by name behind that prepare.
    const std::string sql = i % 3 == 0   ? "SELECT $1::bigint * 2"
                            : i % 3 == 1 ? "SELECT $1::bigint * 2 + 0"
                                         : "SELECT $1::bigint + $1::bigint";
    bodies.push_back([&, i, sql] { answers[i] = ask(lane, sql, i); });
  }
  run_fibers(bodies);
  for (int i = 0; i < kFibers; ++i) {
    ASSERT_TRUE(answers[i].has_value()) << "fiber " << i;
    EXPECT_EQ(*answers[i], 2 * i) << "fiber " << i;
  }
  EXPECT_EQ(lane.in_flight(), 0u);
  EXPECT_TRUE(lane.usable());
}

TEST_F(LanePipelineTest, AFailingStatementFailsOnlyItsOwnFiber) {
  LanePipeline lane(test_url());
  constexpr int kFibers = 60;
  std::vector<std::string> outcome(kFibers);
  std::vector<std::function<void()>> bodies;
  for (int i = 0; i < kFibers; ++i) {
    bodies.push_back([&, i] {
      try {
        // Every fifth divides by zero (the first of all, too, which prepares the statement).
        outcome[i] = std::to_string(ask(lane, "SELECT 100 / $1::bigint", i % 5 == 0 ? 0 : 100));
      } catch (const PgError& e) {
        outcome[i] = "failed " + e.sqlstate();
      }
    });
  }
  run_fibers(bodies);
  for (int i = 0; i < kFibers; ++i) {
    EXPECT_EQ(outcome[i], i % 5 == 0 ? "failed 22012" : "1") << "fiber " << i;
  }
  EXPECT_TRUE(lane.usable());
}

TEST_F(LanePipelineTest, AUnitAskingForASecondStatementOrATransactionIsToldToRunAsARead) {
  LanePipeline lane(test_url());
  run_fibers({[&] {
    Connection lent(lane);
    auto first = lent.prepare("SELECT 1");
    EXPECT_TRUE(first.step());
    EXPECT_THROW(lent.prepare("SELECT 2"), NeedsTransaction);
    EXPECT_THROW(lent.exec("SELECT 3"), NeedsTransaction);
    EXPECT_THROW(lent.defer("SAVEPOINT s"), NeedsTransaction);
  }});
}

TEST_F(LanePipelineTest, TheLanesConnectionRefusesWrites) {
  Connection admin(test_url());
  admin.exec("CREATE TABLE IF NOT EXISTS lane_written (n bigint)");
  LanePipeline lane(test_url());
  std::string failure;
  run_fibers({[&] {
    try {
      Connection lent(lane);
      lent.prepare("INSERT INTO lane_written(n) VALUES ($1)").bind(1, std::int64_t{7}).run();
    } catch (const PgError& e) {
      failure = e.sqlstate();
    }
  }});
  EXPECT_EQ(failure, "25006");  // read_only_sql_transaction
  auto count = admin.prepare("SELECT count(*) FROM lane_written");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.int64(0), 0);
  admin.exec("DROP TABLE lane_written");
}

TEST_F(LanePipelineTest, ALostConnectionFailsEveryStatementInFlight) {
  LanePipeline lane(test_url());
  constexpr int kFibers = 20;
  std::vector<std::string> outcome(kFibers);
  std::vector<std::function<void()>> bodies;
  for (int i = 0; i < kFibers; ++i) {
    bodies.push_back([&, i] {
      try {
        outcome[i] = std::to_string(ask(lane, "SELECT $1::bigint FROM pg_sleep(2)", i));
      } catch (const PgError& e) {
        outcome[i] = e.kind() == PgError::Kind::unavailable ? "unavailable" : e.what();
      }
    });
  }
  // Another session ends the lane's backend while the first statement sleeps.
  std::thread killer = end_backend_running("FROM pg_sleep(2)");
  run_fibers(bodies);
  killer.join();
  for (int i = 0; i < kFibers; ++i) EXPECT_EQ(outcome[i], "unavailable") << "fiber " << i;
  EXPECT_FALSE(lane.usable());
  EXPECT_EQ(lane.in_flight(), 0u);
}

// Whether the unit's statement ran on a lane: only the lanes' connections are read only by
// default (pooled reads are READ ONLY transactions on connections that are not).
std::string ran_on(Tx& tx) {
  auto s = static_cast<PgTx&>(tx).connection().prepare(
      "SELECT current_setting('default_transaction_read_only')");
  if (!s.step()) return "?";
  return s.text(0) == "on" ? "lane" : "pool";
}

TEST_F(LanePipelineTest, ReadBriefUsesTheLaneInAFiberAndRunsAgainAsAReadWhenItNeedsMore) {
  auto db = open_postgres({.url = test_url()});
  // This thread's lane opens with the first unit, alone: units arriving while it connects read
  // through the pool.
  std::string first;
  run_fibers({[&] { db->read_brief([&](Tx& tx) { first = ran_on(tx); }); }});
  EXPECT_EQ(first, "lane");
  constexpr int kFibers = 20;  // fewer than a lane takes in flight (then the pool serves)
  std::vector<std::string> where(kFibers);
  std::vector<int> runs(kFibers, 0);
  std::vector<std::function<void()>> bodies;
  for (int i = 0; i < kFibers; ++i) {
    bodies.push_back([&, i] {
      db->read_brief([&](Tx& tx) {
        ++runs[i];
        where[i] = ran_on(tx);
        if (i % 2 == 1) where[i] += "+" + ran_on(tx);  // a second statement
      });
    });
  }
  run_fibers(bodies);
  for (int i = 0; i < kFibers; ++i) {
    if (i % 2 == 0) {
      EXPECT_EQ(where[i], "lane") << "fiber " << i;
      EXPECT_EQ(runs[i], 1) << "fiber " << i;
    } else {
      EXPECT_EQ(where[i], "pool+pool") << "fiber " << i;
      EXPECT_EQ(runs[i], 2) << "fiber " << i;
    }
  }
  // Outside a fiber (a thread of its own: jobs, the CLI) it is an ordinary read.
  std::string outside;
  db->read_brief([&](Tx& tx) { outside = ran_on(tx); });
  EXPECT_EQ(outside, "pool");
}

TEST_F(LanePipelineTest, ReadBriefFailsOnlyTheUnitsWhoseStatementFailsAndRunsNoneTwice) {
  auto db = open_postgres({.url = test_url()});
  run_fibers({[&] { db->read_brief([](Tx&) {}); }});  // opens this thread's lane
  constexpr int kFibers = 20;
  std::vector<std::string> outcome(kFibers);
  std::vector<int> runs(kFibers, 0);
  std::vector<std::function<void()>> bodies;
  for (int i = 0; i < kFibers; ++i) {
    bodies.push_back([&, i] {
      try {
        db->read_brief([&](Tx& tx) {
          ++runs[i];
          auto s = static_cast<PgTx&>(tx).connection().prepare(
              "SELECT 100 / $1::bigint, current_setting('default_transaction_read_only')");
          s.bind(1, std::int64_t{i % 7 == 3 ? 0 : 100});
          outcome[i] = s.step() ? s.text(0) + " " + s.text(1) : "no row";
        });
      } catch (const StoreError&) {
        outcome[i] = "failed";
      }
    });
  }
  run_fibers(bodies);
  for (int i = 0; i < kFibers; ++i) {
    // "on": answered on the lane. A division by zero fails there, and is not tried again.
    EXPECT_EQ(outcome[i], i % 7 == 3 ? "failed" : "1 on") << "fiber " << i;
    EXPECT_EQ(runs[i], 1) << "fiber " << i;
  }
}

// The lane's backend, as the server lists it.
std::optional<int> lane_backend(Connection& admin) {
  auto s = admin.prepare(
      "SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE "
      "'%current_setting(''default_transaction_read_only'')%' AND state = 'idle'");
  if (!s.step()) return std::nullopt;
  return static_cast<int>(s.int64(0));
}

TEST_F(LanePipelineTest, ALaneWhoseBackendEndedWhileIdleIsReplacedBeforeTheNextRead) {
  auto db = open_postgres({.url = test_url()});
  std::vector<std::string> where(2);
  run_fibers({[&] { db->read_brief([&](Tx& tx) { where[0] = ran_on(tx); }); }});
  Connection admin(test_url());
  const auto first = lane_backend(admin);
  ASSERT_TRUE(first);
  admin.prepare("SELECT pg_terminate_backend($1)").bind(1, std::int64_t{*first}).run();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // its goodbye arrives
  run_fibers({[&] { db->read_brief([&](Tx& tx) { where[1] = ran_on(tx); }); }});
  EXPECT_EQ(where[0], "lane");
  EXPECT_EQ(where[1], "lane");
  const auto second = lane_backend(admin);
  ASSERT_TRUE(second);
  EXPECT_NE(*second, *first);
}

TEST_F(LanePipelineTest, ReadBriefFallsBackToThePoolWhenTheLaneIsLostMidStatement) {
  auto db = open_postgres({.url = test_url()});
  run_fibers({[&] { db->read_brief([](Tx&) {}); }});  // opens this thread's lane
  std::vector<std::string> where;
  // The unit's statement sleeps; another session ends the lane's backend meanwhile, and the unit
  // is read again through the pool instead of failing.
  std::thread killer = end_backend_running("FROM pg_sleep(1)");
  run_fibers({[&] {
    db->read_brief([&](Tx& tx) {
      auto s = static_cast<PgTx&>(tx).connection().prepare(
          "SELECT current_setting('default_transaction_read_only') FROM pg_sleep(1)");
      where.push_back(s.step() && s.text(0) == "on" ? "lane" : "pool");
    });
  }});
  killer.join();
  EXPECT_EQ(where, std::vector<std::string>{"pool"});
}

}  // namespace
}  // namespace frontline::store::postgres
