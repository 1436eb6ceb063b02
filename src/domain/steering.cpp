#include "domain/steering.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "domain/checks.hpp"
#include "domain/account.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

constexpr const char* kPhases[] = {"idee", "ontwikkeling", "implementatie", "opschaling"};

double Days(TimePoint a, TimePoint b) {
  return std::chrono::duration<double>(b - a).count() / 86400.0;
}

}  // namespace

int PhaseIndex(const std::string& fase) {
  for (int i = 0; i < 4; ++i)
    if (fase == kPhases[i]) return i;
  return -1;
}

std::vector<FieldProblem> Validate(const Review& r, bool deciding) {
  std::vector<FieldProblem> out;
  if (!vocab::kFase.Contains(r.fase)) out.push_back({"fase", "kies uit: " + vocab::kFase.Allowed()});
  for (const auto& [key, s] : r.pijlers) {
    if (std::find_if(kPillars.begin(), kPillars.end(), [&](const char* k) { return key == k; }) == kPillars.end()) {
      out.push_back({"pijlers." + key, "is geen pijler; kies uit publiekeWaarde, gebruikswaarde, technischeAanpak, kosten"});
      continue;
    }
    if (s.score && (*s.score < 1 || *s.score > 5)) out.push_back({"pijlers." + key + ".score", "moet 1 tot en met 5 zijn"});
    CheckText(&out, "pijlers." + key + ".onderbouwing", s.tekst, 5000, false);
  }
  for (const auto& [key, s] : r.schaduwkanten) {
    if (std::find_if(kDarkSides.begin(), kDarkSides.end(), [&](const char* k) { return key == k; }) ==
        kDarkSides.end()) {
      out.push_back({"schaduwkanten." + key, "is geen onderdeel van de schaduwkantencheck"});
      continue;
    }
    if (s.score && (*s.score < 1 || *s.score > 5))
      out.push_back({"schaduwkanten." + key + ".score", "moet 1 (klein risico) tot en met 5 (groot risico) zijn"});
    CheckText(&out, "schaduwkanten." + key + ".toelichting", s.tekst, 2000, false);
  }
  static const std::set<std::string> kDecisions = {"go", "go_back", "hold", "no_go"};
  if (!r.besluit.empty() && !kDecisions.count(r.besluit))
    out.push_back({"besluit", "kies uit: go, go_back, hold, no_go"});
  if (!r.terug_naar.empty() && r.terug_naar != "vorige" && r.terug_naar != "blijven")
    out.push_back({"terugNaar", "kies uit: vorige, blijven"});
  if (r.besluit == "go_back" && r.terug_naar.empty())
    out.push_back({"terugNaar", "zeg bij GO BACK of de innovatie terug gaat naar de vorige fase of blijft"});
  CheckText(&out, "motivering", r.motivering, 10000, deciding);
  for (size_t i = 0; i < r.besluitvormers.size(); ++i)
    CheckText(&out, "besluitvormers[" + std::to_string(i) + "]", r.besluitvormers[i], 200, true);
  CheckAmount(&out, "budget", r.budget);
  if (r.doorlooptijd_maanden && (*r.doorlooptijd_maanden < 0 || *r.doorlooptijd_maanden > 240))
    out.push_back({"doorlooptijdMaanden", "moet 0 tot en met 240 maanden zijn"});
  if (!r.volgende_beoordeling.empty() && !IsIsoDate(r.volgende_beoordeling))
    out.push_back({"volgendeBeoordeling", "moet een datum zijn in de vorm JJJJ-MM-DD"});
  if (deciding) {
    if (r.besluit.empty()) out.push_back({"besluit", "is verplicht bij het vaststellen"});
    for (const char* p : kPillars) {
      auto it = r.pijlers.find(p);
      if (it == r.pijlers.end() || !it->second.score)
        out.push_back({std::string("pijlers.") + p + ".score", "geef een score voordat het besluit wordt vastgesteld"});
    }
  }
  return out;
}

void ApplyDecision(const Review& r, std::string* fase, std::string* status) {
  int i = PhaseIndex(*fase);
  if (r.besluit == "go") {
    if (i >= 0 && i < 3) *fase = kPhases[i + 1];
    *status = "actief";
  } else if (r.besluit == "go_back") {
    if (r.terug_naar == "vorige" && i > 0) *fase = kPhases[i - 1];
    *status = "actief";
  } else if (r.besluit == "hold") {
    *status = "gepauzeerd";
  } else if (r.besluit == "no_go") {
    *status = "gestopt";
  }
}

std::vector<FieldProblem> Validate(const Uncertainty& u) {
  std::vector<FieldProblem> out;
  if (u.soort != "onbekende" && u.soort != "risico") out.push_back({"soort", "kies uit: onbekende, risico"});
  CheckText(&out, "titel", u.titel, 200, true);
  CheckText(&out, "omschrijving", u.omschrijving, 5000, false);
  CheckText(&out, "eigenaar", u.eigenaar, 200, false);
  static const std::set<std::string> kStatus = {"open", "in_aanpak", "opgelost", "geaccepteerd"};
  if (!kStatus.count(u.status)) out.push_back({"status", "kies uit: open, in_aanpak, opgelost, geaccepteerd"});
  if (u.volgorde < 0 || u.volgorde > 100000) out.push_back({"volgorde", "moet 0 of meer zijn"});
  CheckText(&out, "uitkomst", u.uitkomst, 5000, false);
  return out;
}

void SortForTackling(std::vector<Uncertainty>* items) {
  std::stable_sort(items->begin(), items->end(), [](const Uncertainty& a, const Uncertainty& b) {
    bool au = a.soort == "onbekende", bu = b.soort == "onbekende";
    if (au != bu) return au;
    if (a.volgorde != b.volgorde) return a.volgorde < b.volgorde;
    return a.id < b.id;
  });
}

std::vector<FieldProblem> Validate(const BusinessCase& b) {
  std::vector<FieldProblem> out;
  if (b.kosten.size() > 20 || b.baten.size() > 50 || b.stoplijst.size() > 50)
    out.push_back({"", "te veel regels"});
  for (size_t i = 0; i < b.kosten.size(); ++i) {
    std::string f = "kosten[" + std::to_string(i) + "]";
    if (!vocab::kFase.Contains(b.kosten[i].fase)) out.push_back({f + ".fase", "kies uit: " + vocab::kFase.Allowed()});
    CheckAmount(&out, f + ".extern", b.kosten[i].extern_euro);
    CheckAmount(&out, f + ".interneUren", b.kosten[i].interne_uren);
  }
  for (size_t i = 0; i < b.baten.size(); ++i) {
    std::string f = "baten[" + std::to_string(i) + "]";
    CheckText(&out, f + ".omschrijving", b.baten[i].omschrijving, 500, true);
    CheckAmount(&out, f + ".bedragPerJaar", b.baten[i].bedrag_per_jaar);
    CheckAmount(&out, f + ".gerealiseerdPerJaar", b.baten[i].gerealiseerd_per_jaar);
    CheckText(&out, f + ".aanname", b.baten[i].aanname, 1000, false);
  }
  for (size_t i = 0; i < b.stoplijst.size(); ++i) {
    std::string f = "stoplijst[" + std::to_string(i) + "]";
    CheckText(&out, f + ".wat", b.stoplijst[i].wat, 500, true);
    CheckText(&out, f + ".vrijgekomen", b.stoplijst[i].vrijgekomen, 1000, false);
    CheckAmount(&out, f + ".besparingPerJaar", b.stoplijst[i].besparing_per_jaar);
  }
  CheckAmount(&out, "uurtarief", b.uurtarief);
  return out;
}

BusinessCaseTotals Totals(const BusinessCase& b, double default_rate) {
  BusinessCaseTotals t;
  for (const auto& k : b.kosten) {
    t.kosten_extern += k.extern_euro.value_or(0);
    t.interne_uren += k.interne_uren.value_or(0);
  }
  t.kosten_intern = t.interne_uren * b.uurtarief.value_or(default_rate);
  for (const auto& x : b.baten) {
    t.baten_per_jaar += x.bedrag_per_jaar.value_or(0);
    t.gerealiseerd_per_jaar += x.gerealiseerd_per_jaar.value_or(0);
    t.iets_gerealiseerd = t.iets_gerealiseerd || x.gerealiseerd_per_jaar.has_value();
  }
  for (const auto& s : b.stoplijst) t.besparing_per_jaar += s.besparing_per_jaar.value_or(0);
  double gains = t.baten_per_jaar + t.besparing_per_jaar;
  double costs = t.kosten_extern + t.kosten_intern;
  if (gains > 0) t.terugverdientijd_jaren = costs / gains;
  return t;
}

std::vector<FieldProblem> Validate(const Pitch& p) {
  std::vector<FieldProblem> out;
  CheckText(&out, "behoeften", p.behoeften, 5000, false);
  CheckText(&out, "aanpak", p.aanpak, 5000, false);
  CheckText(&out, "voordelen", p.voordelen, 5000, false);
  CheckText(&out, "alternatieven", p.alternatieven, 5000, false);
  if (p.behoeften.empty() && p.aanpak.empty() && p.voordelen.empty() && p.alternatieven.empty())
    out.push_back({"behoeften", "vul minstens een deel van de pitch in"});
  return out;
}

std::vector<FieldProblem> Validate(const MaturityEntry& m) {
  std::vector<FieldProblem> out;
  if (m.stadia.empty()) out.push_back({"stadia", "kies minstens één stadium"});
  for (size_t i = 0; i < m.stadia.size(); ++i)
    if (std::find_if(kMaturityStages.begin(), kMaturityStages.end(), [&](const char* s) { return m.stadia[i] == s; }) ==
        kMaturityStages.end())
      out.push_back({"stadia[" + std::to_string(i) + "]",
                     "kies uit: agendering_en_coalitievorming, experimenteren, verbreden, verankeren, het_nieuwe_normaal"});
  CheckText(&out, "onderbouwing", m.onderbouwing, 5000, true);
  if (!IsIsoDate(m.datum)) out.push_back({"datum", "moet een datum zijn in de vorm JJJJ-MM-DD"});
  return out;
}

std::vector<PhaseTime> TimeInPhases(const std::vector<PhaseChange>& history, TimePoint now) {
  std::vector<PhaseTime> out;
  for (const char* p : kPhases) out.push_back({p, 0, false});
  for (size_t i = 0; i < history.size(); ++i) {
    TimePoint from, to = now;
    if (!ParseTimestamp(history[i].op, &from)) continue;
    if (i + 1 < history.size() && !ParseTimestamp(history[i + 1].op, &to)) to = now;
    int p = PhaseIndex(history[i].fase);
    if (p < 0 || to < from) continue;
    out[p].dagen += Days(from, to);
  }
  if (!history.empty()) {
    int current = PhaseIndex(history.back().fase);
    if (current >= 0) out[current].huidig = true;
  }
  return out;
}

std::optional<YearRange> ExpectedTimeToMarket(const std::string& niveau) {
  if (niveau == "applicatie") return YearRange{0.5, 1.5};
  if (niveau == "systeem") return YearRange{1, 3};
  if (niveau == "component") return YearRange{2, 4};
  if (niveau == "technologie") return YearRange{4, 6};  // "about five years"
  if (niveau == "materiaal") return YearRange{5, 10};
  return std::nullopt;
}

LeadTime LeadTimeOf(const Innovation& in, TimePoint now) {
  LeadTime lt;
  lt.verwacht = ExpectedTimeToMarket(in.innovatie_niveau);
  std::optional<TimePoint> start, reached;
  TimePoint t;
  if (!in.start_datum.empty() && ParseTimestamp(in.start_datum, &t)) start = t;
  for (const auto& h : in.fase_historie) {
    if (!ParseTimestamp(h.op, &t)) continue;
    if (!start || t < *start) start = t;
    if (!reached && PhaseIndex(h.fase) >= 2) reached = t;
  }
  if (!start) return lt;
  lt.bereikt = reached.has_value();
  lt.jaren = Days(*start, reached.value_or(now)) / 365.25;
  lt.overschreden = lt.verwacht && lt.jaren > lt.verwacht->max;
  return lt;
}

FunnelOverview Overview(const std::vector<Innovation>& innovations, TimePoint now) {
  FunnelOverview o;
  std::map<std::string, std::vector<double>> stays;
  for (const auto& in : innovations) {
    o.per_fase[in.fase]++;
    o.per_status[in.status]++;
    const auto& h = in.fase_historie;
    if (!h.empty() && h.front().fase == "idee") {
      o.gestart_in_idee++;
      bool reached = std::any_of(h.begin(), h.end(), [](const PhaseChange& c) { return PhaseIndex(c.fase) >= 2; });
      if (reached) o.idee_naar_implementatie++;
    }
    // A completed stay: from entering a phase to the first change to another phase.
    for (size_t i = 0; i < h.size(); ++i) {
      if (i > 0 && h[i - 1].fase == h[i].fase) continue;  // still the same stay
      size_t j = i + 1;
      while (j < h.size() && h[j].fase == h[i].fase) ++j;
      if (j >= h.size()) break;  // the current stay has no end yet
      TimePoint from, to;
      if (ParseTimestamp(h[i].op, &from) && ParseTimestamp(h[j].op, &to) && to >= from)
        stays[h[i].fase].push_back(Days(from, to));
    }
  }
  (void)now;
  for (const char* p : kPhases) {
    auto& v = stays[p];
    o.afgeronde_verblijven[p] = static_cast<int>(v.size());
    if (v.empty()) {
      o.mediaan_dagen[p] = std::nullopt;
      continue;
    }
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    o.mediaan_dagen[p] = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
  return o;
}

bool ReachedImplementation(const Innovation& in) {
  if (PhaseIndex(in.fase) >= 2) return true;
  for (const auto& p : in.fase_historie)
    if (PhaseIndex(p.fase) >= 2) return true;
  return false;
}

}  // namespace koers
