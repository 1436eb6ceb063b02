// Sees that a SQLite database in WAL mode changed without a read
// transaction: it maps the header of the wal-index (the "-shm" file, whose
// layout https://www.sqlite.org/walformat.html documents) and reads it as
// SQLite itself does before each read. Every commit, by any connection of
// any process, rewrites that header (its change counter, last frame and
// checksums), so an unchanged header means nothing was committed.
// Internal to the store layer.
#pragma once

#include <sqlite3.h>

#include <array>
#include <memory>
#include <optional>
#include <string>

#include "store/sql/sql_store.hpp"

namespace koers::sqlite {

class CommitWatch {
 public:
  // Null when the database has no wal-index to map (not in WAL mode).
  static std::unique_ptr<CommitWatch> Open(const std::string& path);
  ~CommitWatch();
  // The current header; nullopt when it is being written or not set up
  // (then the caller must read the database).
  std::optional<sql::CommitMark> Mark() const;

 private:
  CommitWatch() = default;
  sqlite3* db_ = nullptr;  // keeps the wal-index in use while it is mapped
  int fd_ = -1;
  const unsigned char* map_ = nullptr;
};

}  // namespace koers::sqlite
