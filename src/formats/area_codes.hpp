// The area codes known to exist in a year, from the CBS key-figures file
// (data/cbs: a JSON object keyed by area code).
#pragma once

#include <string>

#include "core/status.hpp"
#include "domain/indicator.hpp"

namespace koers {

// kInvalid naming `source` when the text is not such an object.
Result<AreaCodes> ParseAreaCodes(const std::string& cbs_json, int jaar, const std::string& source);
Result<AreaCodes> ReadAreaCodes(const std::string& path, int jaar);

}  // namespace koers
