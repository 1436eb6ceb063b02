// Versioned schema of the SQLite store. Each migration runs once, in its own
// transaction, and bumps PRAGMA user_version. Never edit a released
// migration: add a new one. The layout is documented in docs/store.md.
#include "store/sqlite_schema.hpp"

#include <nlohmann/json.hpp>

#include "core/log.hpp"

namespace koers::sqlite {
namespace {

constexpr const char* kMigrations[] = {
    // 1: organisations, innovations, partners, team, phase history.
    R"sql(
CREATE TABLE organisatie (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  naam          TEXT NOT NULL,
  soort         TEXT NOT NULL,
  tooi          TEXT,
  aangemaakt_op TEXT NOT NULL
);
CREATE INDEX organisatie_naam_idx ON organisatie(naam COLLATE NOCASE);
CREATE INDEX organisatie_soort_idx ON organisatie(soort);

CREATE TABLE innovatie (
  id               INTEGER PRIMARY KEY,
  organisatie_id   INTEGER NOT NULL REFERENCES organisatie(id),
  titel            TEXT NOT NULL,
  samenvatting     TEXT,
  opgave           TEXT,
  urgentie         TEXT,
  doel             TEXT,
  domein           TEXT,
  fase             TEXT NOT NULL,
  status           TEXT NOT NULL,
  innovatie_type   TEXT,
  innovatie_niveau TEXT,
  trl              INTEGER,
  analyse_niveau   TEXT,
  orientatie       TEXT,
  waardecreatie    TEXT,
  waardepotentie   TEXT,
  start_datum      TEXT,
  kosten_extern    REAL,
  interne_uren     REAL,
  inkoop_route     TEXT,
  zichtbaarheid    TEXT NOT NULL,
  tags             TEXT NOT NULL DEFAULT '[]',
  technieken       TEXT NOT NULL DEFAULT '[]',
  databronnen      TEXT NOT NULL DEFAULT '[]',
  waarde_soorten   TEXT NOT NULL DEFAULT '[]',
  opgeschaald_naar TEXT NOT NULL DEFAULT '[]',
  referentie       TEXT,
  bron_register    TEXT,
  bron_id          TEXT,
  bron_url         TEXT,
  bron_status      TEXT,
  bron_datum       TEXT,
  versie           INTEGER NOT NULL,
  aangemaakt_op    TEXT NOT NULL,
  gewijzigd_op     TEXT NOT NULL
);
CREATE UNIQUE INDEX innovatie_bron_idx ON innovatie(bron_register, bron_id) WHERE bron_register IS NOT NULL;
CREATE INDEX innovatie_organisatie_idx ON innovatie(organisatie_id);
CREATE INDEX innovatie_titel_idx ON innovatie(titel COLLATE NOCASE, id);

CREATE TABLE innovatie_partner (
  innovatie_id   INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  organisatie_id INTEGER NOT NULL REFERENCES organisatie(id),
  PRIMARY KEY (innovatie_id, organisatie_id)
) WITHOUT ROWID;
CREATE INDEX innovatie_partner_organisatie_idx ON innovatie_partner(organisatie_id);

CREATE TABLE teamlid (
  id           INTEGER PRIMARY KEY,
  innovatie_id INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  volgorde     INTEGER NOT NULL,
  naam         TEXT NOT NULL,
  rol          TEXT NOT NULL,
  archetypen   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX teamlid_innovatie_idx ON teamlid(innovatie_id);

CREATE TABLE fase_wijziging (
  id           INTEGER PRIMARY KEY,
  innovatie_id INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  fase         TEXT NOT NULL,
  status       TEXT NOT NULL,
  op           TEXT NOT NULL,
  door         TEXT,
  reden        TEXT
);
CREATE INDEX fase_wijziging_innovatie_idx ON fase_wijziging(innovatie_id, op);
)sql",
    // 2: a change counter that every write bumps (by trigger), so readers can
    // tell cheaply whether anything changed since they last looked.
    R"sql(
CREATE TABLE teller (
  naam   TEXT PRIMARY KEY,
  waarde INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO teller (naam, waarde) VALUES ('wijzigingen', 0);
CREATE TRIGGER innovatie_ins AFTER INSERT ON innovatie BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
CREATE TRIGGER innovatie_upd AFTER UPDATE ON innovatie BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
CREATE TRIGGER innovatie_del AFTER DELETE ON innovatie BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
CREATE TRIGGER organisatie_ins AFTER INSERT ON organisatie BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
CREATE TRIGGER organisatie_upd AFTER UPDATE ON organisatie BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
CREATE TRIGGER organisatie_del AFTER DELETE ON organisatie BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
)sql",
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Status Migrate(Connection* conn) {
  Status st;
  int current = 0;
  {
    auto version = conn->Prepare("PRAGMA user_version");
    if (!version.ok()) return version.status();
    if (version.value()->Step(&st)) current = static_cast<int>(version.value()->Int(0));
    if (!st.ok()) return st;
  }
  if (current > LatestSchemaVersion())
    return IoError("De database is gemaakt door een nieuwere versie van Koers (schema " + std::to_string(current) +
                   ").");
  for (int v = current; v < LatestSchemaVersion(); ++v) {
    Transaction tx(conn);
    if (!tx.status().ok()) return tx.status();
    Status run = conn->Exec(kMigrations[v]);
    if (!run.ok()) return run;
    run = conn->Exec("PRAGMA user_version = " + std::to_string(v + 1));
    if (!run.ok()) return run;
    run = tx.Commit();
    if (!run.ok()) return run;
    log::Info("schema_bijgewerkt", {{"versie", v + 1}});
  }
  return Status::Ok();
}

}  // namespace koers::sqlite
