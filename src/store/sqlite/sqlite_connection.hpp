// sql::Connection on the SQLite C API: one database handle, statements
// prepared once and cached, WAL, foreign keys and a busy timeout. Only the
// store layer includes this.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/connection.hpp"

namespace koers::sqlite {

class SqliteConnection final : public sql::Connection {
 public:
  // Opens (creating if needed) the database file at `path`.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path);
  ~SqliteConnection() override;

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  Result<std::unique_ptr<sql::Cursor>> Query(std::string_view sql, std::span<const sql::Param> params) override;
  Result<int64_t> Execute(std::string_view sql, std::span<const sql::Param> params) override;
  Status ExecuteScript(std::string_view sql) override;
  Status Begin(bool write) override;
  Status Commit() override;
  void Rollback() override;

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  // The cached statement for `sql`, reset and bound; nullptr with `error` set.
  sqlite3_stmt* Prepare(std::string_view sql, std::span<const sql::Param> params, Error* error);
  sqlite3* db_;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> cache_;
};

// The error for SQLite's result code `rc` (see sql::Connection for the kinds).
Error SqliteError(sqlite3* db, int rc, std::string_view what);

}  // namespace koers::sqlite
