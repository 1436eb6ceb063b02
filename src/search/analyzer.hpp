// Dutch text analysis for the zoekhulp: words (case and accents folded),
// stop words, Snowball stemming, compound splitting against a lexicon, and
// synonym groups. The same analysis runs when indexing and when querying.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.hpp"

namespace koers::search {

// The words of `text`: lower case, accents removed, split at anything that is
// not a letter or digit (also typographic dashes, quotes and spaces).
std::vector<std::string> Words(std::string_view text);

// Known words, for splitting compounds: "hondenoverlast" is "honden" +
// "overlast" because both are known. Thread-safe once filled.
class Lexicon {
 public:
  void Add(std::string_view word);
  bool Contains(std::string_view word) const { return words_.find(word) != words_.end(); }
  size_t size() const { return words_.size(); }
  // Adds the stems of a hunspell dictionary (one "word/FLAGS" per line);
  // kNotFound when the file is missing.
  Status AddHunspell(const std::string& path);

  // The parts of a compound, longest analysis first and including the parts
  // of parts ("woningbouwmonitor" -> woningbouw, monitor, woning, bouw);
  // empty when `word` is not a compound of known words. Linking letters (s,
  // e, en) between parts are understood; a verb stem counts as known when
  // the verb is ("parkeer" from "parkeren").
  std::vector<std::string> Split(const std::string& word) const;

 private:
  bool KnownPart(std::string_view part) const;
  std::vector<std::string> SplitOnce(const std::string& word, int depth) const;
  // Looked up by string_view without building a string (compound splitting
  // tries many substrings per word).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

// Groups of words and phrases that mean the same for search
// (data/search/synoniemen.txt: "woz | onroerendezaakbelasting").
class Synonyms {
 public:
  // Parses the file format; kInvalid names the line of a mistake.
  static Result<Synonyms> Parse(const std::string& text, const std::string& file_name);
  // The other members of the group of `phrase` (words joined by one space),
  // each as its words; empty when `phrase` is in no group.
  const std::vector<std::vector<std::string>>* Alternatives(const std::string& phrase) const;
  size_t longest_phrase() const { return longest_; }
  size_t groups() const { return groups_; }

 private:
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> alternatives_;
  size_t longest_ = 1;
  size_t groups_ = 0;
};

// Dutch stop words: words too common to help find anything.
bool IsStopword(std::string_view word);

// The Snowball Dutch stem of a folded word. Thread-safe.
std::string Stem(const std::string& word);

}  // namespace koers::search
