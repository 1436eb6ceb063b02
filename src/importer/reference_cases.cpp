#include "importer/reference_cases.hpp"

#include <nlohmann/json.hpp>

#include "app/indicators.hpp"
#include "app/register.hpp"
#include "domain/innovation_json.hpp"
#include "core/file_io.hpp"
#include "importer/organisations.hpp"
#include "store/store.hpp"

namespace koers {

Result<ReferenceCases> ParseReferenceCases(const std::string& content, const std::string& file_name) {
  auto doc = nlohmann::json::parse(content, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Invalid(file_name + ": geen geldig JSON-object.");
  ReferenceCases out;
  if (doc.contains("organisaties")) {
    const auto& orgs = doc["organisaties"];
    if (!orgs.is_array()) return Invalid(file_name + ": 'organisaties' moet een lijst zijn.");
    for (size_t i = 0; i < orgs.size(); ++i) {
      const auto& o = orgs[i];
      Organisation org;
      if (o.is_object()) {
        org.code = o.value("code", "");
        org.naam = o.value("naam", "");
        org.soort = o.value("soort", "");
      }
      auto problems = Validate(org);
      if (!problems.empty())
        return Invalid(file_name + ": organisaties[" + std::to_string(i) + "]." + problems[0].field + " " +
                       problems[0].message + ".");
      out.organisations.push_back(std::move(org));
    }
  }
  if (!doc.contains("innovaties") || !doc["innovaties"].is_array())
    return Invalid(file_name + ": 'innovaties' ontbreekt of is geen lijst.");
  const auto& items = doc["innovaties"];
  for (size_t i = 0; i < items.size(); ++i) {
    Innovation in;
    in.zichtbaarheid = "openbaar";
    auto problems = FromJson(items[i], &in);
    Normalise(&in);
    if (problems.empty()) problems = Validate(in);
    if (problems.empty() && in.referentie.empty()) problems.push_back({"referentie", "is verplicht"});
    if (!problems.empty())
      return Invalid(file_name + ": innovaties[" + std::to_string(i) + "]." + problems[0].field + " " +
                     problems[0].message + ".");
    // The case's phase began, as far as the report tells, at its start date.
    if (!in.start_datum.empty())
      in.fase_historie = {{in.fase, in.status, in.start_datum + "T00:00:00Z", "referentiecase",
                           "fase volgens het onderzoeksrapport"}};
    out.innovations.push_back(std::move(in));
  }
  return out;
}

namespace {

struct DemoIndicator {
  const char* referentie;
  const char* gemeente;  // its wijken: WK + these four digits
  const char* cbs_veld;
  bool met_aantal;  // the figure is a number of people
  Indicator indicator;
};

// Adds the indicator to the reference case (once) and stores the CBS figure
// of every wijk of the municipality as its 2024 measurement.
Result<int> AddDemoIndicator(Register& reg, Indicators& indicators, const nlohmann::json& cbs, const DemoIndicator& d) {
  Actor demo = Actor::System("demo");
  auto innovation = reg.FindReference(d.referentie);
  if (!innovation.ok()) return innovation.error().kind == ErrorKind::kNotFound ? Result<int>(0) : innovation.error();
  auto existing = indicators.List(innovation.value(), demo);
  if (!existing.ok()) return existing.error();
  Indicator indicator = d.indicator;
  for (const auto& e : existing.value().first)
    if (e.naam == indicator.naam) indicator = e;
  if (indicator.id == 0) {
    auto saved = indicators.Create(innovation.value(), indicator, demo, {});
    if (!saved.ok()) return saved.error();
    indicator = saved.value();
  }
  std::vector<Measurement> rows;
  const std::string prefix = std::string("WK") + d.gemeente;
  for (const auto& [code, figures] : cbs.items()) {
    if (code.rfind(prefix, 0) != 0 || !figures.is_object() || !figures.contains(d.cbs_veld)) continue;
    const auto& v = figures[d.cbs_veld];
    if (!v.is_number()) continue;
    Measurement m;
    m.periode = "2024";
    m.gebied = code;
    m.waarde = v.get<double>();
    if (d.met_aantal) m.aantal = v.get<int64_t>();
    rows.push_back(std::move(m));
  }
  auto counts = indicators.AddMeasurements(indicator.id, rows, demo);
  if (!counts.ok()) return counts.error();
  return static_cast<int>(rows.size());
}

Indicator MakeIndicator(const char* naam, const char* soort, const char* eenheid, const char* bron) {
  Indicator in;
  in.naam = naam;
  in.soort = soort;
  in.eenheid = eenheid;
  in.richting = "hoger";
  in.bron = bron;
  in.gebiedsniveau = "WK";
  in.gebied_jaar = 2024;
  in.optelbaar = true;
  return in;
}

}  // namespace

Result<DemoReport> LoadDemo(Register& reg, Indicators& indicators, const std::string& data_dir) {
  DemoReport report;
  auto added = LoadStandardOrganisations(reg, data_dir);
  if (!added.ok()) return added.error();
  report.organisaties_toegevoegd = added.value();

  std::string path = data_dir + "/demo/referentiecases.json";
  auto content = ReadFile(path, 16u << 20);
  if (!content.ok()) return content.error();
  auto cases = ParseReferenceCases(content.value(), path);
  if (!cases.ok()) return cases.error();
  auto counts = reg.Import(cases.value().organisations, cases.value().innovations, Actor::System("demo"));
  if (!counts.ok()) return counts.error();
  report.toegevoegd = counts.value().toegevoegd;
  report.gewijzigd = counts.value().gewijzigd;
  report.ongewijzigd = counts.value().ongewijzigd;

  auto cbs_text = ReadFile(data_dir + "/cbs/cbs_kwb2024_gm_wk_stripped.json", 64u << 20);
  if (!cbs_text.ok()) return report;  // the demo works without the figures
  auto cbs = nlohmann::json::parse(cbs_text.value(), nullptr, false);
  if (!cbs.is_object()) return report;
  const char* source = "CBS, Kerncijfers wijken en buurten 2024";
  const DemoIndicator demo[] = {
      {"ref-14", "0772", "Woningvoorraad_35", false, MakeIndicator("Woningvoorraad per wijk", "output", "woningen", source)},
      {"ref-18", "0599", "AantalInwoners_5", true, MakeIndicator("Inwoners per wijk", "input", "inwoners", source)},
  };
  for (const auto& d : demo) {
    auto n = AddDemoIndicator(reg, indicators, cbs, d);
    if (!n.ok()) return n.error();
    report.metingen += n.value();
  }
  return report;
}

}  // namespace koers
