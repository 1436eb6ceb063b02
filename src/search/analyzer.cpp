#include "search/analyzer.hpp"

#include <xapian.h>

#include <algorithm>
#include <fstream>

#include "core/text.hpp"

namespace koers::search {
namespace {

// Code points that separate words although they are not ASCII: spaces,
// dashes, quotes, bullets and other punctuation of Latin-1 and the general
// punctuation block.
bool IsSeparator(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF;
}

// Decodes one UTF-8 code point at `i` (valid or not: bad bytes are one
// separator each) and advances `i`.
uint32_t Next(std::string_view s, size_t* i) {
  unsigned char c = s[*i];
  int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
  if (n < 0 || *i + n >= s.size() + (n == 0 ? 1 : 0)) {
    ++*i;
    return n == 0 ? c : 0x80;
  }
  uint32_t cp = n == 0 ? c : c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    unsigned char d = s[*i + k];
    if ((d & 0xC0) != 0x80) {
      ++*i;
      return 0x80;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *i += n + 1;
  return cp;
}

constexpr size_t kMinPart = 4;
constexpr size_t kMinCompound = 8;

}  // namespace

std::vector<std::string> Words(std::string_view text) {
  std::string folded = FoldAccents(text);
  std::vector<std::string> out;
  std::string word;
  size_t i = 0;
  while (i < folded.size()) {
    size_t start = i;
    uint32_t cp = Next(folded, &i);
    bool letter = cp < 0x80 ? (std::isalnum(static_cast<int>(cp)) != 0) : !IsSeparator(cp);
    if (letter) {
      word.append(folded, start, i - start);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

void Lexicon::Add(std::string_view word) {
  for (auto& w : Words(word))
    if (w.size() >= 3) words_.insert(std::move(w));
}

Status Lexicon::AddHunspell(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("Het woordenboek '" + path + "' is er niet.");
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first) {  // the first line holds the number of entries
      first = false;
      continue;
    }
    size_t slash = line.find('/');
    std::string word = line.substr(0, slash);
    if (word.empty() || word.find_first_of(" .-'0123456789") != std::string::npos) continue;
    if (std::isupper(static_cast<unsigned char>(word[0]))) continue;  // names
    Add(word);
  }
  return Status::Ok();
}

bool Lexicon::KnownPart(std::string_view part) const {
  if (part.size() < kMinPart) return false;
  if (Contains(part)) return true;
  // A verb stem: "werk" because "werken" is known, "parkeer" because
  // "parkeren" is (a long vowel before the last consonant is written single).
  std::string p(part);
  if (Contains(p + "en")) return true;
  size_t n = p.size();
  if (n >= 3 && p[n - 2] == p[n - 3] && std::string("aeou").find(p[n - 2]) != std::string::npos &&
      std::string("aeiou").find(p[n - 1]) == std::string::npos)
    return Contains(p.substr(0, n - 2) + p.substr(n - 1) + "en");
  return false;
}

std::vector<std::string> Lexicon::SplitOnce(const std::string& w, int depth) const {
  if (w.size() < kMinCompound || depth > 3) return {};
  // Try the longest left part first: "woningbouw" + "monitor" before
  // "woning" + "bouwmonitor".
  for (size_t i = w.size() - kMinPart; i >= kMinPart; --i) {
    std::string left = w.substr(0, i);
    std::string right = w.substr(i);
    std::string head;  // the left part without a linking s, e or en
    if (KnownPart(left)) {
      head = left;
    } else if (left.size() > kMinPart && left.back() == 's' && KnownPart(left.substr(0, left.size() - 1))) {
      head = left.substr(0, left.size() - 1);
    } else if (left.size() > kMinPart + 1 && left.compare(left.size() - 2, 2, "en") == 0 &&
               KnownPart(left.substr(0, left.size() - 2))) {
      head = left;  // "honden": keep the plural, the stemmer maps it to "hond"
    } else if (left.size() > kMinPart && left.back() == 'e' && KnownPart(left.substr(0, left.size() - 1))) {
      head = left.substr(0, left.size() - 1);
    } else {
      continue;
    }
    std::vector<std::string> out;
    if (KnownPart(right)) {
      out = {head, right};
    } else {
      auto rest = SplitOnce(right, depth + 1);
      if (rest.empty()) continue;
      out.push_back(head);
      out.insert(out.end(), rest.begin(), rest.end());
    }
    return out;
  }
  return {};
}

std::vector<std::string> Lexicon::Split(const std::string& word) const {
  auto parts = SplitOnce(word, 0);
  if (parts.empty()) return parts;
  // Parts that are compounds themselves add their own parts.
  std::vector<std::string> out = parts;
  for (const auto& p : parts)
    for (auto& q : SplitOnce(p, 1))
      if (std::find(out.begin(), out.end(), q) == out.end()) out.push_back(std::move(q));
  return out;
}

Result<Synonyms> Synonyms::Parse(const std::string& text, const std::string& file_name) {
  Synonyms out;
  int line_no = 0;
  for (const auto& raw : Split(text, '\n')) {
    ++line_no;
    std::string line = Trim(raw.substr(0, raw.find('#')));
    if (line.empty()) continue;
    std::vector<std::string> phrases;
    for (const auto& part : Split(line, '|')) {
      auto words = Words(part);
      if (words.empty())
        return Invalid(file_name + " regel " + std::to_string(line_no) + ": een lege term tussen de '|'-tekens.");
      std::string phrase;
      for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
      phrases.push_back(phrase);
      out.longest_ = std::max(out.longest_, words.size());
    }
    if (phrases.size() < 2)
      return Invalid(file_name + " regel " + std::to_string(line_no) + ": een groep heeft minstens twee termen nodig.");
    ++out.groups_;
    for (const auto& p : phrases)
      for (const auto& q : phrases)
        if (p != q) out.alternatives_[p].push_back(Words(q));
  }
  return out;
}

const std::vector<std::vector<std::string>>* Synonyms::Alternatives(const std::string& phrase) const {
  auto it = alternatives_.find(phrase);
  return it == alternatives_.end() ? nullptr : &it->second;
}

bool IsStopword(std::string_view word) {
  // Function words of Dutch and words that say nothing in a problem statement.
  static const std::unordered_set<std::string_view> kStop = {
      "aan", "al", "alle", "als", "bij", "dan", "dat", "de", "den", "der", "des", "deze", "die", "dit", "door", "een",
      "en", "er", "ermee", "ervan", "ge", "geen", "had", "heb", "hebben", "heeft", "het", "hier", "hij", "hoe", "hun",
      "ik", "in", "is", "je", "jij", "kan", "kun", "kunnen", "maar", "me", "meer", "met", "mijn", "na", "naar", "niet",
      "nog", "nu", "of", "om", "omdat", "onder", "ons", "onze", "ook", "op", "over", "te", "ten", "ter", "tot", "u",
      "uit", "van", "veel", "voor", "waar", "wat", "we", "wel", "welke", "wie", "wij", "wil", "willen", "word",
      "worden", "wordt", "zal", "ze", "zich", "zij", "zijn", "zo", "zodat", "zonder", "zou", "zullen", "hoe", "eerder",
      "sneller", "beter", "manier", "graag", "gaan", "doen", "krijgen", "gemeente", "gemeenten", "uw", "laten",
      "moeten", "mogen", "zien", "komen", "staan", "ervoor", "daarbij", "waarmee", "waarin", "iets", "elke", "ieder"};
  return kStop.count(word) > 0;
}

std::string Stem(const std::string& word) {
  thread_local Xapian::Stem stemmer("dutch");
  return stemmer(word);
}

}  // namespace koers::search
