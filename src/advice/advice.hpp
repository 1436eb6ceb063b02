// Diagnosis and advice as pure functions over the knowledge base: the team
// check, the advice rules for an innovation and for an organisation, and
// what the portfolio teaches about the success factors. Deterministic: the
// same facts always give the same advice in the same order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "advice/knowledge.hpp"
#include "domain/innovation.hpp"

namespace koers {

// --- team check ----------------------------------------------------------------

struct RoleGap {
  std::vector<std::string> rollen;  // one of these is missing (one role for 'nodig')
  std::string regel;
  std::string reden;
};

struct TeamCheck {
  std::vector<RoleGap> gaten;
  std::vector<const ArchetypeGroup*> ontbrekende_groepen;  // no member has an archetype of the group
  // Roles missing, each once, for rule conditions ("teamgat").
  bool Misses(const std::string& rol) const;
};

TeamCheck CheckTeam(const Knowledge& k, const Innovation& in);

// --- advice ----------------------------------------------------------------------

// What the rules look at for one innovation. Scores are the latest: pillars
// from the last recorded gate review, factors from the last diagnosis.
struct InnovationFacts {
  std::string fase, status, analyse_niveau;
  std::map<std::string, int> pijlers;
  std::map<std::string, int> factoren;
  TeamCheck team;
  bool heeft_businesscase = false;
  bool heeft_pitch = false;
  bool heeft_beoordeling = false;
  bool heeft_outcome_indicator = false;
  bool beoordeling_achterstallig = false;
  bool doorlooptijd_overschreden = false;
  bool opgeschaald = false;  // taken over by another organisation
  int dagen_in_fase = 0;
  int open_onbekenden = 0;
  // Learning (domain/learning.hpp).
  int dagen_zonder_terugblik = 0;  // since the last After Action Review, or since the start
  bool terugblik_te_laat = false;  // the next one is overdue
  bool geen_les_na_poort = false;  // a gate decision, and no lesson recorded since
  bool projectleider_zonder_vervanger = false;  // one projectleider, nobody else to take over
};

struct OrganisationFacts {
  std::map<std::string, int> kenmerken;
  std::map<std::string, int> drempels;
};

struct AdviceItem {
  const ActionOption* optie = nullptr;
  std::string regel;
  int gewicht = 0;
  std::string reden;  // one sentence: the reasons of the rule's conditions joined with " en "
};

// Options for action, best first: rules that hold, by weight (then by
// their order in regels.yaml); each option once, with the reason of the
// strongest rule that chose it; for an innovation only options that apply
// in its phase.
std::vector<AdviceItem> AdviseInnovation(const Knowledge& k, const InnovationFacts& facts);
std::vector<AdviceItem> AdviseOrganisation(const Knowledge& k, const OrganisationFacts& facts);

// --- portfolio learning ------------------------------------------------------------

// One innovation for learning: its latest factor scores and whether it
// reached implementation (or scaling).
struct LearningRow {
  std::map<std::string, int> factoren;
  bool implementatie_bereikt = false;
};

struct FactorLesson {
  const KnowledgeItem* factor = nullptr;
  int hoog_n = 0, hoog_bereikt = 0;  // scored 4 or 5
  int laag_n = 0, laag_bereikt = 0;  // scored 1 or 2
  bool genoeg = false;               // both groups at least the minimum size
};

inline constexpr int kMinGroupForLesson = 5;

std::vector<FactorLesson> LearnFromPortfolio(const Knowledge& k, const std::vector<LearningRow>& rows);

}  // namespace koers
