#include "advice/advice.hpp"

#include <algorithm>
#include <set>

#include "domain/vocabulary.hpp"

namespace koers {
namespace {

bool In(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::string PillarName(const std::string& id) {
  for (const auto& [key, naam] : Pillars())
    if (key == id) return naam;
  return id;
}

std::string Lower(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// Whether a score condition holds; fills `reason` when it does.
bool ScoreHolds(const Condition& c, const std::map<std::string, int>& scores, const std::string& name,
                const char* where, std::string* reason) {
  auto it = scores.find(c.key);
  if (it == scores.end()) return false;
  int s = it->second;
  if ((c.min && s < *c.min) || (c.max && s > *c.max)) return false;
  *reason = c.reden.empty() ? Lower(name) + " scoorde " + std::to_string(s) + " " + where : c.reden;
  return true;
}

bool Holds(const Knowledge& k, const Condition& c, const InnovationFacts& f, std::string* reason) {
  *reason = c.reden;
  if (c.kind == "pijler") return ScoreHolds(c, f.pijlers, PillarName(c.key), "in de laatste review", reason);
  if (c.kind == "factor") {
    const KnowledgeItem* item = k.Factor(c.key);
    return ScoreHolds(c, f.factoren, item ? item->naam : c.key, "in de laatste diagnose", reason);
  }
  if (c.kind == "fase") return In(c.values, f.fase);
  if (c.kind == "status") return In(c.values, f.status);
  if (c.kind == "analyseniveau") return In(c.values, f.analyse_niveau);
  if (c.kind == "teamgat") return c.key == "any" ? !f.team.gaten.empty() : f.team.Misses(c.key);
  if (c.kind == "archetypegroep_ontbreekt")
    return std::any_of(f.team.ontbrekende_groepen.begin(), f.team.ontbrekende_groepen.end(),
                       [&](const ArchetypeGroup* g) { return g->id == c.key; });
  if (c.kind == "dagen_in_fase_min") return c.min && f.dagen_in_fase >= *c.min;
  if (c.kind == "open_onbekenden_min") return c.min && f.open_onbekenden >= *c.min;
  if (c.kind == "geen_businesscase") return !f.heeft_businesscase;
  if (c.kind == "geen_pitch") return !f.heeft_pitch;
  if (c.kind == "geen_beoordeling") return !f.heeft_beoordeling;
  if (c.kind == "geen_outcome_indicator") return !f.heeft_outcome_indicator;
  if (c.kind == "beoordeling_achterstallig") return f.beoordeling_achterstallig;
  if (c.kind == "doorlooptijd_overschreden") return f.doorlooptijd_overschreden;
  if (c.kind == "niet_opgeschaald") return !f.opgeschaald;
  if (c.kind == "dagen_zonder_terugblik_min") return c.min && f.dagen_zonder_terugblik >= *c.min;
  if (c.kind == "terugblik_te_laat") return f.terugblik_te_laat;
  if (c.kind == "geen_les_na_poort") return f.geen_les_na_poort;
  if (c.kind == "projectleider_zonder_vervanger") return f.projectleider_zonder_vervanger;
  return false;
}

bool Holds(const Knowledge& k, const Condition& c, const OrganisationFacts& f, std::string* reason) {
  *reason = c.reden;
  if (c.kind == "kenmerk") {
    const KnowledgeItem* item = k.Trait(c.key);
    return ScoreHolds(c, f.kenmerken, item ? item->naam : c.key, "in de laatste meting", reason);
  }
  if (c.kind == "drempel") {
    const KnowledgeItem* item = k.Hurdle(c.key);
    return ScoreHolds(c, f.drempels, "de drempel " + Lower(item ? item->naam : c.key), "in de laatste meting", reason);
  }
  return false;
}

template <class Facts>
std::vector<AdviceItem> Advise(const Knowledge& k, const Facts& facts, const char* voor, const std::string& fase) {
  struct Fired {
    const AdviceRule* rule;
    size_t order;
    std::string reason;
  };
  std::vector<Fired> fired;
  for (size_t i = 0; i < k.regels.size(); ++i) {
    const AdviceRule& rule = k.regels[i];
    if (rule.voor != voor) continue;
    std::vector<std::string> reasons;
    bool all = true;
    for (const auto& c : rule.als) {
      std::string reason;
      if (!Holds(k, c, facts, &reason)) {
        all = false;
        break;
      }
      if (!reason.empty()) reasons.push_back(reason);
    }
    if (!all) continue;
    std::string sentence;
    for (size_t r = 0; r < reasons.size(); ++r) sentence += (r ? " en " : "") + reasons[r];
    if (!sentence.empty()) sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    fired.push_back({&rule, i, sentence});
  }
  std::stable_sort(fired.begin(), fired.end(), [](const Fired& a, const Fired& b) {
    return a.rule->gewicht != b.rule->gewicht ? a.rule->gewicht > b.rule->gewicht : a.order < b.order;
  });
  std::vector<AdviceItem> out;
  std::set<std::string> seen;
  for (const auto& f : fired) {
    for (const auto& id : f.rule->opties) {
      const ActionOption* o = k.Option(id);
      if (!o || seen.count(id)) continue;
      if (!fase.empty() && !In(o->fasen, fase)) continue;
      seen.insert(id);
      out.push_back({o, f.rule->id, f.rule->gewicht, f.reason});
    }
  }
  return out;
}

}  // namespace

bool TeamCheck::Misses(const std::string& rol) const {
  return std::any_of(gaten.begin(), gaten.end(), [&](const RoleGap& g) { return In(g.rollen, rol); });
}

TeamCheck CheckTeam(const Knowledge& k, const Innovation& in) {
  std::set<std::string> roles, archetypes;
  for (const auto& m : in.team) {
    roles.insert(m.rol);
    archetypes.insert(m.archetypen.begin(), m.archetypen.end());
  }
  TeamCheck out;
  std::set<std::string> reported;
  for (const auto& r : k.team_regels) {
    if (!r.fase.empty() && !In(r.fase, in.fase)) continue;
    if (!r.analyseniveau.empty() && !In(r.analyseniveau, in.analyse_niveau)) continue;
    if (!r.team_heeft.empty() &&
        std::none_of(r.team_heeft.begin(), r.team_heeft.end(), [&](const std::string& x) { return roles.count(x); }))
      continue;
    for (const auto& role : r.nodig)
      if (!roles.count(role) && reported.insert(role).second) out.gaten.push_back({{role}, r.id, r.reden});
    if (!r.een_van.empty() &&
        std::none_of(r.een_van.begin(), r.een_van.end(), [&](const std::string& x) { return roles.count(x); }))
      out.gaten.push_back({r.een_van, r.id, r.reden});
  }
  if (!in.team.empty())
    for (const auto& g : k.archetypegroepen)
      if (std::none_of(g.archetypen.begin(), g.archetypen.end(), [&](const std::string& a) { return archetypes.count(a); }))
        out.ontbrekende_groepen.push_back(&g);
  return out;
}

std::vector<AdviceItem> AdviseInnovation(const Knowledge& k, const InnovationFacts& facts) {
  return Advise(k, facts, "innovatie", facts.fase);
}

std::vector<AdviceItem> AdviseOrganisation(const Knowledge& k, const OrganisationFacts& facts) {
  return Advise(k, facts, "organisatie", "");
}

std::vector<FactorLesson> LearnFromPortfolio(const Knowledge& k, const std::vector<LearningRow>& rows) {
  std::vector<FactorLesson> out;
  for (const auto& f : k.factoren) {
    FactorLesson l;
    l.factor = &f;
    for (const auto& row : rows) {
      auto it = row.factoren.find(f.id);
      if (it == row.factoren.end()) continue;
      if (it->second >= 4) {
        ++l.hoog_n;
        l.hoog_bereikt += row.implementatie_bereikt;
      } else if (it->second <= 2) {
        ++l.laag_n;
        l.laag_bereikt += row.implementatie_bereikt;
      }
    }
    l.genoeg = l.hoog_n >= kMinGroupForLesson && l.laag_n >= kMinGroupForLesson;
    out.push_back(l);
  }
  return out;
}

}  // namespace koers
