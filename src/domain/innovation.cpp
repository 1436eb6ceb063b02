#include "domain/innovation.hpp"

#include "domain/access.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "domain/account.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

void NormaliseList(std::vector<std::string>* list) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (auto& item : *list) {
    std::string t = Trim(item);
    if (t.empty() || !seen.insert(t).second) continue;
    out.push_back(std::move(t));
  }
  *list = std::move(out);
}

class Checker {
 public:
  void Text(const std::string& field, const std::string& value, size_t max, bool required) {
    if (value.empty()) {
      if (required) Add(field, "is verplicht");
      return;
    }
    if (!IsValidUtf8(value)) return Add(field, "bevat ongeldige tekens (geen geldige UTF-8)");
    if (HasControlChars(value)) return Add(field, "bevat stuurtekens die niet zijn toegestaan");
    if (Utf8Length(value) > max) Add(field, "is te lang (maximaal " + std::to_string(max) + " tekens)");
  }
  void Enum(const std::string& field, const std::string& value, const Vocabulary& vocab, bool required) {
    if (value.empty()) {
      if (required) Add(field, "is verplicht (kies uit: " + vocab.Allowed() + ")");
      return;
    }
    if (!vocab.Contains(value)) Add(field, "heeft een onbekende waarde; kies uit: " + vocab.Allowed());
  }
  void List(const std::string& field, const std::vector<std::string>& items, const Vocabulary* vocab) {
    if (items.size() > limits::kListItems) {
      Add(field, "bevat te veel waarden (maximaal " + std::to_string(limits::kListItems) + ")");
      return;
    }
    for (size_t i = 0; i < items.size(); ++i) {
      std::string f = field + "[" + std::to_string(i) + "]";
      if (vocab) {
        Enum(f, items[i], *vocab, true);
      } else {
        Text(f, items[i], limits::kListItem, true);
      }
    }
  }
  void Add(const std::string& field, std::string message) { problems_.push_back({field, std::move(message)}); }
  std::vector<FieldProblem> Take() { return std::move(problems_); }

 private:
  std::vector<FieldProblem> problems_;
};

bool IsOrgCode(const std::string& code) {
  if (code.empty() || code.size() > 40) return false;
  for (unsigned char c : code)
    if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

void Normalise(Innovation* in) {
  for (std::string* s : {&in->titel, &in->samenvatting, &in->opgave, &in->doel, &in->organisatie, &in->start_datum,
                         &in->herzien_op, &in->referentie})
    *s = Trim(*s);
  for (auto* list : {&in->partners, &in->partners_met_bewerkrecht, &in->tags, &in->technieken, &in->databronnen,
                     &in->waarde_soorten, &in->opgeschaald_naar})
    NormaliseList(list);
  for (auto* set : {&in->partners, &in->partners_met_bewerkrecht})  // sets; the store returns them sorted
    std::sort(set->begin(), set->end());
  for (auto& m : in->team) {
    m.naam = Trim(m.naam);
    m.gebruiker = AsciiLower(Trim(m.gebruiker));
    NormaliseList(&m.archetypen);
  }
  if (in->publicatie) Normalise(&*in->publicatie);
}

std::vector<FieldProblem> Validate(const Innovation& in) {
  Checker c;
  c.Text("titel", in.titel, limits::kTitle, true);
  c.Text("samenvatting", in.samenvatting, limits::kLongText, false);
  c.Text("opgave", in.opgave, limits::kLongText, false);
  c.Text("doel", in.doel, limits::kLongText, false);
  c.Enum("urgentie", in.urgentie, vocab::kUrgentie, false);
  if (in.organisatie.empty()) {
    c.Add("organisatie", "is verplicht");
  } else if (!IsOrgCode(in.organisatie)) {
    c.Add("organisatie", "is geen geldige organisatiecode");
  }
  c.List("partners", in.partners, nullptr);
  for (const auto& p : in.partners)
    if (p == in.organisatie) c.Add("partners", "de eigen organisatie kan geen partner zijn");
  for (const auto& p : in.partners_met_bewerkrecht)
    if (std::find(in.partners.begin(), in.partners.end(), p) == in.partners.end())
      c.Add("partnersMetBewerkrecht", "'" + p + "' staat niet bij de partners; voeg de organisatie eerst als partner toe");
  c.Enum("domein", in.domein, vocab::kDomein, false);
  c.List("tags", in.tags, nullptr);
  c.Enum("fase", in.fase, vocab::kFase, true);
  c.Enum("status", in.status, vocab::kStatus, true);
  c.Enum("innovatieType", in.innovatie_type, vocab::kInnovatieType, false);
  c.Enum("innovatieNiveau", in.innovatie_niveau, vocab::kInnovatieNiveau, false);
  if (in.trl && (*in.trl < 1 || *in.trl > 9)) c.Add("trl", "moet een geheel getal van 1 tot en met 9 zijn");
  c.Enum("analyseNiveau", in.analyse_niveau, vocab::kAnalyseNiveau, false);
  c.Enum("orientatie", in.orientatie, vocab::kOrientatie, false);
  c.List("waardeSoorten", in.waarde_soorten, &vocab::kWaardeSoort);
  c.Enum("waardecreatie", in.waardecreatie, vocab::kWaardeNiveau, false);
  c.Enum("waardepotentie", in.waardepotentie, vocab::kWaardeNiveau, false);
  if (!in.start_datum.empty() && !IsIsoDate(in.start_datum))
    c.Add("startDatum", "moet een bestaande datum zijn in de vorm JJJJ-MM-DD");
  if (!in.herzien_op.empty() && !IsIsoDate(in.herzien_op))
    c.Add("herzienOp", "moet een bestaande datum zijn in de vorm JJJJ-MM-DD");
  if (in.kosten_extern && (*in.kosten_extern < 0 || *in.kosten_extern > 1e12))
    c.Add("kostenExtern", "moet een bedrag van 0 of meer zijn");
  if (in.interne_uren && (*in.interne_uren < 0 || *in.interne_uren > 1e9))
    c.Add("interneUren", "moet een aantal uren van 0 of meer zijn");
  c.Enum("inkoopRoute", in.inkoop_route, vocab::kInkoopRoute, false);
  c.List("technieken", in.technieken, nullptr);
  c.List("databronnen", in.databronnen, nullptr);
  if (in.team.size() > limits::kTeamMembers) {
    c.Add("team", "bevat te veel teamleden (maximaal " + std::to_string(limits::kTeamMembers) + ")");
  } else {
    for (size_t i = 0; i < in.team.size(); ++i) {
      std::string f = "team[" + std::to_string(i) + "]";
      c.Text(f + ".naam", in.team[i].naam, limits::kShortText, true);
      c.Enum(f + ".rol", in.team[i].rol, vocab::kRol, true);
      c.List(f + ".archetypen", in.team[i].archetypen, &vocab::kArchetype);
      if (!in.team[i].gebruiker.empty() && !LooksLikeEmail(in.team[i].gebruiker))
        c.Add(f + ".gebruiker", "moet het e-mailadres van een Koers-gebruiker zijn");
    }
  }
  c.Enum("zichtbaarheid", in.zichtbaarheid, vocab::kZichtbaarheid, true);
  c.Text("referentie", in.referentie, 40, false);
  c.List("opgeschaaldNaar", in.opgeschaald_naar, nullptr);
  if (in.bron) {
    c.Text("bron.registry", in.bron->registry, 60, true);
    c.Text("bron.id", in.bron->id, 60, true);
    c.Text("bron.url", in.bron->url, 500, false);
    if (!in.bron->url.empty() && in.bron->url.rfind("https://", 0) != 0 && in.bron->url.rfind("http://", 0) != 0)
      c.Add("bron.url", "moet een webadres zijn dat begint met https://");
  }
  if (in.publicatie)
    for (auto& p : Validate(*in.publicatie)) c.Add(p.field, std::move(p.message));
  return c.Take();
}


void StampReview(Innovation* in, const Innovation* before, TimePoint now, bool by_person) {
  const std::string today = FormatDate(now);
  const std::string in_a_year = DateYearsAfter(now, 1);
  if (by_person) {
    bool chosen = !in->herzien_op.empty() && (!before || in->herzien_op != before->herzien_op);
    in->bevestigd_op = today;
    if (!chosen) in->herzien_op = in_a_year;
    return;
  }
  if (in->bevestigd_op.empty()) in->bevestigd_op = before && !before->bevestigd_op.empty() ? before->bevestigd_op : today;
  if (in->herzien_op.empty()) in->herzien_op = before && !before->herzien_op.empty() ? before->herzien_op : in_a_year;
}

AccessFacts FactsOf(const Innovation& in) {
  AccessFacts f;
  f.organisatie = in.organisatie;
  f.partners = in.partners;
  f.partners_met_bewerkrecht = in.partners_met_bewerkrecht;
  f.zichtbaarheid = in.zichtbaarheid;
  f.aangemaakt_door = in.aangemaakt_door;
  for (const auto& m : in.team) {
    if (m.gebruiker_id <= 0) continue;
    f.team.push_back(m.gebruiker_id);
    if (m.rol == "projectleider") f.projectleiders.push_back(m.gebruiker_id);
  }
  return f;
}

}  // namespace koers
