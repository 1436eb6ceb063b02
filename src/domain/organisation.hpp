// An organisation that owns, partners in or adopts innovations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace koers {

struct Organisation {
  int64_t id = 0;    // store key; not shown in the API
  std::string code;  // public identifier: GM0344, PV26, WS14, OD22, VR01, or generated
  std::string naam;
  std::string soort;  // vocab::kOrganisatieSoort
  std::string tooi;   // TOOI/register org id where known (gm0344), else empty
  std::string aangemaakt_op;
};

// Every rule an organisation must meet; empty when valid.
std::vector<FieldProblem> Validate(const Organisation& org);

}  // namespace koers
