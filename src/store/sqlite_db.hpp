// A thin RAII layer over the SQLite C API: connections, cached prepared
// statements and transactions. Only the store layer includes this.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.hpp"

namespace koers::sqlite {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Binds by 1-based index. Empty optionals and empty strings with
  // `empty_as_null` bind NULL.
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view v, bool empty_as_null = false);
  Statement& Bind(int i, std::optional<double> v);
  Statement& Bind(int i, std::optional<int> v);
  Statement& BindNull(int i);

  // Steps once: true when a row is ready, false when done. Errors go to `status`.
  bool Step(Status* status);
  // Steps to the end, for statements without rows.
  Status Run();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  // Valid until the next Step or Reset; for hot loops that compare text.
  std::string_view View(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
  }
  std::optional<double> OptReal(int col) const;
  std::optional<int> OptInt(int col) const;

  // Clears bindings and resets for reuse.
  void Reset();

 private:
  sqlite3_stmt* stmt_;
};

// A prepared statement borrowed from a connection's cache; reset when the
// lease ends, so no statement keeps a read snapshot open between calls.
class StatementLease {
 public:
  explicit StatementLease(Statement* s) : s_(s) {}
  StatementLease(StatementLease&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  StatementLease& operator=(StatementLease&&) = delete;
  ~StatementLease() {
    if (s_) s_->Reset();
  }
  Statement* operator->() const { return s_; }
  Statement& operator*() const { return *s_; }
  Statement* get() const { return s_; }

 private:
  Statement* s_;
};

// One open database handle. Not thread-safe: the pool hands each thread its own.
class Connection {
 public:
  // Opens (creating if needed) with WAL, foreign keys and a busy timeout.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection();

  // Returns a statement for `sql`, prepared once per connection. Do not hold
  // two leases of the same SQL at once.
  Result<StatementLease> Prepare(const std::string& sql);
  Status Exec(const std::string& sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Connection* conn);
  ~Transaction();
  Status status() const { return begin_; }
  Status Commit();

 private:
  Connection* conn_;
  Status begin_;
  bool done_ = false;
};

// Hands out connections, one per concurrent user; a connection goes back
// to the pool when its lease ends. Thread-safe.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::string path) : path_(std::move(path)) {}

  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (conn_) pool_->Return(std::move(conn_));
    }
    Connection* operator->() { return conn_.get(); }
    Connection* get() { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<Connection> conn);
  static constexpr size_t kMaxIdle = 16;
  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// Maps an SQLite error to a Status and logs the detail (the message for the
// caller stays generic: SQL errors are not for users).
Error DbError(sqlite3* db, int rc, std::string_view what);

}  // namespace koers::sqlite
