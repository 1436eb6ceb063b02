#include "app/clusters.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <numeric>
#include <optional>
#include <utility>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "app/not_found.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "search/analyzer.hpp"

namespace koers {
namespace {

using Shingles = std::vector<uint64_t>;  // sorted, unique

Shingles ShinglesOf(const std::string& text) {
  std::vector<std::string> words;
  for (auto& w : search::Words(text))
    if (!search::IsStopword(w)) words.push_back(std::move(w));
  Shingles out;
  std::hash<std::string> h;
  if (words.size() < 3) {
    for (const auto& w : words) out.push_back(h(w));
  } else {
    for (size_t i = 0; i + 2 < words.size(); ++i) out.push_back(h(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Jaccard(const Shingles& a, const Shingles& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::set<std::string> TitleWords(const std::string& title) {
  std::set<std::string> out;
  for (auto& w : search::Words(title))
    if (!search::IsStopword(w) && w.size() > 1) out.insert(search::Stem(w));
  return out;
}

double TitleSimilarity(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// Near-identical text: the same product described by its supplier.
constexpr double kSameText = 0.5;
// Alike text under a near-identical title.
constexpr double kAlikeText = 0.2;
constexpr double kSameTitle = 0.6;
// Shingles found in more documents than this say nothing about a product.
constexpr size_t kCommonShingle = 400;

// Product ids (interned product words), sorted.
using Products = std::vector<uint32_t>;

// Two records, or two groups, may be one product unless both name products
// and none in common: two different product names never merge.
bool Compatible(const Products& a, const Products& b) {
  if (a.empty() || b.empty()) return true;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

Products Merged(const Products& a, const Products& b) {
  Products out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

struct UnionFind {
  std::unordered_map<int64_t, int64_t> parent;
  // The products of each group, by its root, for those given (Name).
  std::unordered_map<int64_t, Products> products;
  void Name(int64_t x, const Products& p) {
    if (!p.empty() && parent.try_emplace(x, x).second) products[x] = p;
  }
  bool Compatible(int64_t a, int64_t b) {
    auto pa = products.find(Find(a)), pb = products.find(Find(b));
    return pa == products.end() || pb == products.end() || koers::Compatible(pa->second, pb->second);
  }
  int64_t Find(int64_t x) {
    auto it = parent.try_emplace(x, x).first;
    while (it->second != x) {
      auto up = parent.find(it->second);
      it->second = up->second;  // path halving
      x = up->first;
      it = up;
    }
    return x;
  }
  // False when they were joined already.
  bool Join(int64_t a, int64_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return false;
    parent[a] = b;
    if (auto pa = products.find(a); pa != products.end()) {
      auto& pb = products[b];
      pb = Merged(pa->second, pb);
      products.erase(a);
    }
    return true;
  }
};

// Product and vendor names in titles: words written with a capital that
// Dutch does not know (Zivver, Octobox, ReadSpeaker, iBurgerzaken), other
// than acronyms (BRP, WOZ) and words of organisation names. They are
// strong keys: records naming the same product join whatever their
// descriptions say, and records naming only different products never do.
// "Dutch" is the word list of the hunspell dictionary (its head words, names
// included), with the common inflections and compounds of its words. (The
// hunspell library itself reads outside its buffers on some compounds,
// "Huurprijscalculator" among them, under AddressSanitizer.)
class ProductWords {
 public:
  ProductWords(const std::string& dic, std::set<std::string> excluded) : excluded_(std::move(excluded)) {
    std::ifstream in(dic);
    std::string line;
    std::getline(in, line);  // the number of entries
    while (std::getline(in, line)) {
      std::string word = line.substr(0, line.find('/'));
      if (!word.empty() && word.find_first_of(" .0123456789") == std::string::npos) words_.Add(word);
    }
  }
  // Folded to lower case, sorted, unique.
  std::vector<std::string> Of(const std::string& title) {
    std::vector<std::string> out;
    std::string word;
    auto take = [&] {
      bool upper = false, lower = false;
      for (char ch : word) {
        upper = upper || (ch >= 'A' && ch <= 'Z');
        lower = lower || (ch >= 'a' && ch <= 'z') || static_cast<unsigned char>(ch) >= 0x80;
      }
      std::string folded = AsciiLower(FoldAccents(word));
      if (word.size() >= 3 && upper && lower && !search::IsStopword(folded) && !excluded_.count(folded) &&
          !Dutch(folded))
        out.push_back(std::move(folded));
      word.clear();
    };
    for (char ch : title) {
      if (std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) {
        word += ch;
      } else if (!word.empty()) {
        take();
      }
    }
    if (!word.empty()) take();
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  // A word of the list, an inflection of one (signalen from signaal,
  // meldingen, tooltje), or a compound of them (anonimiserings|software).
  bool Dutch(const std::string& w) {
    auto [it, fresh] = dutch_.try_emplace(w, false);
    if (fresh) it->second = Known(w) || Compound(w);
    return it->second;
  }
  // Two Dutch words of four letters or more (with a linking s, e or en),
  // nine letters in all: shorter ones make product names look Dutch
  // (data|mask), while veeg|routes is a compound.
  bool Compound(const std::string& w) const {
    if (w.size() < 9) return false;
    for (size_t i = 4; i + 4 <= w.size(); ++i) {
      if (!Known(w.substr(i))) continue;
      std::string left = w.substr(0, i);
      if (Known(left)) return true;
      for (std::string_view link : {"s", "e", "en"})
        if (left.size() >= link.size() + 4 && left.ends_with(link) && Known(left.substr(0, left.size() - link.size())))
          return true;
    }
    return false;
  }
  bool Known(const std::string& w) const {
    if (words_.Contains(w)) return true;
    for (std::string_view suffix : {"s", "en", "e", "n", "er", "ers", "je", "jes", "tje", "tjes"}) {
      if (w.size() < suffix.size() + 3 || !w.ends_with(suffix)) continue;
      std::string stem = w.substr(0, w.size() - suffix.size());
      if (words_.Contains(stem)) return true;
      // A long vowel is written single before an ending (signal|en from
      // signaal), a short one doubles the consonant (slimm|e from slim).
      size_t n = stem.size();
      const std::string vowels = "aeiou";
      if (vowels.find(stem[n - 1]) == std::string::npos && vowels.find(stem[n - 2]) != std::string::npos &&
          words_.Contains(stem.substr(0, n - 1) + stem[n - 2] + stem[n - 1]))
        return true;
      if (stem[n - 1] == stem[n - 2] && words_.Contains(stem.substr(0, n - 1))) return true;
    }
    // A past participle of a known verb: geautomatiseer|d(e) from automatiseren.
    if (w.starts_with("ge") && w.size() > 6)
      for (std::string_view end : {"d", "t", "de", "te"})
        if (w.ends_with(end)) {
          std::string verb = w.substr(2, w.size() - 2 - end.size());
          if (words_.Contains(verb + "en") || Known(verb)) return true;
        }
    return false;
  }
  search::Lexicon words_;
  std::set<std::string> excluded_;
  std::unordered_map<std::string, bool> dutch_;
};

// Texts by id with an inverted list of their shingles, so that the partners
// of one text are found without comparing it with every other.
class SimilarityIndex {
 public:
  void Add(int64_t id, const std::string& titel, const std::string& text,
           const std::vector<std::string>& products = {}) {
    Remove(id);
    uint32_t slot;
    if (!free_.empty()) {
      slot = free_.back();
      free_.pop_back();
    } else {
      slot = static_cast<uint32_t>(entries_.size());
      entries_.emplace_back();
      seen_.push_back(0);
    }
    Entry& e = entries_[slot];
    e.id = id;
    e.shingles = ShinglesOf(text.empty() ? titel : text);
    e.title = TitleWords(titel);
    for (const auto& p : products)
      e.products.push_back(product_ids_.emplace(p, static_cast<uint32_t>(product_ids_.size())).first->second);
    std::sort(e.products.begin(), e.products.end());
    slot_of_[id] = slot;
    for (uint64_t s : e.shingles) postings_[s].push_back(slot);
    for (uint32_t p : e.products) product_postings_[p].push_back(slot);
  }
  const Products& ProductsOf(int64_t id) const {
    static const Products none;
    auto it = slot_of_.find(id);
    return it == slot_of_.end() ? none : entries_[it->second].products;
  }
  void Remove(int64_t id) {
    auto it = slot_of_.find(id);
    if (it == slot_of_.end()) return;
    Entry& e = entries_[it->second];
    for (uint64_t s : e.shingles) {
      auto p = postings_.find(s);
      std::erase(p->second, it->second);
      if (p->second.empty()) postings_.erase(p);
    }
    for (uint32_t p : e.products) std::erase(product_postings_[p], it->second);
    e = Entry{};
    free_.push_back(it->second);
    slot_of_.erase(it);
  }
  // Calls fn(other) for each id that names a product `id` names, or whose
  // text is near-identical to that of `id`, or alike under a near-identical
  // title, unless the two name only different products; skips an other for
  // which skip(other) holds before comparing. Candidates share an uncommon
  // product word or shingle.
  template <typename Skip, typename Fn>
  void Partners(int64_t id, Skip skip, Fn fn) {
    auto at = slot_of_.find(id);
    if (at == slot_of_.end()) return;
    const Entry& me = entries_[at->second];
    uint32_t stamp = ++stamp_;
    seen_[at->second] = stamp;
    for (uint32_t p : me.products) {
      const auto& list = product_postings_.find(p)->second;
      if (list.size() > kCommonShingle) continue;
      for (uint32_t j : list) {
        if (seen_[j] == stamp) continue;
        seen_[j] = stamp;
        if (!skip(entries_[j].id)) fn(entries_[j].id);
      }
    }
    for (uint64_t s : me.shingles) {
      const auto& list = postings_.find(s)->second;
      if (list.size() > kCommonShingle) continue;
      for (uint32_t j : list) {
        if (seen_[j] == stamp) continue;
        seen_[j] = stamp;
        const Entry& other = entries_[j];
        if (!Compatible(me.products, other.products) || skip(other.id)) continue;
        double text = Jaccard(me.shingles, other.shingles);
        if (text >= kSameText || (text >= kAlikeText && TitleSimilarity(me.title, other.title) >= kSameTitle))
          fn(other.id);
      }
    }
  }
  // Enough similar pairs to connect every group. Each text counts the
  // uncommon shingles it shares with later ones through the inverted lists;
  // the exact comparison only runs for a pair not yet connected whose
  // count leaves room for enough similarity.
  std::vector<std::pair<int64_t, int64_t>> SpanningPairs() const {
    std::vector<std::pair<int64_t, int64_t>> out;
    size_t n = entries_.size();
    std::vector<uint32_t> parent(n), shared(n, 0), touched;
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<Products> products(n);  // by root
    for (uint32_t i = 0; i < n; ++i) products[i] = entries_[i].products;
    auto find = [&](uint32_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    auto join = [&](uint32_t i, uint32_t j) {
      uint32_t a = find(i), b = find(j);
      products[b] = Merged(products[a], products[b]);
      products[a].clear();
      parent[a] = b;
      out.emplace_back(std::min(entries_[i].id, entries_[j].id), std::max(entries_[i].id, entries_[j].id));
    };
    // Records naming the same product first: they join whatever their texts say.
    for (const auto& [p, list] : product_postings_) {
      if (list.size() > kCommonShingle) continue;
      for (size_t k = 1; k < list.size(); ++k)
        if (find(list[0]) != find(list[k]) && Compatible(products[find(list[0])], products[find(list[k])]))
          join(list[0], list[k]);
    }
    for (uint32_t i = 0; i < n; ++i) {
      const Entry& a = entries_[i];
      if (a.id == 0) continue;  // a free slot
      size_t common = 0;        // shingles of `a` too common to list
      for (uint64_t s : a.shingles) {
        const auto& list = postings_.find(s)->second;
        if (list.size() > kCommonShingle) {
          ++common;
          continue;
        }
        for (uint32_t j : list)
          if (j > i && shared[j]++ == 0) touched.push_back(j);
      }
      for (uint32_t j : touched) {
        size_t counted = std::exchange(shared[j], 0);
        if (find(i) == find(j)) continue;
        const Entry& b = entries_[j];
        if (!Compatible(a.products, b.products) || !Compatible(products[find(i)], products[find(j)])) continue;
        size_t most = counted + std::min(common, b.shingles.size() - counted);
        auto jaccard = [&](size_t both) {
          return static_cast<double>(both) / static_cast<double>(a.shingles.size() + b.shingles.size() - both);
        };
        if (jaccard(most) < kAlikeText) continue;
        double text = common == 0 ? jaccard(counted) : Jaccard(a.shingles, b.shingles);
        if (text >= kSameText || (text >= kAlikeText && TitleSimilarity(a.title, b.title) >= kSameTitle)) join(i, j);
      }
      touched.clear();
    }
    return out;
  }

 private:
  struct Entry {
    int64_t id = 0;
    Shingles shingles;
    std::set<std::string> title;
    Products products;
  };
  std::vector<Entry> entries_;
  std::vector<uint32_t> free_;
  std::unordered_map<int64_t, uint32_t> slot_of_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;
  std::unordered_map<std::string, uint32_t> product_ids_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> product_postings_;
  std::vector<uint32_t> seen_;
  uint32_t stamp_ = 0;
};

using Adjacency = std::map<int64_t, std::set<int64_t>>;

// The ids connected to `start` (itself included), sorted.
std::vector<int64_t> ComponentOf(const Adjacency& adjacency, int64_t start) {
  std::vector<int64_t> group{start}, todo{start};
  std::unordered_set<int64_t> done{start};
  while (!todo.empty()) {
    int64_t at = todo.back();
    todo.pop_back();
    auto next = adjacency.find(at);
    if (next == adjacency.end()) continue;
    for (int64_t n : next->second)
      if (done.insert(n).second) {
        group.push_back(n);
        todo.push_back(n);
      }
  }
  std::sort(group.begin(), group.end());
  return group;
}

// Connected groups of at least two ids.
std::vector<std::vector<int64_t>> Components(const Adjacency& adjacency) {
  std::vector<std::vector<int64_t>> out;
  std::unordered_set<int64_t> done;
  for (const auto& [start, next] : adjacency) {
    if (next.empty() || done.count(start)) continue;
    auto group = ComponentOf(adjacency, start);
    done.insert(group.begin(), group.end());
    out.push_back(std::move(group));
  }
  return out;
}

void Connect(Adjacency& adjacency, int64_t a, int64_t b) {
  adjacency[a].insert(b);
  adjacency[b].insert(a);
}

}  // namespace

double ShingleSimilarity(const std::string& a, const std::string& b) { return Jaccard(ShinglesOf(a), ShinglesOf(b)); }

std::vector<std::vector<size_t>> GroupSimilar(const std::vector<std::pair<std::string, std::string>>& texts) {
  SimilarityIndex index;
  for (size_t i = 0; i < texts.size(); ++i) index.Add(static_cast<int64_t>(i) + 1, texts[i].first, texts[i].second);
  Adjacency adjacency;
  for (const auto& [a, b] : index.SpanningPairs()) Connect(adjacency, a, b);
  std::vector<std::vector<size_t>> out;
  for (const auto& group : Components(adjacency)) {
    out.emplace_back();
    for (int64_t id : group) out.back().push_back(static_cast<size_t>(id - 1));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ClusterName(const std::vector<ClusterMember>& members) {
  std::map<std::string, int> count;
  for (const auto& m : members) ++count[m.titel];
  auto best = count.begin();
  for (auto it = count.begin(); it != count.end(); ++it)
    if (it->second > best->second) best = it;
  return best == count.end() ? std::string() : best->first;
}

size_t OrganisationCount(const std::vector<ClusterMember>& members) {
  std::set<std::string> orgs;
  for (const auto& m : members) orgs.insert(m.organisatie);
  return orgs.size();
}

// What the clusters are made of, kept between calls: the members' names,
// the links (as stored) and, from the first change on, the similarity index
// over every innovation.
struct Clusters::State {
  std::unordered_map<int64_t, ClusterMember> members;  // every innovation, without its text
  Adjacency links;
  std::optional<SimilarityIndex> index;
  std::unique_ptr<ProductWords> words;  // none without a dictionary

  void Index(const Innovation& in) {
    const std::string& text = in.samenvatting.empty() ? in.doel : in.samenvatting;
    index->Add(in.id, in.titel, text, words ? words->Of(in.titel) : std::vector<std::string>{});
  }

  void Remember(const Innovation& in) {
    members[in.id] = {in.id, in.titel, in.organisatie, in.organisatie_naam, in.zichtbaarheid == "openbaar", FoldAccents(in.titel)};
  }
  // Links the cluster of `id` again after `id` changed (the index holds its
  // new text, or not when it is gone): the rest of its old cluster may fall
  // apart, and `id` may join other clusters. Adds the ids whose links
  // changed to `touched`.
  void Relink(int64_t id, std::set<int64_t>& touched) {
    auto old = ComponentOf(links, id);
    for (int64_t m : old) links.erase(m);
    touched.insert(old.begin(), old.end());
    std::unordered_set<int64_t> seen(old.begin(), old.end());
    UnionFind uf;
    for (int64_t m : old) uf.Name(m, index->ProductsOf(m));
    for (int64_t m : old) {
      auto skip = [&](int64_t o) {
        if (seen.insert(o).second) {
          // Another cluster, untouched so far: its members are connected.
          auto other = ComponentOf(links, o);
          for (int64_t x : other) {
            seen.insert(x);
            uf.Name(x, index->ProductsOf(x));
            uf.Join(x, o);
          }
        }
        return uf.Find(o) == uf.Find(m) || !uf.Compatible(o, m);
      };
      index->Partners(m, skip, [&](int64_t o) {
        uf.Join(m, o);
        Connect(links, m, o);
        touched.insert(o);
      });
    }
  }
};

namespace {

InnovationFilter Everything() {
  InnovationFilter f;
  f.viewer.alles = true;
  f.sorteer = "id";
  return f;
}

}  // namespace

Clusters::Clusters(Store& store, Register& reg, std::string dictionary, std::string replica)
    : store_(store),
      reg_(reg),
      dictionary_(std::move(dictionary)),
      consumer_(replica.empty() ? kClusterConsumer : kClusterConsumer + ("@" + replica)) {}
Clusters::~Clusters() = default;

// The product words, when the Dutch dictionary is there: organisation
// names are not products.
Status Clusters::LoadProductWords(State& state) {
  namespace fs = std::filesystem;
  if (dictionary_.empty() || !fs::exists(dictionary_)) return Status::Ok();
  auto orgs = store_.Read([](Work& w) { return w.organisations().All(); });
  if (!orgs.ok()) return orgs.status();
  std::set<std::string> excluded;
  for (const auto& o : orgs.value())
    for (auto& w : search::Words(o.naam)) excluded.insert(std::move(w));
  state.words = std::make_unique<ProductWords>(dictionary_, std::move(excluded));
  return Status::Ok();
}

// Loads the state on first use (comparing everything when the store has no
// links yet), then applies the changes the feed holds for the clusters.
// The stored pairs are as of the shared position (kClusterConsumer); a
// replica starts from there with its own and moves both on.
Status Clusters::CatchUp() {
  if (!state_) {
    auto state = std::make_unique<State>();
    if (Status s = LoadProductWords(*state); !s.ok()) return s;
    bool have_links = false;
    int64_t head = 0;
    std::vector<std::pair<int64_t, int64_t>> pairs;
    Status read = store_.Read([&](Work& w) -> Status {
      auto shared = w.changes().Position(kClusterConsumer);
      if (!shared.ok()) return shared.error();
      have_links = shared.value().has_value();
      auto h = have_links ? Result<int64_t>(*shared.value()) : w.changes().Head();
      if (!h.ok()) return h.error();
      head = h.value();
      if (!have_links) state->index.emplace();
      Status each = w.innovations().Each(Everything(), [&](const Innovation& in) {
        state->Remember(in);
        if (state->index) state->Index(in);
        return true;
      });
      if (!each.ok() || !have_links) return each;
      auto stored = w.clusters().Pairs();
      if (!stored.ok()) return stored.error();
      pairs = std::move(stored.value());
      return Status::Ok();
    });
    if (!read.ok()) return read;
    if (!have_links) {
      pairs = state->index->SpanningPairs();
      Status write = store_.Write([&](Work& w) -> Status {
        Status s = w.clusters().ReplaceAll(pairs);
        return s.ok() ? w.changes().Done(kClusterConsumer, head) : s;
      });
      if (!write.ok()) return write;
      log::Info("clusters_vergeleken", {{"innovaties", state->members.size()}, {"koppelingen", pairs.size()}});
    }
    if (consumer_ != kClusterConsumer) {
      Status own = store_.Write([&](Work& w) { return w.changes().Done(consumer_, head); });
      if (!own.ok()) return own;
    }
    for (const auto& [a, b] : pairs) Connect(state->links, a, b);
    state_ = std::move(state);
  }
  for (;;) {
    ChangeBatch batch;
    std::vector<Innovation> changed;
    Status read = store_.Read([&](Work& w) -> Status {
      auto pending = w.changes().Pending(consumer_, 500);
      if (!pending.ok()) return pending.error();
      batch = std::move(pending.value());
      if (batch.ids.empty()) return Status::Ok();
      auto got = w.innovations().GetMany(batch.ids);
      if (!got.ok()) return got.error();
      changed = std::move(got.value());
      // The index is only needed once something changes.
      if (state_->index) return Status::Ok();
      state_->index.emplace();
      return w.innovations().Each(Everything(), [&](const Innovation& in) {
        state_->Index(in);
        return true;
      });
    });
    if (!read.ok()) {
      state_.reset();
      return read;
    }
    if (batch.ids.empty()) return Status::Ok();
    for (int64_t id : batch.ids) {
      state_->members.erase(id);
      state_->index->Remove(id);
    }
    for (const auto& in : changed) {
      state_->Remember(in);
      state_->Index(in);
    }
    std::set<int64_t> touched;
    for (int64_t id : batch.ids) state_->Relink(id, touched);
    std::set<std::pair<int64_t, int64_t>> pairs;
    for (int64_t id : touched)
      if (auto it = state_->links.find(id); it != state_->links.end())
        for (int64_t o : it->second) pairs.emplace(std::min(id, o), std::max(id, o));
    Status write = store_.Write([&](Work& w) -> Status {
      Status s = w.clusters().Replace({touched.begin(), touched.end()}, {pairs.begin(), pairs.end()});
      if (s.ok() && consumer_ != kClusterConsumer) s = w.changes().Done(consumer_, batch.last);
      return s.ok() ? w.changes().Done(kClusterConsumer, batch.last) : s;
    });
    if (!write.ok()) {
      state_.reset();  // start again from what the store holds
      return write;
    }
  }
}

// The members whose titles name the cluster's product when its titles name
// exactly one (a cluster is named after its product), else all of them.
std::vector<ClusterMember> Clusters::ProductTitles(const std::vector<ClusterMember>& members) {
  if (!state_->words) return members;
  std::set<std::string> named;
  std::vector<std::vector<std::string>> words;
  for (const auto& m : members) {
    words.push_back(state_->words->Of(m.titel));
    named.insert(words.back().begin(), words.back().end());
  }
  if (named.size() != 1) return members;
  std::vector<ClusterMember> out;
  for (size_t i = 0; i < members.size(); ++i)
    if (!words[i].empty()) out.push_back(members[i]);
  return out;
}

Result<std::shared_ptr<const std::vector<Cluster>>> Clusters::All() {
  auto counter = reg_.ChangeCounter();
  if (!counter.ok()) return counter.error();
  std::lock_guard lock(mutex_);
  if (clusters_ && counter_ == counter.value()) return clusters_;
  if (Status s = CatchUp(); !s.ok()) return s.error();
  auto out = std::make_shared<std::vector<Cluster>>();
  for (const auto& group : Components(state_->links)) {
    Cluster c;
    int64_t smallest_public = INT64_MAX;
    for (int64_t id : group) {
      auto m = state_->members.find(id);
      if (m == state_->members.end()) continue;
      c.leden.push_back(m->second);
      if (m->second.openbaar) smallest_public = std::min(smallest_public, id);
    }
    c.organisaties = OrganisationCount(c.leden);
    if (c.leden.size() < 2 || c.organisaties < 2) continue;
    c.alle_openbaar = smallest_public != INT64_MAX &&
                      std::all_of(c.leden.begin(), c.leden.end(), [](const ClusterMember& m) { return m.openbaar; });
    c.id = "c" + std::to_string(smallest_public != INT64_MAX ? smallest_public : c.leden.front().innovatie_id);
    out->push_back(std::move(c));
  }
  std::sort(out->begin(), out->end(), [](const Cluster& a, const Cluster& b) {
    return a.leden.size() != b.leden.size() ? a.leden.size() > b.leden.size() : a.id < b.id;
  });
  // One name per cluster, from public titles only: the most common, and for
  // a name a larger cluster already has, where it is used.
  std::unordered_set<std::string> taken;
  for (auto& c : *out) {
    std::vector<ClusterMember> open;
    for (const auto& m : c.leden)
      if (m.openbaar) open.push_back(m);
    if (open.empty()) continue;
    std::string name = ClusterName(ProductTitles(open));
    if (taken.count(name)) {
      size_t others = OrganisationCount(open) - 1;
      name += " (" + open.front().organisatie_naam +
              (others ? " en " + std::to_string(others) + (others == 1 ? " andere" : " andere organisaties") : "") + ")";
    }
    if (taken.count(name)) name += " " + c.id;
    taken.insert(name);
    c.naam = std::move(name);
  }
  // Search shows each cluster as one entry.
  std::unordered_map<int64_t, std::string> products;
  for (const auto& c : *out)
    for (const auto& m : c.leden) products[m.innovatie_id] = c.id;
  if (Status s = reg_.search().SetProducts(products); !s.ok()) return s.error();
  counter_ = counter.value();
  clusters_ = out;
  return clusters_;
}

std::vector<ClusterMember> Clusters::Visible(const Cluster& c, const Actor& actor) {
  std::vector<ClusterMember> out;
  for (const auto& m : c.leden)
    if (m.openbaar || reg_.Header(m.innovatie_id, actor).ok()) out.push_back(m);
  return out;
}

Result<Clusters::Opened> Clusters::Open(const std::string& id, const Actor& actor) {
  auto all = All();
  if (!all.ok()) return all.error();
  Opened out;
  out.all = std::move(all).value();
  out.cluster = Find(*out.all, id);
  if (!out.cluster) return NotFoundError(Missing::kCluster);
  out.zichtbaar = Visible(*out.cluster, actor);
  if (OrganisationCount(out.zichtbaar) < 2) return NotFoundError(Missing::kCluster);
  return out;
}

const Cluster* Clusters::Find(const std::vector<Cluster>& all, const std::string& id) {
  for (const auto& c : all)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace koers
