// Small text helpers for UTF-8 input from outside.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace koers {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);
// Number of code points; assumes valid UTF-8.
size_t Utf8Length(std::string_view s);
// `s` when it has at most `max` code points (max >= 1); else its first
// max - 1, trimmed, and an ellipsis. Assumes valid UTF-8.
std::string ShortenUtf8(std::string_view s, size_t max);
// True when `s` holds control characters other than tab, CR and LF.
bool HasControlChars(std::string_view s);
// Removes leading and trailing ASCII whitespace and U+00A0.
std::string Trim(std::string_view s);
// ASCII lower case; other bytes unchanged.
std::string AsciiLower(std::string_view s);
// Lower case with accents removed for the Latin letters of Dutch and its
// neighbours ("Financiën" -> "financien", "Fryslân" -> "fryslan"); ASCII
// lower-cased; other code points unchanged. Assumes valid UTF-8.
std::string FoldAccents(std::string_view s);
// Splits on `sep`, keeping empty fields.
std::vector<std::string> Split(std::string_view s, char sep);

}  // namespace koers
