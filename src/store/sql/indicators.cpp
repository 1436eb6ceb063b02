// Indicators, measurements, diagnoses and climate measurements in SQL
// (areas.hpp).
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "domain/steering_json.hpp"
#include "store/sql/areas.hpp"
#include "store/sql/query.hpp"
#include "store/sql/statements.hpp"

namespace koers::sql {
namespace {

namespace st = statements;
using nlohmann::json;

Indicator ReadIndicator(RowReader& r) {
  Indicator in;
  in.id = r.Int();
  in.innovatie_id = r.Int();
  in.naam = r.Text();
  in.soort = r.Text();
  in.eenheid = r.Text();
  in.richting = r.Text();
  in.basis_waarde = r.OptReal();
  in.basis_datum = r.Text();
  in.doel_waarde = r.OptReal();
  in.doel_datum = r.Text();
  in.bron = r.Text();
  in.gebiedsniveau = r.Text();
  if (auto year = r.OptInt()) in.gebied_jaar = static_cast<int>(*year);
  in.drempel = static_cast<int>(r.Int());
  in.optelbaar = r.Bool();
  in.versie = r.Int();
  in.aangemaakt_op = r.Text();
  in.gewijzigd_op = r.Text();
  return in;
}

// ?2..?14 of kInsertIndicator and kUpdateIndicator.
std::vector<Param> IndicatorFields(const Indicator& in) {
  return {in.naam,
          in.soort,
          in.eenheid,
          in.richting,
          in.basis_waarde,
          Param::OrNull(in.basis_datum),
          in.doel_waarde,
          Param::OrNull(in.doel_datum),
          Param::OrNull(in.bron),
          in.gebiedsniveau,
          in.gebied_jaar,
          in.drempel,
          in.optelbaar};
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::map<std::string, Score> Scores(std::string_view text) {
  return ScoresFromJson(json::parse(text, nullptr, false), "notitie");
}

Assessment ReadDiagnosis(RowReader& r) {
  Assessment a;
  a.id = r.Int();
  a.innovatie_id = r.Int();
  a.datum = r.Text();
  a.scores = Scores(r.View());
  a.op = r.Text();
  a.door = r.Text();
  return a;
}

Assessment ReadClimate(RowReader& r) {
  Assessment a;
  a.id = r.Int();
  a.organisatie = r.Text();
  a.datum = r.Text();
  a.scores = Scores(r.View());
  a.drempels = Scores(r.View());
  a.op = r.Text();
  a.door = r.Text();
  return a;
}


// Measurements summed per municipality (the GM code inside a WK or BU code)
// and year: the rows of the table meting_jaar.
struct Rollup {
  std::map<std::pair<std::string, std::string>, MeasurementAggregate> groups;
  MeasurementAggregate* last = nullptr;  // rows of one municipality and year mostly come together
  void Add(std::string_view area, std::string_view period, double value, std::optional<int64_t> count) {
    std::string_view digits = area.size() >= 6 ? area.substr(2, 4) : std::string_view();
    std::string_view year = period.substr(0, 4);
    if (!last || last->jaar != year || last->gemeente.size() != digits.size() + (digits.empty() ? 0 : 2) ||
        (!digits.empty() && last->gemeente.compare(2, 4, digits) != 0)) {
      std::string gm = digits.empty() ? std::string() : "GM" + std::string(digits);
      last = &groups[{gm, std::string(year)}];
      last->gemeente = std::move(gm);
      last->jaar = std::string(year);
    }
    last->som += value;
    ++last->metingen;
    if (count) {
      last->aantal = last->aantal.value_or(0) + *count;
      last->kleinste_aantal = std::min(last->kleinste_aantal.value_or(*count), *count);
    }
  }
};

}  // namespace

Result<std::vector<Indicator>> SqlIndicators::List(int64_t innovation_id) {
  return sql::All(c_, std::string(st::kIndicatorColumns) + st::kWhereIndicatorsOf, ReadIndicator, innovation_id);
}

Result<std::map<int64_t, std::vector<Indicator>>> SqlIndicators::ListOf(const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<Indicator>> out;
  for (size_t from = 0; from < ids.size(); from += 500) {
    std::vector<int64_t> slice(ids.begin() + from, ids.begin() + std::min(ids.size(), from + 500));
    Composed q(st::kIndicatorColumns);
    q.Add(st::kWhereIndicatorsIn).AddList(slice).Add(st::kOrderIndicators);
    Status s = sql::Each(c_, q, [&](RowReader& r) {
      Indicator in = ReadIndicator(r);
      out[in.innovatie_id].push_back(std::move(in));
    });
    if (!s.ok()) return s.error();
  }
  return out;
}

Result<Indicator> SqlIndicators::Get(int64_t id) {
  auto in = One(c_, std::string(st::kIndicatorColumns) + st::kWhereIndicator, ReadIndicator, id);
  if (!in.ok()) return in.error();
  if (!in.value()) return NotFoundError("indicator " + std::to_string(id));
  return std::move(*in.value());
}

Result<Indicator> SqlIndicators::Save(const Indicator& in, int64_t expected_version, TimePoint now) {
  std::string stamp = Stamp(now);
  std::vector<Param> params;
  int64_t id = in.id;
  if (id == 0) {
    params.emplace_back(in.innovatie_id);
    for (auto& p : IndicatorFields(in)) params.push_back(std::move(p));
    params.emplace_back(stamp);
    auto created = ScalarWith(c_, st::kInsertIndicator, params);
    if (!created.ok()) return created.error();
    id = created.value().value_or(0);
  } else {
    params.emplace_back(id);
    for (auto& p : IndicatorFields(in)) params.push_back(std::move(p));
    params.emplace_back(stamp);
    params.emplace_back(expected_version);
    auto n = c_.Execute(st::kUpdateIndicator, params);
    if (!n.ok()) return n.error();
    if (n.value() == 0) {
      auto current = Get(id);
      if (!current.ok()) return current.error();
      return StaleError("indicator " + std::to_string(id) + " is at version " + std::to_string(current.value().versie));
    }
  }
  return Get(id);
}

Status SqlIndicators::Delete(int64_t id) {
  auto n = Exec(c_, st::kDeleteIndicator, id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("indicator " + std::to_string(id));
  return Status::Ok();
}

Result<std::vector<Measurement>> SqlIndicators::Measurements(int64_t indicator_id) {
  return sql::All(c_, st::kListMeasurements, [&](RowReader& r) {
    Measurement m;
    m.indicator_id = indicator_id;
    m.periode = r.Text();
    m.gebied = r.Text();
    m.waarde = r.Real();
    m.aantal = r.OptInt();
    return m;
  }, indicator_id);
}

Result<int64_t> SqlIndicators::CountMeasurements(int64_t indicator_id) {
  auto n = Scalar(c_, st::kCountMeasurements, indicator_id);
  if (!n.ok()) return n.error();
  return n.value().value_or(0);
}

Result<ImportCounts> SqlIndicators::Upsert(int64_t indicator_id, const std::vector<Measurement>& rows, TimePoint now) {
  auto before = CountMeasurements(indicator_id);
  if (!before.ok()) return before.error();
  int64_t changed = 0;
  for (const auto& m : rows) {
    auto n = Exec(c_, st::kUpsertMeasurement, indicator_id, m.periode, m.gebied, m.waarde, m.aantal);
    if (!n.ok()) return n.error();
    changed += n.value();
  }
  auto after = CountMeasurements(indicator_id);
  if (!after.ok()) return after.error();
  ImportCounts counts;
  counts.toegevoegd = static_cast<int>(after.value() - before.value());
  counts.gewijzigd = static_cast<int>(changed - counts.toegevoegd);
  counts.ongewijzigd = static_cast<int>(static_cast<int64_t>(rows.size()) - changed);
  if (changed > 0) {
    auto n = Exec(c_, st::kTouchIndicator, indicator_id, Stamp(now));
    if (!n.ok()) return n.error();
    // The sums per municipality and year: from the rows sent when they are
    // all there is, else from the table (some rows replaced others).
    Rollup rollup;
    if (before.value() == 0) {
      for (const auto& m : rows) rollup.Add(m.gebied, m.periode, m.waarde, m.aantal);
    } else {
      Status scan = sql::Each(c_, st::kScanMeasurements, [&](RowReader& r) {
        std::string_view area = r.View(), period = r.View();
        double value = r.Real();
        rollup.Add(area, period, value, r.OptInt());
      }, indicator_id);
      if (!scan.ok()) return scan.error();
    }
    n = Exec(c_, st::kDeleteRollup, indicator_id);
    if (!n.ok()) return n.error();
    for (const auto& [key, a] : rollup.groups) {
      n = Exec(c_, st::kInsertRollup, indicator_id, a.gemeente, a.jaar, a.som, a.metingen, a.aantal, a.kleinste_aantal);
      if (!n.ok()) return n.error();
    }
  }
  return counts;
}

Result<std::map<int64_t, std::vector<Measurement>>> SqlIndicators::LatestMeasurements(const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<Measurement>> out;
  for (size_t from = 0; from < ids.size(); from += 500) {
    std::vector<int64_t> slice(ids.begin() + from, ids.begin() + std::min(ids.size(), from + 500));
    Composed q(st::kLatestMeasurementsOf);
    q.AddList(slice).Add(st::kLatestMeasurementsOrder);
    Status s = sql::Each(c_, q, [&](RowReader& r) {
      Measurement m;
      m.indicator_id = r.Int();
      m.periode = r.Text();
      m.gebied = r.Text();
      m.waarde = r.Real();
      m.aantal = r.OptInt();
      out[m.indicator_id].push_back(std::move(m));
    });
    if (!s.ok()) return s.error();
  }
  return out;
}

Result<std::vector<MeasurementAggregate>> SqlIndicators::Aggregate(int64_t indicator_id) {
  return sql::All(c_, st::kRollup, [](RowReader& r) {
    MeasurementAggregate a;
    a.gemeente = r.Text();
    a.jaar = r.Text();
    a.som = r.Real();
    a.metingen = r.Int();
    a.aantal = r.OptInt();
    a.kleinste_aantal = r.OptInt();
    a.gemiddelde = a.som / static_cast<double>(a.metingen);
    return a;
  }, indicator_id);
}

// --- diagnosis and climate -----------------------------------------------------

Result<std::vector<Assessment>> SqlDiagnosis::ListDiagnoses(int64_t innovation_id) {
  return sql::All(c_, st::kListDiagnoses, ReadDiagnosis, innovation_id);
}

Result<std::vector<Assessment>> SqlDiagnosis::LatestDiagnoses() { return sql::All(c_, st::kLatestDiagnoses, ReadDiagnosis); }

Result<Assessment> SqlDiagnosis::AddDiagnosis(const Assessment& a, const std::string& door, TimePoint now) {
  Assessment stored = a;
  stored.op = Stamp(now);
  stored.door = door;
  auto id = Scalar(c_, st::kInsertDiagnosis, a.innovatie_id, a.datum, Dump(ScoresJson(a.scores, "notitie")), stored.op,
                   door);
  if (!id.ok()) return id.error();
  stored.id = id.value().value_or(0);
  return stored;
}

Result<std::vector<Assessment>> SqlDiagnosis::ListClimate(const std::string& org) {
  return sql::All(c_, st::kListClimate, ReadClimate, org);
}

Result<Assessment> SqlDiagnosis::AddClimate(const Assessment& a, const std::string& door, TimePoint now) {
  Assessment stored = a;
  stored.op = Stamp(now);
  stored.door = door;
  auto id = Scalar(c_, st::kInsertClimate, a.organisatie, a.datum, Dump(ScoresJson(a.scores, "notitie")),
                   Dump(ScoresJson(a.drempels, "notitie")), stored.op, door);
  if (!id.ok()) return id.error();
  stored.id = id.value().value_or(0);
  return stored;
}

}  // namespace koers::sql
