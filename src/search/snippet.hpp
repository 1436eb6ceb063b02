// Snippets for search results: the stretch of a text with the most matched
// words, cut at word boundaries, with the matches marked.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "search/analyzer.hpp"
#include "search/search.hpp"

namespace koers::search {

// A window of about `max_words` words of `text` around the densest matches of
// `stems` (a word matches when its stem or the stem of one of its compound
// parts is in `stems`). Texts without matches give their start.
std::vector<Fragment> MakeSnippet(const std::string& text, const std::set<std::string>& stems, const Lexicon& lexicon,
                                  size_t max_words);

}  // namespace koers::search
