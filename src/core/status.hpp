// Expected failures as values. Every layer returns Status or Result<T>; only
// the HTTP and CLI boundaries turn them into answers (api/problem.cpp maps
// each ErrorKind to one HTTP status).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace koers {

enum class ErrorKind {
  kInvalid,             // input breaks a rule; `problems` says which
  kNotFound,            // no such object, or the caller may not know it exists
  kConflict,            // clashes with the current state (duplicate, stale version)
  kPreconditionFailed,  // If-Match did not match
  kUnauthenticated,     // login needed
  kForbidden,           // known, but not allowed
  kTooLarge,            // input over a size limit
  kUnsupported,         // wrong media type or method
  kRateLimited,         // too many requests; retry later
  kIo,                  // the store or file system failed
  kInternal,            // a bug
};

// One problem with one input field; `field` uses the API's field names
// ("titel", "team[2].rol"), `message` is Dutch and meant for the user.
struct FieldProblem {
  std::string field;
  std::string message;
  bool operator==(const FieldProblem&) const = default;
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;  // Dutch, safe to show to the caller; empty: a standard text for the kind
  std::vector<FieldProblem> problems;
  int retry_after_seconds = 0;  // only for kRateLimited
  std::string detail;           // technical, for the log only (the store's errors carry this)
  bool retryable = false;       // running the unit of work again may succeed (serialization, busy)
};

Error Invalid(std::string message, std::vector<FieldProblem> problems = {});
Error NotFound(std::string message);
Error Conflict(std::string message);
Error Forbidden(std::string message);
Error IoError(std::string message);
Error Internal(std::string message);

// Status: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  static Status Ok() { return {}; }
  bool ok() const { return !error_.has_value(); }
  const Error& error() const {
    assert(error_);
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

// Result<T>: a value or an Error. Access value() only when ok().
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design
  Result(Status status) : v_(status.error()) {}      // only from a failed Status
  bool ok() const { return v_.index() == 0; }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }
  Status status() const { return ok() ? Status::Ok() : Status(error()); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace koers
