// Gate reviews, unknowns and risks, business cases, pitches and maturity,
// in SQL (areas.hpp).
#include <nlohmann/json.hpp>

#include "domain/steering_json.hpp"
#include "store/sql/areas.hpp"
#include "store/sql/query.hpp"
#include "store/sql/statements.hpp"

namespace koers::sql {
namespace {

namespace st = statements;
using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Review ReadReview(RowReader& r) {
  Review v;
  v.id = r.Int();
  v.innovatie_id = r.Int();
  v.fase = r.Text();
  v.status = r.Text();
  v.pijlers = ScoresFromJson(json::parse(r.View(), nullptr, false), "onderbouwing");
  v.schaduwkanten = ScoresFromJson(json::parse(r.View(), nullptr, false), "toelichting");
  v.besluit = r.Text();
  v.terug_naar = r.Text();
  v.motivering = r.Text();
  v.besluitvormers = FromJsonArray(r.View());
  v.budget = r.OptReal();
  if (auto months = r.OptInt()) v.doorlooptijd_maanden = static_cast<int>(*months);
  v.volgende_beoordeling = r.Text();
  v.opgesteld_door = r.Text();
  v.opgesteld_op = r.Text();
  v.vastgesteld_door = r.Text();
  v.vastgesteld_op = r.Text();
  v.versie = r.Int();
  return v;
}

// The content columns of a review, in the order of kInsertReview's ?3..?11.
std::vector<Param> ReviewContent(const Review& r) {
  return {Dump(ScoresJson(r.pijlers, "onderbouwing")),
          Dump(ScoresJson(r.schaduwkanten, "toelichting")),
          Param::OrNull(r.besluit),
          Param::OrNull(r.terug_naar),
          Param::OrNull(r.motivering),
          JsonArray(r.besluitvormers),
          r.budget,
          r.doorlooptijd_maanden,
          Param::OrNull(r.volgende_beoordeling)};
}

Uncertainty ReadUncertainty(RowReader& r) {
  Uncertainty u;
  u.id = r.Int();
  u.innovatie_id = r.Int();
  u.soort = r.Text();
  u.titel = r.Text();
  u.omschrijving = r.Text();
  u.eigenaar = r.Text();
  u.status = r.Text();
  u.volgorde = static_cast<int>(r.Int());
  u.uitkomst = r.Text();
  u.aangemaakt_op = r.Text();
  u.gewijzigd_op = r.Text();
  return u;
}

BusinessCase ReadBusinessCase(RowReader& r) {
  BusinessCase b;
  b.innovatie_id = r.Int();
  (void)FromJson(json::parse(r.View(), nullptr, false), &b);
  b.versie = r.Int();
  b.gewijzigd_op = r.Text();
  b.gewijzigd_door = r.Text();
  return b;
}

std::string ReviewKey(int64_t innovation_id, int64_t review_id) {
  return "review " + std::to_string(review_id) + " of innovation " + std::to_string(innovation_id);
}

}  // namespace

Result<std::vector<Review>> SqlSteering::ListReviews(int64_t innovation_id) {
  return sql::All(c_, std::string(st::kReviewColumns) + st::kWhereReviewsOf, ReadReview, innovation_id);
}

Result<std::map<int64_t, std::vector<Review>>> SqlSteering::ListReviewsOf(const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<Review>> out;
  for (size_t from = 0; from < ids.size(); from += 500) {
    std::vector<int64_t> slice(ids.begin() + from, ids.begin() + std::min(ids.size(), from + 500));
    Composed q(st::kReviewColumns);
    q.Add(st::kWhereReviewsIn).AddList(slice).Add(st::kOrderReviews);
    Status s = sql::Each(c_, q, [&](RowReader& r) {
      Review v = ReadReview(r);
      out[v.innovatie_id].push_back(std::move(v));
    });
    if (!s.ok()) return s.error();
  }
  return out;
}

Result<Review> SqlSteering::GetReview(int64_t innovation_id, int64_t review_id) {
  auto r = One(c_, std::string(st::kReviewColumns) + st::kWhereReview, ReadReview, innovation_id, review_id);
  if (!r.ok()) return r.error();
  if (!r.value()) return NotFoundError(ReviewKey(innovation_id, review_id));
  return std::move(*r.value());
}

Result<Review> SqlSteering::CreateReview(const Review& review, const std::string& door, TimePoint now) {
  std::vector<Param> params = {review.innovatie_id, review.fase};
  for (auto& p : ReviewContent(review)) params.push_back(std::move(p));
  params.emplace_back(door);
  params.emplace_back(Stamp(now));
  auto id = ScalarWith(c_, st::kInsertReview, params);
  if (!id.ok()) return id.error();
  return GetReview(review.innovatie_id, id.value().value_or(0));
}

Error SqlSteering::ReviewUnchanged(int64_t innovation_id, int64_t review_id) {
  auto current = GetReview(innovation_id, review_id);
  if (!current.ok()) return current.error();
  if (current.value().status != "concept") return ConflictError(ReviewKey(innovation_id, review_id) + " is recorded");
  return StaleError(ReviewKey(innovation_id, review_id) + " is at version " + std::to_string(current.value().versie));
}

Result<Review> SqlSteering::UpdateReview(const Review& review, int64_t expected_version) {
  std::vector<Param> params = {review.innovatie_id, review.id, review.fase};
  for (auto& p : ReviewContent(review)) params.push_back(std::move(p));
  params.emplace_back(expected_version);
  auto n = c_.Execute(st::kUpdateReview, params);
  if (!n.ok()) return n.error();
  if (n.value() == 0) return ReviewUnchanged(review.innovatie_id, review.id);
  return GetReview(review.innovatie_id, review.id);
}

Status SqlSteering::DeleteReview(int64_t innovation_id, int64_t review_id) {
  auto n = Exec(c_, st::kDeleteReview, innovation_id, review_id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return ReviewUnchanged(innovation_id, review_id);
  return Status::Ok();
}

Result<Review> SqlSteering::RecordReview(const Review& review, const std::string& door, TimePoint now) {
  auto saved = UpdateReview(review, 0);
  if (!saved.ok()) return saved.error();
  auto n = Exec(c_, st::kRecordReview, review.innovatie_id, review.id, door, Stamp(now));
  if (!n.ok()) return n.error();
  if (n.value() == 0) return ReviewUnchanged(review.innovatie_id, review.id);
  return GetReview(review.innovatie_id, review.id);
}

Result<std::vector<Uncertainty>> SqlSteering::ListUncertainties(int64_t innovation_id) {
  auto items = sql::All(c_, std::string(st::kUncertaintyColumns) + st::kWhereUncertaintiesOf, ReadUncertainty,
                        innovation_id);
  if (!items.ok()) return items;
  // Unknowns are tackled first, then by the planned order.
  std::stable_sort(items.value().begin(), items.value().end(), [](const Uncertainty& a, const Uncertainty& b) {
    bool ua = a.soort == "onbekende", ub = b.soort == "onbekende";
    if (ua != ub) return ua;
    if (a.volgorde != b.volgorde) return a.volgorde < b.volgorde;
    return a.id < b.id;
  });
  return items;
}

Result<Uncertainty> SqlSteering::GetUncertainty(int64_t innovation_id, int64_t id) {
  auto u = One(c_, std::string(st::kUncertaintyColumns) + st::kWhereUncertainty, ReadUncertainty, innovation_id, id);
  if (!u.ok()) return u.error();
  if (!u.value()) return NotFoundError("uncertainty " + std::to_string(id));
  return std::move(*u.value());
}

Result<Uncertainty> SqlSteering::SaveUncertainty(const Uncertainty& u, TimePoint now) {
  int64_t id = u.id;
  if (id == 0) {
    auto created = Scalar(c_, st::kInsertUncertainty, u.innovatie_id, u.soort, u.titel, Param::OrNull(u.omschrijving),
                          Param::OrNull(u.eigenaar), u.status, u.volgorde, Param::OrNull(u.uitkomst), Stamp(now));
    if (!created.ok()) return created.error();
    id = created.value().value_or(0);
  } else {
    auto n = Exec(c_, st::kUpdateUncertainty, u.innovatie_id, u.id, u.soort, u.titel, Param::OrNull(u.omschrijving),
                  Param::OrNull(u.eigenaar), u.status, u.volgorde, Param::OrNull(u.uitkomst), Stamp(now));
    if (!n.ok()) return n.error();
    if (n.value() == 0) return NotFoundError("uncertainty " + std::to_string(u.id));
  }
  return GetUncertainty(u.innovatie_id, id);
}

Status SqlSteering::DeleteUncertainty(int64_t innovation_id, int64_t id) {
  auto n = Exec(c_, st::kDeleteUncertainty, innovation_id, id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("uncertainty " + std::to_string(id));
  return Status::Ok();
}

Result<BusinessCase> SqlSteering::GetBusinessCase(int64_t innovation_id) {
  auto b = One(c_, std::string(st::kBusinessCaseColumns) + st::kWhereBusinessCase, ReadBusinessCase, innovation_id);
  if (!b.ok()) return b.error();
  if (b.value()) return std::move(*b.value());
  BusinessCase empty;
  empty.innovatie_id = innovation_id;
  return empty;
}

Result<std::map<int64_t, BusinessCase>> SqlSteering::GetBusinessCases(const std::vector<int64_t>& ids) {
  std::map<int64_t, BusinessCase> out;
  for (size_t from = 0; from < ids.size(); from += 500) {
    std::vector<int64_t> slice(ids.begin() + from, ids.begin() + std::min(ids.size(), from + 500));
    Composed q(st::kBusinessCaseColumns);
    q.Add(st::kWhereBusinessCasesIn).AddList(slice);
    Status s = sql::Each(c_, q, [&](RowReader& r) {
      BusinessCase b = ReadBusinessCase(r);
      out[b.innovatie_id] = std::move(b);
    });
    if (!s.ok()) return s.error();
  }
  return out;
}

Result<BusinessCase> SqlSteering::SaveBusinessCase(const BusinessCase& bc, int64_t expected_version,
                                                   const std::string& door, TimePoint now) {
  json content = ToJson(bc);
  for (const char* managed : {"versie", "gewijzigdOp", "gewijzigdDoor"}) content.erase(managed);
  auto n = Exec(c_, st::kUpdateBusinessCase, bc.innovatie_id, Dump(content), Stamp(now), door, expected_version);
  if (!n.ok()) return n.error();
  if (n.value() == 0) {
    auto current = GetBusinessCase(bc.innovatie_id);
    if (!current.ok()) return current.error();
    if (current.value().versie > 0 || expected_version > 0)
      return StaleError("business case of innovation " + std::to_string(bc.innovatie_id));
    auto inserted = Exec(c_, st::kInsertBusinessCase, bc.innovatie_id, Dump(content), Stamp(now), door);
    if (!inserted.ok()) return inserted.error();
  }
  return GetBusinessCase(bc.innovatie_id);
}

Result<std::vector<Pitch>> SqlSteering::ListPitches(int64_t innovation_id) {
  return sql::All(c_, st::kListPitches, [](RowReader& r) {
    Pitch p;
    p.innovatie_id = r.Int();
    p.versie = static_cast<int>(r.Int());
    p.behoeften = r.Text();
    p.aanpak = r.Text();
    p.voordelen = r.Text();
    p.alternatieven = r.Text();
    p.op = r.Text();
    p.door = r.Text();
    return p;
  }, innovation_id);
}

Result<Pitch> SqlSteering::AddPitch(const Pitch& p, const std::string& door, TimePoint now) {
  std::string stamp = Stamp(now);
  auto version = Scalar(c_, st::kInsertPitch, p.innovatie_id, Param::OrNull(p.behoeften), Param::OrNull(p.aanpak),
                        Param::OrNull(p.voordelen), Param::OrNull(p.alternatieven), stamp, door);
  if (!version.ok()) return version.error();
  Pitch stored = p;
  stored.versie = static_cast<int>(version.value().value_or(0));
  stored.op = stamp;
  stored.door = door;
  return stored;
}

Result<std::vector<MaturityEntry>> SqlSteering::ListMaturity(const std::string& org) {
  return sql::All(c_, st::kListMaturity, [](RowReader& r) {
    MaturityEntry m;
    m.id = r.Int();
    m.organisatie = r.Text();
    m.stadia = FromJsonArray(r.View());
    m.onderbouwing = r.Text();
    m.datum = r.Text();
    m.op = r.Text();
    m.door = r.Text();
    return m;
  }, org);
}

Result<MaturityEntry> SqlSteering::AddMaturity(const MaturityEntry& m, const std::string& door, TimePoint now) {
  std::string stamp = Stamp(now);
  auto id = Scalar(c_, st::kInsertMaturity, m.organisatie, JsonArray(m.stadia), m.onderbouwing, m.datum, stamp, door);
  if (!id.ok()) return id.error();
  MaturityEntry stored = m;
  stored.id = id.value().value_or(0);
  stored.op = stamp;
  stored.door = door;
  return stored;
}

}  // namespace koers::sql
