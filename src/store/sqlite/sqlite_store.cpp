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

Status CopyDatabase(const std::string& from, const std::string& to) {
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  auto close = [&] {
    sqlite3_close(src);
    sqlite3_close(dst);
  };
  int rc = sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(src, rc, "open " + from);
    close();
    e.message = "De database '" + from + "' kan niet worden geopend.";
    return e;
  }
  rc = sqlite3_open_v2(to.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(dst, rc, "open " + to);
    close();
    e.message = "Het bestand '" + to + "' kan niet worden geschreven.";
    return e;
  }
  sqlite3_busy_timeout(src, 5000);
  sqlite3_busy_timeout(dst, 5000);
  sqlite3_backup* backup = sqlite3_backup_init(dst, "main", src, "main");
  if (!backup) {
    Error e = SqliteError(dst, sqlite3_errcode(dst), "backup " + from);
    close();
    return e;
  }
  // In steps, so writers of `from` are held up only briefly; a write in
  // between makes the next step start again from the changed pages.
  do {
    rc = sqlite3_backup_step(backup, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  Status st = Status::Ok();
  if (rc != SQLITE_DONE) {
    Error e = SqliteError(dst, rc, "backup " + from);
    e.message = "De kopie van '" + from + "' is mislukt.";
    st = e;
  }
  close();
  return st;
}

}  // namespace koers::sqlite

namespace koers {

Result<std::unique_ptr<Store>> OpenStore(const std::string& address) {
  if (postgres::IsPostgresAddress(address)) return postgres::OpenPostgresStore(address);
  return sqlite::OpenSqliteStore(address);
}

}  // namespace koers
