#include "core/log.hpp"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"

namespace koers::log {
namespace {
std::atomic<int> g_level{static_cast<int>(Level::kInfo)};
std::mutex g_mutex;
const char* Name(Level level) {
  switch (level) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarn: return "warn";
    case Level::kError: return "error";
    case Level::kOff: return "off";
  }
  return "?";
}
}  // namespace

void SetLevel(Level level) { g_level = static_cast<int>(level); }
bool Enabled(Level level) { return static_cast<int>(level) >= g_level.load(std::memory_order_relaxed); }

bool ParseLevel(std::string_view text, Level* out) {
  for (Level l : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError, Level::kOff}) {
    if (text == Name(l)) {
      *out = l;
      return true;
    }
  }
  return false;
}

void Write(Level level, std::string_view event, const nlohmann::json& fields) {
  if (!Enabled(level)) return;
  nlohmann::json line = {{"tijd", FormatTimestamp(std::chrono::system_clock::now())},
                         {"niveau", Name(level)},
                         {"bericht", event}};
  if (fields.is_object()) line.update(fields);
  // Replace invalid UTF-8 instead of throwing: log input comes from outside.
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\n');
  std::lock_guard lock(g_mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

void Info(std::string_view event, const nlohmann::json& fields) { Write(Level::kInfo, event, fields); }
void Warn(std::string_view event, const nlohmann::json& fields) { Write(Level::kWarn, event, fields); }
void Error(std::string_view event, const nlohmann::json& fields) { Write(Level::kError, event, fields); }

}  // namespace koers::log
