// Versioned schema of the SQLite store. Each migration runs once, in its own
// transaction, and bumps PRAGMA user_version. Never edit a released
// migration: add a new one. The layout is documented in docs/store.md.
#include "store/sqlite/sqlite_store.hpp"

#include "core/log.hpp"
#include "store/sql/query.hpp"

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
    // 3: accounts, roles per organisation, sessions, API tokens, the audit
    // trail; who created an innovation and which team members are users.
    R"sql(
CREATE TABLE gebruiker (
  id                  INTEGER PRIMARY KEY,
  email               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  naam                TEXT NOT NULL DEFAULT '',
  wachtwoord_hash     TEXT,
  oidc_issuer         TEXT,
  oidc_subject        TEXT,
  actief              INTEGER NOT NULL DEFAULT 1,
  landelijk_beheerder INTEGER NOT NULL DEFAULT 0,
  aangemaakt_op       TEXT NOT NULL,
  laatst_ingelogd_op  TEXT
);
CREATE UNIQUE INDEX gebruiker_oidc_idx ON gebruiker(oidc_issuer, oidc_subject) WHERE oidc_issuer IS NOT NULL;

CREATE TABLE gebruiker_rol (
  id             INTEGER PRIMARY KEY,
  gebruiker_id   INTEGER NOT NULL REFERENCES gebruiker(id) ON DELETE CASCADE,
  organisatie_id INTEGER NOT NULL REFERENCES organisatie(id),
  rol            TEXT NOT NULL,
  UNIQUE (gebruiker_id, organisatie_id, rol)
);
CREATE INDEX gebruiker_rol_organisatie_idx ON gebruiker_rol(organisatie_id);

CREATE TABLE sessie (
  id_hash            TEXT PRIMARY KEY,
  gebruiker_id       INTEGER NOT NULL REFERENCES gebruiker(id) ON DELETE CASCADE,
  csrf_token         TEXT NOT NULL,
  aangemaakt_op      TEXT NOT NULL,
  laatst_gebruikt_op TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessie_gebruiker_idx ON sessie(gebruiker_id);

CREATE TABLE api_token (
  id                 INTEGER PRIMARY KEY,
  gebruiker_id       INTEGER NOT NULL REFERENCES gebruiker(id) ON DELETE CASCADE,
  naam               TEXT NOT NULL,
  token_hash         TEXT NOT NULL UNIQUE,
  aangemaakt_op      TEXT NOT NULL,
  laatst_gebruikt_op TEXT,
  ingetrokken_op     TEXT
);
CREATE INDEX api_token_gebruiker_idx ON api_token(gebruiker_id);

CREATE TABLE audit (
  id           INTEGER PRIMARY KEY,
  op           TEXT NOT NULL,
  gebruiker_id INTEGER,
  gebruiker    TEXT NOT NULL,
  organisatie  TEXT,
  actie        TEXT NOT NULL,
  resource     TEXT NOT NULL,
  resource_id  TEXT,
  resultaat    TEXT NOT NULL,
  wijzigingen  TEXT NOT NULL DEFAULT '{}',
  verzoek_id   TEXT
);
CREATE INDEX audit_resource_idx ON audit(resource, resource_id, id);
CREATE INDEX audit_organisatie_idx ON audit(organisatie, id);
CREATE TRIGGER audit_niet_wijzigen BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'het auditspoor kan alleen worden aangevuld'); END;
CREATE TRIGGER audit_niet_verwijderen BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'het auditspoor kan alleen worden aangevuld'); END;

ALTER TABLE innovatie ADD COLUMN aangemaakt_door INTEGER REFERENCES gebruiker(id);
ALTER TABLE teamlid ADD COLUMN gebruiker_id INTEGER REFERENCES gebruiker(id);
CREATE INDEX teamlid_gebruiker_idx ON teamlid(gebruiker_id);

-- What a viewer may see changes with roles and accounts too.
CREATE TRIGGER gebruiker_rol_ins AFTER INSERT ON gebruiker_rol BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
CREATE TRIGGER gebruiker_rol_del AFTER DELETE ON gebruiker_rol BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
CREATE TRIGGER gebruiker_upd AFTER UPDATE OF actief, landelijk_beheerder ON gebruiker BEGIN UPDATE teller SET waarde = waarde + 1 WHERE naam = 'wijzigingen'; END;
)sql",
    // 4: OpenID Connect logins in progress (state, nonce and PKCE verifier),
    // in the database so that any server process can finish them.
    R"sql(
CREATE TABLE oidc_aanvraag (
  state_hash    TEXT PRIMARY KEY,
  nonce         TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  terug_naar    TEXT NOT NULL,
  aangemaakt_op TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // 5: steering: gate reviews (immutable once recorded), unknowns and
    // risks, the business case, versioned pitches, organisation maturity.
    R"sql(
CREATE TABLE beoordeling (
  id                   INTEGER PRIMARY KEY,
  innovatie_id         INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  fase                 TEXT NOT NULL,
  status               TEXT NOT NULL,
  pijlers              TEXT NOT NULL DEFAULT '{}',
  schaduwkanten        TEXT NOT NULL DEFAULT '{}',
  besluit              TEXT,
  terug_naar           TEXT,
  motivering           TEXT,
  besluitvormers       TEXT NOT NULL DEFAULT '[]',
  budget               REAL,
  doorlooptijd_maanden INTEGER,
  volgende_beoordeling TEXT,
  opgesteld_door       TEXT NOT NULL,
  opgesteld_op         TEXT NOT NULL,
  vastgesteld_door     TEXT,
  vastgesteld_op       TEXT,
  versie               INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX beoordeling_innovatie_idx ON beoordeling(innovatie_id, id);
CREATE TRIGGER beoordeling_vastgesteld BEFORE UPDATE ON beoordeling WHEN OLD.status = 'vastgesteld'
  BEGIN SELECT RAISE(ABORT, 'een vastgestelde beoordeling kan niet worden gewijzigd'); END;

CREATE TABLE onzekerheid (
  id            INTEGER PRIMARY KEY,
  innovatie_id  INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  soort         TEXT NOT NULL,
  titel         TEXT NOT NULL,
  omschrijving  TEXT,
  eigenaar      TEXT,
  status        TEXT NOT NULL,
  volgorde      INTEGER NOT NULL DEFAULT 0,
  uitkomst      TEXT,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op  TEXT NOT NULL
);
CREATE INDEX onzekerheid_innovatie_idx ON onzekerheid(innovatie_id);

CREATE TABLE businesscase (
  innovatie_id   INTEGER PRIMARY KEY REFERENCES innovatie(id) ON DELETE CASCADE,
  inhoud         TEXT NOT NULL,
  versie         INTEGER NOT NULL,
  gewijzigd_op   TEXT NOT NULL,
  gewijzigd_door TEXT NOT NULL
);

CREATE TABLE pitch (
  innovatie_id  INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  versie        INTEGER NOT NULL,
  behoeften     TEXT,
  aanpak        TEXT,
  voordelen     TEXT,
  alternatieven TEXT,
  op            TEXT NOT NULL,
  door          TEXT NOT NULL,
  PRIMARY KEY (innovatie_id, versie)
) WITHOUT ROWID;

CREATE TABLE volwassenheid (
  id             INTEGER PRIMARY KEY,
  organisatie_id INTEGER NOT NULL REFERENCES organisatie(id),
  stadia         TEXT NOT NULL,
  onderbouwing   TEXT NOT NULL,
  datum          TEXT NOT NULL,
  op             TEXT NOT NULL,
  door           TEXT NOT NULL
);
CREATE INDEX volwassenheid_organisatie_idx ON volwassenheid(organisatie_id, datum);
)sql",
    // 6: the search index's queue (a transactional outbox): every change of
    // an innovation leaves its id here in the same transaction; the index
    // takes ids out only after it has absorbed them, so a crash in between
    // is repaired at the next start.
    R"sql(
CREATE TABLE zoek_wachtrij (
  volgnummer   INTEGER PRIMARY KEY,
  innovatie_id INTEGER NOT NULL
);
CREATE TRIGGER zoek_innovatie_ins AFTER INSERT ON innovatie BEGIN INSERT INTO zoek_wachtrij (innovatie_id) VALUES (NEW.id); END;
CREATE TRIGGER zoek_innovatie_upd AFTER UPDATE ON innovatie BEGIN INSERT INTO zoek_wachtrij (innovatie_id) VALUES (NEW.id); END;
CREATE TRIGGER zoek_innovatie_del AFTER DELETE ON innovatie BEGIN INSERT INTO zoek_wachtrij (innovatie_id) VALUES (OLD.id); END;
)sql",
    // 7: adoption by other organisations (with its dated steps) and the
    // reuse assets an innovation offers.
    R"sql(
CREATE TABLE adoptie (
  id             INTEGER PRIMARY KEY,
  bron_id        INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  organisatie_id INTEGER NOT NULL REFERENCES organisatie(id),
  status         TEXT NOT NULL,
  datum          TEXT NOT NULL,
  notitie        TEXT,
  innovatie_id   INTEGER REFERENCES innovatie(id) ON DELETE SET NULL,
  versie         INTEGER NOT NULL,
  aangemaakt_op  TEXT NOT NULL,
  gewijzigd_op   TEXT NOT NULL,
  UNIQUE (bron_id, organisatie_id)
);
CREATE INDEX adoptie_organisatie_idx ON adoptie(organisatie_id);
CREATE INDEX adoptie_innovatie_idx ON adoptie(innovatie_id);

CREATE TABLE adoptie_stap (
  id         INTEGER PRIMARY KEY,
  adoptie_id INTEGER NOT NULL REFERENCES adoptie(id) ON DELETE CASCADE,
  status     TEXT NOT NULL,
  datum      TEXT NOT NULL,
  notitie    TEXT,
  door       TEXT NOT NULL,
  op         TEXT NOT NULL
);
CREATE INDEX adoptie_stap_adoptie_idx ON adoptie_stap(adoptie_id, id);

CREATE TABLE hergebruik (
  id            INTEGER PRIMARY KEY,
  innovatie_id  INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  soort         TEXT NOT NULL,
  titel         TEXT NOT NULL,
  url           TEXT,
  licentie      TEXT,
  toelichting   TEXT,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op  TEXT NOT NULL
);
CREATE INDEX hergebruik_innovatie_idx ON hergebruik(innovatie_id, id);
)sql",
    // 8: diagnoses of innovations on the success factors and measurements
    // of an organisation's innovation climate; scores as JSON objects.
    R"sql(
CREATE TABLE diagnose (
  id           INTEGER PRIMARY KEY,
  innovatie_id INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  datum        TEXT NOT NULL,
  factoren     TEXT NOT NULL,
  op           TEXT NOT NULL,
  door         TEXT NOT NULL
);
CREATE INDEX diagnose_innovatie_idx ON diagnose(innovatie_id, datum);

CREATE TABLE klimaatmeting (
  id             INTEGER PRIMARY KEY,
  organisatie_id INTEGER NOT NULL REFERENCES organisatie(id),
  datum          TEXT NOT NULL,
  kenmerken      TEXT NOT NULL,
  drempels       TEXT NOT NULL,
  op             TEXT NOT NULL,
  door           TEXT NOT NULL
);
CREATE INDEX klimaatmeting_organisatie_idx ON klimaatmeting(organisatie_id, datum);
)sql",
    // 9: indicators of innovations and their measurements per period and
    // area (area '' when the indicator has no areas); one value per cell.
    R"sql(
CREATE TABLE indicator (
  id            INTEGER PRIMARY KEY,
  innovatie_id  INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  naam          TEXT NOT NULL,
  soort         TEXT NOT NULL,
  eenheid       TEXT NOT NULL,
  richting      TEXT NOT NULL,
  basis_waarde  REAL,
  basis_datum   TEXT,
  doel_waarde   REAL,
  doel_datum    TEXT,
  bron          TEXT,
  gebiedsniveau TEXT NOT NULL,
  gebied_jaar   INTEGER,
  drempel       INTEGER NOT NULL,
  optelbaar     INTEGER NOT NULL,
  versie        INTEGER NOT NULL,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op  TEXT NOT NULL
);
CREATE INDEX indicator_innovatie_idx ON indicator(innovatie_id, id);

CREATE TABLE meting (
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  periode      TEXT NOT NULL,
  gebied       TEXT NOT NULL,
  waarde       REAL NOT NULL,
  aantal       INTEGER,
  PRIMARY KEY (indicator_id, periode, gebied)
) WITHOUT ROWID;
)sql",
    // 10: people by name, not by e-mail address, in everything that shows
    // who did what (the audit trail keeps the account); audit entries know
    // the innovation they concern, so they are shown only to its readers;
    // an adoption's copy of a non-public innovation waits for the owner.
    R"sql(
DROP TRIGGER beoordeling_vastgesteld;
UPDATE fase_wijziging SET door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = fase_wijziging.door), 'Medewerker')
  WHERE door LIKE '%@%';
UPDATE pitch SET door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = pitch.door), 'Medewerker')
  WHERE door LIKE '%@%';
UPDATE volwassenheid SET door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = volwassenheid.door), 'Medewerker')
  WHERE door LIKE '%@%';
UPDATE adoptie_stap SET door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = adoptie_stap.door), 'Medewerker')
  WHERE door LIKE '%@%';
UPDATE diagnose SET door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = diagnose.door), 'Medewerker')
  WHERE door LIKE '%@%';
UPDATE klimaatmeting SET door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = klimaatmeting.door), 'Medewerker')
  WHERE door LIKE '%@%';
UPDATE businesscase SET gewijzigd_door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = businesscase.gewijzigd_door), 'Medewerker')
  WHERE gewijzigd_door LIKE '%@%';
UPDATE beoordeling SET opgesteld_door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = beoordeling.opgesteld_door), 'Medewerker')
  WHERE opgesteld_door LIKE '%@%';
UPDATE beoordeling SET vastgesteld_door = COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = beoordeling.vastgesteld_door), 'Medewerker')
  WHERE vastgesteld_door LIKE '%@%';
UPDATE beoordeling SET besluitvormers = (
  SELECT json_group_array(CASE WHEN value LIKE '%@%' THEN COALESCE((SELECT CASE WHEN g.naam <> '' AND instr(g.naam, '@') = 0 THEN g.naam ELSE 'Medewerker ' || g.id END
                 FROM gebruiker g WHERE g.email = value), 'Medewerker') ELSE value END)
  FROM json_each(beoordeling.besluitvormers))
  WHERE besluitvormers LIKE '%@%';
CREATE TRIGGER beoordeling_vastgesteld BEFORE UPDATE ON beoordeling WHEN OLD.status = 'vastgesteld'
  BEGIN SELECT RAISE(ABORT, 'een vastgestelde beoordeling kan niet worden gewijzigd'); END;

ALTER TABLE audit ADD COLUMN innovatie_id INTEGER;
DROP TRIGGER audit_niet_wijzigen;
UPDATE audit SET innovatie_id = CASE
  WHEN resource = 'innovatie' THEN CAST(resource_id AS INTEGER)
  WHEN json_valid(wijzigingen) THEN json_extract(wijzigingen, '$.innovatie.nieuw')
  END;
UPDATE audit SET innovatie_id = (SELECT bron_id FROM adoptie WHERE adoptie.id = CAST(audit.resource_id AS INTEGER))
  WHERE resource = 'adoptie';
CREATE TRIGGER audit_niet_wijzigen BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'het auditspoor kan alleen worden aangevuld'); END;
CREATE INDEX audit_innovatie_idx ON audit(innovatie_id, id);

ALTER TABLE adoptie ADD COLUMN kopie TEXT;

CREATE TABLE geheim (
  naam   TEXT PRIMARY KEY,
  waarde TEXT NOT NULL
);
)sql",

    // 11: the orders of the portable SQL (lower(titel), gewijzigd_op), so a
    // page or a keyset scan reads along an index instead of sorting it all.
    R"sql(
DROP INDEX innovatie_titel_idx;
CREATE INDEX innovatie_titel_idx ON innovatie(lower(titel), id);
CREATE INDEX innovatie_gewijzigd_idx ON innovatie(gewijzigd_op, id);
)sql",

    // 12: the search queue becomes a feed of changes with a position per
    // consumer (the search index, the clusters), numbered without reuse;
    // and the clusters' candidate pairs.
    R"sql(
CREATE TABLE wijziging (
  volgnummer   INTEGER PRIMARY KEY AUTOINCREMENT,
  innovatie_id INTEGER NOT NULL
);
INSERT INTO wijziging (volgnummer, innovatie_id) SELECT volgnummer, innovatie_id FROM zoek_wachtrij;
CREATE TABLE wachtrij_stand (
  consument  TEXT PRIMARY KEY,
  volgnummer INTEGER NOT NULL
);
INSERT INTO wachtrij_stand (consument, volgnummer)
  VALUES ('zoek', coalesce((SELECT min(volgnummer) - 1 FROM wijziging), 0));
DROP TRIGGER zoek_innovatie_ins;
DROP TRIGGER zoek_innovatie_upd;
DROP TRIGGER zoek_innovatie_del;
DROP TABLE zoek_wachtrij;
CREATE TRIGGER wijziging_innovatie_ins AFTER INSERT ON innovatie BEGIN INSERT INTO wijziging (innovatie_id) VALUES (NEW.id); END;
CREATE TRIGGER wijziging_innovatie_upd AFTER UPDATE ON innovatie BEGIN INSERT INTO wijziging (innovatie_id) VALUES (NEW.id); END;
CREATE TRIGGER wijziging_innovatie_del AFTER DELETE ON innovatie BEGIN INSERT INTO wijziging (innovatie_id) VALUES (OLD.id); END;

CREATE TABLE cluster_paar (
  a INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  b INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX cluster_paar_b_idx ON cluster_paar(b);
)sql",

    // 13: measurements summed per municipality and year, kept up to date by
    // every import, so the dashboards' aggregation reads a few rows.
    R"sql(
CREATE TABLE meting_jaar (
  indicator_id    INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  gemeente        TEXT NOT NULL,
  jaar            TEXT NOT NULL,
  som             REAL NOT NULL,
  metingen        INTEGER NOT NULL,
  aantal          INTEGER,
  kleinste_aantal INTEGER,
  PRIMARY KEY (indicator_id, gemeente, jaar)
) WITHOUT ROWID;
INSERT INTO meting_jaar
  SELECT indicator_id, CASE WHEN length(gebied) >= 6 THEN 'GM' || substr(gebied, 3, 4) ELSE '' END, substr(periode, 1, 4),
         sum(waarde), count(*), sum(aantal), min(aantal)
  FROM meting GROUP BY 1, 2, 3;
)sql",

    // 14: the clusters recognise product names (a product is a strong key,
    // two different products never merge): every innovation is compared
    // again once, at the next start.
    R"sql(
DELETE FROM cluster_paar;
DELETE FROM wachtrij_stand WHERE consument = 'clusters';
)sql",

    // 15: learning - lessons and logbook notes (their content as JSON, each
    // change in the feed of its innovation, so the search index follows),
    // After Action Reviews and their cadence.
    R"sql(
CREATE TABLE les (
  id            INTEGER PRIMARY KEY,
  innovatie_id  INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  inhoud        TEXT NOT NULL,
  auteur        TEXT,
  auteur_id     INTEGER,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op  TEXT NOT NULL,
  versie        INTEGER NOT NULL
);
CREATE INDEX les_innovatie_idx ON les(innovatie_id, id);
CREATE TRIGGER wijziging_les_ins AFTER INSERT ON les BEGIN INSERT INTO wijziging (innovatie_id) VALUES (NEW.innovatie_id); END;
CREATE TRIGGER wijziging_les_upd AFTER UPDATE ON les BEGIN INSERT INTO wijziging (innovatie_id) VALUES (NEW.innovatie_id); END;
CREATE TRIGGER wijziging_les_del AFTER DELETE ON les BEGIN INSERT INTO wijziging (innovatie_id) VALUES (OLD.innovatie_id); END;

CREATE TABLE terugblik (
  id            INTEGER PRIMARY KEY,
  innovatie_id  INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  datum         TEXT NOT NULL,
  inhoud        TEXT NOT NULL,
  auteur        TEXT,
  auteur_id     INTEGER,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op  TEXT NOT NULL,
  versie        INTEGER NOT NULL
);
CREATE INDEX terugblik_innovatie_idx ON terugblik(innovatie_id, datum);

CREATE TABLE terugblik_ritme (
  innovatie_id INTEGER PRIMARY KEY REFERENCES innovatie(id) ON DELETE CASCADE,
  inhoud       TEXT NOT NULL,
  gewijzigd_op TEXT NOT NULL,
  versie       INTEGER NOT NULL
);
)sql",

    // 16: critical friends - invitations of accounts of other organisations
    // to read an innovation or one review and to comment, until a date.
    R"sql(
CREATE TABLE uitnodiging (
  id            INTEGER PRIMARY KEY,
  innovatie_id  INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  gebruiker_id  INTEGER NOT NULL REFERENCES gebruiker(id) ON DELETE CASCADE,
  inhoud        TEXT NOT NULL,
  auteur        TEXT,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op  TEXT NOT NULL,
  versie        INTEGER NOT NULL
);
CREATE INDEX uitnodiging_innovatie_idx ON uitnodiging(innovatie_id, id);
CREATE INDEX uitnodiging_gebruiker_idx ON uitnodiging(gebruiker_id, id);

CREATE TABLE vriend_commentaar (
  id             INTEGER PRIMARY KEY,
  uitnodiging_id INTEGER NOT NULL REFERENCES uitnodiging(id) ON DELETE CASCADE,
  innovatie_id   INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  tekst          TEXT NOT NULL,
  auteur         TEXT,
  aangemaakt_op  TEXT NOT NULL
);
CREATE INDEX vriend_commentaar_idx ON vriend_commentaar(innovatie_id, id);
)sql",
    // The Algoritmeregister publication of an algorithm (domain/publication.hpp), as JSON.
    R"sql(
ALTER TABLE innovatie ADD COLUMN publicatie TEXT;
)sql",
    // The inner circle's edit rights: a partner whose members may edit, as agreed with the owner.
    R"sql(
ALTER TABLE innovatie_partner ADD COLUMN bewerken INTEGER NOT NULL DEFAULT 0;
)sql",
    // Keeping registrations current: when each was last confirmed and by when
    // it should be checked again; existing ones count as confirmed at their last change.
    R"sql(
ALTER TABLE innovatie ADD COLUMN bevestigd_op TEXT;
ALTER TABLE innovatie ADD COLUMN herzien_op TEXT;
UPDATE innovatie SET bevestigd_op = substr(gewijzigd_op, 1, 10), herzien_op = date(substr(gewijzigd_op, 1, 10), '+1 year');
CREATE INDEX innovatie_herzien_idx ON innovatie(organisatie_id, herzien_op);
)sql",
    // Missions: shared goals with their partners, as JSON, and the innovations that contribute.
    R"sql(
CREATE TABLE missie (
  id            INTEGER PRIMARY KEY,
  status        TEXT NOT NULL,
  inhoud        TEXT NOT NULL,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op  TEXT NOT NULL,
  versie        INTEGER NOT NULL
);
CREATE TABLE missie_bijdrage (
  missie_id    INTEGER NOT NULL REFERENCES missie(id) ON DELETE CASCADE,
  innovatie_id INTEGER NOT NULL REFERENCES innovatie(id) ON DELETE CASCADE,
  status       TEXT NOT NULL,
  toelichting  TEXT NOT NULL,
  gevraagd_op  TEXT NOT NULL,
  beslist_op   TEXT,
  PRIMARY KEY (missie_id, innovatie_id)
);
CREATE INDEX missie_bijdrage_innovatie_idx ON missie_bijdrage(innovatie_id);
)sql",
};




}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Status Migrate(sql::Connection& c) {
  auto current = sql::Scalar(c, "PRAGMA user_version");
  if (!current.ok()) return current.status();
  int version = static_cast<int>(current.value().value_or(0));
  if (version > LatestSchemaVersion()) {
    Error e{ErrorKind::kIo, "De database is gemaakt door een nieuwere versie van Koers (schema " +
                                std::to_string(version) + ").", {}, 0, "schema too new"};
    return e;
  }
  for (int v = version; v < LatestSchemaVersion(); ++v) {
    Status st = c.Begin(true);
    if (!st.ok()) return st;
    st = c.ExecuteScript(kMigrations[v]);
    if (st.ok()) st = c.ExecuteScript("PRAGMA user_version = " + std::to_string(v + 1));
    if (st.ok()) st = c.Commit();
    if (!st.ok()) {
      c.Rollback();
      return st;
    }
    log::Info("schema_bijgewerkt", {{"versie", v + 1}});
  }
  return Status::Ok();
}

}  // namespace koers::sqlite
