// The 18 reference cases of the report (data/demo/referentiecases.json):
// extra organisations plus innovations in the API's JSON form.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/innovation.hpp"
#include "domain/organisation.hpp"

namespace koers {

struct ReferenceCases {
  std::vector<Organisation> organisations;
  std::vector<Innovation> innovations;
};

// Parses and validates the file; any mistake fails the whole file with a
// message naming the item and field.
Result<ReferenceCases> ParseReferenceCases(const std::string& content, const std::string& file_name);

}  // namespace koers
