// Lessons and logbook notes, After Action Reviews and the cadence of an
// innovation's reviews.
//
// Contract: as innovation_store.hpp. Records belong to one innovation and
// go with it. Get and Save answer kNotFound for an id that is not of the
// innovation named; Save with id 0 inserts, otherwise replaces when
// `expected_version` matches (0 skips the check; kPreconditionFailed when
// it does not). Every change to a lesson puts its innovation in the change
// feed, so the search index follows lessons as it follows innovations.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/learning.hpp"

namespace koers {

class LearningStore {
 public:
  virtual ~LearningStore() = default;

  // In order of creation.
  virtual Result<std::vector<Lesson>> Lessons(int64_t innovation_id) = 0;
  // The lessons of several innovations at once, by innovation.
  virtual Result<std::map<int64_t, std::vector<Lesson>>> LessonsOf(const std::vector<int64_t>& innovation_ids) = 0;
  // Lessons by id, in the order asked; ids that do not exist are left out.
  virtual Result<std::vector<Lesson>> GetLessons(const std::vector<int64_t>& ids) = 0;
  virtual Result<Lesson> GetLesson(int64_t innovation_id, int64_t id) = 0;
  virtual Result<Lesson> SaveLesson(const Lesson& lesson, int64_t expected_version, TimePoint now) = 0;
  virtual Status DeleteLesson(int64_t innovation_id, int64_t id) = 0;
  // The ids of innovations with lessons, ascending, after `after`.
  virtual Result<std::vector<int64_t>> InnovationsWithLessons(int64_t after, int limit) = 0;

  // By date, the latest last.
  virtual Result<std::vector<ActionReview>> ActionReviews(int64_t innovation_id) = 0;
  virtual Result<std::map<int64_t, std::vector<ActionReview>>> ActionReviewsOf(
      const std::vector<int64_t>& innovation_ids) = 0;
  virtual Result<ActionReview> GetActionReview(int64_t innovation_id, int64_t id) = 0;
  virtual Result<ActionReview> SaveActionReview(const ActionReview& review, int64_t expected_version,
                                                TimePoint now) = 0;
  virtual Status DeleteActionReview(int64_t innovation_id, int64_t id) = 0;

  // The cadence; one with versie 0 and nothing set when none was saved.
  virtual Result<ReviewCadence> GetCadence(int64_t innovation_id) = 0;
  // Only the saved cadences, by innovation.
  virtual Result<std::map<int64_t, ReviewCadence>> CadencesOf(const std::vector<int64_t>& innovation_ids) = 0;
  virtual Result<ReviewCadence> SaveCadence(const ReviewCadence& cadence, int64_t expected_version,
                                            TimePoint now) = 0;

  // Invitations to critical friends: of an innovation oldest first, of an
  // account newest first; Get by id alone.
  virtual Result<std::vector<Invitation>> Invitations(int64_t innovation_id) = 0;
  virtual Result<std::vector<Invitation>> InvitationsOfUser(int64_t user_id) = 0;
  virtual Result<Invitation> GetInvitation(int64_t id) = 0;
  virtual Result<Invitation> SaveInvitation(const Invitation& invitation, int64_t expected_version,
                                            TimePoint now) = 0;
  // What friends wrote under the invitations of an innovation, oldest first.
  virtual Result<std::vector<FriendComment>> Comments(int64_t innovation_id) = 0;
  virtual Result<FriendComment> AddComment(const FriendComment& comment, TimePoint now) = 0;
};

}  // namespace koers
