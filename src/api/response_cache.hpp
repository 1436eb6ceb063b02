// Rendered JSON bodies, kept so that a repeated read costs a lookup instead
// of queries and serialisation. Keys must name everything the body depends
// on: the object's version (one innovation) or the store's change counter
// (listings, counts), and the viewer's scope where visibility applies.
// Thread-safe; least recently used entries go first.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/access.hpp"

namespace koers::api {

// The part of a cache key that says whose view a body is: bodies that depend
// on visibility must never be shared between viewers who see differently.
std::string ViewerKey(const Actor& actor);

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_entries = 4096, size_t max_bytes = 32u << 20)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // The body stored under `key`, or nullptr.
  std::shared_ptr<const std::string> Get(const std::string& key);
  void Put(const std::string& key, std::shared_ptr<const std::string> body);

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const std::string>>;
  size_t max_entries_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::mutex mutex_;
  std::list<Entry> order_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace koers::api
