// Fuzz target: request targets (path and query string) as clients send them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view target(reinterpret_cast<const char*>(data), size);
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  if (koers::http::ParseTarget(target, &path, &query)) {
    for (const auto& [k, v] : query) (void)koers::http::PercentEncode(k + v);
  }
  return 0;
}
