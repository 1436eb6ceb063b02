// SQLite store: gate reviews, unknowns and risks, business case, pitch,
// organisation maturity, and the rows behind the funnel board.
#include <nlohmann/json.hpp>

#include "domain/steering_json.hpp"
#include "store/sqlite_sql.hpp"
#include "store/sqlite_store.hpp"

namespace koers::sqlite {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Review ReadReview(const Statement& s) {
  Review r;
  r.id = s.Int(0);
  r.innovatie_id = s.Int(1);
  r.fase = s.Text(2);
  r.status = s.Text(3);
  r.pijlers = ScoresFromJson(json::parse(s.Text(4), nullptr, false), "onderbouwing");
  r.schaduwkanten = ScoresFromJson(json::parse(s.Text(5), nullptr, false), "toelichting");
  r.besluit = s.Text(6);
  r.terug_naar = s.Text(7);
  r.motivering = s.Text(8);
  r.besluitvormers = FromJsonArray(s.Text(9));
  r.budget = s.OptReal(10);
  r.doorlooptijd_maanden = s.OptInt(11);
  r.volgende_beoordeling = s.Text(12);
  r.opgesteld_door = s.Text(13);
  r.opgesteld_op = s.Text(14);
  r.vastgesteld_door = s.Text(15);
  r.vastgesteld_op = s.Text(16);
  r.versie = s.Int(17);
  return r;
}

// Binds the content columns of a review from position `p`: pijlers,
// schaduwkanten, besluit, terug_naar, motivering, besluitvormers, budget,
// doorlooptijd, volgende_beoordeling.
void BindReviewContent(Statement* s, int p, const Review& r) {
  s->Bind(p, Dump(ScoresJson(r.pijlers, "onderbouwing")));
  s->Bind(p + 1, Dump(ScoresJson(r.schaduwkanten, "toelichting")));
  s->Bind(p + 2, r.besluit, true);
  s->Bind(p + 3, r.terug_naar, true);
  s->Bind(p + 4, r.motivering, true);
  s->Bind(p + 5, Dump(json(r.besluitvormers)));
  s->Bind(p + 6, r.budget);
  s->Bind(p + 7, r.doorlooptijd_maanden);
  s->Bind(p + 8, r.volgende_beoordeling, true);
}

Uncertainty ReadUncertainty(const Statement& s) {
  Uncertainty u;
  u.id = s.Int(0);
  u.innovatie_id = s.Int(1);
  u.soort = s.Text(2);
  u.titel = s.Text(3);
  u.omschrijving = s.Text(4);
  u.eigenaar = s.Text(5);
  u.status = s.Text(6);
  u.volgorde = static_cast<int>(s.Int(7));
  u.uitkomst = s.Text(8);
  u.aangemaakt_op = s.Text(9);
  u.gewijzigd_op = s.Text(10);
  return u;
}

Result<Review> LoadReview(Connection* c, int64_t innovation_id, int64_t review_id) {
  auto s = c->Prepare(std::string(sql::kReviewSelect) + sql::kWhereReview);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, innovation_id).Bind(2, review_id);
  Status st;
  if (!s.value()->Step(&st)) return st.ok() ? NotFound("Deze beoordeling bestaat niet.") : st.error();
  return ReadReview(*s.value());
}

Result<std::vector<Review>> LoadReviews(Connection* c, int64_t innovation_id, const char* where) {
  auto s = c->Prepare(std::string(sql::kReviewSelect) + where);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, innovation_id);
  std::vector<Review> out;
  Status st;
  while (s.value()->Step(&st)) out.push_back(ReadReview(*s.value()));
  if (!st.ok()) return st.error();
  return out;
}

}  // namespace

Status SqliteStore::AuditSteering(Connection* c, const ChangeContext& change, const std::string& actie,
                                  const std::string& resource, const std::string& id, int64_t innovation_id,
                                  const json& before, const json& after) {
  std::string org;
  {
    auto s = c->Prepare(sql::kOrgOfInnovation);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, innovation_id);
    Status st;
    if (s.value()->Step(&st)) org = s.value()->Text(0);
    if (!st.ok()) return st;
  }
  json changes = JsonChanges(before, after);
  changes["innovatie"] = {{"oud", innovation_id}, {"nieuw", innovation_id}};
  AuditEntry e = AuditFor(change, actie, resource, id, org, Dump(changes));
  e.innovatie_id = innovation_id;
  return InsertAudit(c, e);
}

Result<std::vector<Review>> SqliteStore::ListReviews(int64_t innovation_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return LoadReviews(conn.value().get(), innovation_id, sql::kWhereReviewsOf);
}

Result<Review> SqliteStore::GetReview(int64_t innovation_id, int64_t review_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return LoadReview(conn.value().get(), innovation_id, review_id);
}

Result<Review> SqliteStore::CreateReview(const Review& r, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  {
    auto s = c->Prepare(sql::kInsertReview);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id).Bind(2, r.fase);
    BindReviewContent(s.value().get(), 3, r);
    s.value()->Bind(12, change.door).Bind(13, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  int64_t id = c->LastInsertId();
  auto stored = LoadReview(c, r.innovatie_id, id);
  if (!stored.ok()) return stored;
  Status st = AuditSteering(c, change, "aangemaakt", "beoordeling", std::to_string(id), r.innovatie_id, json::object(),
                            ToJson(stored.value()));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return stored;
}

Result<Review> SqliteStore::UpdateReview(const Review& r, int64_t expected_version, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  auto before = LoadReview(c, r.innovatie_id, r.id);
  if (!before.ok()) return before;
  if (before.value().status != "concept")
    return Conflict("Deze beoordeling is vastgesteld en kan niet meer veranderen. Leg een correctie vast in een nieuwe beoordeling.");
  if (expected_version > 0 && before.value().versie != expected_version)
    return Error{ErrorKind::kPreconditionFailed, "De beoordeling is intussen gewijzigd. Laad haar opnieuw.", {}};
  {
    auto s = c->Prepare(sql::kUpdateReview);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id).Bind(2, r.id).Bind(3, r.fase);
    BindReviewContent(s.value().get(), 4, r);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  auto after = LoadReview(c, r.innovatie_id, r.id);
  if (!after.ok()) return after;
  Status st = AuditSteering(c, change, "gewijzigd", "beoordeling", std::to_string(r.id), r.innovatie_id,
                            ToJson(before.value()), ToJson(after.value()));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return after;
}

Status SqliteStore::DeleteReview(int64_t innovation_id, int64_t review_id, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  auto before = LoadReview(c, innovation_id, review_id);
  if (!before.ok()) return before.status();
  if (before.value().status != "concept") return Conflict("Een vastgestelde beoordeling blijft bewaard.");
  {
    auto s = c->Prepare(sql::kDeleteReview);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, innovation_id).Bind(2, review_id);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  Status st = AuditSteering(c, change, "verwijderd", "beoordeling", std::to_string(review_id), innovation_id,
                            ToJson(before.value()), json::object());
  if (!st.ok()) return st;
  return tx.Commit();
}

Result<Review> SqliteStore::RecordDecision(const Review& r, const std::string& fase, const std::string& status,
                                           const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  auto before = LoadReview(c, r.innovatie_id, r.id);
  if (!before.ok()) return before;
  if (before.value().status != "concept") return Conflict("Over deze beoordeling is al besloten.");
  std::string current_fase, current_status;
  {
    auto s = c->Prepare(sql::kPhaseOf);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id);
    Status st;
    if (!s.value()->Step(&st)) return st.ok() ? NotFound("Deze innovatie bestaat niet.") : st.error();
    current_fase = s.value()->Text(0);
    current_status = s.value()->Text(1);
  }
  if (current_fase != r.fase)
    return Conflict("De innovatie is intussen in de fase '" + current_fase +
                    "'; deze beoordeling gaat over de fase '" + r.fase + "'.");
  {
    auto s = c->Prepare(sql::kUpdateReview);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id).Bind(2, r.id).Bind(3, r.fase);
    BindReviewContent(s.value().get(), 4, r);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  {
    auto s = c->Prepare(sql::kRecordReview);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id).Bind(2, r.id).Bind(3, change.door).Bind(4, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  {
    auto s = c->Prepare(sql::kSetPhase);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id).Bind(2, fase).Bind(3, status).Bind(4, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  if (fase != current_fase || status != current_status) {
    auto s = c->Prepare(sql::kInsertPhaseChange);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, r.innovatie_id).Bind(2, fase).Bind(3, status).Bind(4, change.op).Bind(5, change.door, true);
    s.value()->Bind(6, change.reden, true);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  auto after = LoadReview(c, r.innovatie_id, r.id);
  if (!after.ok()) return after;
  json phase_before = {{"fase", current_fase}, {"status", current_status}};
  json phase_after = {{"fase", fase}, {"status", status}};
  json a = ToJson(after.value());
  a["innovatieFase"] = phase_after;
  json b = ToJson(before.value());
  b["innovatieFase"] = phase_before;
  Status st = AuditSteering(c, change, "besluit vastgesteld", "beoordeling", std::to_string(r.id), r.innovatie_id, b, a);
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return after;
}

Result<std::vector<Uncertainty>> SqliteStore::ListUncertainties(int64_t innovation_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(std::string(sql::kUncertaintySelect) + sql::kWhereUncertaintiesOf);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, innovation_id);
  std::vector<Uncertainty> out;
  Status st;
  while (s.value()->Step(&st)) out.push_back(ReadUncertainty(*s.value()));
  if (!st.ok()) return st.error();
  SortForTackling(&out);
  return out;
}

Result<Uncertainty> SqliteStore::SaveUncertainty(const Uncertainty& u, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  auto load = [&](int64_t id) -> Result<Uncertainty> {
    auto s = c->Prepare(std::string(sql::kUncertaintySelect) + sql::kWhereUncertainty);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, u.innovatie_id).Bind(2, id);
    Status st;
    if (!s.value()->Step(&st)) return st.ok() ? NotFound("Deze onbekende of dit risico bestaat niet.") : st.error();
    return ReadUncertainty(*s.value());
  };
  json before = json::object();
  int64_t id = u.id;
  if (id == 0) {
    auto s = c->Prepare(sql::kInsertUncertainty);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, u.innovatie_id).Bind(2, u.soort).Bind(3, u.titel).Bind(4, u.omschrijving, true);
    s.value()->Bind(5, u.eigenaar, true).Bind(6, u.status).Bind(7, static_cast<int64_t>(u.volgorde));
    s.value()->Bind(8, u.uitkomst, true).Bind(9, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
    id = c->LastInsertId();
  } else {
    auto old = load(id);
    if (!old.ok()) return old;
    before = ToJson(old.value());
    auto s = c->Prepare(sql::kUpdateUncertainty);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, u.innovatie_id).Bind(2, id).Bind(3, u.soort).Bind(4, u.titel).Bind(5, u.omschrijving, true);
    s.value()->Bind(6, u.eigenaar, true).Bind(7, u.status).Bind(8, static_cast<int64_t>(u.volgorde));
    s.value()->Bind(9, u.uitkomst, true).Bind(10, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  auto after = load(id);
  if (!after.ok()) return after;
  Status st = AuditSteering(c, change, u.id == 0 ? "aangemaakt" : "gewijzigd", "onzekerheid", std::to_string(id),
                            u.innovatie_id, before, ToJson(after.value()));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return after;
}

Status SqliteStore::DeleteUncertainty(int64_t innovation_id, int64_t id, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  {
    auto s = c->Prepare(sql::kDeleteUncertainty);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, innovation_id).Bind(2, id);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  if (c->Changes() == 0) return NotFound("Deze onbekende of dit risico bestaat niet.");
  Status st = AuditSteering(c, change, "verwijderd", "onzekerheid", std::to_string(id), innovation_id,
                            json{{"id", id}}, json::object());
  if (!st.ok()) return st;
  return tx.Commit();
}

Result<BusinessCase> SqliteStore::GetBusinessCase(int64_t innovation_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kGetBusinessCase);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, innovation_id);
  BusinessCase b;
  b.innovatie_id = innovation_id;
  Status st;
  if (s.value()->Step(&st)) {
    (void)FromJson(json::parse(s.value()->Text(0), nullptr, false), &b);
    b.versie = s.value()->Int(1);
    b.gewijzigd_op = s.value()->Text(2);
    b.gewijzigd_door = s.value()->Text(3);
  }
  if (!st.ok()) return st.error();
  return b;
}

Result<BusinessCase> SqliteStore::SaveBusinessCase(const BusinessCase& bc, int64_t expected_version,
                                                   const ChangeContext& change) {
  auto before = GetBusinessCase(bc.innovatie_id);
  if (!before.ok()) return before;
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  if (expected_version > 0 && before.value().versie != expected_version)
    return Error{ErrorKind::kPreconditionFailed, "De businesscase is intussen gewijzigd. Laad haar opnieuw.", {}};
  json content = ToJson(bc);
  for (const char* managed : {"versie", "gewijzigdOp", "gewijzigdDoor"}) content.erase(managed);
  {
    auto s = c->Prepare(sql::kUpsertBusinessCase);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, bc.innovatie_id).Bind(2, Dump(content)).Bind(3, change.op).Bind(4, change.door);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  json old = ToJson(before.value());
  for (const char* managed : {"versie", "gewijzigdOp", "gewijzigdDoor"}) old.erase(managed);
  Status st = AuditSteering(c, change, "gewijzigd", "businesscase", std::to_string(bc.innovatie_id), bc.innovatie_id,
                            old, content);
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return GetBusinessCase(bc.innovatie_id);
}

Result<std::vector<Pitch>> SqliteStore::ListPitches(int64_t innovation_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kListPitches);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, innovation_id);
  std::vector<Pitch> out;
  Status st;
  while (s.value()->Step(&st)) {
    const Statement& r = *s.value();
    out.push_back(Pitch{innovation_id, static_cast<int>(r.Int(0)), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5),
                        r.Text(6)});
  }
  if (!st.ok()) return st.error();
  return out;
}

Result<Pitch> SqliteStore::AddPitch(const Pitch& p, const ChangeContext& change) {
  auto previous = ListPitches(p.innovatie_id);
  if (!previous.ok()) return previous.error();
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  {
    auto s = c->Prepare(sql::kInsertPitch);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, p.innovatie_id).Bind(2, p.behoeften, true).Bind(3, p.aanpak, true).Bind(4, p.voordelen, true);
    s.value()->Bind(5, p.alternatieven, true).Bind(6, change.op).Bind(7, change.door);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  Pitch stored = p;
  stored.versie = previous.value().empty() ? 1 : previous.value().front().versie + 1;
  stored.op = change.op;
  stored.door = change.door;
  json old = previous.value().empty() ? json::object() : ToJson(previous.value().front());
  Status st = AuditSteering(c, change, "nieuwe versie", "pitch", std::to_string(p.innovatie_id), p.innovatie_id, old,
                            ToJson(stored));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return stored;
}

Result<std::vector<MaturityEntry>> SqliteStore::ListMaturity(const std::string& org) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kListMaturity);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, org);
  std::vector<MaturityEntry> out;
  Status st;
  while (s.value()->Step(&st)) {
    const Statement& r = *s.value();
    out.push_back(MaturityEntry{r.Int(0), r.Text(1), FromJsonArray(r.Text(2)), r.Text(3), r.Text(4), r.Text(5), r.Text(6)});
  }
  if (!st.ok()) return st.error();
  return out;
}

Result<MaturityEntry> SqliteStore::AddMaturity(const MaturityEntry& m, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  {
    auto s = c->Prepare(sql::kInsertMaturity);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, m.organisatie).Bind(2, Dump(json(m.stadia))).Bind(3, m.onderbouwing).Bind(4, m.datum);
    s.value()->Bind(5, change.op).Bind(6, change.door);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  MaturityEntry stored = m;
  stored.id = c->LastInsertId();
  stored.op = change.op;
  stored.door = change.door;
  Status st = InsertAudit(c, AuditFor(change, "vastgelegd", "volwassenheid", std::to_string(stored.id), m.organisatie,
                                      Dump(JsonChanges(json::object(), ToJson(stored)))));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return stored;
}

}  // namespace koers::sqlite
