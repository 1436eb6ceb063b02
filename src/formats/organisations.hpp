// The format of the organisation code lists (data/organisaties) and the
// matching of free-text organisation names (as the Algoritmeregister writes
// them) to organisation codes.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/organisation.hpp"

namespace koers {

// Parses one code list: a header line `name;identifier;org_id`, then one
// organisation per line. Every bad line is an error naming the file and line.
Result<std::vector<Organisation>> ParseOrganisationList(const std::string& content, const std::string& soort,
                                                        const std::string& file_name);

// Lower case, punctuation to spaces, spaces collapsed: "Gemeente Bergen (L.)"
// and "gemeente bergen l" give the same key.
std::string NameKey(const std::string& name);

// Matches organisation names to codes: exact key first, then the name
// without a trailing "(...)", then the alias list.
class OrganisationMatcher {
 public:
  void Add(const std::string& naam, const std::string& code);
  void AddAlias(const std::string& naam, const std::string& code);
  // Empty when no match.
  std::string Find(const std::string& naam) const;
  bool HasCode(const std::string& code) const;

 private:
  std::map<std::string, std::string> by_key_;
  std::map<std::string, std::string> codes_;  // code -> name key
};

// A code for an organisation outside the code lists: "OV-" and the name in
// capitals, unique among `taken`.
std::string GeneratedCode(const std::string& naam, const OrganisationMatcher& taken);

}  // namespace koers
