// The search benchmark of issue 6: Koers' Xapian index with Dutch analysis
// against PostgreSQL 15 `dutch` full-text search. This tool does the Koers
// side in-process and writes the very same documents and queries for the
// PostgreSQL side; bench/search_bench.sh drives both and the HTTP load runs.
//
//   koers_search_bench generate --db PATH --n N --queries Q --out DIR
//       Replicates the Algoritmeregister records with varied text and
//       organisations into the store (which `koers demo` created) until it
//       holds N benchmark innovations, and writes DIR/docs.tsv (the same
//       documents, PostgreSQL COPY text format), DIR/queries.tsv (id, text)
//       and DIR/paths.txt (the same queries as API paths, for wrk).
//   koers_search_bench index --db PATH
//       Rebuilds the search index at the path `koers serve` uses and times it.
//   koers_search_bench query --db PATH --queries FILE [--warmup N]
//       Runs the first N queries (500) to warm up, then every query once,
//       timed: latency of SearchIndex::Search as the API calls it
//       (anonymous, 10 hits, the server's search options). --facet-depth D
//       overrides the depth of the facet counts, to see what they cost.
//
// Results go to stdout as `metric NAME VALUE` lines; progress to stderr.
#include <sodium.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/file_io.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/innovation.hpp"
#include "importer/algoritmeregister.hpp"
#include "importer/organisations.hpp"
#include "search/analyzer.hpp"
#include "app/register.hpp"
#include "search/search.hpp"
#include "store/store.hpp"

using namespace koers;
namespace fs = std::filesystem;

namespace {

// The registry name of the generated innovations (bron.registry).
constexpr const char* kRegistry = "bench";

using Steady = std::chrono::steady_clock;
double Seconds(Steady::time_point since) { return std::chrono::duration<double>(Steady::now() - since).count(); }

void Metric(const std::string& name, double value) { std::printf("metric %s %.6g\n", name.c_str(), value); }

// A small deterministic generator (splitmix64): the same seed gives the same
// corpus and queries with any standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0) < p; }

 private:
  uint64_t s_;
};

// The search settings `koers serve` uses for a database (cli.cpp, SearchOptionsFor).
SearchOptions ServerSearchOptions(const std::string& db, const std::string& data_dir) {
  SearchOptions o;
  o.path = db + ".zoek";
  o.synonyms_file = data_dir + "/search/synoniemen.txt";
  if (fs::exists("/usr/share/hunspell/nl.dic")) o.hunspell_file = "/usr/share/hunspell/nl.dic";
  if (fs::exists(data_dir + "/geo/gemeente-provincie.csv")) o.provinces_file = data_dir + "/geo/gemeente-provincie.csv";
  return o;
}

std::unique_ptr<Store> OpenStoreOrDie(const std::string& db) {
  auto store = OpenStore(db);
  if (!store.ok()) {
    std::fprintf(stderr, "store %s: %s\n", db.c_str(), store.error().message.c_str());
    std::exit(1);
  }
  return std::move(store).value();
}

// Content words of a text as the analysis sees them (folded, no stop words,
// no numbers, at least `min_size` bytes).
std::vector<std::string> ContentWords(const std::string& text, size_t min_size) {
  std::vector<std::string> out;
  for (auto& w : search::Words(text)) {
    if (w.size() < min_size || search::IsStopword(w)) continue;
    if (std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c); })) continue;
    out.push_back(std::move(w));
  }
  return out;
}

// Sentences: split after . ! ? followed by a space.
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ') {
      out.push_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
  return s;
}

// "Gemeente Aa en Hunze" -> "Aa en Hunze": the place name as texts mention it.
std::string PlaceName(const std::string& naam) {
  static const std::string kPrefix = "Gemeente ";
  return naam.rfind(kPrefix, 0) == 0 ? naam.substr(kPrefix.size()) : std::string();
}

// Replaces some words of at least five ASCII letters with words of another
// record, so copies do not share all their vocabulary.
std::string SwapWords(const std::string& text, const std::vector<std::string>& donor, double p, Rng& rng) {
  if (donor.empty()) return text;
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j])) &&
           !(static_cast<unsigned char>(text[j]) & 0x80))
      ++j;
    if (j == i) {
      out += text[i++];
      continue;
    }
    bool whole_word = (j == text.size() || !(static_cast<unsigned char>(text[j]) & 0x80)) &&
                      (i == 0 || !(static_cast<unsigned char>(text[i - 1]) & 0x80));
    if (whole_word && j - i >= 5 && rng.Chance(p)) {
      out += donor[rng.Below(donor.size())];
    } else {
      out.append(text, i, j - i);
    }
    i = j;
  }
  return out;
}

struct Original {
  Innovation in;               // as the importer maps it
  std::string org_naam;        // organisation name as in the table
  std::vector<std::string> words;  // content words of title and doel (donor material)
};

// COPY text format: backslash, tab, newline and carriage return escaped.
std::string CopyField(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

std::string UrlEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// One plain-Dutch query: 2-6 content words of a real record, mostly a run
// of neighbouring words as someone would retell it, sometimes with stop
// words in between.
std::string MakeQuery(const std::vector<Original>& originals, Rng& rng) {
  static const char* kGlue[] = {"van de", "in het", "voor de", "met een", "bij de", "op het", "van het", "en"};
  for (;;) {
    const Original& o = originals[rng.Below(originals.size())];
    std::vector<std::string> pool = ContentWords(rng.Chance(0.4) ? o.in.titel : o.in.titel + " " + o.in.doel, 3);
    // Distinct words, in text order.
    std::vector<std::string> uniq;
    std::set<std::string> seen;
    for (auto& w : pool)
      if (seen.insert(w).second) uniq.push_back(w);
    if (uniq.size() < 2) continue;
    size_t n = std::min<size_t>(2 + rng.Below(5), uniq.size());
    std::vector<std::string> words;
    if (rng.Chance(0.6)) {
      size_t start = rng.Below(uniq.size() - n + 1);
      words.assign(uniq.begin() + start, uniq.begin() + start + n);
    } else {
      std::vector<size_t> idx(uniq.size());
      for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
      for (size_t i = 0; i < n; ++i) std::swap(idx[i], idx[i + rng.Below(idx.size() - i)]);
      idx.resize(n);
      std::sort(idx.begin(), idx.end());
      for (size_t i : idx) words.push_back(uniq[i]);
    }
    std::string q;
    bool glue = rng.Chance(0.35);
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) {
        q += ' ';
        if (glue && rng.Chance(0.5)) q += std::string(kGlue[rng.Below(std::size(kGlue))]) + " ";
      }
      q += words[i];
    }
    return q;
  }
}

struct GenerateArgs {
  std::string db;
  std::string data_dir = KOERS_DEFAULT_DATA_DIR;
  std::string out;
  int n = 100000;
  int queries = 3000;
  uint64_t seed = 6;
};

int Generate(const GenerateArgs& a) {
  auto start = Steady::now();
  auto store = OpenStoreOrDie(a.db);

  // The search index exists (empty of benchmark documents) before the
  // documents arrive, so that `index` opens it as the server would and then
  // times one rebuild, rather than a rebuild hidden in the open.
  {
    auto index = OpenXapianIndex(ServerSearchOptions(a.db, a.data_dir), *store);
    if (!index.ok()) {
      std::fprintf(stderr, "search index: %s\n", index.error().message.c_str());
      return 1;
    }
  }

  // The real records, mapped as the importer maps them.
  OrganisationMatcher matcher;
  auto null_index = MakeNullSearchIndex();
  SystemClock clock;
  Register reg(*store, *null_index, clock);
  auto orgs = reg.AllOrganisations();
  if (!orgs.ok()) return 1;
  if (orgs.value().size() < 100) {
    std::fprintf(stderr, "the store has %zu organisations; run `koers demo --db %s` first\n", orgs.value().size(),
                 a.db.c_str());
    return 1;
  }
  for (const auto& o : orgs.value()) matcher.Add(o.naam, o.code);
  auto aliases = ReadFile(a.data_dir + "/organisaties/aliassen.csv", 1u << 20);
  if (aliases.ok()) {
    auto lines = Split(aliases.value(), '\n');
    for (size_t i = 1; i < lines.size(); ++i) {
      auto f = Split(lines[i], ';');
      if (f.size() == 2) matcher.AddAlias(Trim(f[0]), Trim(f[1]));
    }
  }
  auto content = ReadFile(a.data_dir + "/algoritmeregister/algoritmes.json");
  if (!content.ok()) {
    std::fprintf(stderr, "%s\n", content.error().message.c_str());
    return 1;
  }
  auto mapped = MapAlgoritmeregister(content.value(), matcher);
  if (!mapped.ok()) {
    std::fprintf(stderr, "%s\n", mapped.error().message.c_str());
    return 1;
  }
  RegisterBatch& batch = mapped.value();

  std::map<std::string, Organisation> by_code;
  std::map<std::string, std::vector<const Organisation*>> by_kind;
  for (const auto& o : orgs.value()) by_code[o.code] = o;
  for (const auto& o : batch.new_organisations) by_code[o.code] = o;
  for (const auto& [code, o] : by_code) by_kind[o.soort].push_back(&o);
  const auto& gemeenten = by_kind["gemeente"];
  if (gemeenten.empty()) {
    std::fprintf(stderr, "no municipalities in the store\n");
    return 1;
  }

  std::vector<Original> originals;
  for (auto& in : batch.innovations) {
    Original o;
    o.org_naam = by_code.count(in.organisatie) ? by_code[in.organisatie].naam : in.organisatie;
    o.words = ContentWords(in.titel + " " + in.doel, 5);
    o.in = std::move(in);
    originals.push_back(std::move(o));
  }
  if (originals.empty()) return 1;
  std::fprintf(stderr, "%zu records of the register as originals, %zu organisations\n", originals.size(),
               by_code.size());

  fs::create_directories(a.out);
  std::ofstream docs(a.out + "/docs.tsv", std::ios::binary);
  Rng rng(a.seed);
  const Actor generator = Actor::System("zoekbenchmark");

  std::vector<Innovation> pending;
  std::vector<Organisation> new_orgs = batch.new_organisations;
  int inserted = 0, invalid = 0;
  double store_seconds = 0;
  auto flush = [&]() -> bool {
    if (pending.empty()) return true;
    auto t = Steady::now();
    auto counts = reg.Import(new_orgs, pending, generator);
    store_seconds += Seconds(t);
    if (!counts.ok()) {
      std::fprintf(stderr, "import: %s\n", counts.error().message.c_str());
      for (const auto& p : counts.error().problems) std::fprintf(stderr, "  %s: %s\n", p.field.c_str(), p.message.c_str());
      return false;
    }
    inserted += counts.value().toegevoegd + counts.value().gewijzigd;
    new_orgs.clear();
    pending.clear();
    return true;
  };

  const size_t m = originals.size();
  for (int idx = 0; idx < a.n; ++idx) {
    const Original& o = originals[idx % m];
    const size_t copy = idx / m;
    Innovation in = o.in;
    std::string org_naam = o.org_naam;
    in.bron->registry = kRegistry;
    in.bron->id = o.in.bron->id + "-" + std::to_string(copy);
    in.bron->url.clear();
    if (copy > 0) {
      // Another organisation of the same kind where the table has enough of
      // them; else a municipality.
      auto kind = by_kind.find(by_code.count(in.organisatie) ? by_code[in.organisatie].soort : "");
      const auto& candidates = kind != by_kind.end() && kind->second.size() >= 5 ? kind->second : gemeenten;
      size_t pick = rng.Below(candidates.size());
      if (candidates[pick]->code == in.organisatie) pick = (pick + 1 + rng.Below(candidates.size() - 1)) % candidates.size();
      const Organisation* to = candidates[pick];
      std::string from_place = PlaceName(o.org_naam), to_place = PlaceName(to->naam);
      in.organisatie = to->code;
      org_naam = to->naam;

      const Original& donor = originals[rng.Below(m)];
      // Doel: drop some sentences, swap a few around, borrow some words.
      auto sentences = Sentences(in.doel);
      std::vector<std::string> kept;
      for (auto& s : sentences)
        if (!rng.Chance(0.25)) kept.push_back(std::move(s));
      if (kept.empty() && !sentences.empty()) kept.push_back(sentences[rng.Below(sentences.size())]);
      if (kept.size() >= 2 && rng.Chance(0.5)) {
        for (size_t swaps = 1 + rng.Below(2); swaps > 0; --swaps)
          std::swap(kept[rng.Below(kept.size())], kept[rng.Below(kept.size())]);
      }
      std::string doel;
      for (const auto& s : kept) doel += (doel.empty() ? "" : " ") + s;
      doel = SwapWords(doel, donor.words, 0.08, rng);
      std::string titel = rng.Chance(0.3) ? SwapWords(in.titel, donor.words, 0.3, rng) : in.titel;
      if (!from_place.empty() && !to_place.empty()) {
        doel = ReplaceAll(doel, from_place, to_place);
        titel = ReplaceAll(titel, from_place, to_place);
      }
      std::string suffix = " " + std::to_string(copy + 1);
      if (Utf8Length(titel) + suffix.size() <= limits::kTitle) titel += suffix;
      in.titel = titel;
      in.doel = doel;
    }
    Normalise(&in);
    if (!Validate(in).empty()) {
      ++invalid;
      continue;
    }
    docs << (idx + 1) << '\t' << CopyField(in.titel) << '\t' << CopyField(in.doel) << '\t' << CopyField(org_naam)
         << '\n';
    pending.push_back(std::move(in));
    if (pending.size() == 5000 && !flush()) return 1;
    if ((idx + 1) % 20000 == 0) std::fprintf(stderr, "  %d innovations\n", idx + 1);
  }
  if (!flush()) return 1;
  docs.close();
  if (!docs) {
    std::fprintf(stderr, "cannot write %s/docs.tsv\n", a.out.c_str());
    return 1;
  }

  // Queries: the hand-judged problem statements, then generated ones.
  std::vector<std::string> queries;
  auto eval = ReadFile(a.data_dir + "/search/evaluatie.json");
  if (!eval.ok()) {
    std::fprintf(stderr, "%s\n", eval.error().message.c_str());
    return 1;
  }
  const nlohmann::json judged_doc = nlohmann::json::parse(eval.value(), nullptr, false);
  if (!judged_doc.is_object() || !judged_doc.contains("vragen") || !judged_doc["vragen"].is_array()) {
    std::fprintf(stderr, "evaluatie.json has no list 'vragen'\n");
    return 1;
  }
  for (const auto& q : judged_doc["vragen"]) queries.push_back(q.value("vraag", ""));
  const size_t judged = queries.size();
  Rng qrng(a.seed * 7919 + 1);
  while (queries.size() < static_cast<size_t>(a.queries)) queries.push_back(MakeQuery(originals, qrng));
  std::ofstream qf(a.out + "/queries.tsv", std::ios::binary);
  std::ofstream pf(a.out + "/paths.txt", std::ios::binary);
  for (size_t i = 0; i < queries.size(); ++i) {
    qf << (i + 1) << '\t' << CopyField(queries[i]) << '\n';
    pf << "/api/v1/innovaties/_zoek?q=" << UrlEncode(queries[i]) << "&paginaGrootte=10\n";
  }
  qf.close();
  pf.close();
  if (!qf || !pf) {
    std::fprintf(stderr, "cannot write the query files in %s\n", a.out.c_str());
    return 1;
  }
  std::fprintf(stderr, "%d innovations stored (%d invalid skipped), %zu queries (%zu judged)\n", inserted, invalid,
               queries.size(), judged);
  Metric("innovations", inserted);
  Metric("invalid", invalid);
  Metric("queries", static_cast<double>(queries.size()));
  Metric("queries_judged", static_cast<double>(judged));
  Metric("store_insert_s", store_seconds);
  Metric("generate_s", Seconds(start));
  return inserted > 0 ? 0 : 1;
}

int64_t DirBytes(const fs::path& dir) {
  int64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += static_cast<int64_t>(e.file_size(ec));
  return total;
}

int Index(const std::string& db, const std::string& data_dir) {
  auto store = OpenStoreOrDie(db);
  // The rebuild reads every innovation from the store, so the queue of
  // changes the generator left is covered by it; dropped here so the open
  // below does not index them one by one first.
  auto head = store->Read([](Work& w) { return w.changes().Head(); });
  if (!head.ok() || !store->Write([&](Work& w) { return w.changes().Done(kSearchConsumer, head.value()); }).ok()) return 1;


  SearchOptions options = ServerSearchOptions(db, data_dir);
  auto t = Steady::now();
  auto index = OpenXapianIndex(options, *store);
  if (!index.ok()) {
    std::fprintf(stderr, "search index: %s\n", index.error().message.c_str());
    return 1;
  }
  double open_s = Seconds(t);
  t = Steady::now();
  Status st = index.value()->Rebuild(*store);
  double rebuild_s = Seconds(t);
  if (!st.ok()) {
    std::fprintf(stderr, "rebuild: %s\n", st.error().message.c_str());
    return 1;
  }
  Metric("koers_open_s", open_s);
  Metric("koers_rebuild_s", rebuild_s);
  Metric("koers_index_mb", DirBytes(options.path) / 1048576.0);
  return 0;
}

// Nearest-rank percentile of sorted values.
double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * sorted.size()));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

int Query(const std::string& db, const std::string& data_dir, const std::string& file, size_t warmup, int facet_depth) {
  auto store = OpenStoreOrDie(db);
  auto text = ReadFile(file);
  if (!text.ok()) {
    std::fprintf(stderr, "%s\n", text.error().message.c_str());
    return 1;
  }
  std::vector<std::string> queries;
  for (const auto& line : Split(text.value(), '\n')) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) queries.push_back(line.substr(tab + 1));  // no escapes in queries
  }
  if (queries.empty()) {
    std::fprintf(stderr, "no queries in %s\n", file.c_str());
    return 1;
  }
  SearchOptions options = ServerSearchOptions(db, data_dir);
  if (facet_depth >= 0) options.facet_depth = facet_depth;
  auto index = OpenXapianIndex(options, *store);
  if (!index.ok()) {
    std::fprintf(stderr, "search index: %s\n", index.error().message.c_str());
    return 1;
  }
  // As the API calls it for GET /api/v1/innovaties/_zoek?q=...&paginaGrootte=10
  // without a session: anonymous viewer, first page of 10, no filters.
  auto search = [&](const std::string& q, int64_t* totaal) -> bool {
    SearchQuery query;
    query.text = q;
    query.offset = 0;
    query.limit = 10;
    query.viewer = SearchViewer{};
    for (const char* f : {"domein", "fase", "status", "techniek", "organisatieSoort", "provincie", "organisatie"})
      query.filters[f] = "";
    auto r = index.value()->Search(query);
    if (!r.ok()) {
      std::fprintf(stderr, "search '%s': %s\n", q.c_str(), r.error().message.c_str());
      return false;
    }
    *totaal = r.value().totaal;
    return true;
  };
  int64_t totaal = 0;
  for (size_t i = 0; i < queries.size() && i < warmup; ++i)
    if (!search(queries[i], &totaal)) return 1;
  std::vector<double> ms;
  ms.reserve(queries.size());
  int with_hits = 0;
  double sum = 0;
  for (const auto& q : queries) {
    auto t = Steady::now();
    bool ok = search(q, &totaal);
    double d = std::chrono::duration<double, std::milli>(Steady::now() - t).count();
    if (!ok) return 1;
    ms.push_back(d);
    sum += d;
    if (totaal > 0) ++with_hits;
  }
  std::sort(ms.begin(), ms.end());
  Metric("koers_queries", static_cast<double>(ms.size()));
  Metric("koers_with_hits", with_hits);
  Metric("koers_p50_ms", Percentile(ms, 50));
  Metric("koers_p99_ms", Percentile(ms, 99));
  Metric("koers_mean_ms", sum / ms.size());
  Metric("koers_max_ms", ms.back());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Search benchmark (issue 6): the Koers side in-process; see bench/search_bench.sh."};
  app.require_subcommand(1);
  GenerateArgs g;
  auto* generate = app.add_subcommand("generate", "Fill the store with N varied innovations; write docs and queries");
  generate->add_option("--db", g.db, "SQLite database (made by `koers demo`)")->required();
  generate->add_option("--n", g.n, "Number of innovations")->check(CLI::Range(1, 10000000));
  generate->add_option("--queries", g.queries, "Number of queries, the judged ones included")->check(CLI::Range(1, 1000000));
  generate->add_option("--out", g.out, "Directory for docs.tsv, queries.tsv and paths.txt")->required();
  generate->add_option("--seed", g.seed, "Seed of the generator");
  generate->add_option("--data", g.data_dir, "Data directory of the repository");

  std::string db, data_dir = KOERS_DEFAULT_DATA_DIR, queries;
  auto* index = app.add_subcommand("index", "Time a rebuild of the search index of the database");
  index->add_option("--db", db, "SQLite database")->required();
  index->add_option("--data", data_dir, "Data directory of the repository");
  auto* query = app.add_subcommand("query", "In-process search latency over a query file");
  query->add_option("--db", db, "SQLite database")->required();
  query->add_option("--queries", queries, "queries.tsv from generate")->required();
  query->add_option("--data", data_dir, "Data directory of the repository");
  size_t warmup = 500;
  query->add_option("--warmup", warmup, "Queries (from the start of the file) run once before the timed pass");
  int facet_depth = -1;
  query->add_option("--facet-depth", facet_depth,
                    "Diagnosis only: facet counts over this many matches instead of the server's setting")
      ->check(CLI::Range(0, 1000000));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (sodium_init() < 0) return 1;
  log::SetLevel(log::Level::kWarn);
  if (generate->parsed()) return Generate(g);
  if (index->parsed()) return Index(db, data_dir);
  if (query->parsed()) return Query(db, data_dir, queries, warmup, facet_depth);
  return 2;
}
