// The register's part of the store: organisations and innovations with
// their partners, team and phase history.
//
// Contract (every implementation, checked by store_contract_test.cpp):
// - Get-like reads return kNotFound (no message) for an unknown key; lists
//   return what exists, in the documented order.
// - Writes check versions where they take one: kPreconditionFailed when the
//   stored version differs. A write bumps `versie` by one.
// - References that do not exist (an organisation code, a partner) give
//   kInvalid with the field named in `problems` (message empty; the app
//   layer words it).
// - Each call runs inside the unit of work it came from (store.hpp), so
//   several calls commit together or not at all. Not thread-safe: a Work
//   belongs to one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/access.hpp"
#include "domain/innovation.hpp"
#include "domain/organisation.hpp"

namespace koers {

struct PageRequest {
  int pagina = 1;  // 1-based
  int pagina_grootte = 20;
};

template <class T>
struct Listing {
  std::vector<T> items;
  int64_t totaal = 0;
};

// Whose eyes a listing is for: only innovations this viewer may read are
// listed and counted (the rules of domain/access.hpp, applied by the store).
struct ViewerScope {
  bool alles = false;        // system and landelijk beheerder
  int64_t gebruiker_id = 0;  // 0: anonymous, only openbaar
};

struct OrganisationFilter {
  std::string soort;  // empty: all kinds
  std::string naam;   // substring, case-insensitive; empty: all
};

struct InnovationFilter {
  ViewerScope viewer;
  std::string organisatie;  // code
  std::string partner;      // code: innovations with this organisation among their partners
  std::string herzien_voor; // a date: innovations whose review date lies before it
  std::string domein;
  std::string fase;
  std::string status;
  std::string innovatie_type;
  std::string innovatie_niveau;
  std::string analyse_niveau;
  std::string zichtbaarheid;
  std::string registry;  // bron.registry; "-" for innovations without source
  std::string sorteer = "titel";  // titel, -titel, gewijzigdOp, -gewijzigdOp, id, -id; herzienOp (List only)
};

// Where a scan resumes: just after this innovation in the filter's order.
// Holds the sort value itself, so a scan goes on when the innovation was
// changed or removed between two pages.
struct ScanPosition {
  int64_t id = 0;       // 0: from the start
  std::string waarde;   // its titel or gewijzigd_op, when the order uses it
};
inline ScanPosition PositionAfter(const Innovation& in, const std::string& sorteer) {
  if (sorteer == "id" || sorteer == "-id") return {in.id, ""};
  return {in.id, sorteer.ends_with("gewijzigdOp") ? in.gewijzigd_op : in.titel};
}


// Small, cheap facts of an innovation, for checks before the full read.
struct InnovationHeader {
  int64_t id = 0;
  int64_t versie = 0;
  AccessFacts facts;
};

struct CountRow {
  std::string sleutel;
  int64_t aantal = 0;
};

class OrganisationStore {
 public:
  virtual ~OrganisationStore() = default;
  virtual Result<Organisation> Get(const std::string& code) = 0;
  // By name, case-insensitively; kNotFound when none.
  virtual Result<Organisation> FindByName(const std::string& naam) = 0;
  // Ordered by name.
  virtual Result<Listing<Organisation>> List(const OrganisationFilter& filter, const PageRequest& page) = 0;
  virtual Result<std::vector<Organisation>> All() = 0;
  // Inserts the organisations whose code is new; existing codes keep their
  // data. Returns how many were added.
  virtual Result<int> AddNew(const std::vector<Organisation>& orgs, TimePoint now) = 0;
};

class InnovationStore {
 public:
  virtual ~InnovationStore() = default;
  // With partners, team (ordered) and phase history (oldest first).
  virtual Result<Innovation> Get(int64_t id) = 0;
  // Those of `ids` that exist, each with its children, in the order of
  // `ids`: one query per kind of child, not one per innovation.
  virtual Result<std::vector<Innovation>> GetMany(const std::vector<int64_t>& ids) = 0;
  virtual Result<InnovationHeader> Header(int64_t id) = 0;
  // Without children (a listing's summary). Only what filter.viewer may read.
  virtual Result<Listing<Innovation>> List(const InnovationFilter& filter, const PageRequest& page) = 0;
  // Every innovation matching `filter`, without children, in the filter's
  // order, one at a time: constant memory whatever the number. `fn` returns
  // false to stop.
  virtual Status Each(const InnovationFilter& filter, const std::function<bool(const Innovation&)>& fn) = 0;
  // At most `limit` innovations matching `filter` that come after `after`
  // in the filter's order, without children (keyset paging: each page is a
  // short read of its own, so a reader that stops for a while between pages
  // holds no transaction).
  virtual Result<std::vector<Innovation>> Scan(const InnovationFilter& filter, const ScanPosition& after,
                                               int limit) = 0;

  // Counts of what `viewer` may read, grouped by "fase", "status" or "domein".
  virtual Result<std::vector<CountRow>> Count(const std::string& group_by, const ViewerScope& viewer) = 0;
  // The ids of every innovation above `after`, ascending, at most `limit`.
  virtual Result<std::vector<int64_t>> Ids(int64_t after, int limit) = 0;
  // The innovation imported from (registry, id), or the reference case
  // `referentie`; kNotFound when none.
  virtual Result<int64_t> FindBySource(const std::string& registry, const std::string& id) = 0;
  virtual Result<int64_t> FindByReference(const std::string& referentie) = 0;

  // Stores `in` with its partners and team (not its history) as version 1,
  // created by `aangemaakt_door` (0: the system). Returns its id.
  virtual Result<int64_t> Create(const Innovation& in, TimePoint now) = 0;
  // Replaces the fields, partners and team of innovation `in.id` (not its
  // history); returns the new version.
  virtual Result<int64_t> Update(const Innovation& in, int64_t expected_version, TimePoint now) = 0;
  // Sets only fase and status (a gate decision); returns the new version.
  virtual Result<int64_t> SetPhase(int64_t id, const std::string& fase, const std::string& status, TimePoint now) = 0;
  // Removes the innovation and everything that belongs to it.
  virtual Status Delete(int64_t id) = 0;
  virtual Status AddPhaseChange(int64_t id, const PhaseChange& change) = 0;
};

}  // namespace koers
