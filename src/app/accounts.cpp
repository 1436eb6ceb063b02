#include "app/accounts.hpp"

#include <nlohmann/json.hpp>

#include "app/not_found.hpp"
#include "core/crypto.hpp"
#include "core/file_io.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/steering_json.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

Error LoginNeeded() { return Error{ErrorKind::kUnauthenticated, "Log in om verder te gaan.", {}}; }
Error BadLogin() {
  return Error{ErrorKind::kUnauthenticated, "Het e-mailadres of het wachtwoord klopt niet.", {}};
}

bool SameGrant(const RoleGrant& a, const RoleGrant& b) { return a.organisatie == b.organisatie && a.rol == b.rol; }

// What of a user may appear in the audit trail: never the password hash.
nlohmann::json UserAuditJson(const User& u) {
  return {{"email", u.email},
          {"naam", u.naam},
          {"actief", u.actief},
          {"landelijkBeheerder", u.landelijk_beheerder},
          {"wachtwoord", u.wachtwoord_hash.empty() ? "geen" : "ingesteld"},
          {"oidc", u.oidc_subject.empty() ? "nee" : "gekoppeld"}};
}

Error WordedUser(Error e) {
  if (e.kind == ErrorKind::kNotFound) return NotFoundError(Missing::kUser);
  if (e.kind == ErrorKind::kConflict && e.message.empty()) e.message = "Dit e-mailadres is al in gebruik.";
  if (e.kind == ErrorKind::kInvalid && e.message.empty()) {
    e.message = "Onbekende organisatie.";
    for (auto& p : e.problems)
      if (p.message.empty()) p.message = "deze organisatie bestaat niet";
  }
  return e;
}

// Saves `user` with its audit entry; a disabled account loses its sessions
// in the same unit of work.
Status SaveUser(Work& w, const User& before, const User& user, const ChangeContext& change) {
  Status st = w.accounts().UpdateUser(user);
  if (st.ok() && !user.actief) st = w.accounts().DeleteSessionsOf(user.id);
  if (!st.ok()) return st;
  nlohmann::json changes = JsonChanges(UserAuditJson(before), UserAuditJson(user));
  if (before.wachtwoord_hash != user.wachtwoord_hash && !user.wachtwoord_hash.empty() && !before.wachtwoord_hash.empty())
    changes["wachtwoord"] = {{"oud", "ingesteld"}, {"nieuw", "gewijzigd"}};
  std::string org = before.rollen.empty() ? "" : before.rollen.front().organisatie;
  return w.audit().Append(AuditFor(change, "gewijzigd", "gebruiker", std::to_string(user.id), org, changes));
}

// Grants `org`/`rol` to `user_id` with its audit entry (only when it is new).
Result<RoleGrant> Grant(Work& w, int64_t user_id, const std::string& org, const std::string& rol,
                        const ChangeContext& change) {
  auto user = w.accounts().GetUser(user_id);
  if (!user.ok()) return user.error();
  bool had = false;
  for (const auto& g : user.value().rollen) had = had || (g.organisatie == org && g.rol == rol);
  auto grant = w.accounts().AddRole(user_id, org, rol);
  if (!grant.ok() || had) return grant;
  nlohmann::json changes = {{"rol", {{"oud", nullptr}, {"nieuw", rol + " in " + org}}}};
  Status st = w.audit().Append(AuditFor(change, "rol toegekend", "gebruiker", std::to_string(user_id), org, changes));
  if (!st.ok()) return st.error();
  return grant;
}

}  // namespace

Result<std::set<std::string>> ReadCommonPasswords(const std::string& path) {
  auto text = ReadFile(path, 16u << 20);
  if (!text.ok()) return text.error();
  std::set<std::string> out;
  for (auto& line : Split(text.value(), '\n')) {
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    out.insert(AsciiLower(t));
  }
  return out;
}

std::vector<FieldProblem> Accounts::CheckPassword(const std::string& password, const std::string& email,
                                                  const std::string& field) const {
  std::vector<FieldProblem> out;
  size_t length = IsValidUtf8(password) ? Utf8Length(password) : 0;
  if (!IsValidUtf8(password)) {
    out.push_back({field, "bevat ongeldige tekens"});
  } else if (length < 8) {
    out.push_back({field, "moet minstens 8 tekens lang zijn"});
  } else if (length > 256) {
    out.push_back({field, "mag hoogstens 256 tekens lang zijn"});
  } else if (options_.common_passwords.count(AsciiLower(password))) {
    out.push_back({field, "is een veelgebruikt wachtwoord en dus makkelijk te raden; kies een ander"});
  } else if (AsciiLower(password) == AsciiLower(email)) {
    out.push_back({field, "mag niet gelijk zijn aan het e-mailadres"});
  }
  return out;
}

ChangeContext Accounts::Change(const Actor& actor) const { return ChangeContext::Of(actor, clock_.Now()); }

Actor Accounts::ActorOf(const User& user) const {
  Actor a;
  a.gebruiker_id = user.id;
  a.naam = user.email;
  a.weergavenaam = DisplayName(user);
  a.landelijk_beheerder = user.landelijk_beheerder;
  a.rollen = user.rollen;
  return a;
}

bool Accounts::MaySee(const Actor& actor, const User& user) const {
  if (actor.Everything() || actor.gebruiker_id == user.id) return true;
  if (!ManagesSomething(actor)) return false;
  // Accounts without a role (new OIDC accounts waiting for rights) are not
  // listed to beheerders: they find one by its exact address (ListUsers)
  // and grant a role by naming that address (AddRole).
  for (const auto& g : user.rollen)
    if (CanManage(actor, g.organisatie)) return true;
  return false;
}

bool Accounts::MayManage(const Actor& actor, const User& user) const {
  if (actor.Everything()) return true;
  if (actor.gebruiker_id == user.id) return false;  // nobody changes their own rights
  return MaySee(actor, user) && ManagesSomething(actor);
}

Result<User> Accounts::CreateUser(const NewUser& nu, const Actor& actor) {
  if (actor.Anonymous()) return LoginNeeded();
  std::vector<FieldProblem> problems;
  std::string email = AsciiLower(Trim(nu.email));
  if (!LooksLikeEmail(email)) problems.push_back({"email", "is geen geldig e-mailadres"});
  std::string naam = Trim(nu.naam);
  if (!IsValidUtf8(naam) || HasControlChars(naam) || Utf8Length(naam) > 200)
    problems.push_back({"naam", "moet een leesbare naam van hoogstens 200 tekens zijn"});
  if (!nu.wachtwoord.empty()) {
    auto pw = CheckPassword(nu.wachtwoord, email);
    problems.insert(problems.end(), pw.begin(), pw.end());
  }
  if (!nu.rol.empty() && !vocab::kGebruikersRol.Contains(nu.rol))
    problems.push_back({"rol", "onbekende rol; kies uit: " + vocab::kGebruikersRol.Allowed()});
  if (nu.rol.empty() != nu.organisatie.empty())
    problems.push_back({nu.rol.empty() ? "rol" : "organisatie", "geef organisatie en rol samen op"});
  if (!problems.empty()) return Invalid("De gebruiker is niet aangemaakt.", std::move(problems));
  bool allowed = nu.organisatie.empty() ? ManagesSomething(actor) : CanManage(actor, nu.organisatie);
  if (nu.landelijk_beheerder) allowed = allowed && actor.Everything();
  if (!allowed) return Forbidden("U mag geen gebruikers aanmaken voor deze organisatie.");
  User u;
  u.email = email;
  u.naam = naam;
  u.landelijk_beheerder = nu.landelijk_beheerder;
  if (!nu.wachtwoord.empty()) {
    u.wachtwoord_hash = crypto::HashPassword(nu.wachtwoord);
    if (u.wachtwoord_hash.empty()) return Internal("Het wachtwoord kon niet worden beveiligd.");
  }
  ChangeContext change = Change(actor);
  auto created = store_.Write([&](Work& w) -> Result<User> {
    if (!nu.organisatie.empty()) {
      auto org = w.organisations().Get(nu.organisatie);
      if (!org.ok() && org.error().kind == ErrorKind::kNotFound)
        return Invalid("De gebruiker is niet aangemaakt.",
                       {{"organisatie", "de organisatie '" + nu.organisatie + "' bestaat niet"}});
      if (!org.ok()) return org.error();
    }
    auto id = w.accounts().CreateUser(u, clock_.Now());
    if (!id.ok()) return id.error();
    User stored = u;
    stored.id = id.value();
    Status st = w.audit().Append(AuditFor(change, "aangemaakt", "gebruiker", std::to_string(stored.id), nu.organisatie,
                                          JsonChanges(nlohmann::json::object(), UserAuditJson(stored))));
    if (!st.ok()) return st.error();
    if (!nu.organisatie.empty()) {
      auto role = Grant(w, stored.id, nu.organisatie, nu.rol, change);
      if (!role.ok()) return role.error();
    }
    return w.accounts().GetUser(stored.id);
  });
  if (!created.ok()) return WordedUser(created.error());
  return created;
}

Result<User> Accounts::GetUser(int64_t id, const Actor& actor) {
  if (actor.Anonymous()) return LoginNeeded();
  auto user = store_.Read([&](Work& w) { return w.accounts().GetUser(id); });
  if (!user.ok()) return WordedUser(user.error());
  if (!MaySee(actor, user.value())) return NotFoundError(Missing::kUser);
  return user;
}

Result<Listing<User>> Accounts::ListUsers(const std::string& zoek, const PageRequest& page, const Actor& actor) {
  if (actor.Anonymous()) return LoginNeeded();
  if (!ManagesSomething(actor)) return Forbidden("Alleen beheerders zien de gebruikers.");
  UserFilter filter;
  filter.alles = actor.Everything();
  filter.zoek = zoek;
  for (const auto& g : actor.rollen)
    if (g.rol == rol::kBeheerder) filter.organisaties.push_back(g.organisatie);
  return store_.Read([&](Work& w) { return w.accounts().ListUsers(filter, page); });
}

Result<User> Accounts::UpdateUser(int64_t id, const UserPatch& patch, const Actor& actor) {
  auto user = GetUser(id, actor);
  if (!user.ok()) return user;
  User u = user.value();
  bool self = actor.gebruiker_id == id;
  std::vector<FieldProblem> problems;
  if (patch.naam) {
    std::string naam = Trim(*patch.naam);
    if (!IsValidUtf8(naam) || HasControlChars(naam) || Utf8Length(naam) > 200)
      problems.push_back({"naam", "moet een leesbare naam van hoogstens 200 tekens zijn"});
    u.naam = naam;
  }
  if (patch.wachtwoord) {
    auto pw = CheckPassword(*patch.wachtwoord, u.email);
    problems.insert(problems.end(), pw.begin(), pw.end());
  }
  if (!problems.empty()) return Invalid("De gebruiker is niet gewijzigd.", std::move(problems));
  // Name and password: the user themself or who manages them. Rights and
  // the account's state: only who manages them, never oneself.
  if (!self && !MayManage(actor, u)) return Forbidden("U mag deze gebruiker niet wijzigen.");
  if ((patch.actief || patch.landelijk_beheerder) && !MayManage(actor, u))
    return Forbidden("U kunt uw eigen account niet uitschakelen of eigen rechten wijzigen.");
  if (patch.landelijk_beheerder && !actor.Everything())
    return Forbidden("Alleen een landelijk beheerder wijst landelijk beheerders aan.");
  if (patch.actief) u.actief = *patch.actief;
  if (patch.landelijk_beheerder) u.landelijk_beheerder = *patch.landelijk_beheerder;
  if (patch.wachtwoord) {
    u.wachtwoord_hash = crypto::HashPassword(*patch.wachtwoord);
    if (u.wachtwoord_hash.empty()) return Internal("Het wachtwoord kon niet worden beveiligd.");
  }
  const User& before = user.value();
  auto saved = store_.Write([&](Work& w) -> Result<User> {
    Status st = SaveUser(w, before, u, Change(actor));
    if (!st.ok()) return st.error();
    return w.accounts().GetUser(id);
  });
  if (!saved.ok()) return WordedUser(saved.error());
  if (patch.actief && !*patch.actief) log::Info("account_uitgeschakeld", {{"gebruiker", u.id}, {"door", actor.gebruiker_id}});
  return saved;
}

Result<RoleGrant> Accounts::AddRole(int64_t user_id, const std::string& org, const std::string& rol,
                                    const Actor& actor, const std::string& email) {
  if (actor.Anonymous()) return LoginNeeded();
  auto user = store_.Read([&](Work& w) { return w.accounts().GetUser(user_id); });
  if (!user.ok()) return WordedUser(user.error());
  bool waiting = user.value().rollen.empty() && !user.value().landelijk_beheerder && ManagesSomething(actor) &&
                 !email.empty() && AsciiLower(Trim(email)) == user.value().email;
  if (!waiting && !MaySee(actor, user.value())) return NotFoundError(Missing::kUser);
  std::vector<FieldProblem> problems;
  if (!vocab::kGebruikersRol.Contains(rol))
    problems.push_back({"rol", "onbekende rol; kies uit: " + vocab::kGebruikersRol.Allowed()});
  if (org.empty()) problems.push_back({"organisatie", "is verplicht"});
  if (!problems.empty()) return Invalid("De rol is niet toegekend.", std::move(problems));
  if (!CanManage(actor, org) || (actor.gebruiker_id == user_id && !actor.Everything()))
    return Forbidden("U mag geen rollen toekennen in " + org + ".");
  auto grant = store_.Write([&](Work& w) { return Grant(w, user_id, org, rol, Change(actor)); });
  if (!grant.ok()) return WordedUser(grant.error());
  return grant;
}

Status Accounts::RemoveRole(int64_t user_id, int64_t role_id, const Actor& actor) {
  auto user = GetUser(user_id, actor);
  if (!user.ok()) return user.error();
  const RoleGrant* grant = nullptr;
  for (const auto& g : user.value().rollen)
    if (g.id == role_id) grant = &g;
  if (!grant) return NotFoundError(Missing::kRole);
  if (!CanManage(actor, grant->organisatie) || (actor.gebruiker_id == user_id && !actor.Everything()))
    return Forbidden("U mag deze rol niet intrekken.");
  RoleGrant removed = *grant;
  Status st = store_.Write([&](Work& w) -> Status {
    Status st = w.accounts().RemoveRole(user_id, role_id);
    if (!st.ok()) return st;
    nlohmann::json changes = {{"rol", {{"oud", removed.rol + " in " + removed.organisatie}, {"nieuw", nullptr}}}};
    return w.audit().Append(
        AuditFor(Change(actor), "rol ingetrokken", "gebruiker", std::to_string(user_id), removed.organisatie, changes));
  });
  if (!st.ok()) return WordedUser(st.error());
  return Status::Ok();
}

Result<SignedIn> Accounts::Login(const std::string& email, const std::string& password) {
  // A dummy hash keeps the time of an unknown address like that of a known one.
  static const std::string kDummy = crypto::HashPassword("geen-echt-wachtwoord");
  auto user = store_.Read([&](Work& w) { return w.accounts().FindUserByEmail(AsciiLower(Trim(email))); });
  if (!user.ok()) {
    if (user.error().kind != ErrorKind::kNotFound) return user.error();
    crypto::VerifyPassword(kDummy, password);
    log::Warn("inloggen_mislukt", {{"reden", "onbekend"}});
    return BadLogin();
  }
  if (!crypto::VerifyPassword(user.value().wachtwoord_hash, password) || !user.value().actief) {
    log::Warn("inloggen_mislukt", {{"gebruiker", user.value().id}});
    return BadLogin();
  }
  return StartSession(user.value());
}

Result<SignedIn> Accounts::StartSession(const User& user) {
  if (!user.actief) return BadLogin();
  SignedIn out;
  out.session_token = crypto::RandomToken(32);
  out.csrf_token = crypto::RandomToken(32);
  out.user = user;
  TimePoint now = clock_.Now();
  std::string stamp = FormatTimestamp(now);
  Status st = store_.Write([&](Work& w) -> Status {
    Status st = w.accounts().CreateSession({crypto::HashToken(out.session_token), user.id, out.csrf_token, stamp, stamp});
    if (!st.ok()) return st;
    return w.accounts().RecordLogin(user.id, now);
  });
  if (!st.ok()) return st.error();
  log::Info("ingelogd", {{"gebruiker", user.id}});
  return out;
}

Result<Authenticated> Accounts::Authenticate(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 128) return LoginNeeded();
  std::string hash = crypto::HashToken(session_token);
  std::optional<User> owner;
  auto session = store_.Read([&](Work& w) -> Result<Session> {
    auto session = w.accounts().GetSession(hash);
    if (!session.ok()) return session;
    auto user = w.accounts().GetUser(session.value().gebruiker_id);
    if (user.ok()) owner = std::move(user).value();
    return session;
  });
  if (!session.ok()) return session.error().kind == ErrorKind::kNotFound ? LoginNeeded() : session.error();
  TimePoint now = clock_.Now(), created, used;
  if (!ParseTimestamp(session.value().aangemaakt_op, &created) ||
      !ParseTimestamp(session.value().laatst_gebruikt_op, &used) || now - used > options_.idle_timeout ||
      now - created > options_.absolute_timeout) {
    (void)store_.Write([&](Work& w) { return w.accounts().DeleteSession(hash); });
    return Error{ErrorKind::kUnauthenticated, "Uw sessie is verlopen. Log opnieuw in.", {}};
  }
  if (!owner || !owner->actief) {
    (void)store_.Write([&](Work& w) { return w.accounts().DeleteSession(hash); });
    return LoginNeeded();
  }
  // Writing on every request would cost; a minute of slack on the idle time-out does not.
  if (now - used > std::chrono::seconds(60))
    (void)store_.Write([&](Work& w) { return w.accounts().TouchSession(hash, now); });
  return Authenticated{ActorOf(*owner), session.value().csrf_token};
}

Result<Authenticated> Accounts::AuthenticateToken(const std::string& api_token) {
  if (api_token.empty() || api_token.size() > 128) return LoginNeeded();
  auto token = store_.Read([&](Work& w) { return w.accounts().FindToken(crypto::HashToken(api_token)); });
  if (!token.ok())
    return token.error().kind == ErrorKind::kNotFound
               ? Error{ErrorKind::kUnauthenticated, "Het API-token is onbekend of ingetrokken.", {}}
               : token.error();
  auto user = store_.Read([&](Work& w) { return w.accounts().GetUser(token.value().gebruiker_id); });
  if (!user.ok() || !user.value().actief) return LoginNeeded();
  TimePoint now = clock_.Now();
  if (token.value().laatst_gebruikt_op.substr(0, 16) != FormatTimestamp(now).substr(0, 16))  // at most once a minute
    (void)store_.Write([&](Work& w) { return w.accounts().TouchToken(token.value().id, now); });
  return Authenticated{ActorOf(user.value()), ""};
}

Status Accounts::Logout(const std::string& session_token) {
  if (session_token.empty()) return Status::Ok();
  return store_.Write([&](Work& w) { return w.accounts().DeleteSession(crypto::HashToken(session_token)); });
}

Result<std::pair<ApiToken, std::string>> Accounts::CreateToken(const std::string& naam, const Actor& actor) {
  if (actor.Anonymous() || actor.gebruiker_id == 0) return LoginNeeded();
  std::string t = Trim(naam);
  if (t.empty() || !IsValidUtf8(t) || HasControlChars(t) || Utf8Length(t) > 100)
    return Invalid("Het token is niet aangemaakt.", {{"naam", "geef een naam van 1 tot 100 tekens"}});
  std::string secret = "koers_" + crypto::RandomToken(32);
  ChangeContext change = Change(actor);
  auto token = store_.Write([&](Work& w) -> Result<ApiToken> {
    auto token = w.accounts().CreateToken(actor.gebruiker_id, t, crypto::HashToken(secret), change.op);
    if (!token.ok()) return token;
    Status st = w.audit().Append(AuditFor(change, "aangemaakt", "token", std::to_string(token.value().id), "",
                                          {{"naam", {{"oud", nullptr}, {"nieuw", t}}}}));
    if (!st.ok()) return st.error();
    return token;
  });
  if (!token.ok()) return token.error();
  return std::make_pair(token.value(), secret);
}

Result<std::vector<ApiToken>> Accounts::ListTokens(const Actor& actor) {
  if (actor.Anonymous() || actor.gebruiker_id == 0) return LoginNeeded();
  return store_.Read([&](Work& w) { return w.accounts().ListTokens(actor.gebruiker_id); });
}

Status Accounts::RevokeToken(int64_t id, const Actor& actor) {
  if (actor.Anonymous() || actor.gebruiker_id == 0) return LoginNeeded();
  ChangeContext change = Change(actor);
  Status st = store_.Write([&](Work& w) -> Status {
    Status st = w.accounts().RevokeToken(actor.gebruiker_id, id, change.op);
    if (!st.ok()) return st;
    return w.audit().Append(AuditFor(change, "ingetrokken", "token", std::to_string(id), "",
                                     {{"ingetrokken", {{"oud", false}, {"nieuw", true}}}}));
  });
  if (!st.ok() && st.error().kind == ErrorKind::kNotFound) return NotFoundError(Missing::kToken);
  return st;
}

Result<User> Accounts::OidcUser(const std::string& issuer, const std::string& subject, const std::string& email,
                                const std::string& naam, const std::vector<RoleGrant>& mapped) {
  ChangeContext change = Change(Actor::System("oidc " + issuer));
  auto user = store_.Write([&](Work& w) -> Result<User> {
    auto user = w.accounts().FindUserByOidc(issuer, subject);
    if (!user.ok() && user.error().kind != ErrorKind::kNotFound) return user;
    if (!user.ok()) {
      std::string mail = AsciiLower(Trim(email));
      if (!LooksLikeEmail(mail)) mail = subject + "@oidc.invalid";
      auto by_email = w.accounts().FindUserByEmail(mail);
      if (by_email.ok()) {
        // An existing local account with the same address is linked once.
        User u = by_email.value();
        if (!u.oidc_subject.empty()) return Conflict("Dit e-mailadres hoort al bij een andere OIDC-identiteit.");
        u.oidc_issuer = issuer;
        u.oidc_subject = subject;
        Status st = SaveUser(w, by_email.value(), u, change);
        if (!st.ok()) return st.error();
      } else if (by_email.error().kind == ErrorKind::kNotFound) {
        User u;
        u.email = mail;
        u.naam = Trim(naam);
        u.oidc_issuer = issuer;
        u.oidc_subject = subject;
        auto id = w.accounts().CreateUser(u, change.op);
        if (!id.ok()) return id.error();
        u.id = id.value();
        Status st = w.audit().Append(AuditFor(change, "aangemaakt", "gebruiker", std::to_string(u.id), "",
                                              JsonChanges(nlohmann::json::object(), UserAuditJson(u))));
        if (!st.ok()) return st.error();
        log::Info("account_aangemaakt_via_oidc", {{"gebruiker", u.id}});
      } else {
        return by_email.error();
      }
      user = w.accounts().FindUserByOidc(issuer, subject);
      if (!user.ok()) return user;
    }
    // The claims decide the mapped roles at every login: add what they grant.
    for (const auto& g : mapped) {
      bool has = false;
      for (const auto& h : user.value().rollen) has = has || SameGrant(g, h);
      if (has) continue;
      auto added = Grant(w, user.value().id, g.organisatie, g.rol, change);
      if (!added.ok() && added.error().kind != ErrorKind::kInvalid) return added.error();
      if (!added.ok()) log::Warn("oidc_rol_niet_toegekend", {{"organisatie", g.organisatie}, {"rol", g.rol}});
    }
    return w.accounts().GetUser(user.value().id);
  });
  if (!user.ok()) return WordedUser(user.error());
  return user;
}

Status Accounts::SaveOidcLogin(const OidcRequest& request) {
  return store_.Write([&](Work& w) { return w.accounts().SaveOidcRequest(request); });
}

Result<OidcRequest> Accounts::TakeOidcLogin(const std::string& state_hash, std::chrono::seconds max_age) {
  return store_.Write([&](Work& w) { return w.accounts().TakeOidcRequest(state_hash, clock_.Now() - max_age); });
}

Result<std::string> Accounts::DeviceSecret() {
  std::lock_guard lock(secret_mutex_);
  if (device_secret_.empty()) {
    auto secret = store_.Write([](Work& w) { return w.accounts().Secret("apparaatcookie", crypto::RandomToken(32)); });
    if (!secret.ok()) return secret.error();
    device_secret_ = secret.value();
  }
  return device_secret_;
}

Result<std::string> Accounts::DeviceToken(const std::string& email) {
  auto secret = DeviceSecret();
  if (!secret.ok()) return secret.error();
  std::string nonce = crypto::RandomToken(16);
  return nonce + "." + crypto::Mac(secret.value(), AsciiLower(Trim(email)) + "|" + nonce);
}

std::string Accounts::TrustedDevice(const std::string& token, const std::string& email) {
  size_t dot = token.find('.');
  if (token.empty() || token.size() > 200 || dot == std::string::npos) return {};
  auto secret = DeviceSecret();
  if (!secret.ok()) return {};
  std::string nonce = token.substr(0, dot);
  std::string expected = crypto::Mac(secret.value(), AsciiLower(Trim(email)) + "|" + nonce);
  return crypto::Equal(token.substr(dot + 1), expected) ? nonce : std::string();
}

Status Accounts::Housekeeping() {
  TimePoint now = clock_.Now();
  return store_.Write([&](Work& w) {
    return w.accounts().DeleteExpiredSessions(now - options_.idle_timeout, now - options_.absolute_timeout);
  });
}

}  // namespace koers
