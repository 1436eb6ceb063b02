#include "app/indicators.hpp"

#include <algorithm>

#include "app/not_found.hpp"
#include "core/text.hpp"
#include "domain/steering_json.hpp"

#include <nlohmann/json.hpp>
#include "domain/checks.hpp"
#include "domain/suppression.hpp"

namespace koers {
namespace {


void Normalise(Indicator* in) {
  in->naam = Trim(in->naam);
  in->eenheid = Trim(in->eenheid);
  in->bron = Trim(in->bron);
  if (in->gebiedsniveau == "geen") in->gebied_jaar.reset();
}

// Changing the area level or year would orphan the stored areas.
bool AreasChanged(const Indicator& a, const Indicator& b) {
  return a.gebiedsniveau != b.gebiedsniveau || a.gebied_jaar != b.gebied_jaar;
}

// Saves `in` (new when id is 0) with its audit entry.
Result<Indicator> Save(Work& w, const Indicator& in, int64_t expected_version, const std::string& org,
                       const ChangeContext& change) {
  nlohmann::json before = nlohmann::json::object();
  if (in.id != 0) {
    auto old = w.indicators().Get(in.id);
    if (!old.ok()) return old;
    if (expected_version > 0 && old.value().versie != expected_version)
      return Error{ErrorKind::kPreconditionFailed,
                   "De indicator is intussen door iemand anders gewijzigd. Laad hem opnieuw en probeer het nog eens.",
                   {}};
    before = ToJson(old.value());
  }
  auto stored = w.indicators().Save(in, expected_version, change.op);
  if (!stored.ok()) return stored;
  Status st = w.audit().Append(PartAudit(change, in.id == 0 ? "aangemaakt" : "gewijzigd", "indicator",
                                         std::to_string(stored.value().id), org, in.innovatie_id, before,
                                         ToJson(stored.value())));
  if (!st.ok()) return st.error();
  return stored;
}

Error WordedIndicator(Error e) {
  if (e.kind == ErrorKind::kNotFound) return NotFoundError(Missing::kIndicator);
  if (e.kind == ErrorKind::kPreconditionFailed && e.message.empty())
    e.message = "De indicator is intussen door iemand anders gewijzigd. Laad hem opnieuw en probeer het nog eens.";
  return e;
}

}  // namespace

bool Indicators::SeesRawValues(const AccessFacts& facts, const Actor& actor) {
  if (actor.Everything() || actor.HasAnyRole(facts.organisatie)) return true;
  return std::any_of(facts.partners.begin(), facts.partners.end(),
                     [&](const std::string& p) { return actor.HasAnyRole(p); });
}

Result<std::pair<Indicator, InnovationHeader>> Indicators::Readable(int64_t id, const Actor& actor) {
  auto in = store_.Read([&](Work& w) { return w.indicators().Get(id); });
  if (!in.ok()) return WordedIndicator(in.error());
  auto header = reg_.Header(in.value().innovatie_id, actor);
  if (!header.ok()) {
    if (header.error().kind == ErrorKind::kNotFound) return NotFoundError(Missing::kIndicator);
    return header.error();
  }
  return std::make_pair(std::move(in).value(), std::move(header).value());
}

Result<Indicator> Indicators::Editable(int64_t id, const Actor& actor) {
  auto found = Readable(id, actor);
  if (!found.ok()) return found.error();
  auto header = steering_.Editable(found.value().first.innovatie_id, actor, true);
  if (!header.ok()) return header.error();
  return found.value().first;
}

Result<std::pair<std::vector<Indicator>, bool>> Indicators::List(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  auto list = store_.Read([&](Work& w) { return w.indicators().List(innovation_id); });
  if (!list.ok()) return list.error();
  bool editable = !actor.Anonymous() && steering_.Editable(innovation_id, actor, true).ok();
  return std::make_pair(std::move(list).value(), editable);
}

Result<Indicator> Indicators::Get(int64_t id, const Actor& actor) {
  auto found = Readable(id, actor);
  if (!found.ok()) return found.error();
  return found.value().first;
}

Result<Indicator> Indicators::Create(int64_t innovation_id, Indicator in, const Actor& actor,
                                     std::vector<FieldProblem> earlier) {
  auto header = steering_.Editable(innovation_id, actor, true);
  if (!header.ok()) return header.error();
  in.id = 0;
  in.innovatie_id = innovation_id;
  Normalise(&in);
  MergeProblems(&earlier, Validate(in));
  if (!earlier.empty()) return Rejected(std::move(earlier), "De indicator");
  auto saved = store_.Write([&](Work& w) { return Save(w, in, 0, header.value().facts.organisatie, reg_.Change(actor)); });
  if (!saved.ok()) return WordedIndicator(saved.error());
  return saved;
}

Result<Indicator> Indicators::Replace(int64_t id, Indicator in, int64_t expected_version, const Actor& actor,
                                      std::vector<FieldProblem> earlier) {
  auto old = Editable(id, actor);
  if (!old.ok()) return old.error();
  in.id = id;
  in.innovatie_id = old.value().innovatie_id;
  Normalise(&in);
  MergeProblems(&earlier, Validate(in));
  if (AreasChanged(in, old.value())) {
    auto stored = store_.Read([&](Work& w) { return w.indicators().CountMeasurements(id); });
    if (!stored.ok()) return stored.error();
    if (stored.value() > 0)
      earlier.push_back({"gebiedsniveau", "kan niet meer veranderen: er zijn al metingen per gebied opgeslagen"});
  }
  if (!earlier.empty()) return Rejected(std::move(earlier), "De indicator");
  auto header = reg_.Header(in.innovatie_id, actor);
  if (!header.ok()) return header.error();
  auto saved = store_.Write(
      [&](Work& w) { return Save(w, in, expected_version, header.value().facts.organisatie, reg_.Change(actor)); });
  if (!saved.ok()) return WordedIndicator(saved.error());
  return saved;
}

Status Indicators::Delete(int64_t id, const Actor& actor) {
  auto old = Editable(id, actor);
  if (!old.ok()) return old.error();
  auto header = reg_.Header(old.value().innovatie_id, actor);
  if (!header.ok()) return header.error();
  ChangeContext change = reg_.Change(actor);
  Status st = store_.Write([&](Work& w) -> Status {
    Status st = w.indicators().Delete(id);
    if (!st.ok()) return st;
    return w.audit().Append(PartAudit(change, "verwijderd", "indicator", std::to_string(id),
                                      header.value().facts.organisatie, old.value().innovatie_id, ToJson(old.value()),
                                      nlohmann::json::object()));
  });
  if (!st.ok()) return WordedIndicator(st.error());
  return Status::Ok();
}

Result<ImportCounts> Indicators::AddMeasurements(int64_t id, const std::vector<Measurement>& rows, const Actor& actor) {
  auto indicator = Editable(id, actor);
  if (!indicator.ok()) return indicator.error();
  return Record(indicator.value(), rows, false, actor);
}

Result<ImportCounts> Indicators::Record(const Indicator& indicator, const std::vector<Measurement>& rows, bool dry_run,
                                        const Actor& actor) {
  auto header = reg_.Header(indicator.innovatie_id, actor);
  if (!header.ok()) return header.error();
  ChangeContext change = reg_.Change(actor);
  // All or nothing: one unit of work; a preview counts, then rolls back.
  auto import = [&](Work& w) -> Result<ImportCounts> {
    auto counts = w.indicators().Upsert(indicator.id, rows, change.op);
    if (!counts.ok() || dry_run) return counts;
    const ImportCounts& c = counts.value();
    if (c.toegevoegd + c.gewijzigd > 0) {
      Status st = w.audit().Append(PartAudit(
          change, "geimporteerd", "metingen", std::to_string(indicator.id), header.value().facts.organisatie,
          indicator.innovatie_id, nlohmann::json::object(),
          {{"regels", rows.size()}, {"nieuw", c.toegevoegd}, {"gewijzigd", c.gewijzigd}, {"ongewijzigd", c.ongewijzigd}}));
      if (!st.ok()) return st.error();
    }
    return counts;
  };
  Result<ImportCounts> counts = Error{};
  if (dry_run) {
    auto work = store_.Begin(Access::kWrite);
    if (!work.ok()) return work.error();
    counts = import(*work.value());  // not committed: the preview changes nothing
  } else {
    counts = store_.Write(import);
  }
  if (!counts.ok()) return WordedIndicator(counts.error());
  return counts;
}

Result<std::shared_ptr<const MeasurementTable>> Indicators::Table(int64_t id, const Actor& actor) {
  auto found = Readable(id, actor);
  if (!found.ok()) return found.error();
  bool openbaar = !SeesRawValues(found.value().second.facts, actor);
  int64_t versie = found.value().first.versie;
  {
    std::lock_guard lock(tables_mutex_);
    for (const auto& kept : tables_)
      if (kept.id == id && kept.versie == versie && kept.openbaar == openbaar) return kept.table;
  }
  auto rows = store_.Read([&](Work& w) { return w.indicators().Measurements(id); });
  if (!rows.ok()) return rows.error();
  auto made = std::make_shared<MeasurementTable>();
  MeasurementTable& t = *made;
  t.indicator = found.value().first;
  t.openbaar = openbaar;
  t.met_totalen = t.indicator.optelbaar;
  std::vector<TableCell> cells;
  cells.reserve(rows.value().size());
  for (const auto& m : rows.value()) cells.push_back({m.gebied, m.periode, m.waarde, m.aantal, false});
  Suppression hidden;
  if (t.openbaar) hidden = Suppress(&cells, t.indicator.drempel, t.met_totalen, t.met_totalen);
  std::map<std::string, MeasurementTotal> per_period, per_area;
  for (const auto& c : cells) {
    MeasurementCell out{c.kolom, c.rij, c.waarde, c.aantal, ""};
    if (c.Hidden()) {
      out.waarde.reset();
      out.aantal.reset();
      out.onderdrukt = "primair";
    }
    t.cellen.push_back(std::move(out));
    if (!t.met_totalen) continue;
    for (auto [totals, key] : {std::pair{&per_period, &c.kolom}, std::pair{&per_area, &c.rij}}) {
      auto& total = (*totals)[*key];
      total.sleutel = *key;
      total.waarde = total.waarde.value_or(0) + c.waarde;
    }
  }
  for (auto& [key, total] : per_period) {
    if (hidden.verborgen_kolomtotalen.count(key)) {
      total.waarde.reset();
      total.onderdrukt = true;
    }
    t.per_periode.push_back(total);
  }
  for (auto& [key, total] : per_area) {
    if (hidden.verborgen_rijtotalen.count(key)) {
      total.waarde.reset();
      total.onderdrukt = true;
    }
    t.per_gebied.push_back(total);
  }
  constexpr size_t kKeptTables = 4;
  std::lock_guard lock(tables_mutex_);
  std::erase_if(tables_, [&](const KeptTable& k) { return k.id == id && k.openbaar == openbaar; });
  tables_.push_front({id, versie, openbaar, made});
  if (tables_.size() > kKeptTables) tables_.pop_back();
  return std::shared_ptr<const MeasurementTable>(made);
}

Result<MeasurementImport> Indicators::Import(int64_t id, std::string_view bytes, bool dry_run, const Actor& actor) {
  auto indicator = Editable(id, actor);
  if (!indicator.ok()) return indicator.error();
  auto table = ReadTable(bytes);
  if (!table.ok()) return table.error();
  MeasurementImport report;
  report.voorbeeld = dry_run;
  report.gelezen = ParseMeasurements(table.value(), indicator.value(), &codes_);
  table = Error{};  // free the text before storing
  if (report.gelezen.aantal_fouten > 0) {
    if (dry_run) return report;
    std::vector<FieldProblem> problems;
    for (const auto& p : report.gelezen.fouten)
      problems.push_back({"regel " + std::to_string(p.regel) + (p.veld.empty() ? "" : ": " + p.veld), p.melding});
    int64_t n = report.gelezen.aantal_fouten;
    return Invalid("Het bestand is niet ingelezen: " + std::to_string(n) + (n == 1 ? " fout" : " fouten") +
                       ". Verbeter het bestand en probeer het opnieuw; er is niets opgeslagen.",
                   std::move(problems));
  }
  auto counts = Record(indicator.value(), report.gelezen.metingen, dry_run, actor);
  if (!counts.ok()) return counts.error();
  report.telling = counts.value();
  return report;
}

}  // namespace koers
