#include "store/sql/query.hpp"

#include "core/log.hpp"

namespace koers::sql {

Error MappingError(std::string_view sql) {
  Error e{ErrorKind::kInternal, "", {}, 0, "row mapping does not read the statement's columns: " + std::string(sql.substr(0, 120))};
  log::Error("database_fout", {{"melding", e.detail}});
  return e;
}

std::string LikeContaining(std::string_view text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

}  // namespace koers::sql
