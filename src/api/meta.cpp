// Handlers that describe the API and the register as a whole.
#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/openapi_document.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "api/response_cache.hpp"
#include "app/register.hpp"
#include "domain/vocabulary.hpp"

namespace koers::api {

http::Response GetWaardelijsten(Services&, const Call& c) {
  const http::Request& req = c.req;
  QueryReader q(req, {});
  if (!q.ok()) return Problem(q.error(), req.path);
  static const std::string kBody = [] {
    nlohmann::json lists = nlohmann::json::object();
    for (const Vocabulary* v : vocab::All()) {
      nlohmann::json entries = nlohmann::json::array();
      for (const auto& e : v->entries) entries.push_back({{"waarde", e.value}, {"label", e.label}});
      lists[std::string(v->name)] = std::move(entries);
    }
    return nlohmann::json{{"waardelijsten", std::move(lists)}}.dump();
  }();
  return JsonResponse(200, kBody);
}

http::Response GetStatistieken(Services& s, const Call& c) {
  const http::Request& req = c.req;
  QueryReader q(req, {});
  if (!q.ok()) return Problem(q.error(), req.path);
  auto counter = s.reg.ChangeCounter();
  if (!counter.ok()) return Problem(counter.error(), req.path);
  std::string key = "statistieken:" + std::to_string(counter.value()) + ":" + ViewerKey(c.actor);
  if (auto body = s.cache.Get(key)) return JsonResponse(200, std::move(body));
  nlohmann::json out = nlohmann::json::object();
  int64_t total = 0;
  for (const char* group : {"fase", "status", "domein"}) {
    auto rows = s.reg.Count(group, c.actor);
    if (!rows.ok()) return Problem(rows.error(), req.path);
    nlohmann::json counts = nlohmann::json::array();
    int64_t sum = 0;
    for (const auto& r : rows.value()) {
      counts.push_back({{"waarde", r.sleutel.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.sleutel)},
                        {"aantal", r.aantal}});
      sum += r.aantal;
    }
    out[std::string("per") + static_cast<char>(std::toupper(group[0])) + (group + 1)] = std::move(counts);
    total = sum;
  }
  out["totaal"] = total;
  auto body = std::make_shared<const std::string>(out.dump());
  s.cache.Put(key, body);
  return JsonResponse(200, std::move(body));
}

http::Response GetOpenApi(Services&, const Call&) {
  http::Response res = JsonResponse(200, std::string(OpenApiDocument()));
  res.SetHeader("Access-Control-Allow-Origin", "*");
  return res;
}

}  // namespace koers::api
