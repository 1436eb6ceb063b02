// The organisation code lists shipped in data/organisaties, read and added
// to the register.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "formats/organisations.hpp"

namespace koers {

class Register;

// Reads all code lists of `data_dir`/organisaties (gemeenten, provincies,
// waterschappen, omgevingsdiensten, veiligheidsregio's).
Result<std::vector<Organisation>> ReadStandardOrganisations(const std::string& data_dir);

// Adds the standard organisations that are missing. Returns how many were added.
Result<int> LoadStandardOrganisations(Register& reg, const std::string& data_dir);

}  // namespace koers
