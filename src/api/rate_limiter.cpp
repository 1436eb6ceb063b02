#include "api/rate_limiter.hpp"

namespace koers::api {

bool RateLimiter::Allow(const std::string& key, const Limit& limit, int* retry_after, Clock::time_point now) {
  if (limit.max <= 0) return true;
  std::lock_guard lock(mutex_);
  if (now - last_purge_ > std::chrono::minutes(5) || windows_.size() > 100000) Purge(now);
  Window& w = windows_[key];
  if (w.count == 0 || now - w.start >= limit.window) {
    w.start = now;
    w.count = 0;
  }
  if (w.count >= limit.max) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(limit.window - (now - w.start)).count();
    *retry_after = static_cast<int>(std::max<long long>(1, left));
    return false;
  }
  ++w.count;
  return true;
}

void RateLimiter::Reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  windows_.erase(key);
}

void RateLimiter::Purge(Clock::time_point now) {
  last_purge_ = now;
  for (auto it = windows_.begin(); it != windows_.end();) {
    if (now - it->second.start > std::chrono::hours(1)) {
      it = windows_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace koers::api
