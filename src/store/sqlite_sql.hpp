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
    "i.bron_id, i.bron_url, i.bron_status, i.bron_datum, i.versie, i.aangemaakt_op, i.gewijzigd_op, "
    "coalesce(i.aangemaakt_door, 0) FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id";
inline constexpr const char* kInnovationCountFrom =
    "SELECT count(*) FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id";
inline constexpr const char* kWhereId = " WHERE i.id = ?1";
inline constexpr const char* kWhereSource = " WHERE i.bron_register = ?1 AND i.bron_id = ?2";
inline constexpr const char* kWhereReference = " WHERE i.referentie = ?1 AND i.bron_register IS NULL";

// Innovations the viewer may read (domain/access.hpp): binds alles, then the
// user id four times. Anonymous is alles = 0, user = 0.
inline constexpr const char* kFilterVisible =
    "(? = 1 OR i.zichtbaarheid = 'openbaar' OR i.aangemaakt_door = ? "
    "OR EXISTS (SELECT 1 FROM teamlid t WHERE t.innovatie_id = i.id AND t.gebruiker_id = ?) "
    "OR (i.zichtbaarheid = 'organisatie' AND ("
    "EXISTS (SELECT 1 FROM gebruiker_rol r WHERE r.gebruiker_id = ? AND r.organisatie_id = i.organisatie_id) "
    "OR EXISTS (SELECT 1 FROM innovatie_partner p JOIN gebruiker_rol r ON r.organisatie_id = p.organisatie_id "
    "WHERE p.innovatie_id = i.id AND r.gebruiker_id = ?))))";

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

// Grouped counts: prefix + kFilterVisible + suffix.
inline constexpr const char* kCountByPhase = "SELECT i.fase, count(*) FROM innovatie i WHERE ";
inline constexpr const char* kCountByStatus = "SELECT i.status, count(*) FROM innovatie i WHERE ";
inline constexpr const char* kCountByDomain = "SELECT coalesce(i.domein, ''), count(*) FROM innovatie i WHERE ";
inline constexpr const char* kGroupByPhase = " GROUP BY i.fase";
inline constexpr const char* kGroupByStatus = " GROUP BY i.status";
inline constexpr const char* kGroupByDomain = " GROUP BY coalesce(i.domein, '')";

// Version and access facts in one query: partners as "code,code", linked
// team members as "userid:rol,userid:rol".
inline constexpr const char* kInnovationHeader =
    "SELECT i.id, i.versie, o.code, i.zichtbaarheid, coalesce(i.aangemaakt_door, 0), "
    "(SELECT group_concat(po.code) FROM innovatie_partner p JOIN organisatie po ON po.id = p.organisatie_id "
    "WHERE p.innovatie_id = i.id), "
    "(SELECT group_concat(t.gebruiker_id || ':' || t.rol) FROM teamlid t "
    "WHERE t.innovatie_id = i.id AND t.gebruiker_id IS NOT NULL) "
    "FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id WHERE i.id = ?1";

// Parameters ?1..?33 are bound by BindInnovation in sqlite_store.cpp.
inline constexpr const char* kInsertInnovation =
    "INSERT INTO innovatie (organisatie_id, titel, samenvatting, opgave, urgentie, doel, domein, fase, status, "
    "innovatie_type, innovatie_niveau, trl, analyse_niveau, orientatie, waardecreatie, waardepotentie, start_datum, "
    "kosten_extern, interne_uren, inkoop_route, zichtbaarheid, tags, technieken, databronnen, waarde_soorten, "
    "opgeschaald_naar, referentie, bron_register, bron_id, bron_url, bron_status, bron_datum, gewijzigd_op, "
    "aangemaakt_op, aangemaakt_door, versie) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?33, ?34, 1)";
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
    "SELECT t.naam, t.rol, t.archetypen, coalesce(g.email, ''), coalesce(t.gebruiker_id, 0) FROM teamlid t "
    "LEFT JOIN gebruiker g ON g.id = t.gebruiker_id WHERE t.innovatie_id = ?1 ORDER BY t.volgorde";
inline constexpr const char* kDeleteTeam = "DELETE FROM teamlid WHERE innovatie_id = ?1";
inline constexpr const char* kInsertTeamMember =
    "INSERT INTO teamlid (innovatie_id, volgorde, naam, rol, archetypen, gebruiker_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

inline constexpr const char* kSelectPhaseChanges =
    "SELECT fase, status, op, door, reden FROM fase_wijziging WHERE innovatie_id = ?1 ORDER BY op, id";
inline constexpr const char* kInsertPhaseChange =
    "INSERT INTO fase_wijziging (innovatie_id, fase, status, op, door, reden) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

inline constexpr const char* kChangeCounter = "SELECT waarde FROM teller WHERE naam = 'wijzigingen'";

// --- accounts ----------------------------------------------------------------
inline constexpr const char* kUserSelect =
    "SELECT g.id, g.email, g.naam, coalesce(g.wachtwoord_hash, ''), coalesce(g.oidc_issuer, ''), "
    "coalesce(g.oidc_subject, ''), g.actief, g.landelijk_beheerder, g.aangemaakt_op, "
    "coalesce(g.laatst_ingelogd_op, '') FROM gebruiker g";
inline constexpr const char* kWhereUserId = " WHERE g.id = ?1";
inline constexpr const char* kWhereUserEmail = " WHERE g.email = ?1";
inline constexpr const char* kWhereUserOidc = " WHERE g.oidc_issuer = ?1 AND g.oidc_subject = ?2";
// Users with a role in one of the organisations of ?2 (a JSON array), or
// with no role at all (new accounts waiting for rights), or all when ?1 = 1;
// ?3 filters on e-mail or name.
inline constexpr const char* kWhereUsersVisible =
    " WHERE (?1 = 1 OR (lower(g.email) = lower(?3) AND NOT EXISTS (SELECT 1 FROM gebruiker_rol r "
    "WHERE r.gebruiker_id = g.id) AND g.landelijk_beheerder = 0) "
    "OR EXISTS (SELECT 1 FROM gebruiker_rol r JOIN organisatie o ON o.id = r.organisatie_id "
    "WHERE r.gebruiker_id = g.id AND o.code IN (SELECT value FROM json_each(?2)))) "
    "AND (?3 = '' OR instr(lower(g.email), lower(?3)) > 0 OR instr(lower(g.naam), lower(?3)) > 0)";
inline constexpr const char* kUsersPage = " ORDER BY g.email LIMIT ?4 OFFSET ?5";
inline constexpr const char* kCountUsers = "SELECT count(*) FROM gebruiker g";
inline constexpr const char* kInsertUser =
    "INSERT INTO gebruiker (email, naam, wachtwoord_hash, oidc_issuer, oidc_subject, actief, landelijk_beheerder, "
    "aangemaakt_op) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
inline constexpr const char* kUpdateUser =
    "UPDATE gebruiker SET naam = ?2, wachtwoord_hash = ?3, oidc_issuer = ?4, oidc_subject = ?5, actief = ?6, "
    "landelijk_beheerder = ?7 WHERE id = ?1";
inline constexpr const char* kRecordLogin = "UPDATE gebruiker SET laatst_ingelogd_op = ?2 WHERE id = ?1";
inline constexpr const char* kRolesOfUser =
    "SELECT r.id, o.code, r.rol FROM gebruiker_rol r JOIN organisatie o ON o.id = r.organisatie_id "
    "WHERE r.gebruiker_id = ?1 ORDER BY o.code, r.rol";
inline constexpr const char* kInsertRole =
    "INSERT INTO gebruiker_rol (gebruiker_id, organisatie_id, rol) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";
inline constexpr const char* kFindRole =
    "SELECT r.id, o.code, r.rol FROM gebruiker_rol r JOIN organisatie o ON o.id = r.organisatie_id "
    "WHERE r.gebruiker_id = ?1 AND o.code = ?2 AND r.rol = ?3";
inline constexpr const char* kGetRole =
    "SELECT r.id, o.code, r.rol FROM gebruiker_rol r JOIN organisatie o ON o.id = r.organisatie_id "
    "WHERE r.id = ?1 AND r.gebruiker_id = ?2";
inline constexpr const char* kDeleteRole = "DELETE FROM gebruiker_rol WHERE id = ?1 AND gebruiker_id = ?2";

inline constexpr const char* kInsertSession =
    "INSERT INTO sessie (id_hash, gebruiker_id, csrf_token, aangemaakt_op, laatst_gebruikt_op) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr const char* kGetSession =
    "SELECT id_hash, gebruiker_id, csrf_token, aangemaakt_op, laatst_gebruikt_op FROM sessie WHERE id_hash = ?1";
inline constexpr const char* kTouchSession = "UPDATE sessie SET laatst_gebruikt_op = ?2 WHERE id_hash = ?1";
inline constexpr const char* kDeleteSession = "DELETE FROM sessie WHERE id_hash = ?1";
inline constexpr const char* kDeleteSessionsOfUser = "DELETE FROM sessie WHERE gebruiker_id = ?1";
inline constexpr const char* kDeleteExpiredSessions =
    "DELETE FROM sessie WHERE laatst_gebruikt_op < ?1 OR aangemaakt_op < ?2";

inline constexpr const char* kTokenColumns =
    "SELECT id, gebruiker_id, naam, aangemaakt_op, coalesce(laatst_gebruikt_op, ''), coalesce(ingetrokken_op, '') "
    "FROM api_token";
inline constexpr const char* kWhereTokenHash = " WHERE token_hash = ?1 AND ingetrokken_op IS NULL";
inline constexpr const char* kWhereTokenId = " WHERE id = ?1";
inline constexpr const char* kWhereTokensOfUser = " WHERE gebruiker_id = ?1 ORDER BY id";
inline constexpr const char* kInsertToken =
    "INSERT INTO api_token (gebruiker_id, naam, token_hash, aangemaakt_op) VALUES (?1, ?2, ?3, ?4)";
inline constexpr const char* kTouchToken = "UPDATE api_token SET laatst_gebruikt_op = ?2 WHERE id = ?1";
inline constexpr const char* kRevokeToken =
    "UPDATE api_token SET ingetrokken_op = ?3 WHERE id = ?1 AND gebruiker_id = ?2 AND ingetrokken_op IS NULL";

inline constexpr const char* kInsertAudit =
    "INSERT INTO audit (op, gebruiker_id, gebruiker, organisatie, actie, resource, resource_id, resultaat, "
    "wijzigingen, verzoek_id, innovatie_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
inline constexpr const char* kAuditColumns =
    "SELECT id, op, coalesce(gebruiker_id, 0), gebruiker, coalesce(organisatie, ''), actie, resource, "
    "coalesce(resource_id, ''), resultaat, wijzigingen, coalesce(verzoek_id, ''), coalesce(innovatie_id, 0) FROM audit";
inline constexpr const char* kCountAudit = "SELECT count(*) FROM audit";
inline constexpr const char* kWhereAuditVisible =
    " WHERE (?1 = 1 OR organisatie IN (SELECT value FROM json_each(?2))) AND (?3 = '' OR resource = ?3) "
    "AND (?4 = '' OR resource_id = ?4)";
inline constexpr const char* kAuditPage = " ORDER BY id DESC LIMIT ?5 OFFSET ?6";

inline constexpr const char* kInsertSecret = "INSERT OR IGNORE INTO geheim (naam, waarde) VALUES (?1, ?2)";
inline constexpr const char* kGetSecret = "SELECT waarde FROM geheim WHERE naam = ?1";
inline constexpr const char* kInsertOidcRequest =
    "INSERT INTO oidc_aanvraag (state_hash, nonce, code_verifier, terug_naar, aangemaakt_op) VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr const char* kGetOidcRequest =
    "SELECT nonce, code_verifier, terug_naar, aangemaakt_op FROM oidc_aanvraag WHERE state_hash = ?1";
inline constexpr const char* kDeleteOidcRequest = "DELETE FROM oidc_aanvraag WHERE state_hash = ?1 OR aangemaakt_op < ?2";

// --- steering ------------------------------------------------------------------
inline constexpr const char* kOrgOfInnovation =
    "SELECT o.code FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id WHERE i.id = ?1";
inline constexpr const char* kReviewSelect =
    "SELECT id, innovatie_id, fase, status, pijlers, schaduwkanten, coalesce(besluit, ''), coalesce(terug_naar, ''), "
    "coalesce(motivering, ''), besluitvormers, budget, doorlooptijd_maanden, coalesce(volgende_beoordeling, ''), "
    "opgesteld_door, opgesteld_op, coalesce(vastgesteld_door, ''), coalesce(vastgesteld_op, ''), versie FROM beoordeling";
inline constexpr const char* kWhereReviewsOf = " WHERE innovatie_id = ?1 ORDER BY id";
inline constexpr const char* kWhereRecordedReviewsOf =
    " WHERE innovatie_id = ?1 AND status = 'vastgesteld' ORDER BY vastgesteld_op, id";
inline constexpr const char* kWhereReview = " WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kInsertReview =
    "INSERT INTO beoordeling (innovatie_id, fase, status, pijlers, schaduwkanten, besluit, terug_naar, motivering, "
    "besluitvormers, budget, doorlooptijd_maanden, volgende_beoordeling, opgesteld_door, opgesteld_op) "
    "VALUES (?1, ?2, 'concept', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
inline constexpr const char* kUpdateReview =
    "UPDATE beoordeling SET fase = ?3, pijlers = ?4, schaduwkanten = ?5, besluit = ?6, terug_naar = ?7, "
    "motivering = ?8, besluitvormers = ?9, budget = ?10, doorlooptijd_maanden = ?11, volgende_beoordeling = ?12, "
    "versie = versie + 1 WHERE innovatie_id = ?1 AND id = ?2 AND status = 'concept'";
inline constexpr const char* kRecordReview =
    "UPDATE beoordeling SET status = 'vastgesteld', vastgesteld_door = ?3, vastgesteld_op = ?4, versie = versie + 1 "
    "WHERE innovatie_id = ?1 AND id = ?2 AND status = 'concept'";
inline constexpr const char* kDeleteReview =
    "DELETE FROM beoordeling WHERE innovatie_id = ?1 AND id = ?2 AND status = 'concept'";
inline constexpr const char* kSetPhase =
    "UPDATE innovatie SET fase = ?2, status = ?3, gewijzigd_op = ?4, versie = versie + 1 WHERE id = ?1";
inline constexpr const char* kPhaseOf = "SELECT fase, status FROM innovatie WHERE id = ?1";

inline constexpr const char* kUncertaintySelect =
    "SELECT id, innovatie_id, soort, titel, coalesce(omschrijving, ''), coalesce(eigenaar, ''), status, volgorde, "
    "coalesce(uitkomst, ''), aangemaakt_op, gewijzigd_op FROM onzekerheid";
inline constexpr const char* kWhereUncertaintiesOf = " WHERE innovatie_id = ?1";
inline constexpr const char* kWhereUncertainty = " WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kInsertUncertainty =
    "INSERT INTO onzekerheid (innovatie_id, soort, titel, omschrijving, eigenaar, status, volgorde, uitkomst, "
    "aangemaakt_op, gewijzigd_op) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
inline constexpr const char* kUpdateUncertainty =
    "UPDATE onzekerheid SET soort = ?3, titel = ?4, omschrijving = ?5, eigenaar = ?6, status = ?7, volgorde = ?8, "
    "uitkomst = ?9, gewijzigd_op = ?10 WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kDeleteUncertainty = "DELETE FROM onzekerheid WHERE innovatie_id = ?1 AND id = ?2";

inline constexpr const char* kGetBusinessCase =
    "SELECT inhoud, versie, gewijzigd_op, gewijzigd_door FROM businesscase WHERE innovatie_id = ?1";
inline constexpr const char* kUpsertBusinessCase =
    "INSERT INTO businesscase (innovatie_id, inhoud, versie, gewijzigd_op, gewijzigd_door) VALUES (?1, ?2, 1, ?3, ?4) "
    "ON CONFLICT(innovatie_id) DO UPDATE SET inhoud = excluded.inhoud, versie = businesscase.versie + 1, "
    "gewijzigd_op = excluded.gewijzigd_op, gewijzigd_door = excluded.gewijzigd_door";

inline constexpr const char* kListPitches =
    "SELECT versie, coalesce(behoeften, ''), coalesce(aanpak, ''), coalesce(voordelen, ''), "
    "coalesce(alternatieven, ''), op, door FROM pitch WHERE innovatie_id = ?1 ORDER BY versie DESC";
inline constexpr const char* kInsertPitch =
    "INSERT INTO pitch (innovatie_id, versie, behoeften, aanpak, voordelen, alternatieven, op, door) "
    "VALUES (?1, (SELECT coalesce(max(versie), 0) + 1 FROM pitch WHERE innovatie_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)";

inline constexpr const char* kListMaturity =
    "SELECT v.id, o.code, v.stadia, v.onderbouwing, v.datum, v.op, v.door FROM volwassenheid v "
    "JOIN organisatie o ON o.id = v.organisatie_id WHERE o.code = ?1 ORDER BY v.datum DESC, v.id DESC";
inline constexpr const char* kInsertMaturity =
    "INSERT INTO volwassenheid (organisatie_id, stadia, onderbouwing, datum, op, door) "
    "VALUES ((SELECT id FROM organisatie WHERE code = ?1), ?2, ?3, ?4, ?5, ?6)";

// --- adoption and reuse -------------------------------------------------------------
// Read order of kAdoptionSelect; see ReadAdoption in sqlite_adoption.cpp.
inline constexpr const char* kAdoptionSelect =
    "SELECT a.id, a.bron_id, o.code, o.naam, a.status, a.datum, coalesce(a.notitie, ''), coalesce(a.innovatie_id, 0), "
    "a.versie, a.aangemaakt_op, a.gewijzigd_op, coalesce(a.kopie, '') "
    "FROM adoptie a JOIN organisatie o ON o.id = a.organisatie_id";
inline constexpr const char* kWhereAdoption = " WHERE a.id = ?1";
inline constexpr const char* kWhereAdoptions =
    " WHERE (?1 = 0 OR a.bron_id = ?1) AND (?2 = '' OR o.code = ?2) AND (?3 = 0 OR a.innovatie_id = ?3) "
    "ORDER BY a.datum DESC, a.id DESC";
inline constexpr const char* kAdoptionSteps =
    "SELECT status, datum, coalesce(notitie, ''), door, op FROM adoptie_stap WHERE adoptie_id = ?1 ORDER BY id";
inline constexpr const char* kInsertAdoption =
    "INSERT INTO adoptie (bron_id, organisatie_id, status, datum, notitie, innovatie_id, versie, aangemaakt_op, "
    "gewijzigd_op, kopie) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8)";
inline constexpr const char* kUpdateAdoption =
    "UPDATE adoptie SET status = ?2, datum = ?3, notitie = ?4, innovatie_id = ?5, versie = versie + 1, "
    "gewijzigd_op = ?6, kopie = ?7 WHERE id = ?1";
inline constexpr const char* kInsertAdoptionStep =
    "INSERT INTO adoptie_stap (adoptie_id, status, datum, notitie, door, op) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr const char* kDeleteAdoption = "DELETE FROM adoptie WHERE id = ?1";

inline constexpr const char* kReuseSelect =
    "SELECT id, innovatie_id, soort, titel, coalesce(url, ''), coalesce(licentie, ''), coalesce(toelichting, ''), "
    "aangemaakt_op, gewijzigd_op FROM hergebruik";
inline constexpr const char* kWhereReuseOf = " WHERE innovatie_id = ?1 ORDER BY soort, id";
inline constexpr const char* kWhereReuse = " WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kInsertReuse =
    "INSERT INTO hergebruik (innovatie_id, soort, titel, url, licentie, toelichting, aangemaakt_op, gewijzigd_op) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
inline constexpr const char* kUpdateReuse =
    "UPDATE hergebruik SET soort = ?3, titel = ?4, url = ?5, licentie = ?6, toelichting = ?7, gewijzigd_op = ?8 "
    "WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kDeleteReuse = "DELETE FROM hergebruik WHERE innovatie_id = ?1 AND id = ?2";

// --- diagnosis and climate ----------------------------------------------------------
inline constexpr const char* kListDiagnoses =
    "SELECT id, innovatie_id, datum, factoren, op, door FROM diagnose WHERE innovatie_id = ?1 "
    "ORDER BY datum DESC, id DESC";
inline constexpr const char* kInsertDiagnosis =
    "INSERT INTO diagnose (innovatie_id, datum, factoren, op, door) VALUES (?1, ?2, ?3, ?4, ?5)";
// The newest diagnosis of every innovation that has one.
inline constexpr const char* kLatestDiagnoses =
    "SELECT d.id, d.innovatie_id, d.datum, d.factoren, d.op, d.door FROM diagnose d "
    "WHERE d.id = (SELECT x.id FROM diagnose x WHERE x.innovatie_id = d.innovatie_id "
    "ORDER BY x.datum DESC, x.id DESC LIMIT 1) ORDER BY d.innovatie_id";
inline constexpr const char* kListClimate =
    "SELECT k.id, o.code, k.datum, k.kenmerken, k.drempels, k.op, k.door FROM klimaatmeting k "
    "JOIN organisatie o ON o.id = k.organisatie_id WHERE o.code = ?1 ORDER BY k.datum DESC, k.id DESC";
inline constexpr const char* kInsertClimate =
    "INSERT INTO klimaatmeting (organisatie_id, datum, kenmerken, drempels, op, door) "
    "VALUES ((SELECT id FROM organisatie WHERE code = ?1), ?2, ?3, ?4, ?5, ?6)";

// --- search queue -----------------------------------------------------------------
inline constexpr const char* kSearchQueue =
    "SELECT volgnummer, innovatie_id FROM zoek_wachtrij ORDER BY volgnummer LIMIT ?1";
inline constexpr const char* kClearSearchQueue = "DELETE FROM zoek_wachtrij WHERE volgnummer <= ?1";
inline constexpr const char* kAllInnovationIds = "SELECT id FROM innovatie WHERE id > ?1 ORDER BY id LIMIT ?2";

// --- indicators and measurements ---------------------------------------------

inline constexpr const char* kIndicatorSelect =
    "SELECT id, innovatie_id, naam, soort, eenheid, richting, basis_waarde, basis_datum, doel_waarde, doel_datum, "
    "bron, gebiedsniveau, gebied_jaar, drempel, optelbaar, versie, aangemaakt_op, gewijzigd_op FROM indicator ";
inline constexpr const char* kWhereIndicatorId = "WHERE id = ?1";
inline constexpr const char* kWhereIndicatorsOf = "WHERE innovatie_id = ?1 ORDER BY id";
inline constexpr const char* kInsertIndicator =
    "INSERT INTO indicator (innovatie_id, naam, soort, eenheid, richting, basis_waarde, basis_datum, doel_waarde, "
    "doel_datum, bron, gebiedsniveau, gebied_jaar, drempel, optelbaar, versie, aangemaakt_op, gewijzigd_op) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, ?15)";
inline constexpr const char* kUpdateIndicator =
    "UPDATE indicator SET naam = ?2, soort = ?3, eenheid = ?4, richting = ?5, basis_waarde = ?6, basis_datum = ?7, "
    "doel_waarde = ?8, doel_datum = ?9, bron = ?10, gebiedsniveau = ?11, gebied_jaar = ?12, drempel = ?13, "
    "optelbaar = ?14, versie = versie + 1, gewijzigd_op = ?15 WHERE id = ?1";
inline constexpr const char* kTouchIndicator =
    "UPDATE indicator SET versie = versie + 1, gewijzigd_op = ?2 WHERE id = ?1";
inline constexpr const char* kDeleteIndicator = "DELETE FROM indicator WHERE id = ?1";
inline constexpr const char* kListMeasurements =
    "SELECT periode, gebied, waarde, aantal FROM meting WHERE indicator_id = ?1 ORDER BY periode, gebied";
inline constexpr const char* kCountMeasurements = "SELECT count(*) FROM meting WHERE indicator_id = ?1";
// Inserts a new cell or changes an existing one; an identical row changes
// nothing (sqlite3_changes() is then 0).
inline constexpr const char* kUpsertMeasurement =
    "INSERT INTO meting (indicator_id, periode, gebied, waarde, aantal) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (indicator_id, periode, gebied) DO UPDATE SET waarde = excluded.waarde, aantal = excluded.aantal "
    "WHERE waarde IS NOT excluded.waarde OR aantal IS NOT excluded.aantal";
// The rows of one indicator in key order, for summing in memory.
inline constexpr const char* kScanMeasurements =
    "SELECT gebied, periode, waarde, aantal FROM meting WHERE indicator_id = ?1";

}  // namespace koers::sqlite::sql
