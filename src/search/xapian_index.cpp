// The search index on Xapian: documents, the Dutch query, facets, snippets,
// reasons, similar innovations. The layout of a document is described in
// docs/search.md.
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

#include "core/file_io.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/innovation_json.hpp"
#include "domain/learning.hpp"
#include "search/analyzer.hpp"
#include "search/search.hpp"
#include "search/snippet.hpp"
#include "store/store.hpp"

namespace koers {
namespace {

using nlohmann::json;
using search::Lexicon;
using search::Stem;
using search::Words;

// Bump when the analysis or the document layout changes: the index is then
// rebuilt at the next start.
constexpr const char* kAnalysisVersion = "5";

// Value slots (facets).
enum Slot : Xapian::valueno { kDomein = 0, kFase, kStatus, kOrgSoort, kProvincie, kTechniek };
// The product key (SetProducts): the collapse key of per-product searches.
constexpr Xapian::valueno kProduct = kTechniek + 1;
constexpr const char* kFacetNames[] = {"domein", "fase", "status", "organisatieSoort", "provincie", "techniek"};
constexpr char kListSeparator = '\x1f';

// Boolean term prefixes (filters and visibility).
std::string IdTerm(int64_t id) { return "Q" + std::to_string(id); }
constexpr const char* kFilterPrefix[] = {"XD", "XF", "XS", "XK", "XP", "XT"};

// Lessons: their innovation, and their facets as value slots.
std::string InnovationTerm(int64_t id) { return "XI" + std::to_string(id); }
using LessonsByInnovation = std::map<int64_t, std::vector<Lesson>>;
enum LessonSlot : Xapian::valueno { kLesCluster = 0, kLesHoe, kLesFase, kLesSoort, kLesOrganisatie };
constexpr const char* kLessonFacets[] = {"cluster", "hoe", "fase", "soort", "organisatie"};
constexpr const char* kLessonPrefix[] = {"XC", "XH", "XF", "XW", "XO"};

Error Failure(const Xapian::Error& e) {
  log::Error("zoekindex_fout", {{"fout", e.get_description()}});
  return IoError("De zoekindex gaf een fout: " + e.get_msg());
}

// BM25 whose statistics come from the public documents only. Xapian's own
// BM25 takes document frequencies and the average length over every
// document in the index, so adding hidden documents would move the scores
// that an outsider sees. Here each term's weight (idf) is computed from the
// public shard and passed in as the OP_SCALE_WEIGHT factor; this class adds
// only the term-frequency and length part, with the public average length.
// With k1 1.2, b 0.75 and the same idf it ranks as BM25Weight(1.2, 0, 1,
// 0.75, 0.5) did on an index of public documents.
class PublicBm25 final : public Xapian::Weight {
 public:
  explicit PublicBm25(double average_length) : average_length_(average_length > 0 ? average_length : 1) {
    need_stat(WDF);
    need_stat(DOC_LENGTH);
  }
  std::string name() const override { return "koers.PublicBm25"; }
  PublicBm25* clone() const override { return new PublicBm25(average_length_); }
  void init(double factor) override { factor_ = factor; }
  double get_sumpart(Xapian::termcount wdf, Xapian::termcount length, Xapian::termcount) const override {
    if (factor_ == 0 || wdf == 0) return 0;
    double norm = std::max(static_cast<double>(length) / average_length_, kMinNormLength);
    double w = static_cast<double>(wdf);
    return factor_ * (kK1 + 1) * w / (kK1 * (norm * kB + (1 - kB)) + w);
  }
  double get_maxpart() const override { return factor_ * (kK1 + 1); }
  double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
  double get_maxextra() const override { return 0; }

 private:
  static constexpr double kK1 = 1.2, kB = 0.75, kMinNormLength = 0.5;
  double average_length_;
  double factor_ = 0;
};

// Statistics of the public documents: what every weight and every
// suggestion is computed from. The index holds every document; a second,
// small database holds copies of the non-public ones, so the public figures
// are the differences.
struct PublicStats {
  const Xapian::Database& all;
  const Xapian::Database& hidden;
  double documents() const {
    return std::max<double>(1, static_cast<double>(all.get_doccount()) - static_cast<double>(hidden.get_doccount()));
  }
  double frequency(const std::string& term) const {
    return std::max<double>(0, static_cast<double>(all.get_termfreq(term)) - hidden.get_termfreq(term));
  }
  bool Exists(const std::string& term) const { return frequency(term) > 0; }
  double AverageLength() const {
    double length = static_cast<double>(all.get_total_length()) - static_cast<double>(hidden.get_total_length());
    return length > 0 ? length / documents() : 1;
  }
  // BM25's idf as Xapian computes it (no relevance information).
  double Idf(double df) const {
    double n = documents();
    df = std::min(df, n);
    double tw = (n - df + 0.5) / (df + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    return std::log(tw);
  }
};

// The facet values of every document, read once per index revision from the
// value streams, so counting the matches of a query is array lookups
// instead of reading each matching document's values.
struct FacetTable {
  uint64_t generation = 0;  // of the index (XapianIndex::generation_)
  std::vector<std::string> names[kTechniek + 1];  // value id -> value
  // Per slot below kTechniek: docid -> value id + 1 (0: none).
  std::vector<uint16_t> single[kTechniek];
  // kTechniek holds several values: docid -> [offsets[d], offsets[d + 1]) in ids.
  std::vector<uint32_t> offsets;
  std::vector<uint16_t> ids;
  // docid -> product number + 1 (0: none), for counting products once.
  std::vector<uint32_t> product;

  static std::shared_ptr<const FacetTable> Build(const Xapian::Database& db, uint64_t generation) {
    auto t = std::make_shared<FacetTable>();
    t->generation = generation;
    const Xapian::docid last = db.get_lastdocid();
    auto each_value = [&](Xapian::valueno slot, auto&& fn) {
      for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) fn(it.get_docid(), *it);
    };
    for (Xapian::valueno slot = kDomein; slot <= kTechniek; ++slot) {
      std::unordered_map<std::string, uint16_t> known;
      auto intern = [&](const std::string& v) -> uint16_t {
        auto [it, added] = known.emplace(v, static_cast<uint16_t>(t->names[slot].size()));
        if (added) {
          if (t->names[slot].size() >= 65535) return 65535;  // never with real vocabularies
          t->names[slot].push_back(v);
        }
        return it->second;
      };
      if (slot < kTechniek) {
        auto& col = t->single[slot];
        col.assign(last + 1, 0);
        each_value(slot, [&](Xapian::docid d, const std::string& v) {
          if (!v.empty() && d <= last) col[d] = intern(v) + 1;
        });
      } else {
        t->offsets.assign(last + 2, 0);
        std::vector<std::vector<uint16_t>> lists(last + 1);
        each_value(slot, [&](Xapian::docid d, const std::string& value) {
          if (d > last) return;
          for (const auto& v : Split(value, kListSeparator))
            if (!v.empty()) lists[d].push_back(intern(v));
        });
        for (Xapian::docid d = 0; d <= last; ++d) {
          t->offsets[d + 1] = t->offsets[d] + static_cast<uint32_t>(lists[d].size());
          t->ids.insert(t->ids.end(), lists[d].begin(), lists[d].end());
        }
      }
    }
    std::unordered_map<std::string, uint32_t> products;
    t->product.assign(last + 1, 0);
    each_value(kProduct, [&](Xapian::docid d, const std::string& v) {
      if (d <= last) t->product[d] = products.emplace(v, static_cast<uint32_t>(products.size())).first->second + 1;
    });
    return t;
  }
};

// Counts facet values over the matches it sees: records, or with
// `per_product` the entries a per-product search shows (the records of one
// product count once per value).
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(const FacetTable& table, bool per_product) : table_(table), per_product_(per_product) {
    for (Xapian::valueno slot = kDomein; slot <= kTechniek; ++slot) counts[slot].assign(table.names[slot].size(), 0);
  }
  void operator()(const Xapian::Document& doc, double) override {
    const Xapian::docid d = doc.get_docid();
    const uint32_t product = per_product_ && d < table_.product.size() ? table_.product[d] : 0;
    ++seen;
    if (product == 0 || products_.insert(product).second) ++entries;
    auto count = [&](Xapian::valueno slot, uint16_t value) {
      uint64_t key = (uint64_t{slot} << 48) | (uint64_t{value} << 32) | product;
      if (product == 0 || seen_.insert(key).second) ++counts[slot][value];
    };
    for (Xapian::valueno slot = kDomein; slot < kTechniek; ++slot) {
      const auto& col = table_.single[slot];
      if (d < col.size() && col[d] != 0) count(slot, col[d] - 1);
    }
    if (d + 1 < table_.offsets.size())
      for (uint32_t i = table_.offsets[d]; i < table_.offsets[d + 1]; ++i) count(kTechniek, table_.ids[i]);
  }
  std::vector<int64_t> counts[kTechniek + 1];
  int64_t seen = 0;     // matching records
  int64_t entries = 0;  // what they are as entries

 private:
  const FacetTable& table_;
  bool per_product_;
  std::unordered_set<uint32_t> products_;
  std::unordered_set<uint64_t> seen_;  // slot, value, product
};

struct OrgInfo {
  std::string naam;
  std::string soort;
};

// One alternative reading of a query word, with the terms it needs.
struct Alternative {
  std::vector<std::string> terms;
  std::string reason;
};
struct QueryGroup {
  std::vector<Alternative> alternatives;
};

class XapianIndex final : public SearchIndex {
 public:
  explicit XapianIndex(SearchOptions options) : options_(std::move(options)) {}

  Status Open(Store& store) {
    if (!options_.synonyms_file.empty()) {
      auto text = ReadFile(options_.synonyms_file, 4u << 20);
      if (!text.ok()) return text.status();
      auto syn = search::Synonyms::Parse(text.value(), options_.synonyms_file);
      if (!syn.ok()) return syn.status();
      synonyms_ = std::move(syn).value();
    }
    if (!options_.hunspell_file.empty()) {
      Status st = lexicon_.AddHunspell(options_.hunspell_file);
      if (!st.ok()) log::Warn("woordenboek_ontbreekt", {{"bestand", options_.hunspell_file}});
    }
    if (!options_.provinces_file.empty()) {
      auto text = ReadFile(options_.provinces_file, 1u << 20);
      if (text.ok()) {
        for (const auto& line : Split(text.value(), '\n')) {
          auto f = Split(line, ';');
          if (f.size() >= 2 && f[0].rfind("GM", 0) == 0) provinces_[Trim(f[0])] = Trim(f[1]);
        }
      }
    }
    Status st = LoadOrganisations(store);
    if (!st.ok()) return st;
    bool rebuild = false;
    try {
      namespace fs = std::filesystem;
      // An index of an older layout (one database, not two shards) goes.
      if (fs::exists(fs::path(options_.path) / "iamglass")) fs::remove_all(options_.path);
      fs::create_directories(options_.path);
      OpenWriters(Xapian::DB_CREATE_OR_OPEN);
      rebuild = writers_[kAll]->get_metadata("koers_analyse") != kAnalysisVersion;
      // The public corpus's own words help split compounds.
      for (auto it = writers_[kAll]->spellings_begin(); it != writers_[kAll]->spellings_end(); ++it)
        if (it.get_termfreq() >= 2) lexicon_.Add(*it);
    } catch (const Xapian::Error& e) {
      return Failure(e);
    } catch (const std::filesystem::filesystem_error& e) {
      return IoError(std::string("De zoekindex kan niet worden geopend: ") + e.what());
    }
    if (!rebuild) {
      // An index without a position in the feed cannot know what it missed.
      auto position = store.Read([&](Work& w) { return w.changes().Position(options_.consumer); });
      if (!position.ok()) return position.status();
      rebuild = !position.value().has_value();
    }
    return rebuild ? Rebuild(store) : CatchUp(store);
  }

  Result<IndexHealth> Health(Store& store) const override {
    IndexHealth h;
    try {
      ReaderLease reader(this);
      h.documenten = static_cast<int64_t>(reader.db().get_doccount());
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
    auto lag = store.Read([&](Work& w) -> Result<int64_t> {
      auto head = w.changes().Head();
      if (!head.ok()) return head.error();
      auto position = w.changes().Position(options_.consumer);
      if (!position.ok()) return position.error();
      return std::max<int64_t>(0, head.value() - position.value().value_or(0));
    });
    if (!lag.ok()) return lag.error();
    h.achterstand = lag.value();
    return h;
  }

  Status CatchUp(Store& store) override {
    std::lock_guard lock(write_mutex_);
    for (;;) {
      auto queue = store.Read([&](Work& w) { return w.changes().Pending(options_.consumer, 1000); });
      if (!queue.ok()) return queue.status();
      if (queue.value().ids.empty()) return Status::Ok();
      Status st = Apply(store, queue.value().ids);
      if (!st.ok()) return st;
      st = store.Write([&](Work& w) { return w.changes().Done(options_.consumer, queue.value().last); });
      if (!st.ok()) return st;
    }
  }

  Status Rebuild(Store& store) override {
    std::lock_guard lock(write_mutex_);
    auto start = std::chrono::steady_clock::now();
    // What is in the feed now is covered by the rebuild; what arrives during it stays pending.
    auto head = store.Read([](Work& w) { return w.changes().Head(); });
    if (!head.ok()) return head.status();
    // Holding the position there keeps the feed from being trimmed past it
    // while the rebuild reads.
    Status held = store.Write([&](Work& w) { return w.changes().Done(options_.consumer, head.value()); });
    if (!held.ok()) return held;
    try {
      for (auto& w : writers_) w->close();
      OpenWriters(Xapian::DB_CREATE_OR_OVERWRITE);
      // In batches: a few queries per thousand innovations, and memory for
      // one batch only.
      int64_t after = 0;
      for (;;) {
        auto batch = store.Read([&](Work& w) -> Result<std::vector<Innovation>> {
          auto ids = w.innovations().Ids(after, 1000);
          if (!ids.ok()) return ids.error();
          return w.innovations().GetMany(ids.value());
        });
        if (!batch.ok()) return batch.status();
        if (batch.value().empty()) break;
        for (const auto& in : batch.value()) {
          // Splitting learns only from public text: a hidden word must not
          // change how anyone's query is read.
          if (in.zichtbaarheid == "openbaar")
            for (const auto& text : {in.titel, in.samenvatting, in.doel, in.opgave}) lexicon_.Add(text);
          Write(in);
        }
        Commit();
        after = batch.value().back().id;
      }
      for (after = 0;;) {
        auto batch = store.Read([&](Work& w) -> Result<std::pair<std::vector<Innovation>, LessonsByInnovation>> {
          auto ids = w.learning().InnovationsWithLessons(after, 1000);
          if (!ids.ok()) return ids.error();
          auto innovations = w.innovations().GetMany(ids.value());
          if (!innovations.ok()) return innovations.error();
          auto lessons = w.learning().LessonsOf(ids.value());
          if (!lessons.ok()) return lessons.error();
          return std::pair{std::move(innovations).value(), std::move(lessons).value()};
        });
        if (!batch.ok()) return batch.status();
        if (batch.value().first.empty()) break;
        for (const auto& in : batch.value().first) WriteLessons(in, batch.value().second[in.id]);
        Commit();
        after = batch.value().first.back().id;
      }
      writers_[kAll]->set_metadata("koers_analyse", kAnalysisVersion);
      Commit();
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
    ++generation_;
    log::Info("zoekindex_opgebouwd",
              {{"duurMs", std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count()}});
    return store.Write([&](Work& w) { return w.changes().Done(options_.consumer, head.value()); });
  }

  Result<SearchResult> Search(const SearchQuery& q) const override {
    try {
      ReaderLease reader(this);
      Xapian::Database& db = reader.db();
      PublicStats stats{reader.db(), reader.hidden_db()};
      std::vector<QueryGroup> groups;
      std::vector<std::string> corrections;
      Xapian::Query text = BuildQuery(stats, q.text, &groups, &corrections);
      Xapian::Query filter = Filter(q.viewer, q.filters);
      Xapian::Query full = text.empty() ? Xapian::Query::MatchAll : text;
      if (!filter.empty()) full = Xapian::Query(Xapian::Query::OP_FILTER, full, filter);
      Xapian::Enquire enquire(db);
      enquire.set_query(full);
      enquire.set_weighting_scheme(PublicBm25(stats.AverageLength()));
      if (text.empty()) enquire.set_docid_order(Xapian::Enquire::DESCENDING);
      if (q.per_product) enquire.set_collapse_key(kProduct);
      std::shared_ptr<const FacetTable> table = Facets(reader);
      FacetSpy spy(*table, q.per_product);
      enquire.add_matchspy(&spy);
      Xapian::MSet mset = enquire.get_mset(q.offset, q.limit, options_.facet_depth);
      SearchResult out;
      out.totaal = mset.get_matches_estimated();
      // Collapsing makes Xapian estimate; the spy counted exactly when it saw
      // fewer matches than it was asked to check (then it saw them all).
      if (q.per_product && spy.seen < options_.facet_depth) out.totaal = spy.entries;
      out.correcties = std::move(corrections);
      std::set<std::string> stems;
      for (const auto& g : groups)
        for (const auto& a : g.alternatives) stems.insert(a.terms.begin(), a.terms.end());
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.hits.push_back(Hit(enquire, it, groups, stems));
        out.hits.back().product = it.get_document().get_value(kProduct);
        if (q.per_product) out.hits.back().product_treffers = 1 + it.get_collapse_count();
      }
      for (Xapian::valueno slot = kDomein; slot <= kTechniek; ++slot) {
        std::vector<FacetCount> counts;
        for (size_t v = 0; v < spy.counts[slot].size(); ++v)
          if (spy.counts[slot][v] > 0) counts.push_back({table->names[slot][v], spy.counts[slot][v]});
        std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
          return a.aantal != b.aantal ? a.aantal > b.aantal : a.waarde < b.waarde;
        });
        if (slot == kTechniek && counts.size() > 25) counts.resize(25);
        out.facetten[kFacetNames[slot]] = std::move(counts);
      }
      return out;
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
  }

  Status SetProducts(const std::unordered_map<int64_t, std::string>& products) override {
    std::lock_guard lock(write_mutex_);
    try {
      Xapian::WritableDatabase& db = *writers_[kAll];
      if (!products_loaded_) {
        // What an earlier process set, as the index holds it.
        for (auto v = db.valuestream_begin(kProduct); v != db.valuestream_end(kProduct); ++v) {
          auto t = db.termlist_begin(v.get_docid());
          t.skip_to("Q");
          if (t == db.termlist_end(v.get_docid()) || (*t)[0] != 'Q') continue;
          const std::string term = *t;
          int64_t id = 0;
          auto [end, ec] = std::from_chars(term.data() + 1, term.data() + term.size(), id);
          if (ec == std::errc() && end == term.data() + term.size()) products_[id] = *v;
        }
        products_loaded_ = true;
      }
      std::vector<int64_t> changed;
      for (const auto& [id, key] : products)
        if (auto it = products_.find(id); it == products_.end() || it->second != key) changed.push_back(id);
      for (const auto& [id, key] : products_)
        if (!products.count(id)) changed.push_back(id);
      if (changed.empty()) return Status::Ok();
      products_ = products;
      for (int64_t id : changed) {
        Xapian::PostingIterator p = db.postlist_begin(IdTerm(id));
        if (p == db.postlist_end(IdTerm(id))) continue;
        Xapian::Document doc = db.get_document(*p);
        if (auto it = products_.find(id); it != products_.end()) {
          doc.add_value(kProduct, it->second);
        } else {
          doc.remove_value(kProduct);
        }
        db.replace_document(*p, doc);  // only the value changes
      }
      Commit();
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
    ++generation_;
    return Status::Ok();
  }

  Result<LessonResult> SearchLessons(const LessonQuery& q) const override {
    try {
      ReaderLease reader(this);
      Xapian::Database& db = reader.lessons();
      PublicStats stats{reader.lessons(), reader.lessons_hidden()};
      std::vector<QueryGroup> groups;
      std::vector<std::string> corrections;
      Xapian::Query text = BuildQuery(stats, q.text, &groups, &corrections);
      Xapian::Query full(Xapian::Query::OP_FILTER, text.empty() ? Xapian::Query::MatchAll : text,
                         LessonFilter(q.viewer, q.filters));
      Xapian::Enquire enquire(db);
      enquire.set_query(full);
      enquire.set_weighting_scheme(PublicBm25(stats.AverageLength()));
      if (text.empty()) enquire.set_docid_order(Xapian::Enquire::DESCENDING);
      std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
      for (Xapian::valueno slot = kLesCluster; slot <= kLesOrganisatie; ++slot) {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
        enquire.add_matchspy(spies.back().get());
      }
      // Every match is counted: lessons are few beside innovations.
      Xapian::MSet mset = enquire.get_mset(q.offset, q.limit, db.get_doccount());
      LessonResult out;
      out.totaal = mset.get_matches_estimated();
      std::set<std::string> stems;
      for (const auto& g : groups)
        for (const auto& a : g.alternatives) stems.insert(a.terms.begin(), a.terms.end());
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        LessonHit hit = LessonHitOf(it);
        auto data = json::parse(it.get_document().get_data(), nullptr, false);
        if (!stems.empty() && data.is_object())
          hit.fragment = search::MakeSnippet(data.value("tekst", ""), stems, lexicon_, 36);
        hit.waarom = Reasons(enquire, it, groups);
        out.hits.push_back(std::move(hit));
      }
      for (Xapian::valueno slot = kLesCluster; slot <= kLesOrganisatie; ++slot) {
        std::vector<FacetCount> counts;
        for (auto v = spies[slot]->values_begin(); v != spies[slot]->values_end(); ++v)
          counts.push_back({*v, static_cast<int64_t>(v.get_termfreq())});
        std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
          return a.aantal != b.aantal ? a.aantal > b.aantal : a.waarde < b.waarde;
        });
        out.facetten[kLessonFacets[slot]] = std::move(counts);
      }
      return out;
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
  }

  // The innovation's distinctive content terms (as Similar), its phase and
  // its techniques, asked of the lessons of other innovations.
  Result<std::vector<LessonHit>> LessonsFor(int64_t id, const SearchViewer& viewer, int limit) const override {
    try {
      ReaderLease reader(this);
      Xapian::Database& innovations = reader.db();
      Xapian::PostingIterator p = innovations.postlist_begin(IdTerm(id));
      if (p == innovations.postlist_end(IdTerm(id))) return NotFound("Deze innovatie staat niet in de zoekindex.");
      Xapian::Database& db = reader.lessons();
      PublicStats stats{reader.lessons(), reader.lessons_hidden()};
      std::vector<Xapian::Query> terms = DistinctiveTerms(innovations, *p, stats);
      Xapian::Document doc = innovations.get_document(*p);
      const std::string fase = doc.get_value(kFase);
      // The phase counts for less than a shared word: many lessons share it.
      if (!fase.empty())
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("XF" + fase), 0.5);
      std::vector<std::string> techniques;
      for (const auto& t : Split(doc.get_value(kTechniek), kListSeparator))
        if (!t.empty()) {
          techniques.push_back(t);
          terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("XT" + t),
                             std::max(1.0, stats.Idf(stats.frequency("XT" + t))));
        }
      if (terms.empty()) return std::vector<LessonHit>{};
      Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(InnovationTerm(id)));
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, LessonFilter(viewer, {}));
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      enquire.set_weighting_scheme(PublicBm25(stats.AverageLength()));
      Xapian::MSet mset = enquire.get_mset(0, limit);
      std::vector<LessonHit> out;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        LessonHit hit = LessonHitOf(it);
        std::set<std::string> words;
        bool same_phase = false;
        std::vector<std::string> shared_techniques;
        for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t) {
          const std::string term = *t;
          if (term == "XF" + fase) {
            same_phase = true;
          } else if (term.rfind("XT", 0) == 0) {
            shared_techniques.push_back(term.substr(2));
          } else {
            words.insert(term);
          }
        }
        auto data = json::parse(it.get_document().get_data(), nullptr, false);
        const std::string text = data.is_object() ? data.value("tekst", "") : "";
        if (!words.empty()) {
          // The matched stems as the lesson writes them.
          std::vector<std::string> shown;
          for (const auto& w : Words(text))
            if (shown.size() < 4 && words.count(Stem(w)) &&
                std::find(shown.begin(), shown.end(), w) == shown.end())
              shown.push_back(w);
          std::string list;
          for (const auto& w : shown) list += (list.empty() ? "" : ", ") + Quote(w);
          hit.waarom.push_back(list.empty() ? "lijkt op deze innovatie" : "lijkt op deze innovatie: " + list);
          hit.fragment = search::MakeSnippet(text, words, lexicon_, 36);
        }
        if (same_phase) hit.waarom.push_back("geleerd in dezelfde fase");
        for (const auto& t : shared_techniques) hit.waarom.push_back("zelfde techniek: " + Quote(t));
        out.push_back(std::move(hit));
      }
      return out;
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
  }

  // The innovation's most distinctive content terms (wdf weighed by the
  // public idf) as a query; visible to the viewer, itself excluded.
  Result<std::vector<SearchHit>> Similar(int64_t id, const SearchViewer& viewer, int limit) const override {
    try {
      ReaderLease reader(this);
      Xapian::Database& db = reader.db();
      PublicStats stats{reader.db(), reader.hidden_db()};
      Xapian::PostingIterator p = db.postlist_begin(IdTerm(id));
      if (p == db.postlist_end(IdTerm(id))) return NotFound("Deze innovatie staat niet in de zoekindex.");
      std::vector<Xapian::Query> terms = DistinctiveTerms(db, *p, stats);
      if (terms.empty()) return std::vector<SearchHit>{};
      Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(IdTerm(id)));
      // Other solutions: its own product's records are its cluster, not alternatives.
      const std::string product = db.get_document(*p).get_value(kProduct);
      if (!product.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kProduct, product, product));
      Xapian::Query filter = Filter(viewer, {});
      if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      enquire.set_collapse_key(kProduct);
      enquire.set_weighting_scheme(PublicBm25(stats.AverageLength()));
      Xapian::MSet mset = enquire.get_mset(0, limit);
      std::vector<SearchHit> out;
      std::vector<QueryGroup> none;
      for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(Hit(enquire, it, none, {}));
      return out;
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
  }

 private:
  // Two databases: every document, for finding (filtered by who may read
  // what), and copies of the non-public ones, so that statistics can leave
  // them out (PublicStats). Only public words are spelling data.
  // The 25 content terms of document `doc` of `db` that say most about it
  // (wdf weighed by the idf of `stats`), each weighed by that idf.
  static std::vector<Xapian::Query> DistinctiveTerms(const Xapian::Database& db, Xapian::docid doc,
                                                     const PublicStats& stats) {
    std::vector<std::pair<double, std::string>> scored;
    for (auto t = db.termlist_begin(doc); t != db.termlist_end(doc); ++t) {
      const std::string term = *t;
      // Content terms only: filter terms start with an upper-case letter.
      if (term.size() <= 2 || std::isupper(static_cast<unsigned char>(term[0]))) continue;
      double df = stats.frequency(term);
      if (df < 1) continue;  // a word no public text has cannot lead to anything an outsider may see
      scored.emplace_back(std::log1p(t.get_wdf()) * stats.Idf(df), term);
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (scored.size() > 25) scored.resize(25);
    std::vector<Xapian::Query> terms;
    for (const auto& [weight, term] : scored)
      terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), stats.Idf(stats.frequency(term)));
    return terms;
  }

  // Lessons have the same two parts in databases of their own.
  enum Part { kAll = 0, kHidden = 1, kLessons = 2, kLessonsHidden = 3 };
  static constexpr const char* kPartNames[] = {"/alle", "/besloten", "/lessen", "/lessen-besloten"};
  std::string PartPath(Part part) const { return options_.path + kPartNames[part]; }

  void OpenWriters(int flags) {
    for (Part part : {kAll, kHidden, kLessons, kLessonsHidden})
      writers_[part] = std::make_unique<Xapian::WritableDatabase>(PartPath(part), flags);
  }

  // Readers for the calling thread, reopened when the writers committed
  // since they were last used. Both are opened together while no commit is
  // under way, so their statistics always belong together.
  class ReaderLease {
   public:
    explicit ReaderLease(const XapianIndex* index) : index_(index) {
      {
        std::lock_guard lock(index_->readers_mutex_);
        if (!index_->readers_.empty()) {
          reader_ = std::move(index_->readers_.back());
          index_->readers_.pop_back();
        }
      }
      std::shared_lock committing(index_->commit_mutex_);
      if (!reader_.all) {
        reader_.all = std::make_unique<Xapian::Database>(index_->PartPath(kAll));
        reader_.hidden = std::make_unique<Xapian::Database>(index_->PartPath(kHidden));
        reader_.lessons = std::make_unique<Xapian::Database>(index_->PartPath(kLessons));
        reader_.lessons_hidden = std::make_unique<Xapian::Database>(index_->PartPath(kLessonsHidden));
        reader_.generation = index_->generation_;
      }
      if (reader_.generation != index_->generation_) {
        reader_.generation = index_->generation_;
        for (auto* db : {&reader_.all, &reader_.hidden, &reader_.lessons, &reader_.lessons_hidden}) (*db)->reopen();
      }
    }
    ~ReaderLease() {
      std::lock_guard lock(index_->readers_mutex_);
      index_->readers_.push_back(std::move(reader_));
    }
    Xapian::Database& db() { return *reader_.all; }
    uint64_t generation() const { return reader_.generation; }
    const Xapian::Database& hidden_db() { return *reader_.hidden; }
    Xapian::Database& lessons() { return *reader_.lessons; }
    const Xapian::Database& lessons_hidden() { return *reader_.lessons_hidden; }

   private:
    const XapianIndex* index_;
    struct Reader {
      std::unique_ptr<Xapian::Database> all, hidden, lessons, lessons_hidden;
      uint64_t generation = 0;
    };
    Reader reader_;
    friend class XapianIndex;
  };

  // The facet table of the reader's generation, built by the first search
  // that needs it.
  std::shared_ptr<const FacetTable> Facets(ReaderLease& reader) const {
    std::lock_guard lock(facets_mutex_);
    if (!facets_ || facets_->generation != reader.generation())
      facets_ = FacetTable::Build(reader.db(), reader.generation());
    return facets_;
  }

  Status LoadOrganisations(Store& store) {
    auto orgs = store.Read([](Work& w) { return w.organisations().All(); });
    if (!orgs.ok()) return orgs.status();
    std::lock_guard lock(orgs_mutex_);
    for (const auto& o : orgs.value()) orgs_[o.code] = {o.naam, o.soort};
    return Status::Ok();
  }

  // (Re)indexes one innovation; a non-public one also in the hidden part.
  void Write(const Innovation& in) {
    bool open = in.zichtbaarheid == "openbaar";
    std::map<std::string, int> spelling;
    Xapian::Document doc = MakeDocument(in, open ? &spelling : nullptr);
    ForgetSpelling(in.id);
    for (const auto& [word, count] : spelling) writers_[kAll]->add_spelling(word, count);
    writers_[kAll]->replace_document(IdTerm(in.id), doc);
    if (open) {
      writers_[kHidden]->delete_document(IdTerm(in.id));
    } else {
      writers_[kHidden]->replace_document(IdTerm(in.id), doc);
    }
  }

  void Commit() {
    std::unique_lock committing(commit_mutex_);
    for (Part part : {kHidden, kAll, kLessonsHidden, kLessons}) writers_[part]->commit();
  }

  // (Re)indexes the lessons of one innovation. A lesson is found by its own
  // visibility; it carries its innovation's title and techniques only when
  // the innovation is seen at least as widely, so that no hidden word of an
  // innovation can lead to a lesson.
  void WriteLessons(const Innovation& in, const std::vector<Lesson>& lessons) {
    for (Part part : {kLessons, kLessonsHidden}) writers_[part]->delete_document(InnovationTerm(in.id));
    for (const auto& l : lessons) {
      Xapian::Document doc;
      AddText(&doc, l.tekst, 1, nullptr);
      for (const auto& t : l.tags) AddText(&doc, t, 2, nullptr);
      const bool with_innovation = Reach(in.zichtbaarheid) >= Reach(l.zichtbaarheid);
      if (with_innovation) {
        AddText(&doc, in.titel, 1, nullptr);
        // Scored terms (not boolean): a shared technique weighs in LessonsFor.
        for (const auto& t : in.technieken)
          if (std::string folded = FoldAccents(Trim(t)); !folded.empty()) doc.add_term("XT" + folded, 1);
      }
      if (!l.fase.empty()) doc.add_term("XF" + l.fase, 1);
      doc.add_boolean_term(IdTerm(l.id));
      doc.add_boolean_term(InnovationTerm(in.id));
      doc.add_boolean_term("XL" + l.vorm);
      for (const auto& f : l.succesfactoren) doc.add_boolean_term("XG" + f);
      const std::string values[] = {l.cluster, l.hoe, l.fase, l.soort, in.organisatie};
      for (Xapian::valueno slot = kLesCluster; slot <= kLesOrganisatie; ++slot) {
        if (values[slot].empty()) continue;
        doc.add_value(slot, values[slot]);
        if (slot != kLesFase) doc.add_boolean_term(kLessonPrefix[slot] + values[slot]);
      }
      // Visibility as for innovations (Filter), with the lesson's own.
      doc.add_boolean_term("XV" + l.zichtbaarheid);
      doc.add_boolean_term("XA" + in.organisatie);
      for (const auto& p : in.partners) doc.add_boolean_term("XB" + p);
      for (const auto& m : in.team)
        if (m.gebruiker_id > 0) doc.add_boolean_term("XU" + std::to_string(m.gebruiker_id));
      if (in.aangemaakt_door > 0) doc.add_boolean_term("XU" + std::to_string(in.aangemaakt_door));
      json data{{"id", l.id}, {"innovatie", in.id}, {"tekst", l.tekst.substr(0, 4000)}};
      doc.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
      writers_[kLessons]->replace_document(IdTerm(l.id), doc);
      if (l.zichtbaarheid != "openbaar") writers_[kLessonsHidden]->replace_document(IdTerm(l.id), doc);
    }
  }

  // The viewer's filter and the lesson filters of `filters`.
  Xapian::Query LessonFilter(const SearchViewer& viewer, const std::map<std::string, std::string>& filters) const {
    std::vector<Xapian::Query> parts;
    if (Xapian::Query visible = Filter(viewer, {}); !visible.empty()) parts.push_back(visible);
    auto vorm = filters.find("vorm");
    parts.emplace_back("XL" + (vorm == filters.end() || vorm->second.empty() ? std::string("les") : vorm->second));
    for (const auto& [name, value] : filters) {
      if (value.empty()) continue;
      if (name == "succesfactor") parts.emplace_back("XG" + value);
      for (Xapian::valueno slot = kLesCluster; slot <= kLesOrganisatie; ++slot)
        if (name == kLessonFacets[slot]) parts.emplace_back(kLessonPrefix[slot] + value);
    }
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }

  static LessonHit LessonHitOf(const Xapian::MSetIterator& it) {
    LessonHit hit;
    hit.score = it.get_weight();
    auto data = json::parse(it.get_document().get_data(), nullptr, false);
    if (data.is_object()) {
      hit.id = data.value("id", int64_t{0});
      hit.innovatie_id = data.value("innovatie", int64_t{0});
    }
    return hit;
  }

  Status Apply(Store& store, const std::vector<int64_t>& ids) {
    LessonsByInnovation lessons;
    auto found = store.Read([&](Work& w) -> Result<std::vector<Innovation>> {
      auto innovations = w.innovations().GetMany(ids);
      if (!innovations.ok()) return innovations;
      auto l = w.learning().LessonsOf(ids);
      if (!l.ok()) return l.error();
      lessons = std::move(l).value();
      return innovations;
    });
    if (!found.ok()) return found.status();
    try {
      std::set<int64_t> present;
      for (const auto& in : found.value()) {
        present.insert(in.id);
        bool known;
        {
          std::lock_guard lock(orgs_mutex_);
          known = orgs_.count(in.organisatie) > 0;
        }
        if (!known) (void)LoadOrganisations(store);
        Write(in);
        WriteLessons(in, lessons[in.id]);
      }
      for (int64_t id : ids) {
        if (present.count(id)) continue;  // deleted since it was queued
        ForgetSpelling(id);
        for (Part part : {kAll, kHidden}) writers_[part]->delete_document(IdTerm(id));
        for (Part part : {kLessons, kLessonsHidden}) writers_[part]->delete_document(InnovationTerm(id));
      }
      Commit();
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
    ++generation_;
    return Status::Ok();
  }

  // Content terms: stems of the words and of the parts of compounds, with
  // weight `wdf` per occurrence. Words of public documents are spelling
  // data (the source of corrections).
  void AddText(Xapian::Document* doc, const std::string& text, int wdf, std::map<std::string, int>* spelling) {
    for (const auto& w : Words(text)) {
      if (w.size() < 2 || search::IsStopword(w)) continue;
      doc->add_term(Stem(w), wdf);
      if (spelling && w.size() >= 4) ++(*spelling)[w];
      for (const auto& part : lexicon_.Split(w)) doc->add_term(Stem(part), wdf);
    }
  }

  // Takes the spelling words of the indexed version of `id` (if it was
  // public) out of the spelling data: a word stays suggestable only while
  // public text has it.
  void ForgetSpelling(int64_t id) {
    Xapian::PostingIterator p = writers_[kAll]->postlist_begin(IdTerm(id));
    if (p == writers_[kAll]->postlist_end(IdTerm(id))) return;
    auto data = json::parse(writers_[kAll]->get_document(*p).get_data(), nullptr, false);
    if (!data.is_object() || !data.contains("spelling") || !data["spelling"].is_object()) return;
    for (const auto& [word, count] : data["spelling"].items())
      if (count.is_number_integer()) writers_[kAll]->remove_spelling(word, count.get<int>());
  }

  Xapian::Document MakeDocument(const Innovation& in, std::map<std::string, int>* spelling) {
    Xapian::Document doc;
    OrgInfo org;
    {
      std::lock_guard lock(orgs_mutex_);
      auto it = orgs_.find(in.organisatie);
      if (it != orgs_.end()) org = it->second;
    }
    std::string provincie;
    if (auto it = provinces_.find(in.organisatie); it != provinces_.end()) provincie = it->second;
    AddText(&doc, in.titel, 2, spelling);
    for (const auto* list : {&in.tags, &in.technieken})
      for (const auto& t : *list) AddText(&doc, t, 2, spelling);
    for (const auto& t : in.databronnen) AddText(&doc, t, 1, spelling);
    for (const auto* text : {&in.samenvatting, &in.opgave, &in.doel}) AddText(&doc, *text, 1, spelling);
    AddText(&doc, org.naam, 1, spelling);
    doc.add_boolean_term(IdTerm(in.id));
    auto filter = [&](Slot slot, const std::string& value) {
      if (value.empty()) return;
      doc.add_boolean_term(kFilterPrefix[slot] + value);
    };
    filter(kDomein, in.domein);
    filter(kFase, in.fase);
    filter(kStatus, in.status);
    filter(kOrgSoort, org.soort);
    filter(kProvincie, provincie);
    std::string techniques;
    for (const auto& t : in.technieken) {
      std::string folded = FoldAccents(Trim(t));
      if (folded.empty()) continue;
      filter(kTechniek, folded);
      techniques += (techniques.empty() ? "" : std::string(1, kListSeparator)) + folded;
    }
    doc.add_value(kDomein, in.domein);
    doc.add_value(kFase, in.fase);
    doc.add_value(kStatus, in.status);
    doc.add_value(kOrgSoort, org.soort);
    doc.add_value(kProvincie, provincie);
    doc.add_value(kTechniek, techniques);
    if (auto it = products_.find(in.id); it != products_.end()) doc.add_value(kProduct, it->second);
    doc.add_boolean_term("XO" + in.organisatie);
    // Visibility (domain/access.hpp): who may find this document.
    doc.add_boolean_term("XV" + in.zichtbaarheid);
    doc.add_boolean_term("XA" + in.organisatie);
    for (const auto& p : in.partners) doc.add_boolean_term("XB" + p);
    for (const auto& m : in.team)
      if (m.gebruiker_id > 0) doc.add_boolean_term("XU" + std::to_string(m.gebruiker_id));
    if (in.aangemaakt_door > 0) doc.add_boolean_term("XU" + std::to_string(in.aangemaakt_door));

    json summary = ToSummaryJson(in);
    summary["organisatieNaam"] = org.naam.empty() ? json(in.organisatie_naam) : json(org.naam);
    std::string body = in.samenvatting.empty() ? in.doel : in.samenvatting;
    if (body.empty()) body = in.opgave;
    json data{{"samenvatting", summary}, {"tekst", in.titel + ". " + body.substr(0, 4000)}};
    if (spelling) data["spelling"] = *spelling;
    doc.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
    return doc;
  }

  Xapian::Query Filter(const SearchViewer& viewer, const std::map<std::string, std::string>& filters) const {
    std::vector<Xapian::Query> parts;
    if (!viewer.alles) {
      std::vector<Xapian::Query> may = {Xapian::Query("XVopenbaar")};
      if (viewer.gebruiker_id > 0) may.emplace_back("XU" + std::to_string(viewer.gebruiker_id));
      if (!viewer.organisaties.empty()) {
        std::vector<Xapian::Query> orgs;
        for (const auto& o : viewer.organisaties) {
          orgs.emplace_back("XA" + o);
          orgs.emplace_back("XB" + o);
        }
        may.emplace_back(Xapian::Query::OP_AND, Xapian::Query("XVorganisatie"),
                         Xapian::Query(Xapian::Query::OP_OR, orgs.begin(), orgs.end()));
      }
      parts.emplace_back(Xapian::Query::OP_OR, may.begin(), may.end());
    }
    for (const auto& [name, value] : filters) {
      if (value.empty()) continue;
      if (name == "organisatie") {
        parts.emplace_back("XO" + value);
        continue;
      }
      for (Xapian::valueno slot = kDomein; slot <= kTechniek; ++slot)
        if (name == kFacetNames[slot])
          parts.emplace_back(kFilterPrefix[slot] + (slot == kTechniek ? FoldAccents(value) : value));
    }
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }

  static std::string Quote(const std::string& s) { return "‘" + s + "’"; }

  // The plain-Dutch query: per content word (or synonym phrase) one group of
  // alternatives - the word, its compound parts, its synonyms, a spelling
  // correction - joined with OR and ranked with BM25 on public statistics:
  // each group weighs by the idf of its estimated public frequency.
  Xapian::Query BuildQuery(const PublicStats& stats, const std::string& text, std::vector<QueryGroup>* groups,
                           std::vector<std::string>* corrections) const {
    auto words = Words(text);
    std::vector<Xapian::Query> group_queries;
    auto term_exists = [&](const std::string& t) { return stats.Exists(t); };
    size_t i = 0;
    while (i < words.size()) {
      // The longest synonym phrase that starts here.
      size_t used = 1;
      const std::vector<std::vector<std::string>>* synonyms = nullptr;
      std::string phrase;
      for (size_t n = std::min(synonyms_.longest_phrase(), words.size() - i); n >= 1; --n) {
        std::string p;
        for (size_t k = 0; k < n; ++k) p += (k ? " " : "") + words[i + k];
        if (auto* alt = synonyms_.Alternatives(p)) {
          synonyms = alt;
          used = n;
          phrase = p;
          break;
        }
      }
      if (!synonyms) phrase = words[i];
      i += used;
      if (!synonyms && (phrase.size() < 2 || search::IsStopword(phrase))) continue;

      QueryGroup group;
      auto stems_of = [&](const std::vector<std::string>& ws) {
        std::vector<std::string> out;
        for (const auto& w : ws)
          if (!search::IsStopword(w)) out.push_back(Stem(w));
        return out;
      };
      auto phrase_words = Words(phrase);
      group.alternatives.push_back({stems_of(phrase_words), "bevat " + Quote(phrase)});
      if (phrase_words.size() == 1) {
        auto parts = lexicon_.Split(phrase);
        if (parts.size() >= 2) {
          // Only the first analysis (not the parts of parts) must all be there.
          std::vector<std::string> top;
          for (const auto& p : parts) {
            if (!top.empty() && std::accumulate(top.begin(), top.end(), std::string()) == phrase) break;
            top.push_back(p);
          }
          std::string joined;
          for (const auto& p : top) joined += (joined.empty() ? "" : " en ") + Quote(p);
          group.alternatives.push_back({stems_of(top), "bevat " + joined + " (uit " + Quote(phrase) + ")"});
        }
      }
      if (synonyms) {
        for (const auto& alt : *synonyms) {
          std::string alt_phrase;
          for (const auto& w : alt) alt_phrase += (alt_phrase.empty() ? "" : " ") + w;
          auto stems = stems_of(alt);
          if (!stems.empty())
            group.alternatives.push_back(
                {stems, "bevat " + Quote(alt_phrase) + " (zelfde betekenis als " + Quote(phrase) + ")"});
        }
      }
      // A word the index does not know may be a typo.
      if (!synonyms && phrase_words.size() == 1 && phrase.size() >= 4 && !term_exists(Stem(phrase))) {
        std::string suggestion = stats.all.get_spelling_suggestion(phrase, 2);
        if (!suggestion.empty() && suggestion != phrase) {
          group.alternatives.push_back(
              {{Stem(suggestion)}, "bevat " + Quote(suggestion) + " (gelezen voor " + Quote(phrase) + ")"});
          corrections->push_back(phrase + " → " + suggestion);
        }
      }
      std::vector<Xapian::Query> alts;
      // The group's public frequency, estimated as Xapian estimates a
      // synonym: alternatives as independent (a + b - ab/N), the parts of
      // one alternative likewise (ab/N).
      const double n = stats.documents();
      double group_df = 0;
      for (const auto& a : group.alternatives) {
        if (a.terms.empty()) continue;
        double df = n;
        for (const auto& t : a.terms) df = df * stats.frequency(t) / n;
        group_df = group_df + df - group_df * df / n;
        if (a.terms.size() == 1) {
          alts.emplace_back(a.terms[0]);
        } else {
          std::vector<Xapian::Query> and_terms(a.terms.begin(), a.terms.end());
          alts.emplace_back(Xapian::Query::OP_AND, and_terms.begin(), and_terms.end());
        }
      }
      if (alts.empty()) continue;
      group_queries.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                 Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end()),
                                 stats.Idf(group_df));
      groups->push_back(std::move(group));
    }
    if (group_queries.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, group_queries.begin(), group_queries.end());
  }

  SearchHit Hit(const Xapian::Enquire& enquire, const Xapian::MSetIterator& it, const std::vector<QueryGroup>& groups,
                const std::set<std::string>& stems) const {
    SearchHit hit;
    Xapian::Document doc = it.get_document();
    auto data = json::parse(doc.get_data(), nullptr, false);
    hit.score = it.get_weight();
    if (data.is_object()) {
      hit.id = data["samenvatting"].value("id", int64_t{0});
      hit.samenvatting_json = data["samenvatting"].dump(-1, ' ', false, json::error_handler_t::replace);
      if (!stems.empty()) hit.fragment = search::MakeSnippet(data.value("tekst", ""), stems, lexicon_, 36);
    }
    hit.waarom = Reasons(enquire, it, groups);
    return hit;
  }

  // Per query group, the first alternative whose terms all matched.
  static std::vector<std::string> Reasons(const Xapian::Enquire& enquire, const Xapian::MSetIterator& it,
                                          const std::vector<QueryGroup>& groups) {
    std::vector<std::string> out;
    if (groups.empty()) return out;
    std::set<std::string> matched;
    for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t)
      matched.insert(*t);
    for (const auto& g : groups)
      for (const auto& a : g.alternatives) {
        bool all = !a.terms.empty() &&
                   std::all_of(a.terms.begin(), a.terms.end(), [&](const std::string& t) { return matched.count(t); });
        if (all) {
          out.push_back(a.reason);
          break;
        }
      }
    return out;
  }

  SearchOptions options_;
  Lexicon lexicon_;
  search::Synonyms synonyms_;
  std::map<std::string, std::string> provinces_;
  std::mutex orgs_mutex_;
  std::map<std::string, OrgInfo> orgs_;
  std::mutex write_mutex_;
  std::unordered_map<int64_t, std::string> products_;  // under write_mutex_
  bool products_loaded_ = false;
  mutable std::shared_mutex commit_mutex_;  // held by writers while both parts commit
  std::unique_ptr<Xapian::WritableDatabase> writers_[4];  // by Part
  std::atomic<uint64_t> generation_{0};
  mutable std::mutex readers_mutex_;
  mutable std::vector<typename ReaderLease::Reader> readers_;
  mutable std::mutex facets_mutex_;
  mutable std::shared_ptr<const FacetTable> facets_;
};

}  // namespace

Result<std::unique_ptr<SearchIndex>> OpenXapianIndex(const SearchOptions& options, Store& store) {
  auto index = std::make_unique<XapianIndex>(options);
  Status st = index->Open(store);
  if (!st.ok()) return st.error();
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace koers
