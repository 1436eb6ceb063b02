#include "app/accounts.hpp"

#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/vocabulary.hpp"
#include "core/file_io.hpp"

namespace koers {
namespace {

Error LoginNeeded() { return Error{ErrorKind::kUnauthenticated, "Log in om verder te gaan.", {}}; }
Error UnknownUser() { return NotFound("Deze gebruiker bestaat niet of is niet zichtbaar voor u."); }
Error BadLogin() {
  return Error{ErrorKind::kUnauthenticated, "Het e-mailadres of het wachtwoord klopt niet.", {}};
}

bool SameGrant(const RoleGrant& a, const RoleGrant& b) { return a.organisatie == b.organisatie && a.rol == b.rol; }

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

ChangeContext Accounts::Change(const Actor& actor) const {
  return ChangeContext{actor.weergavenaam, actor.naam, actor.gebruiker_id, "", FormatTimestamp(clock_.Now()), actor.verzoek_id};
}

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
  if (!nu.organisatie.empty()) {
    auto org = store_.GetOrganisation(nu.organisatie);
    if (!org.ok())
      return Invalid("De gebruiker is niet aangemaakt.",
                     {{"organisatie", "de organisatie '" + nu.organisatie + "' bestaat niet"}});
  }
  User u;
  u.email = email;
  u.naam = naam;
  u.landelijk_beheerder = nu.landelijk_beheerder;
  if (!nu.wachtwoord.empty()) {
    u.wachtwoord_hash = crypto::HashPassword(nu.wachtwoord);
    if (u.wachtwoord_hash.empty()) return Internal("Het wachtwoord kon niet worden beveiligd.");
  }
  ChangeContext change = Change(actor);
  change.organisatie = nu.organisatie;
  auto created = store_.CreateUser(u, change);
  if (!created.ok()) return created;
  if (!nu.organisatie.empty()) {
    auto role = store_.AddRole(created.value().id, nu.organisatie, nu.rol, Change(actor));
    if (!role.ok()) return role.error();
    return store_.GetUser(created.value().id);
  }
  return created;
}

Result<User> Accounts::GetUser(int64_t id, const Actor& actor) {
  if (actor.Anonymous()) return LoginNeeded();
  auto user = store_.GetUser(id);
  if (!user.ok()) return user.error().kind == ErrorKind::kNotFound ? UnknownUser() : user.error();
  if (!MaySee(actor, user.value())) return UnknownUser();
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
  return store_.ListUsers(filter, page);
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
  Status st = store_.UpdateUser(u, Change(actor));
  if (!st.ok()) return st.error();
  if (patch.actief && !*patch.actief) log::Info("account_uitgeschakeld", {{"gebruiker", u.id}, {"door", actor.gebruiker_id}});
  return store_.GetUser(id);
}

Result<RoleGrant> Accounts::AddRole(int64_t user_id, const std::string& org, const std::string& rol,
                                    const Actor& actor, const std::string& email) {
  if (actor.Anonymous()) return LoginNeeded();
  auto user = store_.GetUser(user_id);
  if (!user.ok()) return user.error().kind == ErrorKind::kNotFound ? UnknownUser() : user.error();
  bool waiting = user.value().rollen.empty() && !user.value().landelijk_beheerder && ManagesSomething(actor) &&
                 !email.empty() && AsciiLower(Trim(email)) == user.value().email;
  if (!waiting && !MaySee(actor, user.value())) return UnknownUser();
  std::vector<FieldProblem> problems;
  if (!vocab::kGebruikersRol.Contains(rol))
    problems.push_back({"rol", "onbekende rol; kies uit: " + vocab::kGebruikersRol.Allowed()});
  if (org.empty()) problems.push_back({"organisatie", "is verplicht"});
  if (!problems.empty()) return Invalid("De rol is niet toegekend.", std::move(problems));
  if (!CanManage(actor, org) || (actor.gebruiker_id == user_id && !actor.Everything()))
    return Forbidden("U mag geen rollen toekennen in " + org + ".");
  return store_.AddRole(user_id, org, rol, Change(actor));
}

Status Accounts::RemoveRole(int64_t user_id, int64_t role_id, const Actor& actor) {
  auto user = GetUser(user_id, actor);
  if (!user.ok()) return user.error();
  const RoleGrant* grant = nullptr;
  for (const auto& g : user.value().rollen)
    if (g.id == role_id) grant = &g;
  if (!grant) return NotFound("Deze rol bestaat niet.");
  if (!CanManage(actor, grant->organisatie) || (actor.gebruiker_id == user_id && !actor.Everything()))
    return Forbidden("U mag deze rol niet intrekken.");
  return store_.RemoveRole(user_id, role_id, Change(actor));
}

Result<SignedIn> Accounts::Login(const std::string& email, const std::string& password) {
  // A dummy hash keeps the time of an unknown address like that of a known one.
  static const std::string kDummy = crypto::HashPassword("geen-echt-wachtwoord");
  auto user = store_.FindUserByEmail(AsciiLower(Trim(email)));
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
  std::string now = FormatTimestamp(clock_.Now());
  Status st = store_.CreateSession({crypto::HashToken(out.session_token), user.id, out.csrf_token, now, now});
  if (!st.ok()) return st.error();
  st = store_.RecordLogin(user.id, now);
  if (!st.ok()) return st.error();
  log::Info("ingelogd", {{"gebruiker", user.id}});
  return out;
}

Result<Authenticated> Accounts::Authenticate(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 128) return LoginNeeded();
  std::string hash = crypto::HashToken(session_token);
  auto session = store_.GetSession(hash);
  if (!session.ok()) return session.error().kind == ErrorKind::kNotFound ? LoginNeeded() : session.error();
  TimePoint now = clock_.Now(), created, used;
  if (!ParseTimestamp(session.value().aangemaakt_op, &created) ||
      !ParseTimestamp(session.value().laatst_gebruikt_op, &used) || now - used > options_.idle_timeout ||
      now - created > options_.absolute_timeout) {
    (void)store_.DeleteSession(hash);
    return Error{ErrorKind::kUnauthenticated, "Uw sessie is verlopen. Log opnieuw in.", {}};
  }
  auto user = store_.GetUser(session.value().gebruiker_id);
  if (!user.ok() || !user.value().actief) {
    (void)store_.DeleteSession(hash);
    return LoginNeeded();
  }
  // Writing on every request would cost; a minute of slack on the idle time-out does not.
  if (now - used > std::chrono::seconds(60)) (void)store_.TouchSession(hash, FormatTimestamp(now));
  return Authenticated{ActorOf(user.value()), session.value().csrf_token};
}

Result<Authenticated> Accounts::AuthenticateToken(const std::string& api_token) {
  if (api_token.empty() || api_token.size() > 128) return LoginNeeded();
  auto token = store_.FindApiToken(crypto::HashToken(api_token));
  if (!token.ok())
    return token.error().kind == ErrorKind::kNotFound
               ? Error{ErrorKind::kUnauthenticated, "Het API-token is onbekend of ingetrokken.", {}}
               : token.error();
  auto user = store_.GetUser(token.value().gebruiker_id);
  if (!user.ok() || !user.value().actief) return LoginNeeded();
  std::string now = FormatTimestamp(clock_.Now());
  if (token.value().laatst_gebruikt_op.substr(0, 16) != now.substr(0, 16))  // at most once a minute
    (void)store_.TouchApiToken(token.value().id, now);
  return Authenticated{ActorOf(user.value()), ""};
}

Status Accounts::Logout(const std::string& session_token) {
  if (session_token.empty()) return Status::Ok();
  return store_.DeleteSession(crypto::HashToken(session_token));
}

Result<std::pair<ApiToken, std::string>> Accounts::CreateToken(const std::string& naam, const Actor& actor) {
  if (actor.Anonymous() || actor.gebruiker_id == 0) return LoginNeeded();
  std::string t = Trim(naam);
  if (t.empty() || !IsValidUtf8(t) || HasControlChars(t) || Utf8Length(t) > 100)
    return Invalid("Het token is niet aangemaakt.", {{"naam", "geef een naam van 1 tot 100 tekens"}});
  std::string secret = "koers_" + crypto::RandomToken(32);
  auto token = store_.CreateApiToken(actor.gebruiker_id, t, crypto::HashToken(secret), Change(actor));
  if (!token.ok()) return token.error();
  return std::make_pair(token.value(), secret);
}

Result<std::vector<ApiToken>> Accounts::ListTokens(const Actor& actor) {
  if (actor.Anonymous() || actor.gebruiker_id == 0) return LoginNeeded();
  return store_.ListApiTokens(actor.gebruiker_id);
}

Status Accounts::RevokeToken(int64_t id, const Actor& actor) {
  if (actor.Anonymous() || actor.gebruiker_id == 0) return LoginNeeded();
  return store_.RevokeApiToken(actor.gebruiker_id, id, Change(actor));
}

Result<User> Accounts::OidcUser(const std::string& issuer, const std::string& subject, const std::string& email,
                                const std::string& naam, const std::vector<RoleGrant>& mapped) {
  Actor system = Actor::System("oidc " + issuer);
  auto user = store_.FindUserByOidc(issuer, subject);
  if (!user.ok() && user.error().kind != ErrorKind::kNotFound) return user;
  if (!user.ok()) {
    std::string mail = AsciiLower(Trim(email));
    if (!LooksLikeEmail(mail)) mail = subject + "@oidc.invalid";
    auto by_email = store_.FindUserByEmail(mail);
    if (by_email.ok()) {
      // An existing local account with the same address is linked once.
      User u = by_email.value();
      if (!u.oidc_subject.empty())
        return Conflict("Dit e-mailadres hoort al bij een andere OIDC-identiteit.");
      u.oidc_issuer = issuer;
      u.oidc_subject = subject;
      Status st = store_.UpdateUser(u, Change(system));
      if (!st.ok()) return st.error();
    } else {
      User u;
      u.email = mail;
      u.naam = Trim(naam);
      u.oidc_issuer = issuer;
      u.oidc_subject = subject;
      auto created = store_.CreateUser(u, Change(system));
      if (!created.ok()) return created;
      log::Info("account_aangemaakt_via_oidc", {{"gebruiker", created.value().id}});
    }
    user = store_.FindUserByOidc(issuer, subject);
    if (!user.ok()) return user;
  }
  // The claims decide the mapped roles at every login: add what they grant.
  for (const auto& g : mapped) {
    bool has = false;
    for (const auto& h : user.value().rollen) has = has || SameGrant(g, h);
    if (has) continue;
    auto added = store_.AddRole(user.value().id, g.organisatie, g.rol, Change(system));
    if (!added.ok()) log::Warn("oidc_rol_niet_toegekend", {{"organisatie", g.organisatie}, {"rol", g.rol}});
  }
  return store_.GetUser(user.value().id);
}

Result<std::string> Accounts::DeviceSecret() {
  std::lock_guard lock(secret_mutex_);
  if (device_secret_.empty()) {
    auto secret = store_.Secret("apparaatcookie", crypto::RandomToken(32));
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
  return store_.DeleteExpiredSessions(FormatTimestamp(now - options_.idle_timeout),
                                      FormatTimestamp(now - options_.absolute_timeout));
}

}  // namespace koers
