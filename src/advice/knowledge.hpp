// The knowledge base behind diagnosis and advice, kept as data files that an
// innovation advisor edits without touching code (data/kennis/*.yaml): the
// nine success factors, the twelve climate traits and four hurdles, the
// themes and options for action, the advice rules and the team check. Read
// and validated once at start; a mistake is reported as "file:line: what".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace koers {

// A thing that is scored 1-5: a success factor, climate trait or hurdle.
struct KnowledgeItem {
  std::string id;
  std::string naam;
  std::string uitleg;
};

struct Theme {
  std::string id;
  std::string naam;
  std::string uitleg;
};

// One option for action.
struct ActionOption {
  std::string id;
  std::string titel;
  std::string tekst;
  std::string thema;
  std::vector<std::string> fasen;      // where it applies
  std::vector<std::string> versterkt;  // factor, trait or hurdle ids
};

// One condition of an advice rule. `kind` names what is tested:
//   pijler, factor, kenmerk, drempel  score of `key` within [min, max]
//   fase, status, analyseniveau       the innovation's value is in `values`
//   teamgat                           the team check misses role `key` ("any": any role)
//   archetypegroep_ontbreekt          archetype group `key` is absent from the team
//   dagen_in_fase_min, open_onbekenden_min, dagen_zonder_terugblik_min
//                                     a count of at least `min`
//   geen_businesscase, geen_pitch, geen_beoordeling, geen_outcome_indicator,
//   beoordeling_achterstallig, doorlooptijd_overschreden, niet_opgeschaald,
//   terugblik_te_laat, geen_les_na_poort, projectleider_zonder_vervanger
//                                     a fact that holds
struct Condition {
  std::string kind;
  std::string key;
  std::optional<int> min, max;
  std::vector<std::string> values;
  std::string reden;  // the reason in words; generated for scores when empty
  int line = 0;
};

struct AdviceRule {
  std::string id;
  int gewicht = 1;    // 1-5
  std::string voor;   // innovatie | organisatie
  std::vector<Condition> als;
  std::vector<std::string> opties;
  int line = 0;
};

struct TeamRule {
  std::string id;
  std::vector<std::string> fase, analyseniveau, team_heeft;  // all that are given must hold
  std::vector<std::string> nodig;    // each missing role is a gap
  std::vector<std::string> een_van;  // a gap when none of these is present
  std::string reden;
};

struct ArchetypeGroup {
  std::string id;
  std::string naam;
  std::vector<std::string> archetypen;
  std::string uitleg;
};

struct Knowledge {
  std::vector<KnowledgeItem> factoren;   // succesfactoren.yaml
  std::vector<KnowledgeItem> lesclusters;  // lessen.yaml: what a lesson is about
  std::vector<KnowledgeItem> kenmerken;  // klimaat.yaml
  std::vector<KnowledgeItem> drempels;   // klimaat.yaml
  std::vector<Theme> themas;
  std::vector<ActionOption> opties;
  std::vector<AdviceRule> regels;
  std::vector<TeamRule> team_regels;
  std::vector<ArchetypeGroup> archetypegroepen;

  const KnowledgeItem* Factor(const std::string& id) const;
  const KnowledgeItem* LessonCluster(const std::string& id) const;
  const KnowledgeItem* Trait(const std::string& id) const;
  const KnowledgeItem* Hurdle(const std::string& id) const;
  const ActionOption* Option(const std::string& id) const;
  const Theme* FindTheme(const std::string& id) const;
};

// The four pillars of a gate review, with their Dutch names.
const std::vector<std::pair<std::string, std::string>>& Pillars();

// Reads and checks every file of `dir` (succesfactoren.yaml, klimaat.yaml,
// themas.yaml, opties.yaml, regels.yaml, teamcheck.yaml, lessen.yaml). kInvalid with one
// problem per mistake, each "file:line: what is wrong".
Result<Knowledge> LoadKnowledge(const std::string& dir);

// Reads one file's text into `k` (`name` is the file name, which says what
// it holds). Problems are appended; cross-file references are checked by
// CheckKnowledge. For LoadKnowledge, tests and the fuzz target.
void ParseKnowledgeFile(const std::string& name, const std::string& text, Knowledge* k,
                        std::vector<std::string>* problems);
// Checks references between the files: options name known themes and
// factors, rules name known options and scores, and so on.
void CheckKnowledge(const Knowledge& k, std::vector<std::string>* problems);

}  // namespace koers
