#include "store/sqlite_db.hpp"

#include <nlohmann/json.hpp>

#include "core/log.hpp"

namespace koers::sqlite {

Error DbError(sqlite3* db, int rc, std::string_view what) {
  log::Error("database_fout", {{"actie", what}, {"code", rc}, {"melding", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)}});
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return IoError("De database is even bezet. Probeer het zo opnieuw.");
  if ((rc & 0xff) == SQLITE_CONSTRAINT) return Conflict("De wijziging botst met bestaande gegevens.");
  return IoError("De database gaf een fout. De wijziging is niet opgeslagen.");
}

Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, std::string_view v, bool empty_as_null) {
  if (empty_as_null && v.empty()) return BindNull(i);
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int i, std::optional<double> v) { return v ? Bind(i, *v) : BindNull(i); }
Statement& Statement::Bind(int i, std::optional<int> v) { return v ? Bind(i, static_cast<int64_t>(*v)) : BindNull(i); }
Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = DbError(sqlite3_db_handle(stmt_), rc, sqlite3_sql(stmt_));
  return false;
}

Status Statement::Run() {
  Status st;
  while (Step(&st)) {
  }
  return st;
}

std::string Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::optional<double> Statement::OptReal(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Real(col);
}

std::optional<int> Statement::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return static_cast<int>(Int(col));
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    Error e = DbError(db, rc, "open");
    sqlite3_close(db);
    e.message = "De database '" + path + "' kan niet worden geopend.";
    return e;
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_busy_timeout(db, 5000);
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
    Status st = conn->Exec(pragma);
    if (!st.ok()) return st.error();
  }
  return conn;
}

Connection::~Connection() {
  cache_.clear();  // finalize statements before closing
  sqlite3_close(db_);
}

Result<StatementLease> Connection::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return StatementLease(it->second.get());
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) return DbError(db_, rc, sql);
  auto owned = std::make_unique<Statement>(stmt);
  Statement* raw = owned.get();
  cache_.emplace(sql, std::move(owned));
  return StatementLease(raw);
}

Status Connection::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return DbError(db_, rc, sql.substr(0, 80));
  return Status::Ok();
}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
  }
  auto opened = Connection::Open(path_);
  if (!opened.ok()) return opened.error();
  return Lease(this, std::move(opened).value());
}

void ConnectionPool::Return(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(conn));
}

Transaction::Transaction(Connection* conn) : conn_(conn), begin_(conn->Exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction() {
  if (begin_.ok() && !done_) (void)conn_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (!begin_.ok()) return begin_;
  Status st = conn_->Exec("COMMIT");
  if (st.ok()) done_ = true;
  return st;
}

}  // namespace koers::sqlite
