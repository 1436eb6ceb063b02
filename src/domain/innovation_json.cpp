#include "domain/innovation_json.hpp"

#include "domain/json_reader.hpp"
#include "domain/steering_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace koers {
namespace {

using nlohmann::json;


const std::set<std::string>& ReadOnlyFields() {
  static const std::set<std::string> kFields = {"id",          "organisatieNaam", "versie", "aangemaaktOp",
                                                "gewijzigdOp", "faseHistorie",    "_links", "laatstBevestigdOp"};
  return kFields;
}

}  // namespace

json ToJson(const Innovation& in) {
  json team = json::array();
  for (const auto& m : in.team)
    team.push_back({{"naam", m.naam}, {"rol", m.rol}, {"archetypen", m.archetypen}, {"gebruiker", OrNull(m.gebruiker)}});
  json history = json::array();
  for (const auto& h : in.fase_historie)
    history.push_back(
        {{"fase", h.fase}, {"status", h.status}, {"op", h.op}, {"door", OrNull(h.door)}, {"reden", OrNull(h.reden)}});
  json bron = nullptr;
  if (in.bron) {
    bron = {{"register", in.bron->registry},
            {"id", in.bron->id},
            {"url", OrNull(in.bron->url)},
            {"status", OrNull(in.bron->status)},
            {"registratieDatum", OrNull(in.bron->geregistreerd)}};
  }
  return json{
      {"id", in.id},
      {"titel", in.titel},
      {"samenvatting", OrNull(in.samenvatting)},
      {"opgave", OrNull(in.opgave)},
      {"urgentie", OrNull(in.urgentie)},
      {"doel", OrNull(in.doel)},
      {"organisatie", in.organisatie},
      {"organisatieNaam", OrNull(in.organisatie_naam)},
      {"partners", in.partners},
      {"partnersMetBewerkrecht", in.partners_met_bewerkrecht},
      {"domein", OrNull(in.domein)},
      {"tags", in.tags},
      {"fase", in.fase},
      {"status", in.status},
      {"innovatieType", OrNull(in.innovatie_type)},
      {"innovatieNiveau", OrNull(in.innovatie_niveau)},
      {"trl", OrNull(in.trl)},
      {"analyseNiveau", OrNull(in.analyse_niveau)},
      {"orientatie", OrNull(in.orientatie)},
      {"waardeSoorten", in.waarde_soorten},
      {"waardecreatie", OrNull(in.waardecreatie)},
      {"waardepotentie", OrNull(in.waardepotentie)},
      {"startDatum", OrNull(in.start_datum)},
      {"kostenExtern", OrNull(in.kosten_extern)},
      {"interneUren", OrNull(in.interne_uren)},
      {"inkoopRoute", OrNull(in.inkoop_route)},
      {"technieken", in.technieken},
      {"databronnen", in.databronnen},
      {"team", std::move(team)},
      {"zichtbaarheid", in.zichtbaarheid},
      {"bron", std::move(bron)},
      {"referentie", OrNull(in.referentie)},
      {"opgeschaaldNaar", in.opgeschaald_naar},
      {"publicatie", in.publicatie ? ToJson(*in.publicatie) : json(nullptr)},
      {"laatstBevestigdOp", OrNull(in.bevestigd_op)},
      {"herzienOp", OrNull(in.herzien_op)},
      {"versie", in.versie},
      {"aangemaaktOp", OrNull(in.aangemaakt_op)},
      {"gewijzigdOp", OrNull(in.gewijzigd_op)},
      {"faseHistorie", std::move(history)},
      {"_links", {{"self", {{"href", "/api/v1/innovaties/" + std::to_string(in.id)}}}}},
  };
}

std::string ShortDescription(const Innovation& in, size_t max_bytes) {
  const std::string& text = in.samenvatting.empty() ? in.doel : in.samenvatting;
  if (text.size() <= max_bytes) return text;
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
  }
  return text.substr(0, cut) + "…";
}

json ToSummaryJson(const Innovation& in) {
  json bron = nullptr;
  if (in.bron) bron = {{"register", in.bron->registry}, {"id", in.bron->id}, {"url", OrNull(in.bron->url)}};
  return json{
      {"id", in.id},
      {"titel", in.titel},
      {"korteBeschrijving", OrNull(ShortDescription(in, 280))},
      {"organisatie", in.organisatie},
      {"organisatieNaam", OrNull(in.organisatie_naam)},
      {"domein", OrNull(in.domein)},
      {"fase", in.fase},
      {"status", in.status},
      {"innovatieType", OrNull(in.innovatie_type)},
      {"innovatieNiveau", OrNull(in.innovatie_niveau)},
      {"waardecreatie", OrNull(in.waardecreatie)},
      {"waardepotentie", OrNull(in.waardepotentie)},
      {"zichtbaarheid", in.zichtbaarheid},
      {"bron", std::move(bron)},
      {"referentie", OrNull(in.referentie)},
      {"gewijzigdOp", OrNull(in.gewijzigd_op)},
      {"_links", {{"self", {{"href", "/api/v1/innovaties/" + std::to_string(in.id)}}}}},
  };
}

json InnovationChanges(const Innovation* before, const Innovation* after) {
  json a = before ? ToJson(*before) : json::object();
  json b = after ? ToJson(*after) : json::object();
  for (const char* managed : {"id", "versie", "aangemaaktOp", "gewijzigdOp", "faseHistorie", "_links", "organisatieNaam"}) {
    a.erase(managed);
    b.erase(managed);
  }
  return JsonChanges(a, b);
}

std::vector<FieldProblem> FromJson(const json& body, Innovation* out) {
  std::vector<FieldProblem> problems;
  if (!body.is_object()) {
    problems.push_back({"", "de inhoud moet een JSON-object zijn"});
    return problems;
  }
  JsonReader r(body, &problems);
  r.Str("titel", &out->titel);
  r.Str("samenvatting", &out->samenvatting);
  r.Str("opgave", &out->opgave);
  r.Code("urgentie", &out->urgentie);
  r.Str("doel", &out->doel);
  r.Str("organisatie", &out->organisatie);
  r.StrList("partners", &out->partners);
  r.StrList("partnersMetBewerkrecht", &out->partners_met_bewerkrecht);
  r.Code("domein", &out->domein);
  r.StrList("tags", &out->tags);
  r.Code("fase", &out->fase);
  r.Code("status", &out->status);
  r.Code("innovatieType", &out->innovatie_type);
  r.Code("innovatieNiveau", &out->innovatie_niveau);
  r.Int("trl", &out->trl, 1, 9);
  r.Code("analyseNiveau", &out->analyse_niveau);
  r.Code("orientatie", &out->orientatie);
  r.StrList("waardeSoorten", &out->waarde_soorten);
  r.Code("waardecreatie", &out->waardecreatie);
  r.Code("waardepotentie", &out->waardepotentie);
  r.Code("startDatum", &out->start_datum);
  r.Code("herzienOp", &out->herzien_op);
  r.Num("kostenExtern", &out->kosten_extern);
  r.Num("interneUren", &out->interne_uren);
  r.Code("inkoopRoute", &out->inkoop_route);
  r.StrList("technieken", &out->technieken);
  r.StrList("databronnen", &out->databronnen);
  r.Code("zichtbaarheid", &out->zichtbaarheid);
  r.Str("referentie", &out->referentie);
  r.StrList("opgeschaaldNaar", &out->opgeschaald_naar);
  if (const json* reason = r.Find("faseReden"); reason && !reason->is_string() && !reason->is_null())
    r.Bad("faseReden", "moet tekst zijn");  // read by the handler: why fase or status changed

  if (const json* team = r.Find("team")) {
    if (!team->is_array()) {
      r.Bad("team", team->is_null() ? "moet een lijst zijn; geef [] voor geen" : "moet een lijst met teamleden zijn");
    } else {
      std::vector<TeamMember> members;
      for (size_t i = 0; i < team->size(); ++i) {
        const json& m = (*team)[i];
        std::string f = "team[" + std::to_string(i) + "]";
        if (!m.is_object()) {
          r.Bad(f, "moet een object met naam, rol en archetypen zijn");
          continue;
        }
        TeamMember member;
        for (const auto& [k, v] : m.items()) {
          if (k == "naam" && v.is_string()) {
            member.naam = v.get<std::string>();
          } else if (k == "rol" && v.is_string()) {
            member.rol = v.get<std::string>();
          } else if (k == "archetypen") {
            if (!JsonReader::ReadStrings(v, &member.archetypen))
              r.Bad(f + ".archetypen", "moet een lijst met teksten zijn");
          } else if (k == "gebruiker" && (v.is_string() || v.is_null())) {
            member.gebruiker = v.is_string() ? v.get<std::string>() : "";
          } else if (k == "naam" || k == "rol" || k == "gebruiker") {
            r.Bad(f + "." + k, "moet tekst zijn");
          } else {
            r.Bad(f + "." + k, "is geen bekend veld");
          }
        }
        members.push_back(std::move(member));
      }
      out->team = std::move(members);
    }
  }

  if (const json* bron = r.Find("bron")) {
    if (bron->is_null()) {
      out->bron.reset();
    } else if (!bron->is_object()) {
      r.Bad("bron", "moet een object zijn");
    } else {
      Source s;
      JsonReader br(*bron, &problems, "bron.");
      br.Str("register", &s.registry);
      br.Str("id", &s.id);
      br.Str("url", &s.url);
      br.Code("status", &s.status);
      br.Code("registratieDatum", &s.geregistreerd);
      br.RejectUnknown();
      out->bron = std::move(s);
    }
  }

  if (const json* pub = r.Find("publicatie")) {
    if (pub->is_null()) {
      out->publicatie.reset();
    } else {
      Publication p = out->publicatie.value_or(Publication{});
      for (auto& problem : FromJson(*pub, &p)) problems.push_back(std::move(problem));
      out->publicatie = std::move(p);
    }
  }

  r.RejectUnknown(ReadOnlyFields());
  return problems;
}

void HideTeamAccounts(nlohmann::json* team) {
  if (!team->is_array()) return;
  for (auto& m : *team)
    if (m.is_object() && m.contains("gebruiker")) m["gebruiker"] = nullptr;
}

}  // namespace koers
