#include "cli/cli.hpp"

#include <sodium.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "api/api.hpp"
#include "api/response_cache.hpp"
#include "app/register.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "http/server.hpp"
#include "importer/algoritmeregister.hpp"
#include "importer/reference_cases.hpp"
#include "search/search.hpp"
#include "store/store.hpp"

namespace koers::cli {
namespace {

struct Common {
  std::string db = "koers.db";
  std::string data_dir = KOERS_DEFAULT_DATA_DIR;
  std::string log_level = "info";
};

void AddCommon(CLI::App* cmd, Common* c) {
  cmd->add_option("--db", c->db, "Pad van de SQLite-database")->envname("KOERS_DB");
  cmd->add_option("--data", c->data_dir, "Map met de meegeleverde gegevens")->envname("KOERS_DATA");
  cmd->add_option("--log-level", c->log_level, "debug, info, warn, error of off")->envname("KOERS_LOG_LEVEL");
}

// Everything a command needs, opened in order; nullptr members on failure.
struct Wiring {
  SystemClock clock;
  std::unique_ptr<Store> store;
  std::unique_ptr<SearchIndex> search;
  std::unique_ptr<Register> reg;
};

bool Open(const Common& c, Wiring* w) {
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
  auto store = OpenSqliteStore(c.db);
  if (!store.ok()) {
    std::cerr << store.error().message << "\n";
    return false;
  }
  w->store = std::move(store).value();
  w->search = MakeNullSearchIndex();
  w->reg = std::make_unique<Register>(*w->store, *w->search, w->clock);
  return true;
}

int Serve(const Common& c, http::ServerOptions options, const std::string& web_dir) {
  Wiring w;
  if (!Open(c, &w)) return 1;
  api::WebAssets web;
  auto loaded = api::WebAssets::Load(web_dir);
  if (loaded.ok()) {
    web = std::move(loaded).value();
  } else {
    log::Warn("webinterface_ontbreekt", {{"melding", loaded.error().message}});
  }
  api::ResponseCache cache;
  api::Services services{*w.reg, cache};
  api::Api app(services, web, api::ApiOptions{});
  options.body_limit_for = api::BodyLimitFor;
  options.decorate = [](const std::string& target, http::Response* res) {
    api::AddStandardHeaders(target.substr(0, target.find('?')), res);
  };
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

int Demo(const Common& c) {
  Wiring w;
  if (!Open(c, &w)) return 1;
  auto report = LoadDemo(*w.reg, c.data_dir);
  if (!report.ok()) {
    std::cerr << "Demo laden mislukt: " << report.error().message << "\n";
    return 1;
  }
  const auto& r = report.value();
  std::printf("Demo: %d organisaties toegevoegd; referentiecases: %d toegevoegd, %d gewijzigd, %d ongewijzigd.\n",
              r.organisaties_toegevoegd, r.toegevoegd, r.gewijzigd, r.ongewijzigd);
  return 0;
}

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"Koers: datagedreven innovaties van gemeenten registreren, sturen en hergebruiken."};
  app.require_subcommand(1);
  app.set_version_flag("--version", KOERS_VERSION);

  Common common;
  http::ServerOptions server;
  std::string web_dir = KOERS_DEFAULT_WEB_DIR;
  auto* serve = app.add_subcommand("serve", "Start de webserver met de API en de webinterface");
  AddCommon(serve, &common);
  serve->add_option("--host", server.host, "Adres om op te luisteren")->envname("KOERS_HOST");
  serve->add_option("--port", server.port, "Poort (0 kiest een vrije poort)")->envname("KOERS_PORT")->check(CLI::Range(0, 65535));
  serve->add_option("--threads", server.threads, "Aantal threads (0: een per kern)")->check(CLI::Range(0, 256));
  serve->add_option("--web", web_dir, "Map met de gebouwde webinterface")->envname("KOERS_WEB");
  serve->add_option("--read-timeout", server.read_timeout_seconds, "Seconden om een verzoek te lezen")->check(CLI::Range(1, 3600));

  auto* import = app.add_subcommand("import", "Importeer gegevens uit een ander register");
  import->require_subcommand(1);
  std::string file;
  auto* register_cmd = import->add_subcommand("algoritmeregister", "Importeer een JSON-export van het Algoritmeregister");
  register_cmd->add_option("FILE", file, "Het JSON-bestand")->required();
  AddCommon(register_cmd, &common);

  auto* demo = app.add_subcommand("demo", "Laad de organisaties en de 18 referentiecases");
  AddCommon(demo, &common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (serve->parsed()) return Serve(common, server, web_dir);
  if (register_cmd->parsed()) return ImportRegister(common, file);
  if (demo->parsed()) return Demo(common);
  return 2;
}

}  // namespace koers::cli
