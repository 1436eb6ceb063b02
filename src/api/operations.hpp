// What operators and their tools ask of a running process: is it alive, is
// it ready (store and search index answer), and its figures in the
// Prometheus text format. Outside /api: no session, no API version.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "http/message.hpp"

namespace koers {
class Register;
}  // namespace koers

namespace koers::api {

// Requests by route and status, and their durations as a histogram per
// route. Thread-safe.
class Metrics {
 public:
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5};
  void Record(std::string_view route, int status, double seconds);
  // Everything recorded, then `gauges` (name, help, value) as they are now.
  std::string Render(const std::vector<std::tuple<std::string, std::string, double>>& gauges) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> durations_;
};

// Answers /health/live, /health/ready and /metrics; nullopt for any other
// path. /metrics answers only when `metrics_token` is set and the request
// carries it as a bearer token; otherwise it does not exist (404).
std::optional<http::Response> Operations(const http::Request& req, Register& reg, const Metrics& metrics,
                                         const std::string& metrics_token);

}  // namespace koers::api
