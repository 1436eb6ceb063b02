// The store: the one interface through which every layer above reads and
// writes persistent data. SqliteStore implements it now; a PostgreSQL store
// can implement it for installations that outgrow one machine.
//
// Every method is one transaction: a multi-row change either happens whole or
// not at all. Implementations are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/access.hpp"
#include "domain/adoption.hpp"
#include "domain/assessment.hpp"
#include "domain/indicator.hpp"
#include "domain/account.hpp"
#include "domain/innovation.hpp"
#include "domain/organisation.hpp"
#include "domain/steering.hpp"

namespace koers {

struct PageRequest {
  int pagina = 1;          // 1-based
  int pagina_grootte = 20;
};

struct OrganisationFilter {
  std::string soort;  // empty: all kinds
  std::string naam;   // substring, case-insensitive; empty: all
};

// Whose eyes a listing is for: only innovations this viewer may read are
// listed and counted (the rules of domain/access.hpp, in SQL).
struct ViewerScope {
  bool alles = false;        // system and landelijk beheerder
  int64_t gebruiker_id = 0;  // 0: anonymous, only openbaar
};

struct InnovationFilter {
  ViewerScope viewer;
  std::string organisatie;  // code
  std::string domein;
  std::string fase;
  std::string status;
  std::string innovatie_type;
  std::string innovatie_niveau;
  std::string analyse_niveau;
  std::string zichtbaarheid;
  std::string registry;  // bron.registry; "-" for innovations without source
  std::string sorteer = "titel";  // titel, -titel, gewijzigdOp, -gewijzigdOp, id, -id
};

template <class T>
struct Listing {
  std::vector<T> items;
  int64_t totaal = 0;
};

// Who made a change, why and when; recorded with phase changes and, with the
// changed fields, in the audit trail (same transaction).
struct ChangeContext {
  std::string door;          // display name of the actor for history ("import", a person's name; never an e-mail)
  std::string account;       // the account for the audit trail (an e-mail address, "import"); empty: `door`
  int64_t gebruiker_id = 0;  // 0 for the system
  std::string reden;         // why, may be empty
  std::string op;            // timestamp, set by the service from its clock
  std::string verzoek_id;
  std::string organisatie;  // for audit entries of accounts: the organisation concerned
};

// Small, cheap facts of an innovation, for checks before the full read.
struct InnovationHeader {
  int64_t id = 0;
  int64_t versie = 0;
  AccessFacts facts;
};

// Measurements summed per municipality and year.
struct MeasurementAggregate {
  std::string gemeente;  // GM code ("" without areas)
  std::string jaar;
  double som = 0;
  double gemiddelde = 0;
  int64_t metingen = 0;
  std::optional<int64_t> aantal;         // sum of the counts of people, when known
  std::optional<int64_t> kleinste_aantal;  // smallest count among the cells
};

struct UserFilter {
  bool alles = false;                      // every user
  std::vector<std::string> organisaties;  // else: users with a role in one of these
  std::string zoek;                        // part of e-mail or name
};

struct OidcRequest {
  std::string state_hash;
  std::string nonce;
  std::string code_verifier;
  std::string terug_naar;  // path to return to after login
  std::string aangemaakt_op;
};

struct SearchQueue {
  std::vector<int64_t> ids;  // distinct
  int64_t last = 0;          // highest queue number among them
};

struct SteeringRow {
  Innovation innovatie;           // with fase_historie, team and partners
  std::vector<Review> besluiten;  // recorded reviews, oldest first
};

struct AuditFilter {
  bool alles = false;
  std::vector<std::string> organisaties;  // else: entries concerning these organisations
  std::string resource;
  std::string resource_id;
};

struct ImportCounts {
  int toegevoegd = 0;
  int gewijzigd = 0;
  int ongewijzigd = 0;
};

struct AdoptionFilter {
  int64_t bron_id = 0;       // adoptions of this innovation; 0: any
  std::string organisatie;   // by this organisation; empty: any
  int64_t innovatie_id = 0;  // that link this adopter's innovation; 0: any
};

struct CountRow {
  std::string sleutel;
  int64_t aantal = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // A number that grows with every committed change to innovations or
  // organisations (in any process using the same database). Equal numbers
  // mean nothing changed in between: caches key on it.
  virtual Result<int64_t> ChangeCounter() = 0;

  // Organisations. Get returns kNotFound for an unknown code.
  virtual Result<Organisation> GetOrganisation(const std::string& code) = 0;
  virtual Result<Listing<Organisation>> ListOrganisations(const OrganisationFilter& filter,
                                                          const PageRequest& page) = 0;
  // Inserts organisations whose code is new; existing codes keep their data.
  // Returns the number added.
  virtual Result<int> AddOrganisations(const std::vector<Organisation>& orgs, const std::string& now) = 0;
  // Exact name match, ignoring case; kNotFound when none.
  virtual Result<Organisation> FindOrganisationByName(const std::string& naam) = 0;

  // Innovations. Get returns kNotFound for an unknown id.
  virtual Result<Innovation> GetInnovation(int64_t id) = 0;
  virtual Result<InnovationHeader> GetInnovationHeader(int64_t id) = 0;
  // Items come without partners, team and history (see ToSummaryJson).
  virtual Result<Listing<Innovation>> ListInnovations(const InnovationFilter& filter, const PageRequest& page) = 0;
  // Counts of innovations `viewer` may read, grouped by a column: "fase",
  // "status", "domein".
  virtual Result<std::vector<CountRow>> CountInnovations(const std::string& group_by, const ViewerScope& viewer) = 0;
  // Stores a new innovation; its organisation and partners must exist
  // (kInvalid naming the field otherwise). Returns it as stored.
  virtual Result<Innovation> CreateInnovation(const Innovation& in, const ChangeContext& change) = 0;
  // Replaces the stored innovation `in.id`. With expected_version > 0 the
  // stored version must match (kPreconditionFailed otherwise). Records a phase
  // change when fase or status changed.
  virtual Result<Innovation> UpdateInnovation(const Innovation& in, int64_t expected_version,
                                              const ChangeContext& change) = 0;
  virtual Status DeleteInnovation(int64_t id, const ChangeContext& change) = 0;
  // Adds `new_orgs` (codes not yet present) and inserts or updates `items`,
  // all in one transaction. An item is keyed by (bron.registry, bron.id) when
  // it has a bron, else by `referentie`. For a bron-keyed item only the fields
  // the register owns are updated (titel, doel, organisatie, fase, status,
  // bron); a referentie-keyed item is replaced whole. Unchanged items are left
  // alone (no version bump).
  virtual Result<ImportCounts> ImportInnovations(const std::vector<Organisation>& new_orgs,
                                                 const std::vector<Innovation>& items,
                                                 const ChangeContext& change) = 0;

  // Users. Get/Find return kNotFound when there is none; a user comes with
  // its roles. CreateUser gives kConflict for an e-mail address in use.
  virtual Result<User> CreateUser(const User& user, const ChangeContext& change) = 0;
  virtual Result<User> GetUser(int64_t id) = 0;
  virtual Result<User> FindUserByEmail(const std::string& email) = 0;
  virtual Result<User> FindUserByOidc(const std::string& issuer, const std::string& subject) = 0;
  virtual Result<Listing<User>> ListUsers(const UserFilter& filter, const PageRequest& page) = 0;
  // Saves naam, actief, landelijk_beheerder, wachtwoord_hash and the OIDC
  // link. Disabling an account ends all its sessions in the same transaction.
  virtual Status UpdateUser(const User& user, const ChangeContext& change) = 0;
  virtual Status RecordLogin(int64_t user_id, const std::string& now) = 0;
  virtual Result<RoleGrant> AddRole(int64_t user_id, const std::string& org, const std::string& rol,
                                    const ChangeContext& change) = 0;
  // kNotFound when the user has no such role.
  virtual Status RemoveRole(int64_t user_id, int64_t role_id, const ChangeContext& change) = 0;

  // Sessions, by the hash of the cookie value.
  virtual Status CreateSession(const Session& session) = 0;
  virtual Result<Session> GetSession(const std::string& id_hash) = 0;
  virtual Status TouchSession(const std::string& id_hash, const std::string& now) = 0;
  virtual Status DeleteSession(const std::string& id_hash) = 0;
  // Removes sessions idle since before `idle_before` or created before `created_before`.
  virtual Status DeleteExpiredSessions(const std::string& idle_before, const std::string& created_before) = 0;

  // Personal API tokens, by the hash of the token.
  virtual Result<ApiToken> CreateApiToken(int64_t user_id, const std::string& naam, const std::string& token_hash,
                                          const ChangeContext& change) = 0;
  // A token that is not revoked; kNotFound otherwise.
  virtual Result<ApiToken> FindApiToken(const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListApiTokens(int64_t user_id) = 0;
  virtual Status TouchApiToken(int64_t token_id, const std::string& now) = 0;
  virtual Status RevokeApiToken(int64_t user_id, int64_t token_id, const ChangeContext& change) = 0;

  // A secret of this installation by name (for signing device cookies),
  // made from `fresh` the first time it is asked for; every process that
  // uses the database gets the same one.
  virtual Result<std::string> Secret(const std::string& name, const std::string& fresh) = 0;

  // OpenID Connect logins in progress, by the hash of their state value.
  // Take returns and removes one (kNotFound when unknown; an expired one is
  // returned, for the caller to refuse by its aangemaakt_op), and clears
  // those older than `older_than`.
  virtual Status SaveOidcRequest(const OidcRequest& request) = 0;
  virtual Result<OidcRequest> TakeOidcRequest(const std::string& state_hash, const std::string& older_than) = 0;

  // Steering. Reviews, the register of unknowns and risks, the business case
  // and pitches of one innovation; maturity of one organisation. Every
  // change is audited in its transaction.
  virtual Result<std::vector<Review>> ListReviews(int64_t innovation_id) = 0;
  virtual Result<Review> GetReview(int64_t innovation_id, int64_t review_id) = 0;
  virtual Result<Review> CreateReview(const Review& review, const ChangeContext& change) = 0;
  // Drafts only: kConflict for a recorded review; kPreconditionFailed for a stale version.
  virtual Result<Review> UpdateReview(const Review& review, int64_t expected_version, const ChangeContext& change) = 0;
  virtual Status DeleteReview(int64_t innovation_id, int64_t review_id, const ChangeContext& change) = 0;
  // Records `review` (status vastgesteld) and sets the innovation's fase and
  // status, with a phase change, in one transaction. kConflict when the
  // review was recorded already or the innovation's phase moved since.
  virtual Result<Review> RecordDecision(const Review& review, const std::string& fase, const std::string& status,
                                        const ChangeContext& change) = 0;

  virtual Result<std::vector<Uncertainty>> ListUncertainties(int64_t innovation_id) = 0;
  // Inserts (id 0) or updates one item of the register.
  virtual Result<Uncertainty> SaveUncertainty(const Uncertainty& item, const ChangeContext& change) = 0;
  virtual Status DeleteUncertainty(int64_t innovation_id, int64_t id, const ChangeContext& change) = 0;

  // An empty business case (versie 0) when none was saved.
  virtual Result<BusinessCase> GetBusinessCase(int64_t innovation_id) = 0;
  virtual Result<BusinessCase> SaveBusinessCase(const BusinessCase& bc, int64_t expected_version,
                                                const ChangeContext& change) = 0;

  // Newest first.
  virtual Result<std::vector<Pitch>> ListPitches(int64_t innovation_id) = 0;
  // Stores `pitch` as the next version.
  virtual Result<Pitch> AddPitch(const Pitch& pitch, const ChangeContext& change) = 0;

  // Newest first (by datum, then by entry).
  virtual Result<std::vector<MaturityEntry>> ListMaturity(const std::string& org) = 0;
  virtual Result<MaturityEntry> AddMaturity(const MaturityEntry& entry, const ChangeContext& change) = 0;

  // The organisation's innovations `viewer` may read, with their phase
  // history, and the recorded reviews of each: what the funnel board and
  // the steering overview are made of.
  virtual Result<std::vector<SteeringRow>> ListSteering(const std::string& org, const ViewerScope& viewer) = 0;

  // Adoption and reuse. Newest first.
  virtual Result<std::vector<Adoption>> ListAdoptions(const AdoptionFilter& filter) = 0;
  virtual Result<Adoption> GetAdoption(int64_t id) = 0;
  // Saves a new adoption (id 0) or the next status of one; either way the
  // status becomes a step of its history. With `copy`, first stores the
  // adopter's innovation, `copy_assets` as its reuse assets and
  // `copy_indicators` as its indicators (without measurements), and links
  // it: all in one transaction. kConflict when the organisation already
  // has an adoption of this innovation; kPreconditionFailed for a stale
  // expected_version (0 skips the check).
  virtual Result<Adoption> SaveAdoption(const Adoption& adoption, int64_t expected_version, const Innovation* copy,
                                        const std::vector<ReuseAsset>& copy_assets,
                                        const std::vector<Indicator>& copy_indicators, const ChangeContext& change) = 0;
  virtual Status DeleteAdoption(int64_t id, const ChangeContext& change) = 0;
  virtual Result<std::vector<ReuseAsset>> ListReuseAssets(int64_t innovation_id) = 0;
  // Inserts (id 0) or updates one asset.
  virtual Result<ReuseAsset> SaveReuseAsset(const ReuseAsset& asset, const ChangeContext& change) = 0;
  virtual Status DeleteReuseAsset(int64_t innovation_id, int64_t id, const ChangeContext& change) = 0;

  // Diagnoses (success factors of an innovation) and climate measurements
  // (of an organisation). Newest first; adding one is audited.
  virtual Result<std::vector<Assessment>> ListDiagnoses(int64_t innovation_id) = 0;
  virtual Result<Assessment> AddDiagnosis(const Assessment& a, const ChangeContext& change) = 0;
  // The newest diagnosis of every innovation that has one, by innovation id.
  virtual Result<std::vector<Assessment>> LatestDiagnoses() = 0;
  virtual Result<std::vector<Assessment>> ListClimate(const std::string& org) = 0;
  virtual Result<Assessment> AddClimate(const Assessment& a, const ChangeContext& change) = 0;

  // Indicators of an innovation and their measurements.
  virtual Result<std::vector<Indicator>> ListIndicators(int64_t innovation_id) = 0;
  virtual Result<Indicator> GetIndicator(int64_t id) = 0;
  // Inserts (id 0) or updates an indicator; kPreconditionFailed for a stale
  // expected_version (0 skips the check).
  virtual Result<Indicator> SaveIndicator(const Indicator& in, int64_t expected_version,
                                          const ChangeContext& change) = 0;
  virtual Status DeleteIndicator(int64_t id, const ChangeContext& change) = 0;
  // In order of period, then area.
  virtual Result<std::vector<Measurement>> ListMeasurements(int64_t indicator_id) = 0;
  virtual Result<int64_t> CountMeasurements(int64_t indicator_id) = 0;
  // Adds or replaces the cells `rows` (unique by period and area) in one
  // transaction, audited; with `dry_run` rolls back and only counts.
  virtual Result<ImportCounts> ImportMeasurements(int64_t indicator_id, const std::vector<Measurement>& rows,
                                                  bool dry_run, const ChangeContext& change) = 0;
  virtual Result<std::vector<MeasurementAggregate>> AggregateMeasurements(int64_t indicator_id) = 0;

  // The search index's queue: ids of innovations changed since the index
  // last absorbed them, oldest first, with the highest queue number seen.
  virtual Result<SearchQueue> PendingSearchUpdates(int limit) = 0;
  // Forgets queue entries up to and including `last`.
  virtual Status ClearSearchUpdates(int64_t last) = 0;
  // Ids of all innovations above `after`, ascending, at most `limit`.
  virtual Result<std::vector<int64_t>> InnovationIds(int64_t after, int limit) = 0;

  // The audit trail: append-only (the database refuses updates and deletes).
  virtual Status AppendAudit(const AuditEntry& entry) = 0;
  virtual Result<Listing<AuditEntry>> ListAudit(const AuditFilter& filter, const PageRequest& page) = 0;
};

// Opens the SQLite store at `path` and brings its schema up to date.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace koers
