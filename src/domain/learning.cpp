#include "domain/learning.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"
#include "domain/checks.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

void CheckCode(std::vector<FieldProblem>* out, const char* field, const std::string& v, const Vocabulary& list,
               bool required) {
  if (v.empty() && !required) return;
  if (!list.Contains(v)) out->push_back({field, "kies uit: " + list.Allowed()});
}

void CheckDate(std::vector<FieldProblem>* out, const std::string& field, const std::string& v, bool required) {
  if (v.empty()) {
    if (required) out->push_back({field, "is verplicht; vul een datum in als 2026-03-31"});
    return;
  }
  if (!IsIsoDate(v)) out->push_back({field, "moet een datum zijn als 2026-03-31"});
}

void CheckList(std::vector<FieldProblem>* out, const std::string& field, const std::vector<std::string>& items,
               size_t max_items, size_t max_length) {
  if (items.size() > max_items) out->push_back({field, "mag hoogstens " + std::to_string(max_items) + " waarden hebben"});
  for (size_t i = 0; i < items.size() && i < max_items; ++i)
    CheckText(out, field + "[" + std::to_string(i) + "]", items[i], max_length, true);
}

// Days since 1970-01-01 of a date or timestamp; nullopt when it is neither.
std::optional<int64_t> DayNumber(const std::string& text) {
  TimePoint t;
  if (!ParseTimestamp(text.substr(0, 10), &t)) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::hours>(t.time_since_epoch()).count() / 24;
}

std::string DateOf(int64_t day) { return FormatDate(TimePoint(std::chrono::hours(day * 24))); }

}  // namespace

int Reach(const std::string& zichtbaarheid) {
  return zichtbaarheid == "openbaar" ? 2 : zichtbaarheid == "organisatie" ? 1 : 0;
}

bool CanReadLesson(const Actor& a, AccessFacts innovation, const Lesson& l) {
  innovation.zichtbaarheid = l.zichtbaarheid;
  return CanRead(a, innovation);
}

std::vector<FieldProblem> Validate(const Lesson& l) {
  std::vector<FieldProblem> out;
  CheckCode(&out, "vorm", l.vorm, vocab::kLesVorm, true);
  CheckText(&out, "tekst", l.tekst, 5000, true);
  const bool lesson = l.vorm == "les";
  // A logbook note needs only its text; a lesson says what kind it is and
  // how and when it was learned.
  if (lesson && l.cluster.empty()) out.push_back({"cluster", "is verplicht voor een les; kies een cluster"});
  CheckCode(&out, "hoe", l.hoe, vocab::kHoeGeleerd, lesson);
  CheckCode(&out, "fase", l.fase, vocab::kFase, lesson);
  CheckCode(&out, "soort", l.soort, vocab::kLesSoort, lesson);
  CheckCode(&out, "zichtbaarheid", l.zichtbaarheid, vocab::kZichtbaarheid, true);
  CheckList(&out, "succesfactoren", l.succesfactoren, 10, 100);
  CheckList(&out, "tags", l.tags, 20, 60);
  CheckDate(&out, "datum", l.datum, false);
  return out;
}

std::vector<FieldProblem> Validate(const ActionReview& r) {
  std::vector<FieldProblem> out;
  CheckCode(&out, "soort", r.soort, vocab::kTerugblikSoort, true);
  if (r.status != "gepland" && r.status != "gehouden") out.push_back({"status", "kies uit: gepland, gehouden"});
  CheckDate(&out, "datum", r.datum, true);
  CheckText(&out, "mijlpaal", r.mijlpaal, 300, r.soort == "succes");
  const bool held = r.status == "gehouden";
  CheckText(&out, "gepland", r.gepland, 5000, false);
  CheckText(&out, "gebeurd", r.gebeurd, 5000, held && r.soort == "terugblik");
  CheckText(&out, "verschil", r.verschil, 5000, false);
  CheckText(&out, "vervolg", r.vervolg, 5000, false);
  if (r.acties.size() > 50) out.push_back({"acties", "mag hoogstens 50 acties hebben"});
  for (size_t i = 0; i < r.acties.size() && i < 50; ++i) {
    const std::string f = "acties[" + std::to_string(i) + "]";
    const FollowUp& a = r.acties[i];
    CheckText(&out, f + ".omschrijving", a.omschrijving, 1000, true);
    CheckText(&out, f + ".eigenaar", a.eigenaar, 200, true);
    CheckDate(&out, f + ".deadline", a.deadline, true);
    if (a.status != "open" && a.status != "gedaan") out.push_back({f + ".status", "kies uit: open, gedaan"});
  }
  CheckList(&out, "deelnemers", r.deelnemers, 50, 200);
  return out;
}

std::vector<FieldProblem> Validate(const ReviewCadence& c) {
  std::vector<FieldProblem> out;
  if (c.elke_weken && (*c.elke_weken < 1 || *c.elke_weken > 52))
    out.push_back({"elkeWeken", "moet 1 tot en met 52 zijn"});
  CheckDate(&out, "vanaf", c.vanaf, false);
  return out;
}

ReviewDue NextReview(const ReviewCadence& cadence, const std::vector<ActionReview>& reviews,
                     const std::vector<std::string>& decisions, const std::string& today) {
  ReviewDue due;
  std::optional<int64_t> last_held;
  for (const auto& r : reviews)
    if (r.status == "gehouden" && r.soort == "terugblik")
      if (auto d = DayNumber(r.datum); d && (!last_held || *d > *last_held)) last_held = d;
  if (last_held) due.laatste = DateOf(*last_held);

  std::optional<int64_t> best;
  auto consider = [&](int64_t day, std::string why) {
    if (!best || day < *best) {
      best = day;
      due.reden = std::move(why);
    }
  };
  // A planned review is done once a review was held on or after its date.
  for (const auto& r : reviews)
    if (r.status == "gepland")
      if (auto d = DayNumber(r.datum); d && (!last_held || *d > *last_held))
        consider(*d, "er is een terugblik gepland op " + DateOf(*d));
  if (cadence.elke_weken) {
    std::optional<int64_t> from = last_held ? last_held : DayNumber(cadence.vanaf);
    if (from)
      consider(*from + 7 * *cadence.elke_weken,
               "het ritme is elke " + std::to_string(*cadence.elke_weken) + " weken, " +
                   (last_held ? "de laatste terugblik was op " + DateOf(*from) : "geteld vanaf " + DateOf(*from)));
  }
  if (cadence.bij_elke_poort) {
    std::optional<int64_t> first_decision;
    for (const auto& d : decisions)
      if (auto day = DayNumber(d); day && (!last_held || *day > *last_held) && (!first_decision || *day < *first_decision))
        first_decision = day;
    if (first_decision)
      consider(*first_decision + kDaysAfterGate,
               "na het poortbesluit van " + DateOf(*first_decision) + " is nog niet teruggeblikt");
  }
  if (!best) return due;
  due.volgende_op = DateOf(*best);
  auto now = DayNumber(today);
  due.te_laat = now && *best < *now;
  return due;
}

std::vector<FieldProblem> Validate(const Invitation& i, const std::string& today) {
  std::vector<FieldProblem> out;
  CheckText(&out, "email", i.email, 254, true);
  CheckText(&out, "naam", i.naam, 200, true);
  CheckText(&out, "bericht", i.bericht, 2000, false);
  CheckDate(&out, "geldigTot", i.geldig_tot, true);
  auto last = DayNumber(i.geldig_tot), now = DayNumber(today);
  if (last && now && IsIsoDate(i.geldig_tot)) {
    if (*last < *now)
      out.push_back({"geldigTot", "mag niet in het verleden liggen"});
    else if (*last > *now + kMaxInvitationDays)
      out.push_back({"geldigTot", "mag hoogstens " + std::to_string(kMaxInvitationDays) + " dagen vooruit liggen, tot " +
                                      DateOf(*now + kMaxInvitationDays)});
  }
  return out;
}

bool IsOpen(const Invitation& i, const std::string& today) {
  return !i.ingetrokken && today.substr(0, 10) <= i.geldig_tot;
}

std::vector<FieldProblem> Validate(const FriendComment& c) {
  std::vector<FieldProblem> out;
  CheckText(&out, "tekst", c.tekst, 5000, true);
  return out;
}

}  // namespace koers
