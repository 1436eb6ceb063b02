// sql::Connection on libpq: one connection to a PostgreSQL server,
// statements prepared once per connection (their ?n rewritten to $n),
// values sent and read as text. Only the store layer includes this.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/connection.hpp"

namespace koers::postgres {

// Every writer takes this transaction-scoped advisory lock first, so writes
// are serialized across all processes on one database, as on SQLite: the
// change feed's numbers then commit in order, and no write transaction
// fails on a serialization conflict.
inline constexpr int64_t kWriteLock = 0x6b6f657273;  // "koers"

class PgConnection final : public sql::Connection {
 public:
  // Connects to `url` (postgresql://user@host:port/db?...); statements that
  // run longer than `statement_timeout_ms` are cancelled.
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& url, int statement_timeout_ms = 30000);
  ~PgConnection() override;

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  Result<std::unique_ptr<sql::Cursor>> Query(std::string_view sql, std::span<const sql::Param> params) override;
  Result<int64_t> Execute(std::string_view sql, std::span<const sql::Param> params) override;
  Status ExecuteScript(std::string_view sql) override;
  Status Begin(bool write) override;
  Status Commit() override;
  void Rollback() override;

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  // Runs `sql` with `params`; the result, or an error.
  Result<PGresult*> Run(std::string_view sql, std::span<const sql::Param> params);
  struct Prepared {
    std::string name;  // empty: not kept (too many distinct statements)
    std::string text;  // with $n
    int parameters = 0;
  };
  const Prepared* Prepare(std::string_view sql, Error* error);
  PGconn* conn_;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Prepared, Hash, std::equal_to<>> cache_;
  Prepared unkept_;
};

// "?1 ... ?2" becomes "$1 ... $2" outside quoted text; `parameters` gets the
// highest number used.
std::string NumberedToDollar(std::string_view sql, int* parameters);

// The error for a failed result or connection (see sql::Connection).
Error PgError(PGconn* conn, const PGresult* res, std::string_view what);

}  // namespace koers::postgres
