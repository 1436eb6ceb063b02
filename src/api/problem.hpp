// One way to answer: JSON bodies and application/problem+json errors
// (RFC 9457 with the invalidParams extension of the NL API Design Rules).
// Handlers never build error bodies themselves.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/status.hpp"
#include "http/message.hpp"

namespace koers::api {

// HTTP status for an error kind; the one mapping table.
int StatusFor(ErrorKind kind);

http::Response Problem(const Error& error, const std::string& instance);
http::Response Problem(int status, const std::string& detail, const std::string& instance);
http::Response JsonResponse(int status, const nlohmann::json& body);
http::Response JsonResponse(int status, std::string body);
// Answers with a cached body without copying it.
http::Response JsonResponse(int status, std::shared_ptr<const std::string> body);

// Parses a JSON request body: checks the media type (application/json, or
// application/merge-patch+json when `merge_patch`), the nesting depth and the
// syntax. On failure `error` says why in Dutch.
bool ParseJsonBody(const http::Request& req, nlohmann::json* out, Error* error, bool merge_patch = false);

}  // namespace koers::api
