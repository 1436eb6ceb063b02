// SQLite store: organisations and innovations. Each public method is one
// transaction; see docs/store.md for the tables.
#include "store/sqlite_store.hpp"

#include <cstdlib>
#include <set>
#include <nlohmann/json.hpp>

#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/innovation_json.hpp"
#include "store/sqlite_schema.hpp"
#include "store/sqlite_sql.hpp"

namespace koers::sqlite {
namespace {

std::string ToJsonArray(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

Error NotFoundInnovation(int64_t id) { return NotFound("Innovatie " + std::to_string(id) + " bestaat niet."); }

Organisation ReadOrganisation(const Statement& s) {
  Organisation o;
  o.id = s.Int(0);
  o.code = s.Text(1);
  o.naam = s.Text(2);
  o.soort = s.Text(3);
  o.tooi = s.Text(4);
  o.aangemaakt_op = s.Text(5);
  return o;
}

// Column order of sql::kInnovationSelect.
Innovation ReadInnovation(const Statement& s) {
  Innovation in;
  int c = 0;
  in.id = s.Int(c++);
  in.organisatie = s.Text(c++);
  in.organisatie_naam = s.Text(c++);
  in.titel = s.Text(c++);
  in.samenvatting = s.Text(c++);
  in.opgave = s.Text(c++);
  in.urgentie = s.Text(c++);
  in.doel = s.Text(c++);
  in.domein = s.Text(c++);
  in.fase = s.Text(c++);
  in.status = s.Text(c++);
  in.innovatie_type = s.Text(c++);
  in.innovatie_niveau = s.Text(c++);
  in.trl = s.OptInt(c++);
  in.analyse_niveau = s.Text(c++);
  in.orientatie = s.Text(c++);
  in.waardecreatie = s.Text(c++);
  in.waardepotentie = s.Text(c++);
  in.start_datum = s.Text(c++);
  in.kosten_extern = s.OptReal(c++);
  in.interne_uren = s.OptReal(c++);
  in.inkoop_route = s.Text(c++);
  in.zichtbaarheid = s.Text(c++);
  in.tags = FromJsonArray(s.Text(c++));
  in.technieken = FromJsonArray(s.Text(c++));
  in.databronnen = FromJsonArray(s.Text(c++));
  in.waarde_soorten = FromJsonArray(s.Text(c++));
  in.opgeschaald_naar = FromJsonArray(s.Text(c++));
  in.referentie = s.Text(c++);
  if (!s.IsNull(c)) {
    Source b;
    b.registry = s.Text(c);
    b.id = s.Text(c + 1);
    b.url = s.Text(c + 2);
    b.status = s.Text(c + 3);
    b.geregistreerd = s.Text(c + 4);
    in.bron = std::move(b);
  }
  c += 5;
  in.versie = s.Int(c++);
  in.aangemaakt_op = s.Text(c++);
  in.gewijzigd_op = s.Text(c++);
  in.aangemaakt_door = s.Int(c++);
  return in;
}

// Binds ?1..?33 of kInsertInnovation / kUpdateInnovation.
void BindInnovation(Statement* s, const Innovation& in, int64_t org_id, const std::string& now) {
  int p = 1;
  s->Bind(p++, org_id);
  s->Bind(p++, in.titel);
  s->Bind(p++, in.samenvatting, true);
  s->Bind(p++, in.opgave, true);
  s->Bind(p++, in.urgentie, true);
  s->Bind(p++, in.doel, true);
  s->Bind(p++, in.domein, true);
  s->Bind(p++, in.fase);
  s->Bind(p++, in.status);
  s->Bind(p++, in.innovatie_type, true);
  s->Bind(p++, in.innovatie_niveau, true);
  s->Bind(p++, in.trl);
  s->Bind(p++, in.analyse_niveau, true);
  s->Bind(p++, in.orientatie, true);
  s->Bind(p++, in.waardecreatie, true);
  s->Bind(p++, in.waardepotentie, true);
  s->Bind(p++, in.start_datum, true);
  s->Bind(p++, in.kosten_extern);
  s->Bind(p++, in.interne_uren);
  s->Bind(p++, in.inkoop_route, true);
  s->Bind(p++, in.zichtbaarheid);
  s->Bind(p++, ToJsonArray(in.tags));
  s->Bind(p++, ToJsonArray(in.technieken));
  s->Bind(p++, ToJsonArray(in.databronnen));
  s->Bind(p++, ToJsonArray(in.waarde_soorten));
  s->Bind(p++, ToJsonArray(in.opgeschaald_naar));
  s->Bind(p++, in.referentie, true);
  if (in.bron) {
    s->Bind(p++, in.bron->registry);
    s->Bind(p++, in.bron->id);
    s->Bind(p++, in.bron->url, true);
    s->Bind(p++, in.bron->status, true);
    s->Bind(p++, in.bron->geregistreerd, true);
  } else {
    for (int i = 0; i < 5; ++i) s->BindNull(p++);
  }
  s->Bind(p++, now);
}

// Binds kFilterVisible's five parameters from position `p` on.
int BindViewer(Statement* s, int p, const ViewerScope& v) {
  s->Bind(p++, static_cast<int64_t>(v.alles ? 1 : 0));
  for (int i = 0; i < 4; ++i) s->Bind(p++, v.gebruiker_id);
  return p;
}

Result<int64_t> OrgId(Connection* c, const std::string& code, const std::string& field) {
  auto s = c->Prepare(sql::kOrganisationIdByCode);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, code);
  Status st;
  if (!s.value()->Step(&st)) {
    if (!st.ok()) return st.error();
    return Invalid("De innovatie verwijst naar een onbekende organisatie.",
                   {{field, "de organisatie '" + code + "' bestaat niet"}});
  }
  return s.value()->Int(0);
}

Status LoadChildren(Connection* c, Innovation* in) {
  Status st;
  {
    auto p = c->Prepare(sql::kSelectPartners);
    if (!p.ok()) return p.status();
    p.value()->Bind(1, in->id);
    while (p.value()->Step(&st)) in->partners.push_back(p.value()->Text(0));
    if (!st.ok()) return st;
  }
  {
    auto t = c->Prepare(sql::kSelectTeam);
    if (!t.ok()) return t.status();
    t.value()->Bind(1, in->id);
    while (t.value()->Step(&st)) {
      TeamMember m{t.value()->Text(0), t.value()->Text(1), FromJsonArray(t.value()->Text(2)), t.value()->Text(3),
                   t.value()->Int(4)};
      in->team.push_back(std::move(m));
    }
    if (!st.ok()) return st;
  }
  auto h = c->Prepare(sql::kSelectPhaseChanges);
  if (!h.ok()) return h.status();
  h.value()->Bind(1, in->id);
  while (h.value()->Step(&st))
    in->fase_historie.push_back(
        {h.value()->Text(0), h.value()->Text(1), h.value()->Text(2), h.value()->Text(3), h.value()->Text(4)});
  return st;
}

Result<Innovation> LoadInnovation(Connection* c, int64_t id) {
  Innovation in;
  {
    auto s = c->Prepare(std::string(sql::kInnovationSelect) + sql::kWhereId);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, id);
    Status st;
    if (!s.value()->Step(&st)) return st.ok() ? NotFoundInnovation(id) : st.error();
    in = ReadInnovation(*s.value());
  }
  Status st = LoadChildren(c, &in);
  if (!st.ok()) return st.error();
  return in;
}

Status WriteChildren(Connection* c, int64_t id, const Innovation& in) {
  for (const char* q : {sql::kDeletePartners, sql::kDeleteTeam}) {
    auto s = c->Prepare(q);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, id);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  for (size_t i = 0; i < in.partners.size(); ++i) {
    auto org = OrgId(c, in.partners[i], "partners[" + std::to_string(i) + "]");
    if (!org.ok()) return org.status();
    auto s = c->Prepare(sql::kInsertPartner);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, id).Bind(2, org.value());
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  for (size_t i = 0; i < in.team.size(); ++i) {
    auto s = c->Prepare(sql::kInsertTeamMember);
    if (!s.ok()) return s.status();
    const auto& m = in.team[i];
    s.value()->Bind(1, id).Bind(2, static_cast<int64_t>(i)).Bind(3, m.naam).Bind(4, m.rol).Bind(
        5, ToJsonArray(m.archetypen));
    if (m.gebruiker_id > 0) {
      s.value()->Bind(6, m.gebruiker_id);
    } else {
      s.value()->BindNull(6);
    }
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

Status AddPhaseChange(Connection* c, int64_t id, const PhaseChange& p) {
  auto s = c->Prepare(sql::kInsertPhaseChange);
  if (!s.ok()) return s.status();
  s.value()->Bind(1, id).Bind(2, p.fase).Bind(3, p.status).Bind(4, p.op).Bind(5, p.door, true).Bind(6, p.reden, true);
  return s.value()->Run();
}

Status AuditInnovation(Connection* c, const ChangeContext& change, const char* actie, int64_t id,
                       const Innovation* before, const Innovation* after) {
  const Innovation* any = after ? after : before;
  AuditEntry e = AuditFor(change, actie, "innovatie", std::to_string(id), any->organisatie,
                          InnovationChanges(before, after).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  e.innovatie_id = id;
  return InsertAudit(c, e);
}

}  // namespace

std::vector<std::string> FromJsonArray(const std::string& text) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& item : j)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

Result<int64_t> InsertInnovation(Connection* c, const Innovation& in, const ChangeContext& change) {
  auto org = OrgId(c, in.organisatie, "organisatie");
  if (!org.ok()) return org.error();
  {
    auto s = c->Prepare(sql::kInsertInnovation);
    if (!s.ok()) return s.error();
    BindInnovation(s.value().get(), in, org.value(), change.op);
    if (change.gebruiker_id > 0) {
      s.value()->Bind(34, change.gebruiker_id);
    } else {
      s.value()->BindNull(34);
    }
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  int64_t id = c->LastInsertId();
  Status st = WriteChildren(c, id, in);
  if (!st.ok()) return st.error();
  // Trusted callers (import, demo) may pass the real start of the current
  // phase; otherwise the phase starts now.
  std::vector<PhaseChange> history = in.fase_historie;
  if (history.empty()) history.push_back({in.fase, in.status, change.op, change.door, change.reden});
  for (const auto& p : history) {
    st = AddPhaseChange(c, id, p);
    if (!st.ok()) return st.error();
  }
  st = AuditInnovation(c, change, "aangemaakt", id, nullptr, &in);
  if (!st.ok()) return st.error();
  return id;
}

namespace {

Status Update(Connection* c, const Innovation& current, const Innovation& in, const ChangeContext& change) {
  auto org = OrgId(c, in.organisatie, "organisatie");
  if (!org.ok()) return org.status();
  {
    auto s = c->Prepare(sql::kUpdateInnovation);
    if (!s.ok()) return s.status();
    BindInnovation(s.value().get(), in, org.value(), change.op);
    s.value()->Bind(34, current.id);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  Status st = WriteChildren(c, current.id, in);
  if (!st.ok()) return st;
  if (current.fase != in.fase || current.status != in.status) {
    st = AddPhaseChange(c, current.id, {in.fase, in.status, change.op, change.door, change.reden});
    if (!st.ok()) return st;
  }
  return AuditInnovation(c, change, "gewijzigd", current.id, &current, &in);
}

// The stored innovation an import item updates, if any (with children).
Result<std::optional<Innovation>> FindImported(Connection* c, const Innovation& in) {
  std::optional<Innovation> found;
  {
    auto s = c->Prepare(std::string(sql::kInnovationSelect) + (in.bron ? sql::kWhereSource : sql::kWhereReference));
    if (!s.ok()) return s.error();
    if (in.bron) {
      s.value()->Bind(1, in.bron->registry).Bind(2, in.bron->id);
    } else {
      s.value()->Bind(1, in.referentie);
    }
    Status st;
    if (s.value()->Step(&st)) found = ReadInnovation(*s.value());
    if (!st.ok()) return st.error();
  }
  if (found) {
    Status st = LoadChildren(c, &*found);
    if (!st.ok()) return st.error();
  }
  return found;
}

// A register owns only some fields of an imported innovation; everything
// else is Koers's own and survives a re-import. A reference case file owns
// every field.
Innovation MergeImported(const Innovation& existing, const Innovation& incoming) {
  Innovation m = existing;
  if (incoming.bron) {
    m.titel = incoming.titel;
    m.doel = incoming.doel;
    m.organisatie = incoming.organisatie;
    m.fase = incoming.fase;
    m.status = incoming.status;
    m.bron = incoming.bron;
    return m;
  }
  m = incoming;
  m.id = existing.id;
  m.versie = existing.versie;
  m.aangemaakt_op = existing.aangemaakt_op;
  m.aangemaakt_door = existing.aangemaakt_door;
  m.gewijzigd_op = existing.gewijzigd_op;
  m.organisatie_naam = existing.organisatie_naam;
  m.fase_historie = existing.fase_historie;
  return m;
}

std::vector<int64_t> ParseIds(const std::string& csv, std::vector<int64_t>* projectleiders) {
  std::vector<int64_t> ids;
  for (const auto& item : Split(csv, ',')) {
    if (item.empty()) continue;
    size_t colon = item.find(':');
    int64_t id = std::atoll(item.substr(0, colon).c_str());
    ids.push_back(id);
    if (projectleiders && colon != std::string::npos && item.substr(colon + 1) == "projectleider")
      projectleiders->push_back(id);
  }
  return ids;
}

}  // namespace

AuditEntry AuditFor(const ChangeContext& change, std::string actie, std::string resource, std::string resource_id,
                    std::string organisatie, std::string wijzigingen) {
  AuditEntry e;
  e.op = change.op;
  e.gebruiker_id = change.gebruiker_id;
  e.gebruiker = change.account.empty() ? change.door : change.account;
  e.organisatie = std::move(organisatie);
  e.actie = std::move(actie);
  e.resource = std::move(resource);
  e.resource_id = std::move(resource_id);
  e.resultaat = "gelukt";
  e.wijzigingen = std::move(wijzigingen);
  e.verzoek_id = change.verzoek_id;
  return e;
}

Status SqliteStore::Init() {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  return Migrate(conn.value().get());
}

Status SqliteStore::Run(const char* q, const std::function<void(Statement&)>& bind) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  auto s = conn.value()->Prepare(q);
  if (!s.ok()) return s.status();
  bind(*s.value());
  return s.value()->Run();
}

Result<int64_t> SqliteStore::ChangeCounter() {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kChangeCounter);
  if (!s.ok()) return s.error();
  Status st;
  if (!s.value()->Step(&st)) return st.ok() ? Internal("De wijzigingsteller ontbreekt.") : st.error();
  return s.value()->Int(0);
}

// --- organisations -------------------------------------------------------------

namespace {
Result<Organisation> QueryOrganisation(ConnectionPool* pool, const char* q, const std::string& key,
                                       const std::string& not_found) {
  auto conn = pool->Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(q);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, key);
  Status st;
  if (!s.value()->Step(&st)) return st.ok() ? NotFound(not_found) : st.error();
  return ReadOrganisation(*s.value());
}
}  // namespace

Result<Organisation> SqliteStore::GetOrganisation(const std::string& code) {
  return QueryOrganisation(&pool_, sql::kGetOrganisation, code, "De organisatie '" + code + "' bestaat niet.");
}

Result<Organisation> SqliteStore::FindOrganisationByName(const std::string& naam) {
  return QueryOrganisation(&pool_, sql::kFindOrganisationByName, naam, "Geen organisatie met deze naam.");
}

Result<Listing<Organisation>> SqliteStore::ListOrganisations(const OrganisationFilter& filter,
                                                             const PageRequest& page) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Listing<Organisation> out;
  Status st;
  {
    auto s = conn.value()->Prepare(sql::kCountOrganisations);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, filter.soort).Bind(2, filter.naam);
    if (s.value()->Step(&st)) out.totaal = s.value()->Int(0);
    if (!st.ok()) return st.error();
  }
  auto s = conn.value()->Prepare(sql::kListOrganisations);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, filter.soort).Bind(2, filter.naam);
  s.value()->Bind(3, static_cast<int64_t>(page.pagina_grootte));
  s.value()->Bind(4, static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte);
  while (s.value()->Step(&st)) out.items.push_back(ReadOrganisation(*s.value()));
  if (!st.ok()) return st.error();
  return out;
}

Result<int> SqliteStore::AddOrganisations(const std::vector<Organisation>& orgs, const std::string& now) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Transaction tx(conn.value().get());
  if (!tx.status().ok()) return tx.status().error();
  int added = 0;
  for (const auto& o : orgs) {
    auto s = conn.value()->Prepare(sql::kInsertOrganisationIfNew);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, o.code).Bind(2, o.naam).Bind(3, o.soort).Bind(4, o.tooi, true).Bind(5, now);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
    added += conn.value()->Changes();
  }
  Status st = tx.Commit();
  if (!st.ok()) return st.error();
  return added;
}

// --- innovations ---------------------------------------------------------------

Result<Innovation> SqliteStore::GetInnovation(int64_t id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return LoadInnovation(conn.value().get(), id);
}

Result<InnovationHeader> SqliteStore::GetInnovationHeader(int64_t id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kInnovationHeader);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, id);
  Status st;
  if (!s.value()->Step(&st)) return st.ok() ? NotFoundInnovation(id) : st.error();
  InnovationHeader h;
  h.id = s.value()->Int(0);
  h.versie = s.value()->Int(1);
  h.facts.organisatie = s.value()->Text(2);
  h.facts.zichtbaarheid = s.value()->Text(3);
  h.facts.aangemaakt_door = s.value()->Int(4);
  for (const auto& code : Split(s.value()->Text(5), ','))
    if (!code.empty()) h.facts.partners.push_back(code);
  h.facts.team = ParseIds(s.value()->Text(6), &h.facts.projectleiders);
  return h;
}

Result<Listing<Innovation>> SqliteStore::ListInnovations(const InnovationFilter& f, const PageRequest& page) {
  std::string where = std::string(" WHERE ") + sql::kFilterVisible;
  std::vector<std::string> values;
  auto add = [&](const char* fragment, const std::string& value) {
    if (value.empty()) return;
    where += " AND ";
    where += fragment;
    values.push_back(value);
  };
  add(sql::kFilterOrganisation, f.organisatie);
  add(sql::kFilterDomain, f.domein);
  add(sql::kFilterPhase, f.fase);
  add(sql::kFilterStatus, f.status);
  add(sql::kFilterType, f.innovatie_type);
  add(sql::kFilterLevel, f.innovatie_niveau);
  add(sql::kFilterAnalytics, f.analyse_niveau);
  add(sql::kFilterVisibility, f.zichtbaarheid);
  if (f.registry == "-") {
    where += " AND ";
    where += sql::kFilterNoRegister;
  } else {
    add(sql::kFilterRegister, f.registry);
  }
  const char* order = sql::kOrderTitle;
  if (f.sorteer == "-titel") order = sql::kOrderTitleDesc;
  if (f.sorteer == "gewijzigdOp") order = sql::kOrderChanged;
  if (f.sorteer == "-gewijzigdOp") order = sql::kOrderChangedDesc;
  if (f.sorteer == "id") order = sql::kOrderId;
  if (f.sorteer == "-id") order = sql::kOrderIdDesc;

  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Listing<Innovation> out;
  Status st;
  {
    auto s = c->Prepare(std::string(sql::kInnovationCountFrom) + where);
    if (!s.ok()) return s.error();
    int p = BindViewer(s.value().get(), 1, f.viewer);
    for (const auto& v : values) s.value()->Bind(p++, v);
    if (s.value()->Step(&st)) out.totaal = s.value()->Int(0);
    if (!st.ok()) return st.error();
  }
  auto s = c->Prepare(std::string(sql::kInnovationSelect) + where + order + sql::kLimitOffset);
  if (!s.ok()) return s.error();
  int p = BindViewer(s.value().get(), 1, f.viewer);
  for (const auto& v : values) s.value()->Bind(p++, v);
  s.value()->Bind(p++, static_cast<int64_t>(page.pagina_grootte));
  s.value()->Bind(p++, static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte);
  while (s.value()->Step(&st)) out.items.push_back(ReadInnovation(*s.value()));
  if (!st.ok()) return st.error();
  return out;
}

Result<std::vector<CountRow>> SqliteStore::CountInnovations(const std::string& group_by, const ViewerScope& viewer) {
  const char* head = nullptr;
  const char* tail = nullptr;
  if (group_by == "fase") {
    head = sql::kCountByPhase;
    tail = sql::kGroupByPhase;
  } else if (group_by == "status") {
    head = sql::kCountByStatus;
    tail = sql::kGroupByStatus;
  } else if (group_by == "domein") {
    head = sql::kCountByDomain;
    tail = sql::kGroupByDomain;
  } else {
    return Invalid("Onbekende groepering.");
  }
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(std::string(head) + sql::kFilterVisible + tail);
  if (!s.ok()) return s.error();
  BindViewer(s.value().get(), 1, viewer);
  std::vector<CountRow> out;
  Status st;
  while (s.value()->Step(&st)) out.push_back({s.value()->Text(0), s.value()->Int(1)});
  if (!st.ok()) return st.error();
  return out;
}

Result<Innovation> SqliteStore::CreateInnovation(const Innovation& in, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  auto id = InsertInnovation(c, in, change);
  if (!id.ok()) return id.error();
  Status st = tx.Commit();
  if (!st.ok()) return st.error();
  return LoadInnovation(c, id.value());
}

Result<Innovation> SqliteStore::UpdateInnovation(const Innovation& in, int64_t expected_version,
                                                 const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  auto current = LoadInnovation(c, in.id);
  if (!current.ok()) return current.error();
  if (expected_version > 0 && current.value().versie != expected_version)
    return Error{ErrorKind::kPreconditionFailed,
                 "De innovatie is intussen door iemand anders gewijzigd (versie " +
                     std::to_string(current.value().versie) + "). Laad haar opnieuw en probeer het nog eens.",
                 {}};
  Status st = Update(c, current.value(), in, change);
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return LoadInnovation(c, in.id);
}

Status SqliteStore::DeleteInnovation(int64_t id, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  auto current = LoadInnovation(c, id);
  if (!current.ok()) return current.status();
  {
    auto s = c->Prepare(sql::kDeleteInnovation);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, id);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  Status st = AuditInnovation(c, change, "verwijderd", id, &current.value(), nullptr);
  if (!st.ok()) return st;
  return tx.Commit();
}

Result<ImportCounts> SqliteStore::ImportInnovations(const std::vector<Organisation>& new_orgs,
                                                    const std::vector<Innovation>& items,
                                                    const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  for (const auto& o : new_orgs) {
    auto s = c->Prepare(sql::kInsertOrganisationIfNew);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, o.code).Bind(2, o.naam).Bind(3, o.soort).Bind(4, o.tooi, true).Bind(5, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  ImportCounts counts;
  for (const auto& in : items) {
    auto existing = FindImported(c, in);
    if (!existing.ok()) return existing.error();
    if (!existing.value()) {
      auto id = InsertInnovation(c, in, change);
      if (!id.ok()) return id.error();
      ++counts.toegevoegd;
      continue;
    }
    const Innovation& old = *existing.value();
    Innovation merged = MergeImported(old, in);
    if (InnovationChanges(&old, &merged).empty()) {
      ++counts.ongewijzigd;
      continue;
    }
    Status st = Update(c, old, merged, change);
    if (!st.ok()) return st.error();
    ++counts.gewijzigd;
  }
  Status st = tx.Commit();
  if (!st.ok()) return st.error();
  return counts;
}

Result<SearchQueue> SqliteStore::PendingSearchUpdates(int limit) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kSearchQueue);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, static_cast<int64_t>(limit));
  SearchQueue out;
  std::set<int64_t> seen;
  Status st;
  while (s.value()->Step(&st)) {
    out.last = s.value()->Int(0);
    if (seen.insert(s.value()->Int(1)).second) out.ids.push_back(s.value()->Int(1));
  }
  if (!st.ok()) return st.error();
  return out;
}

Status SqliteStore::ClearSearchUpdates(int64_t last) {
  return Run(sql::kClearSearchQueue, [&](Statement& s) { s.Bind(1, last); });
}

Result<std::vector<int64_t>> SqliteStore::InnovationIds(int64_t after, int limit) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kAllInnovationIds);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, after).Bind(2, static_cast<int64_t>(limit));
  std::vector<int64_t> out;
  Status st;
  while (s.value()->Step(&st)) out.push_back(s.value()->Int(0));
  if (!st.ok()) return st.error();
  return out;
}

Result<std::vector<SteeringRow>> SqliteStore::ListSteering(const std::string& org, const ViewerScope& viewer) {
  std::vector<SteeringRow> rows;
  {
    auto conn = pool_.Acquire();
    if (!conn.ok()) return conn.error();
    Connection* c = conn.value().get();
    {
      auto s = c->Prepare(std::string(sql::kInnovationSelect) + " WHERE " + sql::kFilterVisible + " AND " +
                          sql::kFilterOrganisation + sql::kOrderTitle);
      if (!s.ok()) return s.error();
      int p = BindViewer(s.value().get(), 1, viewer);
      s.value()->Bind(p, org);
      Status st;
      while (s.value()->Step(&st)) rows.push_back({ReadInnovation(*s.value()), {}});
      if (!st.ok()) return st.error();
    }
    for (auto& row : rows) {
      Status st = LoadChildren(c, &row.innovatie);
      if (!st.ok()) return st.error();
    }
  }
  for (auto& row : rows) {
    auto reviews = ListReviews(row.innovatie.id);
    if (!reviews.ok()) return reviews.error();
    for (auto& r : reviews.value())
      if (r.status == "vastgesteld") row.besluiten.push_back(std::move(r));
    std::stable_sort(row.besluiten.begin(), row.besluiten.end(),
                     [](const Review& a, const Review& b) { return a.vastgesteld_op < b.vastgesteld_op; });
  }
  return rows;
}

}  // namespace koers::sqlite

namespace koers {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  auto store = std::make_unique<sqlite::SqliteStore>(path);
  Status st = store->Init();
  if (!st.ok()) return st.error();
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace koers
