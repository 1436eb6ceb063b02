// The audit trail and the search index's outbox.
//
// Contract: the trail is append-only: nothing changes or removes an entry
// (the database refuses it). The outbox holds the id of every innovation
// that changed, written in the same transaction as the change (by the
// database itself), until the index has absorbed it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/account.hpp"
#include "store/innovation_store.hpp"

namespace koers {

struct AuditFilter {
  bool alles = false;
  std::vector<std::string> organisaties;  // else: entries concerning these organisations
  std::string resource;
  std::string resource_id;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  virtual Status Append(const AuditEntry& entry) = 0;
  // Newest first.
  virtual Result<Listing<AuditEntry>> List(const AuditFilter& filter, const PageRequest& page) = 0;
};

struct SearchQueue {
  std::vector<int64_t> ids;  // distinct
  int64_t last = 0;          // highest queue number among them
};

class SearchOutbox {
 public:
  virtual ~SearchOutbox() = default;
  // Ids of innovations changed since the index last absorbed them, oldest
  // first, with the highest queue number seen.
  virtual Result<SearchQueue> Pending(int limit) = 0;
  // Forgets queue entries up to and including `last`.
  virtual Status Clear(int64_t last) = 0;
};

}  // namespace koers
