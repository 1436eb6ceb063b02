// Time behind a seam so tests can fix "now" (fase durations, time-outs).
#pragma once

#include <chrono>
#include <string>

namespace koers {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

// The real wall clock. Thread-safe.
class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to. Not thread-safe; for tests.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimePoint now) : now_(now) {}
  TimePoint Now() const override { return now_; }
  void Set(TimePoint now) { now_ = now; }
  void Advance(std::chrono::seconds by) { now_ += by; }

 private:
  TimePoint now_;
};

// "2026-11-22T10:15:00Z" (UTC, seconds).
std::string FormatTimestamp(TimePoint t);
// "2026-11-22" (UTC).
std::string FormatDate(TimePoint t);
// Parses FormatTimestamp's output or a plain date (taken as 00:00 UTC).
// Returns false when `text` is neither.
bool ParseTimestamp(const std::string& text, TimePoint* out);
// True for a real calendar date written YYYY-MM-DD, years 1900 to 2200.
bool IsIsoDate(const std::string& text);
// The date `years` years after the date of `t` (UTC), YYYY-MM-DD; 29
// February becomes 28 February in a year that has none.
std::string DateYearsAfter(TimePoint t, int years);

}  // namespace koers
