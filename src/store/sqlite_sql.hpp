// Every SQL statement of the SQLite store, as named constants. Statements
// that take filters are composed from the fragments below only; values are
// always bound, never spliced in.
#pragma once

namespace koers::sqlite::sql {

// --- organisations ---------------------------------------------------------
inline constexpr const char* kOrganisationColumns = "id, code, naam, soort, tooi, aangemaakt_op";
inline constexpr const char* kGetOrganisation =
    "SELECT id, code, naam, soort, tooi, aangemaakt_op FROM organisatie WHERE code = ?1";
inline constexpr const char* kFindOrganisationByName =
    "SELECT id, code, naam, soort, tooi, aangemaakt_op FROM organisatie WHERE naam = ?1 COLLATE NOCASE "
    "ORDER BY id LIMIT 1";
inline constexpr const char* kOrganisationIdByCode = "SELECT id FROM organisatie WHERE code = ?1";
inline constexpr const char* kInsertOrganisationIfNew =
    "INSERT INTO organisatie (code, naam, soort, tooi, aangemaakt_op) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT(code) DO NOTHING";
inline constexpr const char* kListOrganisations =
    "SELECT id, code, naam, soort, tooi, aangemaakt_op FROM organisatie "
    "WHERE (?1 = '' OR soort = ?1) AND (?2 = '' OR instr(lower(naam), lower(?2)) > 0) "
    "ORDER BY naam COLLATE NOCASE, id LIMIT ?3 OFFSET ?4";
inline constexpr const char* kCountOrganisations =
    "SELECT count(*) FROM organisatie WHERE (?1 = '' OR soort = ?1) AND (?2 = '' OR instr(lower(naam), lower(?2)) > 0)";

// --- innovations -----------------------------------------------------------
// Read order of kInnovationSelect; see ReadInnovation in sqlite_store.cpp.
inline constexpr const char* kInnovationSelect =
    "SELECT i.id, o.code, o.naam, i.titel, i.samenvatting, i.opgave, i.urgentie, i.doel, i.domein, i.fase, "
    "i.status, i.innovatie_type, i.innovatie_niveau, i.trl, i.analyse_niveau, i.orientatie, i.waardecreatie, "
    "i.waardepotentie, i.start_datum, i.kosten_extern, i.interne_uren, i.inkoop_route, i.zichtbaarheid, i.tags, "
    "i.technieken, i.databronnen, i.waarde_soorten, i.opgeschaald_naar, i.referentie, i.bron_register, "
    "i.bron_id, i.bron_url, i.bron_status, i.bron_datum, i.versie, i.aangemaakt_op, i.gewijzigd_op "
    "FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id";
inline constexpr const char* kInnovationCountFrom =
    "SELECT count(*) FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id";
inline constexpr const char* kWhereId = " WHERE i.id = ?1";
inline constexpr const char* kWhereSource = " WHERE i.bron_register = ?1 AND i.bron_id = ?2";
inline constexpr const char* kWhereReference = " WHERE i.referentie = ?1 AND i.bron_register IS NULL";

// Filter fragments, joined with AND after " WHERE ".
inline constexpr const char* kFilterOrganisation = "o.code = ?";
inline constexpr const char* kFilterDomain = "i.domein = ?";
inline constexpr const char* kFilterPhase = "i.fase = ?";
inline constexpr const char* kFilterStatus = "i.status = ?";
inline constexpr const char* kFilterType = "i.innovatie_type = ?";
inline constexpr const char* kFilterLevel = "i.innovatie_niveau = ?";
inline constexpr const char* kFilterAnalytics = "i.analyse_niveau = ?";
inline constexpr const char* kFilterVisibility = "i.zichtbaarheid = ?";
inline constexpr const char* kFilterRegister = "i.bron_register = ?";
inline constexpr const char* kFilterNoRegister = "i.bron_register IS NULL";

inline constexpr const char* kOrderTitle = " ORDER BY i.titel COLLATE NOCASE, i.id";
inline constexpr const char* kOrderTitleDesc = " ORDER BY i.titel COLLATE NOCASE DESC, i.id DESC";
inline constexpr const char* kOrderChanged = " ORDER BY i.gewijzigd_op, i.id";
inline constexpr const char* kOrderChangedDesc = " ORDER BY i.gewijzigd_op DESC, i.id DESC";
inline constexpr const char* kOrderId = " ORDER BY i.id";
inline constexpr const char* kOrderIdDesc = " ORDER BY i.id DESC";
inline constexpr const char* kLimitOffset = " LIMIT ? OFFSET ?";

inline constexpr const char* kCountByPhase = "SELECT fase, count(*) FROM innovatie GROUP BY fase";
inline constexpr const char* kCountByStatus = "SELECT status, count(*) FROM innovatie GROUP BY status";
inline constexpr const char* kCountByDomain =
    "SELECT coalesce(domein, ''), count(*) FROM innovatie GROUP BY coalesce(domein, '')";

inline constexpr const char* kInnovationHeader =
    "SELECT i.id, i.versie, o.code, i.zichtbaarheid FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id "
    "WHERE i.id = ?1";

// Parameters ?1..?33 are bound by BindInnovation in sqlite_store.cpp.
inline constexpr const char* kInsertInnovation =
    "INSERT INTO innovatie (organisatie_id, titel, samenvatting, opgave, urgentie, doel, domein, fase, status, "
    "innovatie_type, innovatie_niveau, trl, analyse_niveau, orientatie, waardecreatie, waardepotentie, start_datum, "
    "kosten_extern, interne_uren, inkoop_route, zichtbaarheid, tags, technieken, databronnen, waarde_soorten, "
    "opgeschaald_naar, referentie, bron_register, bron_id, bron_url, bron_status, bron_datum, gewijzigd_op, "
    "aangemaakt_op, versie) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?33, 1)";
inline constexpr const char* kUpdateInnovation =
    "UPDATE innovatie SET organisatie_id = ?1, titel = ?2, samenvatting = ?3, opgave = ?4, urgentie = ?5, doel = ?6, "
    "domein = ?7, fase = ?8, status = ?9, innovatie_type = ?10, innovatie_niveau = ?11, trl = ?12, "
    "analyse_niveau = ?13, orientatie = ?14, waardecreatie = ?15, waardepotentie = ?16, start_datum = ?17, "
    "kosten_extern = ?18, interne_uren = ?19, inkoop_route = ?20, zichtbaarheid = ?21, tags = ?22, "
    "technieken = ?23, databronnen = ?24, waarde_soorten = ?25, opgeschaald_naar = ?26, referentie = ?27, "
    "bron_register = ?28, bron_id = ?29, bron_url = ?30, bron_status = ?31, bron_datum = ?32, gewijzigd_op = ?33, "
    "versie = versie + 1 WHERE id = ?34";
inline constexpr const char* kDeleteInnovation = "DELETE FROM innovatie WHERE id = ?1";

inline constexpr const char* kSelectPartners =
    "SELECT o.code FROM innovatie_partner p JOIN organisatie o ON o.id = p.organisatie_id "
    "WHERE p.innovatie_id = ?1 ORDER BY o.code";
inline constexpr const char* kDeletePartners = "DELETE FROM innovatie_partner WHERE innovatie_id = ?1";
inline constexpr const char* kInsertPartner =
    "INSERT OR IGNORE INTO innovatie_partner (innovatie_id, organisatie_id) VALUES (?1, ?2)";

inline constexpr const char* kSelectTeam =
    "SELECT naam, rol, archetypen FROM teamlid WHERE innovatie_id = ?1 ORDER BY volgorde";
inline constexpr const char* kDeleteTeam = "DELETE FROM teamlid WHERE innovatie_id = ?1";
inline constexpr const char* kInsertTeamMember =
    "INSERT INTO teamlid (innovatie_id, volgorde, naam, rol, archetypen) VALUES (?1, ?2, ?3, ?4, ?5)";

inline constexpr const char* kSelectPhaseChanges =
    "SELECT fase, status, op, door, reden FROM fase_wijziging WHERE innovatie_id = ?1 ORDER BY op, id";
inline constexpr const char* kInsertPhaseChange =
    "INSERT INTO fase_wijziging (innovatie_id, fase, status, op, door, reden) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

inline constexpr const char* kChangeCounter = "SELECT waarde FROM teller WHERE naam = 'wijzigingen'";

}  // namespace koers::sqlite::sql
