#include "domain/learning_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/json_reader.hpp"

namespace koers {

using nlohmann::json;

json ToJson(const Lesson& l) {
  return json{{"id", l.id},
              {"vorm", l.vorm},
              {"tekst", l.tekst},
              {"cluster", OrNull(l.cluster)},
              {"hoe", OrNull(l.hoe)},
              {"fase", OrNull(l.fase)},
              {"soort", OrNull(l.soort)},
              {"succesfactoren", l.succesfactoren},
              {"tags", l.tags},
              {"zichtbaarheid", l.zichtbaarheid},
              {"datum", OrNull(l.datum)},
              {"terugblikId", l.terugblik_id ? json(l.terugblik_id) : json(nullptr)},
              {"auteur", OrNull(l.auteur)},
              {"aangemaaktOp", OrNull(l.aangemaakt_op)},
              {"gewijzigdOp", OrNull(l.gewijzigd_op)},
              {"versie", l.versie}};
}

std::vector<FieldProblem> FromJson(const json& j, Lesson* l) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Code("vorm", &l->vorm);
  rd.Str("tekst", &l->tekst);
  rd.Code("cluster", &l->cluster);
  rd.Code("hoe", &l->hoe);
  rd.Code("fase", &l->fase);
  rd.Code("soort", &l->soort);
  rd.StrList("succesfactoren", &l->succesfactoren);
  rd.StrList("tags", &l->tags);
  rd.Code("zichtbaarheid", &l->zichtbaarheid);
  rd.Code("datum", &l->datum);
  std::optional<int> aar;
  if (l->terugblik_id) aar = static_cast<int>(l->terugblik_id);
  rd.Int("terugblikId", &aar, 1, 2000000000);
  l->terugblik_id = aar.value_or(0);
  rd.RejectUnknown({"id", "innovatie", "auteur", "aangemaaktOp", "gewijzigdOp", "versie", "_links", "redenen"});
  return problems;
}

json ToJson(const ActionReview& r) {
  json acties = json::array();
  for (const auto& a : r.acties)
    acties.push_back({{"omschrijving", a.omschrijving},
                      {"eigenaar", a.eigenaar},
                      {"deadline", a.deadline},
                      {"status", a.status}});
  return json{{"id", r.id},
              {"soort", r.soort},
              {"status", r.status},
              {"datum", r.datum},
              {"mijlpaal", OrNull(r.mijlpaal)},
              {"gepland", OrNull(r.gepland)},
              {"gebeurd", OrNull(r.gebeurd)},
              {"verschil", OrNull(r.verschil)},
              {"vervolg", OrNull(r.vervolg)},
              {"acties", std::move(acties)},
              {"deelnemers", r.deelnemers},
              {"auteur", OrNull(r.auteur)},
              {"aangemaaktOp", OrNull(r.aangemaakt_op)},
              {"gewijzigdOp", OrNull(r.gewijzigd_op)},
              {"versie", r.versie}};
}

std::vector<FieldProblem> FromJson(const json& j, ActionReview* r) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Code("soort", &r->soort);
  rd.Code("status", &r->status);
  rd.Code("datum", &r->datum);
  rd.Str("mijlpaal", &r->mijlpaal);
  rd.Str("gepland", &r->gepland);
  rd.Str("gebeurd", &r->gebeurd);
  rd.Str("verschil", &r->verschil);
  rd.Str("vervolg", &r->vervolg);
  if (const json* acties = rd.Find("acties")) {
    if (!acties->is_array()) {
      rd.Bad("acties", "moet een lijst zijn");
    } else {
      r->acties.clear();
      for (size_t i = 0; i < acties->size(); ++i) {
        const json& item = (*acties)[i];
        const std::string prefix = "acties[" + std::to_string(i) + "].";
        if (!item.is_object()) {
          problems.push_back({"acties[" + std::to_string(i) + "]", "moet een object zijn"});
          continue;
        }
        FollowUp a;
        JsonReader ar(item, &problems, prefix);
        ar.Str("omschrijving", &a.omschrijving);
        ar.Str("eigenaar", &a.eigenaar);
        ar.Code("deadline", &a.deadline);
        ar.Code("status", &a.status);
        ar.RejectUnknown();
        r->acties.push_back(std::move(a));
      }
    }
  }
  rd.StrList("deelnemers", &r->deelnemers);
  rd.RejectUnknown({"id", "auteur", "aangemaaktOp", "gewijzigdOp", "versie", "_links", "lessen"});
  return problems;
}

json ToJson(const ReviewCadence& c) {
  return json{{"elkeWeken", OrNull(c.elke_weken)},
              {"bijElkePoort", c.bij_elke_poort},
              {"vanaf", OrNull(c.vanaf)},
              {"gewijzigdOp", OrNull(c.gewijzigd_op)},
              {"versie", c.versie}};
}

std::vector<FieldProblem> FromJson(const json& j, ReviewCadence* c) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Int("elkeWeken", &c->elke_weken, 1, 52);
  rd.Bool("bijElkePoort", &c->bij_elke_poort);
  rd.Code("vanaf", &c->vanaf);
  rd.RejectUnknown({"gewijzigdOp", "versie", "volgende", "_links"});
  return problems;
}

json ToJson(const Invitation& i) {
  return json{{"id", i.id},
              {"terugblikId", i.terugblik_id ? json(i.terugblik_id) : json(nullptr)},
              {"email", i.email},
              {"naam", i.naam},
              {"bericht", OrNull(i.bericht)},
              {"geldigTot", i.geldig_tot},
              {"ingetrokken", i.ingetrokken},
              {"auteur", OrNull(i.auteur)},
              {"aangemaaktOp", OrNull(i.aangemaakt_op)},
              {"gewijzigdOp", OrNull(i.gewijzigd_op)},
              {"versie", i.versie}};
}

std::vector<FieldProblem> FromJson(const json& j, Invitation* i) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Str("email", &i->email);
  rd.Str("naam", &i->naam);
  rd.Str("bericht", &i->bericht);
  rd.Code("geldigTot", &i->geldig_tot);
  std::optional<int> aar;
  if (i->terugblik_id) aar = static_cast<int>(i->terugblik_id);
  rd.Int("terugblikId", &aar, 1, 2000000000);
  i->terugblik_id = aar.value_or(0);
  rd.Bool("ingetrokken", &i->ingetrokken);
  rd.RejectUnknown({"id", "auteur", "aangemaaktOp", "gewijzigdOp", "versie", "_links", "open", "commentaar", "innovatie"});
  return problems;
}

json ToJson(const FriendComment& c) {
  return json{{"id", c.id},
              {"uitnodigingId", c.uitnodiging_id},
              {"tekst", c.tekst},
              {"auteur", OrNull(c.auteur)},
              {"aangemaaktOp", OrNull(c.aangemaakt_op)}};
}

std::vector<FieldProblem> FromJson(const json& j, FriendComment* c) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Str("tekst", &c->tekst);
  rd.RejectUnknown({"id", "uitnodigingId", "auteur", "aangemaaktOp"});
  return problems;
}

json ToJson(const ReviewDue& d) {
  return json{{"datum", OrNull(d.volgende_op)},
              {"teLaat", d.te_laat},
              {"reden", OrNull(d.reden)},
              {"laatste", OrNull(d.laatste)}};
}

}  // namespace koers
