// Fuzz target: the reader of the knowledge base files. The first byte picks
// which file the rest pretends to be.
#include <cstddef>
#include <cstdint>
#include <string>

#include "advice/knowledge.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kNames[] = {"succesfactoren.yaml", "klimaat.yaml", "themas.yaml",
                                 "opties.yaml",         "regels.yaml",  "teamcheck.yaml"};
  if (size == 0) return 0;
  koers::Knowledge k;
  std::vector<std::string> problems;
  koers::ParseKnowledgeFile(kNames[data[0] % 6], std::string(reinterpret_cast<const char*>(data + 1), size - 1), &k,
                            &problems);
  koers::CheckKnowledge(k, &problems);
  return 0;
}
