// Steering records of innovations: gate reviews, the register of unknowns
// and risks, the business case, pitch versions; and the maturity of
// organisations.
//
// Contract: as innovation_store.hpp. A recorded review (status vastgesteld)
// never changes: UpdateReview, DeleteReview and RecordReview give kConflict
// for one (the database refuses it too); kPreconditionFailed for a stale
// expected version.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/steering.hpp"

namespace koers {

class SteeringStore {
 public:
  virtual ~SteeringStore() = default;

  // In order of creation.
  virtual Result<std::vector<Review>> ListReviews(int64_t innovation_id) = 0;
  // The reviews of several innovations at once, by innovation.
  virtual Result<std::map<int64_t, std::vector<Review>>> ListReviewsOf(const std::vector<int64_t>& innovation_ids) = 0;
  virtual Result<Review> GetReview(int64_t innovation_id, int64_t review_id) = 0;
  // A new draft, written by `door`; returns it as stored.
  virtual Result<Review> CreateReview(const Review& review, const std::string& door, TimePoint now) = 0;
  virtual Result<Review> UpdateReview(const Review& review, int64_t expected_version) = 0;
  virtual Status DeleteReview(int64_t innovation_id, int64_t review_id) = 0;
  // Saves the decision fields of `review` and marks it recorded by `door`.
  virtual Result<Review> RecordReview(const Review& review, const std::string& door, TimePoint now) = 0;

  // Unknowns first, then by planned order.
  virtual Result<std::vector<Uncertainty>> ListUncertainties(int64_t innovation_id) = 0;
  virtual Result<Uncertainty> GetUncertainty(int64_t innovation_id, int64_t id) = 0;
  // Inserts (id 0) or updates one item; returns it as stored.
  virtual Result<Uncertainty> SaveUncertainty(const Uncertainty& item, TimePoint now) = 0;
  virtual Status DeleteUncertainty(int64_t innovation_id, int64_t id) = 0;

  // An empty business case (versie 0) when none was saved.
  virtual Result<BusinessCase> GetBusinessCase(int64_t innovation_id) = 0;
  // The saved business cases of several innovations, by innovation.
  virtual Result<std::map<int64_t, BusinessCase>> GetBusinessCases(const std::vector<int64_t>& innovation_ids) = 0;
  virtual Result<BusinessCase> SaveBusinessCase(const BusinessCase& bc, int64_t expected_version, const std::string& door,
                                                TimePoint now) = 0;

  // Newest first.
  virtual Result<std::vector<Pitch>> ListPitches(int64_t innovation_id) = 0;
  // Stores `pitch` as the next version; returns it as stored.
  virtual Result<Pitch> AddPitch(const Pitch& pitch, const std::string& door, TimePoint now) = 0;

  // Newest first (by datum, then by entry).
  virtual Result<std::vector<MaturityEntry>> ListMaturity(const std::string& org) = 0;
  virtual Result<MaturityEntry> AddMaturity(const MaturityEntry& entry, const std::string& door, TimePoint now) = 0;
};

}  // namespace koers
