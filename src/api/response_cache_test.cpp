#include "api/response_cache.hpp"

#include <gtest/gtest.h>

namespace koers::api {
namespace {

std::shared_ptr<const std::string> Body(const char* s) { return std::make_shared<const std::string>(s); }

TEST(ResponseCache, KeepsTheMostRecentlyUsedEntries) {
  ResponseCache cache(2);
  cache.Put("a", Body("A"));
  cache.Put("b", Body("B"));
  ASSERT_NE(cache.Get("a"), nullptr);  // a is now the most recent
  cache.Put("c", Body("C"));           // b goes
  EXPECT_EQ(cache.Get("b"), nullptr);
  EXPECT_EQ(*cache.Get("a"), "A");
  EXPECT_EQ(*cache.Get("c"), "C");
}

TEST(ResponseCache, PutReplacesAnExistingKey) {
  ResponseCache cache(2);
  cache.Put("a", Body("1"));
  cache.Put("a", Body("2"));
  EXPECT_EQ(*cache.Get("a"), "2");
}

TEST(ResponseCache, StaysWithinItsByteBudget) {
  ResponseCache cache(100, 9);
  cache.Put("a", Body("1234"));
  cache.Put("b", Body("5678"));  // 10 bytes with keys > 9: a goes
  EXPECT_EQ(cache.Get("a"), nullptr);
  EXPECT_NE(cache.Get("b"), nullptr);
}

}  // namespace
}  // namespace koers::api
