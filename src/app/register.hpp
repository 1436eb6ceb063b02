// The register of innovations: the use cases behind /api/v1/innovaties and
// the importers. Checks who may do what (domain/access.hpp) on every call
// and every object, validates, writes through the Store (which records the
// audit trail in the same transaction) and keeps the search index in step.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/access.hpp"
#include "domain/innovation.hpp"
#include "search/search.hpp"
#include "store/store.hpp"

namespace koers {

class Register {
 public:
  // Borrows all three; they must outlive the Register. Thread-safe.
  Register(Store& store, SearchIndex& search, const Clock& clock) : store_(store), search_(search), clock_(clock) {}

  // An innovation `actor` may read. kNotFound both when there is none and
  // when the actor may not see it: outsiders cannot tell the two apart.
  Result<Innovation> Get(int64_t id, const Actor& actor);
  // Version and access facts of an innovation `actor` may read.
  Result<InnovationHeader> Header(int64_t id, const Actor& actor);
  // Only innovations `actor` may read are listed and counted.
  Result<Listing<Innovation>> List(InnovationFilter filter, const PageRequest& page, const Actor& actor);
  Result<std::vector<CountRow>> Count(const std::string& group_by, const Actor& actor);
  // Normalises and validates `in`, then stores it. kUnauthenticated for an
  // anonymous actor, kInvalid listing every problem (`earlier` are problems
  // found while reading the input, merged in), kForbidden when the actor may
  // not register for the organisation.
  Result<Innovation> Create(Innovation in, const Actor& actor, std::vector<FieldProblem> earlier = {});
  // Replaces innovation `id` with `in`. expected_version 0 skips the check.
  Result<Innovation> Replace(int64_t id, Innovation in, int64_t expected_version, const Actor& actor,
                             const std::string& reden = {}, std::vector<FieldProblem> earlier = {});
  Status Delete(int64_t id, const Actor& actor);
  // Adds `new_orgs` and upserts records from an outside source, all in one
  // transaction (see Store::ImportInnovations). Only the system imports.
  Result<ImportCounts> Import(const std::vector<Organisation>& new_orgs, const std::vector<Innovation>& items,
                              const Actor& actor);

  ChangeContext Change(const Actor& actor, const std::string& reden) const;
  // Brings the search index up to date with the store after a change.
  void Absorb();
  Store& store() { return store_; }
  SearchIndex& search() { return search_; }
  const Clock& clock() const { return clock_; }

 private:
  // Rules of the innovation itself, plus: do its organisations and linked
  // users exist? Resolves team e-mail addresses to user ids.
  std::vector<FieldProblem> Check(Innovation* in);
  // Records a refused change in the audit trail and returns `error`.
  Error Refuse(const Actor& actor, const char* actie, int64_t id, const std::string& org, Error error);
  Store& store_;
  SearchIndex& search_;
  const Clock& clock_;
  // Access facts by innovation, valid while the store's change counter
  // stays the same: a read then costs one tiny query instead of a join.
  std::mutex headers_mutex_;
  std::unordered_map<int64_t, std::pair<int64_t, InnovationHeader>> headers_;
};

// The store scope that lists exactly what `actor` may read.
ViewerScope ScopeOf(const Actor& actor);
// The same for the search index.
SearchViewer SearchViewerOf(const Actor& actor);

}  // namespace koers
