#include "api/problem.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace koers::api {

int StatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid: return 400;
    case ErrorKind::kUnauthenticated: return 401;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kPreconditionFailed: return 412;
    case ErrorKind::kTooLarge: return 413;
    case ErrorKind::kUnsupported: return 415;
    case ErrorKind::kRateLimited: return 429;
    case ErrorKind::kIo: return 503;
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

namespace {
const char* TitleFor(int status) {
  switch (status) {
    case 400: return "Ongeldige invoer";
    case 401: return "Niet ingelogd";
    case 403: return "Geen toegang";
    case 404: return "Niet gevonden";
    case 405: return "Methode niet toegestaan";
    case 406: return "Niet aanvaardbaar";
    case 409: return "Conflict";
    case 412: return "Versie klopt niet";
    case 413: return "Te groot";
    case 415: return "Mediatype niet ondersteund";
    case 428: return "Versie vereist";
    case 429: return "Te veel verzoeken";
    case 503: return "Tijdelijk niet beschikbaar";
    default: return "Interne fout";
  }
}
// What to tell the caller when an error came without words of its own (the
// store's typed errors are worded by the app layer; these are the rest).
const char* StandardDetail(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid: return "De invoer klopt niet.";
    case ErrorKind::kNotFound: return "Dit bestaat niet of is niet zichtbaar voor u.";
    case ErrorKind::kConflict: return "De wijziging botst met bestaande gegevens.";
    case ErrorKind::kPreconditionFailed:
      return "Dit is intussen door iemand anders gewijzigd. Laad het opnieuw en probeer het nog eens.";
    case ErrorKind::kIo: return "De database is nu niet bereikbaar of gaf een fout. Er is niets opgeslagen; probeer het zo opnieuw.";
    case ErrorKind::kInternal: return "Er ging iets mis bij het verwerken van het verzoek.";
    default: return "Het verzoek is niet uitgevoerd.";
  }
}
}  // namespace

http::Response Problem(const Error& error, const std::string& instance) {
  int status = StatusFor(error.kind);
  nlohmann::json body = {{"type", "about:blank"},
                         {"title", TitleFor(status)},
                         {"status", status},
                         {"detail", error.message.empty() ? StandardDetail(error.kind) : error.message},
                         {"instance", instance}};
  // Every 400 names what was wrong; an error without field problems is
  // about the request body as a whole.
  if (!error.problems.empty() || status == 400) {
    nlohmann::json params = nlohmann::json::array();
    for (const auto& p : error.problems)
      params.push_back({{"name", p.field.empty() ? "body" : p.field}, {"reason", p.message.empty() ? "klopt niet" : p.message}});
    if (params.empty()) params.push_back({{"name", "body"}, {"reason", body["detail"]}});
    body["invalidParams"] = std::move(params);
  }

  http::Response res{status, "application/problem+json", {},
                     body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
  if (error.kind == ErrorKind::kRateLimited)
    res.SetHeader("Retry-After", std::to_string(std::max(1, error.retry_after_seconds)));
  if (error.kind == ErrorKind::kIo) res.SetHeader("Retry-After", "5");
  return res;
}

http::Response Problem(int status, const std::string& detail, const std::string& instance) {
  nlohmann::json body = {
      {"type", "about:blank"}, {"title", TitleFor(status)}, {"status", status}, {"detail", detail}, {"instance", instance}};
  if (status == 400) body["invalidParams"] = {{{"name", "verzoek"}, {"reason", detail}}};

  return http::Response{status, "application/problem+json", {},
                        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

http::Response JsonResponse(int status, const nlohmann::json& body) {
  return http::Response{status, "application/json", {},
                        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

http::Response JsonResponse(int status, std::string body) {
  return http::Response{status, "application/json", {}, std::move(body)};
}

http::Response JsonResponse(int status, std::shared_ptr<const std::string> body) {
  http::Response res{status, "application/json", {}, {}};
  res.shared_body = std::move(body);
  return res;
}

namespace {
// Depth of [ and { nesting outside strings; stops counting past `limit`.
int NestingDepth(const std::string& text, int limit) {
  int depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > limit) return max_depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}
}  // namespace

bool ParseJsonBody(const http::Request& req, nlohmann::json* out, Error* error, bool merge_patch) {
  std::string header = AsciiLower(req.Header("content-type"));
  std::string type = Trim(header.substr(0, header.find(';')));
  bool type_ok = type == "application/json" || (merge_patch && type == "application/merge-patch+json");
  // JSON is UTF-8 (RFC 8259); a declared other charset is not read as if it were.
  for (size_t at = header.find(';'); type_ok && at != std::string::npos; at = header.find(';', at + 1)) {
    std::string param = Trim(header.substr(at + 1, header.find(';', at + 1) - at - 1));
    if (param.rfind("charset=", 0) != 0) continue;
    std::string charset = param.substr(8);
    if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') charset = charset.substr(1, charset.size() - 2);
    if (charset != "utf-8" && charset != "utf8") {
      *error = Error{ErrorKind::kUnsupported, "Stuur de inhoud in UTF-8 (charset=utf-8), niet in " + charset + ".", {}};
      return false;
    }
  }
  if (!type_ok) {
    *error = Error{ErrorKind::kUnsupported,
                   merge_patch ? "Stuur de inhoud als application/merge-patch+json of application/json."
                               : "Stuur de inhoud als application/json.",
                   {}};
    return false;
  }
  constexpr int kMaxDepth = 32;
  if (NestingDepth(req.body, kMaxDepth) > kMaxDepth) {
    *error = Invalid("De JSON is te diep genest (maximaal " + std::to_string(kMaxDepth) + " niveaus).",
                     {{"body", "is dieper genest dan " + std::to_string(kMaxDepth) + " niveaus"}});
    return false;
  }
  try {
    *out = nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::parse_error& e) {
    std::string where = req.body.empty() ? "is leeg" : "klopt niet bij teken " + std::to_string(e.byte);
    *error = Invalid("De inhoud is geen geldige JSON (of bevat ongeldige UTF-8).", {{"body", where}});
    return false;
  } catch (const nlohmann::json::exception&) {  // a number too large for any type
    *error = Invalid("De inhoud bevat een getal dat te groot is.", {{"body", "bevat een getal buiten het bereik"}});
    return false;
  }

  return true;

}

}  // namespace koers::api
