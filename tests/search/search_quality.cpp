// Search quality, measured: nDCG@10 of the zoekhulp over the hand-judged
// problem statements of data/search/evaluatie.json, and in the same run of a
// plain baseline (SQLite FTS5, unicode61, BM25, OR of the words), both over
// the real Algoritmeregister. Fails when Koers scores below the level
// recorded in tests/search/niveau.txt.
//   koers_search_quality [--verbose]
#include <sqlite3.h>
#include <sodium.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/indicators.hpp"
#include "app/register.hpp"
#include "app/steering.hpp"
#include "core/clock.hpp"
#include "core/file_io.hpp"
#include "core/log.hpp"
#include "importer/algoritmeregister.hpp"
#include "importer/demo.hpp"
#include "search/analyzer.hpp"
#include "search/search.hpp"
#include "store/store.hpp"

using namespace koers;
namespace fs = std::filesystem;

namespace {

double Ndcg10(const std::vector<std::string>& ranked, const std::map<std::string, int>& judged) {
  double dcg = 0;
  for (size_t i = 0; i < ranked.size() && i < 10; ++i) {
    auto it = judged.find(ranked[i]);
    int rel = it == judged.end() ? 0 : it->second;
    dcg += (std::pow(2.0, rel) - 1) / std::log2(i + 2.0);
  }
  std::vector<int> ideal;
  for (const auto& [id, rel] : judged) ideal.push_back(rel);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < 10; ++i) idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(i + 2.0);
  return idcg > 0 ? dcg / idcg : 0;
}

// The baseline: FTS5 with its default tokenizer, BM25, the words ORed.
class Baseline {
 public:
  explicit Baseline(const nlohmann::json& records) {
    sqlite3_open(":memory:", &db_);
    sqlite3_exec(db_, "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, titel, doel, tokenize='unicode61')", nullptr,
                 nullptr, nullptr);
    sqlite3_stmt* ins;
    sqlite3_prepare_v2(db_, "INSERT INTO docs (id, titel, doel) VALUES (?1, ?2, ?3)", -1, &ins, nullptr);
    for (const auto& r : records) {
      if (!r.is_object() || !r.contains("id")) continue;
      std::string id = r.value("id", ""), t = r.value("title", ""), d = r.value("doel", "");
      sqlite3_bind_text(ins, 1, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 2, t.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 3, d.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_step(ins);
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
  }
  ~Baseline() { sqlite3_close(db_); }
  std::vector<std::string> Search(const std::string& text) {
    std::string q;
    for (const auto& w : search::Words(text)) q += (q.empty() ? "" : " OR ") + ("\"" + w + "\"");
    std::vector<std::string> out;
    if (q.empty()) return out;
    sqlite3_stmt* s;
    sqlite3_prepare_v2(db_, "SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT 10", -1, &s, nullptr);
    sqlite3_bind_text(s, 1, q.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
  bool verbose = argc > 1 && std::string(argv[1]) == "--verbose";
  std::string only = argc > 2 && std::string(argv[1]) == "--vraag" ? argv[2] : "";
  if (sodium_init() < 0) return 2;
  log::SetLevel(log::Level::kWarn);
  std::string root = KOERS_SOURCE_DIR;
  std::string data = root + "/data";
  fs::path dir = fs::temp_directory_path() / ("koers-zoekkwaliteit-" + std::to_string(::getpid()));
  fs::create_directories(dir);

  auto store = OpenStore((dir / "koers.db").string());
  if (!store.ok()) return 2;
  SystemClock clock;
  auto null_index = MakeNullSearchIndex();
  Register reg(*store.value(), *null_index, clock);
  Steering steering(*store.value(), reg);
  AreaCodes no_codes;
  Indicators indicators(*store.value(), reg, steering, no_codes);
  if (!LoadDemo(reg, indicators, data).ok()) return 2;
  auto report = ImportAlgoritmeregister(reg, data + "/algoritmeregister/algoritmes.json", data);
  if (!report.ok()) return 2;
  SearchOptions options;
  options.path = (dir / "zoek").string();
  options.synonyms_file = data + "/search/synoniemen.txt";
  options.hunspell_file = "/usr/share/hunspell/nl.dic";
  options.provinces_file = data + "/geo/gemeente-provincie.csv";
  auto index = OpenXapianIndex(options, *store.value());
  if (!index.ok()) {
    std::fprintf(stderr, "%s\n", index.error().message.c_str());
    return 2;
  }
  // Innovation id -> register id.
  std::map<int64_t, std::string> register_id;
  InnovationFilter imported;
  imported.viewer.alles = true;
  imported.registry = "algoritmeregister";
  Status listed = store.value()->Read([&](Work& w) {
    return w.innovations().Each(imported, [&](const Innovation& in) {
      register_id[in.id] = in.bron->id;
      return true;
    });
  });
  if (!listed.ok()) return 2;

  auto raw = ReadFile(data + "/search/evaluatie.json");
  auto eval = nlohmann::json::parse(raw.value());
  auto records = nlohmann::json::parse(ReadFile(data + "/algoritmeregister/algoritmes.json").value())["algoritmes"];
  Baseline baseline(records);

  double koers_sum = 0, base_sum = 0;
  int n = 0;
  for (const auto& q : eval["vragen"]) {
    std::map<std::string, int> judged;
    for (const auto& [id, rel] : q["oordelen"].items()) judged[id] = rel.get<int>();
    SearchQuery query;
    query.text = q["vraag"];
    query.limit = 10;
    query.viewer.alles = true;
    auto result = index.value()->Search(query);
    std::vector<std::string> ranked;
    if (result.ok())
      for (const auto& h : result.value().hits) ranked.push_back(register_id.count(h.id) ? register_id[h.id] : "-");
    double k = Ndcg10(ranked, judged);
    if (!only.empty() && q.value("id", "") == only) {
      for (size_t r = 0; r < ranked.size(); ++r) {
        auto h = result.value().hits[r];
        auto j = nlohmann::json::parse(h.samenvatting_json);
        std::printf("  %zu. [%d] %.2f %s — %s\n", r + 1, judged.count(ranked[r]) ? judged[ranked[r]] : 0, h.score,
                    j.value("titel", "").c_str(), [&] { std::string w; for (auto& x : h.waarom) w += x + "; "; return w; }().c_str());
      }
      auto b = baseline.Search(query.text);
      std::printf("  baseline:");
      for (const auto& id : b) std::printf(" [%d]", judged.count(id) ? judged[id] : 0);
      std::printf("\n");
    }
    double b = Ndcg10(baseline.Search(query.text), judged);
    koers_sum += k;
    base_sum += b;
    ++n;
    if (verbose) std::printf("%-4s koers %.3f  basis %.3f  %s\n", q.value("id", "").c_str(), k, b, query.text.c_str());
  }
  double koers = koers_sum / n, base = base_sum / n;
  double level = 0;
  std::ifstream(root + "/tests/search/niveau.txt") >> level;
  std::printf("zoekkwaliteit over %d vragen: nDCG@10 koers %.3f, basislijn (FTS5 unicode61, BM25, OF) %.3f, vastgelegd niveau %.3f\n",
              n, koers, base, level);
  fs::remove_all(dir);
  if (koers + 0.005 < level) {
    std::printf("ZAKT: koers scoort onder het vastgelegde niveau\n");
    return 1;
  }
  return 0;
}
