#include "importer/demo.hpp"

#include <nlohmann/json.hpp>

#include "app/indicators.hpp"
#include "app/learning.hpp"
#include "app/register.hpp"
#include "formats/reference_cases.hpp"
#include "core/file_io.hpp"
#include "domain/learning_json.hpp"
#include "importer/organisations.hpp"
#include "store/store.hpp"

namespace koers {

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

// The lessons of data/demo/lessen.json, each added to its reference case
// unless that case already has a lesson with the same text.
Result<int> LoadDemoLessons(Register& reg, Learning& learning, const std::string& path) {
  auto text = ReadFile(path, 4u << 20);
  if (!text.ok()) return text.error();
  auto root = nlohmann::json::parse(text.value(), nullptr, false);
  if (!root.is_object() || !root.contains("lessen") || !root["lessen"].is_array())
    return Invalid(path + ": verwacht een object met een lijst 'lessen'.", {});
  Actor demo = Actor::System("demo");
  int added = 0;
  for (auto item : root["lessen"]) {
    if (!item.is_object() || !item.contains("referentie") || !item["referentie"].is_string()) continue;
    auto innovation = reg.FindReference(item["referentie"].get<std::string>());
    if (!innovation.ok()) continue;
    item.erase("referentie");
    Lesson lesson;
    auto problems = FromJson(item, &lesson);
    auto existing = learning.Lessons(innovation.value(), demo);
    if (!existing.ok()) return existing.error();
    bool known = false;
    for (const auto& e : existing.value()) known = known || e.les.tekst == lesson.tekst;
    if (known) continue;
    auto saved = learning.CreateLesson(innovation.value(), std::move(lesson), demo, std::move(problems));
    if (!saved.ok()) return saved.error();
    ++added;
  }
  return added;
}

}  // namespace

Result<DemoReport> LoadDemo(Register& reg, Indicators& indicators, const std::string& data_dir, Learning* learning) {
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
  if (learning) {
    auto lessons = LoadDemoLessons(reg, *learning, data_dir + "/demo/lessen.json");
    if (!lessons.ok()) return lessons.error();
    report.lessen = lessons.value();
  }

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
