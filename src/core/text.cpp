#include "core/text.hpp"

#include <cctype>

namespace koers {

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (end - p <= n) return false;
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += n + 1;
  }
  return true;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string ShortenUtf8(std::string_view s, size_t max) {
  if (Utf8Length(s) <= max) return std::string(s);
  size_t keep = max - 1, i = 0, seen = 0;
  while (i < s.size() && seen < keep) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++seen;
  }
  return Trim(s.substr(0, i)) + "…";
}

bool HasControlChars(std::string_view s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
  return false;
}

std::string Trim(std::string_view s) {
  auto is_space_at = [&](size_t i, size_t* width) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      *width = 1;
      return true;
    }
    return false;
  };
  size_t w = 0;
  size_t b = 0, e = s.size();
  while (b < e) {
    if (is_space_at(b, &w)) {
      b += w;
    } else if (e - b >= 2 && static_cast<unsigned char>(s[b]) == 0xC2 && static_cast<unsigned char>(s[b + 1]) == 0xA0) {
      b += 2;
    } else {
      break;
    }
  }
  while (e > b) {
    if (is_space_at(e - 1, &w)) {
      e -= 1;
    } else if (e - b >= 2 && static_cast<unsigned char>(s[e - 2]) == 0xC2 && static_cast<unsigned char>(s[e - 1]) == 0xA0) {
      e -= 2;
    } else {
      break;
    }
  }
  return std::string(s.substr(b, e - b));
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string FoldAccents(std::string_view s) {
  // Base letters of U+00C0..U+00FF; '\0' keeps the code point as it is.
  static const char kLatin1[] =
      "aaaaaaaceeeeiiii"   // C0-CF
      "dnooooo\0ouuuuy\0s"  // D0-DF (D7 multiplication sign, DE thorn)
      "aaaaaaaceeeeiiii"   // E0-EF
      "dnooooo\0ouuuuy\0y";  // F0-FF (F7 division sign, FE thorn)
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c < 0x80) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = s[i + 1];
      char base = kLatin1[d - 0x80];
      if (base) {
        out.push_back(base);
      } else {
        out.append(s.substr(i, 2));
      }
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace koers
