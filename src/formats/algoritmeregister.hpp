// Import of the national Algoritmeregister as published (the scrape format
// of data/algoritmeregister/algoritmes.json: an object with a list
// `algoritmes` of flat records). See docs/import.md for the field mapping.
#pragma once

#include <map>
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

// The publication details of the register's own export of 2023 (a list of
// records in the field names of the standard's draft 0.1.0), by register id
// (`lars`). Only what validates is kept: a contact that is no address and a
// link that is no web address are left out, long texts are shortened to the
// standard's limits. kInvalid when the file is no JSON list. Pure.
Result<std::map<std::string, Publication>> MapRegisterDetails(const std::string& file_content);

}  // namespace koers
