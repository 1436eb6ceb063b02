// Precompiled header of koers_core: the standard library and nlohmann/json,
// which nearly every layer above `core` uses. Boost.Beast stays out of it: only
// http/server.cpp includes Beast.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>
