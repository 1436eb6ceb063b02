// Every SQL statement of the store, as named constants, in SQL that both
// SQLite (3.40) and PostgreSQL (15) run: numbered parameters (?1, ...),
// ON CONFLICT, RETURNING, IS DISTINCT FROM, lower() instead of collations.
// Statements with filters or lists are composed from these fragments by
// sql::Composed; values are always bound, never spliced in. The tables are
// described in docs/store.md.
#pragma once

namespace koers::sql::statements {

// --- organisations ---------------------------------------------------------
// Read by ReadOrganisation (organisations.cpp).
inline constexpr const char* kOrganisationColumns = "SELECT id, code, naam, soort, coalesce(tooi, ''), aangemaakt_op FROM organisatie";
inline constexpr const char* kWhereOrganisationCode = " WHERE code = ?1";
inline constexpr const char* kWhereOrganisationName = " WHERE lower(naam) = lower(?1) ORDER BY id LIMIT 1";
inline constexpr const char* kOrderOrganisations = " ORDER BY lower(naam), id";
inline constexpr const char* kCountOrganisations = "SELECT count(*) FROM organisatie";
inline constexpr const char* kInsertOrganisation =
    "INSERT INTO organisatie (code, naam, soort, tooi, aangemaakt_op) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (code) DO NOTHING";
inline constexpr const char* kOrganisationId = "SELECT id FROM organisatie WHERE code = ?1";

// --- innovations -----------------------------------------------------------
// Read by ReadInnovation (innovations.cpp), in this order.
inline constexpr const char* kInnovationColumns =
    "SELECT i.id, o.code, o.naam, i.titel, i.samenvatting, i.opgave, i.urgentie, i.doel, i.domein, i.fase, "
    "i.status, i.innovatie_type, i.innovatie_niveau, i.trl, i.analyse_niveau, i.orientatie, i.waardecreatie, "
    "i.waardepotentie, i.start_datum, i.kosten_extern, i.interne_uren, i.inkoop_route, i.zichtbaarheid, i.tags, "
    "i.technieken, i.databronnen, i.waarde_soorten, i.opgeschaald_naar, i.referentie, i.bron_register, "
    "i.bron_id, i.bron_url, i.bron_status, i.bron_datum, i.publicatie, coalesce(i.bevestigd_op, ''), "
    "coalesce(i.herzien_op, ''), i.versie, i.aangemaakt_op, i.gewijzigd_op, "
    "coalesce(i.aangemaakt_door, 0) FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id";
inline constexpr const char* kInnovationCount = "SELECT count(*) FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id";

// Innovations the viewer may read (domain/access.hpp, CanRead): "?" are
// alles, then the user id four times (sql::Composed numbers them).
inline constexpr const char* kVisible =
    "(? = 1 OR i.zichtbaarheid = 'openbaar' OR i.aangemaakt_door = ? "
    "OR EXISTS (SELECT 1 FROM teamlid t WHERE t.innovatie_id = i.id AND t.gebruiker_id = ?) "
    "OR (i.zichtbaarheid = 'organisatie' AND ("
    "EXISTS (SELECT 1 FROM gebruiker_rol r WHERE r.gebruiker_id = ? AND r.organisatie_id = i.organisatie_id) "
    "OR EXISTS (SELECT 1 FROM innovatie_partner p JOIN gebruiker_rol r ON r.organisatie_id = p.organisatie_id "
    "WHERE p.innovatie_id = i.id AND r.gebruiker_id = ?))))";

// Innovations whose review date lies before "?" (a date).
inline constexpr const char* kReviewBefore = " AND i.herzien_op < ?";

// Innovations that have the organisation "?" (a code) among their partners.
inline constexpr const char* kWithPartner =
    " AND EXISTS (SELECT 1 FROM innovatie_partner pf JOIN organisatie po ON po.id = pf.organisatie_id "
    "WHERE pf.innovatie_id = i.id AND po.code = ?)";

inline constexpr const char* kOrderTitle = " ORDER BY lower(i.titel), i.id";
inline constexpr const char* kOrderTitleDesc = " ORDER BY lower(i.titel) DESC, i.id DESC";
inline constexpr const char* kOrderChanged = " ORDER BY i.gewijzigd_op, i.id";
inline constexpr const char* kOrderChangedDesc = " ORDER BY i.gewijzigd_op DESC, i.id DESC";
inline constexpr const char* kOrderId = " ORDER BY i.id";
inline constexpr const char* kOrderReview = " ORDER BY i.herzien_op, i.id";
inline constexpr const char* kOrderIdDesc = " ORDER BY i.id DESC";

inline constexpr const char* kInnovationHeader =
    "SELECT i.id, i.versie, o.code, i.zichtbaarheid, coalesce(i.aangemaakt_door, 0) "
    "FROM innovatie i JOIN organisatie o ON o.id = i.organisatie_id WHERE i.id = ?1";
inline constexpr const char* kLinkedTeam =
    "SELECT gebruiker_id, rol FROM teamlid WHERE innovatie_id = ?1 AND gebruiker_id IS NOT NULL ORDER BY volgorde";

// ?1..?35 the fields (InnovationParams in innovations.cpp), ?36 now, ?37 the creator.
inline constexpr const char* kInsertInnovation =
    "INSERT INTO innovatie (organisatie_id, titel, samenvatting, opgave, urgentie, doel, domein, fase, status, "
    "innovatie_type, innovatie_niveau, trl, analyse_niveau, orientatie, waardecreatie, waardepotentie, start_datum, "
    "kosten_extern, interne_uren, inkoop_route, zichtbaarheid, tags, technieken, databronnen, waarde_soorten, "
    "opgeschaald_naar, referentie, bron_register, bron_id, bron_url, bron_status, bron_datum, publicatie, bevestigd_op, "
    "herzien_op, gewijzigd_op, aangemaakt_op, aangemaakt_door, versie) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, "
    "?34, ?35, ?36, ?36, ?37, 1) "
    "RETURNING id";
// ?1..?35 the fields, ?36 now, ?37 the id, ?38 the expected version (0: any).
inline constexpr const char* kUpdateInnovation =
    "UPDATE innovatie SET organisatie_id = ?1, titel = ?2, samenvatting = ?3, opgave = ?4, urgentie = ?5, doel = ?6, "
    "domein = ?7, fase = ?8, status = ?9, innovatie_type = ?10, innovatie_niveau = ?11, trl = ?12, "
    "analyse_niveau = ?13, orientatie = ?14, waardecreatie = ?15, waardepotentie = ?16, start_datum = ?17, "
    "kosten_extern = ?18, interne_uren = ?19, inkoop_route = ?20, zichtbaarheid = ?21, tags = ?22, "
    "technieken = ?23, databronnen = ?24, waarde_soorten = ?25, opgeschaald_naar = ?26, referentie = ?27, "
    "bron_register = ?28, bron_id = ?29, bron_url = ?30, bron_status = ?31, bron_datum = ?32, publicatie = ?33, "
    "bevestigd_op = ?34, herzien_op = ?35, gewijzigd_op = ?36, versie = versie + 1 "
    "WHERE id = ?37 AND (?38 = 0 OR versie = ?38) RETURNING versie";
inline constexpr const char* kSetPhase =
    "UPDATE innovatie SET fase = ?2, status = ?3, gewijzigd_op = ?4, versie = versie + 1 WHERE id = ?1 RETURNING versie";
inline constexpr const char* kInnovationVersion = "SELECT versie FROM innovatie WHERE id = ?1";
inline constexpr const char* kDeleteInnovation = "DELETE FROM innovatie WHERE id = ?1";
inline constexpr const char* kWhereSource = "SELECT id FROM innovatie WHERE bron_register = ?1 AND bron_id = ?2";
inline constexpr const char* kWhereReference =
    "SELECT id FROM innovatie WHERE referentie = ?1 AND bron_register IS NULL ORDER BY id LIMIT 1";
inline constexpr const char* kInnovationIds = "SELECT id FROM innovatie WHERE id > ?1 ORDER BY id LIMIT ?2";

// Children of many innovations at once: these end in "IN " + a list.
inline constexpr const char* kPartnersOf =
    "SELECT p.innovatie_id, o.code, p.bewerken FROM innovatie_partner p JOIN organisatie o ON o.id = p.organisatie_id "
    "WHERE p.innovatie_id IN ";
inline constexpr const char* kPartnersOrder = " ORDER BY p.innovatie_id, o.code";
inline constexpr const char* kTeamOf =
    "SELECT t.innovatie_id, t.naam, t.rol, t.archetypen, coalesce(g.email, ''), coalesce(t.gebruiker_id, 0) "
    "FROM teamlid t LEFT JOIN gebruiker g ON g.id = t.gebruiker_id WHERE t.innovatie_id IN ";
inline constexpr const char* kTeamOrder = " ORDER BY t.innovatie_id, t.volgorde";
inline constexpr const char* kPhaseChangesOf =
    "SELECT innovatie_id, fase, status, op, coalesce(door, ''), coalesce(reden, '') FROM fase_wijziging "
    "WHERE innovatie_id IN ";
inline constexpr const char* kPhaseChangesOrder = " ORDER BY innovatie_id, op, id";

inline constexpr const char* kDeletePartners = "DELETE FROM innovatie_partner WHERE innovatie_id = ?1";
inline constexpr const char* kInsertPartner =
    "INSERT INTO innovatie_partner (innovatie_id, organisatie_id, bewerken) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";
inline constexpr const char* kDeleteTeam = "DELETE FROM teamlid WHERE innovatie_id = ?1";
inline constexpr const char* kInsertTeamMember =
    "INSERT INTO teamlid (innovatie_id, volgorde, naam, rol, archetypen, gebruiker_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr const char* kInsertPhaseChange =
    "INSERT INTO fase_wijziging (innovatie_id, fase, status, op, door, reden) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

inline constexpr const char* kChangeCounter = "SELECT waarde FROM teller WHERE naam = 'wijzigingen'";

// --- accounts ----------------------------------------------------------------
// Read by ReadUser (accounts.cpp).
inline constexpr const char* kUserColumns =
    "SELECT g.id, g.email, g.naam, coalesce(g.wachtwoord_hash, ''), coalesce(g.oidc_issuer, ''), "
    "coalesce(g.oidc_subject, ''), g.actief, g.landelijk_beheerder, g.aangemaakt_op, "
    "coalesce(g.laatst_ingelogd_op, '') FROM gebruiker g";
inline constexpr const char* kWhereUserId = " WHERE g.id = ?1";
inline constexpr const char* kWhereUserEmail = " WHERE g.email = ?1";
inline constexpr const char* kWhereUserOidc = " WHERE g.oidc_issuer = ?1 AND g.oidc_subject = ?2";
inline constexpr const char* kCountUsers = "SELECT count(*) FROM gebruiker g";
// Users with a role in one of the organisations in the list that follows.
inline constexpr const char* kUserInOrganisations =
    "EXISTS (SELECT 1 FROM gebruiker_rol r JOIN organisatie o ON o.id = r.organisatie_id "
    "WHERE r.gebruiker_id = g.id AND o.code IN ";
// An account without roles (not a landelijk beheerder) with exactly this address.
inline constexpr const char* kUserWaiting =
    "(g.email = lower(?) AND g.landelijk_beheerder = 0 AND NOT EXISTS "
    "(SELECT 1 FROM gebruiker_rol r WHERE r.gebruiker_id = g.id))";
inline constexpr const char* kUserMatches = "(lower(g.email) LIKE lower(?) ESCAPE '\\' OR lower(g.naam) LIKE lower(?) ESCAPE '\\')";
inline constexpr const char* kOrderUsers = " ORDER BY g.email";
inline constexpr const char* kInsertUser =
    "INSERT INTO gebruiker (email, naam, wachtwoord_hash, oidc_issuer, oidc_subject, actief, landelijk_beheerder, "
    "aangemaakt_op) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id";
inline constexpr const char* kUpdateUser =
    "UPDATE gebruiker SET naam = ?2, wachtwoord_hash = ?3, oidc_issuer = ?4, oidc_subject = ?5, actief = ?6, "
    "landelijk_beheerder = ?7 WHERE id = ?1";
inline constexpr const char* kRecordLogin = "UPDATE gebruiker SET laatst_ingelogd_op = ?2 WHERE id = ?1";
inline constexpr const char* kRolesOf =
    "SELECT r.gebruiker_id, r.id, o.code, r.rol FROM gebruiker_rol r JOIN organisatie o ON o.id = r.organisatie_id "
    "WHERE r.gebruiker_id IN ";
inline constexpr const char* kRolesOrder = " ORDER BY r.gebruiker_id, o.code, r.rol";
inline constexpr const char* kInsertRole =
    "INSERT INTO gebruiker_rol (gebruiker_id, organisatie_id, rol) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";
inline constexpr const char* kFindRole =
    "SELECT r.id, o.code, r.rol FROM gebruiker_rol r JOIN organisatie o ON o.id = r.organisatie_id "
    "WHERE r.gebruiker_id = ?1 AND o.code = ?2 AND r.rol = ?3";
inline constexpr const char* kDeleteRole = "DELETE FROM gebruiker_rol WHERE id = ?1 AND gebruiker_id = ?2";

inline constexpr const char* kInsertSession =
    "INSERT INTO sessie (id_hash, gebruiker_id, csrf_token, aangemaakt_op, laatst_gebruikt_op) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr const char* kGetSession =
    "SELECT id_hash, gebruiker_id, csrf_token, aangemaakt_op, laatst_gebruikt_op FROM sessie WHERE id_hash = ?1";
inline constexpr const char* kTouchSession = "UPDATE sessie SET laatst_gebruikt_op = ?2 WHERE id_hash = ?1";
inline constexpr const char* kDeleteSession = "DELETE FROM sessie WHERE id_hash = ?1";
inline constexpr const char* kDeleteSessionsOf = "DELETE FROM sessie WHERE gebruiker_id = ?1";
inline constexpr const char* kDeleteExpiredSessions =
    "DELETE FROM sessie WHERE laatst_gebruikt_op < ?1 OR aangemaakt_op < ?2";

inline constexpr const char* kTokenColumns =
    "SELECT id, gebruiker_id, naam, aangemaakt_op, coalesce(laatst_gebruikt_op, ''), coalesce(ingetrokken_op, '') "
    "FROM api_token";
inline constexpr const char* kWhereTokenHash = " WHERE token_hash = ?1 AND ingetrokken_op IS NULL";
inline constexpr const char* kWhereTokenId = " WHERE id = ?1";
inline constexpr const char* kWhereTokensOf = " WHERE gebruiker_id = ?1 ORDER BY id";
inline constexpr const char* kInsertToken =
    "INSERT INTO api_token (gebruiker_id, naam, token_hash, aangemaakt_op) VALUES (?1, ?2, ?3, ?4) RETURNING id";
inline constexpr const char* kTouchToken = "UPDATE api_token SET laatst_gebruikt_op = ?2 WHERE id = ?1";
inline constexpr const char* kRevokeToken =
    "UPDATE api_token SET ingetrokken_op = ?3 WHERE id = ?1 AND gebruiker_id = ?2 AND ingetrokken_op IS NULL";

inline constexpr const char* kInsertOidcRequest =
    "INSERT INTO oidc_aanvraag (state_hash, nonce, code_verifier, terug_naar, aangemaakt_op) VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr const char* kGetOidcRequest =
    "SELECT nonce, code_verifier, terug_naar, aangemaakt_op FROM oidc_aanvraag WHERE state_hash = ?1";
inline constexpr const char* kDeleteOidcRequests =
    "DELETE FROM oidc_aanvraag WHERE state_hash = ?1 OR aangemaakt_op < ?2";

inline constexpr const char* kInsertSecret = "INSERT INTO geheim (naam, waarde) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
inline constexpr const char* kGetSecret = "SELECT waarde FROM geheim WHERE naam = ?1";

// --- audit trail and feed of changes ------------------------------------------
inline constexpr const char* kInsertAudit =
    "INSERT INTO audit (op, gebruiker_id, gebruiker, organisatie, actie, resource, resource_id, resultaat, "
    "wijzigingen, verzoek_id, innovatie_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
inline constexpr const char* kAuditColumns =
    "SELECT id, op, coalesce(gebruiker_id, 0), gebruiker, coalesce(organisatie, ''), actie, resource, "
    "coalesce(resource_id, ''), resultaat, wijzigingen, coalesce(verzoek_id, ''), coalesce(innovatie_id, 0) FROM audit";
inline constexpr const char* kAuditCount = "SELECT count(*) FROM audit";
inline constexpr const char* kOrderAudit = " ORDER BY id DESC";

inline constexpr const char* kPendingChanges =
    "SELECT volgnummer, innovatie_id FROM wijziging WHERE volgnummer > "
    "coalesce((SELECT volgnummer FROM wachtrij_stand WHERE consument = ?1), 0) ORDER BY volgnummer LIMIT ?2";
inline constexpr const char* kSetPosition =
    "INSERT INTO wachtrij_stand (consument, volgnummer) VALUES (?1, ?2) "
    "ON CONFLICT (consument) DO UPDATE SET volgnummer = excluded.volgnummer";
inline constexpr const char* kPruneChanges =
    "DELETE FROM wijziging WHERE volgnummer <= (SELECT min(volgnummer) FROM wachtrij_stand)";
inline constexpr const char* kChangeHead = "SELECT coalesce(max(volgnummer), 0) FROM wijziging";
inline constexpr const char* kPosition = "SELECT volgnummer FROM wachtrij_stand WHERE consument = ?1";

// --- cluster pairs -----------------------------------------------------------
inline constexpr const char* kClusterPairs = "SELECT a, b FROM cluster_paar ORDER BY a, b";
inline constexpr const char* kDeletePairsOf = "DELETE FROM cluster_paar WHERE a = ?1 OR b = ?1";
inline constexpr const char* kDeleteAllPairs = "DELETE FROM cluster_paar";
// Skips a partner that is gone (the pair would outlive it).
inline constexpr const char* kInsertPair =
    "INSERT INTO cluster_paar (a, b) SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM innovatie WHERE id = ?1) "
    "AND EXISTS (SELECT 1 FROM innovatie WHERE id = ?2) ON CONFLICT DO NOTHING";

// --- steering ------------------------------------------------------------------
// Read by ReadReview (steering.cpp).
inline constexpr const char* kReviewColumns =
    "SELECT id, innovatie_id, fase, status, pijlers, schaduwkanten, coalesce(besluit, ''), coalesce(terug_naar, ''), "
    "coalesce(motivering, ''), besluitvormers, budget, doorlooptijd_maanden, coalesce(volgende_beoordeling, ''), "
    "opgesteld_door, opgesteld_op, coalesce(vastgesteld_door, ''), coalesce(vastgesteld_op, ''), versie FROM beoordeling";
inline constexpr const char* kWhereReviewsOf = " WHERE innovatie_id = ?1 ORDER BY id";
inline constexpr const char* kWhereReviewsIn = " WHERE innovatie_id IN ";
inline constexpr const char* kOrderReviews = " ORDER BY innovatie_id, id";
inline constexpr const char* kWhereReview = " WHERE innovatie_id = ?1 AND id = ?2";
// ?1 innovation, ?2 fase, ?3..?11 the content (BindReview), ?12 door, ?13 now.
inline constexpr const char* kInsertReview =
    "INSERT INTO beoordeling (innovatie_id, fase, status, pijlers, schaduwkanten, besluit, terug_naar, motivering, "
    "besluitvormers, budget, doorlooptijd_maanden, volgende_beoordeling, opgesteld_door, opgesteld_op) "
    "VALUES (?1, ?2, 'concept', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id";
// ?1 innovation, ?2 id, ?3 fase, ?4..?12 the content (BindReview), ?13 expected version (0: any).
inline constexpr const char* kUpdateReview =
    "UPDATE beoordeling SET fase = ?3, pijlers = ?4, schaduwkanten = ?5, besluit = ?6, terug_naar = ?7, "
    "motivering = ?8, besluitvormers = ?9, budget = ?10, doorlooptijd_maanden = ?11, volgende_beoordeling = ?12, "
    "versie = versie + 1 WHERE innovatie_id = ?1 AND id = ?2 AND status = 'concept' AND (?13 = 0 OR versie = ?13)";
inline constexpr const char* kRecordReview =
    "UPDATE beoordeling SET status = 'vastgesteld', vastgesteld_door = ?3, vastgesteld_op = ?4, versie = versie + 1 "
    "WHERE innovatie_id = ?1 AND id = ?2 AND status = 'concept'";
inline constexpr const char* kDeleteReview =
    "DELETE FROM beoordeling WHERE innovatie_id = ?1 AND id = ?2 AND status = 'concept'";

inline constexpr const char* kUncertaintyColumns =
    "SELECT id, innovatie_id, soort, titel, coalesce(omschrijving, ''), coalesce(eigenaar, ''), status, volgorde, "
    "coalesce(uitkomst, ''), aangemaakt_op, gewijzigd_op FROM onzekerheid";
inline constexpr const char* kWhereUncertaintiesOf = " WHERE innovatie_id = ?1";
inline constexpr const char* kWhereUncertainty = " WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kInsertUncertainty =
    "INSERT INTO onzekerheid (innovatie_id, soort, titel, omschrijving, eigenaar, status, volgorde, uitkomst, "
    "aangemaakt_op, gewijzigd_op) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) RETURNING id";
inline constexpr const char* kUpdateUncertainty =
    "UPDATE onzekerheid SET soort = ?3, titel = ?4, omschrijving = ?5, eigenaar = ?6, status = ?7, volgorde = ?8, "
    "uitkomst = ?9, gewijzigd_op = ?10 WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kDeleteUncertainty = "DELETE FROM onzekerheid WHERE innovatie_id = ?1 AND id = ?2";

inline constexpr const char* kBusinessCaseColumns =
    "SELECT innovatie_id, inhoud, versie, gewijzigd_op, gewijzigd_door FROM businesscase";
inline constexpr const char* kWhereBusinessCase = " WHERE innovatie_id = ?1";
inline constexpr const char* kWhereBusinessCasesIn = " WHERE innovatie_id IN ";
inline constexpr const char* kInsertBusinessCase =
    "INSERT INTO businesscase (innovatie_id, inhoud, versie, gewijzigd_op, gewijzigd_door) VALUES (?1, ?2, 1, ?3, ?4)";
inline constexpr const char* kUpdateBusinessCase =
    "UPDATE businesscase SET inhoud = ?2, versie = versie + 1, gewijzigd_op = ?3, gewijzigd_door = ?4 "
    "WHERE innovatie_id = ?1 AND (?5 = 0 OR versie = ?5)";

inline constexpr const char* kListPitches =
    "SELECT innovatie_id, versie, coalesce(behoeften, ''), coalesce(aanpak, ''), coalesce(voordelen, ''), "
    "coalesce(alternatieven, ''), op, door FROM pitch WHERE innovatie_id = ?1 ORDER BY versie DESC";
inline constexpr const char* kInsertPitch =
    "INSERT INTO pitch (innovatie_id, versie, behoeften, aanpak, voordelen, alternatieven, op, door) "
    "VALUES (?1, (SELECT coalesce(max(versie), 0) + 1 FROM pitch WHERE innovatie_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7) "
    "RETURNING versie";

inline constexpr const char* kListMaturity =
    "SELECT v.id, o.code, v.stadia, v.onderbouwing, v.datum, v.op, v.door FROM volwassenheid v "
    "JOIN organisatie o ON o.id = v.organisatie_id WHERE o.code = ?1 ORDER BY v.datum DESC, v.id DESC";
inline constexpr const char* kInsertMaturity =
    "INSERT INTO volwassenheid (organisatie_id, stadia, onderbouwing, datum, op, door) "
    "VALUES ((SELECT id FROM organisatie WHERE code = ?1), ?2, ?3, ?4, ?5, ?6) RETURNING id";

// --- diagnosis and climate ----------------------------------------------------------
inline constexpr const char* kListDiagnoses =
    "SELECT id, innovatie_id, datum, factoren, op, door FROM diagnose WHERE innovatie_id = ?1 "
    "ORDER BY datum DESC, id DESC";
inline constexpr const char* kInsertDiagnosis =
    "INSERT INTO diagnose (innovatie_id, datum, factoren, op, door) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id";
inline constexpr const char* kLatestDiagnoses =
    "SELECT d.id, d.innovatie_id, d.datum, d.factoren, d.op, d.door FROM diagnose d "
    "WHERE d.id = (SELECT x.id FROM diagnose x WHERE x.innovatie_id = d.innovatie_id "
    "ORDER BY x.datum DESC, x.id DESC LIMIT 1) ORDER BY d.innovatie_id";
inline constexpr const char* kListClimate =
    "SELECT k.id, o.code, k.datum, k.kenmerken, k.drempels, k.op, k.door FROM klimaatmeting k "
    "JOIN organisatie o ON o.id = k.organisatie_id WHERE o.code = ?1 ORDER BY k.datum DESC, k.id DESC";
inline constexpr const char* kInsertClimate =
    "INSERT INTO klimaatmeting (organisatie_id, datum, kenmerken, drempels, op, door) "
    "VALUES ((SELECT id FROM organisatie WHERE code = ?1), ?2, ?3, ?4, ?5, ?6) RETURNING id";

// --- adoption and reuse -------------------------------------------------------------
// Read by ReadAdoption (adoptions.cpp).
inline constexpr const char* kAdoptionColumns =
    "SELECT a.id, a.bron_id, o.code, o.naam, a.status, a.datum, coalesce(a.notitie, ''), coalesce(a.innovatie_id, 0), "
    "a.versie, a.aangemaakt_op, a.gewijzigd_op, coalesce(a.kopie, '') "
    "FROM adoptie a JOIN organisatie o ON o.id = a.organisatie_id";
inline constexpr const char* kWhereAdoption = " WHERE a.id = ?1";
inline constexpr const char* kAdoptionsOfOwner =
    " AND a.bron_id IN (SELECT bi.id FROM innovatie bi JOIN organisatie bo ON bo.id = bi.organisatie_id "
    "WHERE bo.code = ?)";
inline constexpr const char* kOrderAdoptions = " ORDER BY a.datum DESC, a.id DESC";
inline constexpr const char* kStepsOf =
    "SELECT adoptie_id, status, datum, coalesce(notitie, ''), door, op FROM adoptie_stap WHERE adoptie_id IN ";
inline constexpr const char* kStepsOrder = " ORDER BY adoptie_id, id";
inline constexpr const char* kInsertAdoption =
    "INSERT INTO adoptie (bron_id, organisatie_id, status, datum, notitie, innovatie_id, versie, aangemaakt_op, "
    "gewijzigd_op, kopie) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8) RETURNING id";
inline constexpr const char* kUpdateAdoption =
    "UPDATE adoptie SET status = ?2, datum = ?3, notitie = ?4, innovatie_id = ?5, versie = versie + 1, "
    "gewijzigd_op = ?6, kopie = ?7 WHERE id = ?1 AND (?8 = 0 OR versie = ?8)";
inline constexpr const char* kInsertStep =
    "INSERT INTO adoptie_stap (adoptie_id, status, datum, notitie, door, op) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr const char* kDeleteAdoption = "DELETE FROM adoptie WHERE id = ?1";

inline constexpr const char* kAssetColumns =
    "SELECT id, innovatie_id, soort, titel, coalesce(url, ''), coalesce(licentie, ''), coalesce(toelichting, ''), "
    "aangemaakt_op, gewijzigd_op FROM hergebruik";
inline constexpr const char* kWhereAssetsOf = " WHERE innovatie_id = ?1 ORDER BY soort, id";
inline constexpr const char* kWhereAsset = " WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kInsertAsset =
    "INSERT INTO hergebruik (innovatie_id, soort, titel, url, licentie, toelichting, aangemaakt_op, gewijzigd_op) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id";
inline constexpr const char* kUpdateAsset =
    "UPDATE hergebruik SET soort = ?3, titel = ?4, url = ?5, licentie = ?6, toelichting = ?7, gewijzigd_op = ?8 "
    "WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kDeleteAsset = "DELETE FROM hergebruik WHERE innovatie_id = ?1 AND id = ?2";

// --- indicators and measurements ---------------------------------------------
// Read by ReadIndicator (indicators.cpp).
inline constexpr const char* kIndicatorColumns =
    "SELECT id, innovatie_id, naam, soort, eenheid, richting, basis_waarde, basis_datum, doel_waarde, doel_datum, "
    "bron, gebiedsniveau, gebied_jaar, drempel, optelbaar, versie, aangemaakt_op, gewijzigd_op FROM indicator";
inline constexpr const char* kWhereIndicator = " WHERE id = ?1";
inline constexpr const char* kWhereIndicatorsOf = " WHERE innovatie_id = ?1 ORDER BY id";
inline constexpr const char* kWhereIndicatorsIn = " WHERE innovatie_id IN ";
inline constexpr const char* kOrderIndicators = " ORDER BY innovatie_id, id";
// ?1 innovation, ?2..?14 the fields (BindIndicator), ?15 now.
inline constexpr const char* kInsertIndicator =
    "INSERT INTO indicator (innovatie_id, naam, soort, eenheid, richting, basis_waarde, basis_datum, doel_waarde, "
    "doel_datum, bron, gebiedsniveau, gebied_jaar, drempel, optelbaar, versie, aangemaakt_op, gewijzigd_op) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, ?15) RETURNING id";
// ?1 id, ?2..?14 the fields, ?15 now, ?16 the expected version (0: any).
inline constexpr const char* kUpdateIndicator =
    "UPDATE indicator SET naam = ?2, soort = ?3, eenheid = ?4, richting = ?5, basis_waarde = ?6, basis_datum = ?7, "
    "doel_waarde = ?8, doel_datum = ?9, bron = ?10, gebiedsniveau = ?11, gebied_jaar = ?12, drempel = ?13, "
    "optelbaar = ?14, versie = versie + 1, gewijzigd_op = ?15 WHERE id = ?1 AND (?16 = 0 OR versie = ?16)";
inline constexpr const char* kTouchIndicator =
    "UPDATE indicator SET versie = versie + 1, gewijzigd_op = ?2 WHERE id = ?1";
inline constexpr const char* kDeleteIndicator = "DELETE FROM indicator WHERE id = ?1";
inline constexpr const char* kListMeasurements =
    "SELECT periode, gebied, waarde, aantal FROM meting WHERE indicator_id = ?1 ORDER BY periode, gebied";
inline constexpr const char* kCountMeasurements = "SELECT count(*) FROM meting WHERE indicator_id = ?1";
// Adds a cell or changes one; an identical row changes nothing (0 rows changed).
inline constexpr const char* kUpsertMeasurement =
    "INSERT INTO meting (indicator_id, periode, gebied, waarde, aantal) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (indicator_id, periode, gebied) DO UPDATE SET waarde = excluded.waarde, aantal = excluded.aantal "
    "WHERE meting.waarde IS DISTINCT FROM excluded.waarde OR meting.aantal IS DISTINCT FROM excluded.aantal";
inline constexpr const char* kMeasurementExists =
    "SELECT count(*) FROM meting WHERE indicator_id = ?1 AND periode = ?2 AND gebied = ?3";
// The cells of each indicator's last period; ends in "IN " + a list.
inline constexpr const char* kLatestMeasurementsOf =
    "SELECT m.indicator_id, m.periode, m.gebied, m.waarde, m.aantal FROM meting m "
    "WHERE m.periode = (SELECT max(x.periode) FROM meting x WHERE x.indicator_id = m.indicator_id) "
    "AND m.indicator_id IN ";
inline constexpr const char* kLatestMeasurementsOrder = " ORDER BY m.indicator_id, m.gebied";
// The rows of one indicator, for summing in memory.
inline constexpr const char* kScanMeasurements =
    "SELECT gebied, periode, waarde, aantal FROM meting WHERE indicator_id = ?1";
inline constexpr const char* kDeleteRollup = "DELETE FROM meting_jaar WHERE indicator_id = ?1";
inline constexpr const char* kInsertRollup =
    "INSERT INTO meting_jaar (indicator_id, gemeente, jaar, som, metingen, aantal, kleinste_aantal) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
inline constexpr const char* kRollup =
    "SELECT gemeente, jaar, som, metingen, aantal, kleinste_aantal FROM meting_jaar WHERE indicator_id = ?1 "
    "ORDER BY gemeente, jaar";

// --- missions ------------------------------------------------------------------
// A mission keeps its fields and contributions as JSON (domain/mission).
inline constexpr const char* kMissionColumns =
    "SELECT id, inhoud, aangemaakt_op, gewijzigd_op, versie FROM missie";
inline constexpr const char* kWhereMission = " WHERE id = ?1";
inline constexpr const char* kOrderMissions = " ORDER BY id DESC";
inline constexpr const char* kInsertMission =
    "INSERT INTO missie (status, inhoud, aangemaakt_op, gewijzigd_op, versie) VALUES (?1, ?2, ?3, ?3, 1) "
    "RETURNING id";
inline constexpr const char* kUpdateMission =
    "UPDATE missie SET status = ?2, inhoud = ?3, gewijzigd_op = ?4, versie = versie + 1 "
    "WHERE id = ?1 AND (?5 = 0 OR versie = ?5)";
inline constexpr const char* kMissionVersion = "SELECT versie FROM missie WHERE id = ?1";
inline constexpr const char* kDeleteMission = "DELETE FROM missie WHERE id = ?1";
inline constexpr const char* kContributionColumns =
    "SELECT missie_id, innovatie_id, status, toelichting, gevraagd_op, coalesce(beslist_op, '') FROM missie_bijdrage";
inline constexpr const char* kWhereContributionsOf = " WHERE missie_id = ?1 ORDER BY gevraagd_op, innovatie_id";
inline constexpr const char* kOrderContributions = " ORDER BY missie_id, gevraagd_op, innovatie_id";
inline constexpr const char* kUpsertContribution =
    "INSERT INTO missie_bijdrage (missie_id, innovatie_id, status, toelichting, gevraagd_op, beslist_op) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (missie_id, innovatie_id) DO UPDATE SET status = excluded.status, "
    "toelichting = excluded.toelichting, beslist_op = excluded.beslist_op";
inline constexpr const char* kDeleteContribution =
    "DELETE FROM missie_bijdrage WHERE missie_id = ?1 AND innovatie_id = ?2";

// --- learning ------------------------------------------------------------------
// Lessons and After Action Reviews keep their content as JSON
// (domain/learning_json); read by ReadLesson and ReadActionReview
// (learning.cpp).
inline constexpr const char* kLessonColumns =
    "SELECT id, innovatie_id, inhoud, coalesce(auteur, ''), coalesce(auteur_id, 0), aangemaakt_op, gewijzigd_op, "
    "versie FROM les";
inline constexpr const char* kWhereLessonsOf = " WHERE innovatie_id = ?1 ORDER BY id";
inline constexpr const char* kWhereLesson = " WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kWhereLessonsIn = " WHERE id IN ";
inline constexpr const char* kWhereLessonsOfIn = " WHERE innovatie_id IN ";
inline constexpr const char* kOrderLessons = " ORDER BY innovatie_id, id";
inline constexpr const char* kInsertLesson =
    "INSERT INTO les (innovatie_id, inhoud, auteur, auteur_id, aangemaakt_op, gewijzigd_op, versie) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1) RETURNING id";
inline constexpr const char* kUpdateLesson =
    "UPDATE les SET inhoud = ?3, gewijzigd_op = ?4, versie = versie + 1 "
    "WHERE innovatie_id = ?1 AND id = ?2 AND (?5 = 0 OR versie = ?5)";
inline constexpr const char* kLessonVersion = "SELECT versie FROM les WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kDeleteLesson = "DELETE FROM les WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kInnovationsWithLessons =
    "SELECT DISTINCT innovatie_id FROM les WHERE innovatie_id > ?1 ORDER BY innovatie_id LIMIT ?2";

inline constexpr const char* kActionReviewColumns =
    "SELECT id, innovatie_id, inhoud, coalesce(auteur, ''), coalesce(auteur_id, 0), aangemaakt_op, gewijzigd_op, "
    "versie FROM terugblik";
inline constexpr const char* kWhereActionReviewsOf = " WHERE innovatie_id = ?1";
inline constexpr const char* kWhereActionReview = " WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kWhereActionReviewsOfIn = " WHERE innovatie_id IN ";
inline constexpr const char* kOrderActionReviews = " ORDER BY innovatie_id, datum, id";
inline constexpr const char* kInsertActionReview =
    "INSERT INTO terugblik (innovatie_id, datum, inhoud, auteur, auteur_id, aangemaakt_op, gewijzigd_op, versie) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 1) RETURNING id";
inline constexpr const char* kUpdateActionReview =
    "UPDATE terugblik SET datum = ?3, inhoud = ?4, gewijzigd_op = ?5, versie = versie + 1 "
    "WHERE innovatie_id = ?1 AND id = ?2 AND (?6 = 0 OR versie = ?6)";
inline constexpr const char* kActionReviewVersion =
    "SELECT versie FROM terugblik WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kDeleteActionReview = "DELETE FROM terugblik WHERE innovatie_id = ?1 AND id = ?2";

inline constexpr const char* kCadenceColumns =
    "SELECT innovatie_id, inhoud, gewijzigd_op, versie FROM terugblik_ritme";
inline constexpr const char* kWhereCadence = " WHERE innovatie_id = ?1";
inline constexpr const char* kWhereCadencesIn = " WHERE innovatie_id IN ";
inline constexpr const char* kInsertCadence =
    "INSERT INTO terugblik_ritme (innovatie_id, inhoud, gewijzigd_op, versie) VALUES (?1, ?2, ?3, 1)";
inline constexpr const char* kUpdateCadence =
    "UPDATE terugblik_ritme SET inhoud = ?2, gewijzigd_op = ?3, versie = versie + 1 "
    "WHERE innovatie_id = ?1 AND (?4 = 0 OR versie = ?4)";

// Invitations keep their content as JSON; read by ReadInvitation.
inline constexpr const char* kInvitationColumns =
    "SELECT id, innovatie_id, gebruiker_id, inhoud, coalesce(auteur, ''), aangemaakt_op, gewijzigd_op, versie "
    "FROM uitnodiging";
inline constexpr const char* kWhereInvitationsOf = " WHERE innovatie_id = ?1 ORDER BY id";
inline constexpr const char* kWhereInvitationsOfUser = " WHERE gebruiker_id = ?1 ORDER BY id DESC";
inline constexpr const char* kWhereInvitation = " WHERE id = ?1";
inline constexpr const char* kInsertInvitation =
    "INSERT INTO uitnodiging (innovatie_id, gebruiker_id, inhoud, auteur, aangemaakt_op, gewijzigd_op, versie) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1) RETURNING id";
inline constexpr const char* kUpdateInvitation =
    "UPDATE uitnodiging SET inhoud = ?3, gewijzigd_op = ?4, versie = versie + 1 "
    "WHERE innovatie_id = ?1 AND id = ?2 AND (?5 = 0 OR versie = ?5)";
inline constexpr const char* kInvitationVersion =
    "SELECT versie FROM uitnodiging WHERE innovatie_id = ?1 AND id = ?2";
inline constexpr const char* kCommentColumns =
    "SELECT id, uitnodiging_id, innovatie_id, tekst, coalesce(auteur, ''), aangemaakt_op FROM vriend_commentaar";
inline constexpr const char* kWhereCommentsOf = " WHERE innovatie_id = ?1 ORDER BY id";
inline constexpr const char* kWhereComment = " WHERE id = ?1";
inline constexpr const char* kInsertComment =
    "INSERT INTO vriend_commentaar (uitnodiging_id, innovatie_id, tekst, auteur, aangemaakt_op) "
    "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id";

}  // namespace koers::sql::statements
