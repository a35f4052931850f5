// The engines the store contract runs against, and the fixture's helpers.
#include "store_contract.hpp"

#include <cstdlib>
#include <functional>

#include "store/file_blob_store.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/open_postgres.hpp"
#include "store/sqlite/open_sqlite.hpp"

namespace frontline::store::contract {
namespace {

// The test cluster's database (tests/pg/with_cluster.sh sets it), or empty: no PostgreSQL here.
std::string test_cluster_url() {
  const char* url = std::getenv("FRONTLINE_TEST_PG_URL");
  return url ? url : "";
}

// A database of its own for each fixture's folder, created on first open (the same folder
// opens the same database again, as reopening a SQLite file does).
std::unique_ptr<Database> open_postgres_for(const std::string& dir) {
  const std::string url = test_cluster_url();
  const std::string name = "contract_" + std::to_string(std::hash<std::string>{}(dir));
  postgres::Connection admin(url);
  if (!admin.prepare("SELECT 1 FROM pg_database WHERE datname = $1").bind(1, name).step()) {
    admin.exec("CREATE DATABASE " + name);
  }
  // postgresql://USER@/frontline?host=… → the same server, the fixture's database.
  std::string own = url;
  const auto at = own.find("/frontline");
  own.replace(at, std::string("/frontline").size(), "/" + name);
  return open_postgres({own});
}

}  // namespace

const std::vector<Engine>& engines() {
  static const std::vector<Engine> all{
      {"sqlite", [](const std::string& dir) { return open_sqlite({dir + "/frontline.db"}); },
       [] { return true; }, true,
       [](Database&, const std::string& dir) -> std::unique_ptr<BlobStore> {
         return std::make_unique<FileBlobStore>(dir + "/attachments");
       }},
      {"postgres", open_postgres_for, [] { return !test_cluster_url().empty(); }, false,
       [](Database& db, const std::string&) { return open_postgres_blobs(db); }},
  };
  return all;
}

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) { return info.param.name; }

core::Id StoreContract::user(const std::string& email, core::Role role,
                             std::optional<core::Id> organization) {
  core::Id id = 0;
  write([&](Tx& tx) {
    core::User u;
    u.email = email;
    u.name = email.substr(0, email.find('@'));
    u.role = role;
    u.organization_id = organization;
    u.timezone = "UTC";
    id = tx.accounts().insert_user(u, "");
  });
  return id;
}

core::Id StoreContract::organization(const std::string& name, bool share_tickets) {
  core::Id id = 0;
  write([&](Tx& tx) {
    core::Organization org;
    org.name = name;
    org.share_tickets = share_tickets;
    id = tx.organizations().insert_organization(org);
  });
  return id;
}

core::Ticket StoreContract::ticket(core::Id requester, const std::string& subject,
                                   core::UnixTime at, std::vector<std::string> tags,
                                   const std::string& public_text,
                                   const std::string& internal_text) {
  core::Ticket t;
  write([&](Tx& tx) {
    auto u = tx.accounts().user_by_id(requester);
    t.subject = subject;
    t.requester_id = requester;
    if (u) {
      t.requester_email = u->email;
      t.requester_name = u->name;
      t.organization_id = u->organization_id;
    }
    t.created_at = t.updated_at = t.public_updated_at = at;
    t.tags = tags;
    tx.tickets().insert_ticket(t, public_text, internal_text);
  });
  return t;
}

core::Id StoreContract::message(core::Id ticket_number, core::Id author, const std::string& body,
                                core::MessageKind kind, core::UnixTime at) {
  core::Id id = 0;
  write([&](Tx& tx) {
    core::Message m;
    m.ticket_number = ticket_number;
    m.author_id = author;
    m.body = body;
    m.kind = kind;
    m.created_at = at;
    id = tx.messages().insert_message(m);
  });
  return id;
}

}  // namespace frontline::store::contract
