// Accounts, roles, sessions, API tokens, OIDC logins in progress and
// secrets, in SQL (areas.hpp).
#include <unordered_map>

#include "store/sql/areas.hpp"
#include "store/sql/query.hpp"
#include "store/sql/statements.hpp"

namespace koers::sql {
namespace {

namespace st = statements;

User ReadUser(RowReader& r) {
  User u;
  u.id = r.Int();
  u.email = r.Text();
  u.naam = r.Text();
  u.wachtwoord_hash = r.Text();
  u.oidc_issuer = r.Text();
  u.oidc_subject = r.Text();
  u.actief = r.Bool();
  u.landelijk_beheerder = r.Bool();
  u.aangemaakt_op = r.Text();
  u.laatst_ingelogd_op = r.Text();
  return u;
}

ApiToken ReadToken(RowReader& r) {
  ApiToken t;
  t.id = r.Int();
  t.gebruiker_id = r.Int();
  t.naam = r.Text();
  t.aangemaakt_op = r.Text();
  t.laatst_gebruikt_op = r.Text();
  t.ingetrokken_op = r.Text();
  return t;
}

std::string UserKey(int64_t id) { return "user " + std::to_string(id); }

}  // namespace

Status SqlAccounts::LoadRoles(std::vector<User>* users) {
  if (users->empty()) return Status::Ok();
  std::unordered_map<int64_t, User*> by_id;
  std::vector<int64_t> ids;
  for (auto& u : *users) {
    by_id[u.id] = &u;
    ids.push_back(u.id);
  }
  Composed q(st::kRolesOf);
  q.AddList(ids).Add(st::kRolesOrder);
  return sql::Each(c_, q, [&](RowReader& r) {
    User* u = by_id[r.Int()];
    RoleGrant g;
    g.id = r.Int();
    g.organisatie = r.Text();
    g.rol = r.Text();
    u->rollen.push_back(std::move(g));
  });
}

Result<User> SqlAccounts::OneUser(const char* where, const std::vector<Param>& params) {
  std::vector<User> found;
  Status s = EachWith(c_, std::string(st::kUserColumns) + where, params, [&](RowReader& r) {
    found.push_back(ReadUser(r));
    return false;
  });
  if (!s.ok()) return s.error();
  if (found.empty()) return NotFoundError("user");
  s = LoadRoles(&found);
  if (!s.ok()) return s.error();
  return std::move(found.front());
}

Result<int64_t> SqlAccounts::CreateUser(const User& u, TimePoint now) {
  auto existing = Scalar(c_, "SELECT count(*) FROM gebruiker WHERE email = ?1", u.email);
  if (!existing.ok()) return existing.error();
  if (existing.value().value_or(0) > 0) return ConflictError("e-mail address in use");
  auto id = Scalar(c_, st::kInsertUser, u.email, u.naam, Param::OrNull(u.wachtwoord_hash), Param::OrNull(u.oidc_issuer),
                   Param::OrNull(u.oidc_subject), u.actief, u.landelijk_beheerder, Stamp(now));
  if (!id.ok()) return id.error();
  if (!id.value()) return Error{ErrorKind::kInternal, "", {}, 0, "insert returned no id"};
  return *id.value();
}

Result<User> SqlAccounts::GetUser(int64_t id) { return OneUser(st::kWhereUserId, {id}); }

Result<User> SqlAccounts::FindUserByEmail(const std::string& email) { return OneUser(st::kWhereUserEmail, {email}); }

Result<User> SqlAccounts::FindUserByOidc(const std::string& issuer, const std::string& subject) {
  return OneUser(st::kWhereUserOidc, {issuer, subject});
}

Result<Listing<User>> SqlAccounts::ListUsers(const UserFilter& f, const PageRequest& page) {
  auto where = [&](Composed q) {
    q.Add(" WHERE ");
    if (f.alles) {
      q.Add("1 = 1");
    } else {
      q.Add("(").Add(st::kUserInOrganisations).AddList(f.organisaties).Add(")");
      if (!f.zoek.empty()) q.Add(" OR ").Add(st::kUserWaiting, f.zoek);
      q.Add(")");
    }
    if (!f.zoek.empty()) q.Add(" AND ").Add(st::kUserMatches, LikeContaining(f.zoek), LikeContaining(f.zoek));
    return q;
  };
  Listing<User> out;
  auto total = sql::Count(c_, where(Composed(st::kCountUsers)));
  if (!total.ok()) return total.error();
  out.totaal = total.value();
  Composed q = where(Composed(st::kUserColumns));
  q.Add(st::kOrderUsers).Add(" LIMIT ? OFFSET ?", page.pagina_grootte,
                             static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte);
  auto items = sql::All(c_, q, ReadUser);
  if (!items.ok()) return items.error();
  out.items = std::move(items).value();
  Status s = LoadRoles(&out.items);
  if (!s.ok()) return s.error();
  return out;
}

Status SqlAccounts::UpdateUser(const User& u) {
  auto n = Exec(c_, st::kUpdateUser, u.id, u.naam, Param::OrNull(u.wachtwoord_hash), Param::OrNull(u.oidc_issuer),
                Param::OrNull(u.oidc_subject), u.actief, u.landelijk_beheerder);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError(UserKey(u.id));
  return Status::Ok();
}

Status SqlAccounts::RecordLogin(int64_t user_id, TimePoint now) {
  auto n = Exec(c_, st::kRecordLogin, user_id, Stamp(now));
  return n.ok() ? Status::Ok() : n.status();
}

Result<RoleGrant> SqlAccounts::AddRole(int64_t user_id, const std::string& org, const std::string& rol) {
  auto org_id = orgs_.IdOf(org, "organisatie");
  if (!org_id.ok()) return org_id.error();
  auto n = Exec(c_, st::kInsertRole, user_id, org_id.value(), rol);
  if (!n.ok()) return n.error();
  auto grant = One(c_, st::kFindRole, [](RowReader& r) {
    RoleGrant g;
    g.id = r.Int();
    g.organisatie = r.Text();
    g.rol = r.Text();
    return g;
  }, user_id, org, rol);
  if (!grant.ok()) return grant.error();
  if (!grant.value()) return NotFoundError(UserKey(user_id));
  return std::move(*grant.value());
}

Status SqlAccounts::RemoveRole(int64_t user_id, int64_t role_id) {
  auto n = Exec(c_, st::kDeleteRole, role_id, user_id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("role " + std::to_string(role_id));
  return Status::Ok();
}

Status SqlAccounts::CreateSession(const Session& s) {
  auto n = Exec(c_, st::kInsertSession, s.id_hash, s.gebruiker_id, s.csrf_token, s.aangemaakt_op, s.laatst_gebruikt_op);
  return n.ok() ? Status::Ok() : n.status();
}

Result<Session> SqlAccounts::GetSession(const std::string& id_hash) {
  auto s = One(c_, st::kGetSession, [](RowReader& r) {
    Session s;
    s.id_hash = r.Text();
    s.gebruiker_id = r.Int();
    s.csrf_token = r.Text();
    s.aangemaakt_op = r.Text();
    s.laatst_gebruikt_op = r.Text();
    return s;
  }, id_hash);
  if (!s.ok()) return s.error();
  if (!s.value()) return NotFoundError("session");
  return std::move(*s.value());
}

Status SqlAccounts::TouchSession(const std::string& id_hash, TimePoint now) {
  auto n = Exec(c_, st::kTouchSession, id_hash, Stamp(now));
  return n.ok() ? Status::Ok() : n.status();
}

Status SqlAccounts::DeleteSession(const std::string& id_hash) {
  auto n = Exec(c_, st::kDeleteSession, id_hash);
  return n.ok() ? Status::Ok() : n.status();
}

Status SqlAccounts::DeleteSessionsOf(int64_t user_id) {
  auto n = Exec(c_, st::kDeleteSessionsOf, user_id);
  return n.ok() ? Status::Ok() : n.status();
}

Status SqlAccounts::DeleteExpiredSessions(TimePoint idle_before, TimePoint created_before) {
  auto n = Exec(c_, st::kDeleteExpiredSessions, Stamp(idle_before), Stamp(created_before));
  return n.ok() ? Status::Ok() : n.status();
}

Result<ApiToken> SqlAccounts::CreateToken(int64_t user_id, const std::string& naam, const std::string& token_hash,
                                          TimePoint now) {
  auto id = Scalar(c_, st::kInsertToken, user_id, naam, token_hash, Stamp(now));
  if (!id.ok()) return id.error();
  auto token = One(c_, std::string(st::kTokenColumns) + st::kWhereTokenId, ReadToken, id.value().value_or(0));
  if (!token.ok()) return token.error();
  if (!token.value()) return Error{ErrorKind::kInternal, "", {}, 0, "token not stored"};
  return std::move(*token.value());
}

Result<ApiToken> SqlAccounts::FindToken(const std::string& token_hash) {
  auto token = One(c_, std::string(st::kTokenColumns) + st::kWhereTokenHash, ReadToken, token_hash);
  if (!token.ok()) return token.error();
  if (!token.value()) return NotFoundError("token");
  return std::move(*token.value());
}

Result<std::vector<ApiToken>> SqlAccounts::ListTokens(int64_t user_id) {
  return sql::All(c_, std::string(st::kTokenColumns) + st::kWhereTokensOf, ReadToken, user_id);
}

Status SqlAccounts::TouchToken(int64_t token_id, TimePoint now) {
  auto n = Exec(c_, st::kTouchToken, token_id, Stamp(now));
  return n.ok() ? Status::Ok() : n.status();
}

Status SqlAccounts::RevokeToken(int64_t user_id, int64_t token_id, TimePoint now) {
  auto n = Exec(c_, st::kRevokeToken, token_id, user_id, Stamp(now));
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("token " + std::to_string(token_id));
  return Status::Ok();
}

Status SqlAccounts::SaveOidcRequest(const OidcRequest& r) {
  auto n = Exec(c_, st::kInsertOidcRequest, r.state_hash, r.nonce, r.code_verifier, r.terug_naar, Stamp(r.aangemaakt_op));
  return n.ok() ? Status::Ok() : n.status();
}

Result<OidcRequest> SqlAccounts::TakeOidcRequest(const std::string& state_hash, TimePoint older_than) {
  auto found = One(c_, st::kGetOidcRequest, [&](RowReader& r) {
    OidcRequest o;
    o.state_hash = state_hash;
    o.nonce = r.Text();
    o.code_verifier = r.Text();
    o.terug_naar = r.Text();
    if (!ParseTimestamp(r.Text(), &o.aangemaakt_op)) o.aangemaakt_op = TimePoint{};
    return o;
  }, state_hash);
  if (!found.ok()) return found.error();
  auto n = Exec(c_, st::kDeleteOidcRequests, state_hash, Stamp(older_than));
  if (!n.ok()) return n.error();
  if (!found.value()) return NotFoundError("oidc request");
  return std::move(*found.value());
}

Result<std::string> SqlAccounts::Secret(const std::string& name, const std::string& fresh) {
  auto n = Exec(c_, st::kInsertSecret, name, fresh);
  if (!n.ok()) return n.error();
  auto value = One(c_, st::kGetSecret, [](RowReader& r) { return r.Text(); }, name);
  if (!value.ok()) return value.error();
  if (!value.value()) return Error{ErrorKind::kInternal, "", {}, 0, "secret not stored"};
  return std::move(*value.value());
}

}  // namespace koers::sql
