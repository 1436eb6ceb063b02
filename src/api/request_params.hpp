// What every handler reads from a request, read one way: query parameters
// by allow-list (unknown keys and bad values collected as FieldProblems so
// one 400 answer names them all), path ids, JSON bodies and versions
// (If-Match), and the common shapes of an answer.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "api/problem.hpp"
#include "api/router.hpp"
#include "http/message.hpp"
#include "store/store.hpp"

namespace koers {
struct Vocabulary;
}

namespace koers::api {

class QueryReader {
 public:
  QueryReader(const http::Request& req, std::initializer_list<std::string_view> allowed);

  // Text value; checked against `vocab` when given.
  std::string Text(std::string_view key, const Vocabulary* vocab = nullptr);
  // Value that must be one of `allowed`; empty when absent.
  std::string OneOf(std::string_view key, std::initializer_list<std::string_view> allowed);
  // Integer in [min, max]; `fallback` when absent.
  int Int(std::string_view key, int fallback, int min, int max);
  // pagina and paginaGrootte.
  PageRequest Page();

  bool ok() const { return problems_.empty(); }
  Error error() const;

 private:
  const http::Request& req_;
  std::vector<FieldProblem> problems_;
};

// A positive integer id from a path parameter.
bool ParseId(std::string_view text, int64_t* id);
// Whether a path parameter is a numeric id ({id}, {adoptieId}, ...; the
// OpenAPI document declares these as integers of at least 1).
bool IsIntegerId(std::string_view name);
// The route's numeric ids that are not integers of at least 1; the
// dispatcher answers 400 naming them before any handler runs.
std::vector<FieldProblem> MalformedIds(const Params& params);


// The request body as a JSON object (`merge_patch`: a merge patch is also
// accepted). On failure the problem answer is in `res`.
bool ReadBody(const Call& c, nlohmann::json* body, http::Response* res, bool merge_patch = false);
// If-Match: "7" or W/"7" gives 7; absent gives 0. On failure the problem
// answer is in `res`.
bool ReadVersion(const Call& c, int64_t* version, http::Response* res);
// The ETag header of a versioned resource.
http::Response WithVersion(http::Response res, int64_t versie);
http::Response NoContent();

// A use case's result as JSON with `status`, or its problem.
template <class T, class ToJson>
http::Response Answer(const Result<T>& r, const Call& c, int status, ToJson to_json) {
  if (!r.ok()) return Problem(r.error(), c.req.path);
  return JsonResponse(status, to_json(r.value()));
}

// HAL links for a paged listing: self, first, prev, next, last (prev/next
// omitted at the ends), keeping the request's other query parameters.
nlohmann::json PageLinks(const http::Request& req, const PageRequest& page, int64_t total);

}  // namespace koers::api
