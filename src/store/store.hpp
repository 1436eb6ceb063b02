// The store: the one way every layer above reads and writes persistent
// data. It is a set of areas (one interface each, with its contract in its
// own header) reached through a unit of work:
//
//   auto in = store.Read([&](Work& w) { return w.innovations().Get(id); });
//   Status st = store.Write([&](Work& w) -> Status {
//     auto id = w.innovations().Create(copy, now);
//     ...
//     return w.audit().Append(entry);
//   });
//
// A Work is one transaction: everything done through it commits together
// or not at all. SQLite (src/store/sqlite/) and PostgreSQL
// (src/store/postgres/) implement it; OpenStore picks by address. The
// areas' SQL is shared (src/store/sql/).
#pragma once

#include <memory>
#include <string>
#include <type_traits>

#include "core/status.hpp"
#include "store/account_store.hpp"
#include "store/adoption_store.hpp"
#include "store/audit_store.hpp"
#include "store/diagnosis_store.hpp"
#include "store/indicator_store.hpp"
#include "store/innovation_store.hpp"
#include "store/learning_store.hpp"
#include "store/mission_store.hpp"
#include "store/steering_store.hpp"

namespace koers {

enum class Access {
  kRead,   // a consistent snapshot; writes are refused
  kWrite,  // serialized with other writers
};

// One unit of work. Not thread-safe: it belongs to the thread that began
// it. Destroying it without Commit rolls everything back.
class Work {
 public:
  virtual ~Work() = default;
  virtual OrganisationStore& organisations() = 0;
  virtual InnovationStore& innovations() = 0;
  virtual AccountStore& accounts() = 0;
  virtual SteeringStore& steering() = 0;
  virtual DiagnosisStore& diagnosis() = 0;
  virtual IndicatorStore& indicators() = 0;
  virtual AdoptionStore& adoptions() = 0;
  virtual LearningStore& learning() = 0;
  virtual MissionStore& missions() = 0;
  virtual AuditStore& audit() = 0;
  virtual ChangeFeed& changes() = 0;
  virtual ClusterStore& clusters() = 0;
  virtual Status Commit() = 0;
};

// Thread-safe.
class Store {
 public:
  virtual ~Store() = default;

  // A new unit of work; kIo when the database cannot be reached.
  virtual Result<std::unique_ptr<Work>> Begin(Access access) = 0;

  // A number that grows with every committed change to innovations,
  // organisations or roles, by any process using the same database. Equal
  // numbers mean nothing changed in between: caches key on it. Cheap: it
  // needs no transaction when this process made the last change.
  virtual Result<int64_t> ChangeCounter() = 0;

  // Runs `fn` (returning Status or Result<T>) in a read unit of work.
  template <class Fn>
  auto Read(Fn&& fn) -> std::invoke_result_t<Fn, Work&> {
    auto work = Begin(Access::kRead);
    if (!work.ok()) return work.error();
    return fn(*work.value());
  }

  // Runs `fn` in a write unit of work and commits when it succeeds. When
  // the database reports a conflict with a concurrent transaction that a
  // retry may solve (Error::retryable), runs `fn` again, at most three
  // times: `fn` must have no effect outside the store.
  template <class Fn>
  auto Write(Fn&& fn) -> std::invoke_result_t<Fn, Work&> {
    for (int attempt = 1;; ++attempt) {
      const bool last = attempt == 3;
      auto work = Begin(Access::kWrite);
      if (!work.ok()) {
        if (work.error().retryable && !last) continue;
        return work.error();
      }
      auto result = fn(*work.value());
      if (!result.ok()) {
        if (result.error().retryable && !last) continue;
        return result;
      }
      Status committed = work.value()->Commit();
      if (!committed.ok()) {
        if (committed.error().retryable && !last) continue;
        return committed.error();
      }
      return result;
    }
  }
};

// Opens the store at `address`: a file path (SQLite, created when missing)
// or a postgresql:// URL, and brings its schema up to date.
Result<std::unique_ptr<Store>> OpenStore(const std::string& address);

}  // namespace koers
