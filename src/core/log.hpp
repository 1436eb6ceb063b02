// Structured log lines: one JSON object per line on stderr, so that no user
// input can forge a line (newlines and quotes are escaped by the encoder).
// Thread-safe. Never pass secrets (passwords, tokens, session ids).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string_view>

namespace koers::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kOff = 4 };

void SetLevel(Level level);
bool Enabled(Level level);
// Parses "debug", "info", "warn", "error", "off"; false on anything else.
bool ParseLevel(std::string_view text, Level* out);

// Writes {"tijd":..., "niveau":..., "bericht": event, ...fields}.
void Write(Level level, std::string_view event, const nlohmann::json& fields);
void Info(std::string_view event, const nlohmann::json& fields);
void Warn(std::string_view event, const nlohmann::json& fields);
void Error(std::string_view event, const nlohmann::json& fields);

}  // namespace koers::log
