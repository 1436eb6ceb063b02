#include "api/router.hpp"

#include <charconv>

namespace koers::api {

const std::string& Params::Get(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : values)
    if (k == name) return v;
  return kEmpty;
}

int64_t Params::Id(std::string_view name) const {
  const std::string& text = Get(name);
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && ptr == text.data() + text.size() ? id : 0;
}

namespace {
bool MatchPattern(std::string_view pattern, std::string_view path, Params* params) {
  params->values.clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    size_t pe = pattern.find('/');
    size_t se = path.find('/');
    std::string_view pseg = pattern.substr(0, pe);
    std::string_view sseg = path.substr(0, se);
    if (pseg.size() > 2 && pseg.front() == '{' && pseg.back() == '}') {
      if (sseg.empty()) return false;
      params->values.emplace_back(std::string(pseg.substr(1, pseg.size() - 2)), std::string(sseg));
    } else if (pseg != sseg) {
      return false;
    }
    pattern = pe == std::string_view::npos ? std::string_view{} : pattern.substr(pe);
    path = se == std::string_view::npos ? std::string_view{} : path.substr(se);
  }
  return true;
}
}  // namespace

const Route* Match(const http::Request& req, Params* params, std::string* allowed) {
  allowed->clear();
  std::string_view method = req.method;
  if (method == "HEAD") method = "GET";
  const Route* found = nullptr;
  Params p;
  for (const auto& route : ApiRoutes()) {
    if (!MatchPattern(route.pattern, req.path, &p)) continue;
    if (route.method == method && !found) {
      found = &route;
      *params = p;
    }
    if (allowed->find(route.method) == std::string::npos) {
      if (!allowed->empty()) *allowed += ", ";
      *allowed += route.method;
    }
  }
  return found;
}

}  // namespace koers::api
