// Import of the national Algoritmeregister as published (the scrape format
// of data/algoritmeregister/algoritmes.json: an object with a list
// `algoritmes` of flat records). See docs/import.md for the field mapping.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/innovation.hpp"
#include "domain/organisation.hpp"
#include "formats/organisations.hpp"

namespace koers {


struct SkippedRecord {
  size_t index = 0;  // 0-based position in the file's list
  std::string id;    // register id when readable
  std::string reason;
};

struct RegisterBatch {
  std::vector<Innovation> innovations;
  std::vector<Organisation> new_organisations;  // names that matched no code
  std::vector<SkippedRecord> skipped;
  size_t records = 0;
};

// Maps the file's records. Invalid records land in `skipped` with a Dutch
// reason; the rest map to innovations. kInvalid only when the file as a whole
// is unusable (not JSON, no list). Pure: no I/O.
Result<RegisterBatch> MapAlgoritmeregister(const std::string& file_content, const OrganisationMatcher& orgs);

}  // namespace koers
