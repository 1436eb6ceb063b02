// The search index on Xapian: documents, the Dutch query, facets, snippets,
// reasons, similar innovations. The layout of a document is described in
// docs/search.md.
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/file_io.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/innovation_json.hpp"
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
constexpr const char* kAnalysisVersion = "3";

// Value slots (facets).
enum Slot : Xapian::valueno { kDomein = 0, kFase, kStatus, kOrgSoort, kProvincie, kTechniek };
constexpr const char* kFacetNames[] = {"domein", "fase", "status", "organisatieSoort", "provincie", "techniek"};
constexpr char kListSeparator = '\x1f';

// Boolean term prefixes (filters and visibility).
std::string IdTerm(int64_t id) { return "Q" + std::to_string(id); }
constexpr const char* kFilterPrefix[] = {"XD", "XF", "XS", "XK", "XP", "XT"};

Error Failure(const Xapian::Error& e) {
  log::Error("zoekindex_fout", {{"fout", e.get_description()}});
  return IoError("De zoekindex gaf een fout: " + e.get_msg());
}

// The facet values of every document, read once per index revision from the
// value streams, so counting the matches of a query is array lookups
// instead of reading each matching document's values.
struct FacetTable {
  Xapian::rev revision = 0;
  std::vector<std::string> names[kTechniek + 1];  // value id -> value
  // Per slot below kTechniek: docid -> value id + 1 (0: none).
  std::vector<uint16_t> single[kTechniek];
  // kTechniek holds several values: docid -> [offsets[d], offsets[d + 1]) in ids.
  std::vector<uint32_t> offsets;
  std::vector<uint16_t> ids;

  static std::shared_ptr<const FacetTable> Build(const Xapian::Database& db) {
    auto t = std::make_shared<FacetTable>();
    t->revision = db.get_revision();
    const Xapian::docid last = db.get_lastdocid();
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
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
          std::string v = *it;
          if (!v.empty() && it.get_docid() <= last) col[it.get_docid()] = intern(v) + 1;
        }
      } else {
        t->offsets.assign(last + 2, 0);
        std::vector<std::vector<uint16_t>> lists(last + 1);
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
          if (it.get_docid() > last) continue;
          for (const auto& v : Split(*it, kListSeparator))
            if (!v.empty()) lists[it.get_docid()].push_back(intern(v));
        }
        for (Xapian::docid d = 0; d <= last; ++d) {
          t->offsets[d + 1] = t->offsets[d] + static_cast<uint32_t>(lists[d].size());
          t->ids.insert(t->ids.end(), lists[d].begin(), lists[d].end());
        }
      }
    }
    return t;
  }
};

// Counts facet values over the matches it sees.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const FacetTable& table) : table_(table) {
    for (Xapian::valueno slot = kDomein; slot <= kTechniek; ++slot) counts[slot].assign(table.names[slot].size(), 0);
  }
  void operator()(const Xapian::Document& doc, double) override {
    const Xapian::docid d = doc.get_docid();
    for (Xapian::valueno slot = kDomein; slot < kTechniek; ++slot) {
      const auto& col = table_.single[slot];
      if (d < col.size() && col[d] != 0) ++counts[slot][col[d] - 1];
    }
    if (d + 1 < table_.offsets.size())
      for (uint32_t i = table_.offsets[d]; i < table_.offsets[d + 1]; ++i) ++counts[kTechniek][table_.ids[i]];
  }
  std::vector<int64_t> counts[kTechniek + 1];

 private:
  const FacetTable& table_;
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
      std::filesystem::create_directories(options_.path);
      writer_ = std::make_unique<Xapian::WritableDatabase>(options_.path, Xapian::DB_CREATE_OR_OPEN);
      rebuild = writer_->get_metadata("koers_analyse") != kAnalysisVersion;
      // The corpus's own words help split compounds.
      for (auto it = writer_->spellings_begin(); it != writer_->spellings_end(); ++it)
        if (it.get_termfreq() >= 2) lexicon_.Add(*it);
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
    return rebuild ? Rebuild(store) : CatchUp(store);
  }

  Status CatchUp(Store& store) override {
    std::lock_guard lock(write_mutex_);
    for (;;) {
      auto queue = store.PendingSearchUpdates(1000);
      if (!queue.ok()) return queue.status();
      if (queue.value().ids.empty()) return Status::Ok();
      Status st = Apply(store, queue.value().ids);
      if (!st.ok()) return st;
      st = store.ClearSearchUpdates(queue.value().last);
      if (!st.ok()) return st;
    }
  }

  Status Rebuild(Store& store) override {
    std::lock_guard lock(write_mutex_);
    auto start = std::chrono::steady_clock::now();
    // What is queued now is covered by the rebuild; what arrives during it stays queued.
    auto queue = store.PendingSearchUpdates(1 << 30);
    if (!queue.ok()) return queue.status();
    try {
      // The lexicon first, from the whole corpus, so splitting does not depend on order.
      int64_t after = 0;
      std::vector<int64_t> all;
      for (;;) {
        auto ids = store.InnovationIds(after, 5000);
        if (!ids.ok()) return ids.status();
        if (ids.value().empty()) break;
        all.insert(all.end(), ids.value().begin(), ids.value().end());
        after = ids.value().back();
      }
      writer_->close();
      writer_ = std::make_unique<Xapian::WritableDatabase>(options_.path, Xapian::DB_CREATE_OR_OVERWRITE);
      std::vector<Innovation> batch;
      for (size_t i = 0; i < all.size(); ++i) {
        auto in = store.GetInnovation(all[i]);
        if (!in.ok()) continue;
        for (const auto& text : {in.value().titel, in.value().samenvatting, in.value().doel, in.value().opgave})
          lexicon_.Add(text);
        batch.push_back(std::move(in).value());
        if (batch.size() == 5000 || i + 1 == all.size()) {
          for (const auto& b : batch) writer_->replace_document(IdTerm(b.id), MakeDocument(b));
          writer_->commit();
          batch.clear();
        }
      }
      writer_->set_metadata("koers_analyse", kAnalysisVersion);
      writer_->commit();
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
    ++generation_;
    log::Info("zoekindex_opgebouwd",
              {{"duurMs", std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count()}});
    if (queue.value().last > 0) return store.ClearSearchUpdates(queue.value().last);
    return Status::Ok();
  }

  Result<SearchResult> Search(const SearchQuery& q) const override {
    try {
      ReaderLease reader(this);
      Xapian::Database& db = reader.db();
      std::vector<QueryGroup> groups;
      std::vector<std::string> corrections;
      Xapian::Query text = BuildQuery(db, q.text, &groups, &corrections);
      Xapian::Query filter = Filter(q.viewer, q.filters);
      Xapian::Query full = text.empty() ? Xapian::Query::MatchAll : text;
      if (!filter.empty()) full = Xapian::Query(Xapian::Query::OP_FILTER, full, filter);
      Xapian::Enquire enquire(db);
      enquire.set_query(full);
      enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
      if (text.empty()) enquire.set_docid_order(Xapian::Enquire::DESCENDING);
      std::shared_ptr<const FacetTable> table = Facets(db);
      FacetSpy spy(*table);
      enquire.add_matchspy(&spy);
      Xapian::MSet mset = enquire.get_mset(q.offset, q.limit, options_.facet_depth);
      SearchResult out;
      out.totaal = mset.get_matches_estimated();
      out.correcties = std::move(corrections);
      std::set<std::string> stems;
      for (const auto& g : groups)
        for (const auto& a : g.alternatives) stems.insert(a.terms.begin(), a.terms.end());
      for (auto it = mset.begin(); it != mset.end(); ++it) out.hits.push_back(Hit(enquire, it, groups, stems));
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

  Result<std::vector<SearchHit>> Similar(int64_t id, const SearchViewer& viewer, int limit) const override {
    try {
      ReaderLease reader(this);
      Xapian::Database& db = reader.db();
      Xapian::PostingIterator p = db.postlist_begin(IdTerm(id));
      if (p == db.postlist_end(IdTerm(id))) return NotFound("Deze innovatie staat niet in de zoekindex.");
      Xapian::RSet rset;
      rset.add_document(*p);
      Xapian::Enquire enquire(db);
      // Content terms only: filter terms start with an upper-case letter.
      struct ContentOnly : Xapian::ExpandDecider {
        bool operator()(const std::string& term) const override {
          return !term.empty() && !std::isupper(static_cast<unsigned char>(term[0])) && term.size() > 2;
        }
      } decider;
      Xapian::ESet eset = enquire.get_eset(25, rset, &decider);
      std::vector<Xapian::Query> terms;
      for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
      if (terms.empty()) return std::vector<SearchHit>{};
      Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(IdTerm(id)));
      Xapian::Query filter = Filter(viewer, {});
      if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
      enquire.set_query(query);
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
  // A reader Database for the calling thread, reopened when the writer
  // committed since it was last used.
  class ReaderLease {
   public:
    explicit ReaderLease(const XapianIndex* index) : index_(index) {
      std::lock_guard lock(index_->readers_mutex_);
      if (!index_->readers_.empty()) {
        reader_ = std::move(index_->readers_.back());
        index_->readers_.pop_back();
      }
      if (!reader_.db) {
        reader_.db = std::make_unique<Xapian::Database>(index_->options_.path);
        reader_.generation = index_->generation_;
      }
      if (reader_.generation != index_->generation_) {
        reader_.generation = index_->generation_;
        reader_.db->reopen();
      }
    }
    ~ReaderLease() {
      std::lock_guard lock(index_->readers_mutex_);
      index_->readers_.push_back(std::move(reader_));
    }
    Xapian::Database& db() { return *reader_.db; }

   private:
    const XapianIndex* index_;
    struct Reader {
      std::unique_ptr<Xapian::Database> db;
      uint64_t generation = 0;
    };
    Reader reader_;
    friend class XapianIndex;
  };

  // The facet table of the reader's revision, built by the first search
  // that needs it.
  std::shared_ptr<const FacetTable> Facets(const Xapian::Database& db) const {
    std::lock_guard lock(facets_mutex_);
    if (!facets_ || facets_->revision != db.get_revision()) facets_ = FacetTable::Build(db);
    return facets_;
  }

  Status LoadOrganisations(Store& store) {
    auto orgs = store.ListOrganisations({}, {1, 1000000});
    if (!orgs.ok()) return orgs.status();
    std::lock_guard lock(orgs_mutex_);
    for (const auto& o : orgs.value().items) orgs_[o.code] = {o.naam, o.soort};
    return Status::Ok();
  }

  Status Apply(Store& store, const std::vector<int64_t>& ids) {
    try {
      for (int64_t id : ids) {
        auto in = store.GetInnovation(id);
        if (!in.ok()) {
          if (in.error().kind != ErrorKind::kNotFound) return in.status();
          writer_->delete_document(IdTerm(id));
          continue;
        }
        bool known;
        {
          std::lock_guard lock(orgs_mutex_);
          known = orgs_.count(in.value().organisatie) > 0;
        }
        if (!known) (void)LoadOrganisations(store);
        writer_->replace_document(IdTerm(id), MakeDocument(in.value()));
      }
      writer_->commit();
    } catch (const Xapian::Error& e) {
      return Failure(e);
    }
    ++generation_;
    return Status::Ok();
  }

  // Content terms: stems of the words and of the parts of compounds, with
  // weight `wdf` per occurrence.
  void AddText(Xapian::Document* doc, const std::string& text, int wdf) {
    for (const auto& w : Words(text)) {
      if (w.size() < 2 || search::IsStopword(w)) continue;
      doc->add_term(Stem(w), wdf);
      if (w.size() >= 4) writer_->add_spelling(w);
      for (const auto& part : lexicon_.Split(w)) doc->add_term(Stem(part), wdf);
    }
  }

  Xapian::Document MakeDocument(const Innovation& in) {
    Xapian::Document doc;
    OrgInfo org;
    {
      std::lock_guard lock(orgs_mutex_);
      auto it = orgs_.find(in.organisatie);
      if (it != orgs_.end()) org = it->second;
    }
    std::string provincie;
    if (auto it = provinces_.find(in.organisatie); it != provinces_.end()) provincie = it->second;
    AddText(&doc, in.titel, 2);
    for (const auto* list : {&in.tags, &in.technieken})
      for (const auto& t : *list) AddText(&doc, t, 2);
    for (const auto& t : in.databronnen) AddText(&doc, t, 1);
    for (const auto* text : {&in.samenvatting, &in.opgave, &in.doel}) AddText(&doc, *text, 1);
    AddText(&doc, org.naam, 1);

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
    doc.set_data(json{{"samenvatting", summary}, {"tekst", in.titel + ". " + body.substr(0, 4000)}}.dump(
        -1, ' ', false, json::error_handler_t::replace));
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
  // correction - joined with OR and ranked with BM25.
  Xapian::Query BuildQuery(Xapian::Database& db, const std::string& text, std::vector<QueryGroup>* groups,
                           std::vector<std::string>* corrections) const {
    auto words = Words(text);
    std::vector<Xapian::Query> group_queries;
    auto term_exists = [&](const std::string& t) { return db.term_exists(t); };
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
        std::string suggestion = db.get_spelling_suggestion(phrase, 2);
        if (!suggestion.empty() && suggestion != phrase) {
          group.alternatives.push_back(
              {{Stem(suggestion)}, "bevat " + Quote(suggestion) + " (gelezen voor " + Quote(phrase) + ")"});
          corrections->push_back(phrase + " → " + suggestion);
        }
      }
      std::vector<Xapian::Query> alts;
      for (const auto& a : group.alternatives) {
        if (a.terms.empty()) continue;
        if (a.terms.size() == 1) {
          alts.emplace_back(a.terms[0]);
        } else {
          std::vector<Xapian::Query> and_terms(a.terms.begin(), a.terms.end());
          alts.emplace_back(Xapian::Query::OP_AND, and_terms.begin(), and_terms.end());
        }
      }
      if (alts.empty()) continue;
      group_queries.emplace_back(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
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
    if (!groups.empty()) {
      std::set<std::string> matched;
      for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t)
        matched.insert(*t);
      for (const auto& g : groups)
        for (const auto& a : g.alternatives) {
          bool all = !a.terms.empty() &&
                     std::all_of(a.terms.begin(), a.terms.end(), [&](const std::string& t) { return matched.count(t); });
          if (all) {
            hit.waarom.push_back(a.reason);
            break;
          }
        }
    }
    return hit;
  }

  SearchOptions options_;
  Lexicon lexicon_;
  search::Synonyms synonyms_;
  std::map<std::string, std::string> provinces_;
  std::mutex orgs_mutex_;
  std::map<std::string, OrgInfo> orgs_;
  std::mutex write_mutex_;
  std::unique_ptr<Xapian::WritableDatabase> writer_;
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
