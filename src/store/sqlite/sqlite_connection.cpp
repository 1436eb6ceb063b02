#include "store/sqlite/sqlite_connection.hpp"

#include "core/log.hpp"

namespace koers::sqlite {
namespace {

// A statement's rows. Resets the statement when done, so no read snapshot
// outlives the cursor; a statement not from the cache is finalized.
class SqliteCursor final : public sql::Cursor, public sql::Row {
 public:
  SqliteCursor(sqlite3_stmt* stmt, bool owned) : stmt_(stmt), owned_(owned) {}
  ~SqliteCursor() override {
    if (owned_) {
      sqlite3_finalize(stmt_);
    } else {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }
  bool Next() override {
    if (done_) return false;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    done_ = true;
    if (rc != SQLITE_DONE) status_ = SqliteError(sqlite3_db_handle(stmt_), rc, sqlite3_sql(stmt_));
    return false;
  }
  const sql::Row& row() const override { return *this; }
  Status status() const override { return status_; }

  int Columns() const override { return sqlite3_column_count(stmt_); }
  bool IsNull(int c) const override { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int64_t Int(int c) const override { return sqlite3_column_int64(stmt_, c); }
  double Real(int c) const override { return sqlite3_column_double(stmt_, c); }
  std::string_view Text(int c) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, c))) : std::string_view();
  }

 private:
  sqlite3_stmt* stmt_;
  bool owned_;
  bool done_ = false;
  Status status_;
};

int Bind(sqlite3_stmt* stmt, int index, const sql::Param& p) {
  switch (p.type()) {
    case sql::Param::Type::kNull:
      return sqlite3_bind_null(stmt, index);
    case sql::Param::Type::kInt:
      return sqlite3_bind_int64(stmt, index, p.int_value());
    case sql::Param::Type::kReal:
      return sqlite3_bind_double(stmt, index, p.real_value());
    case sql::Param::Type::kText:
      return sqlite3_bind_text(stmt, index, p.text_value().data(), static_cast<int>(p.text_value().size()),
                               SQLITE_TRANSIENT);
  }
  return SQLITE_MISUSE;
}

}  // namespace

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string detail = std::string(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) + " (" +
                       std::string(what.substr(0, 120)) + ")";
  log::Error("database_fout", {{"code", rc}, {"melding", detail}});
  Error e;
  e.detail = std::move(detail);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      e.kind = ErrorKind::kIo;
      e.retryable = true;
      break;
    case SQLITE_CONSTRAINT:
      e.kind = ErrorKind::kConflict;
      break;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
    case SQLITE_ERROR:
      e.kind = rc == SQLITE_ERROR ? ErrorKind::kIo : ErrorKind::kInternal;
      break;
    default:
      e.kind = ErrorKind::kIo;
  }
  return e;
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(db, rc, "open " + path);
    sqlite3_close(db);
    return e;
  }
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  sqlite3_busy_timeout(db, 5000);
  Status st = conn->ExecuteScript("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
  if (!st.ok()) return st.error();
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [text, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

sqlite3_stmt* SqliteConnection::Prepare(std::string_view sql, std::span<const sql::Param> params, Error* error) {
  sqlite3_stmt* stmt = nullptr;
  auto it = cache_.find(sql);
  if (it != cache_.end() && !sqlite3_stmt_busy(it->second)) {
    stmt = it->second;
  } else {
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                it == cache_.end() ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      *error = SqliteError(db_, rc, sql);
      return nullptr;
    }
    // A statement in use by an open cursor gets a private twin (finalized with its cursor).
    if (it == cache_.end()) cache_.emplace(std::string(sql), stmt);
  }
  int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(params.size())) {
    *error = Error{ErrorKind::kInternal, "", {}, 0,
                   "statement takes " + std::to_string(expected) + " parameters, got " +
                       std::to_string(params.size()) + ": " + std::string(sql.substr(0, 120))};
    log::Error("database_fout", {{"melding", error->detail}});
    if (cache_.find(sql)->second != stmt) sqlite3_finalize(stmt);
    return nullptr;
  }
  for (size_t i = 0; i < params.size(); ++i) {
    int rc = Bind(stmt, static_cast<int>(i + 1), params[i]);
    if (rc != SQLITE_OK) {
      *error = SqliteError(db_, rc, sql);
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
      if (cache_.find(sql)->second != stmt) sqlite3_finalize(stmt);
      return nullptr;
    }
  }
  return stmt;
}

Result<std::unique_ptr<sql::Cursor>> SqliteConnection::Query(std::string_view sql, std::span<const sql::Param> params) {
  Error error;
  sqlite3_stmt* stmt = Prepare(sql, params, &error);
  if (!stmt) return error;
  return std::unique_ptr<sql::Cursor>(new SqliteCursor(stmt, cache_.find(sql)->second != stmt));
}

Result<int64_t> SqliteConnection::Execute(std::string_view sql, std::span<const sql::Param> params) {
  auto cursor = Query(sql, params);
  if (!cursor.ok()) return cursor.error();
  while (cursor.value()->Next()) {
  }
  if (!cursor.value()->status().ok()) return cursor.value()->status().error();
  return static_cast<int64_t>(sqlite3_changes64(db_));
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
  return Status::Ok();
}

Status SqliteConnection::Begin(bool write) { return ExecuteScript(write ? "BEGIN IMMEDIATE" : "BEGIN"); }

Status SqliteConnection::Commit() { return ExecuteScript("COMMIT"); }

void SqliteConnection::Rollback() {
  if (!sqlite3_get_autocommit(db_)) (void)ExecuteScript("ROLLBACK");
}

}  // namespace koers::sqlite
