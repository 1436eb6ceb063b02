// The store's contract, checked against every back end: what happens when
// something is not found, conflicts or is stale; that a unit of work is
// atomic (also when the database fails halfway: fault injection through a
// connection that fails its n-th statement); what the database itself
// refuses; the feed of changes, cluster pairs and the change counter; concurrent writers.
// The suite runs on SQLite, and on PostgreSQL when KOERS_TEST_POSTGRES names
// a server (scripts/with-postgres.sh); a back end is added by a factory in
// Backends() below.
#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <ostream>
#include <thread>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "store/sql/connection.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace koers {
namespace {

// A connection that fails its n-th statement (and every one after, until
// reset), as a database that goes away would.
struct Faults {
  std::atomic<int> countdown{-1};  // -1: never
  std::atomic<int> statements{0};  // run so far
  bool Trip() {
    ++statements;
    int left = countdown.load();
    if (left < 0) return false;
    if (left == 0) return true;
    countdown.store(left - 1);
    return false;
  }
};

class FaultyConnection final : public sql::Connection {
 public:
  FaultyConnection(std::unique_ptr<sql::Connection> inner, Faults* faults) : inner_(std::move(inner)), faults_(faults) {}
  sql::Dialect dialect() const override { return inner_->dialect(); }
  Result<std::unique_ptr<sql::Cursor>> Query(std::string_view sql, std::span<const sql::Param> params) override {
    if (faults_->Trip()) return Fault(sql);
    return inner_->Query(sql, params);
  }
  Result<int64_t> Execute(std::string_view sql, std::span<const sql::Param> params) override {
    if (faults_->Trip()) return Fault(sql);
    return inner_->Execute(sql, params);
  }
  Status ExecuteScript(std::string_view sql) override { return inner_->ExecuteScript(sql); }
  Status Begin(bool write) override { return inner_->Begin(write); }
  Status Commit() override {
    if (faults_->Trip()) return Fault("COMMIT");
    return inner_->Commit();
  }
  void Rollback() override { inner_->Rollback(); }

 private:
  static Error Fault(std::string_view what) {
    return Error{ErrorKind::kIo, "", {}, 0, "injected fault at " + std::string(what.substr(0, 40))};
  }
  std::unique_ptr<sql::Connection> inner_;
  Faults* faults_;
};

struct Backend {
  std::string name;
  // A fresh, empty store whose connections go through `faults`.
  std::function<std::unique_ptr<Store>(Faults* faults)> open;
  // Another store on the database `open` made last (as another process
  // would open it).
  std::function<std::unique_ptr<Store>()> again;
  // A bare connection to that database, for what the database itself refuses.
  std::function<std::unique_ptr<sql::Connection>()> raw;
};

void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

std::vector<Backend> Backends() {
  std::vector<Backend> out;
  static std::filesystem::path last;
  out.push_back({"sqlite", [](Faults* faults) {
                   static int n = 0;
                   auto path = std::filesystem::temp_directory_path() /
                               ("koers-contract-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db");
                   last = path;
                   for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
                   auto store = sqlite::OpenSqliteStore(path.string(), [faults](std::unique_ptr<sql::Connection> c) {
                     return std::unique_ptr<sql::Connection>(new FaultyConnection(std::move(c), faults));
                   });
                   EXPECT_TRUE(store.ok());
                   return std::move(store).value();
                 },
                 [] { return std::move(sqlite::OpenSqliteStore(last.string())).value(); },
                 [] { return std::unique_ptr<sql::Connection>(std::move(sqlite::SqliteConnection::Open(last.string())).value()); }});
  // scripts/with-postgres.sh gives a server; each test gets a new database.
  if (const char* server = std::getenv("KOERS_TEST_POSTGRES"); server && *server) {
    static std::string base = server, last_url;
    out.push_back({"postgres", [](Faults* faults) {
                     static int n = 0;
                     const std::string name = "contract_" + std::to_string(::getpid()) + "_" + std::to_string(++n);
                     auto admin = postgres::PgConnection::Open(base + "/postgres");
                     EXPECT_TRUE(admin.ok());
                     EXPECT_TRUE(admin.value()->ExecuteScript("DROP DATABASE IF EXISTS " + name).ok());
                     EXPECT_TRUE(admin.value()->ExecuteScript("CREATE DATABASE " + name).ok());
                     last_url = base + "/" + name;
                     auto store = postgres::OpenPostgresStore(last_url, [faults](std::unique_ptr<sql::Connection> c) {
                       return std::unique_ptr<sql::Connection>(new FaultyConnection(std::move(c), faults));
                     });
                     EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().detail);
                     return std::move(store).value();
                   },
                   [] { return std::move(postgres::OpenPostgresStore(last_url)).value(); },
                   [] { return std::unique_ptr<sql::Connection>(std::move(postgres::PgConnection::Open(last_url)).value()); }});
  }
  return out;
}

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    log::SetLevel(log::Level::kError);
    store_ = GetParam().open(&faults_);
    ASSERT_TRUE(store_);
    ASSERT_TRUE(store_->Write([&](Work& w) {
      return w.organisations().AddNew({{0, "GM0344", "Gemeente Utrecht", "gemeente", "gm0344", ""},
                                       {0, "GM0363", "Gemeente Amsterdam", "gemeente", "gm0363", ""}},
                                      now_);
    }).ok());
  }

  Innovation Sample(const std::string& titel = "Proef") {
    Innovation in;
    in.titel = titel;
    in.organisatie = "GM0344";
    in.fase = "idee";
    in.status = "actief";
    in.zichtbaarheid = "openbaar";
    in.partners = {"GM0363"};
    in.tags = {"a", "b"};
    in.team = {{"Ann", "projectleider", {"regisseur"}, "", 0}};
    return in;
  }

  int64_t Create(const Innovation& in) {
    auto id = store_->Write([&](Work& w) { return w.innovations().Create(in, now_); });
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().detail);
    return id.ok() ? id.value() : 0;
  }

  int64_t CountInnovations() {
    InnovationFilter all;
    all.viewer.alles = true;
    auto list = store_->Read([&](Work& w) { return w.innovations().List(all, {1, 1}); });
    EXPECT_TRUE(list.ok());
    return list.ok() ? list.value().totaal : -1;
  }

  Faults faults_;
  std::unique_ptr<Store> store_;
  TimePoint now_ = TimePoint(std::chrono::hours(24 * 20000));
};

TEST_P(StoreContract, AnUnknownKeyIsNotFoundWithoutWords) {
  auto in = store_->Read([](Work& w) { return w.innovations().Get(424242); });
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(in.error().message.empty()) << "the app layer words errors";
  auto org = store_->Read([](Work& w) { return w.organisations().Get("GM9999"); });
  EXPECT_EQ(org.error().kind, ErrorKind::kNotFound);
  auto user = store_->Read([](Work& w) { return w.accounts().GetUser(5); });
  EXPECT_EQ(user.error().kind, ErrorKind::kNotFound);
  auto review = store_->Read([](Work& w) { return w.steering().GetReview(1, 1); });
  EXPECT_EQ(review.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(store_->Write([](Work& w) { return w.innovations().Delete(424242); }).error().kind, ErrorKind::kNotFound);
  auto bc = store_->Read([](Work& w) { return w.steering().GetBusinessCase(424242); });
  ASSERT_TRUE(bc.ok()) << "an unsaved business case is empty, not missing";
  EXPECT_EQ(bc.value().versie, 0);
}

TEST_P(StoreContract, AnInnovationComesBackAsStoredWithItsChildren) {
  Innovation in = Sample();
  in.kosten_extern = 1234.5;
  in.trl = 4;
  in.bron = Source{"algoritmeregister", "77", "https://x", "In gebruik", "2024-01-02"};
  int64_t id = Create(in);
  ASSERT_TRUE(store_->Write([&](Work& w) {
    return w.innovations().AddPhaseChange(id, {"idee", "actief", FormatTimestamp(now_), "Ann", "begin"});
  }).ok());
  auto got = store_->Read([&](Work& w) { return w.innovations().Get(id); });
  ASSERT_TRUE(got.ok());
  const Innovation& g = got.value();
  EXPECT_EQ(g.titel, "Proef");
  EXPECT_EQ(g.organisatie_naam, "Gemeente Utrecht");
  EXPECT_EQ(g.partners, std::vector<std::string>{"GM0363"});
  EXPECT_EQ(g.tags, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(g.team.size(), 1u);
  EXPECT_EQ(g.team[0].archetypen, std::vector<std::string>{"regisseur"});
  EXPECT_EQ(g.kosten_extern, 1234.5);
  EXPECT_EQ(g.trl, 4);
  ASSERT_TRUE(g.bron);
  EXPECT_EQ(g.bron->id, "77");
  EXPECT_EQ(g.versie, 1);
  ASSERT_EQ(g.fase_historie.size(), 1u);
  EXPECT_EQ(g.fase_historie[0].reden, "begin");
  auto header = store_->Read([&](Work& w) { return w.innovations().Header(id); });
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(header.value().facts.partners, std::vector<std::string>{"GM0363"});
}

TEST_P(StoreContract, GetManyReadsInBatchesInTheOrderAsked) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 1200; ++i) ids.push_back(Create(Sample("Nummer " + std::to_string(i))));
  std::vector<int64_t> asked = {ids[1100], 999999, ids[3], ids[600]};
  auto many = store_->Read([&](Work& w) { return w.innovations().GetMany(asked); });
  ASSERT_TRUE(many.ok());
  ASSERT_EQ(many.value().size(), 3u) << "unknown ids are left out";
  EXPECT_EQ(many.value()[0].id, ids[1100]);
  EXPECT_EQ(many.value()[1].id, ids[3]);
  EXPECT_EQ(many.value()[2].partners.size(), 1u) << "with children";
  auto all = store_->Read([&](Work& w) { return w.innovations().GetMany(ids); });
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all.value().size(), ids.size()) << "more ids than one slice of parameters";
}

TEST_P(StoreContract, AStaleVersionIsRefusedAndChangesNothing) {
  int64_t id = Create(Sample());
  Innovation in = Sample("Nieuw");
  in.id = id;
  auto v2 = store_->Write([&](Work& w) { return w.innovations().Update(in, 1, now_); });
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2.value(), 2);
  in.titel = "Te laat";
  auto stale = store_->Write([&](Work& w) { return w.innovations().Update(in, 1, now_); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kPreconditionFailed);
  EXPECT_EQ(store_->Read([&](Work& w) { return w.innovations().Get(id); }).value().titel, "Nieuw");
}

TEST_P(StoreContract, AnUnknownReferenceNamesItsField) {
  Innovation in = Sample();
  in.partners = {"GM0363", "XX0000"};
  auto id = store_->Write([&](Work& w) { return w.innovations().Create(in, now_); });
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().kind, ErrorKind::kInvalid);
  ASSERT_EQ(id.error().problems.size(), 1u);
  EXPECT_EQ(id.error().problems[0].field, "partners[1]");
  EXPECT_EQ(CountInnovations(), 0) << "nothing half-written";
}

TEST_P(StoreContract, ADuplicateIsAConflict) {
  User u;
  u.email = "ann@example.nl";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.accounts().CreateUser(u, now_); }).ok());
  auto again = store_->Write([&](Work& w) { return w.accounts().CreateUser(u, now_); });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  int64_t source = Create(Sample());
  Adoption a;
  a.bron_id = source;
  a.organisatie = "GM0363";
  a.status = "buitenkring";
  a.datum = "2026-01-01";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.adoptions().Create(a, now_); }).ok());
  auto twice = store_->Write([&](Work& w) { return w.adoptions().Create(a, now_); });
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
}

TEST_P(StoreContract, AUnitOfWorkWithoutCommitLeavesNothing) {
  {
    auto work = store_->Begin(Access::kWrite);
    ASSERT_TRUE(work.ok());
    ASSERT_TRUE(work.value()->innovations().Create(Sample(), now_).ok());
    auto seen = work.value()->innovations().Ids(0, 10);
    EXPECT_EQ(seen.value().size(), 1u) << "the work sees its own change";
  }
  EXPECT_EQ(CountInnovations(), 0);
  auto queue = store_->Read([](Work& w) { return w.changes().Pending(kSearchConsumer, 10); });
  EXPECT_TRUE(queue.value().ids.empty()) << "the feed is written in the same transaction";
}

TEST_P(StoreContract, AFailedStepRollsTheWholeWorkBack) {
  Status st = store_->Write([&](Work& w) -> Status {
    auto id = w.innovations().Create(Sample(), now_);
    if (!id.ok()) return id.status();
    return Error{ErrorKind::kInvalid, "nee", {}};
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(CountInnovations(), 0);
}

TEST_P(StoreContract, ADatabaseThatFailsHalfwayNeverLeavesHalfAChange) {
  // A change of several statements (an innovation with partners and team, a
  // phase change, an audit entry, a reuse asset), failed at every step in turn.
  auto change = [&](Work& w) -> Result<int64_t> {
    auto id = w.innovations().Create(Sample(), now_);
    if (!id.ok()) return id;
    Status st = w.innovations().AddPhaseChange(id.value(), {"idee", "actief", FormatTimestamp(now_), "Ann", ""});
    if (!st.ok()) return st.error();
    AuditEntry e;
    e.op = FormatTimestamp(now_);
    e.gebruiker = "test";
    e.actie = "aangemaakt";
    e.resource = "innovatie";
    e.resultaat = "gelukt";
    e.innovatie_id = id.value();
    st = w.audit().Append(e);
    if (!st.ok()) return st.error();
    ReuseAsset asset;
    asset.innovatie_id = id.value();
    asset.soort = "broncode";
    asset.titel = "Code";
    auto saved = w.adoptions().SaveAsset(asset, now_);
    if (!saved.ok()) return saved.error();
    return id;
  };
  int failures = 0;
  for (int step = 0; step < 40; ++step) {
    faults_.countdown = step;
    auto id = store_->Write(change);
    faults_.countdown = -1;
    if (id.ok()) {
      // Made it: everything is there.
      auto in = store_->Read([&](Work& w) { return w.innovations().Get(id.value()); });
      ASSERT_TRUE(in.ok());
      EXPECT_EQ(in.value().fase_historie.size(), 1u);
      auto assets = store_->Read([&](Work& w) { return w.adoptions().ListAssets(id.value()); });
      EXPECT_EQ(assets.value().size(), 1u);
      ASSERT_TRUE(store_->Write([&](Work& w) { return w.innovations().Delete(id.value()); }).ok());
      break;
    }
    ++failures;
    EXPECT_EQ(id.error().kind, ErrorKind::kIo);
    EXPECT_EQ(CountInnovations(), 0) << "failed at step " << step << ": nothing of it may stay";
  }
  EXPECT_GT(failures, 5) << "the faults hit the statements of the change";
  EXPECT_TRUE(store_->Read([](Work& w) { return w.innovations().Ids(0, 1); }).ok()) << "the store works after faults";
}

TEST_P(StoreContract, TheAuditTrailIsAppendOnly) {
  AuditEntry e;
  e.op = FormatTimestamp(now_);
  e.gebruiker = "test";
  e.actie = "gewijzigd";
  e.resource = "innovatie";
  e.resultaat = "gelukt";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.audit().Append(e); }).ok());
  auto list = store_->Read([](Work& w) { return w.audit().List({true, {}, "", ""}, {1, 10}); });
  ASSERT_EQ(list.value().items.size(), 1u);
  // No method changes an entry, and the database refuses it as well.
  EXPECT_EQ(list.value().items[0].actie, "gewijzigd");
  auto raw = GetParam().raw();
  for (const char* change : {"UPDATE audit SET actie = 'verwijderd'", "DELETE FROM audit"}) {
    auto n = raw->Execute(change, {});
    ASSERT_FALSE(n.ok()) << change;
    EXPECT_EQ(n.error().kind, ErrorKind::kConflict) << change;
  }
  list = store_->Read([](Work& w) { return w.audit().List({true, {}, "", ""}, {1, 10}); });
  ASSERT_EQ(list.value().items.size(), 1u);
  EXPECT_EQ(list.value().items[0].actie, "gewijzigd");
}

TEST_P(StoreContract, ARecordedReviewNeverChanges) {
  int64_t id = Create(Sample());
  Review r;
  r.innovatie_id = id;
  r.fase = "idee";
  auto draft = store_->Write([&](Work& w) { return w.steering().CreateReview(r, "Ann", now_); });
  ASSERT_TRUE(draft.ok());
  Review decided = draft.value();
  decided.besluit = "go";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.steering().RecordReview(decided, "Stuur", now_); }).ok());
  decided.motivering = "achteraf";
  auto changed = store_->Write([&](Work& w) { return w.steering().UpdateReview(decided, 0); });
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().kind, ErrorKind::kConflict);
  auto deleted = store_->Write([&](Work& w) { return w.steering().DeleteReview(id, decided.id); });
  EXPECT_EQ(deleted.error().kind, ErrorKind::kConflict);
  auto twice = store_->Write([&](Work& w) { return w.steering().RecordReview(decided, "Stuur", now_); });
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  auto raw = GetParam().raw()->Execute("UPDATE beoordeling SET motivering = 'achteraf'", {});
  ASSERT_FALSE(raw.ok()) << "the database itself refuses it";
  EXPECT_EQ(raw.error().kind, ErrorKind::kConflict);
}

TEST_P(StoreContract, TheChangeCounterSeesCommitsOfAnotherStoreAtOnce) {
  auto other = GetParam().again();
  int64_t seen = store_->ChangeCounter().value();
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(other->Write([&](Work& w) { return w.innovations().Create(Sample("Elders"), now_).status(); }).ok());
    int64_t now = store_->ChangeCounter().value();
    EXPECT_GT(now, seen) << "commit " << i << " of another store";
    seen = now;
    Create(Sample("Hier"));
    now = store_->ChangeCounter().value();
    EXPECT_GT(now, seen) << "commit " << i << " of this store";
    seen = now;
  }
  if (GetParam().name == "sqlite") {
    faults_.statements = 0;
    for (int i = 0; i < 3; ++i) EXPECT_EQ(store_->ChangeCounter().value(), seen);
    EXPECT_EQ(faults_.statements.load(), 0) << "nothing changed: no statement, no read transaction";
  }
}

TEST_P(StoreContract, TheFeedAndTheChangeCounterFollowCommits) {
  auto before = store_->ChangeCounter();
  ASSERT_TRUE(before.ok());
  int64_t id = Create(Sample());
  auto after = store_->ChangeCounter();
  EXPECT_GT(after.value(), before.value());
  auto pending = [&](const char* consumer) {
    return store_->Read([&](Work& w) { return w.changes().Pending(consumer, 10); }).value();
  };
  auto queue = pending(kSearchConsumer);
  ASSERT_EQ(queue.ids, std::vector<int64_t>{id});
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.changes().Done(kSearchConsumer, queue.last); }).ok());
  EXPECT_TRUE(pending(kSearchConsumer).ids.empty());
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.innovations().Delete(id); }).ok());
  EXPECT_EQ(pending(kSearchConsumer).ids, std::vector<int64_t>{id}) << "a delete is in the feed too";

  // Each consumer has its own position; numbers only grow, also after the
  // feed was emptied.
  EXPECT_FALSE(store_->Read([](Work& w) { return w.changes().Position(kClusterConsumer); }).value());
  int64_t head = store_->Read([](Work& w) { return w.changes().Head(); }).value();
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.changes().Done(kClusterConsumer, head); }).ok());
  EXPECT_EQ(store_->Read([](Work& w) { return w.changes().Position(kClusterConsumer); }).value(), head);
  EXPECT_TRUE(pending(kClusterConsumer).ids.empty());
  EXPECT_EQ(pending(kSearchConsumer).ids, std::vector<int64_t>{id}) << "one consumer does not take from another";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.changes().Done(kSearchConsumer, head); }).ok());
  int64_t next = Create(Sample("Nog een"));
  EXPECT_GT(store_->Read([](Work& w) { return w.changes().Head(); }).value(), head);
  EXPECT_EQ(pending(kClusterConsumer).ids, std::vector<int64_t>{next});
  EXPECT_EQ(pending(kSearchConsumer).ids, std::vector<int64_t>{next});
}

TEST_P(StoreContract, ClusterPairsFollowTheirInnovations) {
  int64_t a = Create(Sample("a")), b = Create(Sample("b")), c = Create(Sample("c"));
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.clusters().Replace({a}, {{a, b}, {c, a}, {a, 999999}}); }).ok());
  auto pairs = [&] { return store_->Read([](Work& w) { return w.clusters().Pairs(); }).value(); };
  using Pairs = std::vector<std::pair<int64_t, int64_t>>;
  EXPECT_EQ(pairs(), (Pairs{{a, b}, {a, c}})) << "an unknown partner is skipped";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.clusters().Replace({c}, {{b, c}}); }).ok());
  EXPECT_EQ(pairs(), (Pairs{{a, b}, {b, c}})) << "the pairs of c are exactly the new ones";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.innovations().Delete(b); }).ok());
  EXPECT_TRUE(pairs().empty()) << "pairs go with their innovation";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.clusters().ReplaceAll({{c, a}}); }).ok());
  EXPECT_EQ(pairs(), (Pairs{{a, c}}));
}


TEST_P(StoreContract, EachStreamsInTheFilterOrderAndStopsWhenAsked) {
  for (const char* t : {"b", "a", "c"}) Create(Sample(t));
  InnovationFilter f;
  f.viewer.alles = true;
  std::vector<std::string> seen;
  Status st = store_->Read([&](Work& w) {
    return w.innovations().Each(f, [&](const Innovation& in) {
      seen.push_back(in.titel);
      return seen.size() < 2;
    });
  });
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b"}));
}

// Keyset pages give every row once, in the order of the filter, also when
// titles tie and when the row a page ended on is gone before the next.
TEST_P(StoreContract, ScanPagesThroughEveryOrderAndSurvivesRemovals) {
  std::vector<int64_t> ids;
  for (const char* t : {"b", "a", "C", "a", "d", "B", "e"}) ids.push_back(Create(Sample(t)));
  for (const char* order : {"titel", "-titel", "id", "-id", "gewijzigdOp", "-gewijzigdOp"}) {
    InnovationFilter f;
    f.viewer.alles = true;
    f.sorteer = order;
    std::vector<int64_t> expected;
    ASSERT_TRUE(store_->Read([&](Work& w) {
      return w.innovations().Each(f, [&](const Innovation& in) {
        expected.push_back(in.id);
        return true;
      });
    }).ok());
    std::vector<int64_t> paged;
    ScanPosition after;
    for (;;) {
      auto page = store_->Read([&](Work& w) { return w.innovations().Scan(f, after, 2); });
      ASSERT_TRUE(page.ok()) << order;
      for (const auto& in : page.value()) paged.push_back(in.id);
      if (page.value().size() < 2) break;
      after = PositionAfter(page.value().back(), order);
    }
    EXPECT_EQ(paged, expected) << order;
  }
  InnovationFilter f;
  f.viewer.alles = true;
  auto first = store_->Read([&](Work& w) { return w.innovations().Scan(f, {}, 3); });
  ASSERT_EQ(first.value().size(), 3u);
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.innovations().Delete(first.value().back().id); }).ok());
  auto rest = store_->Read([&](Work& w) { return w.innovations().Scan(f, PositionAfter(first.value().back(), "titel"), 10); });
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest.value().size(), 4u) << "the page after a removed row goes on where it was";
}

TEST_P(StoreContract, ListingsShowOnlyWhatTheViewerMayRead) {

  Innovation hidden = Sample("Besloten");
  hidden.zichtbaarheid = "organisatie";
  Create(hidden);
  Create(Sample("Open"));
  InnovationFilter anonymous;
  auto list = store_->Read([&](Work& w) { return w.innovations().List(anonymous, {1, 10}); });
  ASSERT_EQ(list.value().totaal, 1);
  EXPECT_EQ(list.value().items[0].titel, "Open");
  auto counts = store_->Read([&](Work& w) { return w.innovations().Count("fase", anonymous.viewer); });
  ASSERT_EQ(counts.value().size(), 1u);
  EXPECT_EQ(counts.value()[0].aantal, 1);
}

TEST_P(StoreContract, MeasurementsAreUpsertedByPeriodAndArea) {
  int64_t id = Create(Sample());
  Indicator ind;
  ind.innovatie_id = id;
  ind.naam = "Meldingen";
  ind.soort = "output";
  ind.eenheid = "aantal";
  ind.richting = "lager";
  auto saved = store_->Write([&](Work& w) { return w.indicators().Save(ind, 0, now_); });
  ASSERT_TRUE(saved.ok());
  std::vector<Measurement> rows = {{0, 0, "2024", "", 5, 12, ""}, {0, 0, "2025", "", 7, std::nullopt, ""}};
  auto first = store_->Write([&](Work& w) { return w.indicators().Upsert(saved.value().id, rows, now_); });
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value().toegevoegd, 2);
  rows[1].waarde = 8;
  auto second = store_->Write([&](Work& w) { return w.indicators().Upsert(saved.value().id, rows, now_); });
  EXPECT_EQ(second.value().gewijzigd, 1);
  EXPECT_EQ(second.value().ongewijzigd, 1);
  auto latest = store_->Read([&](Work& w) { return w.indicators().LatestMeasurements({saved.value().id}); });
  ASSERT_EQ(latest.value().at(saved.value().id).size(), 1u);
  EXPECT_EQ(latest.value().at(saved.value().id)[0].waarde, 8);
  auto stale = store_->Write([&](Work& w) { return w.indicators().Save(saved.value(), 1, now_); });
  EXPECT_EQ(stale.error().kind, ErrorKind::kPreconditionFailed) << "the upsert bumped the version";
}

TEST_P(StoreContract, TheSumsPerMunicipalityAndYearFollowEveryImport) {
  Indicator ind;
  ind.innovatie_id = Create(Sample());
  ind.naam = "Woningen";
  ind.soort = "output";
  ind.eenheid = "aantal";
  ind.richting = "hoger";
  ind.gebiedsniveau = "WK";
  int64_t id = store_->Write([&](Work& w) { return w.indicators().Save(ind, 0, now_); }).value().id;
  auto sums = [&] {
    std::vector<std::string> out;
    auto got = store_->Read([&](Work& w) { return w.indicators().Aggregate(id); });
    EXPECT_TRUE(got.ok()) << got.error().detail;
    if (!got.ok()) return out;
    for (const auto& a : got.value())
      out.push_back(a.gemeente + " " + a.jaar + " " + std::to_string(static_cast<int>(a.som)) + " n=" +
                    std::to_string(a.metingen) + " aantal=" + (a.aantal ? std::to_string(*a.aantal) : "-") +
                    " min=" + (a.kleinste_aantal ? std::to_string(*a.kleinste_aantal) : "-"));
    return out;
  };
  auto upsert = [&](std::vector<Measurement> rows) {
    auto done = store_->Write([&](Work& w) { return w.indicators().Upsert(id, rows, now_); });
    ASSERT_TRUE(done.ok()) << done.error().detail;
  };
  upsert({{0, 0, "2024-01", "WK034401", 10, 40, ""}, {0, 0, "2024-02", "WK034402", 5, std::nullopt, ""},
          {0, 0, "2025-01", "WK034401", 2, 3, ""}, {0, 0, "2024-01", "WK036301", 7, 9, ""}});
  using Sums = std::vector<std::string>;
  EXPECT_EQ(sums(), (Sums{"GM0344 2024 15 n=2 aantal=40 min=40", "GM0344 2025 2 n=1 aantal=3 min=3",
                          "GM0363 2024 7 n=1 aantal=9 min=9"}));
  // A second import replaces one cell and adds another.
  upsert({{0, 0, "2024-02", "WK034402", 6, 1, ""}, {0, 0, "2025-02", "WK036302", 4, std::nullopt, ""}});
  EXPECT_EQ(sums(), (Sums{"GM0344 2024 16 n=2 aantal=41 min=1", "GM0344 2025 2 n=1 aantal=3 min=3",
                          "GM0363 2024 7 n=1 aantal=9 min=9", "GM0363 2025 4 n=1 aantal=- min=-"}));
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.indicators().Delete(id); }).ok());
  EXPECT_TRUE(sums().empty()) << "the sums go with their indicator";
}

TEST_P(StoreContract, ConcurrentWritersAllGetThrough) {
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto id = store_->Write(
            [&](Work& w) { return w.innovations().Create(Sample("t" + std::to_string(t) + "-" + std::to_string(i)), now_); });
        if (id.ok()) ++ok;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 100);
  EXPECT_EQ(CountInnovations(), 100);
}

TEST_P(StoreContract, ASecretIsMadeOnceAndKept) {
  auto a = store_->Write([](Work& w) { return w.accounts().Secret("x", "eerste"); });
  auto b = store_->Write([](Work& w) { return w.accounts().Secret("x", "tweede"); });
  EXPECT_EQ(a.value(), "eerste");
  EXPECT_EQ(b.value(), "eerste");
}

TEST_P(StoreContract, InvitationsBelongToAnAccountAndGoWithTheirInnovation) {
  User friend_;
  friend_.email = "vriend@amsterdam.nl";
  friend_.naam = "Vriend";
  auto user = store_->Write([&](Work& w) { return w.accounts().CreateUser(friend_, now_); });
  ASSERT_TRUE(user.ok());
  int64_t id = Create(Sample());
  Invitation inv;
  inv.innovatie_id = id;
  inv.gebruiker_id = user.value();
  inv.email = friend_.email;
  inv.naam = "Vriend";
  inv.bericht = "Kijk je mee?";
  inv.geldig_tot = "2026-12-31";
  auto saved = store_->Write([&](Work& w) { return w.learning().SaveInvitation(inv, 0, now_); });
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved.value().versie, 1);
  EXPECT_EQ(saved.value().bericht, "Kijk je mee?");
  EXPECT_TRUE(saved.value().email.empty()) << "the address is the account's, not kept twice";
  auto mine = store_->Read([&](Work& w) { return w.learning().InvitationsOfUser(user.value()); });
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine.value().size(), 1u);

  Invitation closed = saved.value();
  closed.ingetrokken = true;
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.learning().SaveInvitation(closed, 1, now_); }).ok());
  auto stale = store_->Write([&](Work& w) { return w.learning().SaveInvitation(closed, 1, now_); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kPreconditionFailed);
  EXPECT_TRUE(store_->Read([&](Work& w) { return w.learning().GetInvitation(saved.value().id); }).value().ingetrokken);

  FriendComment c;
  c.uitnodiging_id = saved.value().id;
  c.innovatie_id = id;
  c.tekst = "Goed plan.";
  c.auteur = "Vriend";
  auto said = store_->Write([&](Work& w) { return w.learning().AddComment(c, now_); });
  ASSERT_TRUE(said.ok());
  EXPECT_EQ(said.value().tekst, "Goed plan.");
  EXPECT_EQ(store_->Read([&](Work& w) { return w.learning().Comments(id); }).value().size(), 1u);

  ASSERT_TRUE(store_->Write([&](Work& w) { return w.innovations().Delete(id); }).ok());
  EXPECT_EQ(store_->Read([&](Work& w) { return w.learning().GetInvitation(saved.value().id); }).error().kind,
            ErrorKind::kNotFound);
  EXPECT_TRUE(store_->Read([&](Work& w) { return w.learning().Comments(id); }).value().empty());
}

TEST_P(StoreContract, AMissionKeepsItsFieldsAndItsContributionsApart) {
  Mission m;
  m.titel = "Klimaatbestendig";
  m.opgave = "Elke wijk";
  m.doel_waarde = 100;
  m.doel_eenheid = "%";
  m.doel_datum = "2030-12-31";
  m.eigenaren = {"GM0344"};
  m.partners = {{"Hogeschool", "kennisinstellingen"}};
  m.metingen = {{"2026-01-01", 40}};
  auto saved = store_->Write([&](Work& w) { return w.missions().Save(m, 0, now_); });
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved.value().versie, 1);
  EXPECT_EQ(saved.value().partners, m.partners);
  EXPECT_EQ(saved.value().metingen, m.metingen);
  const int64_t id = saved.value().id;

  int64_t innovation = Create(Sample());
  MissionContribution c{innovation, "gevraagd", "draagt bij", "2026-02-01", ""};
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.missions().SaveContribution(id, c); }).ok());
  c.status = "ingestemd";
  c.beslist_op = "2026-02-02";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.missions().SaveContribution(id, c); }).ok());
  auto read = store_->Read([&](Work& w) { return w.missions().Get(id); });
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value().versie, 1) << "a contribution does not move the mission's version";
  ASSERT_EQ(read.value().bijdragen.size(), 1u);
  EXPECT_EQ(read.value().bijdragen[0], c);
  EXPECT_EQ(store_->Read([&](Work& w) { return w.missions().All(); }).value().at(0).bijdragen.size(), 1u);
  EXPECT_EQ(store_->Write([&](Work& w) { return w.missions().SaveContribution(999999, c); }).error().kind,
            ErrorKind::kNotFound);

  Mission changed = read.value();
  changed.titel = "Nieuw";
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.missions().Save(changed, 1, now_); }).ok());
  auto stale = store_->Write([&](Work& w) { return w.missions().Save(changed, 1, now_); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kPreconditionFailed);

  ASSERT_TRUE(store_->Write([&](Work& w) { return w.innovations().Delete(innovation); }).ok());
  EXPECT_TRUE(store_->Read([&](Work& w) { return w.missions().Get(id); }).value().bijdragen.empty())
      << "a contribution goes with its innovation";
  EXPECT_EQ(store_->Write([&](Work& w) { return w.missions().DeleteContribution(id, innovation); }).error().kind,
            ErrorKind::kNotFound);
  ASSERT_TRUE(store_->Write([&](Work& w) { return w.missions().Delete(id); }).ok());
  EXPECT_EQ(store_->Read([&](Work& w) { return w.missions().Get(id); }).error().kind, ErrorKind::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(Backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

}  // namespace
}  // namespace koers
