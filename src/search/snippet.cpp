#include "search/snippet.hpp"

#include "core/text.hpp"

namespace koers::search {
namespace {

struct Span {
  size_t begin, end;
  bool hit;
};

bool WordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::vector<Fragment> MakeSnippet(const std::string& text, const std::set<std::string>& stems, const Lexicon& lexicon,
                                  size_t max_words) {
  // Word spans by bytes; multi-byte punctuation stays inside a span here,
  // which only affects where a highlight starts or ends.
  std::vector<Span> spans;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !WordByte(static_cast<unsigned char>(text[i]))) ++i;
    size_t b = i;
    while (i < text.size() && WordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i > b) {
      bool hit = false;
      for (const auto& w : Words(std::string_view(text).substr(b, i - b))) {
        if (stems.count(Stem(w))) hit = true;
        if (!hit && w.size() >= 8)
          for (const auto& p : lexicon.Split(w)) hit = hit || stems.count(Stem(p));
      }
      spans.push_back({b, i, hit});
    }
  }
  if (spans.empty()) return {};
  // The window with the most hits; the earliest of equals.
  size_t best = 0, best_hits = 0, hits = 0;
  for (size_t k = 0; k < spans.size(); ++k) {
    hits += spans[k].hit;
    if (k >= max_words) hits -= spans[k - max_words].hit;
    size_t start = k + 1 >= max_words ? k + 1 - max_words : 0;
    if (hits > best_hits) {
      best_hits = hits;
      best = start;
    }
  }
  size_t last = std::min(spans.size(), best + max_words) - 1;
  std::vector<Fragment> out;
  if (best > 0) out.push_back({"…", false});
  size_t pos = spans[best].begin;
  for (size_t k = best; k <= last; ++k) {
    if (!spans[k].hit) continue;
    if (spans[k].begin > pos) out.push_back({text.substr(pos, spans[k].begin - pos), false});
    out.push_back({text.substr(spans[k].begin, spans[k].end - spans[k].begin), true});
    pos = spans[k].end;
  }
  size_t end = spans[last].end;
  if (end > pos) out.push_back({text.substr(pos, end - pos), false});
  if (last + 1 < spans.size()) out.push_back({"…", false});
  return out;
}

}  // namespace koers::search
