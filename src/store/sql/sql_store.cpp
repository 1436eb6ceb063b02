#include "store/sql/sql_store.hpp"

#include "store/sql/areas.hpp"
#include "store/sql/query.hpp"
#include "store/sql/statements.hpp"

namespace koers::sql {

Result<std::unique_ptr<Connection>> Pool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  return open_();
}

void Pool::Release(std::unique_ptr<Connection> c) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(c));
}

// One transaction on one pooled connection, with every area bound to it.
class SqlWork final : public Work {
 public:
  SqlWork(SqlStore& store, std::unique_ptr<Connection> c, bool write)
      : store_(store),
        c_(std::move(c)),
        write_(write),
        organisations_(*c_),
        innovations_(*c_, organisations_),
        accounts_(*c_, organisations_),
        steering_(*c_),
        diagnosis_(*c_),
        indicators_(*c_),
        adoptions_(*c_, organisations_),
        learning_(*c_),
        missions_(*c_),
        audit_(*c_),
        changes_(*c_),
        clusters_(*c_) {}
  ~SqlWork() override {
    if (!done_) c_->Rollback();
    store_.pool_.Release(std::move(c_));
  }
  OrganisationStore& organisations() override { return organisations_; }
  InnovationStore& innovations() override { return innovations_; }
  AccountStore& accounts() override { return accounts_; }
  SteeringStore& steering() override { return steering_; }
  DiagnosisStore& diagnosis() override { return diagnosis_; }
  IndicatorStore& indicators() override { return indicators_; }
  AdoptionStore& adoptions() override { return adoptions_; }
  LearningStore& learning() override { return learning_; }
  MissionStore& missions() override { return missions_; }
  AuditStore& audit() override { return audit_; }
  ChangeFeed& changes() override { return changes_; }
  ClusterStore& clusters() override { return clusters_; }
  Status Commit() override {
    Status st = c_->Commit();
    if (!st.ok()) return st;
    done_ = true;
    if (write_) store_.Committed();
    return Status::Ok();
  }

 private:
  SqlStore& store_;
  std::unique_ptr<Connection> c_;
  bool write_;
  bool done_ = false;
  SqlOrganisations organisations_;
  SqlInnovations innovations_;
  SqlAccounts accounts_;
  SqlSteering steering_;
  SqlDiagnosis diagnosis_;
  SqlIndicators indicators_;
  SqlAdoptions adoptions_;
  SqlLearning learning_;
  SqlMissions missions_;
  SqlAudit audit_;
  SqlChangeFeed changes_;
  SqlClusters clusters_;
};

Result<std::unique_ptr<Work>> SqlStore::Begin(Access access) {
  auto c = pool_.Acquire();
  if (!c.ok()) return c.error();
  Status st = c.value()->Begin(access == Access::kWrite);
  if (!st.ok()) {
    pool_.Release(std::move(c).value());
    return st.error();
  }
  return std::unique_ptr<Work>(new SqlWork(*this, std::move(c).value(), access == Access::kWrite));
}

Result<int64_t> SqlStore::ChangeCounter() {
  // The mark is taken before the read: a commit in between moves the mark
  // again, so the next call reads once more.
  std::optional<CommitMark> mark = watch_ ? watch_() : std::nullopt;
  if (mark) {
    std::lock_guard lock(counter_mutex_);
    if (counter_mark_ == mark) return counter_;
  }
  auto c = pool_.Acquire();
  if (!c.ok()) return c.error();
  auto n = Scalar(*c.value(), statements::kChangeCounter);
  pool_.Release(std::move(c).value());
  if (!n.ok()) return n.error();
  if (mark) {
    std::lock_guard lock(counter_mutex_);
    counter_mark_ = mark;
    counter_ = n.value().value_or(0);
  }
  return n.value().value_or(0);
}

}  // namespace koers::sql
