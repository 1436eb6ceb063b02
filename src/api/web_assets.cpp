#include "api/web_assets.hpp"

#include <sodium.h>

#include <cstring>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace koers::api {
namespace {

std::string TypeFor(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},    {".json", "application/json"},
      {".svg", "image/svg+xml"},              {".png", "image/png"},
      {".ico", "image/x-icon"},               {".woff2", "font/woff2"},
      {".map", "application/json"},           {".txt", "text/plain; charset=utf-8"},
      {".geojson", "application/geo+json"},
  };
  for (const auto& [ext, type] : kTypes)
    if (path.size() >= std::strlen(ext) && path.compare(path.size() - std::strlen(ext), std::string::npos, ext) == 0)
      return type;
  return "application/octet-stream";
}

std::string Etag(const std::string& content) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                     nullptr, 0);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return "\"" + std::string(hex) + "\"";
}

bool MatchSegments(const std::string& path, std::initializer_list<const char*> pattern) {
  size_t pos = 0;
  for (const char* seg : pattern) {
    if (pos >= path.size() || path[pos] != '/') return false;
    size_t end = path.find('/', pos + 1);
    std::string s = path.substr(pos + 1, end == std::string::npos ? std::string::npos : end - pos - 1);
    if (s.empty()) return false;
    if (std::string(seg) != "*" && s != seg) return false;
    pos = end == std::string::npos ? path.size() : end;
  }
  return pos == path.size();
}

}  // namespace

bool IsAppPage(const std::string& path) {
  if (path == "/") return true;
  static const std::initializer_list<const char*> kPages[] = {
      {"innovaties"},         {"innovaties", "nieuw"}, {"innovaties", "*"}, {"innovaties", "*", "bewerken"},
      {"organisaties"},       {"organisaties", "*"},   {"zoeken"},          {"over"},  {"clusters"}, {"clusters", "*"},
      {"inloggen"},           {"account"},             {"beheer", "gebruikers"}, {"beheer", "gebruikers", "*"},
      {"beheer", "audit"},     {"organisaties", "*", "funnel"}, {"organisaties", "*", "sturing"},
      {"innovaties", "*", "sturing"}, {"innovaties", "*", "rapport"}, {"innovaties", "*", "beoordelingen", "*"},
      {"innovaties", "*", "diagnose"}, {"innovaties", "*", "adviesrapport"}, {"organisaties", "*", "klimaat"},
      {"organisaties", "*", "lessen"}, {"lessen"},   {"innovaties", "*", "indicatoren"}, {"organisaties", "*", "dashboard"},
      {"organisaties", "*", "ter-besluit"}, {"innovaties", "*", "leren"}, {"uitnodigingen"}, {"uitnodigingen", "*"},
      {"innovaties", "*", "publicatie"}, {"organisaties", "*", "netwerk"},
      {"organisaties", "*", "te-bevestigen"}, {"missies"}, {"missies", "nieuw"}, {"missies", "*"},
      {"missies", "*", "bewerken"},
  };
  for (const auto& p : kPages)
    if (MatchSegments(path, p)) return true;
  return false;
}

Result<WebAssets> WebAssets::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / "index.html", ec))
    return NotFound("De webinterface is niet gebouwd: " + dir + "/index.html ontbreekt.");
  WebAssets out;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    std::string rel = "/" + fs::relative(it->path(), dir).generic_string();
    File f{std::make_shared<const std::string>(buf.str()), TypeFor(rel), ""};
    f.etag = Etag(*f.content);
    out.files_.emplace(rel, std::move(f));
  }
  if (ec) return IoError("De webinterface kon niet worden gelezen: " + ec.message());
  return out;
}

http::Response WebAssets::Serve(const http::Request& req) const {
  bool page = IsAppPage(req.path);
  auto it = files_.find(page ? std::string("/index.html") : req.path);
  if (it == files_.end() && !page) it = files_.find("/index.html");  // the app shows "niet gevonden"
  if (it == files_.end()) {
    return http::Response{503, "text/plain; charset=utf-8", {},
                          "De webinterface van Koers is niet gebouwd. Voer scripts/build.sh uit.\n"};
  }
  bool found = page || it->first == req.path;
  http::Response res{found ? 200 : 404, it->second.type, {}, {}};
  res.SetHeader("ETag", it->second.etag);
  res.SetHeader("Cache-Control", "no-cache");
  if (found && req.Header("if-none-match") == it->second.etag) {
    res.status = 304;
    return res;
  }
  res.shared_body = it->second.content;
  return res;
}

}  // namespace koers::api
