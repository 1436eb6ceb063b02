// SQLite store: adoptions of an innovation by other organisations, with
// their history, and the reuse assets an innovation offers.
#include <nlohmann/json.hpp>

#include "domain/steering_json.hpp"
#include "store/sqlite_sql.hpp"
#include "store/sqlite_store.hpp"

namespace koers::sqlite {
namespace {

using nlohmann::json;

Adoption ReadAdoption(const Statement& s) {
  Adoption a;
  a.id = s.Int(0);
  a.bron_id = s.Int(1);
  a.organisatie = s.Text(2);
  a.organisatie_naam = s.Text(3);
  a.status = s.Text(4);
  a.datum = s.Text(5);
  a.notitie = s.Text(6);
  a.innovatie_id = s.Int(7);
  a.versie = s.Int(8);
  a.aangemaakt_op = s.Text(9);
  a.gewijzigd_op = s.Text(10);
  a.kopie = s.Text(11);
  return a;
}

ReuseAsset ReadReuse(const Statement& s) {
  ReuseAsset r;
  r.id = s.Int(0);
  r.innovatie_id = s.Int(1);
  r.soort = s.Text(2);
  r.titel = s.Text(3);
  r.url = s.Text(4);
  r.licentie = s.Text(5);
  r.toelichting = s.Text(6);
  r.aangemaakt_op = s.Text(7);
  r.gewijzigd_op = s.Text(8);
  return r;
}

Status LoadSteps(Connection* c, Adoption* a) {
  auto s = c->Prepare(sql::kAdoptionSteps);
  if (!s.ok()) return s.status();
  s.value()->Bind(1, a->id);
  Status st;
  while (s.value()->Step(&st))
    a->historie.push_back({s.value()->Text(0), s.value()->Text(1), s.value()->Text(2), s.value()->Text(3),
                           s.value()->Text(4)});
  return st;
}

Result<Adoption> LoadAdoption(Connection* c, int64_t id) {
  Adoption a;
  Status st;
  {
    auto s = c->Prepare(std::string(sql::kAdoptionSelect) + sql::kWhereAdoption);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, id);
    if (!s.value()->Step(&st)) return st.ok() ? NotFound("Deze adoptie bestaat niet.") : st.error();
    a = ReadAdoption(*s.value());
  }
  st = LoadSteps(c, &a);
  if (!st.ok()) return st.error();
  return a;
}

// What the audit trail keeps of an adoption.
json AuditJson(const Adoption& a) {
  return json{{"bron", a.bron_id}, {"status", a.status}, {"datum", a.datum}, {"notitie", a.notitie},
              {"innovatie", a.innovatie_id}, {"kopie", a.kopie}};
}

Result<int64_t> InsertReuse(Connection* c, const ReuseAsset& r, const std::string& now) {
  auto s = c->Prepare(sql::kInsertReuse);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, r.innovatie_id).Bind(2, r.soort).Bind(3, r.titel).Bind(4, r.url, true);
  s.value()->Bind(5, r.licentie, true).Bind(6, r.toelichting, true).Bind(7, now);
  Status st = s.value()->Run();
  if (!st.ok()) return st.error();
  return c->LastInsertId();
}

}  // namespace

Result<std::vector<Adoption>> SqliteStore::ListAdoptions(const AdoptionFilter& f) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  std::vector<Adoption> out;
  {
    auto s = c->Prepare(std::string(sql::kAdoptionSelect) + sql::kWhereAdoptions);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, f.bron_id).Bind(2, f.organisatie).Bind(3, f.innovatie_id);
    Status st;
    while (s.value()->Step(&st)) out.push_back(ReadAdoption(*s.value()));
    if (!st.ok()) return st.error();
  }
  for (auto& a : out) {
    Status st = LoadSteps(c, &a);
    if (!st.ok()) return st.error();
  }
  return out;
}

Result<Adoption> SqliteStore::GetAdoption(int64_t id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return LoadAdoption(conn.value().get(), id);
}

Result<Adoption> SqliteStore::SaveAdoption(const Adoption& a, int64_t expected_version, const Innovation* copy,
                                           const std::vector<ReuseAsset>& copy_assets,
                                           const std::vector<Indicator>& copy_indicators, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  json before = json::object();
  int64_t linked = a.innovatie_id;
  if (a.id != 0) {
    auto old = LoadAdoption(c, a.id);
    if (!old.ok()) return old;
    if (expected_version > 0 && old.value().versie != expected_version)
      return Error{ErrorKind::kPreconditionFailed,
                   "De adoptie is intussen door iemand anders gewijzigd. Laad haar opnieuw en probeer het nog eens.",
                   {}};
    before = AuditJson(old.value());
    linked = old.value().innovatie_id;
  } else {
    AdoptionFilter existing{a.bron_id, a.organisatie, 0};
    auto s = c->Prepare(std::string(sql::kAdoptionSelect) + sql::kWhereAdoptions);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, existing.bron_id).Bind(2, existing.organisatie).Bind(3, int64_t{0});
    Status st;
    if (s.value()->Step(&st))
      return Conflict("Deze organisatie heeft al een adoptie van deze innovatie (nummer " +
                      std::to_string(s.value()->Int(0)) + "); werk die bij.");
    if (!st.ok()) return st.error();
  }
  if (copy) {
    auto id = InsertInnovation(c, *copy, change);
    if (!id.ok()) return id.error();
    linked = id.value();
    for (ReuseAsset asset : copy_assets) {
      asset.innovatie_id = linked;
      auto r = InsertReuse(c, asset, change.op);
      if (!r.ok()) return r.error();
    }
    for (Indicator indicator : copy_indicators) {
      indicator.innovatie_id = linked;
      auto r = InsertIndicator(c, indicator, change.op);
      if (!r.ok()) return r.error();
    }
  }
  int64_t id = a.id;
  if (id == 0) {
    int64_t org_id = 0;
    Status st;
    {
      auto org = c->Prepare(sql::kOrganisationIdByCode);
      if (!org.ok()) return org.error();
      org.value()->Bind(1, a.organisatie);
      if (!org.value()->Step(&st))
        return st.ok() ? Invalid("De adoptie is niet opgeslagen.", {{"organisatie", "deze organisatie bestaat niet"}})
                       : st.error();
      org_id = org.value()->Int(0);
    }
    auto s = c->Prepare(sql::kInsertAdoption);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, a.bron_id).Bind(2, org_id).Bind(3, a.status).Bind(4, a.datum).Bind(5, a.notitie, true);
    if (linked > 0) {
      s.value()->Bind(6, linked);
    } else {
      s.value()->BindNull(6);
    }
    s.value()->Bind(7, change.op).Bind(8, a.kopie, true);
    st = s.value()->Run();
    if (!st.ok()) return st.error();
    id = c->LastInsertId();
  } else {
    auto s = c->Prepare(sql::kUpdateAdoption);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, id).Bind(2, a.status).Bind(3, a.datum).Bind(4, a.notitie, true);
    if (linked > 0) {
      s.value()->Bind(5, linked);
    } else {
      s.value()->BindNull(5);
    }
    s.value()->Bind(6, change.op).Bind(7, a.kopie, true);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  {
    auto s = c->Prepare(sql::kInsertAdoptionStep);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, id).Bind(2, a.status).Bind(3, a.datum).Bind(4, a.notitie, true).Bind(5, change.door);
    s.value()->Bind(6, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  auto after = LoadAdoption(c, id);
  if (!after.ok()) return after;
  json changes = JsonChanges(before, AuditJson(after.value()));
  AuditEntry entry = AuditFor(change, a.id == 0 ? "aangemaakt" : "gewijzigd", "adoptie", std::to_string(id),
                              after.value().organisatie, changes.dump(-1, ' ', false, json::error_handler_t::replace));
  entry.innovatie_id = after.value().bron_id;
  Status st = InsertAudit(c, entry);
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return after;
}

Status SqliteStore::DeleteAdoption(int64_t id, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  auto old = LoadAdoption(c, id);
  if (!old.ok()) return old.status();
  {
    auto s = c->Prepare(sql::kDeleteAdoption);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, id);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  json changes = JsonChanges(AuditJson(old.value()), json::object());
  AuditEntry entry = AuditFor(change, "verwijderd", "adoptie", std::to_string(id), old.value().organisatie,
                              changes.dump(-1, ' ', false, json::error_handler_t::replace));
  entry.innovatie_id = old.value().bron_id;
  Status st = InsertAudit(c, entry);
  if (!st.ok()) return st;
  return tx.Commit();
}

Result<std::vector<ReuseAsset>> SqliteStore::ListReuseAssets(int64_t innovation_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(std::string(sql::kReuseSelect) + sql::kWhereReuseOf);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, innovation_id);
  std::vector<ReuseAsset> out;
  Status st;
  while (s.value()->Step(&st)) out.push_back(ReadReuse(*s.value()));
  if (!st.ok()) return st.error();
  return out;
}

Result<ReuseAsset> SqliteStore::SaveReuseAsset(const ReuseAsset& r, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  auto load = [&](int64_t id) -> Result<ReuseAsset> {
    auto s = c->Prepare(std::string(sql::kReuseSelect) + sql::kWhereReuse);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id).Bind(2, id);
    Status st;
    if (!s.value()->Step(&st)) return st.ok() ? NotFound("Dit hergebruikdocument bestaat niet.") : st.error();
    return ReadReuse(*s.value());
  };
  json before = json::object();
  int64_t id = r.id;
  if (id == 0) {
    auto inserted = InsertReuse(c, r, change.op);
    if (!inserted.ok()) return inserted.error();
    id = inserted.value();
  } else {
    auto old = load(id);
    if (!old.ok()) return old;
    before = ToJson(old.value());
    auto s = c->Prepare(sql::kUpdateReuse);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id).Bind(2, id).Bind(3, r.soort).Bind(4, r.titel).Bind(5, r.url, true);
    s.value()->Bind(6, r.licentie, true).Bind(7, r.toelichting, true).Bind(8, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  auto after = load(id);
  if (!after.ok()) return after;
  Status st = AuditSteering(c, change, r.id == 0 ? "aangemaakt" : "gewijzigd", "hergebruik", std::to_string(id),
                            r.innovatie_id, before, ToJson(after.value()));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return after;
}

Status SqliteStore::DeleteReuseAsset(int64_t innovation_id, int64_t id, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  {
    auto s = c->Prepare(sql::kDeleteReuse);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, innovation_id).Bind(2, id);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  if (c->Changes() == 0) return NotFound("Dit hergebruikdocument bestaat niet.");
  Status st = AuditSteering(c, change, "verwijderd", "hergebruik", std::to_string(id), innovation_id, json::object(),
                            json::object());
  if (!st.ok()) return st;
  return tx.Commit();
}

}  // namespace koers::sqlite
