#include "api/request_params.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "domain/vocabulary.hpp"

namespace koers::api {

QueryReader::QueryReader(const http::Request& req, std::initializer_list<std::string_view> allowed) : req_(req) {
  for (const auto& pair : req.query) {
    const std::string& key = pair.first;
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (!known) {
      problems_.push_back({key, "is geen bekende parameter"});
      continue;
    }
    int count = 0;
    for (const auto& other : req.query) count += other.first == key;
    bool reported = std::any_of(problems_.begin(), problems_.end(), [&](const FieldProblem& p) { return p.field == key; });
    if (count > 1 && !reported) problems_.push_back({key, "mag maar één keer voorkomen"});
  }
}

std::string QueryReader::Text(std::string_view key, const Vocabulary* vocab) {
  std::string value(req_.Query(key));
  if (value.empty()) return value;
  if (!IsValidUtf8(value) || HasControlChars(value) || value.size() > 200) {
    problems_.push_back({std::string(key), "bevat ongeldige tekens of is te lang"});
    return {};
  }
  if (vocab && !vocab->Contains(value)) {
    problems_.push_back({std::string(key), "onbekende waarde; kies uit: " + vocab->Allowed()});
    return {};
  }
  return value;
}

std::string QueryReader::OneOf(std::string_view key, std::initializer_list<std::string_view> allowed) {
  std::string value(req_.Query(key));
  if (value.empty()) return value;
  std::string list;
  for (auto a : allowed) {
    if (a == value) return value;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  problems_.push_back({std::string(key), "onbekende waarde; kies uit: " + list});
  return {};
}

int QueryReader::Int(std::string_view key, int fallback, int min, int max) {
  bool found = false;
  std::string_view text = req_.Query(key, &found);
  if (!found) return fallback;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
    problems_.push_back(
        {std::string(key), "moet een geheel getal van " + std::to_string(min) + " tot en met " + std::to_string(max) + " zijn"});
    return fallback;
  }
  return value;
}

PageRequest QueryReader::Page() {
  PageRequest page;
  page.pagina = Int("pagina", 1, 1, 1000000);
  page.pagina_grootte = Int("paginaGrootte", 20, 1, 100);
  return page;
}

Error QueryReader::error() const {
  return Invalid("Een of meer parameters van het verzoek kloppen niet.", problems_);
}

nlohmann::json PageLinks(const http::Request& req, const PageRequest& page, int64_t total) {
  int64_t last = std::max<int64_t>(1, (total + page.pagina_grootte - 1) / page.pagina_grootte);
  auto href = [&](int64_t pagina) {
    std::string q;
    for (const auto& [k, v] : req.query) {
      if (k == "pagina") continue;
      q += (q.empty() ? "?" : "&") + http::PercentEncode(k) + "=" + http::PercentEncode(v);
    }
    q += (q.empty() ? "?" : "&") + std::string("pagina=") + std::to_string(pagina);
    return nlohmann::json{{"href", req.path + q}};
  };
  nlohmann::json links = {{"self", href(page.pagina)}, {"first", href(1)}, {"last", href(last)}};
  if (page.pagina > 1) links["prev"] = href(std::min<int64_t>(page.pagina - 1, last));
  if (page.pagina < last) links["next"] = href(page.pagina + 1);
  return links;
}

bool ParseId(std::string_view text, int64_t* id) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *id);
  return ec == std::errc() && ptr == text.data() + text.size() && *id > 0;
}

bool IsIntegerId(std::string_view name) {
  static constexpr std::string_view kIds[] = {"id",           "rolId",       "beoordelingId", "onzekerheidId",
                                              "hergebruikId", "adoptieId",   "indicatorId",   "lesId",
                                              "terugblikId",  "uitnodigingId", "missieId",      "innovatieId"};
  return std::find(std::begin(kIds), std::end(kIds), name) != std::end(kIds);
}

std::vector<FieldProblem> MalformedIds(const Params& params) {
  std::vector<FieldProblem> out;
  int64_t id;
  for (const auto& [name, value] : params.values)
    if (IsIntegerId(name) && !ParseId(value, &id))
 out.push_back({name, "moet een geheel getal van 1 of meer zijn"});
  return out;
}

bool ReadBody(const Call& c, nlohmann::json* body, http::Response* res, bool merge_patch) {
  Error error;
  if (!ParseJsonBody(c.req, body, &error, merge_patch)) {
    *res = Problem(error, c.req.path);
    return false;
  }
  if (!body->is_object()) {
    *res = Problem(Invalid("De inhoud moet een JSON-object zijn.", {{"body", "moet een JSON-object zijn"}}), c.req.path);
    return false;
  }
  return true;
}

bool ReadVersion(const Call& c, int64_t* version, http::Response* res) {
  std::string_view h = c.req.Header("if-match");
  *version = 0;
  if (h.empty()) return true;
  if (h.starts_with("W/")) h.remove_prefix(2);
  if (h.size() >= 3 && h.front() == '"' && h.back() == '"' && ParseId(h.substr(1, h.size() - 2), version)) return true;
  *version = 0;
  *res = Problem(Invalid("If-Match moet een versie bevatten zoals \"3\".", {{"If-Match", "geef de versie zoals \"3\""}}),
                 c.req.path);
  return false;
}

http::Response WithVersion(http::Response res, int64_t versie) {
  res.SetHeader("ETag", "\"" + std::to_string(versie) + "\"");
  return res;
}

http::Response NoContent() { return http::Response{204, "application/json", {}, ""}; }

}  // namespace koers::api
