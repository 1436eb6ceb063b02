#include "cli/cli.hpp"

#include <sodium.h>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <stop_token>
#include <thread>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <optional>

#include "api/api.hpp"
#include "api/oidc.hpp"
#include "api/response_cache.hpp"
#include "app/accounts.hpp"
#include "app/adoption.hpp"
#include "app/audit_trail.hpp"
#include "app/diagnosis.hpp"
#include "app/indicators.hpp"
#include "app/learning.hpp"
#include "app/missions.hpp"
#include "app/network.hpp"
#include "app/clusters.hpp"
#include "formats/area_codes.hpp"
#include "formats/municipality_map.hpp"
#include "app/portfolio.hpp"
#include "app/register.hpp"
#include "app/steering.hpp"
#include "core/text.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "http/server.hpp"
#include "importer/algoritmeregister.hpp"
#include "importer/demo.hpp"
#include "search/search.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace koers::cli {
namespace {

struct Common {
  std::string klok;  // fixed time, for tests
  std::string db = "koers.db";
  std::string data_dir = KOERS_DEFAULT_DATA_DIR;
  std::string log_level = "info";
  std::string index_dir;  // serve: the search index replica; empty: the default of the store
};

void AddCommon(CLI::App* cmd, Common* c) {
  cmd->add_option("--db", c->db, "Pad van de SQLite-database, of een adres postgresql://gebruiker@host:poort/database")
      ->envname("KOERS_DB");
  cmd->add_option("--data", c->data_dir, "Map met de meegeleverde gegevens")->envname("KOERS_DATA");
  cmd->add_option("--log-level", c->log_level, "debug, info, warn, error of off")->envname("KOERS_LOG_LEVEL");
  cmd->add_option("--klok", c->klok, "Vaste tijd in plaats van de echte klok (alleen voor tests)")->envname("KOERS_KLOK");
}

// Everything a command needs, opened in order; nullptr members on failure.
struct Wiring {
  std::unique_ptr<Clock> clock = std::make_unique<SystemClock>();
  std::unique_ptr<Store> store;
  std::unique_ptr<SearchIndex> search;
  std::unique_ptr<Register> reg;
  std::unique_ptr<Accounts> accounts;
};

// Settings of `serve` beyond the HTTP server's own.
struct ServeSettings {
  std::string web_dir = KOERS_DEFAULT_WEB_DIR;
  bool cookie_secure = true;
  bool rate_limits = true;
  int session_idle_minutes = 30;
  int session_max_hours = 12;
  api::OidcOptions oidc;
  std::string oidc_role_map;
  double uurtarief = kDefaultHourlyRate;
  std::string metrics_token;
};

std::string ReplicaName(const Common& c);

bool SharedStore(const Common& c) { return c.db.rfind("postgresql://", 0) == 0 || c.db.rfind("postgres://", 0) == 0; }

// The search index of a database: a directory beside a SQLite file; for a
// database that several processes share, a replica of this process in
// --zoekindex, which names its position in the change feed.
SearchOptions SearchOptionsFor(const Common& c) {
  SearchOptions o;
  o.path = c.index_dir.empty() ? (SharedStore(c) ? "koers-zoek" : c.db + ".zoek") : c.index_dir;
  if (SharedStore(c)) o.consumer = "zoek@" + ReplicaName(c);
  o.synonyms_file = c.data_dir + "/search/synoniemen.txt";
  if (std::filesystem::exists("/usr/share/hunspell/nl.dic")) o.hunspell_file = "/usr/share/hunspell/nl.dic";
  if (std::filesystem::exists(c.data_dir + "/geo/gemeente-provincie.csv"))
    o.provinces_file = c.data_dir + "/geo/gemeente-provincie.csv";
  return o;
}

// This process among those sharing a database: its host and the absolute
// path of its search index, so a restarted process takes up its own place.
std::string ReplicaName(const Common& c) {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) std::snprintf(host, sizeof host, "onbekend");
  std::error_code ec;
  auto dir = std::filesystem::absolute(c.index_dir.empty() ? "koers-zoek" : c.index_dir, ec);
  return std::string(host) + ":" + dir.lexically_normal().string();
}

bool Open(const Common& c, Wiring* w, bool with_search = false) {
  if (!c.klok.empty()) {
    TimePoint fixed;
    if (!ParseTimestamp(c.klok, &fixed)) {
      std::cerr << "--klok moet een tijdstip zijn zoals 2026-01-31T09:00:00Z.\n";
      return false;
    }
    w->clock = std::make_unique<FakeClock>(fixed);
    log::Warn("vaste_klok", {{"tijd", c.klok}, {"melding", "alleen voor tests"}});
  }
  log::Level level;
  if (!log::ParseLevel(c.log_level, &level)) {
    std::cerr << "Onbekend logniveau '" << c.log_level << "'.\n";
    return false;
  }
  log::SetLevel(level);
  if (sodium_init() < 0) {
    std::cerr << "libsodium kon niet starten.\n";
    return false;
  }
  auto store = OpenStore(c.db);
  if (!store.ok()) {
    const Error& e = store.error();
    std::cerr << (e.message.empty() ? "De database kan niet worden geopend: " + e.detail : e.message) << "\n";
    return false;
  }
  w->store = std::move(store).value();
  if (with_search) {
    auto index = OpenXapianIndex(SearchOptionsFor(c), *w->store);
    if (!index.ok()) {
      std::cerr << "De zoekindex kan niet worden geopend: " << index.error().message << "\n";
      return false;
    }
    w->search = std::move(index).value();
  } else {
    w->search = MakeNullSearchIndex();  // the server absorbs these changes from the queue at its start
  }
  w->reg = std::make_unique<Register>(*w->store, *w->search, *w->clock);
  AccountOptions account_options;
  auto common = ReadCommonPasswords(c.data_dir + "/beveiliging/veelgebruikte-wachtwoorden.txt");
  if (!common.ok()) {
    std::cerr << common.error().message << "\n";
    return false;
  }
  account_options.common_passwords = std::move(common).value();
  w->accounts = std::make_unique<Accounts>(*w->store, *w->clock, std::move(account_options));
  return true;
}

// The knowledge base, or its mistakes reported on stderr.
Result<Knowledge> ReadKnowledge(const Common& c) {
  auto knowledge = LoadKnowledge(c.data_dir + "/kennis");
  if (!knowledge.ok()) {
    std::cerr << "De kennisbank bevat fouten; Koers gaat niet verder.\n";
    for (const auto& p : knowledge.error().problems) std::cerr << "  " << p.message << "\n";
  }
  return knowledge;
}

int Serve(const Common& c, http::ServerOptions options, ServeSettings settings) {
  Wiring w;
  if (!Open(c, &w, true)) return 1;
  AccountOptions account_options;
  account_options.idle_timeout = std::chrono::minutes(settings.session_idle_minutes);
  account_options.absolute_timeout = std::chrono::hours(settings.session_max_hours);
  auto common = ReadCommonPasswords(c.data_dir + "/beveiliging/veelgebruikte-wachtwoorden.txt");
  if (!common.ok()) {
    std::cerr << common.error().message << "\n";
    return 1;
  }
  account_options.common_passwords = std::move(common).value();
  w.accounts = std::make_unique<Accounts>(*w.store, *w.clock, std::move(account_options));

  std::unique_ptr<api::Oidc> oidc;
  if (!settings.oidc.issuer.empty()) {
    std::string error;
    if (settings.oidc.client_id.empty() || settings.oidc.redirect_uri.empty()) {
      std::cerr << "Voor OpenID Connect zijn --oidc-client-id en --oidc-redirect-uri nodig.\n";
      return 2;
    }
    if ((" " + settings.oidc.scopes + " ").find(" openid ") == std::string::npos) {
      std::cerr << "--oidc-scopes moet openid bevatten.\n";
      return 2;
    }
    if (!api::ParseRoleMap(settings.oidc_role_map, &settings.oidc.role_map, &error)) {
      std::cerr << "--oidc-role-map: " << error << "\n";
      return 2;
    }
    oidc = std::make_unique<api::Oidc>(settings.oidc);
  }

  api::WebAssets web;
  auto loaded = api::WebAssets::Load(settings.web_dir);
  if (loaded.ok()) {
    web = std::move(loaded).value();
  } else {
    log::Warn("webinterface_ontbreekt", {{"melding", loaded.error().message}});
  }
  api::ApiOptions api_options;
  api_options.cookie_secure = settings.cookie_secure;
  api_options.uurtarief = settings.uurtarief;
  api_options.session_max_age = std::chrono::hours(settings.session_max_hours);
  api_options.oidc_available = oidc != nullptr;
  api_options.metrics_token = settings.metrics_token;
  if (!settings.rate_limits) {
    for (api::Limit* l : {&api_options.login_per_account, &api_options.login_per_address,
                          &api_options.search_per_client, &api_options.export_per_client})
      l->max = 0;
  }
  if (!settings.cookie_secure) log::Warn("cookies_zonder_secure", {{"melding", "alleen voor lokaal gebruik over HTTP"}});
  (void)w.accounts->Housekeeping();
  api::ResponseCache cache;
  api::RateLimiter limits;
  Steering steering(*w.store, *w.reg);
  auto knowledge = ReadKnowledge(c);
  if (!knowledge.ok()) return 1;
  Diagnosis diagnosis(*w.store, *w.reg, steering, knowledge.value());
  Clusters clusters(*w.store, *w.reg, SearchOptionsFor(c).hunspell_file, SharedStore(c) ? ReplicaName(c) : "");
  // The clusters are loaded before the first request, like the search index:
  // a database without stored links compares every innovation once (8.5 s at
  // 100,000), which should not fall on a visitor's request; with links this
  // is a read (0.65 s at 100,000).
  if (auto loaded = clusters.All(); !loaded.ok()) log::Warn("clusters_niet_geladen", {{"melding", loaded.error().detail}});
  Adoptions adoptions(*w.store, *w.reg);
  std::optional<MunicipalityMap> kaart;
  auto loaded_map = MunicipalityMap::Load(c.data_dir + "/geo/gemeentegrenzen_2024.geojson");
  if (loaded_map.ok()) {
    kaart = std::move(loaded_map).value();
  } else {
    log::Warn("kaart_ontbreekt", {{"melding", loaded_map.error().message}});
  }
  auto area_codes = ReadAreaCodes(c.data_dir + "/cbs/cbs_kwb2024_gm_wk_stripped.json", 2024);
  if (!area_codes.ok()) {
    log::Warn("gebiedscodes_ontbreken", {{"melding", area_codes.error().message}});
    area_codes = AreaCodes{};
  }
  Indicators indicators(*w.store, *w.reg, steering, area_codes.value());
  Portfolio portfolio(*w.store, *w.reg, indicators, settings.uurtarief);
  AuditTrail audit(*w.store, *w.reg);
  Learning learning(*w.store, *w.reg, knowledge.value());
  Networks networks(*w.reg, adoptions);
  Missions missions(*w.store, *w.reg);
  api::Services services{*w.reg,     *w.accounts, audit,    steering, clusters,
                         adoptions,  diagnosis,   indicators, portfolio, learning,
                         networks,   missions,    kaart ? &*kaart : nullptr, cache, limits, api_options};
  api::Api app(services, web, oidc.get());
  options.body_limit_for = api::BodyLimitFor;
  options.decorate = [](const std::string& target, http::Response* res) {
    api::AddStandardHeaders(target.substr(0, target.find('?')), res);
  };
  // Changes made by other processes (another server on the same database,
  // an import from the command line) reach this process's search index
  // through the change feed within a quarter of a second.
  std::jthread follow([&w](std::stop_token stop) {
    bool behind = false;  // logged once, not every quarter second
    while (!stop.stop_requested()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      Status st = w.search->CatchUp(*w.store);
      const bool was_behind = std::exchange(behind, !st.ok());
      if (!st.ok() && !was_behind) log::Warn("zoekindex_loopt_achter", {{"fout", st.error().detail.empty() ? st.error().message : st.error().detail}});
    }
  });
  return http::Serve(options, [&app](http::Request& req) { return app.Handle(req); });
}

int ImportRegister(const Common& c, const std::string& file) {
  Wiring w;
  if (!Open(c, &w)) return 1;
  auto report = ImportAlgoritmeregister(*w.reg, file, c.data_dir);
  if (!report.ok()) {
    std::cerr << "Import mislukt: " << report.error().message << "\n";
    for (const auto& p : report.error().problems) std::cerr << "  " << p.field << ": " << p.message << "\n";
    return 1;
  }
  const auto& r = report.value();
  std::printf("Algoritmeregister: %zu records gelezen, %d toegevoegd, %d gewijzigd, %d ongewijzigd, %zu overgeslagen.\n",
              r.batch.records, r.toegevoegd, r.gewijzigd, r.ongewijzigd, r.batch.skipped.size());
  if (r.aangevuld > 0)
    std::printf("Publicatiegegevens van 2023 (%s) gevonden voor %d records.\n", kRegisterDetailsFile, r.aangevuld);
  for (const auto& s : r.batch.skipped)
    std::printf("  overgeslagen: record %zu%s: %s\n", s.index + 1, s.id.empty() ? "" : (" (id " + s.id + ")").c_str(),
                s.reason.c_str());
  if (!r.batch.new_organisations.empty()) {
    std::printf("%zu organisaties niet gevonden in de codelijsten, toegevoegd als 'overig':\n",
                r.batch.new_organisations.size());
    for (const auto& o : r.batch.new_organisations) std::printf("  %s  %s\n", o.code.c_str(), o.naam.c_str());
  }
  return 0;
}

int AddUser(const Common& c, const std::string& email, const std::string& org, const std::string& role,
            const std::string& name, bool password_stdin, bool national) {
  Wiring w;
  if (!Open(c, &w)) return 1;
  NewUser nu;
  nu.email = email;
  nu.naam = name;
  nu.organisatie = org;
  nu.rol = role;
  nu.landelijk_beheerder = national;
  if (password_stdin) {
    std::getline(std::cin, nu.wachtwoord);
    if (!nu.wachtwoord.empty() && nu.wachtwoord.back() == '\r') nu.wachtwoord.pop_back();
    if (nu.wachtwoord.empty()) {
      std::cerr << "Geen wachtwoord ontvangen op standaardinvoer.\n";
      return 1;
    }
  }
  auto user = w.accounts->CreateUser(nu, Actor::System("cli"));
  if (!user.ok()) {
    std::cerr << "Gebruiker niet aangemaakt: " << user.error().message << "\n";
    for (const auto& p : user.error().problems) std::cerr << "  " << p.field << ": " << p.message << "\n";
    return 1;
  }
  std::printf("Gebruiker %s aangemaakt (nummer %lld)%s.\n", user.value().email.c_str(),
              static_cast<long long>(user.value().id),
              org.empty() ? "" : (", " + role + " in " + org).c_str());
  return 0;
}

int Demo(const Common& c) {
  Wiring w;
  if (!Open(c, &w)) return 1;
  Steering steering(*w.store, *w.reg);
  auto area_codes = ReadAreaCodes(c.data_dir + "/cbs/cbs_kwb2024_gm_wk_stripped.json", 2024);
  if (!area_codes.ok()) area_codes = AreaCodes{};
  Indicators indicators(*w.store, *w.reg, steering, area_codes.value());
  auto knowledge = ReadKnowledge(c);
  if (!knowledge.ok()) return 1;
  Learning learning(*w.store, *w.reg, knowledge.value());
  auto report = LoadDemo(*w.reg, indicators, c.data_dir, &learning);
  if (!report.ok()) {
    std::cerr << "Demo laden mislukt: " << report.error().message << "\n";
    return 1;
  }
  const auto& r = report.value();
  std::printf("Demo: %d organisaties toegevoegd; referentiecases: %d toegevoegd, %d gewijzigd, %d ongewijzigd; "
              "%d CBS-cijfers als metingen; %d lessen.\n",
              r.organisaties_toegevoegd, r.toegevoegd, r.gewijzigd, r.ongewijzigd, r.metingen, r.lessen);
  return 0;
}

// PostgreSQL has its own tools for this, which know its server.
bool RefuseShared(const Common& c) {
  if (!SharedStore(c)) return false;
  std::cerr << "Voor PostgreSQL: gebruik pg_dump en pg_restore (zie docs/operations.md).\n";
  return true;
}

int Backup(const Common& c, const std::string& file) {
  if (RefuseShared(c)) return 2;
  if (!std::filesystem::exists(c.db)) {
    std::cerr << "De database '" << c.db << "' bestaat niet.\n";
    return 1;
  }
  // Into a file beside the target first, so a failed copy never replaces a good one.
  const std::string partial = file + ".deels";
  std::filesystem::remove(partial);
  Status st = sqlite::CopyDatabase(c.db, partial);
  std::error_code ec;
  if (st.ok()) std::filesystem::rename(partial, file, ec);
  if (!st.ok() || ec) {
    std::filesystem::remove(partial, ec);
    std::cerr << (st.ok() ? "De kopie kan niet op zijn plaats worden gezet." : st.error().message) << "\n";
    return 1;
  }
  std::printf("Kopie gemaakt: %s\n", file.c_str());
  return 0;
}

int Restore(const Common& c, const std::string& file) {
  if (RefuseShared(c)) return 2;
  // Copied beside the database and opened there first (which brings a copy
  // of an older Koers up to date): what is not a Koers database is refused
  // before anything is replaced, and the copy given stays as it was.
  const std::string incoming = c.db + ".terugzetten";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(incoming + suffix, ec);
  Status st = sqlite::CopyDatabase(file, incoming);
  if (st.ok()) {
    auto check = OpenStore(incoming);
    if (!check.ok()) st = check.error();
  }
  if (!st.ok()) {
    std::filesystem::remove(incoming, ec);
    std::cerr << "'" << file << "' is geen bruikbare kopie: "
              << (st.error().message.empty() ? st.error().detail : st.error().message) << "\n";
    return 1;
  }
  // The old database's log must not be replayed onto the restored file.
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(c.db + suffix, ec);
  std::filesystem::rename(incoming, c.db, ec);
  if (ec) {
    std::cerr << "De kopie kan niet op zijn plaats worden gezet: " << ec.message() << "\n";
    return 1;
  }
  // The index described the database as it was; the next start builds it again.
  std::filesystem::remove_all(SearchOptionsFor(c).path, ec);
  std::printf("Kopie teruggezet in %s; de zoekindex wordt bij de volgende start opnieuw opgebouwd.\n", c.db.c_str());
  return 0;
}

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"Koers: datagedreven innovaties van gemeenten registreren, sturen en hergebruiken."};
  app.require_subcommand(1);
  app.set_version_flag("--version", KOERS_VERSION);

  Common common;
  http::ServerOptions server;
  ServeSettings settings;
  auto* serve = app.add_subcommand("serve", "Start de webserver met de API en de webinterface");
  AddCommon(serve, &common);
  serve->add_option("--host", server.host, "Adres om op te luisteren")->envname("KOERS_HOST");
  serve->add_option("--port", server.port, "Poort (0 kiest een vrije poort)")->envname("KOERS_PORT")->check(CLI::Range(0, 65535));
  serve->add_option("--threads", server.threads, "Aantal threads (0: een per kern)")->check(CLI::Range(0, 256));
  serve->add_option("--web", settings.web_dir, "Map met de gebouwde webinterface")->envname("KOERS_WEB");
  serve->add_option("--metrics-token", settings.metrics_token,
                    "Geheim waarmee Prometheus /metrics opvraagt (Authorization: Bearer ...); zonder: geen /metrics")
      ->envname("KOERS_METRICS_TOKEN");
  serve->add_option("--zoekindex", common.index_dir,
                    "Map van de zoekindex van dit proces (standaard naast een SQLite-bestand; bij PostgreSQL een eigen map per proces)")
      ->envname("KOERS_ZOEKINDEX");
  serve->add_option("--read-timeout", server.read_timeout_seconds, "Seconden om een verzoek te lezen")->check(CLI::Range(1, 3600));
  serve->add_option("--drain-seconds", server.drain_seconds,
                    "Seconden die een stop wacht op lopende verzoeken; daarna wordt lopend werk afgebroken")
      ->envname("KOERS_DRAIN_SECONDS")
      ->check(CLI::Range(0, 3600));
  serve->add_option("--cookie-secure", settings.cookie_secure,
                    "Sessiecookie met Secure en __Host- (zet alleen uit voor lokaal gebruik via HTTP)")
      ->envname("KOERS_COOKIE_SECURE");
  serve->add_option("--uurtarief", settings.uurtarief, "Euro per intern uur als een businesscase geen eigen tarief noemt")
      ->envname("KOERS_UURTARIEF")
      ->check(CLI::Range(0.0, 10000.0));
  serve->add_option("--rate-limits", settings.rate_limits, "Limieten op inloggen, zoeken en exporteren")
      ->envname("KOERS_RATE_LIMITS");
  serve->add_option("--session-idle-minutes", settings.session_idle_minutes, "Sessie verloopt na zoveel minuten stilte")
      ->check(CLI::Range(1, 24 * 60));
  serve->add_option("--session-max-hours", settings.session_max_hours, "Sessie verloopt hoe dan ook na zoveel uur")
      ->check(CLI::Range(1, 24 * 30));
  serve->add_option("--oidc-issuer", settings.oidc.issuer, "OpenID Connect: issuer van de identiteitsaanbieder")
      ->envname("KOERS_OIDC_ISSUER");
  serve->add_option("--oidc-client-id", settings.oidc.client_id, "OpenID Connect: client id")->envname("KOERS_OIDC_CLIENT_ID");
  serve->add_option("--oidc-redirect-uri", settings.oidc.redirect_uri, "OpenID Connect: .../auth/oidc/terugkeer")
      ->envname("KOERS_OIDC_REDIRECT_URI");
  serve->add_option("--oidc-scopes", settings.oidc.scopes, "OpenID Connect: scopes, gescheiden door spaties (openid hoort erbij)")
      ->envname("KOERS_OIDC_SCOPES");
  serve->add_option("--oidc-role-claim", settings.oidc.role_claim, "OpenID Connect: claim met groepen of rollen")
      ->envname("KOERS_OIDC_ROLE_CLAIM");
  serve->add_option("--oidc-role-map", settings.oidc_role_map, "OpenID Connect: 'waarde=rol@ORG;...'")
      ->envname("KOERS_OIDC_ROLE_MAP");
  // The client secret only from the environment, so it never shows in a process list.
  if (const char* secret = std::getenv("KOERS_OIDC_CLIENT_SECRET")) settings.oidc.client_secret = secret;

  auto* import = app.add_subcommand("import", "Importeer gegevens uit een ander register");
  import->require_subcommand(1);
  std::string file;
  auto* register_cmd = import->add_subcommand("algoritmeregister", "Importeer een JSON-export van het Algoritmeregister");
  register_cmd->add_option("FILE", file, "Het JSON-bestand")->required();
  AddCommon(register_cmd, &common);

  std::string backup_file;
  auto* backup = app.add_subcommand("backup", "Maak een kopie van de SQLite-database, ook terwijl de server draait");
  backup->add_option("BESTAND", backup_file, "Het bestand voor de kopie")->required();
  AddCommon(backup, &common);
  auto* restore = app.add_subcommand("restore", "Zet een kopie terug (met de server gestopt); de zoekindex wordt opnieuw opgebouwd");
  restore->add_option("BESTAND", backup_file, "Een kopie gemaakt met koers backup")->required();
  AddCommon(restore, &common);

  auto* demo = app.add_subcommand("demo", "Laad de organisaties en de 18 referentiecases");
  AddCommon(demo, &common);

  auto* user = app.add_subcommand("user", "Beheer gebruikers");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Maak een lokale gebruiker aan");
  std::string email, org, role, name;
  bool password_stdin = false, national = false;
  user_add->add_option("EMAIL", email, "E-mailadres")->required();
  user_add->add_option("--org", org, "Code van de organisatie, bijvoorbeeld GM0344");
  user_add->add_option("--role", role, "lezer, lid, stuurgroep of beheerder");
  user_add->add_option("--name", name, "Naam");
  user_add->add_flag("--password-stdin", password_stdin, "Lees het wachtwoord van standaardinvoer");
  user_add->add_flag("--landelijk-beheerder", national, "Maak een landelijk beheerder");
  AddCommon(user_add, &common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (serve->parsed()) return Serve(common, server, settings);
  if (user_add->parsed()) return AddUser(common, email, org, role, name, password_stdin, national);
  if (register_cmd->parsed()) return ImportRegister(common, file);
  if (demo->parsed()) return Demo(common);
  if (backup->parsed()) return Backup(common, backup_file);
  if (restore->parsed()) return Restore(common, backup_file);
  return 2;
}

}  // namespace koers::cli
