// Reading query parameters by allow-list: unknown keys and bad values are
// collected as FieldProblems so one 400 answer can name them all.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
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
bool ParseId(const std::string& text, int64_t* id);
// If-Match: "7" or W/"7" gives 7; absent gives 0; anything else is an error.
bool ExpectedVersion(const http::Request& req, int64_t* version);

// HAL links for a paged listing: self, first, prev, next, last (prev/next
// omitted at the ends), keeping the request's other query parameters.
nlohmann::json PageLinks(const http::Request& req, const PageRequest& page, int64_t total);

}  // namespace koers::api
