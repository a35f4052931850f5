// Focus of this file: a follower of the PostgreSQL event log (events_after by id) never skips an
// event although ids commit out of order: two writers on two connections append events and
// commit in the reverse order of their ids, and a reader polling between the commits never gets
// the later id before the earlier one, then gets both (store/postgres/events.cpp explains how).
//
// Runs against FRONTLINE_TEST_PG_URL (tests/pg/with_cluster.sh); skipped when it is unset. Each
// test works in a database of its own, migrated by open_postgres.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/postgres/open_postgres.hpp"
#include "store/postgres/pg_tx.hpp"

namespace frontline::store::postgres {
namespace {

const char* test_url() { return std::getenv("FRONTLINE_TEST_PG_URL"); }

using Ids = std::vector<core::Id>;

// One writer: a SERIALIZABLE transaction on a connection of its own, as PgDatabase::write runs.
class Writer {
 public:
  explicit Writer(const std::string& url) : conn_(url) {
    conn_.begin(Isolation::serializable);
    tx_ = std::make_unique<PgTx>(conn_);
  }
  core::Id append(const std::string& type) {
    core::Event e;
    e.type = type;
    e.data = "{}";
    return tx_->events().append_event(e);
  }
  // Gives the transaction its xid now, before any event (as writing a ticket first would).
  void write_something_else() { conn_.prepare("SELECT pg_current_xact_id()").run(); }
  void commit() { conn_.commit(); }
  void rollback() { conn_.rollback(); }

 private:
  Connection conn_;
  std::unique_ptr<PgTx> tx_;
};

class PgEventsOrder : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test_url()) GTEST_SKIP() << "FRONTLINE_TEST_PG_URL is not set";
    static int counter = 0;
    const std::string name =
        "events_order_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    Connection admin(test_url());
    admin.exec("CREATE DATABASE " + name);
    url_ = test_url();
    const auto at = url_.find("/frontline");
    url_.replace(at, std::string("/frontline").size(), "/" + name);
    db_ = open_postgres({url_});
  }

  Ids events_after(core::Id after) {
    Ids out;
    db_->read([&](Tx& tx) {
      for (const auto& e : tx.events().events_after(after, 100)) out.push_back(e.id);
    });
    return out;
  }
  core::Id last_event_id() {
    core::Id id = 0;
    db_->read([&](Tx& tx) { id = tx.events().last_event_id(); });
    return id;
  }

  std::string url_;
  std::unique_ptr<Database> db_;
};

TEST_F(PgEventsOrder, LaterIdCommittedFirstWaitsForTheEarlierOne) {
  Writer a(url_), b(url_);
  const auto first = a.append("test.a");
  const auto second = b.append("test.b");
  ASSERT_LT(first, second);
  b.commit();
  EXPECT_EQ(events_after(0), Ids{});  // 11 is committed, but 10 may still come
  EXPECT_EQ(last_event_id(), 0);      // a follower starting here must not start past 10
  a.commit();
  EXPECT_EQ(events_after(0), (Ids{first, second}));
  EXPECT_EQ(last_event_id(), second);
}

// The case a bare "txid < oldest running xid" would miss: B got its xid before A, but takes its
// event id after A's; B commits while A runs.
TEST_F(PgEventsOrder, OlderTransactionTakingALaterIdStillWaits) {
  Writer b(url_);
  b.write_something_else();
  Writer a(url_);
  const auto first = a.append("test.a");
  const auto second = b.append("test.b");
  ASSERT_LT(first, second);
  b.commit();
  EXPECT_EQ(events_after(0), Ids{});
  a.commit();
  EXPECT_EQ(events_after(0), (Ids{first, second}));
}

TEST_F(PgEventsOrder, FollowerReadsEachEventOnceInIdOrderAcrossCommits) {
  const auto before = [&] {
    Writer w(url_);
    auto id = w.append("test.before");
    w.commit();
    return id;
  }();
  Writer a(url_), b(url_);
  const Ids from_a{a.append("test.a1"), a.append("test.a2")};
  const auto from_b = b.append("test.b");
  b.commit();
  Ids seen = events_after(0);  // the follower polls between the commits
  EXPECT_EQ(seen, Ids{before});
  a.commit();
  for (auto id : events_after(seen.back())) seen.push_back(id);
  EXPECT_EQ(seen, (Ids{before, from_a[0], from_a[1], from_b}));
}

TEST_F(PgEventsOrder, RolledBackIdLeavesAGapThatDoesNotBlock) {
  Writer a(url_), b(url_);
  a.append("test.rolled_back");
  const auto kept = b.append("test.kept");
  a.rollback();
  b.commit();
  EXPECT_EQ(events_after(0), Ids{kept});
}

// A unit that appended an event and asks for the last id gets its own, as on SQLite
// (app/invitations.cpp keys the invitation mail by it).
TEST_F(PgEventsOrder, AUnitThatAppendedSeesItsOwnEventAsTheLast) {
  db_->write([&](Tx& tx) {
    core::Event e;
    e.type = "test.own";
    e.data = "{}";
    const auto own = tx.events().append_event(e);
    EXPECT_EQ(tx.events().last_event_id(), own);
    return true;
  });
}

}  // namespace
}  // namespace frontline::store::postgres
