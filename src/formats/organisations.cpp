#include "formats/organisations.hpp"

#include <cctype>

#include "core/text.hpp"

namespace koers {

Result<std::vector<Organisation>> ParseOrganisationList(const std::string& content, const std::string& soort,
                                                        const std::string& file_name) {
  std::vector<Organisation> out;
  std::string text = content;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (!IsValidUtf8(text)) return Invalid(file_name + ": het bestand is geen geldige UTF-8.");
  auto lines = Split(text, '\n');
  int line_no = 0;
  for (auto& raw : lines) {
    ++line_no;
    std::string line = raw;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty()) continue;
    auto fields = Split(line, ';');
    if (line_no == 1) {
      if (fields.size() < 2 || Trim(fields[0]) != "name" || Trim(fields[1]) != "identifier")
        return Invalid(file_name + " regel 1: de kopregel moet 'name;identifier;org_id' zijn.");
      continue;
    }
    if (fields.size() != 3)
      return Invalid(file_name + " regel " + std::to_string(line_no) + ": verwacht 3 velden gescheiden door ';', gevonden " +
                     std::to_string(fields.size()) + ".");
    Organisation o;
    o.naam = Trim(fields[0]);
    o.code = Trim(fields[1]);
    o.tooi = Trim(fields[2]);
    o.soort = soort;
    auto problems = Validate(o);
    if (!problems.empty())
      return Invalid(file_name + " regel " + std::to_string(line_no) + ": " + problems[0].field + " " +
                     problems[0].message + ".");
    out.push_back(std::move(o));
  }
  return out;
}

std::string NameKey(const std::string& name) {
  std::string out;
  bool space = true;
  for (unsigned char c : name) {
    bool word = std::isalnum(c) || c >= 0x80;
    if (word) {
      out.push_back(static_cast<char>(std::tolower(c)));
      space = false;
    } else if (c == '\'' || c == '.') {
      continue;  // 's-Hertogenbosch, (L.)
    } else if (!space) {
      out.push_back(' ');
      space = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {
std::string WithoutParenthesis(const std::string& name) {
  std::string t = Trim(name);
  if (t.empty() || t.back() != ')') return t;
  size_t open = t.rfind('(');
  if (open == std::string::npos || open == 0) return t;
  return Trim(t.substr(0, open));
}
}  // namespace

void OrganisationMatcher::Add(const std::string& naam, const std::string& code) {
  by_key_.emplace(NameKey(naam), code);
  std::string stripped = WithoutParenthesis(naam);
  by_key_.emplace(NameKey(stripped), code);
  codes_.emplace(code, NameKey(naam));
}

void OrganisationMatcher::AddAlias(const std::string& naam, const std::string& code) { by_key_[NameKey(naam)] = code; }

std::string OrganisationMatcher::Find(const std::string& naam) const {
  for (const std::string& key : {NameKey(naam), NameKey(WithoutParenthesis(naam))}) {
    auto it = by_key_.find(key);
    if (it != by_key_.end()) return it->second;
  }
  return {};
}

bool OrganisationMatcher::HasCode(const std::string& code) const { return codes_.count(code) > 0; }

std::string GeneratedCode(const std::string& naam, const OrganisationMatcher& taken) {
  std::string base = "OV-";
  for (char c : FoldAccents(NameKey(naam))) {
    if (base.size() >= 34) break;
    base.push_back(c == ' ' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  // NameKey keeps non-ASCII bytes; codes are ASCII only.
  std::string ascii;
  for (char c : base)
    if (static_cast<unsigned char>(c) < 0x80) ascii.push_back(c);
  while (!ascii.empty() && ascii.back() == '-') ascii.pop_back();
  std::string code = ascii;
  for (int n = 2; taken.HasCode(code); ++n) code = ascii + "-" + std::to_string(n);
  return code;
}

}  // namespace koers
