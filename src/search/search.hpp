// The search component (the zoekhulp): finds innovations by plain Dutch
// text, with facets, snippets and reasons. The index follows the store
// through the store's feed of changes (a transactional outbox): after every
// change the register calls CatchUp, and at start the index absorbs what a
// crash may have left in the feed.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.hpp"
#include "domain/innovation.hpp"

namespace koers {

class Store;

// Whose eyes a search is for (see domain/access.hpp).
struct SearchViewer {
  bool alles = false;
  int64_t gebruiker_id = 0;                // 0: anonymous
  std::vector<std::string> organisaties;  // organisations where the viewer has a role
};

struct SearchQuery {
  std::string text;  // free text; empty: everything (with the filters)
  int offset = 0;
  int limit = 20;
  SearchViewer viewer;
  // Facet filters by facet name: domein, fase, status, techniek,
  // organisatieSoort, provincie, organisatie.
  std::map<std::string, std::string> filters;
  // One entry per product (adoption cluster, see SetProducts): the best
  // matching record stands for the others, which are counted.
  bool per_product = true;
};

// A piece of a snippet; `treffer` marks words that matched.
struct Fragment {
  std::string tekst;
  bool treffer = false;
};

struct SearchHit {
  int64_t id = 0;
  double score = 0;
  std::string samenvatting_json;  // the innovation's summary as the API shows it in listings
  std::vector<Fragment> fragment;
  std::vector<std::string> waarom;  // why it matched, in Dutch
  std::string product;        // the product key of the record ("": none)
  int64_t product_treffers = 1;  // matching records it stands for (with per_product)
};

struct FacetCount {
  std::string waarde;
  int64_t aantal = 0;
};

struct SearchResult {
  std::vector<SearchHit> hits;
  int64_t totaal = 0;  // entries: products count once with per_product
  std::map<std::string, std::vector<FacetCount>> facetten;
  std::vector<std::string> correcties;  // "asistent → assistent"
};

// Lessons (domain/learning.hpp) are searched with the same Dutch analysis,
// in an index of their own; a lesson is found by whoever may read it by its
// own visibility.
struct LessonQuery {
  std::string text;
  int offset = 0;
  int limit = 20;
  SearchViewer viewer;
  // cluster, hoe, fase, soort, succesfactor, organisatie, vorm (default les).
  std::map<std::string, std::string> filters;
};

struct LessonHit {
  int64_t id = 0;
  int64_t innovatie_id = 0;
  double score = 0;
  std::vector<Fragment> fragment;
  std::vector<std::string> waarom;  // why it was found or chosen, in Dutch
};

struct LessonResult {
  std::vector<LessonHit> hits;
  int64_t totaal = 0;
  // cluster, hoe, fase, soort, organisatie: counts over every match.
  std::map<std::string, std::vector<FacetCount>> facetten;
};

// How an index is doing, for /health/ready and /metrics.
struct IndexHealth {
  int64_t documenten = 0;
  int64_t achterstand = 0;  // changes in the feed it has not absorbed yet
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  // Whether the index answers, and how far it is behind the store.
  virtual Result<IndexHealth> Health(Store& store) const = 0;
  // Absorbs the store's search queue. Thread-safe; cheap when it is empty.
  virtual Status CatchUp(Store& store) = 0;
  // Re-reads every innovation from the store.
  virtual Status Rebuild(Store& store) = 0;
  virtual Result<SearchResult> Search(const SearchQuery& query) const = 0;
  // Innovations like `id` that `viewer` may read, best first: one per
  // product, and none of the product of `id` (those are its cluster).
  virtual Result<std::vector<SearchHit>> Similar(int64_t id, const SearchViewer& viewer, int limit) const = 0;
  // The product (adoption cluster) of every innovation that has one, by
  // id; the others have none. Replaces what was set before. Records of one
  // product are searched as one entry (SearchQuery::per_product).
  virtual Status SetProducts(const std::unordered_map<int64_t, std::string>& products) = 0;

  virtual Result<LessonResult> SearchLessons(const LessonQuery& query) const = 0;
  // Lessons of other innovations that `viewer` may read, most relevant to
  // innovation `id` first: alike in text, learned in the phase it is in, or
  // from an innovation using the same techniques; each with its reasons.
  virtual Result<std::vector<LessonHit>> LessonsFor(int64_t id, const SearchViewer& viewer, int limit) const = 0;
};

// An index that keeps nothing and finds nothing; for commands that do not
// search (the server absorbs their changes from the queue at its start).
std::unique_ptr<SearchIndex> MakeNullSearchIndex();

struct SearchOptions {
  std::string path;             // directory of the index
  // Its position in the store's change feed: "zoek" for the one index of a
  // SQLite database; one name per replica when processes share a database.
  std::string consumer = "zoek";
  std::string synonyms_file;    // data/search/synoniemen.txt
  std::string hunspell_file;    // a hunspell .dic for compound splitting; optional
  std::string provinces_file;   // data/geo/gemeente-provincie.csv; optional
  // Facet counts cover the best matches up to this many (all of them on a
  // register the size of the national one).
  int facet_depth = 5000;
};

// The Xapian index with Dutch analysis. Opens or creates it at
// options.path; rebuilds when it was made by another version of the analysis.
Result<std::unique_ptr<SearchIndex>> OpenXapianIndex(const SearchOptions& options, Store& store);

}  // namespace koers
