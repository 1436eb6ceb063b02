// The store: the one interface through which every layer above reads and
// writes persistent data. SqliteStore implements it now; a PostgreSQL store
// can implement it for installations that outgrow one machine.
//
// Every method is one transaction: a multi-row change either happens whole or
// not at all. Implementations are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/innovation.hpp"
#include "domain/organisation.hpp"

namespace koers {

struct PageRequest {
  int pagina = 1;          // 1-based
  int pagina_grootte = 20;
};

struct OrganisationFilter {
  std::string soort;  // empty: all kinds
  std::string naam;   // substring, case-insensitive; empty: all
};

struct InnovationFilter {
  std::string organisatie;  // code
  std::string domein;
  std::string fase;
  std::string status;
  std::string innovatie_type;
  std::string innovatie_niveau;
  std::string analyse_niveau;
  std::string zichtbaarheid;
  std::string registry;  // bron.registry; "-" for innovations without source
  std::string sorteer = "titel";  // titel, -titel, gewijzigdOp, -gewijzigdOp, id, -id
};

template <class T>
struct Listing {
  std::vector<T> items;
  int64_t totaal = 0;
};

// Who made a change and why; recorded with phase changes (and later the audit trail).
struct ChangeContext {
  std::string door;   // display name of the actor, e.g. "import" or an e-mail address
  std::string reden;  // why, may be empty
  std::string op;     // timestamp, set by the service from its clock
};

// Small, cheap facts of an innovation, for checks before the full read.
struct InnovationHeader {
  int64_t id = 0;
  int64_t versie = 0;
  std::string organisatie;
  std::string zichtbaarheid;
};

struct ImportCounts {
  int toegevoegd = 0;
  int gewijzigd = 0;
  int ongewijzigd = 0;
};

struct CountRow {
  std::string sleutel;
  int64_t aantal = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // A number that grows with every committed change to innovations or
  // organisations (in any process using the same database). Equal numbers
  // mean nothing changed in between: caches key on it.
  virtual Result<int64_t> ChangeCounter() = 0;

  // Organisations. Get returns kNotFound for an unknown code.
  virtual Result<Organisation> GetOrganisation(const std::string& code) = 0;
  virtual Result<Listing<Organisation>> ListOrganisations(const OrganisationFilter& filter,
                                                          const PageRequest& page) = 0;
  // Inserts organisations whose code is new; existing codes keep their data.
  // Returns the number added.
  virtual Result<int> AddOrganisations(const std::vector<Organisation>& orgs, const std::string& now) = 0;
  // Exact name match, ignoring case; kNotFound when none.
  virtual Result<Organisation> FindOrganisationByName(const std::string& naam) = 0;

  // Innovations. Get returns kNotFound for an unknown id.
  virtual Result<Innovation> GetInnovation(int64_t id) = 0;
  virtual Result<InnovationHeader> GetInnovationHeader(int64_t id) = 0;
  // Items come without partners, team and history (see ToSummaryJson).
  virtual Result<Listing<Innovation>> ListInnovations(const InnovationFilter& filter, const PageRequest& page) = 0;
  // Counts of innovations grouped by a column: "fase", "status", "domein".
  virtual Result<std::vector<CountRow>> CountInnovations(const std::string& group_by) = 0;
  // Stores a new innovation; its organisation and partners must exist
  // (kInvalid naming the field otherwise). Returns it as stored.
  virtual Result<Innovation> CreateInnovation(const Innovation& in, const ChangeContext& change) = 0;
  // Replaces the stored innovation `in.id`. With expected_version > 0 the
  // stored version must match (kPreconditionFailed otherwise). Records a phase
  // change when fase or status changed.
  virtual Result<Innovation> UpdateInnovation(const Innovation& in, int64_t expected_version,
                                              const ChangeContext& change) = 0;
  virtual Status DeleteInnovation(int64_t id) = 0;
  // Adds `new_orgs` (codes not yet present) and inserts or updates `items`,
  // all in one transaction. An item is keyed by (bron.registry, bron.id) when
  // it has a bron, else by `referentie`. For a bron-keyed item only the fields
  // the register owns are updated (titel, doel, organisatie, fase, status,
  // bron); a referentie-keyed item is replaced whole. Unchanged items are left
  // alone (no version bump).
  virtual Result<ImportCounts> ImportInnovations(const std::vector<Organisation>& new_orgs,
                                                 const std::vector<Innovation>& items,
                                                 const ChangeContext& change) = 0;
};

// Opens the SQLite store at `path` and brings its schema up to date.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace koers
