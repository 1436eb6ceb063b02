// The application's request handler: the middleware chain (request id,
// path checks, routing, security headers, access log) in front of the route
// table and the web front end.
#pragma once

#include "api/router.hpp"
#include "api/web_assets.hpp"
#include "http/message.hpp"

namespace koers::api {

struct ApiOptions {
  bool access_log = true;
};

class Api {
 public:
  // Borrows `services` and `web`; both must outlive the Api. Thread-safe.
  Api(Services& services, const WebAssets& web, ApiOptions options)
      : services_(services), web_(web), options_(options) {}

  http::Response Handle(http::Request& req);

 private:
  http::Response Dispatch(const http::Request& req);
  Services& services_;
  const WebAssets& web_;
  ApiOptions options_;
};

// The headers every answer carries (security headers; for /api also
// API-Version and Cache-Control). Used for answers the server gives itself.
void AddStandardHeaders(const std::string& path, http::Response* res);

// Upper bound of a request body for `path`.
size_t BodyLimitFor(const std::string& path);

}  // namespace koers::api
