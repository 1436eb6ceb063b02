#include "formats/algoritmeregister.hpp"

#include <nlohmann/json.hpp>
#include <cctype>
#include <set>

#include "domain/publication.hpp"

#include "core/clock.hpp"
#include "core/text.hpp"

namespace koers {
namespace {

using nlohmann::json;

constexpr const char* kRegister = "algoritmeregister";
// U+FDD0, a noncharacter, stands in for bytes that were not valid UTF-8 so
// that the file still parses and the damaged record can be named and skipped.
constexpr const char* kBadByteMark = "\xEF\xB7\x90";

std::string MarkInvalidUtf8(const std::string& in) {
  if (IsValidUtf8(in)) return in;
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = in[i];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n > 0 && i + n <= in.size() && IsValidUtf8(std::string_view(in).substr(i, n))) {
      out.append(in, i, n);
      i += n;
    } else {
      out += kBadByteMark;
      ++i;
    }
  }
  return out;
}

struct Field {
  const char* key;
  size_t max;
  bool required;
};

std::string StatusMapping(const std::string& status, std::string* fase) {
  if (status == "ontwikkeling") {
    *fase = "ontwikkeling";
    return "actief";
  }
  if (status == "in_gebruik") {
    *fase = "implementatie";
    return "actief";
  }
  if (status == "buiten_gebruik") {
    *fase = "implementatie";
    return "gestopt";
  }
  return {};
}

// What the 2023 records say of impact assessments: IAMA and DPIA as done,
// not done, or (for a DPIA) in words of their own.
void Assessments(const std::string& iama, const std::string& dpia, Publication* p) {
  auto said = [](const std::string& v, bool yes) {
    std::string l = AsciiLower(v);
    return yes ? (l == "ja" || l.rfind("er is een ", 0) == 0) : (l == "nee" || l == "niet aanwezig");
  };
  std::vector<std::string> parts;
  std::string own;
  const std::pair<const char*, std::string> kinds[] = {{"IAMA", iama}, {"DPIA", dpia}};
  for (const auto& [name, value] : kinds) {
    if (said(value, true)) {
      parts.push_back(std::string(name) + " uitgevoerd");
    } else if (said(value, false)) {
      parts.push_back(std::string("geen ") + name);
    } else if (!value.empty()) {
      own = std::string(name) + ": " + value;
    }
  }
  for (size_t i = 0; i < parts.size(); ++i) p->impacttoetsen += (i ? "; " : "") + parts[i];
  if (!p->impacttoetsen.empty()) p->impacttoetsen[0] = static_cast<char>(std::toupper(p->impacttoetsen[0]));
  if (!own.empty()) p->impacttoets_toelichting = own;
}

}  // namespace

Result<std::map<std::string, Publication>> MapRegisterDetails(const std::string& file_content) {
  json doc = json::parse(MarkInvalidUtf8(file_content), nullptr, false);
  if (doc.is_discarded() || !doc.is_array())
    return Invalid("Het bestand met publicatiegegevens is geen JSON-lijst; er is niets aangevuld.");
  std::map<std::string, Publication> out;
  for (const json& r : doc) {
    if (!r.is_object()) continue;
    auto text = [&r](const char* key) -> std::string {
      auto it = r.find(key);
      if (it == r.end() || !it->is_string()) return {};
      std::string v = Trim(it->get<std::string>());
      if (v == "-" || v.find(kBadByteMark) != std::string::npos || HasControlChars(v)) return {};
      return v;
    };
    auto joined = [&text](std::initializer_list<const char*> keys) {
      std::string v;
      for (const char* key : keys)
        if (std::string part = text(key); !part.empty()) v += (v.empty() ? "" : "\n\n") + part;
      return v;
    };
    std::string id = text("lars");
    if (id.empty()) continue;
    Publication p;
    p.doel_en_impact = joined({"goal", "impact"});
    p.afwegingen = text("proportionality");
    p.menselijke_tussenkomst = joined({"human_intervention", "decision_making_process"});
    p.risicobeheer = joined({"risks", "monitoring"});
    p.wettelijke_grondslag = text("lawful_basis");
    p.wettelijke_grondslag_link = text("lawful_basis_link");
    Assessments(text("iama"), text("dpia"), &p);
    if (std::string more = joined({"iama_description", "dpia_description"}); !more.empty())
      p.impacttoets_toelichting += (p.impacttoets_toelichting.empty() ? "" : "\n\n") + more;
    p.gegevens = text("source_data");
    p.gegevensbron_link = text("source_data_link");
    p.technische_werking = text("methods_and_models");
    p.leverancier = text("provider");
    p.contact = text("contact_email");
    p.publiekspagina = text("website");
    p.broncode = text("publiccode");
    for (const auto& f : PublicationFields()) p.*f.member = ShortenUtf8(p.*f.member, f.max);
    // A value that would not validate is left out, the rest kept.
    for (const auto& problem : Validate(p))
      for (const auto& f : PublicationFields())
        if (problem.field == std::string("publicatie.") + f.api) (p.*f.member).clear();
    out[id] = std::move(p);
  }
  return out;
}

Result<RegisterBatch> MapAlgoritmeregister(const std::string& file_content, const OrganisationMatcher& orgs) {
  json doc = json::parse(MarkInvalidUtf8(file_content), nullptr, false);
  if (doc.is_discarded())
    return Invalid("Het bestand is geen geldige JSON; er is niets geïmporteerd.");
  const json* list = nullptr;
  if (doc.is_object() && doc.contains("algoritmes") && doc["algoritmes"].is_array()) list = &doc["algoritmes"];
  if (doc.is_array()) list = &doc;
  if (!list) return Invalid("Het bestand heeft geen lijst 'algoritmes'; er is niets geïmporteerd.");

  RegisterBatch batch;
  batch.records = list->size();
  OrganisationMatcher known = orgs;
  std::set<std::string> seen_ids;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& r = (*list)[i];
    auto skip = [&](std::string id, std::string reason) {
      batch.skipped.push_back({i, std::move(id), std::move(reason)});
    };
    if (!r.is_object()) {
      skip("", "het record is geen object");
      continue;
    }
    std::map<std::string, std::string> v;
    std::string problem;
    static const Field kFields[] = {
        {"id", 40, true},          {"title", limits::kTitle, true},  {"organisatie", 200, true},
        {"status", 40, true},      {"doel", limits::kLongText, false}, {"geregistreerd", 10, false},
        {"url", 500, false},       {"juridische_basis", 2499, false},
        {"impactassessment", 40, false},
    };
    for (const auto& f : kFields) {
      auto it = r.find(f.key);
      if (it == r.end() || it->is_null()) {
        if (f.required) problem = std::string("veld '") + f.key + "' ontbreekt";
        continue;
      }
      if (!it->is_string()) {
        problem = std::string("veld '") + f.key + "' is geen tekst";
        continue;
      }
      std::string s = Trim(it->get<std::string>());
      if (s.find(kBadByteMark) != std::string::npos) {
        problem = std::string("veld '") + f.key + "' bevat ongeldige UTF-8";
      } else if (HasControlChars(s)) {
        problem = std::string("veld '") + f.key + "' bevat stuurtekens";
      } else if (Utf8Length(s) > f.max) {
        problem = std::string("veld '") + f.key + "' is te lang (" + std::to_string(Utf8Length(s)) + " tekens, maximaal " +
                  std::to_string(f.max) + ")";
      } else if (f.required && s.empty()) {
        problem = std::string("veld '") + f.key + "' is leeg";
      }
      v[f.key] = std::move(s);
      if (!problem.empty()) break;
    }
    std::string id = v.count("id") ? v["id"] : "";
    if (!problem.empty()) {
      skip(id, problem);
      continue;
    }
    if (!seen_ids.insert(id).second) {
      skip(id, "het id komt eerder in het bestand voor");
      continue;
    }
    Innovation in;
    std::string status = StatusMapping(v["status"], &in.fase);
    if (status.empty()) {
      skip(id, "onbekende status '" + v["status"] + "' (verwacht ontwikkeling, in_gebruik of buiten_gebruik)");
      continue;
    }
    in.status = status;
    in.titel = v["title"];
    in.doel = v["doel"];
    in.zichtbaarheid = "openbaar";
    Source bron;
    bron.registry = kRegister;
    bron.id = id;
    bron.url = v["url"];
    bron.status = v["status"];
    if (IsIsoDate(v["geregistreerd"])) bron.geregistreerd = v["geregistreerd"];
    in.bron = std::move(bron);
    // What the register says of the publication standard's fields.
    Publication pub;
    pub.wettelijke_grondslag = v["juridische_basis"];
    if (v["impactassessment"] == "Ja") pub.impacttoetsen = "Uitgevoerd; het Algoritmeregister noemt niet welke";
    if (v["impactassessment"] == "Nee") pub.impacttoetsen = "Geen impacttoets uitgevoerd";
    in.publicatie = std::move(pub);

    std::string code = known.Find(v["organisatie"]);
    if (code.empty()) {
      Organisation o;
      o.naam = v["organisatie"];
      o.code = GeneratedCode(o.naam, known);
      o.soort = "overig";
      known.Add(o.naam, o.code);
      code = o.code;
      batch.new_organisations.push_back(std::move(o));
    }
    in.organisatie = code;
    // The phase began when the record was registered, as far as we know.
    TimePoint started;
    if (!in.bron->geregistreerd.empty() && ParseTimestamp(in.bron->geregistreerd, &started))
      in.fase_historie.push_back({in.fase, in.status, FormatTimestamp(started), "algoritmeregister",
                                  "overgenomen uit het Algoritmeregister"});
    Normalise(&in);
    auto problems = Validate(in);
    if (!problems.empty()) {
      skip(id, problems[0].field + " " + problems[0].message);
      continue;
    }
    batch.innovations.push_back(std::move(in));
  }
  return batch;
}

}  // namespace koers
