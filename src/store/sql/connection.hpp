// The seam between the store's SQL and a database engine: a connection that
// prepares, binds, steps and commits. The store areas (src/store/sql/*.cpp)
// are written once against this interface; src/store/sqlite/ implements it
// on the SQLite C API and src/store/postgres/ on libpq. Statements use
// numbered parameters (?1, ?2, ...) in both dialects; a driver rewrites them
// to its own form.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>
#include <span>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace koers::sql {

enum class Dialect { kSqlite, kPostgres };

// One value for a statement parameter (it keeps its own copy of a text).
// Empty optionals bind NULL; so does an empty text made with Param::OrNull.
class Param {
 public:
  enum class Type { kNull, kInt, kReal, kText };
  Param(std::nullptr_t) {}                                  // NOLINT: implicit by design, like the others
  Param(int v) : type_(Type::kInt), int_(v) {}              // NOLINT
  Param(int64_t v) : type_(Type::kInt), int_(v) {}          // NOLINT
  Param(bool v) : type_(Type::kInt), int_(v ? 1 : 0) {}     // NOLINT
  Param(double v) : type_(Type::kReal), real_(v) {}         // NOLINT
  Param(std::string_view v) : type_(Type::kText), text_(v) {}  // NOLINT
  Param(const std::string& v) : type_(Type::kText), text_(v) {}  // NOLINT
  Param(std::string&& v) : type_(Type::kText), text_(std::move(v)) {}  // NOLINT
  Param(const char* v) : type_(Type::kText), text_(v) {}    // NOLINT
  template <class T>
  Param(const std::optional<T>& v) {  // NOLINT
    if (v) *this = Param(*v);
  }
  // NULL for an empty text: for optional text columns.
  static Param OrNull(std::string_view v) { return v.empty() ? Param(nullptr) : Param(v); }

  Type type() const { return type_; }
  int64_t int_value() const { return int_; }
  double real_value() const { return real_; }
  const std::string& text_value() const { return text_; }

 private:
  Type type_ = Type::kNull;
  int64_t int_ = 0;
  double real_ = 0;
  std::string text_;
};

// The current row of a cursor. Columns are 0-based; NULL reads as 0 or "".
class Row {
 public:
  virtual ~Row() = default;
  virtual int Columns() const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
  virtual double Real(int column) const = 0;
  // Valid until the cursor moves.
  virtual std::string_view Text(int column) const = 0;
};

// The rows of a statement that runs. Not thread-safe.
class Cursor {
 public:
  virtual ~Cursor() = default;
  // Moves to the next row: true when there is one, false at the end or on
  // an error (then status() says which).
  virtual bool Next() = 0;
  virtual const Row& row() const = 0;
  virtual Status status() const = 0;
};

// One connection to the database, used by one thread at a time.
//
// Errors are typed by kind, with a technical `detail` for the log and no
// message (the app layer words it for people): kConflict for a broken
// uniqueness or reference constraint or a change the database refuses by
// rule (an append-only table, a recorded review), kIo for a database that
// is busy, unreachable or failing (Error::retryable says whether running
// the unit of work again may help), kInternal for a statement whose
// parameters do not match.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  // Prepares `sql` (once per connection) and binds `params` to ?1..?n;
  // kInternal when n is not the statement's number of parameters.
  virtual Result<std::unique_ptr<Cursor>> Query(std::string_view sql, std::span<const Param> params) = 0;
  // Runs a statement without rows; returns how many rows it changed.
  virtual Result<int64_t> Execute(std::string_view sql, std::span<const Param> params) = 0;
  // Runs statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;

  // A transaction: `write` takes the write lock at once (SQLite BEGIN
  // IMMEDIATE) or asks for serializable isolation (PostgreSQL).
  virtual Status Begin(bool write) = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
};

}  // namespace koers::sql
