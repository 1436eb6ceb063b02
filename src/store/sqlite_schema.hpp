#pragma once

#include "core/status.hpp"
#include "store/sqlite_db.hpp"

namespace koers::sqlite {

int LatestSchemaVersion();
// Applies every migration newer than the database's user_version.
Status Migrate(Connection* conn);

}  // namespace koers::sqlite
