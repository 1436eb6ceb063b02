// The SQLite implementation of Store. Internal to the store layer: others
// use OpenSqliteStore() and the Store interface. Organisations and
// innovations are in sqlite_store.cpp; accounts, sessions, tokens and the
// audit trail in sqlite_accounts.cpp; steering in sqlite_steering.cpp;
// adoption and reuse in sqlite_adoption.cpp; diagnoses and climate in
// sqlite_diagnosis.cpp.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace koers::sqlite {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::string path) : pool_(std::move(path)) {}
  Status Init();

  Result<int64_t> ChangeCounter() override;

  Result<Organisation> GetOrganisation(const std::string& code) override;
  Result<Listing<Organisation>> ListOrganisations(const OrganisationFilter& filter, const PageRequest& page) override;
  Result<int> AddOrganisations(const std::vector<Organisation>& orgs, const std::string& now) override;
  Result<Organisation> FindOrganisationByName(const std::string& naam) override;

  Result<Innovation> GetInnovation(int64_t id) override;
  Result<InnovationHeader> GetInnovationHeader(int64_t id) override;
  Result<Listing<Innovation>> ListInnovations(const InnovationFilter& filter, const PageRequest& page) override;
  Result<std::vector<CountRow>> CountInnovations(const std::string& group_by, const ViewerScope& viewer) override;
  Result<Innovation> CreateInnovation(const Innovation& in, const ChangeContext& change) override;
  Result<Innovation> UpdateInnovation(const Innovation& in, int64_t expected_version,
                                      const ChangeContext& change) override;
  Status DeleteInnovation(int64_t id, const ChangeContext& change) override;
  Result<ImportCounts> ImportInnovations(const std::vector<Organisation>& new_orgs,
                                         const std::vector<Innovation>& items, const ChangeContext& change) override;

  Result<User> CreateUser(const User& user, const ChangeContext& change) override;
  Result<User> GetUser(int64_t id) override;
  Result<User> FindUserByEmail(const std::string& email) override;
  Result<User> FindUserByOidc(const std::string& issuer, const std::string& subject) override;
  Result<Listing<User>> ListUsers(const UserFilter& filter, const PageRequest& page) override;
  Status UpdateUser(const User& user, const ChangeContext& change) override;
  Status RecordLogin(int64_t user_id, const std::string& now) override;
  Result<RoleGrant> AddRole(int64_t user_id, const std::string& org, const std::string& rol,
                            const ChangeContext& change) override;
  Status RemoveRole(int64_t user_id, int64_t role_id, const ChangeContext& change) override;

  Status CreateSession(const Session& session) override;
  Result<Session> GetSession(const std::string& id_hash) override;
  Status TouchSession(const std::string& id_hash, const std::string& now) override;
  Status DeleteSession(const std::string& id_hash) override;
  Status DeleteExpiredSessions(const std::string& idle_before, const std::string& created_before) override;

  Result<ApiToken> CreateApiToken(int64_t user_id, const std::string& naam, const std::string& token_hash,
                                  const ChangeContext& change) override;
  Result<ApiToken> FindApiToken(const std::string& token_hash) override;
  Result<std::vector<ApiToken>> ListApiTokens(int64_t user_id) override;
  Status TouchApiToken(int64_t token_id, const std::string& now) override;
  Status RevokeApiToken(int64_t user_id, int64_t token_id, const ChangeContext& change) override;

  Result<std::string> Secret(const std::string& name, const std::string& fresh) override;
  Status SaveOidcRequest(const OidcRequest& request) override;
  Result<OidcRequest> TakeOidcRequest(const std::string& state_hash, const std::string& older_than) override;

  Result<std::vector<Review>> ListReviews(int64_t innovation_id) override;
  Result<Review> GetReview(int64_t innovation_id, int64_t review_id) override;
  Result<Review> CreateReview(const Review& review, const ChangeContext& change) override;
  Result<Review> UpdateReview(const Review& review, int64_t expected_version, const ChangeContext& change) override;
  Status DeleteReview(int64_t innovation_id, int64_t review_id, const ChangeContext& change) override;
  Result<Review> RecordDecision(const Review& review, const std::string& fase, const std::string& status,
                                const ChangeContext& change) override;
  Result<std::vector<Uncertainty>> ListUncertainties(int64_t innovation_id) override;
  Result<Uncertainty> SaveUncertainty(const Uncertainty& item, const ChangeContext& change) override;
  Status DeleteUncertainty(int64_t innovation_id, int64_t id, const ChangeContext& change) override;
  Result<BusinessCase> GetBusinessCase(int64_t innovation_id) override;
  Result<BusinessCase> SaveBusinessCase(const BusinessCase& bc, int64_t expected_version,
                                        const ChangeContext& change) override;
  Result<std::vector<Pitch>> ListPitches(int64_t innovation_id) override;
  Result<Pitch> AddPitch(const Pitch& pitch, const ChangeContext& change) override;
  Result<std::vector<MaturityEntry>> ListMaturity(const std::string& org) override;
  Result<MaturityEntry> AddMaturity(const MaturityEntry& entry, const ChangeContext& change) override;
  Result<std::vector<SteeringRow>> ListSteering(const std::string& org, const ViewerScope& viewer) override;

  Result<std::vector<Adoption>> ListAdoptions(const AdoptionFilter& filter) override;
  Result<Adoption> GetAdoption(int64_t id) override;
  Result<Adoption> SaveAdoption(const Adoption& adoption, int64_t expected_version, const Innovation* copy,
                                const std::vector<ReuseAsset>& copy_assets, const std::vector<Indicator>& copy_indicators,
                                const ChangeContext& change) override;
  Status DeleteAdoption(int64_t id, const ChangeContext& change) override;
  Result<std::vector<ReuseAsset>> ListReuseAssets(int64_t innovation_id) override;
  Result<ReuseAsset> SaveReuseAsset(const ReuseAsset& asset, const ChangeContext& change) override;
  Status DeleteReuseAsset(int64_t innovation_id, int64_t id, const ChangeContext& change) override;

  Result<std::vector<Assessment>> ListDiagnoses(int64_t innovation_id) override;
  Result<Assessment> AddDiagnosis(const Assessment& a, const ChangeContext& change) override;
  Result<std::vector<Assessment>> LatestDiagnoses() override;
  Result<std::vector<Assessment>> ListClimate(const std::string& org) override;
  Result<Assessment> AddClimate(const Assessment& a, const ChangeContext& change) override;

  Result<SearchQueue> PendingSearchUpdates(int limit) override;
  Status ClearSearchUpdates(int64_t last) override;
  Result<std::vector<int64_t>> InnovationIds(int64_t after, int limit) override;

  Status AppendAudit(const AuditEntry& entry) override;
  Result<Listing<AuditEntry>> ListAudit(const AuditFilter& filter, const PageRequest& page) override;

  Result<std::vector<Indicator>> ListIndicators(int64_t innovation_id) override;
  Result<Indicator> GetIndicator(int64_t id) override;
  Result<Indicator> SaveIndicator(const Indicator& in, int64_t expected_version, const ChangeContext& change) override;
  Status DeleteIndicator(int64_t id, const ChangeContext& change) override;
  Result<std::vector<Measurement>> ListMeasurements(int64_t indicator_id) override;
  Result<int64_t> CountMeasurements(int64_t indicator_id) override;
  Result<ImportCounts> ImportMeasurements(int64_t indicator_id, const std::vector<Measurement>& rows, bool dry_run,
                                          const ChangeContext& change) override;
  Result<std::vector<MeasurementAggregate>> AggregateMeasurements(int64_t indicator_id) override;

 private:
  // Runs one statement that returns nothing.
  Status Run(const char* sql, const std::function<void(Statement&)>& bind);
  // Audits a change of a steering record of `innovation_id`.
  static Status AuditSteering(Connection* c, const ChangeContext& change, const std::string& actie,
                              const std::string& resource, const std::string& id, int64_t innovation_id,
                              const nlohmann::json& before, const nlohmann::json& after);
  static Result<User> LoadUser(Connection* c, const std::string& where, const std::function<void(Statement&)>& bind);

  ConnectionPool pool_;
};

// The strings of a JSON array stored in a text column (others are skipped).
std::vector<std::string> FromJsonArray(const std::string& text);

// Inserts an indicator inside the caller's transaction. Returns its id.
Result<int64_t> InsertIndicator(Connection* c, const Indicator& in, const std::string& now);

// Inserts a new innovation with its children, first phase and audit entry,
// inside the caller's transaction. Returns its id.
Result<int64_t> InsertInnovation(Connection* c, const Innovation& in, const ChangeContext& change);

// Appends `e` to the audit trail inside the caller's transaction.
Status InsertAudit(Connection* c, const AuditEntry& e);

// An audit entry for a change made in `change`'s name.
AuditEntry AuditFor(const ChangeContext& change, std::string actie, std::string resource, std::string resource_id,
                    std::string organisatie, std::string wijzigingen);

}  // namespace koers::sqlite
