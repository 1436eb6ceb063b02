// The route table of the API: every route in one list (api/routes.cpp), each
// a function from request to response. The OpenAPI document must describe
// exactly these routes (tests/api checks it).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

#include "domain/access.hpp"

namespace koers {
class Register;
class Accounts;
class AuditTrail;
class Steering;
class Clusters;
class Adoptions;
class MunicipalityMap;
class Diagnosis;
class Indicators;
class Portfolio;
class Learning;
class Networks;
class Missions;
}

namespace koers::api {

class ResponseCache;
class RateLimiter;
struct ApiOptions;

// What handlers may use. Borrowed; outlives every request.
struct Services {
  Register& reg;
  Accounts& accounts;
  AuditTrail& audit;
  Steering& steering;
  Clusters& clusters;
  Adoptions& adoptions;
  Diagnosis& diagnosis;
  Indicators& indicators;
  Portfolio& portfolio;
  Learning& learning;
  Networks& networks;
  Missions& missions;
  const MunicipalityMap* kaart;  // null when the boundaries are missing
  ResponseCache& cache;
  RateLimiter& limits;
  const ApiOptions& options;
};

// Path parameters by name, in pattern order.
struct Params {
  std::vector<std::pair<std::string, std::string>> values;
  const std::string& Get(std::string_view name) const;
  // A numeric path id: the dispatcher has checked it is an integer of at
  // least 1 (api/request_params.hpp, IsIntegerId).

  int64_t Id(std::string_view name) const;
};

// One call of a handler: the request, its path parameters, who makes it.
struct Call {
  const http::Request& req;
  const Params& params;
  const Actor& actor;
  const std::string& csrf_token;  // of the caller's session, empty otherwise
};

using HandlerFn = http::Response (*)(Services&, const Call&);

struct Route {
  std::string_view method;   // GET, POST, PUT, PATCH, DELETE
  std::string_view pattern;  // "/api/v1/innovaties/{id}"
  HandlerFn fn;
};

std::span<const Route> ApiRoutes();

// Finds the route for `req`. Returns nullptr when none matches; then
// `allowed` lists the methods the path does support (empty: unknown path).
const Route* Match(const http::Request& req, Params* params, std::string* allowed);

}  // namespace koers::api
