// SQLite store: accounts, roles, sessions, API tokens and the audit trail.
#include <nlohmann/json.hpp>

#include "domain/steering_json.hpp"
#include "store/sqlite_sql.hpp"
#include "store/sqlite_store.hpp"

namespace koers::sqlite {
namespace {

User ReadUser(const Statement& s) {
  User u;
  u.id = s.Int(0);
  u.email = s.Text(1);
  u.naam = s.Text(2);
  u.wachtwoord_hash = s.Text(3);
  u.oidc_issuer = s.Text(4);
  u.oidc_subject = s.Text(5);
  u.actief = s.Int(6) != 0;
  u.landelijk_beheerder = s.Int(7) != 0;
  u.aangemaakt_op = s.Text(8);
  u.laatst_ingelogd_op = s.Text(9);
  return u;
}

ApiToken ReadToken(const Statement& s) {
  return ApiToken{s.Int(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5)};
}

Status LoadRoles(Connection* c, User* u) {
  auto s = c->Prepare(sql::kRolesOfUser);
  if (!s.ok()) return s.status();
  s.value()->Bind(1, u->id);
  Status st;
  while (s.value()->Step(&st)) u->rollen.push_back({s.value()->Int(0), s.value()->Text(1), s.value()->Text(2)});
  return st;
}

// What of a user may appear in the audit trail: never the password hash.
nlohmann::json UserJson(const User& u) {
  return {{"email", u.email},
          {"naam", u.naam},
          {"actief", u.actief},
          {"landelijkBeheerder", u.landelijk_beheerder},
          {"wachtwoord", u.wachtwoord_hash.empty() ? "geen" : "ingesteld"},
          {"oidc", u.oidc_subject.empty() ? "nee" : "gekoppeld"}};
}

std::string Changes(const nlohmann::json& before, const nlohmann::json& after) {
  return JsonChanges(before, after).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<int64_t> OrgIdByCode(Connection* c, const std::string& code) {
  auto s = c->Prepare(sql::kOrganisationIdByCode);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, code);
  Status st;
  if (!s.value()->Step(&st))
    return st.ok() ? Invalid("Onbekende organisatie.", {{"organisatie", "de organisatie '" + code + "' bestaat niet"}})
                   : st.error();
  return s.value()->Int(0);
}

std::string JsonList(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

}  // namespace

Status InsertAudit(Connection* c, const AuditEntry& e) {
  auto s = c->Prepare(sql::kInsertAudit);
  if (!s.ok()) return s.status();
  s.value()->Bind(1, e.op).Bind(3, e.gebruiker).Bind(4, e.organisatie, true).Bind(5, e.actie).Bind(6, e.resource);
  if (e.gebruiker_id > 0) {
    s.value()->Bind(2, e.gebruiker_id);
  } else {
    s.value()->BindNull(2);
  }
  s.value()->Bind(7, e.resource_id, true).Bind(8, e.resultaat).Bind(9, e.wijzigingen).Bind(10, e.verzoek_id, true);
  if (e.innovatie_id > 0) {
    s.value()->Bind(11, e.innovatie_id);
  } else {
    s.value()->BindNull(11);
  }
  return s.value()->Run();
}

Result<std::string> SqliteStore::Secret(const std::string& name, const std::string& fresh) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  {
    auto s = c->Prepare(sql::kInsertSecret);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, name).Bind(2, fresh);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  std::string value;
  {
    auto s = c->Prepare(sql::kGetSecret);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, name);
    Status st;
    if (s.value()->Step(&st)) value = s.value()->Text(0);
    if (!st.ok()) return st.error();
  }
  Status st = tx.Commit();
  if (!st.ok()) return st.error();
  return value;
}

Result<User> SqliteStore::LoadUser(Connection* c, const std::string& where,
                                   const std::function<void(Statement&)>& bind) {
  User u;
  {
    auto s = c->Prepare(std::string(sql::kUserSelect) + where);
    if (!s.ok()) return s.error();
    bind(*s.value());
    Status st;
    if (!s.value()->Step(&st)) return st.ok() ? NotFound("Deze gebruiker bestaat niet.") : st.error();
    u = ReadUser(*s.value());
  }
  Status st = LoadRoles(c, &u);
  if (!st.ok()) return st.error();
  return u;
}

Result<User> SqliteStore::CreateUser(const User& user, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  {
    auto existing = LoadUser(c, sql::kWhereUserEmail, [&](Statement& s) { s.Bind(1, user.email); });
    if (existing.ok()) return Conflict("Er is al een gebruiker met dit e-mailadres.");
  }
  {
    auto s = c->Prepare(sql::kInsertUser);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, user.email).Bind(2, user.naam).Bind(3, user.wachtwoord_hash, true);
    s.value()->Bind(4, user.oidc_issuer, true).Bind(5, user.oidc_subject, true);
    s.value()->Bind(6, static_cast<int64_t>(user.actief)).Bind(7, static_cast<int64_t>(user.landelijk_beheerder));
    s.value()->Bind(8, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  int64_t id = c->LastInsertId();
  User stored = user;
  stored.id = id;
  Status st = InsertAudit(c, AuditFor(change, "aangemaakt", "gebruiker", std::to_string(id), change.organisatie,
                                      Changes(nlohmann::json::object(), UserJson(stored))));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  return LoadUser(c, sql::kWhereUserId, [&](Statement& s) { s.Bind(1, id); });
}

Result<User> SqliteStore::GetUser(int64_t id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return LoadUser(conn.value().get(), sql::kWhereUserId, [&](Statement& s) { s.Bind(1, id); });
}

Result<User> SqliteStore::FindUserByEmail(const std::string& email) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return LoadUser(conn.value().get(), sql::kWhereUserEmail, [&](Statement& s) { s.Bind(1, email); });
}

Result<User> SqliteStore::FindUserByOidc(const std::string& issuer, const std::string& subject) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  return LoadUser(conn.value().get(), sql::kWhereUserOidc, [&](Statement& s) { s.Bind(1, issuer).Bind(2, subject); });
}

Result<Listing<User>> SqliteStore::ListUsers(const UserFilter& filter, const PageRequest& page) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  std::string orgs = JsonList(filter.organisaties);
  Listing<User> out;
  Status st;
  {
    auto s = c->Prepare(std::string(sql::kCountUsers) + sql::kWhereUsersVisible);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, static_cast<int64_t>(filter.alles)).Bind(2, orgs).Bind(3, filter.zoek);
    if (s.value()->Step(&st)) out.totaal = s.value()->Int(0);
    if (!st.ok()) return st.error();
  }
  {
    auto s = c->Prepare(std::string(sql::kUserSelect) + sql::kWhereUsersVisible + sql::kUsersPage);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, static_cast<int64_t>(filter.alles)).Bind(2, orgs).Bind(3, filter.zoek);
    s.value()->Bind(4, static_cast<int64_t>(page.pagina_grootte));
    s.value()->Bind(5, static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte);
    while (s.value()->Step(&st)) out.items.push_back(ReadUser(*s.value()));
    if (!st.ok()) return st.error();
  }
  for (auto& u : out.items) {
    st = LoadRoles(c, &u);
    if (!st.ok()) return st.error();
  }
  return out;
}

Status SqliteStore::UpdateUser(const User& user, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  auto before = LoadUser(c, sql::kWhereUserId, [&](Statement& s) { s.Bind(1, user.id); });
  if (!before.ok()) return before.status();
  {
    auto s = c->Prepare(sql::kUpdateUser);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, user.id).Bind(2, user.naam).Bind(3, user.wachtwoord_hash, true);
    s.value()->Bind(4, user.oidc_issuer, true).Bind(5, user.oidc_subject, true);
    s.value()->Bind(6, static_cast<int64_t>(user.actief)).Bind(7, static_cast<int64_t>(user.landelijk_beheerder));
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  if (!user.actief) {
    auto s = c->Prepare(sql::kDeleteSessionsOfUser);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, user.id);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  std::string org = before.value().rollen.empty() ? "" : before.value().rollen.front().organisatie;
  std::string changes = Changes(UserJson(before.value()), UserJson(user));
  if (before.value().wachtwoord_hash != user.wachtwoord_hash && !user.wachtwoord_hash.empty() &&
      !before.value().wachtwoord_hash.empty()) {
    auto j = nlohmann::json::parse(changes);
    j["wachtwoord"] = {{"oud", "ingesteld"}, {"nieuw", "gewijzigd"}};
    changes = j.dump();
  }
  Status st = InsertAudit(c, AuditFor(change, "gewijzigd", "gebruiker", std::to_string(user.id), org, changes));
  if (!st.ok()) return st;
  return tx.Commit();
}

Status SqliteStore::RecordLogin(int64_t user_id, const std::string& now) {
  return Run(sql::kRecordLogin, [&](Statement& s) { s.Bind(1, user_id).Bind(2, now); });
}

Result<RoleGrant> SqliteStore::AddRole(int64_t user_id, const std::string& org, const std::string& rol,
                                       const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  auto user = LoadUser(c, sql::kWhereUserId, [&](Statement& s) { s.Bind(1, user_id); });
  if (!user.ok()) return user.error();
  auto org_id = OrgIdByCode(c, org);
  if (!org_id.ok()) return org_id.error();
  {
    auto s = c->Prepare(sql::kInsertRole);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, user_id).Bind(2, org_id.value()).Bind(3, rol);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  bool added = c->Changes() > 0;
  RoleGrant grant;
  {
    auto s = c->Prepare(sql::kFindRole);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, user_id).Bind(2, org).Bind(3, rol);
    Status st;
    if (!s.value()->Step(&st)) return st.ok() ? Internal("De rol is niet opgeslagen.") : st.error();
    grant = {s.value()->Int(0), s.value()->Text(1), s.value()->Text(2)};
  }
  if (added) {
    nlohmann::json changes = {{"rol", {{"oud", nullptr}, {"nieuw", rol + " in " + org}}}};
    Status st =
        InsertAudit(c, AuditFor(change, "rol toegekend", "gebruiker", std::to_string(user_id), org, changes.dump()));
    if (!st.ok()) return st.error();
  }
  Status st = tx.Commit();
  if (!st.ok()) return st.error();
  return grant;
}

Status SqliteStore::RemoveRole(int64_t user_id, int64_t role_id, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  RoleGrant grant;
  {
    auto s = c->Prepare(sql::kGetRole);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, role_id).Bind(2, user_id);
    Status st;
    if (!s.value()->Step(&st)) return st.ok() ? Status(NotFound("Deze rol bestaat niet.")) : st;
    grant = {s.value()->Int(0), s.value()->Text(1), s.value()->Text(2)};
  }
  Status st;
  {
    auto s = c->Prepare(sql::kDeleteRole);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, role_id).Bind(2, user_id);
    st = s.value()->Run();
    if (!st.ok()) return st;
  }
  nlohmann::json changes = {{"rol", {{"oud", grant.rol + " in " + grant.organisatie}, {"nieuw", nullptr}}}};
  st = InsertAudit(c, AuditFor(change, "rol ingetrokken", "gebruiker", std::to_string(user_id), grant.organisatie,
                               changes.dump()));
  if (!st.ok()) return st;
  return tx.Commit();
}

Status SqliteStore::CreateSession(const Session& s) {
  return Run(sql::kInsertSession, [&](Statement& st) {
    st.Bind(1, s.id_hash).Bind(2, s.gebruiker_id).Bind(3, s.csrf_token).Bind(4, s.aangemaakt_op).Bind(5, s.laatst_gebruikt_op);
  });
}

Result<Session> SqliteStore::GetSession(const std::string& id_hash) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(sql::kGetSession);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, id_hash);
  Status st;
  if (!s.value()->Step(&st)) return st.ok() ? NotFound("Geen sessie.") : st.error();
  return Session{s.value()->Text(0), s.value()->Int(1), s.value()->Text(2), s.value()->Text(3), s.value()->Text(4)};
}

Status SqliteStore::TouchSession(const std::string& id_hash, const std::string& now) {
  return Run(sql::kTouchSession, [&](Statement& s) { s.Bind(1, id_hash).Bind(2, now); });
}

Status SqliteStore::DeleteSession(const std::string& id_hash) {
  return Run(sql::kDeleteSession, [&](Statement& s) { s.Bind(1, id_hash); });
}

Status SqliteStore::DeleteExpiredSessions(const std::string& idle_before, const std::string& created_before) {
  return Run(sql::kDeleteExpiredSessions, [&](Statement& s) { s.Bind(1, idle_before).Bind(2, created_before); });
}

Result<ApiToken> SqliteStore::CreateApiToken(int64_t user_id, const std::string& naam, const std::string& token_hash,
                                             const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  {
    auto s = c->Prepare(sql::kInsertToken);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, user_id).Bind(2, naam).Bind(3, token_hash).Bind(4, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  int64_t id = c->LastInsertId();
  nlohmann::json changes = {{"naam", {{"oud", nullptr}, {"nieuw", naam}}}};
  Status st = InsertAudit(c, AuditFor(change, "aangemaakt", "token", std::to_string(id), "", changes.dump()));
  if (!st.ok()) return st.error();
  st = tx.Commit();
  if (!st.ok()) return st.error();
  auto s = c->Prepare(std::string(sql::kTokenColumns) + sql::kWhereTokenId);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, id);
  if (!s.value()->Step(&st)) return st.ok() ? Internal("Het token is niet opgeslagen.") : st.error();
  return ReadToken(*s.value());
}

Result<ApiToken> SqliteStore::FindApiToken(const std::string& token_hash) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(std::string(sql::kTokenColumns) + sql::kWhereTokenHash);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, token_hash);
  Status st;
  if (!s.value()->Step(&st)) return st.ok() ? NotFound("Onbekend of ingetrokken token.") : st.error();
  return ReadToken(*s.value());
}

Result<std::vector<ApiToken>> SqliteStore::ListApiTokens(int64_t user_id) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  auto s = conn.value()->Prepare(std::string(sql::kTokenColumns) + sql::kWhereTokensOfUser);
  if (!s.ok()) return s.error();
  s.value()->Bind(1, user_id);
  std::vector<ApiToken> out;
  Status st;
  while (s.value()->Step(&st)) out.push_back(ReadToken(*s.value()));
  if (!st.ok()) return st.error();
  return out;
}

Status SqliteStore::TouchApiToken(int64_t token_id, const std::string& now) {
  return Run(sql::kTouchToken, [&](Statement& s) { s.Bind(1, token_id).Bind(2, now); });
}

Status SqliteStore::RevokeApiToken(int64_t user_id, int64_t token_id, const ChangeContext& change) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status();
  {
    auto s = c->Prepare(sql::kRevokeToken);
    if (!s.ok()) return s.status();
    s.value()->Bind(1, token_id).Bind(2, user_id).Bind(3, change.op);
    Status st = s.value()->Run();
    if (!st.ok()) return st;
  }
  if (c->Changes() == 0) return NotFound("Dit token bestaat niet of is al ingetrokken.");
  nlohmann::json changes = {{"ingetrokken", {{"oud", false}, {"nieuw", true}}}};
  Status st = InsertAudit(c, AuditFor(change, "ingetrokken", "token", std::to_string(token_id), "", changes.dump()));
  if (!st.ok()) return st;
  return tx.Commit();
}

Status SqliteStore::SaveOidcRequest(const OidcRequest& r) {
  return Run(sql::kInsertOidcRequest, [&](Statement& s) {
    s.Bind(1, r.state_hash).Bind(2, r.nonce).Bind(3, r.code_verifier).Bind(4, r.terug_naar).Bind(5, r.aangemaakt_op);
  });
}

Result<OidcRequest> SqliteStore::TakeOidcRequest(const std::string& state_hash, const std::string& older_than) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  Transaction tx(c);
  if (!tx.status().ok()) return tx.status().error();
  std::optional<OidcRequest> found;
  {
    auto s = c->Prepare(sql::kGetOidcRequest);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, state_hash);
    Status st;
    if (s.value()->Step(&st))
      found = OidcRequest{state_hash, s.value()->Text(0), s.value()->Text(1), s.value()->Text(2), s.value()->Text(3)};
    if (!st.ok()) return st.error();
  }
  {
    auto s = c->Prepare(sql::kDeleteOidcRequest);
    if (!s.ok()) return s.error();
    s.value()->Bind(1, state_hash).Bind(2, older_than);
    Status st = s.value()->Run();
    if (!st.ok()) return st.error();
  }
  Status st = tx.Commit();
  if (!st.ok()) return st.error();
  if (!found) return NotFound("Onbekende inlogpoging.");
  return *found;  // also when older than `older_than`: the caller says it expired
}

Status SqliteStore::AppendAudit(const AuditEntry& entry) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.status();
  return InsertAudit(conn.value().get(), entry);
}

Result<Listing<AuditEntry>> SqliteStore::ListAudit(const AuditFilter& filter, const PageRequest& page) {
  auto conn = pool_.Acquire();
  if (!conn.ok()) return conn.error();
  Connection* c = conn.value().get();
  std::string orgs = JsonList(filter.organisaties);
  auto bind = [&](Statement& s) {
    s.Bind(1, static_cast<int64_t>(filter.alles)).Bind(2, orgs).Bind(3, filter.resource).Bind(4, filter.resource_id);
  };
  Listing<AuditEntry> out;
  Status st;
  {
    auto s = c->Prepare(std::string(sql::kCountAudit) + sql::kWhereAuditVisible);
    if (!s.ok()) return s.error();
    bind(*s.value());
    if (s.value()->Step(&st)) out.totaal = s.value()->Int(0);
    if (!st.ok()) return st.error();
  }
  auto s = c->Prepare(std::string(sql::kAuditColumns) + sql::kWhereAuditVisible + sql::kAuditPage);
  if (!s.ok()) return s.error();
  bind(*s.value());
  s.value()->Bind(5, static_cast<int64_t>(page.pagina_grootte));
  s.value()->Bind(6, static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte);
  while (s.value()->Step(&st)) {
    const Statement& r = *s.value();
    out.items.push_back(AuditEntry{r.Int(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7),
                                   r.Text(8), r.Text(9), r.Text(10), r.Int(11)});
  }
  if (!st.ok()) return st.error();
  return out;
}

}  // namespace koers::sqlite
