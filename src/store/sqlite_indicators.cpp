// SQLite store: indicators of innovations and their measurements.
#include <nlohmann/json.hpp>

#include "store/sqlite_sql.hpp"
#include "store/sqlite_store.hpp"

namespace koers::sqlite {
namespace {

using nlohmann::json;

Indicator ReadIndicator(const Statement& s) {
  Indicator in;
  in.id = s.Int(0);
  in.innovatie_id = s.Int(1);
  in.naam = s.Text(2);
  in.soort = s.Text(3);
  in.eenheid = s.Text(4);
  in.richting = s.Text(5);
  in.basis_waarde = s.OptReal(6);
  in.basis_datum = s.Text(7);
  in.doel_waarde = s.OptReal(8);
  in.doel_datum = s.Text(9);
  in.bron = s.Text(10);
  in.gebiedsniveau = s.Text(11);
  in.gebied_jaar = s.OptInt(12);
  in.drempel = static_cast<int>(s.Int(13));
  in.optelbaar = s.Int(14) != 0;
  in.versie = s.Int(15);
  in.aangemaakt_op = s.Text(16);
  in.gewijzigd_op = s.Text(17);
  return in;
}

Result<Indicator> LoadIndicator(Connection* c, int64_t id) {
  auto s = c->Prepare(std::string(sql::kIndicatorSelect) + sql::kWhereIndicatorId);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, id);
  Status st;
  if (s.value()->Step(&st)) return ReadIndicator(*s.value());
  if (!st.ok()) return st.error();
  return NotFound("Deze indicator bestaat niet of is niet zichtbaar voor u.");
}

void BindFields(Statement& s, const Indicator& in) {
  s.Bind(2, in.naam).Bind(3, in.soort).Bind(4, in.eenheid).Bind(5, in.richting).Bind(6, in.basis_waarde);
  s.Bind(7, in.basis_datum, true).Bind(8, in.doel_waarde).Bind(9, in.doel_datum, true).Bind(10, in.bron, true);
  s.Bind(11, in.gebiedsniveau).Bind(12, in.gebied_jaar).Bind(13, int64_t{in.drempel});
  s.Bind(14, int64_t{in.optelbaar ? 1 : 0});
}

Result<int64_t> Count(Connection* c, int64_t indicator_id) {
  auto s = c->Prepare(sql::kCountMeasurements);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, indicator_id);
  Status st;
  if (!s.value()->Step(&st)) return st.ok() ? Internal("telling mislukt") : st.error();
  return s.value()->Int(0);
}

}  // namespace

Result<int64_t> SqliteStore::CountMeasurements(int64_t indicator_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return Count(conn.value().get(), indicator_id);
}

Result<int64_t> InsertIndicator(Connection* c, const Indicator& in, const std::string& now) {
  auto s = c->Prepare(sql::kInsertIndicator);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, in.innovatie_id);
  BindFields(*s.value(), in);
  s.value()->Bind(15, now);
  if (Status st = s.value()->Run(); !st.ok()) return st.error();
  return c->LastInsertId();
}

Result<std::vector<Indicator>> SqliteStore::ListIndicators(int64_t innovation_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(std::string(sql::kIndicatorSelect) + sql::kWhereIndicatorsOf);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, innovation_id);
  std::vector<Indicator> out;
  Status st;
  while (s.value()->Step(&st)) out.push_back(ReadIndicator(*s.value()));
  if (!st.ok()) return st.error();
  return out;
}

Result<Indicator> SqliteStore::GetIndicator(int64_t id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return LoadIndicator(conn.value().get(), id);
}

Result<Indicator> SqliteStore::SaveIndicator(const Indicator& in, int64_t expected_version,
                                             const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  json before = json::object();
  int64_t id = in.id;
  int64_t innovation_id = in.innovatie_id;
  if (id != 0) {
    auto old = LoadIndicator(c, id);
    if (!old.ok()) return old;
    if (expected_version > 0 && old.value().versie != expected_version)
      return Error{ErrorKind::kPreconditionFailed,
                   "De indicator is intussen door iemand anders gewijzigd. Laad hem opnieuw en probeer het nog eens.",
                   {}};
    before = ToJson(old.value());
    innovation_id = old.value().innovatie_id;
    auto s = c->Prepare(sql::kUpdateIndicator);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, id);
    BindFields(*s.value(), in);
    s.value()->Bind(15, change.op);
    if (Status st = s.value()->Run(); !st.ok()) return st.error();
  } else {
    auto inserted = InsertIndicator(c, in, change.op);
    if (!inserted.ok()) return inserted.error();
    id = inserted.value();
  }
  auto stored = LoadIndicator(c, id);
  if (!stored.ok()) return stored;
  Status st = AuditSteering(c, change, in.id == 0 ? "aangemaakt" : "gewijzigd", "indicator", std::to_string(id),
                            innovation_id, before, ToJson(stored.value()));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return stored;
}

Status SqliteStore::DeleteIndicator(int64_t id, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  auto old = LoadIndicator(c, id);
  if (!old.ok()) return old.error();
  {
    auto s = c->Prepare(sql::kDeleteIndicator);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, id);
    if (Status st = s.value()->Run(); !st.ok()) return st;
  }
  Status st = AuditSteering(c, change, "verwijderd", "indicator", std::to_string(id), old.value().innovatie_id,
                            ToJson(old.value()), json::object());
  if (!st.ok()) return st;
  return tx.Commit();
}

Result<std::vector<Measurement>> SqliteStore::ListMeasurements(int64_t indicator_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kListMeasurements);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, indicator_id);
  std::vector<Measurement> out;
  Status st;
  while (s.value()->Step(&st)) {
    Measurement m;
    m.indicator_id = indicator_id;
    m.periode = s.value()->Text(0);
    m.gebied = s.value()->Text(1);
    m.waarde = s.value()->Real(2);
    if (!s.value()->IsNull(3)) m.aantal = s.value()->Int(3);
    out.push_back(std::move(m));
  }
  if (!st.ok()) return st.error();
  return out;
}

Result<ImportCounts> SqliteStore::ImportMeasurements(int64_t indicator_id, const std::vector<Measurement>& rows,
                                                     bool dry_run, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  auto indicator = LoadIndicator(c, indicator_id);
  if (!indicator.ok()) return indicator.error();
  auto count = [&]() { return Count(c, indicator_id); };
  auto before = count();
  if (!before.ok()) return before.error();
  int64_t changed = 0;
  {
    auto s = c->Prepare(sql::kUpsertMeasurement);
    if (!s.ok()) return s.error();
    for (const auto& m : rows) {
      s.value()->Reset();
      s.value()->Bind(1, indicator_id).Bind(2, m.periode).Bind(3, m.gebied).Bind(4, m.waarde);
      if (m.aantal) {
        s.value()->Bind(5, *m.aantal);
      } else {
        s.value()->BindNull(5);
      }
      if (Status st = s.value()->Run(); !st.ok()) return st.error();
      changed += c->Changes();
    }
  }
  auto after = count();
  if (!after.ok()) return after.error();
  ImportCounts counts;
  counts.toegevoegd = static_cast<int>(after.value() - before.value());
  counts.gewijzigd = static_cast<int>(changed - counts.toegevoegd);
  counts.ongewijzigd = static_cast<int>(static_cast<int64_t>(rows.size()) - changed);
  if (dry_run) return counts;  // the transaction rolls back
  if (changed > 0) {
    auto s = c->Prepare(sql::kTouchIndicator);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, indicator_id).Bind(2, change.op);
    if (Status st = s.value()->Run(); !st.ok()) return st.error();
    Status st = AuditSteering(c, change, "geimporteerd", "metingen", std::to_string(indicator_id),
                       indicator.value().innovatie_id, json::object(),
                       json{{"regels", rows.size()},
                            {"nieuw", counts.toegevoegd},
                            {"gewijzigd", counts.gewijzigd},
                            {"ongewijzigd", counts.ongewijzigd}});
    if (!st.ok()) return st.error();
  }
  if (Status st = tx.Commit(); !st.ok()) return st.error();
  return counts;
}

// Per municipality (the GM code inside a WK or BU code) and year: sum,
// average, count, sum and minimum of the counts; the same as
//   SELECT CASE WHEN gebied = '' THEN '' ELSE 'GM' || substr(gebied, 3, 4) END, substr(periode, 1, 4),
//          sum(waarde), avg(waarde), count(*), sum(aantal), min(aantal) ... GROUP BY 1, 2 ORDER BY 1, 2
// but in one pass over the rows: SQLite's GROUP BY first sorted every row in
// a temporary b-tree, three times slower on a million rows.
Result<std::vector<MeasurementAggregate>> SqliteStore::AggregateMeasurements(int64_t indicator_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kScanMeasurements);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, indicator_id);
  std::map<std::pair<std::string, std::string>, MeasurementAggregate> groups;
  MeasurementAggregate* last = nullptr;  // rows of one municipality and year come together
  Status st;
  while (s.value()->Step(&st)) {
    std::string_view area = s.value()->View(0);
    std::string_view digits = area.size() >= 6 ? area.substr(2, 4) : std::string_view();
    std::string_view year = s.value()->View(1).substr(0, 4);
    if (!last || last->jaar != year || last->gemeente.size() != digits.size() + (digits.empty() ? 0 : 2) ||
        (!digits.empty() && last->gemeente.compare(2, 4, digits) != 0)) {
      std::string gm = digits.empty() ? std::string() : "GM" + std::string(digits);
      last = &groups[{gm, std::string(year)}];
      last->gemeente = std::move(gm);
      last->jaar = std::string(year);
    }
    last->som += s.value()->Real(2);
    ++last->metingen;
    if (!s.value()->IsNull(3)) {
      int64_t n = s.value()->Int(3);
      last->aantal = last->aantal.value_or(0) + n;
      last->kleinste_aantal = std::min(last->kleinste_aantal.value_or(n), n);
    }
  }
  if (!st.ok()) return st.error();
  std::vector<MeasurementAggregate> out;
  out.reserve(groups.size());
  for (auto& [key, a] : groups) {
    a.gemiddelde = a.som / static_cast<double>(a.metingen);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace koers::sqlite
