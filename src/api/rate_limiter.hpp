// Counts requests per key (an account, an address) in fixed windows and
// says when a key has had enough. In memory, per process. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace koers::api {

struct Limit {
  int max = 0;  // requests per window; 0 switches the limit off
  std::chrono::seconds window{60};
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Counts one request for `key` under `limit`. False when the key is over
  // its limit; then `retry_after` says how long until the window ends.
  bool Allow(const std::string& key, const Limit& limit, int* retry_after, Clock::time_point now = Clock::now());
  // Forgets `key` (for example after a successful login).
  void Reset(const std::string& key);

 private:
  struct Window {
    Clock::time_point start;
    int count = 0;
  };
  void Purge(Clock::time_point now);
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
  Clock::time_point last_purge_{};
};

}  // namespace koers::api
