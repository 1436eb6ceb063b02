#include "app/clusters.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/log.hpp"
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

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

// Near-identical text: the same product described by its supplier.
constexpr double kSameText = 0.5;
// Alike text under a near-identical title.
constexpr double kAlikeText = 0.2;
constexpr double kSameTitle = 0.6;
// Shingles found in more documents than this say nothing about a product.
constexpr size_t kCommonShingle = 400;

}  // namespace

double ShingleSimilarity(const std::string& a, const std::string& b) { return Jaccard(ShinglesOf(a), ShinglesOf(b)); }

std::vector<std::vector<size_t>> GroupSimilar(const std::vector<std::pair<std::string, std::string>>& texts) {
  size_t n = texts.size();
  std::vector<Shingles> shingles(n);
  std::vector<std::set<std::string>> titles(n);
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  for (size_t i = 0; i < n; ++i) {
    shingles[i] = ShinglesOf(texts[i].second.empty() ? texts[i].first : texts[i].second);
    titles[i] = TitleWords(texts[i].first);
    for (uint64_t s : shingles[i]) postings[s].push_back(static_cast<uint32_t>(i));
  }
  // Candidate pairs share at least one uncommon shingle.
  UnionFind uf(n);
  std::vector<uint32_t> seen(n, UINT32_MAX);
  for (size_t i = 0; i < n; ++i) {
    for (uint64_t s : shingles[i]) {
      const auto& list = postings[s];
      if (list.size() > kCommonShingle) continue;
      for (uint32_t j : list) {
        if (j <= i || seen[j] == i) continue;
        seen[j] = static_cast<uint32_t>(i);
        double text = Jaccard(shingles[i], shingles[j]);
        if (text >= kSameText || (text >= kAlikeText && TitleSimilarity(titles[i], titles[j]) >= kSameTitle))
          uf.Join(i, j);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[uf.Find(i)].push_back(i);
  std::vector<std::vector<size_t>> out;
  for (auto& [root, members] : groups)
    if (members.size() >= 2) out.push_back(std::move(members));
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

Result<std::shared_ptr<const std::vector<Cluster>>> Clusters::All() {
  auto counter = reg_.ChangeCounter();
  if (!counter.ok()) return counter.error();
  std::lock_guard lock(mutex_);
  if (clusters_ && counter_ == counter.value()) return clusters_;
  // Every innovation, without children, in one streaming read.
  std::vector<Innovation> all;
  InnovationFilter everything;
  everything.viewer.alles = true;
  everything.sorteer = "id";
  Status read = store_.Read([&](Work& w) {
    return w.innovations().Each(everything, [&](const Innovation& in) {
      all.push_back(in);
      return true;
    });
  });
  if (!read.ok()) return read.error();
  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& in : all) texts.emplace_back(in.titel, in.samenvatting.empty() ? in.doel : in.samenvatting);
  auto out = std::make_shared<std::vector<Cluster>>();
  for (const auto& group : GroupSimilar(texts)) {
    std::set<std::string> orgs;
    for (size_t i : group) orgs.insert(all[i].organisatie);
    if (orgs.size() < 2) continue;
    Cluster c;
    int64_t smallest = INT64_MAX, smallest_public = INT64_MAX;
    for (size_t i : group) {
      c.leden.push_back({all[i].id, all[i].titel, all[i].organisatie});
      smallest = std::min(smallest, all[i].id);
      if (all[i].zichtbaarheid == "openbaar") smallest_public = std::min(smallest_public, all[i].id);
    }
    c.id = "c" + std::to_string(smallest_public != INT64_MAX ? smallest_public : smallest);
    out->push_back(std::move(c));
  }
  std::sort(out->begin(), out->end(), [](const Cluster& a, const Cluster& b) {
    return a.leden.size() != b.leden.size() ? a.leden.size() > b.leden.size() : a.id < b.id;
  });
  log::Info("clusters_berekend", {{"aantal", out->size()}, {"innovaties", all.size()}});
  counter_ = counter.value();
  clusters_ = out;
  return clusters_;
}

std::vector<ClusterMember> Clusters::Visible(const Cluster& c, const Actor& actor) {
  std::vector<ClusterMember> out;
  for (const auto& m : c.leden)
    if (reg_.Header(m.innovatie_id, actor).ok()) out.push_back(m);
  return out;
}

}  // namespace koers
