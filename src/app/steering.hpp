// Steering through the funnel: gate reviews and decisions, unknowns and
// risks, business case, pitch, organisation maturity, and the funnel
// figures. Checks the rules of domain/access.hpp on every call: reading
// follows the innovation's visibility; the team (lid, projectleider)
// prepares; only the stuurgroep of the owning organisation decides.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/register.hpp"
#include "domain/learning.hpp"
#include "domain/steering.hpp"

namespace koers {

// One innovation's card on the funnel board.
struct FunnelCard {
  int64_t id = 0;
  std::string titel;
  std::string fase, status;
  double dagen_in_fase = 0;
  std::string volgende_beoordeling;  // date, empty when none planned
  bool achterstallig = false;        // planned review date passed while active
  std::string laatste_besluit;
  // The draft review waiting for the stuurgroep's decision (the newest), if any.
  std::optional<Review> ter_besluit;
  ReviewDue terugblik;  // the next After Action Review
};

struct SteeringFacts {
  std::vector<PhaseTime> tijd_per_fase;
  LeadTime doorlooptijd;
  std::string volgende_beoordeling;
  bool achterstallig = false;
  ReviewDue terugblik;  // the next After Action Review
  std::vector<std::string> besluitdata;  // when each recorded decision was taken, oldest first
};

struct OrganisationSteering {
  FunnelOverview overzicht;
  std::vector<FunnelCard> kaarten;
  std::vector<FunnelCard> achterstallig;
  std::vector<FunnelCard> terugblik_te_laat;  // cards whose After Action Review is overdue
  // Cards with a draft review waiting for a decision: the planned date
  // first (earliest first, undated last), then the oldest draft.
  std::vector<FunnelCard> ter_besluit;
  std::vector<std::pair<Review, std::string>> besluiten_kwartaal;  // with the innovation's title
};

class Steering {
 public:
  // Borrows both. Thread-safe.
  Steering(Store& store, Register& reg) : store_(store), reg_(reg) {}

  Result<std::vector<Review>> Reviews(int64_t innovation_id, const Actor& actor);
  Result<Review> GetReview(int64_t innovation_id, int64_t review_id, const Actor& actor);
  // A draft by the team or the stuurgroep; fase defaults to the innovation's.
  Result<Review> CreateReview(int64_t innovation_id, Review draft, const Actor& actor,
                              std::vector<FieldProblem> earlier = {});
  Result<Review> UpdateReview(int64_t innovation_id, int64_t review_id, Review draft, int64_t expected_version,
                              const Actor& actor, std::vector<FieldProblem> earlier = {});
  Status DeleteReview(int64_t innovation_id, int64_t review_id, const Actor& actor);
  // The stuurgroep records the decision; its effect on fase and status
  // happens in the same transaction. `final` holds the review as decided
  // (the draft with the stuurgroep's last changes).
  Result<Review> Decide(int64_t innovation_id, int64_t review_id, Review final, const Actor& actor,
                        std::vector<FieldProblem> earlier = {});

  Result<std::vector<Uncertainty>> Uncertainties(int64_t innovation_id, const Actor& actor);
  Result<Uncertainty> SaveUncertainty(int64_t innovation_id, Uncertainty item, const Actor& actor,
                                      std::vector<FieldProblem> earlier = {});
  Status DeleteUncertainty(int64_t innovation_id, int64_t id, const Actor& actor);

  Result<BusinessCase> GetBusinessCase(int64_t innovation_id, const Actor& actor);
  Result<BusinessCase> SaveBusinessCase(int64_t innovation_id, BusinessCase bc, int64_t expected_version,
                                        const Actor& actor, std::vector<FieldProblem> earlier = {});

  Result<std::vector<Pitch>> Pitches(int64_t innovation_id, const Actor& actor);
  Result<Pitch> AddPitch(int64_t innovation_id, Pitch pitch, const Actor& actor, std::vector<FieldProblem> earlier = {});

  // Time in each phase, lead time against the expected time to market,
  // next review.
  Result<SteeringFacts> Facts(int64_t innovation_id, const Actor& actor);

  // Maturity: read by anyone with a role in the organisation; recorded by
  // its beheerder or stuurgroep.
  Result<std::vector<MaturityEntry>> Maturity(const std::string& org, const Actor& actor);
  Result<MaturityEntry> AddMaturity(const std::string& org, MaturityEntry entry, const Actor& actor,
                                    std::vector<FieldProblem> earlier = {});

  // The board and the overview over the innovations of `org` the actor may read.
  Result<OrganisationSteering> ForOrganisation(const std::string& org, const Actor& actor);

  // The innovation's header when `actor` may change its steering records:
  // the team (lid, projectleider), or with `or_decide` also the stuurgroep.
  // kNotFound, kUnauthenticated or kForbidden otherwise.
  Result<InnovationHeader> Editable(int64_t innovation_id, const Actor& actor, bool or_decide);

 private:
  Status NeedsLogin(const Actor& actor) const;
  // The organisation's innovations `actor` may read, with their phase
  // history, and the recorded reviews of each (oldest first).
  struct SteeringRow {
    Innovation innovatie;
    std::vector<Review> besluiten;  // recorded, oldest first
    std::vector<Review> concepten;  // drafts, in order of creation
    ReviewCadence ritme;
    std::vector<ActionReview> terugblikken;
  };
  Result<std::vector<SteeringRow>> Rows(const std::string& org, const Actor& actor);
  // Replaces e-mail addresses among the deciders by the accounts' names;
  // when `deciding`, each must be in the stuurgroep of `org`. Names of
  // people without an account stay as written.
  void ResolveDeciders(Review* r, const std::string& org, bool deciding, std::vector<FieldProblem>* problems);
  Store& store_;
  Register& reg_;
};

}  // namespace koers
