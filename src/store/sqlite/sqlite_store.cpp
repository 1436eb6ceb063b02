#include "store/sqlite/sqlite_store.hpp"

#include "store/postgres/pg_store.hpp"
#include "store/sql/sql_store.hpp"
#include "store/sqlite/commit_watch.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace koers::sqlite {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, ConnectionWrapper wrap) {
  auto first = SqliteConnection::Open(path);
  if (!first.ok()) {
    Error e = first.error();
    e.message = "De database '" + path + "' kan niet worden geopend.";
    return e;
  }
  Status st = Migrate(*first.value());
  if (!st.ok()) return st.error();
  auto open = [path, wrap]() -> Result<std::unique_ptr<sql::Connection>> {
    auto c = SqliteConnection::Open(path);
    if (!c.ok()) return c.error();
    std::unique_ptr<sql::Connection> conn = std::move(c).value();
    return wrap ? wrap(std::move(conn)) : std::move(conn);
  };
  sql::CommitWatcher watcher;
  if (std::shared_ptr<CommitWatch> watch = CommitWatch::Open(path)) watcher = [watch] { return watch->Mark(); };
  auto store = std::make_unique<sql::SqlStore>(open, watcher);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace koers::sqlite

namespace koers {

Result<std::unique_ptr<Store>> OpenStore(const std::string& address) {
  if (postgres::IsPostgresAddress(address)) return postgres::OpenPostgresStore(address);
  return sqlite::OpenSqliteStore(address);
}

}  // namespace koers
