#include "domain/account.hpp"

namespace koers {

bool LooksLikeEmail(const std::string& email) {
  if (email.size() < 5 || email.size() > 254) return false;
  size_t at = email.find('@');
  if (at == 0 || at == std::string::npos || email.find('@', at + 1) != std::string::npos) return false;
  size_t dot = email.find('.', at);
  if (dot == std::string::npos || dot == at + 1 || dot + 1 >= email.size()) return false;
  for (unsigned char c : email)
    if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '"' || c == ',') return false;
  return true;
}

std::string DisplayName(const User& user) {
  // A name that is an e-mail address (an identity provider may send one) is not shown either.
  if (!user.naam.empty() && user.naam.find('@') == std::string::npos) return user.naam;
  return "Medewerker " + std::to_string(user.id);
}

}  // namespace koers
