#include "api/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace koers::api {
namespace {

TEST(RateLimiter, RefusesOverTheLimitUntilTheWindowEnds) {
  RateLimiter limiter;
  Limit limit{3, std::chrono::seconds(60)};
  auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  int retry = 0;
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow("a", limit, &retry, t0));
  EXPECT_FALSE(limiter.Allow("a", limit, &retry, t0 + std::chrono::seconds(10)));
  EXPECT_EQ(retry, 50);
  EXPECT_TRUE(limiter.Allow("b", limit, &retry, t0)) << "keys are counted apart";
  EXPECT_TRUE(limiter.Allow("a", limit, &retry, t0 + std::chrono::seconds(60)));
}

TEST(RateLimiter, ZeroSwitchesOffAndResetForgets) {
  RateLimiter limiter;
  int retry = 0;
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.Allow("x", Limit{0}, &retry));
  Limit one{1, std::chrono::seconds(60)};
  EXPECT_TRUE(limiter.Allow("y", one, &retry));
  EXPECT_FALSE(limiter.Allow("y", one, &retry));
  limiter.Reset("y");
  EXPECT_TRUE(limiter.Allow("y", one, &retry));
}

}  // namespace
}  // namespace koers::api
