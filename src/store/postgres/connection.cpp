// PostgreSQL connection and statement helpers (see header).
#include "store/postgres/connection.hpp"

#include <poll.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <utility>

#include "store/postgres/lane_pipeline.hpp"
#include "store/waiter.hpp"

namespace frontline::store::postgres {

namespace {

std::string_view field_of(const PGresult* result, int code) {
  const char* v = result ? PQresultErrorField(result, code) : nullptr;
  return v ? std::string_view(v) : std::string_view();
}

// The first column of the key in a unique violation's detail: "Key (email)=(a@b) already
// exists." → "email"; "Key (user_id, name)=(…)" → "user_id". PostgreSQL names the constraint
// but (for unique violations) no column, so the detail is where the column is.
std::string key_column(std::string_view detail) {
  constexpr std::string_view kPrefix = "Key (";
  if (!detail.starts_with(kPrefix)) return {};
  auto columns = detail.substr(kPrefix.size());
  columns = columns.substr(0, columns.find_first_of(",)"));
  if (columns.size() >= 2 && columns.front() == '"' && columns.back() == '"') {
    columns = columns.substr(1, columns.size() - 2);
  }
  return std::string(columns);
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

PgError::Kind classify_sqlstate(std::string_view sqlstate, bool connection_lost) {
  using Kind = PgError::Kind;
  if (connection_lost) return Kind::unavailable;
  if (sqlstate == "23505") return Kind::conflict;
  if (sqlstate == "23503") return Kind::not_found;
  // Serialization failure, deadlock, and a NOWAIT lock that was taken: the same unit may pass
  // when run again after the rollback.
  if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03") return Kind::busy;
  // 53200 out of (shared) memory: under many concurrent SERIALIZABLE writers the server's table
  // of read/write conflicts fills ("not enough elements in RWConflictPool"); it empties as
  // those transactions end, so the unit is run again like a serialization failure.
  if (sqlstate == "53200") return Kind::busy;
  if (sqlstate == "53100") return Kind::disk_full;
  // 08xxx connection exceptions, 57P01-03 (admin or crash shutdown, cannot connect now), and
  // everything else (as SQLite's adapter does).
  return Kind::unavailable;
}

void Connection::throw_error(const PGresult* result, std::string_view what) const {
  const std::string sqlstate(field_of(result, PG_DIAG_SQLSTATE));
  const bool lost = PQstatus(conn_) != CONNECTION_OK;
  const auto kind = classify_sqlstate(sqlstate, lost);
  std::string message = result ? PQresultErrorMessage(result) : "";
  if (message.empty()) message = PQerrorMessage(conn_);
  if (message.empty()) message = lost ? "connection lost" : "unknown error";
  std::string field;
  if (kind == PgError::Kind::conflict) {
    field = key_column(field_of(result, PG_DIAG_MESSAGE_DETAIL));
    if (field.empty()) field = std::string(field_of(result, PG_DIAG_COLUMN_NAME));
  }
  throw PgError(
      std::string(what) + (sqlstate.empty() ? "" : " [" + sqlstate + "]") + ": " + trimmed(message),
      kind, sqlstate, std::move(field), std::string(field_of(result, PG_DIAG_CONSTRAINT_NAME)));
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  if (static_cast<int>(params_.size()) < i) params_.resize(i);
  params_[i - 1] = std::to_string(v);
  return *this;
}

Stmt& Stmt::bind(int i, std::string_view v) {
  if (static_cast<int>(params_.size()) < i) params_.resize(i);
  std::string text(v);
  // PostgreSQL text cannot hold NUL, and libpq would cut the value there. The API refuses NUL
  // in what people send; should one come from elsewhere (a broken mail), it becomes U+FFFD
  // rather than the rest of the text being lost.
  for (auto at = text.find('\0'); at != std::string::npos; at = text.find('\0', at + 3)) {
    text.replace(at, 1, "\xEF\xBF\xBD");
  }
  params_[i - 1] = std::move(text);
  return *this;
}

Stmt& Stmt::bind(int i, const std::optional<std::int64_t>& v) {
  return v ? bind(i, *v) : bind_null(i);
}

Stmt& Stmt::bind(int i, const std::optional<std::string>& v) {
  return v ? bind(i, std::string_view(*v)) : bind_null(i);
}

Stmt& Stmt::bind_bool(int i, bool v) { return bind(i, std::string_view(v ? "t" : "f")); }

Stmt& Stmt::bind_bytes(int i, std::string_view v) {
  if (static_cast<int>(params_.size()) < i) params_.resize(i);
  if (static_cast<int>(binary_.size()) < i) binary_.resize(i);
  params_[i - 1] = std::string(v);
  binary_[i - 1] = 1;
  return *this;
}

Stmt& Stmt::bind_null(int i) {
  if (static_cast<int>(params_.size()) < i) params_.resize(i);
  params_[i - 1].reset();
  return *this;
}

void Stmt::execute() {
  std::vector<const char*> values;
  std::vector<int> lengths;
  values.reserve(params_.size());
  lengths.reserve(params_.size());
  for (const auto& p : params_) {
    values.push_back(p ? p->c_str() : nullptr);
    lengths.push_back(p ? static_cast<int>(p->size()) : 0);
  }
  // Text parameters unless a bind_bytes made one binary (then lengths count); text results.
  binary_.resize(params_.size());
  const bool any_binary = std::find(binary_.begin(), binary_.end(), 1) != binary_.end();
  const int count = static_cast<int>(values.size());
  const int* value_lengths = any_binary ? lengths.data() : nullptr;
  const int* formats = any_binary ? binary_.data() : nullptr;
  if (conn_->lane_) {  // throws on a failure
    result_.reset(conn_->lane_->run(name_, count, values.data(), value_lengths, formats));
    row_ = -1;
    return;
  }
  conn_->drain();
  result_.reset(
      !conn_->has_deferred()
          ? conn_->finish(PQsendQueryPrepared(conn_->conn_, name_.c_str(), count, values.data(),
                                              value_lengths, formats, 0) == 1)
          : conn_->execute_after_deferred(name_.c_str(), count, values.data(), value_lengths,
                                          formats));
  const auto status = result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    auto failed = std::move(result_);
    conn_->throw_error(failed.get(), "execute");
  }
  row_ = -1;
}

bool Stmt::step() {
  if (!result_) execute();
  if (row_ + 1 >= PQntuples(result_.get())) return false;
  ++row_;
  return true;
}

void Stmt::run() {
  if (!result_) execute();
}

std::int64_t Stmt::changes() {
  if (!result_) execute();
  const char* n = PQcmdTuples(result_.get());
  if (!n || !*n) return PQntuples(result_.get());
  std::int64_t v = 0;
  std::from_chars(n, n + std::char_traits<char>::length(n), v);
  return v;
}

const char* Stmt::value(int col) const {
  if (!result_ || row_ < 0 || PQgetisnull(result_.get(), row_, col)) return nullptr;
  return PQgetvalue(result_.get(), row_, col);
}

bool Stmt::is_null(int col) const { return value(col) == nullptr; }

std::int64_t Stmt::int64(int col) const {
  const char* v = value(col);
  if (!v) return 0;
  const auto len = static_cast<std::size_t>(PQgetlength(result_.get(), row_, col));
  std::int64_t out = 0;
  if (std::from_chars(v, v + len, out).ec != std::errc()) {
    // A boolean read as a number (SQLite habits): t/f as 1/0.
    if (len == 1 && (*v == 't' || *v == 'f')) return *v == 't';
    throw PgError("column " + std::to_string(col) + " is not an integer: " + std::string(v, len),
                  PgError::Kind::unavailable);
  }
  return out;
}

std::optional<std::int64_t> Stmt::opt_int64(int col) const {
  if (is_null(col)) return std::nullopt;
  return int64(col);
}

std::string Stmt::text(int col) const {
  const char* v = value(col);
  if (!v) return {};
  return std::string(v, static_cast<std::size_t>(PQgetlength(result_.get(), row_, col)));
}

std::optional<std::string> Stmt::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

bool Stmt::boolean(int col) const {
  const char* v = value(col);
  // 't' for a boolean column; a nonzero integer reads as true as well.
  return v && (*v == 't' || (*v >= '1' && *v <= '9') || (*v == '-' && v[1] != '\0'));
}

std::string Stmt::bytes(int col) const {
  const char* v = value(col);
  if (!v) return {};
  std::size_t n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> raw(
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &n), PQfreemem);
  if (!raw)
    throw PgError("cannot decode a bytea value (out of memory)", PgError::Kind::unavailable);
  return std::string(reinterpret_cast<const char*>(raw.get()), n);
}

Connection::Connection(const std::string& url, int connect_timeout_seconds) {
  const std::string timeout = std::to_string(connect_timeout_seconds);
  // Earlier entries are defaults: the URL (expanded from dbname) overrides them.
  const char* keys[] = {"connect_timeout", "client_encoding", "application_name", "dbname",
                        nullptr};
  const char* values[] = {timeout.c_str(), "UTF8", "frontline", url.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw PgError("cannot connect to the database: " + msg, PgError::Kind::unavailable);
  }
  // Notices (NOTICE, WARNING: "drop cascades to …") are not failures; libpq's default prints
  // them to stderr, which the server's log would repeat for every statement that emits one.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() { PQfinish(conn_); }

Stmt Connection::prepare(std::string_view sql) {
  if (lane_) {
    if (lane_statements_++ > 0) throw NeedsTransaction{};
    return Stmt(*this, std::string(sql));
  }
  std::string key(sql);
  auto it = statement_names_.find(key);
  if (it == statement_names_.end()) {
    drain();
    std::string name = "f" + std::to_string(statement_names_.size() + 1);
    std::unique_ptr<PGresult, void (*)(PGresult*)> r(
        finish(PQsendPrepare(conn_, name.c_str(), key.c_str(), 0, nullptr) == 1), PQclear);
    if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw_error(r.get(), "prepare");
    it = statement_names_.emplace(std::move(key), std::move(name)).first;
  }
  return Stmt(*this, it->second);
}

void Connection::exec(std::string_view sql) {
  if (lane_) throw NeedsTransaction{};
  drain();
  // Deferred statements go first in the same simple-protocol message.
  std::string text;
  for (auto& first : take_deferred()) text += first + "; ";
  text += sql;
  std::unique_ptr<PGresult, void (*)(PGresult*)> r(finish(PQsendQuery(conn_, text.c_str()) == 1),
                                                   PQclear);
  const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    throw_error(r.get(), "exec");
  }
}

void Connection::begin(Isolation isolation) {
  switch (isolation) {
    case Isolation::read_committed:
      exec("BEGIN ISOLATION LEVEL READ COMMITTED");
      break;
    case Isolation::repeatable_read:
      exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
      break;
    case Isolation::serializable:
      exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
      break;
  }
}

void Connection::commit() {
  if (!deferred_begin_.empty()) {  // the unit ran no statement: there is no transaction
    deferred_begin_.clear();
    deferred_.clear();
    return;
  }
  exec("COMMIT");  // after whatever is deferred (a RELEASE SAVEPOINT), in one round trip
}

void Connection::commit_later() {
  if (!deferred_begin_.empty()) {  // the unit ran no statement: there is no transaction
    deferred_begin_.clear();
    deferred_.clear();
    return;
  }
  finishing_ = take_deferred();
  finishing_.push_back("COMMIT");
}

void Connection::send_finishing() {
  if (finishing_.empty()) return;
  drain();
  std::string text;
  for (auto& statement : std::exchange(finishing_, {})) text += statement + "; ";
  unread_answer_ = PQsendQuery(conn_, text.c_str()) == 1;
}

void Connection::rollback() noexcept {
  deferred_.clear();
  if (!deferred_begin_.empty()) {
    deferred_begin_.clear();
    return;
  }
  drain();
  if (!ok()) return;
  // Like a read's COMMIT, its answer is read at the connection's next use: the server rolls back
  // as soon as it reads the command, and nothing here depends on the answer.
  unread_answer_ = PQsendQuery(conn_, "ROLLBACK") == 1;
}

bool Connection::alive() {
  drain();
  if (!ok()) return false;
  // Nothing is expected on an idle connection: anything readable is the goodbye (libpq takes it
  // as a notice) or the end of file (then libpq marks the connection bad). A few reads at most.
  for (int reads = 0; reads < 3 && ok(); ++reads) {
    pollfd ready{PQsocket(conn_), POLLIN, 0};
    if (::poll(&ready, 1, 0) <= 0 || PQconsumeInput(conn_) != 1) break;
  }
  return ok();
}

void Connection::drain() noexcept {
  if (!unread_answer_) return;
  unread_answer_ = false;
  while (PGresult* r = next_result()) PQclear(r);
}

PGresult* Connection::next_result() {
  if (auto* waiter = current_waiter()) {
    while (PQisBusy(conn_) == 1) {
      waiter->wait_readable(PQsocket(conn_));
      if (PQconsumeInput(conn_) != 1) break;  // the connection broke: PQgetResult says so
    }
  }
  return PQgetResult(conn_);
}

PGresult* Connection::finish(bool sent) {
  if (!sent) return nullptr;
  // After a failure the server skips the rest of the query, so the last result is the failure.
  PGresult* last = nullptr;
  while (PGresult* r = next_result()) {
    PQclear(last);
    last = r;
  }
  return last;
}

std::vector<std::string> Connection::take_deferred() {
  std::vector<std::string> out = std::exchange(finishing_, {});
  if (!deferred_begin_.empty()) out.push_back(std::exchange(deferred_begin_, {}));
  for (auto& s : deferred_) out.push_back(std::move(s));
  deferred_.clear();
  return out;
}

PGresult* Connection::execute_after_deferred(const char* name, int count, const char* const* values,
                                             const int* lengths, const int* formats) {
  const auto first = take_deferred();
  if (PQenterPipelineMode(conn_) != 1) throw_error(nullptr, "pipeline");
  bool sent = true;
  for (const auto& sql : first) {
    sent = sent &&
           PQsendQueryParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
  }
  sent = sent && PQsendQueryPrepared(conn_, name, count, values, lengths, formats, 0) == 1 &&
         PQpipelineSync(conn_) == 1;
  using Owned = std::unique_ptr<PGresult, void (*)(PGresult*)>;
  Owned failed(nullptr, PQclear), result(nullptr, PQclear);
  // Each query's results end with a null; the pipeline ends with its sync point.
  const auto rest_of_query = [&] {
    while (PGresult* r = next_result()) PQclear(r);
  };
  bool all_ran = sent;
  if (sent) {
    for (std::size_t i = 0; i < first.size(); ++i) {
      Owned r(next_result(), PQclear);
      if (!r) {
        all_ran = false;
        break;
      }
      const auto status = PQresultStatus(r.get());
      if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && !failed) {
        failed = std::move(r);
        all_ran = false;
      }
      rest_of_query();
    }
    result.reset(next_result());
    if (result) rest_of_query();
    while (PGresult* r = next_result()) {
      const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
      PQclear(r);
      if (sync) break;
    }
  }
  PQexitPipelineMode(conn_);
  if (!all_ran) throw_error(failed.get(), "execute");
  return result.release();
}

void Connection::reset() {
  finishing_.clear();
  deferred_begin_.clear();
  deferred_.clear();
  unread_answer_ = false;
  statement_names_.clear();
  PQreset(conn_);
  if (!ok()) throw_error(nullptr, "reconnect");
}

Transaction::Transaction(Connection& conn, Isolation isolation) : conn_(conn) {
  conn_.begin(isolation);
}

Transaction::~Transaction() {
  if (open_) conn_.rollback();
}

void Transaction::commit() {
  // Whether COMMIT succeeds or throws, the transaction is over (a failed COMMIT rolls back).
  open_ = false;
  conn_.commit();
}

}  // namespace frontline::store::postgres
