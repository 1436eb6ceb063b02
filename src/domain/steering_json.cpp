#include "domain/steering_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/json_reader.hpp"

namespace koers {
namespace {

using nlohmann::json;


const std::set<std::string> kReviewReadOnly = {"id",           "innovatie",    "status",         "opgesteldDoor",
                                               "opgesteldOp",  "vastgesteldDoor", "vastgesteldOp", "versie", "_links"};

}  // namespace

void ReadScores(JsonReader* r, const char* key, const char* text_key, std::map<std::string, Score>* out,
                std::vector<FieldProblem>* problems) {
  const json* v = r->Find(key);
  if (!v) return;
  if (v->is_null()) {
    out->clear();
    return;
  }
  if (!v->is_object()) {
    r->Bad(key, "moet een object zijn");
    return;
  }
  for (const auto& [name, item] : v->items()) {
    std::string prefix = std::string(key) + "." + name + ".";
    if (!item.is_object()) {
      problems->push_back({std::string(key) + "." + name, "moet een object met score en " + std::string(text_key) + " zijn"});
      continue;
    }
    Score s = (*out)[name];
    JsonReader ir(item, problems, prefix);
    ir.Int("score", &s.score, 1, 5);
    ir.Str(text_key, &s.tekst);
    ir.RejectUnknown();
    (*out)[name] = s;
  }
}


json ScoresJson(const std::map<std::string, Score>& scores, const char* text_key) {
  json out = json::object();
  for (const auto& [k, s] : scores) out[k] = {{"score", OrNull(s.score)}, {text_key, s.tekst}};
  return out;
}

std::map<std::string, Score> ScoresFromJson(const json& j, const char* text_key) {
  std::map<std::string, Score> out;
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items()) {
    Score s;
    if (v.contains("score") && v["score"].is_number_integer()) s.score = v["score"].get<int>();
    if (v.contains(text_key) && v[text_key].is_string()) s.tekst = v[text_key].get<std::string>();
    out[k] = s;
  }
  return out;
}

json ToJson(const Review& r) {
  return json{{"id", r.id},
              {"innovatie", r.innovatie_id},
              {"fase", r.fase},
              {"status", r.status},
              {"pijlers", ScoresJson(r.pijlers, "onderbouwing")},
              {"schaduwkanten", ScoresJson(r.schaduwkanten, "toelichting")},
              {"besluit", OrNull(r.besluit)},
              {"terugNaar", OrNull(r.terug_naar)},
              {"motivering", OrNull(r.motivering)},
              {"besluitvormers", r.besluitvormers},
              {"budget", OrNull(r.budget)},
              {"doorlooptijdMaanden", OrNull(r.doorlooptijd_maanden)},
              {"volgendeBeoordeling", OrNull(r.volgende_beoordeling)},
              {"opgesteldDoor", OrNull(r.opgesteld_door)},
              {"opgesteldOp", OrNull(r.opgesteld_op)},
              {"vastgesteldDoor", OrNull(r.vastgesteld_door)},
              {"vastgesteldOp", OrNull(r.vastgesteld_op)},
              {"versie", r.versie},
              {"_links",
               {{"self", {{"href", "/api/v1/innovaties/" + std::to_string(r.innovatie_id) + "/beoordelingen/" +
                                       std::to_string(r.id)}}}}}};
}

std::vector<FieldProblem> FromJson(const json& j, Review* r) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Code("fase", &r->fase);
  ReadScores(&rd, "pijlers", "onderbouwing", &r->pijlers, &problems);
  ReadScores(&rd, "schaduwkanten", "toelichting", &r->schaduwkanten, &problems);
  rd.Code("besluit", &r->besluit);
  rd.Code("terugNaar", &r->terug_naar);
  rd.Str("motivering", &r->motivering);
  rd.StrList("besluitvormers", &r->besluitvormers);
  rd.Num("budget", &r->budget);
  rd.Int("doorlooptijdMaanden", &r->doorlooptijd_maanden, 0, 240);
  rd.Code("volgendeBeoordeling", &r->volgende_beoordeling);
  rd.RejectUnknown(kReviewReadOnly);
  return problems;
}

json ToJson(const Uncertainty& u) {
  return json{{"id", u.id},
              {"soort", u.soort},
              {"titel", u.titel},
              {"omschrijving", OrNull(u.omschrijving)},
              {"eigenaar", OrNull(u.eigenaar)},
              {"status", u.status},
              {"volgorde", u.volgorde},
              {"uitkomst", OrNull(u.uitkomst)},
              {"aangemaaktOp", OrNull(u.aangemaakt_op)},
              {"gewijzigdOp", OrNull(u.gewijzigd_op)}};
}

std::vector<FieldProblem> FromJson(const json& j, Uncertainty* u) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Code("soort", &u->soort);
  rd.Str("titel", &u->titel);
  rd.Str("omschrijving", &u->omschrijving);
  rd.Str("eigenaar", &u->eigenaar);
  rd.Code("status", &u->status);
  std::optional<int> order = u->volgorde;
  rd.Int("volgorde", &order, 0, 100000);
  u->volgorde = order.value_or(0);
  rd.Str("uitkomst", &u->uitkomst);
  rd.RejectUnknown({"id", "aangemaaktOp", "gewijzigdOp"});
  return problems;
}

json ToJson(const BusinessCase& b) {
  json kosten = json::array(), baten = json::array(), stop = json::array();
  for (const auto& k : b.kosten)
    kosten.push_back({{"fase", k.fase}, {"extern", OrNull(k.extern_euro)}, {"interneUren", OrNull(k.interne_uren)}});
  for (const auto& x : b.baten)
    baten.push_back({{"omschrijving", x.omschrijving}, {"bedragPerJaar", OrNull(x.bedrag_per_jaar)}, {"gerealiseerdPerJaar", OrNull(x.gerealiseerd_per_jaar)}, {"aanname", OrNull(x.aanname)}});
  for (const auto& s : b.stoplijst)
    stop.push_back({{"wat", s.wat}, {"vrijgekomen", OrNull(s.vrijgekomen)}, {"besparingPerJaar", OrNull(s.besparing_per_jaar)}});
  return json{{"kosten", std::move(kosten)},
              {"baten", std::move(baten)},
              {"stoplijst", std::move(stop)},
              {"uurtarief", OrNull(b.uurtarief)},
              {"versie", b.versie},
              {"gewijzigdOp", OrNull(b.gewijzigd_op)},
              {"gewijzigdDoor", OrNull(b.gewijzigd_door)}};
}

std::vector<FieldProblem> FromJson(const json& j, BusinessCase* b) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  auto rows = [&](const char* key, auto read) {
    const json* v = rd.Find(key);
    if (!v) return;
    if (v->is_null()) return;
    if (!v->is_array()) return rd.Bad(key, "moet een lijst zijn");
    for (size_t i = 0; i < v->size(); ++i) {
      std::string prefix = std::string(key) + "[" + std::to_string(i) + "].";
      if (!(*v)[i].is_object()) {
        problems.push_back({std::string(key) + "[" + std::to_string(i) + "]", "moet een object zijn"});
        continue;
      }
      JsonReader ir((*v)[i], &problems, prefix);
      read(ir);
      ir.RejectUnknown();
    }
  };
  if (rd.Find("kosten")) b->kosten.clear();
  rows("kosten", [&](JsonReader& ir) {
    PhaseCost k;
    ir.Code("fase", &k.fase);
    ir.Num("extern", &k.extern_euro);
    ir.Num("interneUren", &k.interne_uren);
    b->kosten.push_back(k);
  });
  if (rd.Find("baten")) b->baten.clear();
  rows("baten", [&](JsonReader& ir) {
    Benefit x;
    ir.Str("omschrijving", &x.omschrijving);
    ir.Num("bedragPerJaar", &x.bedrag_per_jaar);
    ir.Num("gerealiseerdPerJaar", &x.gerealiseerd_per_jaar);
    ir.Str("aanname", &x.aanname);
    b->baten.push_back(x);
  });
  if (rd.Find("stoplijst")) b->stoplijst.clear();
  rows("stoplijst", [&](JsonReader& ir) {
    StopItem s;
    ir.Str("wat", &s.wat);
    ir.Str("vrijgekomen", &s.vrijgekomen);
    ir.Num("besparingPerJaar", &s.besparing_per_jaar);
    b->stoplijst.push_back(s);
  });
  rd.Num("uurtarief", &b->uurtarief);
  rd.RejectUnknown({"versie", "gewijzigdOp", "gewijzigdDoor", "totalen", "_links"});
  return problems;
}

json ToJson(const Pitch& p) {
  return json{{"versie", p.versie},
              {"behoeften", OrNull(p.behoeften)},
              {"aanpak", OrNull(p.aanpak)},
              {"voordelen", OrNull(p.voordelen)},
              {"alternatieven", OrNull(p.alternatieven)},
              {"op", OrNull(p.op)},
              {"door", OrNull(p.door)}};
}

std::vector<FieldProblem> FromJson(const json& j, Pitch* p) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Str("behoeften", &p->behoeften);
  rd.Str("aanpak", &p->aanpak);
  rd.Str("voordelen", &p->voordelen);
  rd.Str("alternatieven", &p->alternatieven);
  rd.RejectUnknown({"versie", "op", "door"});
  return problems;
}

json ToJson(const MaturityEntry& m) {
  return json{{"id", m.id},       {"stadia", m.stadia}, {"onderbouwing", m.onderbouwing},
              {"datum", m.datum}, {"op", OrNull(m.op)}, {"door", OrNull(m.door)}};
}

std::vector<FieldProblem> FromJson(const json& j, MaturityEntry* m) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.StrList("stadia", &m->stadia);
  rd.Str("onderbouwing", &m->onderbouwing);
  rd.Code("datum", &m->datum);
  rd.RejectUnknown({"id", "op", "door"});
  return problems;
}

json JsonChanges(const json& before, const json& after) {
  json out = json::object();
  if (before.is_object())
    for (const auto& [k, v] : before.items()) {
      json nv = after.is_object() && after.contains(k) ? after[k] : json(nullptr);
      if (nv != v) out[k] = {{"oud", v}, {"nieuw", nv}};
    }
  if (after.is_object())
    for (const auto& [k, v] : after.items())
      if (!(before.is_object() && before.contains(k)) && !v.is_null()) out[k] = {{"oud", nullptr}, {"nieuw", v}};
  return out;
}

}  // namespace koers
