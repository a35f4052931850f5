// The store contract suites' shared fixture: each suite is a parameterised GoogleTest over the
// engines in kEngines, so a new engine runs every contract test by adding one line there. Tests
// use only store::Database and the repository interfaces, never an engine's own headers.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "../../test_support.hpp"
#include "store/blob_store.hpp"
#include "store/database.hpp"

namespace frontline::store::contract {

// An engine under test: opens a fresh, migrated, empty database whose files (if any) live in
// `dir`; open may be called again on the same dir to reopen it.
struct Engine {
  std::string name;
  std::function<std::unique_ptr<Database>(const std::string& dir)> open;
  // Whether the engine can run here (PostgreSQL: a test cluster was started for the run).
  std::function<bool()> available = [] { return true; };
  // backup_to() makes a copy this engine reopens (SQLite); PostgreSQL is backed up with pg_dump.
  bool online_backup = true;
  // Where a deployment on this engine keeps attachment bytes: files under dir (SQLite), the
  // database itself (PostgreSQL).
  std::function<std::unique_ptr<BlobStore>(Database& db, const std::string& dir)> blobs;
};

// Test names and failure messages name the engine (not its bytes).
inline void PrintTo(const Engine& engine, std::ostream* os) { *os << engine.name; }

// Every engine the contract runs against (store_contract.cpp).
const std::vector<Engine>& engines();

class StoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (!GetParam().available()) GTEST_SKIP() << GetParam().name << " is not set up here";
    db_ = GetParam().open(dir_.path());
  }

  // Runs fn in a write unit that commits.
  void write(const std::function<void(Tx&)>& fn) {
    db_->write([&](Tx& tx) {
      fn(tx);
      return true;
    });
  }
  void read(const std::function<void(Tx&)>& fn) { db_->read(fn); }

  core::Id user(const std::string& email, core::Role role = core::Role::customer,
                std::optional<core::Id> organization = std::nullopt);
  core::Id organization(const std::string& name, bool share_tickets = false);
  // A ticket with the given subject and times; texts feed its search document.
  core::Ticket ticket(core::Id requester, const std::string& subject, core::UnixTime at,
                      std::vector<std::string> tags = {}, const std::string& public_text = "",
                      const std::string& internal_text = "");
  core::Id message(core::Id ticket_number, core::Id author, const std::string& body,
                   core::MessageKind kind = core::MessageKind::public_reply, core::UnixTime at = 0);

  // The kind of StoreError fn throws, or nullopt when it throws none.
  static std::optional<StoreError::Kind> kind_thrown(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const StoreError& e) {
      return e.kind();
    }
    return std::nullopt;
  }

  frontline::testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

std::string engine_name(const ::testing::TestParamInfo<Engine>& info);

// The one place the suites build a text query: plain typed words, every one must match.
inline TicketFilter search(const std::string& words) {
  TicketFilter f;
  std::istringstream in(words);
  for (std::string word; in >> word;) f.text.terms.push_back({core::TextTerm::Kind::word, word});
  return f;
}

}  // namespace frontline::store::contract

// Runs a contract suite (a fixture derived from StoreContract) against every engine.
#define FRONTLINE_STORE_CONTRACT(Suite)                                                  \
  INSTANTIATE_TEST_SUITE_P(Engines, Suite,                                               \
                           ::testing::ValuesIn(::frontline::store::contract::engines()), \
                           ::frontline::store::contract::engine_name)
