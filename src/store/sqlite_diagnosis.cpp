// SQLite store: diagnoses of innovations and climate measurements of
// organisations.
#include <nlohmann/json.hpp>

#include "domain/steering_json.hpp"
#include "store/sqlite_sql.hpp"
#include "store/sqlite_store.hpp"

namespace koers::sqlite {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::map<std::string, Score> Scores(const std::string& text) {
  return ScoresFromJson(json::parse(text, nullptr, false), "notitie");
}

Assessment ReadDiagnosis(const Statement& s) {
  Assessment a;
  a.id = s.Int(0);
  a.innovatie_id = s.Int(1);
  a.datum = s.Text(2);
  a.scores = Scores(s.Text(3));
  a.op = s.Text(4);
  a.door = s.Text(5);
  return a;
}

Result<std::vector<Assessment>> Query(Connection* c, const char* sql, const std::function<void(Statement&)>& bind,
                                      Assessment (*read)(const Statement&)) {
  auto s = c->Prepare(sql);
  if (!s.ok()) return s.error();
  bind(*s.value());
  std::vector<Assessment> out;
  Status st;
  while (s.value()->Step(&st)) out.push_back(read(*s.value()));
  if (!st.ok()) return st.error();
  return out;
}

Assessment ReadClimate(const Statement& s) {
  Assessment a;
  a.id = s.Int(0);
  a.organisatie = s.Text(1);
  a.datum = s.Text(2);
  a.scores = Scores(s.Text(3));
  a.drempels = Scores(s.Text(4));
  a.op = s.Text(5);
  a.door = s.Text(6);
  return a;
}

}  // namespace

Result<std::vector<Assessment>> SqliteStore::ListDiagnoses(int64_t innovation_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return Query(conn.value().get(), sql::kListDiagnoses, [&](Statement& s) { s.Bind(1, innovation_id); }, &ReadDiagnosis);
}

Result<std::vector<Assessment>> SqliteStore::LatestDiagnoses() {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return Query(conn.value().get(), sql::kLatestDiagnoses, [](Statement&) {}, &ReadDiagnosis);
}

Result<Assessment> SqliteStore::AddDiagnosis(const Assessment& a, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  Assessment stored = a;
  stored.op = change.op;
  stored.door = change.door;
  {
    auto s = c->Prepare(sql::kInsertDiagnosis);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, a.innovatie_id).Bind(2, a.datum).Bind(3, Dump(ScoresJson(a.scores, "notitie")));
    s.value()->Bind(4, stored.op).Bind(5, stored.door);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  stored.id = c->LastInsertId();
  Status st = AuditSteering(c, change, "aangemaakt", "diagnose", std::to_string(stored.id), a.innovatie_id,
                            json::object(), ToJson(stored, "factoren"));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return stored;
}

Result<std::vector<Assessment>> SqliteStore::ListClimate(const std::string& org) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return Query(conn.value().get(), sql::kListClimate, [&](Statement& s) { s.Bind(1, org); }, &ReadClimate);
}

Result<Assessment> SqliteStore::AddClimate(const Assessment& a, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  Assessment stored = a;
  stored.op = change.op;
  stored.door = change.door;
  {
    auto s = c->Prepare(sql::kInsertClimate);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, a.organisatie).Bind(2, a.datum).Bind(3, Dump(ScoresJson(a.scores, "notitie")));
    s.value()->Bind(4, Dump(ScoresJson(a.drempels, "notitie"))).Bind(5, stored.op).Bind(6, stored.door);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  stored.id = c->LastInsertId();
  json changes = JsonChanges(json::object(), ToJson(stored, "kenmerken"));
  Status st = InsertAudit(c, AuditFor(change, "aangemaakt", "klimaatmeting", std::to_string(stored.id), a.organisatie,
                                      Dump(changes)));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return stored;
}

}  // namespace koers::sqlite
