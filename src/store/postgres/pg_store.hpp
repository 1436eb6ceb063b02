// The PostgreSQL back end: a pool of libpq connections, the migrations of
// pg_schema.cpp. Internal to the store layer; others call OpenStore
// (store.hpp).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/sql/connection.hpp"
#include "store/store.hpp"

namespace koers::postgres {

int LatestSchemaVersion();
// Applies every migration newer than the database's schema version, under
// an advisory lock: processes that start together migrate once.
Status Migrate(sql::Connection& c);

using ConnectionWrapper = std::function<std::unique_ptr<sql::Connection>(std::unique_ptr<sql::Connection>)>;
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, ConnectionWrapper wrap = {});

// Whether `address` names a PostgreSQL database rather than a SQLite file.
bool IsPostgresAddress(const std::string& address);

}  // namespace koers::postgres
