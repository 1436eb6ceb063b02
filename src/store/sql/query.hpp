// Typed helpers over sql::Connection: one place for the prepare, bind, step
// and read loop. Parameters are bound in order (their count is checked by
// the driver against the statement); rows are read column after column by a
// RowReader, which checks that a mapping reads exactly the statement's
// columns. Every return code ends up in a Status.
//
//   auto org = sql::One(c, kGetOrganisation, ReadOrganisation, code);
//   auto all = sql::All(c, kListPartners, ReadCode, innovation_id);
//   auto n = sql::Exec(c, kDeleteSession, hash);
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/sql/connection.hpp"

namespace koers::sql {

// Reads the columns of one row in order: no column numbers in mappings.
class RowReader {
 public:
  explicit RowReader(const Row& row) : row_(row) {}
  int64_t Int() { return row_.Int(Next()); }
  double Real() { return row_.Real(Next()); }
  bool Bool() { return row_.Int(Next()) != 0; }
  std::string Text() { return std::string(row_.Text(Next())); }
  std::string_view View() { return row_.Text(Next()); }
  std::optional<int64_t> OptInt() {
    int c = Next();
    return row_.IsNull(c) ? std::nullopt : std::optional<int64_t>(row_.Int(c));
  }
  std::optional<double> OptReal() {
    int c = Next();
    return row_.IsNull(c) ? std::nullopt : std::optional<double>(row_.Real(c));
  }
  bool NextIsNull() const { return row_.IsNull(column_); }
  void Skip(int n = 1) {
    for (int i = 0; i < n; ++i) Next();
  }
  // True when the mapping read every column and no more.
  bool Complete() const { return column_ == row_.Columns() && !overrun_; }

 private:
  int Next() {
    if (column_ >= row_.Columns()) overrun_ = true;
    return column_++;
  }
  const Row& row_;
  int column_ = 0;
  bool overrun_ = false;
};

Error MappingError(std::string_view sql);

// A statement composed at run time (filters, lists of ids): text and its
// parameters grow together. Each "?" in an appended fragment becomes the
// next numbered parameter (?n), bound to the next value given.
class Composed {
 public:
  explicit Composed(std::string_view start = {}) : text_(start) {}
  template <class... Args>
  Composed& Add(std::string_view fragment, Args&&... args) {
    Param values[] = {Param(std::forward<Args>(args))..., Param(nullptr)};
    size_t next = 0;
    for (char ch : fragment) {
      if (ch != '?') {
        text_ += ch;
        continue;
      }
      params_.push_back(next < sizeof...(Args) ? std::move(values[next]) : Param(nullptr));
      ++next;
      text_ += '?' + std::to_string(params_.size());
    }
    return *this;
  }
  // "(?n, ?n+1, ...)" for a list of values; "(NULL)" for none (matches nothing).
  template <class T>
  Composed& AddList(const std::vector<T>& values) {
    if (values.empty()) return Add("(NULL)");
    text_ += '(';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) text_ += ", ";
      params_.emplace_back(values[i]);
      text_ += '?' + std::to_string(params_.size());
    }
    text_ += ')';
    return *this;
  }
  const std::string& text() const { return text_; }
  std::span<const Param> params() const { return params_; }

 private:
  std::string text_;
  std::vector<Param> params_;
};

namespace detail {
template <class Fn>
Status Rows(Result<std::unique_ptr<Cursor>> cursor, std::string_view sql, Fn& fn);
}  // namespace detail

// Runs `sql` and calls `fn` with a reader for each row; `fn` may return
// false to stop early. For streaming (exports) and for batch reads.
template <class Fn, class... Args>
Status Each(Connection& c, std::string_view sql, Fn&& fn, const Args&... args) {
  const Param params[] = {Param(args)..., Param(nullptr)};
  return detail::Rows(c.Query(sql, std::span<const Param>(params, sizeof...(Args))), sql, fn);
}

template <class Fn>
Status Each(Connection& c, const Composed& q, Fn&& fn) {
  return detail::Rows(c.Query(q.text(), q.params()), q.text(), fn);
}

// With parameters gathered at run time for a statement with numbered ones.
template <class Fn>
Status EachWith(Connection& c, std::string_view sql, std::span<const Param> params, Fn&& fn) {
  return detail::Rows(c.Query(sql, params), sql, fn);
}

// The single integer of the first row (an id from RETURNING, a count);
// nullopt without a row.
inline Result<std::optional<int64_t>> ScalarWith(Connection& c, std::string_view sql, std::span<const Param> params) {
  std::optional<int64_t> out;
  Status st = EachWith(c, sql, params, [&](RowReader& r) {
    out = r.Int();
    return false;
  });
  if (!st.ok()) return st.error();
  return out;
}

template <class Fn>
Status detail::Rows(Result<std::unique_ptr<Cursor>> cursor, std::string_view sql, Fn& fn) {
  if (!cursor.ok()) return cursor.status();
  while (cursor.value()->Next()) {
    RowReader r(cursor.value()->row());
    bool more = true;
    if constexpr (std::is_same_v<std::invoke_result_t<Fn, RowReader&>, bool>) {
      more = fn(r);
    } else {
      fn(r);
    }
    if (!r.Complete()) return MappingError(sql);
    if (!more) return Status::Ok();
  }
  return cursor.value()->status();
}

// Every row of `sql`, each mapped by `read`.
template <class Read, class... Args>
auto All(Connection& c, std::string_view sql, Read&& read, const Args&... args)
    -> Result<std::vector<std::invoke_result_t<Read, RowReader&>>> {
  std::vector<std::invoke_result_t<Read, RowReader&>> out;
  Status st = Each(c, sql, [&](RowReader& r) { out.push_back(read(r)); }, args...);
  if (!st.ok()) return st.error();
  return out;
}

// The first row of `sql` mapped by `read`, or nullopt when there is none.
template <class Read, class... Args>
auto One(Connection& c, std::string_view sql, Read&& read, const Args&... args)
    -> Result<std::optional<std::invoke_result_t<Read, RowReader&>>> {
  std::optional<std::invoke_result_t<Read, RowReader&>> out;
  Status st = Each(
      c, sql,
      [&](RowReader& r) {
        out = read(r);
        return false;
      },
      args...);
  if (!st.ok()) return st.error();
  return out;
}

// A single integer (a count, an id from RETURNING); nullopt without a row.
template <class... Args>
Result<std::optional<int64_t>> Scalar(Connection& c, std::string_view sql, const Args&... args) {
  return One(c, sql, [](RowReader& r) { return r.Int(); }, args...);
}

// Runs a statement without rows; the number of rows it changed.
template <class... Args>
Result<int64_t> Exec(Connection& c, std::string_view sql, const Args&... args) {
  const Param params[] = {Param(args)..., Param(nullptr)};
  return c.Execute(sql, std::span<const Param>(params, sizeof...(Args)));
}

inline Result<int64_t> Exec(Connection& c, const Composed& q) { return c.Execute(q.text(), q.params()); }

// Every row of a composed statement, each mapped by `read`.
template <class Read>
auto All(Connection& c, const Composed& q, Read&& read) -> Result<std::vector<std::invoke_result_t<Read, RowReader&>>> {
  std::vector<std::invoke_result_t<Read, RowReader&>> out;
  Status st = Each(c, q, [&](RowReader& r) { out.push_back(read(r)); });
  if (!st.ok()) return st.error();
  return out;
}

inline Result<int64_t> Count(Connection& c, const Composed& q) {
  int64_t n = 0;
  Status st = Each(c, q, [&](RowReader& r) { n = r.Int(); });
  if (!st.ok()) return st.error();
  return n;
}

// `%text%` for a LIKE with ESCAPE '\': the text's own % and _ match themselves.
std::string LikeContaining(std::string_view text);

}  // namespace koers::sql
