#include "api/response_cache.hpp"

namespace koers::api {

std::string ViewerKey(const Actor& actor) {
  if (actor.Everything()) return "alles";
  if (actor.Anonymous()) return "anoniem";
  return "g" + std::to_string(actor.gebruiker_id);
}

std::shared_ptr<const std::string> ResponseCache::Get(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void ResponseCache::Put(const std::string& key, std::shared_ptr<const std::string> body) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it != index_.end()) {
    bytes_ -= it->second->second->size();
    bytes_ += body->size();
    it->second->second = std::move(body);
    order_.splice(order_.begin(), order_, it->second);
  } else {
    bytes_ += key.size() + body->size();
    order_.emplace_front(key, std::move(body));
    index_.emplace(key, order_.begin());
  }
  while (order_.size() > 1 && (order_.size() > max_entries_ || bytes_ > max_bytes_)) {
    bytes_ -= order_.back().first.size() + order_.back().second->size();
    index_.erase(order_.back().first);
    order_.pop_back();
  }
}

}  // namespace koers::api
