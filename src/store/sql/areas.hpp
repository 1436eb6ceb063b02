// The store's areas written once in SQL over sql::Connection (internal to
// the store layer). Each object works in the transaction of the connection
// it was made with; SqlWork (sql_store.hpp) holds one of each.
#pragma once

#include <string>
#include <vector>

#include "store/sql/connection.hpp"
#include "store/store.hpp"

namespace koers::sql {

// Timestamps are stored as "2026-11-22T10:15:00Z" text in SQLite and as
// timestamptz in PostgreSQL, whose driver reads them back in the same form.
std::string Stamp(TimePoint t);
// JSON array columns (tags, technieken, ...).
std::string JsonArray(const std::vector<std::string>& items);
std::vector<std::string> FromJsonArray(std::string_view text);

class SqlOrganisations final : public OrganisationStore {
 public:
  explicit SqlOrganisations(Connection& c) : c_(c) {}
  Result<Organisation> Get(const std::string& code) override;
  Result<Organisation> FindByName(const std::string& naam) override;
  Result<Listing<Organisation>> List(const OrganisationFilter& filter, const PageRequest& page) override;
  Result<std::vector<Organisation>> All() override;
  Result<int> AddNew(const std::vector<Organisation>& orgs, TimePoint now) override;
  // The internal id of `code`; kInvalid naming `field` when unknown.
  Result<int64_t> IdOf(const std::string& code, const std::string& field);

 private:
  Connection& c_;
};

class SqlInnovations final : public InnovationStore {
 public:
  SqlInnovations(Connection& c, SqlOrganisations& orgs) : c_(c), orgs_(orgs) {}
  Result<Innovation> Get(int64_t id) override;
  Result<std::vector<Innovation>> GetMany(const std::vector<int64_t>& ids) override;
  Result<InnovationHeader> Header(int64_t id) override;
  Result<Listing<Innovation>> List(const InnovationFilter& filter, const PageRequest& page) override;
  Status Each(const InnovationFilter& filter, const std::function<bool(const Innovation&)>& fn) override;
  Result<std::vector<Innovation>> Scan(const InnovationFilter& filter, const ScanPosition& after, int limit) override;

  Result<std::vector<CountRow>> Count(const std::string& group_by, const ViewerScope& viewer) override;
  Result<std::vector<int64_t>> Ids(int64_t after, int limit) override;
  Result<int64_t> FindBySource(const std::string& registry, const std::string& id) override;
  Result<int64_t> FindByReference(const std::string& referentie) override;
  Result<int64_t> Create(const Innovation& in, TimePoint now) override;
  Result<int64_t> Update(const Innovation& in, int64_t expected_version, TimePoint now) override;
  Result<int64_t> SetPhase(int64_t id, const std::string& fase, const std::string& status, TimePoint now) override;
  Status Delete(int64_t id) override;
  Status AddPhaseChange(int64_t id, const PhaseChange& change) override;

 private:
  Status WriteChildren(int64_t id, const Innovation& in);
  Status LoadChildren(std::vector<Innovation>* items);
  Connection& c_;
  SqlOrganisations& orgs_;
};

class SqlAccounts final : public AccountStore {
 public:
  SqlAccounts(Connection& c, SqlOrganisations& orgs) : c_(c), orgs_(orgs) {}
  Result<int64_t> CreateUser(const User& user, TimePoint now) override;
  Result<User> GetUser(int64_t id) override;
  Result<User> FindUserByEmail(const std::string& email) override;
  Result<User> FindUserByOidc(const std::string& issuer, const std::string& subject) override;
  Result<Listing<User>> ListUsers(const UserFilter& filter, const PageRequest& page) override;
  Status UpdateUser(const User& user) override;
  Status RecordLogin(int64_t user_id, TimePoint now) override;
  Result<RoleGrant> AddRole(int64_t user_id, const std::string& org, const std::string& rol) override;
  Status RemoveRole(int64_t user_id, int64_t role_id) override;
  Status CreateSession(const Session& session) override;
  Result<Session> GetSession(const std::string& id_hash) override;
  Status TouchSession(const std::string& id_hash, TimePoint now) override;
  Status DeleteSession(const std::string& id_hash) override;
  Status DeleteSessionsOf(int64_t user_id) override;
  Status DeleteExpiredSessions(TimePoint idle_before, TimePoint created_before) override;
  Result<ApiToken> CreateToken(int64_t user_id, const std::string& naam, const std::string& token_hash,
                               TimePoint now) override;
  Result<ApiToken> FindToken(const std::string& token_hash) override;
  Result<std::vector<ApiToken>> ListTokens(int64_t user_id) override;
  Status TouchToken(int64_t token_id, TimePoint now) override;
  Status RevokeToken(int64_t user_id, int64_t token_id, TimePoint now) override;
  Status SaveOidcRequest(const OidcRequest& request) override;
  Result<OidcRequest> TakeOidcRequest(const std::string& state_hash, TimePoint older_than) override;
  Result<std::string> Secret(const std::string& name, const std::string& fresh) override;

 private:
  Result<User> OneUser(const char* where, const std::vector<Param>& params);
  Status LoadRoles(std::vector<User>* users);
  Connection& c_;
  SqlOrganisations& orgs_;
};

class SqlSteering final : public SteeringStore {
 public:
  explicit SqlSteering(Connection& c) : c_(c) {}
  Result<std::vector<Review>> ListReviews(int64_t innovation_id) override;
  Result<std::map<int64_t, std::vector<Review>>> ListReviewsOf(const std::vector<int64_t>& innovation_ids) override;
  Result<Review> GetReview(int64_t innovation_id, int64_t review_id) override;
  Result<Review> CreateReview(const Review& review, const std::string& door, TimePoint now) override;
  Result<Review> UpdateReview(const Review& review, int64_t expected_version) override;
  Status DeleteReview(int64_t innovation_id, int64_t review_id) override;
  Result<Review> RecordReview(const Review& review, const std::string& door, TimePoint now) override;
  Result<std::vector<Uncertainty>> ListUncertainties(int64_t innovation_id) override;
  Result<Uncertainty> GetUncertainty(int64_t innovation_id, int64_t id) override;
  Result<Uncertainty> SaveUncertainty(const Uncertainty& item, TimePoint now) override;
  Status DeleteUncertainty(int64_t innovation_id, int64_t id) override;
  Result<BusinessCase> GetBusinessCase(int64_t innovation_id) override;
  Result<std::map<int64_t, BusinessCase>> GetBusinessCases(const std::vector<int64_t>& innovation_ids) override;
  Result<BusinessCase> SaveBusinessCase(const BusinessCase& bc, int64_t expected_version, const std::string& door,
                                        TimePoint now) override;
  Result<std::vector<Pitch>> ListPitches(int64_t innovation_id) override;
  Result<Pitch> AddPitch(const Pitch& pitch, const std::string& door, TimePoint now) override;
  Result<std::vector<MaturityEntry>> ListMaturity(const std::string& org) override;
  Result<MaturityEntry> AddMaturity(const MaturityEntry& entry, const std::string& door, TimePoint now) override;

 private:
  // Why a change of a review did nothing: gone, recorded, or another version.
  Error ReviewUnchanged(int64_t innovation_id, int64_t review_id);
  Connection& c_;
};

class SqlDiagnosis final : public DiagnosisStore {
 public:
  explicit SqlDiagnosis(Connection& c) : c_(c) {}
  Result<std::vector<Assessment>> ListDiagnoses(int64_t innovation_id) override;
  Result<Assessment> AddDiagnosis(const Assessment& a, const std::string& door, TimePoint now) override;
  Result<std::vector<Assessment>> LatestDiagnoses() override;
  Result<std::vector<Assessment>> ListClimate(const std::string& org) override;
  Result<Assessment> AddClimate(const Assessment& a, const std::string& door, TimePoint now) override;

 private:
  Connection& c_;
};

class SqlIndicators final : public IndicatorStore {
 public:
  explicit SqlIndicators(Connection& c) : c_(c) {}
  Result<std::vector<Indicator>> List(int64_t innovation_id) override;
  Result<std::map<int64_t, std::vector<Indicator>>> ListOf(const std::vector<int64_t>& innovation_ids) override;
  Result<Indicator> Get(int64_t id) override;
  Result<Indicator> Save(const Indicator& in, int64_t expected_version, TimePoint now) override;
  Status Delete(int64_t id) override;
  Result<std::vector<Measurement>> Measurements(int64_t indicator_id) override;
  Result<int64_t> CountMeasurements(int64_t indicator_id) override;
  Result<ImportCounts> Upsert(int64_t indicator_id, const std::vector<Measurement>& rows, TimePoint now) override;
  Result<std::map<int64_t, std::vector<Measurement>>> LatestMeasurements(const std::vector<int64_t>& ids) override;
  Result<std::vector<MeasurementAggregate>> Aggregate(int64_t indicator_id) override;

 private:
  Connection& c_;
};

class SqlAdoptions final : public AdoptionStore {
 public:
  SqlAdoptions(Connection& c, SqlOrganisations& orgs) : c_(c), orgs_(orgs) {}
  Result<std::vector<Adoption>> List(const AdoptionFilter& filter) override;
  Result<Adoption> Get(int64_t id) override;
  Result<int64_t> Create(const Adoption& a, TimePoint now) override;
  Status Update(const Adoption& a, int64_t expected_version, TimePoint now) override;
  Status AddStep(int64_t adoption_id, const AdoptionStep& step) override;
  Status Delete(int64_t id) override;
  Result<std::vector<ReuseAsset>> ListAssets(int64_t innovation_id) override;
  Result<ReuseAsset> GetAsset(int64_t innovation_id, int64_t id) override;
  Result<ReuseAsset> SaveAsset(const ReuseAsset& asset, TimePoint now) override;
  Status DeleteAsset(int64_t innovation_id, int64_t id) override;

 private:
  Status LoadSteps(std::vector<Adoption>* items);
  Connection& c_;
  SqlOrganisations& orgs_;
};

class SqlAudit final : public AuditStore {
 public:
  explicit SqlAudit(Connection& c) : c_(c) {}
  Status Append(const AuditEntry& entry) override;
  Result<Listing<AuditEntry>> List(const AuditFilter& filter, const PageRequest& page) override;

 private:
  Connection& c_;
};

class SqlChangeFeed final : public ChangeFeed {
 public:
  explicit SqlChangeFeed(Connection& c) : c_(c) {}
  Result<ChangeBatch> Pending(const std::string& consumer, int limit) override;
  Status Done(const std::string& consumer, int64_t last) override;
  Result<int64_t> Head() override;
  Result<std::optional<int64_t>> Position(const std::string& consumer) override;

 private:
  Connection& c_;
};

class SqlClusters final : public ClusterStore {
 public:
  explicit SqlClusters(Connection& c) : c_(c) {}
  Result<std::vector<std::pair<int64_t, int64_t>>> Pairs() override;
  Status Replace(const std::vector<int64_t>& of, const std::vector<std::pair<int64_t, int64_t>>& pairs) override;
  Status ReplaceAll(const std::vector<std::pair<int64_t, int64_t>>& pairs) override;

 private:
  Connection& c_;
};

class SqlMissions final : public MissionStore {
 public:
  explicit SqlMissions(Connection& c) : c_(c) {}
  Result<std::vector<Mission>> All() override;
  Result<Mission> Get(int64_t id) override;
  Result<Mission> Save(const Mission& m, int64_t expected_version, TimePoint now) override;
  Status Delete(int64_t id) override;
  Status SaveContribution(int64_t mission_id, const MissionContribution& c) override;
  Status DeleteContribution(int64_t mission_id, int64_t innovation_id) override;

 private:
  Connection& c_;
};

class SqlLearning final : public LearningStore {
 public:
  explicit SqlLearning(Connection& c) : c_(c) {}
  Result<std::vector<Lesson>> Lessons(int64_t innovation_id) override;
  Result<std::map<int64_t, std::vector<Lesson>>> LessonsOf(const std::vector<int64_t>& innovation_ids) override;
  Result<std::vector<Lesson>> GetLessons(const std::vector<int64_t>& ids) override;
  Result<Lesson> GetLesson(int64_t innovation_id, int64_t id) override;
  Result<Lesson> SaveLesson(const Lesson& lesson, int64_t expected_version, TimePoint now) override;
  Status DeleteLesson(int64_t innovation_id, int64_t id) override;
  Result<std::vector<int64_t>> InnovationsWithLessons(int64_t after, int limit) override;
  Result<std::vector<ActionReview>> ActionReviews(int64_t innovation_id) override;
  Result<std::map<int64_t, std::vector<ActionReview>>> ActionReviewsOf(
      const std::vector<int64_t>& innovation_ids) override;
  Result<ActionReview> GetActionReview(int64_t innovation_id, int64_t id) override;
  Result<ActionReview> SaveActionReview(const ActionReview& review, int64_t expected_version, TimePoint now) override;
  Status DeleteActionReview(int64_t innovation_id, int64_t id) override;
  Result<ReviewCadence> GetCadence(int64_t innovation_id) override;
  Result<std::map<int64_t, ReviewCadence>> CadencesOf(const std::vector<int64_t>& innovation_ids) override;
  Result<ReviewCadence> SaveCadence(const ReviewCadence& cadence, int64_t expected_version, TimePoint now) override;
  Result<std::vector<Invitation>> Invitations(int64_t innovation_id) override;
  Result<std::vector<Invitation>> InvitationsOfUser(int64_t user_id) override;
  Result<Invitation> GetInvitation(int64_t id) override;
  Result<Invitation> SaveInvitation(const Invitation& invitation, int64_t expected_version, TimePoint now) override;
  Result<std::vector<FriendComment>> Comments(int64_t innovation_id) override;
  Result<FriendComment> AddComment(const FriendComment& comment, TimePoint now) override;

 private:
  Connection& c_;
};

// Errors of the store's own rules, without a message (the app words them).
Error NotFoundError(std::string detail);
Error StaleError(std::string detail);
Error ConflictError(std::string detail);
Error MissingReference(std::string field, std::string detail);

}  // namespace koers::sql
