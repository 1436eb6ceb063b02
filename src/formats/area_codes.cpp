#include "formats/area_codes.hpp"

#include <nlohmann/json.hpp>

#include "core/file_io.hpp"

namespace koers {

Result<AreaCodes> ParseAreaCodes(const std::string& cbs_json, int jaar, const std::string& source) {
  auto j = nlohmann::json::parse(cbs_json, nullptr, false);
  if (!j.is_object()) return Invalid("De CBS-gebiedscodes in " + source + " zijn geen JSON-object.");
  AreaCodes out;
  out.jaar = jaar;
  for (const auto& [code, v] : j.items()) out.codes.insert(code);
  return out;
}

Result<AreaCodes> ReadAreaCodes(const std::string& path, int jaar) {
  auto text = ReadFile(path, 64 << 20);
  if (!text.ok()) return text.error();
  return ParseAreaCodes(text.value(), jaar, path);
}

}  // namespace koers
