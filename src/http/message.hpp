// Transport-neutral HTTP request and response. Handlers in api/ see only
// these; Boost.Beast stays inside http/server.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace koers::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // raw request target: path and query
  std::string path;    // percent-decoded path without query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower case
  std::string body;
  std::string remote_address;
  std::string request_id;
  bool path_ok = true;  // false when the target could not be decoded

  // First header with this lower-case name, or empty.
  std::string_view Header(std::string_view name) const;
  // First query value for `key`; `found` tells whether it was present.
  std::string_view Query(std::string_view key, bool* found = nullptr) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // A body shared with a cache: sent without copying. Takes the place of
  // `body` when set.
  std::shared_ptr<const std::string> shared_body;
  // A body made while it is sent (chunked), for answers too large to hold:
  // each call appends the next piece to `out` and sets `done` after the
  // last. Returning false ends the answer early (the connection is closed,
  // so the client sees an incomplete body). The server drops the function,
  // and with it whatever it holds, as soon as the client goes away.
  std::function<bool(std::string* out, bool* done)> stream;

  // Sets a header, replacing one of the same name.
  void SetHeader(std::string name, std::string value);
  // Adds a header beside any of the same name (a second Set-Cookie).
  void AddHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  bool HasHeader(std::string_view name) const;
};

// Splits a request target (origin form, or absolute form whose scheme and
// authority are dropped) into a decoded path and query pairs. Returns false
// on bad percent-encoding or a NUL byte.
bool ParseTarget(std::string_view target, std::string* path,
                 std::vector<std::pair<std::string, std::string>>* query);
std::string PercentDecode(std::string_view in, bool plus_as_space, bool* ok);
std::string PercentEncode(std::string_view in);

}  // namespace koers::http
