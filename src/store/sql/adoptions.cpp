// Adoptions with their steps, reuse assets, the audit trail, the feed of
// changes and the cluster pairs, in SQL (areas.hpp).
#include <set>
#include <unordered_map>

#include "store/sql/areas.hpp"
#include "store/sql/query.hpp"
#include "store/sql/statements.hpp"

namespace koers::sql {
namespace {

namespace st = statements;

Adoption ReadAdoption(RowReader& r) {
  Adoption a;
  a.id = r.Int();
  a.bron_id = r.Int();
  a.organisatie = r.Text();
  a.organisatie_naam = r.Text();
  a.status = r.Text();
  a.datum = r.Text();
  a.notitie = r.Text();
  a.innovatie_id = r.Int();
  a.versie = r.Int();
  a.aangemaakt_op = r.Text();
  a.gewijzigd_op = r.Text();
  a.kopie = r.Text();
  return a;
}

ReuseAsset ReadAsset(RowReader& r) {
  ReuseAsset a;
  a.id = r.Int();
  a.innovatie_id = r.Int();
  a.soort = r.Text();
  a.titel = r.Text();
  a.url = r.Text();
  a.licentie = r.Text();
  a.toelichting = r.Text();
  a.aangemaakt_op = r.Text();
  a.gewijzigd_op = r.Text();
  return a;
}

}  // namespace

Status SqlAdoptions::LoadSteps(std::vector<Adoption>* items) {
  if (items->empty()) return Status::Ok();
  std::unordered_map<int64_t, Adoption*> by_id;
  std::vector<int64_t> ids;
  for (auto& a : *items) {
    by_id[a.id] = &a;
    ids.push_back(a.id);
  }
  for (size_t from = 0; from < ids.size(); from += 500) {
    std::vector<int64_t> slice(ids.begin() + from, ids.begin() + std::min(ids.size(), from + 500));
    Composed q(st::kStepsOf);
    q.AddList(slice).Add(st::kStepsOrder);
    Status s = sql::Each(c_, q, [&](RowReader& r) {
      Adoption* a = by_id[r.Int()];
      AdoptionStep step;
      step.status = r.Text();
      step.datum = r.Text();
      step.notitie = r.Text();
      step.door = r.Text();
      step.op = r.Text();
      a->historie.push_back(std::move(step));
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<std::vector<Adoption>> SqlAdoptions::List(const AdoptionFilter& f) {
  Composed q(st::kAdoptionColumns);
  q.Add(" WHERE 1 = 1");
  if (f.bron_id > 0) q.Add(" AND a.bron_id = ?", f.bron_id);
  if (!f.bronnen.empty()) q.Add(" AND a.bron_id IN ").AddList(f.bronnen);
  if (!f.organisatie.empty()) q.Add(" AND o.code = ?", f.organisatie);
  if (f.innovatie_id > 0) q.Add(" AND a.innovatie_id = ?", f.innovatie_id);
  if (!f.bron_organisatie.empty()) q.Add(st::kAdoptionsOfOwner, f.bron_organisatie);
  q.Add(st::kOrderAdoptions);
  auto items = sql::All(c_, q, ReadAdoption);
  if (!items.ok()) return items;
  Status s = LoadSteps(&items.value());
  if (!s.ok()) return s.error();
  return items;
}

Result<Adoption> SqlAdoptions::Get(int64_t id) {
  auto a = One(c_, std::string(st::kAdoptionColumns) + st::kWhereAdoption, ReadAdoption, id);
  if (!a.ok()) return a.error();
  if (!a.value()) return NotFoundError("adoption " + std::to_string(id));
  std::vector<Adoption> one = {std::move(*a.value())};
  Status s = LoadSteps(&one);
  if (!s.ok()) return s.error();
  return std::move(one.front());
}

Result<int64_t> SqlAdoptions::Create(const Adoption& a, TimePoint now) {
  auto org = orgs_.IdOf(a.organisatie, "organisatie");
  if (!org.ok()) return org.error();
  auto existing = List({a.bron_id, {}, a.organisatie, 0});
  if (!existing.ok()) return existing.error();
  if (!existing.value().empty())
    return ConflictError("organisation " + a.organisatie + " has adoption " + std::to_string(existing.value().front().id));
  auto id = Scalar(c_, st::kInsertAdoption, a.bron_id, org.value(), a.status, a.datum, Param::OrNull(a.notitie),
                   a.innovatie_id > 0 ? Param(a.innovatie_id) : Param(nullptr), Stamp(now), Param::OrNull(a.kopie));
  if (!id.ok()) return id.error();
  return id.value().value_or(0);
}

Status SqlAdoptions::Update(const Adoption& a, int64_t expected_version, TimePoint now) {
  auto n = Exec(c_, st::kUpdateAdoption, a.id, a.status, a.datum, Param::OrNull(a.notitie),
                a.innovatie_id > 0 ? Param(a.innovatie_id) : Param(nullptr), Stamp(now), Param::OrNull(a.kopie),
                expected_version);
  if (!n.ok()) return n.status();
  if (n.value() == 0) {
    auto current = Get(a.id);
    if (!current.ok()) return current.status();
    return StaleError("adoption " + std::to_string(a.id) + " is at version " + std::to_string(current.value().versie));
  }
  return Status::Ok();
}

Status SqlAdoptions::AddStep(int64_t adoption_id, const AdoptionStep& s) {
  auto n = Exec(c_, st::kInsertStep, adoption_id, s.status, s.datum, Param::OrNull(s.notitie), s.door, s.op);
  return n.ok() ? Status::Ok() : n.status();
}

Status SqlAdoptions::Delete(int64_t id) {
  auto n = Exec(c_, st::kDeleteAdoption, id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("adoption " + std::to_string(id));
  return Status::Ok();
}

Result<std::vector<ReuseAsset>> SqlAdoptions::ListAssets(int64_t innovation_id) {
  return sql::All(c_, std::string(st::kAssetColumns) + st::kWhereAssetsOf, ReadAsset, innovation_id);
}

Result<ReuseAsset> SqlAdoptions::GetAsset(int64_t innovation_id, int64_t id) {
  auto a = One(c_, std::string(st::kAssetColumns) + st::kWhereAsset, ReadAsset, innovation_id, id);
  if (!a.ok()) return a.error();
  if (!a.value()) return NotFoundError("asset " + std::to_string(id));
  return std::move(*a.value());
}

Result<ReuseAsset> SqlAdoptions::SaveAsset(const ReuseAsset& r, TimePoint now) {
  int64_t id = r.id;
  if (id == 0) {
    auto created = Scalar(c_, st::kInsertAsset, r.innovatie_id, r.soort, r.titel, Param::OrNull(r.url),
                          Param::OrNull(r.licentie), Param::OrNull(r.toelichting), Stamp(now));
    if (!created.ok()) return created.error();
    id = created.value().value_or(0);
  } else {
    auto n = Exec(c_, st::kUpdateAsset, r.innovatie_id, r.id, r.soort, r.titel, Param::OrNull(r.url),
                  Param::OrNull(r.licentie), Param::OrNull(r.toelichting), Stamp(now));
    if (!n.ok()) return n.error();
    if (n.value() == 0) return NotFoundError("asset " + std::to_string(r.id));
  }
  return GetAsset(r.innovatie_id, id);
}

Status SqlAdoptions::DeleteAsset(int64_t innovation_id, int64_t id) {
  auto n = Exec(c_, st::kDeleteAsset, innovation_id, id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("asset " + std::to_string(id));
  return Status::Ok();
}

// --- audit trail and feed of changes ------------------------------------------

Status SqlAudit::Append(const AuditEntry& e) {
  auto n = Exec(c_, st::kInsertAudit, e.op, e.gebruiker_id > 0 ? Param(e.gebruiker_id) : Param(nullptr), e.gebruiker,
                Param::OrNull(e.organisatie), e.actie, e.resource, Param::OrNull(e.resource_id), e.resultaat,
                e.wijzigingen, Param::OrNull(e.verzoek_id), e.innovatie_id > 0 ? Param(e.innovatie_id) : Param(nullptr));
  return n.ok() ? Status::Ok() : n.status();
}

Result<Listing<AuditEntry>> SqlAudit::List(const AuditFilter& f, const PageRequest& page) {
  auto where = [&](Composed q) {
    q.Add(" WHERE 1 = 1");
    if (!f.alles) q.Add(" AND organisatie IN ").AddList(f.organisaties);
    if (!f.resource.empty()) q.Add(" AND resource = ?", f.resource);
    if (!f.resource_id.empty()) q.Add(" AND resource_id = ?", f.resource_id);
    if (!f.resultaat.empty()) q.Add(" AND resultaat = ?", f.resultaat);
    return q;
  };
  Listing<AuditEntry> out;
  auto total = sql::Count(c_, where(Composed(st::kAuditCount)));
  if (!total.ok()) return total.error();
  out.totaal = total.value();
  Composed q = where(Composed(st::kAuditColumns));
  q.Add(st::kOrderAudit).Add(" LIMIT ? OFFSET ?", page.pagina_grootte,
                            static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte);
  auto items = sql::All(c_, q, [](RowReader& r) {
    AuditEntry e;
    e.id = r.Int();
    e.op = r.Text();
    e.gebruiker_id = r.Int();
    e.gebruiker = r.Text();
    e.organisatie = r.Text();
    e.actie = r.Text();
    e.resource = r.Text();
    e.resource_id = r.Text();
    e.resultaat = r.Text();
    e.wijzigingen = r.Text();
    e.verzoek_id = r.Text();
    e.innovatie_id = r.Int();
    return e;
  });
  if (!items.ok()) return items.error();
  out.items = std::move(items).value();
  return out;
}

Result<ChangeBatch> SqlChangeFeed::Pending(const std::string& consumer, int limit) {
  ChangeBatch out;
  std::set<int64_t> seen;
  Status s = sql::Each(c_, st::kPendingChanges, [&](RowReader& r) {
    out.last = r.Int();
    int64_t id = r.Int();
    if (seen.insert(id).second) out.ids.push_back(id);
  }, consumer, limit);
  if (!s.ok()) return s.error();
  return out;
}

Status SqlChangeFeed::Done(const std::string& consumer, int64_t last) {
  auto n = Exec(c_, st::kSetPosition, consumer, last);
  if (!n.ok()) return n.status();
  n = Exec(c_, st::kPruneChanges);
  return n.ok() ? Status::Ok() : n.status();
}

Result<int64_t> SqlChangeFeed::Head() {
  auto n = Scalar(c_, st::kChangeHead);
  if (!n.ok()) return n.error();
  return n.value().value_or(0);
}

Result<std::optional<int64_t>> SqlChangeFeed::Position(const std::string& consumer) {
  return Scalar(c_, st::kPosition, consumer);
}

// --- cluster pairs ---------------------------------------------------------------

Result<std::vector<std::pair<int64_t, int64_t>>> SqlClusters::Pairs() {
  std::vector<std::pair<int64_t, int64_t>> out;
  Status s = sql::Each(c_, st::kClusterPairs, [&](RowReader& r) {
    int64_t a = r.Int();
    out.emplace_back(a, r.Int());
  });
  if (!s.ok()) return s.error();
  return out;
}

Status SqlClusters::Replace(const std::vector<int64_t>& of, const std::vector<std::pair<int64_t, int64_t>>& pairs) {
  for (int64_t id : of) {
    auto n = Exec(c_, st::kDeletePairsOf, id);
    if (!n.ok()) return n.status();
  }
  for (const auto& [a, b] : pairs) {
    if (a == b) continue;
    auto n = Exec(c_, st::kInsertPair, std::min(a, b), std::max(a, b));
    if (!n.ok()) return n.status();
  }
  return Status::Ok();
}

Status SqlClusters::ReplaceAll(const std::vector<std::pair<int64_t, int64_t>>& pairs) {
  auto n = Exec(c_, st::kDeleteAllPairs);
  if (!n.ok()) return n.status();
  for (const auto& [a, b] : pairs) {
    n = Exec(c_, st::kInsertPair, std::min(a, b), std::max(a, b));
    if (!n.ok()) return n.status();
  }
  return Status::Ok();
}

}  // namespace koers::sql
