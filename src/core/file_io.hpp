#pragma once

#include <string>

#include "core/status.hpp"

namespace koers {

// Reads a whole file. kNotFound/kIo name the path; kTooLarge over `max_bytes`.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes = 256u << 20);

}  // namespace koers
