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

// Runs `sql` and calls `fn` with a reader for each row; `fn` may return
// false to stop early. For streaming (exports) and for batch reads.
template <class Fn, class... Args>
Status Each(Connection& c, std::string_view sql, Fn&& fn, const Args&... args) {
  const Param params[] = {Param(args)..., Param(nullptr)};
  auto cursor = c.Query(sql, std::span<const Param>(params, sizeof...(Args)));
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

// The same with parameters collected at run time (composed filters).
inline Result<int64_t> ExecParams(Connection& c, std::string_view sql, const std::vector<Param>& params) {
  return c.Execute(sql, params);
}

}  // namespace koers::sql
