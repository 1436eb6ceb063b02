#include "store/sqlite/commit_watch.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace koers::sqlite {
namespace {

// The wal-index header is two copies of 48 bytes; a writer updates the
// second copy, then the first. Byte 12 of a copy says it is initialised.
constexpr size_t kHeader = 48;
constexpr size_t kIsInit = 12;
constexpr size_t kMapped = 4096;

}  // namespace

std::unique_ptr<CommitWatch> CommitWatch::Open(const std::string& path) {
  std::unique_ptr<CommitWatch> w(new CommitWatch());
  // An open connection that has read once keeps the wal-index from being
  // truncated by a connection that opens later.
  if (sqlite3_open_v2(path.c_str(), &w->db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return nullptr;
  if (sqlite3_exec(w->db_, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK) return nullptr;
  w->fd_ = ::open((path + "-shm").c_str(), O_RDONLY | O_CLOEXEC);
  if (w->fd_ < 0) return nullptr;
  struct stat st {};
  if (::fstat(w->fd_, &st) != 0 || st.st_size < static_cast<off_t>(kMapped)) return nullptr;
  void* map = ::mmap(nullptr, kMapped, PROT_READ, MAP_SHARED, w->fd_, 0);
  if (map == MAP_FAILED) return nullptr;
  w->map_ = static_cast<const unsigned char*>(map);
  return w;
}

CommitWatch::~CommitWatch() {
  if (map_) ::munmap(const_cast<unsigned char*>(map_), kMapped);
  if (fd_ >= 0) ::close(fd_);
  if (db_) sqlite3_close(db_);
}

std::optional<sql::CommitMark> CommitWatch::Mark() const {
  // As walIndexTryHdr: the first copy, a barrier, the second; equal copies
  // are a consistent header.
  sql::CommitMark first, second;
  std::memcpy(first.data(), map_, kHeader);
  std::atomic_thread_fence(std::memory_order_acquire);
  std::memcpy(second.data(), map_ + kHeader, kHeader);
  if (first != second || first[kIsInit] == 0) return std::nullopt;
  return first;
}

}  // namespace koers::sqlite
