// Outgoing HTTP(S) requests, for talking to an OpenID Connect provider.
// libcurl underneath; certificates are checked. Thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.hpp"

namespace koers::http {

struct ClientResponse {
  int status = 0;
  std::string body;
};

struct ClientRequest {
  std::string method = "GET";  // GET or POST
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string basic_user, basic_password;  // HTTP Basic authentication when set
  long timeout_seconds = 10;
  size_t max_body = 1u << 20;  // answers larger than this fail
};

// Performs the request. kIo when the server cannot be reached or answers
// with more than max_body; any HTTP status is a successful call.
Result<ClientResponse> Fetch(const ClientRequest& request);

// application/x-www-form-urlencoded body from key/value pairs.
std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace koers::http
