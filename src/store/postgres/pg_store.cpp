#include "store/postgres/pg_store.hpp"

#include "store/postgres/pg_connection.hpp"
#include "store/sql/sql_store.hpp"

namespace koers::postgres {

bool IsPostgresAddress(const std::string& address) {
  return address.rfind("postgresql://", 0) == 0 || address.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, ConnectionWrapper wrap) {
  auto first = PgConnection::Open(url);
  if (!first.ok()) {
    Error e = first.error();
    e.message = "De PostgreSQL-database kan niet worden bereikt: " + e.detail;
    return e;
  }
  Status st = Migrate(*first.value());
  if (!st.ok()) return st.error();
  // Connections are opened as threads need them and kept for reuse; the
  // change counter is read from the database each time, so every process
  // sees every other's changes.
  auto open = [url, wrap]() -> Result<std::unique_ptr<sql::Connection>> {
    auto c = PgConnection::Open(url);
    if (!c.ok()) {
      Error e = c.error();
      e.retryable = true;
      return e;
    }
    std::unique_ptr<sql::Connection> conn = std::move(c).value();
    return wrap ? wrap(std::move(conn)) : std::move(conn);
  };
  return std::unique_ptr<Store>(std::make_unique<sql::SqlStore>(open));
}

}  // namespace koers::postgres
