// The register of innovations: the use cases behind /api/v1/innovaties,
// /api/v1/organisaties and the importers. Checks who may do what
// (domain/access.hpp) on every call and every object, validates, writes
// through the store with the phase history and the audit entry in the same
// unit of work, and keeps the search index in step.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/change.hpp"
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
  // Those of `ids` that exist and `actor` may read, with their children, in
  // the order of `ids`: a few queries whatever the number.
  Result<std::vector<Innovation>> GetMany(const std::vector<int64_t>& ids, const Actor& actor);
  // Version and access facts of an innovation `actor` may read.
  Result<InnovationHeader> Header(int64_t id, const Actor& actor);
  // Only innovations `actor` may read are listed and counted.
  Result<Listing<Innovation>> List(InnovationFilter filter, const PageRequest& page, const Actor& actor);
  // Every innovation `actor` may read that matches `filter`, one at a time,
  // without children; `fn` returns false to stop.
  Status Each(InnovationFilter filter, const Actor& actor, const std::function<bool(const Innovation&)>& fn);
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
  // Someone who may edit innovation `id` confirms that its registration is
  // still right: laatst bevestigd becomes today, the next review a year on.
  Result<Innovation> Confirm(int64_t id, int64_t expected_version, const Actor& actor);
  // The public registrations of `org` whose review date has passed, the
  // most overdue first: for the organisation's own people (a role in it)
  // and the landelijk beheerder; kForbidden for anyone else.
  Result<Listing<Innovation>> Overdue(const std::string& org, const PageRequest& page, const Actor& actor);
  // Adds `new_orgs` and upserts records from an outside source, all in one
  // unit of work. An item is keyed by (bron.registry, bron.id) when it has a
  // bron, else by `referentie`. For a bron-keyed item only the fields the
  // register owns are updated (titel, doel, organisatie, fase, status,
  // bron); a referentie-keyed item is replaced whole. Unchanged items are
  // left alone (no version bump). Only the system imports.
  Result<ImportCounts> Import(const std::vector<Organisation>& new_orgs, const std::vector<Innovation>& items,
                              const Actor& actor);

  // The reference case `referentie` (for the demo); kNotFound when not loaded.
  Result<int64_t> FindReference(const std::string& referentie);

  // Organisations: everyone reads them.
  Result<Organisation> GetOrganisation(const std::string& code);
  Result<Listing<Organisation>> ListOrganisations(const OrganisationFilter& filter, const PageRequest& page);
  Result<std::vector<Organisation>> AllOrganisations();
  // Adds the organisations whose code is new; returns how many.
  Result<int> AddOrganisations(const std::vector<Organisation>& orgs, const Actor& actor);

  // A number that grows with every change to what the register shows
  // (see Store::ChangeCounter): caches key on it.
  Result<int64_t> ChangeCounter() { return store_.ChangeCounter(); }
  // Whether the search index answers, and how far behind the store it is.
  Result<IndexHealth> SearchHealth() { return search_.Health(store_); }

  ChangeContext Change(const Actor& actor, const std::string& reden = {}) const;
  // Brings the search index up to date with the store after a change.
  void Absorb();
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
