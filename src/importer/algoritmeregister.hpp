// Imports the national Algoritmeregister file (formats/algoritmeregister.hpp
// maps it) into the register.
#pragma once

#include <string>

#include "core/status.hpp"
#include "formats/algoritmeregister.hpp"

namespace koers {

class Register;

struct ImportReport {
  RegisterBatch batch;
  int toegevoegd = 0;
  int gewijzigd = 0;
  int ongewijzigd = 0;
  int aangevuld = 0;  // records filled in from the 2023 publication details
};

// The register's own, richer export of 2023 (130 records; data/README.md),
// read by every import when it is in `data_dir`: its publication details
// fill what the scrape leaves empty.
inline constexpr const char* kRegisterDetailsFile = "algoritmeregister/publicaties-2023.json";

// Reads, maps and imports the file in one transaction: all valid records or
// nothing. Idempotent: a second run reports every record unchanged.
Result<ImportReport> ImportAlgoritmeregister(Register& reg, const std::string& path, const std::string& data_dir);

}  // namespace koers
