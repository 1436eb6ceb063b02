// The export of an innovation that is an algorithm as a registration of the
// Algoritmeregister, publication standard 1.0.0 (docs/standards/). The record
// always validates against the standard's schema: texts longer than the
// standard allows are shortened, links are percent-encoded, and a mandatory
// field Koers cannot fill is left empty. Every such step is noted, so the
// completeness check can say in plain Dutch what still needs doing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/innovation.hpp"

namespace koers {

struct RegisterNote {
  enum class Kind { kMissing, kAssumed, kShortened };
  Kind kind;
  std::string veld;  // the standard's field name
  std::string naam;  // its Dutch label
  std::string melding;
};
const char* KindName(RegisterNote::Kind kind);  // "ontbreekt", "aangenomen", "ingekort"

struct RegisterRecord {
  nlohmann::json record;
  std::vector<RegisterNote> notes;
  // No mandatory field is empty.
  bool Complete() const;
};

// Whether `in` is an algorithm: it has a publication, or it came from the
// Algoritmeregister.
bool IsAlgorithm(const Innovation& in);

RegisterRecord ToRegisterRecord(const Innovation& in);

}  // namespace koers
