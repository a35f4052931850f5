// `frontline admin migrate-to-postgres --data DIR --database URL`: copies a whole SQLite
// deployment into an empty PostgreSQL database — every table with every id, the search documents,
// the consumers' cursors — in one transaction, moves each identity sequence past the largest id
// copied, and prints the rows per table on both sides (exit 1 if any differ). Refuses a database
// that holds any row. Attachments (files under DIR/attachments, or --attachments-dir) go into the
// blobs table, each checked against its SHA-256 name on the way; instances then need no folder.
//
// The tables and their columns come from PostgreSQL's catalog (the baseline schema keeps
// SQLite's column order); a column SQLite does not have (events.txid) takes its default, and
// generated ones (the tsvector documents) compute themselves. Tables are copied parents first,
// by their foreign keys. Values travel as text: PostgreSQL reads SQLite's 0/1 as booleans.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "store/blob_store.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/open_postgres.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/open_sqlite.hpp"

namespace frontline::cli {
namespace {

namespace pg = store::postgres;
namespace lite = store::sqlite;

struct Table {
  std::string name;
  std::vector<std::string> columns;     // copied, in order
  std::vector<std::string> identities;  // identity columns (their sequences move afterwards)
};

// The tables to copy, parents before children.
std::vector<Table> tables_in_copy_order(pg::Connection& db) {
  std::map<std::string, Table> tables;
  auto t = db.prepare(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND "
      "table_type = 'BASE TABLE' AND table_name NOT IN ('schema_migrations', 'blobs')");
  while (t.step()) tables[t.text(0)].name = t.text(0);
  auto c = db.prepare(
      "SELECT table_name, column_name, is_identity FROM information_schema.columns WHERE "
      "table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position");
  while (c.step()) {
    auto it = tables.find(c.text(0));
    if (it == tables.end()) continue;
    it->second.columns.push_back(c.text(1));
    if (c.text(2) == "YES") it->second.identities.push_back(c.text(1));
  }
  std::map<std::string, std::set<std::string>> parents;
  auto f = db.prepare(
      "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
      "WHERE contype = 'f' AND conrelid <> confrelid");
  while (f.step()) parents[f.text(0)].insert(f.text(1));
  std::vector<Table> ordered;
  std::set<std::string> placed;
  while (placed.size() < tables.size()) {
    bool progress = false;
    for (auto& [name, table] : tables) {
      if (placed.count(name)) continue;
      bool ready = true;
      for (const auto& p : parents[name]) ready = ready && (placed.count(p) || !tables.count(p));
      if (!ready) continue;
      ordered.push_back(table);
      placed.insert(name);
      progress = true;
    }
    if (!progress) throw std::runtime_error("the schema's foreign keys form a cycle");
  }
  return ordered;
}

// Every table that must be empty before a copy: the copied ones and blobs.
std::vector<std::string> table_names(const std::vector<Table>& tables) {
  std::vector<std::string> names{"blobs"};
  for (const auto& t : tables) names.push_back(t.name);
  return names;
}

std::set<std::string> sqlite_columns(lite::Connection& db, const std::string& table) {
  std::set<std::string> out;
  auto s = db.prepare("SELECT name FROM pragma_table_info(?)");
  s.bind(1, table);
  while (s.step()) out.insert(s.text(0));
  return out;
}

std::int64_t count_rows(lite::Connection& db, const std::string& table) {
  auto s = db.prepare("SELECT count(*) FROM \"" + table + "\"");
  s.step();
  return s.int64(0);
}

std::int64_t count_rows(pg::Connection& db, const std::string& table) {
  auto s = db.prepare("SELECT count(*) FROM \"" + table + "\"");
  s.step();
  return s.int64(0);
}

// Copies every attachment file under folder into the blobs table; returns how many. A file whose
// bytes no longer match its name is damaged: the copy stops rather than carry it over silently.
std::int64_t copy_attachments(const std::string& folder, pg::Connection& to) {
  namespace fs = std::filesystem;
  std::int64_t copied = 0;
  if (!fs::is_directory(folder)) return 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || !store::is_sha256_hex(name)) continue;  // .tmp leftovers
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw std::runtime_error("cannot read " + entry.path().string());
    if (store::sha256_hex(bytes) != name)
      throw std::runtime_error(entry.path().string() +
                               " does not match its SHA-256 name (damaged)");
    to.prepare(
          "INSERT INTO blobs (sha256, bytes, created_at) "
          "VALUES ($1, $2, extract(epoch FROM now())::bigint)")
        .bind(1, name)
        .bind_bytes(2, bytes)
        .run();
    ++copied;
  }
  return copied;
}

// Copies one table's rows; the names come from the catalogs, never from input.
void copy_table(lite::Connection& from, pg::Connection& to, const Table& t,
                const std::set<std::string>& source_columns) {
  std::vector<std::string> cols;
  std::string select, insert = "INSERT INTO \"" + t.name + "\" (", values;
  for (const auto& c : t.columns) {
    // SQLite's full-text table keys its documents by rowid; PostgreSQL's by ticket_number.
    const bool rowid = t.name == "ticket_search" && c == "ticket_number";
    if (!rowid && !source_columns.count(c)) continue;  // takes its default
    cols.push_back(c);
    select += (select.empty() ? "" : ", ") + (rowid ? std::string("rowid") : "\"" + c + "\"");
    insert += (cols.size() > 1 ? ", \"" : "\"") + c + "\"";
    values += (cols.size() > 1 ? ", $" : "$") + std::to_string(cols.size());
  }
  insert += ") VALUES (" + values + ")";
  auto rows = from.prepare("SELECT " + select + " FROM \"" + t.name + "\"");
  while (rows.step()) {
    auto s = to.prepare(insert);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const int col = static_cast<int>(i);
      if (rows.is_null(col)) {
        s.bind_null(col + 1);
      } else {
        s.bind(col + 1, rows.text(col));
      }
    }
    s.run();
  }
}

int migrate(const StoreLocation& where) {
  const std::string url = database_url_of(where);
  if (url.empty())
    throw std::runtime_error("--database URL (or FRONTLINE_DATABASE_URL) is required");
  const std::string file = where.data_dir + "/frontline.db";
  if (!std::filesystem::exists(file)) throw std::runtime_error("no SQLite database at " + file);
  // Both opened as the server would: SQLite migrated to this binary's schema, PostgreSQL created.
  store::open_sqlite({file}).reset();
  store::open_postgres({url}).reset();
  lite::Connection from(file, /*create=*/false);
  pg::Connection to(url);
  const auto tables = tables_in_copy_order(to);
  for (const auto& name : table_names(tables)) {
    if (count_rows(to, name) > 0) {
      std::cerr << "migrate-to-postgres: the database is not empty (" << name
                << " has rows); give an empty database\n";
      return 1;
    }
  }
  std::string folder = attachments_dir_of(where);
  if (folder.empty()) folder = where.data_dir + "/attachments";
  std::int64_t files = 0;
  from.exec("BEGIN");  // one consistent snapshot of the source
  to.begin(pg::Isolation::serializable);
  try {
    for (const auto& t : tables) copy_table(from, to, t, sqlite_columns(from, t.name));
    files = copy_attachments(folder, to);
    for (const auto& t : tables) {
      for (const auto& id : t.identities) {
        to.prepare("SELECT setval(pg_get_serial_sequence($1, $2), max(\"" + id + "\")) FROM \"" +
                   t.name + "\" HAVING max(\"" + id + "\") IS NOT NULL")
            .bind(1, t.name)
            .bind(2, id)
            .run();
      }
    }
    to.commit();
  } catch (...) {
    to.rollback();
    throw;
  }
  // One line per table, and a last one for the attachment files under the folder (left)
  // against the rows of the blobs table (right).
  const auto line = [](const std::string& name, auto a, auto b) {
    std::cout << std::left << std::setw(24) << name << std::right << std::setw(12) << a
              << std::setw(12) << b << (a == b ? "" : "  DIFFERENT") << "\n";
    return a == b;
  };
  std::cout << std::left << std::setw(24) << "table" << std::right << std::setw(12) << "sqlite"
            << std::setw(12) << "postgresql"
            << "\n";
  bool same = true;
  for (const auto& t : tables)
    same = line(t.name, count_rows(from, t.name), count_rows(to, t.name)) && same;
  from.exec("COMMIT");
  same = line("blobs", files, count_rows(to, "blobs")) && same;
  std::cout << (same ? "every table and attachment matches\n"
                     : "the counts differ: do not switch over\n");
  return same ? 0 : 1;
}

}  // namespace

void add_migrate_to_postgres_command(CLI::App& admin) {
  auto where = std::make_shared<StoreLocation>();
  auto* cmd = admin.add_subcommand("migrate-to-postgres",
                                   "Copy a SQLite deployment into an empty PostgreSQL database");
  add_store_options(cmd, *where);
  cmd->callback([where] { throw ExitStatus{migrate(*where)}; });
}

}  // namespace frontline::cli
