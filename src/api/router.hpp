// The route table of the API: every route in one list (api/routes.cpp), each
// a function from request to response. The OpenAPI document must describe
// exactly these routes (tests/api checks it).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace koers {
class Register;
}

namespace koers::api {

class ResponseCache;

// What handlers may use. Borrowed; outlives every request.
struct Services {
  Register& reg;
  ResponseCache& cache;
};

// Path parameters by name, in pattern order.
struct Params {
  std::vector<std::pair<std::string, std::string>> values;
  const std::string& Get(std::string_view name) const;
};

using HandlerFn = http::Response (*)(Services&, const http::Request&, const Params&);

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
