// The one set of "not found" answers. Unknown and not visible to the caller
// read the same, so an answer never tells that something private exists.
#pragma once

#include "core/status.hpp"

namespace koers {

enum class Missing {
  kInnovation,
  kOrganisation,
  kUser,
  kRole,
  kToken,
  kReview,
  kUncertainty,
  kAdoption,
  kReuseAsset,
  kCluster,
  kIndicator,
  kMunicipalityMap,
  kLesson,
  kActionReview,
  kInvitation,
};

Error NotFoundError(Missing what);
// The store's kNotFound worded as `what`; any other error unchanged.
Error Worded(Error e, Missing what);

}  // namespace koers
