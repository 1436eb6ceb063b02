// Learning: lessons and logbook notes, After Action Reviews with their
// cadence, lessons across organisations (searched with the zoekhulp's Dutch
// analysis) and the lessons that come back when a gate review is prepared.
// A lesson is read by its own visibility (domain/access.hpp with the
// lesson's zichtbaarheid); its innovation's title only by whoever may read
// the innovation. Reviews and the cadence are read as the innovation. The
// team (lid, projectleider) writes; every change is audited.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "advice/knowledge.hpp"
#include "app/register.hpp"
#include "domain/learning.hpp"

namespace koers {

// A lesson as one viewer sees it.
struct LessonView {
  Lesson les;
  std::string organisatie;       // of the innovation
  std::string organisatie_naam;
  std::optional<std::string> innovatie_titel;  // only when the viewer may read the innovation
  std::vector<std::string> redenen;  // why it was found or chosen
  std::vector<Fragment> fragment;
  bool wijzigbaar = false;  // the viewer may change it
};

struct LessonSearch {
  std::string text;
  std::map<std::string, std::string> filters;  // as LessonQuery::filters
  int offset = 0, limit = 20;
};

struct LessonPage {
  std::vector<LessonView> items;
  int64_t totaal = 0;
  std::map<std::string, std::vector<FacetCount>> facetten;
};

struct ActionReviewView {
  ActionReview terugblik;
  std::vector<LessonView> lessen;  // produced by it (terugblikId), as far as the viewer may read them
};

struct ActionReviewOverview {
  std::vector<ActionReviewView> terugblikken;  // oldest first
  ReviewCadence ritme;
  ReviewDue volgende;
};

// An invitation to a critical friend as the team or the friend sees it.
struct InvitationView {
  Invitation uitnodiging;
  bool open = false;  // may be used today
  std::string innovatie_titel;
  std::string organisatie, organisatie_naam;
  std::vector<FriendComment> commentaar;  // oldest first
};

// What a critical friend reads through an invitation: the innovation's
// description and its reviews and lessons, or only the one review shared
// and the lessons that came from it. Lessons narrower than the innovation
// (team-only lessons of an organisation-wide innovation) stay with the team.
struct SharedView {
  InvitationView uitnodiging;
  Innovation innovatie;
  std::vector<ActionReview> terugblikken;
  std::vector<Lesson> lessen;
};

// Which clusters of lessons go with reaching implementation: innovations
// with a lesson in the cluster against innovations with lessons, none in it.
struct ClusterPattern {
  const KnowledgeItem* cluster = nullptr;
  int met_n = 0, met_bereikt = 0;
  int zonder_n = 0, zonder_bereikt = 0;
  bool genoeg = false;  // both groups at least the minimum size
};

class Learning {
 public:
  // Borrows all three. Thread-safe.
  Learning(Store& store, Register& reg, const Knowledge& knowledge) : store_(store), reg_(reg), k_(knowledge) {}

  // The lessons and notes of an innovation `actor` may read.
  Result<std::vector<LessonView>> Lessons(int64_t innovation_id, const Actor& actor);
  Result<LessonView> GetLesson(int64_t lesson_id, const Actor& actor);
  Result<LessonView> CreateLesson(int64_t innovation_id, Lesson lesson, const Actor& actor,
                                  std::vector<FieldProblem> earlier = {});
  Result<LessonView> UpdateLesson(int64_t lesson_id, Lesson lesson, int64_t expected_version, const Actor& actor,
                                  std::vector<FieldProblem> earlier = {});
  Status DeleteLesson(int64_t lesson_id, const Actor& actor);
  // Lessons of every organisation that `actor` may read, by text and filters.
  Result<LessonPage> Search(const LessonSearch& search, const Actor& actor);
  // The most relevant lessons of other innovations for the gate review of
  // `innovation_id`, each with its reasons.
  Result<std::vector<LessonView>> ForGate(int64_t innovation_id, const Actor& actor, int limit = 5);

  // Per cluster of lessons, for the innovations of `org` (all when empty);
  // only innovations and lessons `actor` may read count.
  Result<std::vector<ClusterPattern>> ClusterPatterns(const std::string& org, const Actor& actor, int minimum);

  Result<ActionReviewOverview> ActionReviews(int64_t innovation_id, const Actor& actor);
  Result<ActionReviewView> GetActionReview(int64_t innovation_id, int64_t id, const Actor& actor);
  Result<ActionReviewView> SaveActionReview(int64_t innovation_id, ActionReview review, int64_t expected_version,
                                            const Actor& actor, std::vector<FieldProblem> earlier = {});
  Status DeleteActionReview(int64_t innovation_id, int64_t id, const Actor& actor);
  Result<ActionReviewOverview> SaveCadence(int64_t innovation_id, ReviewCadence cadence, int64_t expected_version,
                                           const Actor& actor, std::vector<FieldProblem> earlier = {});

  // Critical friends. The team invites accounts of other organisations,
  // withdraws invitations and reads them with their comments; the friend
  // reads what was shared and comments while the invitation is open.
  // Every invitation, withdrawal and comment is audited.
  Result<std::vector<InvitationView>> Invitations(int64_t innovation_id, const Actor& actor);
  Result<InvitationView> Invite(int64_t innovation_id, Invitation invitation, const Actor& actor,
                                std::vector<FieldProblem> earlier = {});
  Status Withdraw(int64_t innovation_id, int64_t id, const Actor& actor);
  // The open invitations of `actor`, newest first.
  Result<std::vector<InvitationView>> MyInvitations(const Actor& actor);
  Result<SharedView> Shared(int64_t id, const Actor& actor);
  Result<FriendComment> Comment(int64_t id, FriendComment comment, const Actor& actor,
                                std::vector<FieldProblem> earlier = {});

  const Knowledge& knowledge() const { return k_; }

 private:
  // The innovation's header when `actor` may change its learning records.
  Result<InnovationHeader> Editable(int64_t innovation_id, const Actor& actor);
  // Views of `lessons` that `actor` may read, in their order.
  Result<std::vector<LessonView>> Views(std::vector<Lesson> lessons, const Actor& actor);
  // Views of the lessons the index found, with its reasons and snippets.
  Result<std::vector<LessonView>> ViewsOfHits(const std::vector<LessonHit>& hits, const Actor& actor);
  std::vector<FieldProblem> Check(const Lesson& l) const;
  // The invitation `id` when it is `actor`'s and open, with its innovation.
  Result<std::pair<Invitation, Innovation>> OpenInvitation(int64_t id, const Actor& actor);
  // Views of invitations with their innovation's title and the comments.
  Result<std::vector<InvitationView>> InvitationViews(std::vector<Invitation> invitations);
  Store& store_;
  Register& reg_;
  const Knowledge& k_;
};

}  // namespace koers
