// Learning (the report, sections 3.9 and 5.2): lessons and logbook notes of
// an innovation, After Action Reviews ("terugblikken") with their follow-up
// actions and the cadence that makes them due, and successes. The rules are
// explained in docs/learning.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/access.hpp"

namespace koers {

// --- lessons -------------------------------------------------------------------

// What was learned. A lesson has a visibility of its own (domain/access.hpp
// with the lesson's zichtbaarheid in place of the innovation's): it may be
// published while the innovation stays internal. A logbook note (vorm
// logboek) is a quick note that may later become a lesson; it needs only
// its text.
struct Lesson {
  int64_t id = 0;
  int64_t innovatie_id = 0;
  std::string vorm = "les";  // les | logboek
  std::string tekst;
  std::string cluster;  // an id of data/kennis/lessen.yaml (checked by the app layer)
  std::string hoe;      // tijdens_werk | van_anderen | formeel
  std::string fase;     // the phase it was learned in
  std::string soort;    // ging_goed | anders_doen | niet_herhalen
  std::vector<std::string> succesfactoren;  // ids of data/kennis/succesfactoren.yaml
  std::vector<std::string> tags;
  std::string zichtbaarheid = "team";
  std::string datum;     // when it was learned
  int64_t terugblik_id = 0;  // the After Action Review it came from; 0: none
  std::string auteur;    // by name, as history shows people
  int64_t auteur_id = 0;
  std::string aangemaakt_op, gewijzigd_op;
  int64_t versie = 0;
};

// May `a` read lesson `l` of the innovation with access facts `innovation`?
// The innovation's rules, with the lesson's visibility.
bool CanReadLesson(const Actor& a, AccessFacts innovation, const Lesson& l);

// How widely a visibility reaches (team 0, organisatie 1, openbaar 2): each
// includes the narrower ones.
int Reach(const std::string& zichtbaarheid);

// The rules a lesson must meet, except which clusters and success factors
// exist (the knowledge base's).
std::vector<FieldProblem> Validate(const Lesson& l);

// How people learn (the 70/20/10 picture): the values of Lesson::hoe.
inline constexpr const char* kHowLearned[] = {"tijdens_werk", "van_anderen", "formeel"};

// --- After Action Reviews --------------------------------------------------------

struct FollowUp {
  std::string omschrijving;
  std::string eigenaar;  // who follows it up, by name
  std::string deadline;  // date
  std::string status = "open";  // open | gedaan
  bool operator==(const FollowUp&) const = default;
};

// An After Action Review: what was planned, what happened, why the two
// differ and what comes next. Planned (status gepland) it only has a date;
// a success (soort succes) celebrates a milestone with its lessons. It is
// read by whoever reads the innovation.
struct ActionReview {
  int64_t id = 0;
  int64_t innovatie_id = 0;
  std::string soort = "terugblik";  // terugblik | succes
  std::string status = "gehouden";  // gepland | gehouden
  std::string datum;                // held on, or planned for
  std::string mijlpaal;             // a success: the milestone reached
  std::string gepland, gebeurd, verschil, vervolg;
  std::vector<FollowUp> acties;
  std::vector<std::string> deelnemers;
  std::string auteur;
  std::string aangemaakt_op, gewijzigd_op;
  int64_t versie = 0;
};
std::vector<FieldProblem> Validate(const ActionReview& r);

// How often an innovation looks back: every N weeks (counted from the last
// review held, or from `vanaf` before the first) and/or after each gate
// decision.
struct ReviewCadence {
  int64_t innovatie_id = 0;
  std::optional<int> elke_weken;  // 1..52
  bool bij_elke_poort = false;
  std::string vanaf;  // date the weekly count starts
  std::string gewijzigd_op;
  int64_t versie = 0;
};
std::vector<FieldProblem> Validate(const ReviewCadence& c);

// A gate review after a decision falls due this many days after it.
inline constexpr int kDaysAfterGate = 14;

struct ReviewDue {
  std::string volgende_op;  // the date the next review is due; "" when nothing is due
  bool te_laat = false;     // that date has passed
  std::string reden;        // why it is due, in Dutch
  std::string laatste;      // the date of the last review held; "" when none
};

// When the next After Action Review is due: the earliest of a planned review
// not yet held, the weekly cadence, and a gate decision (dates in
// `decisions`, "YYYY-MM-DD...") since the last review held. `today` is a
// date.
ReviewDue NextReview(const ReviewCadence& cadence, const std::vector<ActionReview>& reviews,
                     const std::vector<std::string>& decisions, const std::string& today);

// --- critical friends --------------------------------------------------------------

// A critical friend: a named colleague of another organisation, invited by
// the team to read the innovation (or only one of its reviews) and to
// comment, until a date. The friend sees only what was shared, through the
// invitation; nothing else of the innovation opens up.
struct Invitation {
  int64_t id = 0;
  int64_t innovatie_id = 0;
  int64_t terugblik_id = 0;  // only this review; 0: the innovation
  int64_t gebruiker_id = 0;  // the invited account
  std::string email;         // the invited account's address
  std::string naam;          // the friend, by name
  std::string bericht;       // what the team asks of the friend
  std::string geldig_tot;    // the last day the invitation is open
  bool ingetrokken = false;  // withdrawn by the team
  std::string auteur;        // who invited, by name
  std::string aangemaakt_op, gewijzigd_op;
  int64_t versie = 0;
};

// At most this many days ahead: an invitation is for a limited time.
inline constexpr int kMaxInvitationDays = 92;

// The rules an invitation must meet on `today` (a date), except whether the
// account exists and where it belongs (the app layer's).
std::vector<FieldProblem> Validate(const Invitation& i, const std::string& today);
// Not withdrawn, and `today` is on or before its last day.
bool IsOpen(const Invitation& i, const std::string& today);

// What a critical friend wrote under an invitation.
struct FriendComment {
  int64_t id = 0;
  int64_t uitnodiging_id = 0;
  int64_t innovatie_id = 0;
  std::string tekst;
  std::string auteur;  // by name
  std::string aangemaakt_op;
};
std::vector<FieldProblem> Validate(const FriendComment& c);

}  // namespace koers
