#include "store/postgres/pg_connection.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "core/log.hpp"

namespace koers::postgres {
namespace {

// Prepared statements kept per connection; statements composed at run time
// (lists of ids of every length) beyond this run unprepared.
constexpr size_t kMaxPrepared = 400;

// A statement's rows: the whole result, read row after row. Holding it all
// lets a second statement run on the connection while a cursor is open, as
// the store's batch reads do.
class PgCursor final : public sql::Cursor, public sql::Row {
 public:
  explicit PgCursor(PGresult* res) : res_(res), rows_(PQntuples(res)), columns_(PQnfields(res)) {}
  ~PgCursor() override { PQclear(res_); }
  bool Next() override { return ++row_ < rows_; }
  const sql::Row& row() const override { return *this; }
  Status status() const override { return Status::Ok(); }

  int Columns() const override { return columns_; }
  bool IsNull(int c) const override { return PQgetisnull(res_, row_, c) != 0; }
  int64_t Int(int c) const override {
    std::string_view v = Text(c);
    if (v == "t") return 1;  // a boolean expression; SQLite gives 1 and 0
    if (v == "f") return 0;
    int64_t out = 0;
    std::from_chars(v.data(), v.data() + v.size(), out);
    return out;
  }
  double Real(int c) const override {
    std::string_view v = Text(c);
    return v.empty() ? 0 : std::strtod(std::string(v).c_str(), nullptr);
  }
  std::string_view Text(int c) const override {
    if (row_ < 0 || row_ >= rows_ || c < 0 || c >= columns_) return {};
    return std::string_view(PQgetvalue(res_, row_, c), static_cast<size_t>(PQgetlength(res_, row_, c)));
  }

 private:
  PGresult* res_;
  int rows_;
  int columns_;
  int row_ = -1;
};

// A parameter as text; nullopt for NULL.
std::optional<std::string> AsText(const sql::Param& p) {
  switch (p.type()) {
    case sql::Param::Type::kNull:
      return std::nullopt;
    case sql::Param::Type::kInt:
      return std::to_string(p.int_value());
    case sql::Param::Type::kReal: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", p.real_value());
      return std::string(buf);
    }
    case sql::Param::Type::kText:
      return p.text_value();
  }
  return std::nullopt;
}

std::string_view CommandStatus(PGresult* res) { return res ? PQcmdStatus(res) : ""; }

}  // namespace

std::string NumberedToDollar(std::string_view sql, int* parameters) {
  std::string out;
  out.reserve(sql.size());
  *parameters = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (quote) {
      if (ch == quote) quote = 0;
      out += ch;
      continue;
    }
    if (ch == '\'' || ch == '"') {
      quote = ch;
      out += ch;
      continue;
    }
    if (ch == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      int n = 0;
      size_t j = i + 1;
      for (; j < sql.size() && sql[j] >= '0' && sql[j] <= '9'; ++j) n = n * 10 + (sql[j] - '0');
      *parameters = std::max(*parameters, n);
      out += '$';
      out += std::to_string(n);
      i = j - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

Error PgError(PGconn* conn, const PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  std::string message = res ? PQresultErrorMessage(res) : "";
  if (message.empty() && conn) message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  Error e;
  e.detail = message + " (" + std::string(what.substr(0, 120)) + ")";
  log::Error("database_fout", {{"code", code}, {"melding", e.detail}});
  const bool broken = conn && PQstatus(conn) != CONNECTION_OK;
  if (code.rfind("23", 0) == 0) {
    e.kind = ErrorKind::kConflict;  // unique, foreign key, check, or a rule of a trigger
  } else if (code == "40001" || code == "40P01" || code == "55P03" || broken || code.rfind("08", 0) == 0) {
    e.kind = ErrorKind::kIo;  // serialization, deadlock, lock, connection
    e.retryable = true;
  } else if (code.rfind("42", 0) == 0 || code == "25006") {
    e.kind = ErrorKind::kInternal;  // a statement that does not fit the schema, a write in a read
  } else {
    e.kind = ErrorKind::kIo;
  }
  return e;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& url, int statement_timeout_ms) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    Error e = PgError(conn, nullptr, "connect");
    e.kind = ErrorKind::kIo;
    if (conn) PQfinish(conn);
    return e;
  }
  std::unique_ptr<PgConnection> c(new PgConnection(conn));
  Status st = c->ExecuteScript(
      "SET application_name = 'koers'; SET client_min_messages = warning; SET TIME ZONE 'UTC'; "
      "SET statement_timeout = " + std::to_string(statement_timeout_ms) + "; "
      "SET idle_in_transaction_session_timeout = " + std::to_string(statement_timeout_ms * 2));
  if (!st.ok()) return st.error();
  return c;
}

PgConnection::~PgConnection() { PQfinish(conn_); }

const PgConnection::Prepared* PgConnection::Prepare(std::string_view sql, Error* error) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return &it->second;
  Prepared p;
  p.text = NumberedToDollar(sql, &p.parameters);
  if (cache_.size() >= kMaxPrepared) {
    unkept_ = std::move(p);
    return &unkept_;
  }
  p.name = "k" + std::to_string(cache_.size());
  PGresult* res = PQprepare(conn_, p.name.c_str(), p.text.c_str(), 0, nullptr);
  if (PQresultStatus(res) != PGRES_COMMAND_OK) {
    *error = PgError(conn_, res, sql);
    PQclear(res);
    return nullptr;
  }
  PQclear(res);
  return &cache_.emplace(std::string(sql), std::move(p)).first->second;
}

Result<PGresult*> PgConnection::Run(std::string_view sql, std::span<const sql::Param> params) {
  Error error;
  const Prepared* p = Prepare(sql, &error);
  if (!p) return error;
  if (p->parameters != static_cast<int>(params.size())) {
    Error e{ErrorKind::kInternal, "", {}, 0,
            "statement takes " + std::to_string(p->parameters) + " parameters, got " +
                std::to_string(params.size()) + ": " + std::string(sql.substr(0, 120))};
    log::Error("database_fout", {{"melding", e.detail}});
    return e;
  }
  std::vector<std::optional<std::string>> texts;
  texts.reserve(params.size());
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) {
    texts.push_back(AsText(param));
    values.push_back(texts.back() ? texts.back()->c_str() : nullptr);
  }
  const int n = static_cast<int>(params.size());
  // Parameters go untyped, as text: the server reads each as the type its
  // place in the statement asks for, which is what SQLite's typing does.
  PGresult* res = p->name.empty() ? PQexecParams(conn_, p->text.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0)
                                  : PQexecPrepared(conn_, p->name.c_str(), n, values.data(), nullptr, nullptr, 0);
  ExecStatusType status = PQresultStatus(res);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    Error e = PgError(conn_, res, sql);
    PQclear(res);
    return e;
  }
  return res;
}

Result<std::unique_ptr<sql::Cursor>> PgConnection::Query(std::string_view sql, std::span<const sql::Param> params) {
  auto res = Run(sql, params);
  if (!res.ok()) return res.error();
  return std::unique_ptr<sql::Cursor>(new PgCursor(res.value()));
}

Result<int64_t> PgConnection::Execute(std::string_view sql, std::span<const sql::Param> params) {
  auto res = Run(sql, params);
  if (!res.ok()) return res.error();
  std::string_view changed = PQcmdTuples(res.value());
  int64_t n = 0;
  std::from_chars(changed.data(), changed.data() + changed.size(), n);
  PQclear(res.value());
  return n;
}

Status PgConnection::ExecuteScript(std::string_view sql) {
  PGresult* res = PQexec(conn_, std::string(sql).c_str());
  ExecStatusType status = PQresultStatus(res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Error e = PgError(conn_, res, sql);
    PQclear(res);
    return e;
  }
  PQclear(res);
  return Status::Ok();
}

Status PgConnection::Begin(bool write) {
  if (PQstatus(conn_) != CONNECTION_OK) {
    // A server restart or a dropped connection: try once to connect again
    // (the prepared statements went with the old session).
    PQreset(conn_);
    cache_.clear();
    if (PQstatus(conn_) != CONNECTION_OK) {
      Error e = PgError(conn_, nullptr, "reconnect");
      e.kind = ErrorKind::kIo;
      e.retryable = true;
      return e;
    }
  }
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) Rollback();
  return ExecuteScript(write ? "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" +
                                   std::to_string(kWriteLock) + ")"
                             : std::string("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
}

Status PgConnection::Commit() {
  PGresult* res = PQexec(conn_, "COMMIT");
  // COMMIT of a transaction that failed earlier answers ROLLBACK, without an error.
  const bool committed = PQresultStatus(res) == PGRES_COMMAND_OK && CommandStatus(res) == "COMMIT";
  if (!committed) {
    Error e = PgError(conn_, res, "COMMIT");
    if (PQresultStatus(res) == PGRES_COMMAND_OK) e.detail = "the transaction failed earlier and was rolled back";
    PQclear(res);
    return e;
  }
  PQclear(res);
  return Status::Ok();
}

void PgConnection::Rollback() {
  if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE) (void)ExecuteScript("ROLLBACK");
}

}  // namespace koers::postgres
