#include "app/register.hpp"

#include "core/log.hpp"

namespace koers {
namespace {

// Adds `extra` problems for fields not yet named in `problems`.
void Merge(std::vector<FieldProblem>* problems, const std::vector<FieldProblem>& extra) {
  for (const auto& p : extra) {
    bool named = false;
    for (const auto& q : *problems) named = named || q.field == p.field;
    if (!named) problems->push_back(p);
  }
}

Error Rejected(std::vector<FieldProblem> problems) {
  size_t n = problems.size();
  std::string message = "De innovatie is niet opgeslagen: " + std::to_string(n) +
                        (n == 1 ? " veld klopt niet." : " velden kloppen niet.");
  return Invalid(std::move(message), std::move(problems));
}

}  // namespace

ChangeContext Register::Change(const Actor& actor, const std::string& reden) const {
  return ChangeContext{actor.naam, reden, FormatTimestamp(clock_.Now())};
}

Result<Innovation> Register::Get(int64_t id, const Actor&) { return store_.GetInnovation(id); }

Result<InnovationHeader> Register::Header(int64_t id, const Actor&) { return store_.GetInnovationHeader(id); }

Result<Listing<Innovation>> Register::List(const InnovationFilter& filter, const PageRequest& page, const Actor&) {
  return store_.ListInnovations(filter, page);
}

std::vector<FieldProblem> Register::Check(const Innovation& in) {
  auto problems = Validate(in);
  auto exists = [&](const std::string& code, const std::string& field) {
    if (code.empty()) return;
    for (const auto& p : problems)
      if (p.field == field) return;
    auto org = store_.GetOrganisation(code);
    if (!org.ok() && org.error().kind == ErrorKind::kNotFound)
      problems.push_back({field, "de organisatie '" + code + "' bestaat niet"});
  };
  exists(in.organisatie, "organisatie");
  for (size_t i = 0; i < in.partners.size(); ++i) exists(in.partners[i], "partners[" + std::to_string(i) + "]");
  return problems;
}

Result<Innovation> Register::Create(Innovation in, const Actor& actor, std::vector<FieldProblem> earlier) {
  Normalise(&in);
  auto problems = std::move(earlier);
  Merge(&problems, Check(in));
  if (!problems.empty()) return Rejected(std::move(problems));
  in.fase_historie.clear();
  auto stored = store_.CreateInnovation(in, Change(actor, "aangemaakt"));
  if (!stored.ok()) return stored;
  search_.Upsert(stored.value());
  return stored;
}

Result<Innovation> Register::Replace(int64_t id, Innovation in, int64_t expected_version, const Actor& actor,
                                     const std::string& reden, std::vector<FieldProblem> earlier) {
  in.id = id;
  Normalise(&in);
  auto problems = std::move(earlier);
  Merge(&problems, Check(in));
  if (!problems.empty()) return Rejected(std::move(problems));
  auto stored = store_.UpdateInnovation(in, expected_version, Change(actor, reden));
  if (!stored.ok()) return stored;
  search_.Upsert(stored.value());
  return stored;
}

Status Register::Delete(int64_t id, const Actor&) {
  Status st = store_.DeleteInnovation(id);
  if (st.ok()) search_.Remove(id);
  return st;
}

Result<ImportCounts> Register::Import(const std::vector<Organisation>& new_orgs,
                                     const std::vector<Innovation>& items, const Actor& actor) {
  auto counts = store_.ImportInnovations(new_orgs, items, Change(actor, "import"));
  if (!counts.ok()) return counts;
  if (counts.value().toegevoegd + counts.value().gewijzigd > 0) {
    Status st = search_.Rebuild(store_);
    if (!st.ok()) log::Warn("zoekindex_niet_bijgewerkt", {{"fout", st.error().message}});
  }
  return counts;
}

}  // namespace koers
