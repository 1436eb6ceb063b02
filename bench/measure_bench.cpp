// The measurement benchmark of issue 7: importing measurement rows from a
// Dutch Excel CSV and the aggregation behind the dashboards (per
// municipality and year), Koers against DuckDB. This tool writes the CSV
// both sides read and does the Koers side in-process, through the same calls
// as POST /api/v1/indicatoren/{id}/metingen and the dashboard
// (app/indicators.cpp); bench/measure_bench.mjs does the DuckDB side and
// bench/measure_bench.sh drives both.
//
//   koers_measure_bench generate --out FILE --rows N [--data DIR] [--seed S]
//       Writes FILE as Dutch Excel saves it (UTF-8 BOM, ';', decimal comma,
//       CRLF) with the header periode;gebied;waarde;aantal: every WK code of
//       the CBS 2024 list (that Koers accepts) times consecutive months from 2000-01 until N rows.
//   koers_measure_bench import --db PATH --csv FILE [--data DIR]
//       Adds an indicator (per WK, CBS 2024) to the first innovation of the
//       store (which `koers demo` made) and imports FILE into it, timed:
//       reading the file, ReadCsv, ParseMeasurements (with the check against
//       the CBS codes) and Store::ImportMeasurements (one transaction).
//   koers_measure_bench aggregate --db PATH --indicator ID [--runs N]
//       Store::AggregateMeasurements N times (5); the median and the first.
//
// Results go to stdout as `metric NAME VALUE` lines; progress to stderr.
#include <sodium.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/file_io.hpp"
#include "core/log.hpp"
#include "domain/indicator.hpp"
#include "formats/area_codes.hpp"
#include "formats/measurement_import.hpp"
#include "formats/table_reader.hpp"
#include "store/store.hpp"

using namespace koers;

namespace {

using Steady = std::chrono::steady_clock;
double Seconds(Steady::time_point since) { return std::chrono::duration<double>(Steady::now() - since).count(); }

void Metric(const std::string& name, double value) { std::printf("metric %s %.6g\n", name.c_str(), value); }
// Exact figures, compared with DuckDB's by the driver script.
void MetricInt(const std::string& name, int64_t value) { std::printf("metric %s %" PRId64 "\n", name.c_str(), value); }
void MetricSum(const std::string& name, double value) { std::printf("metric %s %.15g\n", name.c_str(), value); }

// A small deterministic generator (splitmix64): the same seed gives the same
// file with any standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint64_t Below(uint64_t n) { return n == 0 ? 0 : Next() % n; }

 private:
  uint64_t s_;
};

std::string CbsFile(const std::string& data_dir) { return data_dir + "/cbs/cbs_kwb2024_gm_wk_stripped.json"; }

Result<AreaCodes> LoadCodes(const std::string& data_dir) { return ReadAreaCodes(CbsFile(data_dir), 2024); }

std::unique_ptr<Store> OpenStoreOrDie(const std::string& db) {
  auto store = OpenStore(db);
  if (!store.ok()) {
    std::fprintf(stderr, "store %s: %s\n", db.c_str(), store.error().message.c_str());
    std::exit(1);
  }
  return std::move(store).value();
}

int Generate(const std::string& out, int64_t rows, const std::string& data_dir, uint64_t seed) {
  auto codes = LoadCodes(data_dir);
  if (!codes.ok()) {
    std::fprintf(stderr, "%s\n", codes.error().message.c_str());
    return 1;
  }
  // Sorted (AreaCodes keeps a std::set). Only the codes Koers accepts: the
  // list also has Amsterdam's 110 wijken as WK0363AA .. (letters), which
  // IsAreaCode refuses (WK + 6 digits), so a file with them would not import.
  std::vector<std::string> wijken;
  int64_t skipped = 0;
  for (const auto& c : codes.value().codes) {
    if (c.rfind("WK", 0) != 0) continue;
    if (IsAreaCode("WK", c)) {
      wijken.push_back(c);
    } else {
      ++skipped;
    }
  }
  if (wijken.empty()) {
    std::fprintf(stderr, "no WK codes in %s\n", CbsFile(data_dir).c_str());
    return 1;
  }
  std::ofstream f(out, std::ios::binary);
  f << "\xef\xbb\xbf" << "periode;gebied;waarde;aantal\r\n";
  Rng rng(seed);
  int64_t written = 0, empty_aantal = 0;
  int month = 0;  // 0 = 2000-01
  char line[96];
  while (written < rows) {
    const int year = 2000 + month / 12, mm = month % 12 + 1;
    for (size_t w = 0; w < wijken.size() && written < rows; ++w, ++written) {
      // Values as Excel writes them: 1234,5 or 17 (no thousands separator),
      // now and then negative; the count of people sometimes left empty.
      const uint64_t r = rng.Next();
      const int64_t tenths = static_cast<int64_t>(r % 200000);
      const bool negative = (r >> 20) % 50 == 0;
      const bool whole = (r >> 28) % 10 == 0;
      char waarde[32];
      if (whole) {
        std::snprintf(waarde, sizeof waarde, "%s%" PRId64, negative ? "-" : "", tenths / 10);
      } else {
        std::snprintf(waarde, sizeof waarde, "%s%" PRId64 ",%" PRId64, negative ? "-" : "", tenths / 10, tenths % 10);
      }
      char aantal[24] = "";
      if ((r >> 36) % 33 == 0) {
        ++empty_aantal;
      } else {
        std::snprintf(aantal, sizeof aantal, "%" PRId64, static_cast<int64_t>(rng.Below(5000)));
      }
      int n = std::snprintf(line, sizeof line, "%04d-%02d;%s;%s;%s\r\n", year, mm, wijken[w].c_str(), waarde, aantal);
      f.write(line, n);
    }
    ++month;
  }
  f.close();
  if (!f) {
    std::fprintf(stderr, "cannot write %s\n", out.c_str());
    return 1;
  }
  std::fprintf(stderr, "%" PRId64 " rows: %zu WK codes x %d months (2000-01 on); %" PRId64
               " WK codes of the list skipped (not WK + 6 digits)\n",
               written, wijken.size(), month, skipped);
  MetricInt("rows", written);
  MetricInt("wk_codes", static_cast<int64_t>(wijken.size()));
  MetricInt("wk_codes_skipped", skipped);
  MetricInt("months", month);
  MetricInt("empty_aantal", empty_aantal);
  return 0;
}

int Import(const std::string& db, const std::string& csv, const std::string& data_dir) {
  auto store = OpenStoreOrDie(db);
  auto ids = store->Read([](Work& w) { return w.innovations().Ids(0, 1); });
  if (!ids.ok() || ids.value().empty()) {
    std::fprintf(stderr, "the store has no innovation; run `koers demo --db %s` first\n", db.c_str());
    return 1;
  }
  const TimePoint now = std::chrono::system_clock::now();

  Indicator ind;
  ind.innovatie_id = ids.value().front();
  ind.naam = "Benchmark: meldingen per wijk";
  ind.soort = "output";
  ind.eenheid = "aantal";
  ind.richting = "lager";
  ind.gebiedsniveau = "WK";
  ind.gebied_jaar = 2024;
  ind.optelbaar = true;
  auto saved = store->Write([&](Work& w) { return w.indicators().Save(ind, 0, now); });
  if (!saved.ok()) {
    std::fprintf(stderr, "indicator: %s\n", saved.error().message.c_str());
    return 1;
  }
  ind = saved.value();

  // The server loads the CBS codes once at start (app/indicators.cpp);
  // timed apart, not part of an import.
  auto t = Steady::now();
  auto codes = LoadCodes(data_dir);
  if (!codes.ok()) {
    std::fprintf(stderr, "%s\n", codes.error().message.c_str());
    return 1;
  }
  const double codes_s = Seconds(t);

  const auto start = Steady::now();
  t = start;
  auto bytes = ReadFile(csv, kMaxTableBytes + 1);
  if (!bytes.ok()) {
    std::fprintf(stderr, "%s\n", bytes.error().message.c_str());
    return 1;
  }
  const double read_s = Seconds(t);
  t = Steady::now();
  auto table = ReadCsv(bytes.value());
  if (!table.ok()) {
    std::fprintf(stderr, "ReadCsv: %s\n", table.error().message.c_str());
    for (const auto& p : table.error().problems) std::fprintf(stderr, "  %s: %s\n", p.field.c_str(), p.message.c_str());
    return 1;
  }
  const double csv_s = Seconds(t);
  t = Steady::now();
  ParsedMeasurements parsed = ParseMeasurements(table.value(), ind, &codes.value());
  const double parse_s = Seconds(t);
  if (parsed.aantal_fouten > 0) {
    std::fprintf(stderr, "%" PRId64 " problems in the file, first:\n", parsed.aantal_fouten);
    for (size_t i = 0; i < parsed.fouten.size() && i < 10; ++i)
      std::fprintf(stderr, "  regel %d %s: %s\n", parsed.fouten[i].regel, parsed.fouten[i].veld.c_str(),
                   parsed.fouten[i].melding.c_str());
    return 1;
  }
  // As Indicators::Import: the text is freed before storing.
  t = Steady::now();
  table = Error{};
  bytes = Error{};
  const double free_s = Seconds(t);
  t = Steady::now();
  // As Indicators::Import stores them: one unit of work.
  auto counts = store->Write([&](Work& w) { return w.indicators().Upsert(ind.id, parsed.metingen, now); });
  const double store_s = Seconds(t);
  const double total_s = Seconds(start);
  if (!counts.ok()) {
    std::fprintf(stderr, "ImportMeasurements: %s\n", counts.error().message.c_str());
    return 1;
  }
  const int64_t rows = static_cast<int64_t>(parsed.metingen.size());
  if (counts.value().toegevoegd != rows) {
    std::fprintf(stderr, "stored %d new rows of %" PRId64 "\n", counts.value().toegevoegd, rows);
    return 1;
  }
  std::fprintf(stderr, "imported %" PRId64 " rows in %.2f s\n", rows, total_s);
  MetricInt("koers_indicator", ind.id);
  MetricInt("koers_rows", rows);
  Metric("koers_codes_load_s", codes_s);
  Metric("koers_read_file_s", read_s);
  Metric("koers_read_csv_s", csv_s);
  Metric("koers_parse_s", parse_s);
  Metric("koers_free_s", free_s);
  Metric("koers_store_s", store_s);
  Metric("koers_import_s", total_s);
  return 0;
}

int Aggregate(const std::string& db, int64_t indicator, int runs) {
  auto store = OpenStoreOrDie(db);
  std::vector<double> seconds;
  std::vector<MeasurementAggregate> result;
  for (int i = 0; i < runs; ++i) {
    auto t = Steady::now();
    auto r = store->Read([&](Work& w) { return w.indicators().Aggregate(indicator); });
    seconds.push_back(Seconds(t));
    if (!r.ok()) {
      std::fprintf(stderr, "AggregateMeasurements: %s\n", r.error().message.c_str());
      return 1;
    }
    result = std::move(r).value();
  }
  const double first = seconds.front();
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[(seconds.size() - 1) / 2];
  // Check figures over the result, the same as measure_bench.mjs computes.
  int64_t counted = 0, aantal = 0, min_aantal = 0;
  double som = 0;
  for (const auto& a : result) {
    counted += a.metingen;
    som += a.som;
    aantal += a.aantal.value_or(0);
    min_aantal += a.kleinste_aantal.value_or(0);
  }
  MetricInt("koers_groups", static_cast<int64_t>(result.size()));
  MetricInt("koers_counted", counted);
  MetricInt("koers_sum_aantal", aantal);
  MetricInt("koers_sum_min_aantal", min_aantal);
  MetricSum("koers_sum_waarde", som);
  if (!result.empty()) {
    std::fprintf(stderr, "first group %s %s: som %.1f, gemiddelde %.3f, %" PRId64 " metingen\n",
                 result.front().gemeente.c_str(), result.front().jaar.c_str(), result.front().som,
                 result.front().gemiddelde, result.front().metingen);
  }
  Metric("koers_aggregate_first_s", first);
  Metric("koers_aggregate_median_s", median);
  Metric("koers_aggregate_min_s", seconds.front());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measurement benchmark (issue 7): the Koers side in-process; see bench/measure_bench.sh."};
  app.require_subcommand(1);
  std::string data_dir = KOERS_DEFAULT_DATA_DIR, out, db, csv;
  int64_t rows = 1000000, indicator = 0;
  uint64_t seed = 7;
  int runs = 5;
  auto* generate = app.add_subcommand("generate", "Write the CSV both sides import");
  generate->add_option("--out", out, "CSV file to write")->required();
  generate->add_option("--rows", rows, "Number of data rows")->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  generate->add_option("--data", data_dir, "Data directory of the repository");
  generate->add_option("--seed", seed, "Seed of the generator");
  auto* import = app.add_subcommand("import", "Add an indicator and import the CSV into it, timed");
  import->add_option("--db", db, "SQLite database (made by `koers demo`)")->required();
  import->add_option("--csv", csv, "CSV file from generate")->required();
  import->add_option("--data", data_dir, "Data directory of the repository");
  auto* aggregate = app.add_subcommand("aggregate", "Time Store::AggregateMeasurements");
  aggregate->add_option("--db", db, "SQLite database")->required();
  aggregate->add_option("--indicator", indicator, "Indicator id from import")->required();
  aggregate->add_option("--runs", runs, "Timed runs; the median is reported")->check(CLI::Range(1, 1000));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (sodium_init() < 0) return 1;
  log::SetLevel(log::Level::kWarn);
  if (generate->parsed()) return Generate(out, rows, data_dir, seed);
  if (import->parsed()) return Import(db, csv, data_dir);
  if (aggregate->parsed()) return Aggregate(db, indicator, runs);
  return 2;
}
