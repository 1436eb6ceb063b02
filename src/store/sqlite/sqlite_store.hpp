// The SQLite back end: one database file, WAL, the migrations of schema.cpp.
// Internal to the store layer; others call OpenStore (store.hpp).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/sql/connection.hpp"
#include "store/store.hpp"

namespace koers::sqlite {

int LatestSchemaVersion();
// Applies every migration newer than the database's user_version.
Status Migrate(sql::Connection& c);

// `wrap`, when given, wraps every connection of the store (the contract
// tests inject faults with it).
using ConnectionWrapper = std::function<std::unique_ptr<sql::Connection>(std::unique_ptr<sql::Connection>)>;
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, ConnectionWrapper wrap = {});

// Copies the database `from` to the file `to` with SQLite's online backup
// API: a consistent copy while servers keep reading and writing `from`.
// `to` is replaced. Both are plain paths (no postgresql:// URL).
Status CopyDatabase(const std::string& from, const std::string& to);

}  // namespace koers::sqlite
