// The audit trail and the feed of changed innovations.
//
// Contract: the trail is append-only: nothing changes or removes an entry
// (the database refuses it). The feed holds the id of every innovation that
// changed, under a number that only grows, written in the same transaction
// as the change (by the database itself). Each consumer (the search index,
// the clusters) keeps its own position in the feed, moved in the same
// transaction as what it derived; an entry goes once every consumer that
// has a position is past it.
#pragma once

#include <cstdint>
#include <optional>
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
  std::string resultaat;  // "gelukt": only what happened, no refusals
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  virtual Status Append(const AuditEntry& entry) = 0;
  // Newest first.
  virtual Result<Listing<AuditEntry>> List(const AuditFilter& filter, const PageRequest& page) = 0;
};

struct ChangeBatch {
  std::vector<int64_t> ids;  // distinct
  int64_t last = 0;          // highest feed number among them
};

// The consumers of the feed.
inline constexpr const char* kSearchConsumer = "zoek";
inline constexpr const char* kClusterConsumer = "clusters";

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  // Ids of innovations changed after `consumer`'s position (from the start
  // when it has none), oldest first, with the highest feed number seen.
  virtual Result<ChangeBatch> Pending(const std::string& consumer, int limit) = 0;
  // Moves `consumer`'s position to `last` and forgets what every consumer
  // has passed.
  virtual Status Done(const std::string& consumer, int64_t last) = 0;
  // The highest feed number so far (0 when nothing changed yet).
  virtual Result<int64_t> Head() = 0;
  // `consumer`'s position; nullopt when it has not consumed before.
  virtual Result<std::optional<int64_t>> Position(const std::string& consumer) = 0;
};

}  // namespace koers
