// Store and Work over any sql::Connection: a pool of connections of one
// back end and the areas of areas.hpp bound to one transaction. The back
// ends (src/store/sqlite/, src/store/postgres/) give the pool its
// connections and run their migrations; everything else is here.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sql/connection.hpp"
#include "store/store.hpp"

namespace koers::sql {

// Connections for the threads of a process: idle ones are kept for reuse.
// Thread-safe.
class Pool {
 public:
  using Factory = std::function<Result<std::unique_ptr<Connection>>()>;
  explicit Pool(Factory open, size_t max_idle = 16) : open_(std::move(open)), max_idle_(max_idle) {}
  Result<std::unique_ptr<Connection>> Acquire();
  void Release(std::unique_ptr<Connection> c);

 private:
  Factory open_;
  size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// A token that changes with every commit to the database, by anyone.
using CommitMark = std::array<unsigned char, 48>;
// Gives the current mark without a read transaction; nullopt when it cannot
// be known now.
using CommitWatcher = std::function<std::optional<CommitMark>()>;

class SqlStore : public Store {
 public:
  // `watch`, when given, lets ChangeCounter answer from memory while
  // nothing was committed.
  explicit SqlStore(Pool::Factory open, CommitWatcher watch = {}) : pool_(std::move(open)), watch_(std::move(watch)) {}
  Result<std::unique_ptr<Work>> Begin(Access access) override;
  Result<int64_t> ChangeCounter() override;

 protected:
  // Called after a write unit of work committed.
  virtual void Committed() {}
  Pool& pool() { return pool_; }

 private:
  friend class SqlWork;
  Pool pool_;
  CommitWatcher watch_;
  std::mutex counter_mutex_;
  std::optional<CommitMark> counter_mark_;  // the mark when counter_ was read
  int64_t counter_ = 0;
};

}  // namespace koers::sql
