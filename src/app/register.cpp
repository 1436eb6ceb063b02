#include "app/register.hpp"

#include "core/log.hpp"

namespace koers {
namespace {

Error Rejected(std::vector<FieldProblem> problems) {
  return Invalid("De innovatie is niet opgeslagen: " + std::to_string(problems.size()) +
                     (problems.size() == 1 ? " veld klopt niet." : " velden kloppen niet."),
                 std::move(problems));
}

}  // namespace

ChangeContext Register::Change(const Actor& actor, const std::string& reden) const {
  return ChangeContext{actor.naam, reden, FormatTimestamp(clock_.Now())};
}

Result<Innovation> Register::Get(int64_t id, const Actor&) { return store_.GetInnovation(id); }

Result<Listing<Innovation>> Register::List(const InnovationFilter& filter, const PageRequest& page, const Actor&) {
  return store_.ListInnovations(filter, page);
}

Result<Innovation> Register::Create(Innovation in, const Actor& actor) {
  Normalise(&in);
  auto problems = Validate(in);
  if (!problems.empty()) return Rejected(std::move(problems));
  in.fase_historie.clear();
  auto stored = store_.CreateInnovation(in, Change(actor, "aangemaakt"));
  if (!stored.ok()) return stored;
  search_.Upsert(stored.value());
  return stored;
}

Result<Innovation> Register::Replace(int64_t id, Innovation in, int64_t expected_version, const Actor& actor,
                                     const std::string& reden) {
  in.id = id;
  Normalise(&in);
  auto problems = Validate(in);
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
