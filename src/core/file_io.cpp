#include "core/file_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace koers {

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    if (errno == ENOENT) return NotFound("Het bestand '" + path + "' bestaat niet.");
    return IoError("Het bestand '" + path + "' kan niet worden gelezen: " + std::strerror(errno) + ".");
  }
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    out.append(buf, n);
    if (out.size() > max_bytes)
      return Error{ErrorKind::kTooLarge, "Het bestand '" + path + "' is te groot.", {}};
  }
  if (std::ferror(f.get())) return IoError("Het bestand '" + path + "' kan niet worden gelezen.");
  return out;
}

}  // namespace koers
