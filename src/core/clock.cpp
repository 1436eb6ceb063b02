#include "core/clock.hpp"

#include <cstdio>
#include <ctime>

namespace koers {
namespace {

std::tm ToUtc(TimePoint t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}

// Years Koers accepts in dates: wide enough for any real project, narrow
// enough that every date fits a nanosecond time_point (which ends in 2262).
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

bool ValidYmd(int y, int m, int d) {
  using namespace std::chrono;
  if (y < kMinYear || y > kMaxYear) return false;
  return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}.ok();
}

}  // namespace

std::string FormatTimestamp(TimePoint t) {
  std::tm tm = ToUtc(t);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string FormatDate(TimePoint t) {
  std::tm tm = ToUtc(t);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool IsIsoDate(const std::string& text) {
  int y, m, d;
  char tail;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (text[4] != '-' || text[7] != '-') return false;
  return ValidYmd(y, m, d);
}

std::string DateYearsAfter(TimePoint t, int years) {
  using namespace std::chrono;
  year_month_day ymd{floor<days>(t)};
  ymd += std::chrono::years{years};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / last;
  return FormatDate(TimePoint(sys_days(ymd)));
}

bool ParseTimestamp(const std::string& text, TimePoint* out) {
  int y, m, d, hh = 0, mm = 0, ss = 0;
  if (IsIsoDate(text)) {
    std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d);
  } else {
    char z;
    if (text.size() != 20 ||
        std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &m, &d, &hh, &mm, &ss, &z) != 7 || z != 'Z')
      return false;
    if (!ValidYmd(y, m, d) || hh > 23 || mm > 59 || ss > 60) return false;
  }
  using namespace std::chrono;
  sys_days days = year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  *out = TimePoint(days) + hours{hh} + minutes{mm} + seconds{ss};
  return true;
}

}  // namespace koers
