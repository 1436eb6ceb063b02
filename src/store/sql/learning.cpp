// Lessons, After Action Reviews and their cadence, in SQL (areas.hpp).
#include <nlohmann/json.hpp>

#include "domain/learning_json.hpp"
#include "store/sql/areas.hpp"
#include "store/sql/query.hpp"
#include "store/sql/statements.hpp"

namespace koers::sql {
namespace {

namespace st = statements;
using nlohmann::json;

std::string Dump(json j) {
  // What the row's own columns keep is not repeated in the content.
  for (const char* managed : {"id", "auteur", "aangemaaktOp", "gewijzigdOp", "versie"}) j.erase(managed);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Lesson ReadLesson(RowReader& r) {
  Lesson l;
  l.id = r.Int();
  l.innovatie_id = r.Int();
  (void)FromJson(json::parse(r.View(), nullptr, false), &l);
  l.auteur = r.Text();
  l.auteur_id = r.Int();
  l.aangemaakt_op = r.Text();
  l.gewijzigd_op = r.Text();
  l.versie = r.Int();
  return l;
}

ActionReview ReadActionReview(RowReader& r) {
  ActionReview v;
  v.id = r.Int();
  v.innovatie_id = r.Int();
  (void)FromJson(json::parse(r.View(), nullptr, false), &v);
  v.auteur = r.Text();
  r.Skip();  // auteur_id: not kept for reviews
  v.aangemaakt_op = r.Text();
  v.gewijzigd_op = r.Text();
  v.versie = r.Int();
  return v;
}

ReviewCadence ReadCadence(RowReader& r) {
  ReviewCadence c;
  c.innovatie_id = r.Int();
  (void)FromJson(json::parse(r.View(), nullptr, false), &c);
  c.gewijzigd_op = r.Text();
  c.versie = r.Int();
  return c;
}

Invitation ReadInvitation(RowReader& r) {
  Invitation i;
  i.id = r.Int();
  i.innovatie_id = r.Int();
  i.gebruiker_id = r.Int();
  (void)FromJson(json::parse(r.View(), nullptr, false), &i);
  i.auteur = r.Text();
  i.aangemaakt_op = r.Text();
  i.gewijzigd_op = r.Text();
  i.versie = r.Int();
  return i;
}

FriendComment ReadComment(RowReader& r) {
  FriendComment c;
  c.id = r.Int();
  c.uitnodiging_id = r.Int();
  c.innovatie_id = r.Int();
  c.tekst = r.Text();
  c.auteur = r.Text();
  c.aangemaakt_op = r.Text();
  return c;
}

// The rows of `columns` + `where_in` (ids) + `order`, in slices of 500 ids.
template <class T, class Read>
Result<std::vector<T>> InSlices(Connection& c, const char* columns, const char* where_in, const char* order,
                                const std::vector<int64_t>& ids, Read read) {
  std::vector<T> out;
  for (size_t from = 0; from < ids.size(); from += 500) {
    std::vector<int64_t> slice(ids.begin() + from, ids.begin() + std::min(ids.size(), from + 500));
    Composed q(columns);
    q.Add(where_in).AddList(slice).Add(order);
    Status s = sql::Each(c, q, [&](RowReader& r) { out.push_back(read(r)); });
    if (!s.ok()) return s.error();
  }
  return out;
}

// After an UPDATE that changed no row: not found, or another version.
Error Unchanged(Connection& c, const char* version_sql, int64_t innovation_id, int64_t id, const char* what) {
  auto v = Scalar(c, version_sql, innovation_id, id);
  if (!v.ok()) return v.error();
  if (!v.value()) return NotFoundError(std::string(what) + " " + std::to_string(id));
  return StaleError(std::string(what) + " " + std::to_string(id));
}

}  // namespace

Result<std::vector<Lesson>> SqlLearning::Lessons(int64_t innovation_id) {
  return sql::All(c_, std::string(st::kLessonColumns) + st::kWhereLessonsOf, ReadLesson, innovation_id);
}

Result<std::map<int64_t, std::vector<Lesson>>> SqlLearning::LessonsOf(const std::vector<int64_t>& ids) {
  auto rows = InSlices<Lesson>(c_, st::kLessonColumns, st::kWhereLessonsOfIn, st::kOrderLessons, ids, ReadLesson);
  if (!rows.ok()) return rows.error();
  std::map<int64_t, std::vector<Lesson>> out;
  for (auto& l : rows.value()) out[l.innovatie_id].push_back(std::move(l));
  return out;
}

Result<std::vector<Lesson>> SqlLearning::GetLessons(const std::vector<int64_t>& ids) {
  auto rows = InSlices<Lesson>(c_, st::kLessonColumns, st::kWhereLessonsIn, "", ids, ReadLesson);
  if (!rows.ok()) return rows.error();
  std::map<int64_t, Lesson> by_id;
  for (auto& l : rows.value()) by_id.emplace(l.id, std::move(l));
  std::vector<Lesson> out;
  for (int64_t id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(it->second);
  return out;
}

Result<Lesson> SqlLearning::GetLesson(int64_t innovation_id, int64_t id) {
  auto l = One(c_, std::string(st::kLessonColumns) + st::kWhereLesson, ReadLesson, innovation_id, id);
  if (!l.ok()) return l.error();
  if (!l.value()) return NotFoundError("lesson " + std::to_string(id));
  return std::move(*l.value());
}

Result<Lesson> SqlLearning::SaveLesson(const Lesson& l, int64_t expected_version, TimePoint now) {
  int64_t id = l.id;
  if (id == 0) {
    auto created = Scalar(c_, st::kInsertLesson, l.innovatie_id, Dump(ToJson(l)), Param::OrNull(l.auteur),
                          l.auteur_id ? Param(l.auteur_id) : Param(nullptr), Stamp(now));
    if (!created.ok()) return created.error();
    id = created.value().value_or(0);
  } else {
    auto n = Exec(c_, st::kUpdateLesson, l.innovatie_id, l.id, Dump(ToJson(l)), Stamp(now), expected_version);
    if (!n.ok()) return n.error();
    if (n.value() == 0) return Unchanged(c_, st::kLessonVersion, l.innovatie_id, l.id, "lesson");
  }
  return GetLesson(l.innovatie_id, id);
}

Status SqlLearning::DeleteLesson(int64_t innovation_id, int64_t id) {
  auto n = Exec(c_, st::kDeleteLesson, innovation_id, id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("lesson " + std::to_string(id));
  return Status::Ok();
}

Result<std::vector<int64_t>> SqlLearning::InnovationsWithLessons(int64_t after, int limit) {
  return sql::All(c_, st::kInnovationsWithLessons, [](RowReader& r) { return r.Int(); }, after, limit);
}

Result<std::vector<ActionReview>> SqlLearning::ActionReviews(int64_t innovation_id) {
  return sql::All(c_, std::string(st::kActionReviewColumns) + st::kWhereActionReviewsOf + st::kOrderActionReviews,
                  ReadActionReview, innovation_id);
}

Result<std::map<int64_t, std::vector<ActionReview>>> SqlLearning::ActionReviewsOf(const std::vector<int64_t>& ids) {
  auto rows = InSlices<ActionReview>(c_, st::kActionReviewColumns, st::kWhereActionReviewsOfIn,
                                     st::kOrderActionReviews, ids, ReadActionReview);
  if (!rows.ok()) return rows.error();
  std::map<int64_t, std::vector<ActionReview>> out;
  for (auto& r : rows.value()) out[r.innovatie_id].push_back(std::move(r));
  return out;
}

Result<ActionReview> SqlLearning::GetActionReview(int64_t innovation_id, int64_t id) {
  auto r = One(c_, std::string(st::kActionReviewColumns) + st::kWhereActionReview, ReadActionReview, innovation_id, id);
  if (!r.ok()) return r.error();
  if (!r.value()) return NotFoundError("action review " + std::to_string(id));
  return std::move(*r.value());
}

Result<ActionReview> SqlLearning::SaveActionReview(const ActionReview& r, int64_t expected_version, TimePoint now) {
  int64_t id = r.id;
  if (id == 0) {
    auto created = Scalar(c_, st::kInsertActionReview, r.innovatie_id, r.datum, Dump(ToJson(r)),
                          Param::OrNull(r.auteur), Param(nullptr), Stamp(now));
    if (!created.ok()) return created.error();
    id = created.value().value_or(0);
  } else {
    auto n = Exec(c_, st::kUpdateActionReview, r.innovatie_id, r.id, r.datum, Dump(ToJson(r)), Stamp(now),
                  expected_version);
    if (!n.ok()) return n.error();
    if (n.value() == 0) return Unchanged(c_, st::kActionReviewVersion, r.innovatie_id, r.id, "action review");
  }
  return GetActionReview(r.innovatie_id, id);
}

Status SqlLearning::DeleteActionReview(int64_t innovation_id, int64_t id) {
  auto n = Exec(c_, st::kDeleteActionReview, innovation_id, id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("action review " + std::to_string(id));
  return Status::Ok();
}

Result<ReviewCadence> SqlLearning::GetCadence(int64_t innovation_id) {
  auto c = One(c_, std::string(st::kCadenceColumns) + st::kWhereCadence, ReadCadence, innovation_id);
  if (!c.ok()) return c.error();
  if (c.value()) return std::move(*c.value());
  ReviewCadence none;
  none.innovatie_id = innovation_id;
  return none;
}

Result<std::map<int64_t, ReviewCadence>> SqlLearning::CadencesOf(const std::vector<int64_t>& ids) {
  auto rows = InSlices<ReviewCadence>(c_, st::kCadenceColumns, st::kWhereCadencesIn, "", ids, ReadCadence);
  if (!rows.ok()) return rows.error();
  std::map<int64_t, ReviewCadence> out;
  for (auto& c : rows.value()) out[c.innovatie_id] = std::move(c);
  return out;
}

Result<ReviewCadence> SqlLearning::SaveCadence(const ReviewCadence& c, int64_t expected_version, TimePoint now) {
  json content = ToJson(c);
  for (const char* managed : {"versie", "gewijzigdOp"}) content.erase(managed);
  const std::string text = content.dump(-1, ' ', false, json::error_handler_t::replace);
  auto n = Exec(c_, st::kUpdateCadence, c.innovatie_id, text, Stamp(now), expected_version);
  if (!n.ok()) return n.error();
  if (n.value() == 0) {
    auto current = GetCadence(c.innovatie_id);
    if (!current.ok()) return current.error();
    if (current.value().versie > 0 || expected_version > 0)
      return StaleError("review cadence of innovation " + std::to_string(c.innovatie_id));
    auto inserted = Exec(c_, st::kInsertCadence, c.innovatie_id, text, Stamp(now));
    if (!inserted.ok()) return inserted.error();
  }
  return GetCadence(c.innovatie_id);
}

Result<std::vector<Invitation>> SqlLearning::Invitations(int64_t innovation_id) {
  return sql::All(c_, std::string(st::kInvitationColumns) + st::kWhereInvitationsOf, ReadInvitation, innovation_id);
}

Result<std::vector<Invitation>> SqlLearning::InvitationsOfUser(int64_t user_id) {
  return sql::All(c_, std::string(st::kInvitationColumns) + st::kWhereInvitationsOfUser, ReadInvitation, user_id);
}

Result<Invitation> SqlLearning::GetInvitation(int64_t id) {
  auto i = One(c_, std::string(st::kInvitationColumns) + st::kWhereInvitation, ReadInvitation, id);
  if (!i.ok()) return i.error();
  if (!i.value()) return NotFoundError("invitation " + std::to_string(id));
  return std::move(*i.value());
}

Result<Invitation> SqlLearning::SaveInvitation(const Invitation& i, int64_t expected_version, TimePoint now) {
  // The account is a column of its own (found by it, and its address is the
  // account's); the rest is content.
  json content = ToJson(i);
  for (const char* managed : {"id", "email", "auteur", "aangemaaktOp", "gewijzigdOp", "versie"}) content.erase(managed);
  const std::string text = content.dump(-1, ' ', false, json::error_handler_t::replace);
  int64_t id = i.id;
  if (id == 0) {
    auto created = Scalar(c_, st::kInsertInvitation, i.innovatie_id, i.gebruiker_id, text, Param::OrNull(i.auteur),
                          Stamp(now));
    if (!created.ok()) return created.error();
    id = created.value().value_or(0);
  } else {
    auto n = Exec(c_, st::kUpdateInvitation, i.innovatie_id, i.id, text, Stamp(now), expected_version);
    if (!n.ok()) return n.error();
    if (n.value() == 0) return Unchanged(c_, st::kInvitationVersion, i.innovatie_id, i.id, "invitation");
  }
  return GetInvitation(id);
}

Result<std::vector<FriendComment>> SqlLearning::Comments(int64_t innovation_id) {
  return sql::All(c_, std::string(st::kCommentColumns) + st::kWhereCommentsOf, ReadComment, innovation_id);
}

Result<FriendComment> SqlLearning::AddComment(const FriendComment& c, TimePoint now) {
  auto created = Scalar(c_, st::kInsertComment, c.uitnodiging_id, c.innovatie_id, c.tekst, Param::OrNull(c.auteur),
                        Stamp(now));
  if (!created.ok()) return created.error();
  auto row = One(c_, std::string(st::kCommentColumns) + st::kWhereComment, ReadComment, created.value().value_or(0));
  if (!row.ok()) return row.error();
  if (!row.value()) return NotFoundError("comment");
  return std::move(*row.value());
}

}  // namespace koers::sql
