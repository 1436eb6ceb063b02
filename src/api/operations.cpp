#include "api/operations.hpp"

#include <sodium.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "api/problem.hpp"
#include "app/register.hpp"

namespace koers::api {
namespace {

// A label value in the text format: backslash, quote and newline escaped.
std::string Label(std::string_view v) {
  std::string out;
  for (char ch : v) {
    if (ch == '\\' || ch == '"') out += '\\';
    out += ch == '\n' ? 'n' : ch;
  }
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

http::Response Text(int status, std::string body, std::string type) {
  http::Response res;
  res.status = status;
  res.body = std::move(body);
  res.content_type = std::move(type);
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

bool CarriesToken(const http::Request& req, const std::string& token) {
  std::string_view given = req.Header("authorization");
  if (given.rfind("Bearer ", 0) != 0) return false;
  given.remove_prefix(7);
  return given.size() == token.size() && sodium_memcmp(given.data(), token.data(), token.size()) == 0;
}

}  // namespace

void Metrics::Record(std::string_view route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), status}];
  Histogram& h = durations_[std::string(route)];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Render(const std::vector<std::tuple<std::string, std::string, double>>& gauges) const {
  std::string out;
  {
    std::lock_guard lock(mutex_);
    out += "# HELP koers_http_requests_total Answered requests by route and status.\n";
    out += "# TYPE koers_http_requests_total counter\n";
    for (const auto& [key, n] : requests_)
      out += "koers_http_requests_total{route=\"" + Label(key.first) + "\",status=\"" + std::to_string(key.second) +
             "\"} " + std::to_string(n) + "\n";
    out += "# HELP koers_http_request_duration_seconds Time to answer a request, by route.\n";
    out += "# TYPE koers_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : durations_) {
      const std::string r = "route=\"" + Label(route) + "\"";
      for (size_t i = 0; i < kBuckets.size(); ++i)
        out += "koers_http_request_duration_seconds_bucket{" + r + ",le=\"" + Number(kBuckets[i]) + "\"} " +
               std::to_string(h.buckets[i]) + "\n";
      out += "koers_http_request_duration_seconds_bucket{" + r + ",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
      out += "koers_http_request_duration_seconds_sum{" + r + "} " + Number(h.sum) + "\n";
      out += "koers_http_request_duration_seconds_count{" + r + "} " + std::to_string(h.count) + "\n";
    }
  }
  for (const auto& [name, help, value] : gauges) {
    out += "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n";
    out += name + " " + Number(value) + "\n";
  }
  return out;
}

std::optional<http::Response> Operations(const http::Request& req, Register& reg, const Metrics& metrics,
                                         const std::string& metrics_token) {
  const bool read = req.method == "GET" || req.method == "HEAD";
  if (req.path == "/health/live") {
    if (!read) return Problem(405, "Dit adres kan alleen worden opgevraagd (GET).", req.path);
    return Text(200, nlohmann::json{{"status", "in leven"}}.dump(), "application/json");
  }
  if (req.path == "/health/ready") {
    if (!read) return Problem(405, "Dit adres kan alleen worden opgevraagd (GET).", req.path);
    auto counter = reg.ChangeCounter();
    if (!counter.ok()) return Problem(503, "De database antwoordt niet.", req.path);
    auto index = reg.SearchHealth();
    if (!index.ok()) return Problem(503, "De zoekindex antwoordt niet.", req.path);
    nlohmann::json body = {{"status", "gereed"},
                           {"zoekindex", {{"documenten", index.value().documenten},
                                          {"achterstand", index.value().achterstand}}}};
    return Text(200, body.dump(), "application/json");
  }
  if (req.path == "/metrics") {
    if (metrics_token.empty() || !CarriesToken(req, metrics_token))
      return Problem(404, "Dit adres bestaat niet.", req.path);
    if (!read) return Problem(405, "Dit adres kan alleen worden opgevraagd (GET).", req.path);
    std::vector<std::tuple<std::string, std::string, double>> gauges;
    auto start = std::chrono::steady_clock::now();
    auto counter = reg.ChangeCounter();
    const double store_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    gauges.emplace_back("koers_store_up", "1 when the database answers.", counter.ok() ? 1 : 0);
    gauges.emplace_back("koers_store_probe_seconds", "Time the database took to answer a probe.", store_seconds);
    if (auto index = reg.SearchHealth(); index.ok()) {
      gauges.emplace_back("koers_search_documents", "Documents in this process's search index.",
                          static_cast<double>(index.value().documenten));
      gauges.emplace_back("koers_search_outbox_lag", "Changes in the feed this process's search index has not absorbed.",
                          static_cast<double>(index.value().achterstand));
    }
    return Text(200, metrics.Render(gauges), "text/plain; version=0.0.4; charset=utf-8");
  }
  return std::nullopt;
}

}  // namespace koers::api
