// The register of innovations: the use cases behind /api/v1/innovaties and
// the importers. Validates, then writes through the Store, and keeps the
// search index in step with every change.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/innovation.hpp"
#include "search/search.hpp"
#include "store/store.hpp"

namespace koers {

// Who acts. Grows with accounts and roles; for now a name for the history.
struct Actor {
  std::string naam = "anoniem";
};

class Register {
 public:
  // Borrows all three; they must outlive the Register. Thread-safe.
  Register(Store& store, SearchIndex& search, const Clock& clock) : store_(store), search_(search), clock_(clock) {}

  Result<Innovation> Get(int64_t id, const Actor& actor);
  // The version and owner of innovation `id`, when `actor` may see it.
  Result<InnovationHeader> Header(int64_t id, const Actor& actor);
  Result<Listing<Innovation>> List(const InnovationFilter& filter, const PageRequest& page, const Actor& actor);
  // Normalises and validates `in`, then stores it. kInvalid lists every
  // problem; `earlier` are problems found while reading the input (wrong
  // types), merged in so the caller hears of everything at once.
  Result<Innovation> Create(Innovation in, const Actor& actor, std::vector<FieldProblem> earlier = {});
  // Replaces innovation `id` with `in`. expected_version 0 skips the check.
  Result<Innovation> Replace(int64_t id, Innovation in, int64_t expected_version, const Actor& actor,
                             const std::string& reden = {}, std::vector<FieldProblem> earlier = {});
  Status Delete(int64_t id, const Actor& actor);
  // Adds `new_orgs` and upserts records from an outside source, all in one
  // transaction (see Store::ImportInnovations). Every item must already be
  // valid: the importers check and report per record.
  Result<ImportCounts> Import(const std::vector<Organisation>& new_orgs, const std::vector<Innovation>& items,
                              const Actor& actor);

  Store& store() { return store_; }
  SearchIndex& search() { return search_; }
  const Clock& clock() const { return clock_; }

 private:
  // Rules of the innovation itself plus: do its organisations exist?
  std::vector<FieldProblem> Check(const Innovation& in);
  ChangeContext Change(const Actor& actor, const std::string& reden) const;
  Store& store_;
  SearchIndex& search_;
  const Clock& clock_;
};

}  // namespace koers
