#include "advice/knowledge.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/file_io.hpp"
#include "core/text.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

constexpr const char* kFiles[] = {"succesfactoren.yaml", "klimaat.yaml",   "themas.yaml", "opties.yaml",
                                  "regels.yaml",         "teamcheck.yaml", "lessen.yaml"};
constexpr size_t kMaxFileSize = 4 << 20;
constexpr int kMaxNesting = 64;

// yaml-cpp parses recursively: refuse nesting deeper than any knowledge file
// needs before it can exhaust the stack.
bool TooDeep(const std::string& text) {
  int depth = 0, chain = 0;
  bool line_start = true;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '[' || c == '{') ++depth;
    if ((c == ']' || c == '}') && depth > 0) --depth;
    if (c == '\n') {
      line_start = true;
      chain = 0;
    } else if (line_start && (c == '-' || c == '?' || c == ':')) {
      ++chain;  // "- - - x" nests one block per dash
    } else if (c != ' ') {
      line_start = false;
    }
    if (depth > kMaxNesting || chain > kMaxNesting) return true;
  }
  return false;
}

// Reads fields of YAML maps, collecting "file:line: problem" messages.
class Reader {
 public:
  Reader(std::string file, std::vector<std::string>* problems) : file_(std::move(file)), problems_(problems) {}

  void Bad(const YAML::Node& at, const std::string& what) {
    problems_->push_back(file_ + ":" + std::to_string(Line(at)) + ": " + what);
  }
  static int Line(const YAML::Node& n) { return n.Mark().line + 1; }

  // The map's value at `key` as text; problems for a missing or non-text value.
  std::string Text(const YAML::Node& map, const char* key, bool required = true) {
    YAML::Node v = map[key];
    if (!v) {
      if (required) Bad(map, std::string("'") + key + "' ontbreekt");
      return "";
    }
    if (!v.IsScalar()) {
      Bad(v, std::string("'") + key + "' moet tekst zijn");
      return "";
    }
    std::string s = Trim(v.Scalar());
    if (!IsValidUtf8(s)) {
      Bad(v, std::string("'") + key + "' is geen geldige UTF-8");
      return "";
    }
    if (required && s.empty()) Bad(v, std::string("'") + key + "' is leeg");
    return s;
  }

  std::vector<std::string> List(const YAML::Node& map, const char* key, bool required = false) {
    std::vector<std::string> out;
    YAML::Node v = map[key];
    if (!v) {
      if (required) Bad(map, std::string("'") + key + "' ontbreekt");
      return out;
    }
    if (v.IsScalar()) return {Trim(v.Scalar())};
    if (!v.IsSequence()) {
      Bad(v, std::string("'") + key + "' moet een lijst zijn, zoals [a, b]");
      return out;
    }
    for (const auto& item : v) {
      if (!item.IsScalar()) {
        Bad(item, std::string("'") + key + "' bevat iets anders dan tekst");
        continue;
      }
      out.push_back(Trim(item.Scalar()));
    }
    return out;
  }

  std::optional<int> Int(const YAML::Node& map, const char* key, int min, int max) {
    YAML::Node v = map[key];
    if (!v) return std::nullopt;
    int n = 0;
    if (!v.IsScalar() || !YAML::convert<int>::decode(v, n) || n < min || n > max) {
      Bad(v, std::string("'") + key + "' moet een geheel getal van " + std::to_string(min) + " tot " +
                 std::to_string(max) + " zijn");
      return std::nullopt;
    }
    return n;
  }

  // Reports keys of `map` outside `known`.
  void OnlyKeys(const YAML::Node& map, std::initializer_list<const char*> known) {
    for (const auto& kv : map) {
      std::string k = kv.first.IsScalar() ? kv.first.Scalar() : "?";
      if (std::none_of(known.begin(), known.end(), [&](const char* x) { return k == x; })) {
        std::string allowed;
        for (const char* x : known) allowed += (allowed.empty() ? "" : ", ") + std::string(x);
        Bad(kv.first, "onbekend veld '" + k + "'; toegestaan: " + allowed);
      }
    }
  }

  // The sequence under `key` of the file's top-level map.
  YAML::Node Sequence(const YAML::Node& root, const char* key) {
    if (!root.IsMap()) {
      Bad(root, "het bestand moet beginnen met '" + std::string(key) + ":'");
      return YAML::Node(YAML::NodeType::Sequence);
    }
    YAML::Node v = root[key];
    if (!v || !v.IsSequence()) {
      Bad(root, "'" + std::string(key) + ":' met een lijst ontbreekt");
      return YAML::Node(YAML::NodeType::Sequence);
    }
    return v;
  }

  bool IsEntry(const YAML::Node& n) {
    if (n.IsMap()) return true;
    Bad(n, "elk onderdeel van de lijst moet velden hebben (id: ..., naam: ...)");
    return false;
  }

 private:
  std::string file_;
  std::vector<std::string>* problems_;
};

void ReadItems(Reader& r, const YAML::Node& root, const char* key, std::vector<KnowledgeItem>* out) {
  for (const auto& n : r.Sequence(root, key)) {
    if (!r.IsEntry(n)) continue;
    r.OnlyKeys(n, {"id", "naam", "uitleg"});
    out->push_back({r.Text(n, "id"), r.Text(n, "naam"), r.Text(n, "uitleg")});
  }
}

const std::set<std::string> kScoreKinds = {"pijler", "factor", "kenmerk", "drempel"};
const std::set<std::string> kListKinds = {"fase", "status", "analyseniveau"};
const std::set<std::string> kKeyKinds = {"teamgat", "archetypegroep_ontbreekt"};
const std::set<std::string> kCountKinds = {"dagen_in_fase_min", "open_onbekenden_min", "dagen_zonder_terugblik_min"};
const std::set<std::string> kFactKinds = {"geen_businesscase", "geen_pitch", "geen_beoordeling",
                                          "geen_outcome_indicator", "beoordeling_achterstallig",
                                          "doorlooptijd_overschreden", "niet_opgeschaald",
                                          "terugblik_te_laat",         "geen_les_na_poort",
                                          "projectleider_zonder_vervanger"};

Condition ReadCondition(Reader& r, const YAML::Node& n) {
  Condition c;
  c.line = Reader::Line(n);
  c.reden = r.Text(n, "reden", false);
  std::vector<std::string> kinds;
  for (const auto& kv : n) {
    std::string k = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (kScoreKinds.count(k) || kListKinds.count(k) || kKeyKinds.count(k) || kCountKinds.count(k) ||
        kFactKinds.count(k))
      kinds.push_back(k);
    else if (k != "min" && k != "max" && k != "reden")
      r.Bad(kv.first, "onbekende voorwaarde '" + k + "'");
  }
  if (kinds.size() != 1) {
    r.Bad(n, "een voorwaarde test precies één ding (bijvoorbeeld 'factor: ...' met 'max: 2')");
    return c;
  }
  c.kind = kinds[0];
  if (kScoreKinds.count(c.kind)) {
    c.key = r.Text(n, c.kind.c_str());
    c.min = r.Int(n, "min", 1, 5);
    c.max = r.Int(n, "max", 1, 5);
    if (!c.min && !c.max) r.Bad(n, "een score-voorwaarde heeft 'min' of 'max' nodig");
  } else if (kListKinds.count(c.kind)) {
    c.values = r.List(n, c.kind.c_str(), true);
  } else if (kKeyKinds.count(c.kind)) {
    c.key = r.Text(n, c.kind.c_str());
  } else if (kCountKinds.count(c.kind)) {
    c.min = r.Int(n, c.kind.c_str(), 0, 100000);
    if (!c.min) r.Bad(n, "'" + c.kind + "' moet een aantal zijn");
  } else {
    YAML::Node v = n[c.kind];
    bool yes = false;
    if (!v.IsScalar() || !YAML::convert<bool>::decode(v, yes) || !yes)
      r.Bad(v, "'" + c.kind + "' kan alleen 'true' zijn");
  }
  if (c.reden.empty() && !kScoreKinds.count(c.kind))
    r.Bad(n, "deze voorwaarde heeft een 'reden' nodig: de woorden waarmee het advies wordt uitgelegd");
  if (!kScoreKinds.count(c.kind) && (n["min"] || n["max"]) && !kCountKinds.count(c.kind))
    r.Bad(n, "'min' en 'max' horen alleen bij pijler, factor, kenmerk en drempel");
  return c;
}

void ParseRoot(const std::string& name, const YAML::Node& root, Knowledge* k, std::vector<std::string>* problems) {
  Reader r(name, problems);
  if (name == "succesfactoren.yaml") {
    ReadItems(r, root, "succesfactoren", &k->factoren);
  } else if (name == "lessen.yaml") {
    ReadItems(r, root, "clusters", &k->lesclusters);
  } else if (name == "klimaat.yaml") {
    ReadItems(r, root, "kenmerken", &k->kenmerken);
    ReadItems(r, root, "drempels", &k->drempels);
  } else if (name == "themas.yaml") {
    for (const auto& n : r.Sequence(root, "themas")) {
      if (!r.IsEntry(n)) continue;
      r.OnlyKeys(n, {"id", "naam", "uitleg"});
      k->themas.push_back({r.Text(n, "id"), r.Text(n, "naam"), r.Text(n, "uitleg")});
    }
  } else if (name == "opties.yaml") {
    for (const auto& n : r.Sequence(root, "opties")) {
      if (!r.IsEntry(n)) continue;
      r.OnlyKeys(n, {"id", "titel", "tekst", "thema", "fasen", "versterkt"});
      k->opties.push_back({r.Text(n, "id"), r.Text(n, "titel"), r.Text(n, "tekst"), r.Text(n, "thema"),
                           r.List(n, "fasen", true), r.List(n, "versterkt")});
    }
  } else if (name == "regels.yaml") {
    for (const auto& n : r.Sequence(root, "regels")) {
      if (!r.IsEntry(n)) continue;
      r.OnlyKeys(n, {"id", "gewicht", "voor", "als", "opties"});
      AdviceRule rule;
      rule.line = Reader::Line(n);
      rule.id = r.Text(n, "id");
      rule.gewicht = r.Int(n, "gewicht", 1, 5).value_or(1);
      if (!n["gewicht"]) r.Bad(n, "'gewicht' ontbreekt");
      rule.voor = r.Text(n, "voor");
      if (!rule.voor.empty() && rule.voor != "innovatie" && rule.voor != "organisatie")
        r.Bad(n["voor"], "'voor' is innovatie of organisatie");
      YAML::Node als = n["als"];
      if (!als || !als.IsSequence() || als.size() == 0) {
        r.Bad(n, "'als' met minstens één voorwaarde ontbreekt");
      } else {
        for (const auto& c : als) {
          if (!c.IsMap()) {
            r.Bad(c, "een voorwaarde moet velden hebben, zoals 'factor: ...' en 'max: 2'");
            continue;
          }
          rule.als.push_back(ReadCondition(r, c));
        }
      }
      rule.opties = r.List(n, "opties", true);
      if (rule.opties.empty()) r.Bad(n, "'opties' is leeg");
      k->regels.push_back(std::move(rule));
    }
  } else if (name == "teamcheck.yaml") {
    for (const auto& n : r.Sequence(root, "archetypegroepen")) {
      if (!r.IsEntry(n)) continue;
      r.OnlyKeys(n, {"id", "naam", "archetypen", "uitleg"});
      k->archetypegroepen.push_back({r.Text(n, "id"), r.Text(n, "naam"), r.List(n, "archetypen", true),
                                     r.Text(n, "uitleg")});
    }
    for (const auto& n : r.Sequence(root, "regels")) {
      if (!r.IsEntry(n)) continue;
      r.OnlyKeys(n, {"id", "als", "nodig", "een_van", "reden"});
      TeamRule t;
      t.id = r.Text(n, "id");
      YAML::Node als = n["als"];
      if (!als || !als.IsMap()) {
        r.Bad(n, "'als' ontbreekt (fase, analyseniveau en/of team_heeft)");
      } else {
        r.OnlyKeys(als, {"fase", "analyseniveau", "team_heeft"});
        t.fase = r.List(als, "fase");
        t.analyseniveau = r.List(als, "analyseniveau");
        t.team_heeft = r.List(als, "team_heeft");
      }
      t.nodig = r.List(n, "nodig");
      t.een_van = r.List(n, "een_van");
      if (t.nodig.empty() == t.een_van.empty()) r.Bad(n, "geef 'nodig' of 'een_van', niet beide of geen van beide");
      t.reden = r.Text(n, "reden");
      k->team_regels.push_back(std::move(t));
    }
  } else {
    problems->push_back(name + ": onbekend bestand in de kennisbank");
  }
}

template <class T>
void CheckUnique(const std::vector<T>& items, const std::string& what, std::vector<std::string>* problems) {
  std::set<std::string> seen;
  for (const auto& i : items)
    if (!i.id.empty() && !seen.insert(i.id).second) problems->push_back(what + ": id '" + i.id + "' komt twee keer voor");
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& Pillars() {
  static const std::vector<std::pair<std::string, std::string>> kPillars = {{"publiekeWaarde", "Publieke waarde"},
                                                                            {"gebruikswaarde", "Gebruikswaarde"},
                                                                            {"technischeAanpak", "Technische aanpak"},
                                                                            {"kosten", "Kosten"}};
  return kPillars;
}

const KnowledgeItem* Knowledge::Factor(const std::string& id) const {
  for (const auto& f : factoren)
    if (f.id == id) return &f;
  return nullptr;
}
const KnowledgeItem* Knowledge::LessonCluster(const std::string& id) const {
  for (const auto& c : lesclusters)
    if (c.id == id) return &c;
  return nullptr;
}
const KnowledgeItem* Knowledge::Trait(const std::string& id) const {
  for (const auto& f : kenmerken)
    if (f.id == id) return &f;
  return nullptr;
}
const KnowledgeItem* Knowledge::Hurdle(const std::string& id) const {
  for (const auto& f : drempels)
    if (f.id == id) return &f;
  return nullptr;
}
const ActionOption* Knowledge::Option(const std::string& id) const {
  for (const auto& o : opties)
    if (o.id == id) return &o;
  return nullptr;
}
const Theme* Knowledge::FindTheme(const std::string& id) const {
  for (const auto& t : themas)
    if (t.id == id) return &t;
  return nullptr;
}

void ParseKnowledgeFile(const std::string& name, const std::string& text, Knowledge* k,
                        std::vector<std::string>* problems) {
  if (text.size() > kMaxFileSize) {
    problems->push_back(name + ": het bestand is te groot");
    return;
  }
  if (TooDeep(text)) {
    problems->push_back(name + ": de structuur is te diep genest");
    return;
  }
  try {
    ParseRoot(name, YAML::Load(text), k, problems);
  } catch (const YAML::Exception& e) {
    problems->push_back(name + ":" + std::to_string(e.mark.line + 1) + ": geen geldige YAML (" + e.msg + ")");
  }
}

void CheckKnowledge(const Knowledge& k, std::vector<std::string>* problems) {
  CheckUnique(k.factoren, "succesfactoren.yaml", problems);
  CheckUnique(k.lesclusters, "lessen.yaml", problems);
  CheckUnique(k.kenmerken, "klimaat.yaml (kenmerken)", problems);
  CheckUnique(k.drempels, "klimaat.yaml (drempels)", problems);
  CheckUnique(k.themas, "themas.yaml", problems);
  CheckUnique(k.opties, "opties.yaml", problems);
  CheckUnique(k.regels, "regels.yaml", problems);
  CheckUnique(k.team_regels, "teamcheck.yaml", problems);
  auto phase_ok = [](const std::string& f) { return vocab::kFase.Contains(f); };
  for (const auto& o : k.opties) {
    std::string at = "opties.yaml: optie '" + o.id + "'";
    if (!k.FindTheme(o.thema)) problems->push_back(at + ": onbekend thema '" + o.thema + "'");
    for (const auto& f : o.fasen)
      if (!phase_ok(f)) problems->push_back(at + ": onbekende fase '" + f + "'; kies uit " + vocab::kFase.Allowed());
    for (const auto& v : o.versterkt)
      if (!k.Factor(v) && !k.Trait(v) && !k.Hurdle(v))
        problems->push_back(at + ": 'versterkt' noemt '" + v + "', geen succesfactor, kenmerk of drempel");
  }
  std::set<std::string> pillars;
  for (const auto& [id, naam] : Pillars()) pillars.insert(id);
  std::set<std::string> roles;
  for (const auto& e : vocab::kRol.entries) roles.emplace(e.value);
  for (const auto& rule : k.regels) {
    std::string at = "regels.yaml:" + std::to_string(rule.line) + ": regel '" + rule.id + "'";
    for (const auto& o : rule.opties)
      if (!k.Option(o)) problems->push_back(at + ": onbekende optie '" + o + "'");
    for (const auto& c : rule.als) {
      std::string cat = "regels.yaml:" + std::to_string(c.line) + ": ";
      bool org_kind = c.kind == "kenmerk" || c.kind == "drempel";
      if (!c.kind.empty() && rule.voor == "organisatie" && !org_kind)
        problems->push_back(cat + "een regel voor een organisatie test alleen kenmerken en drempels");
      if (rule.voor == "innovatie" && org_kind)
        problems->push_back(cat + "een regel voor een innovatie test geen kenmerken of drempels");
      if (c.kind == "pijler" && !pillars.count(c.key))
        problems->push_back(cat + "onbekende pijler '" + c.key + "'");
      if (c.kind == "factor" && !k.Factor(c.key)) problems->push_back(cat + "onbekende succesfactor '" + c.key + "'");
      if (c.kind == "kenmerk" && !k.Trait(c.key)) problems->push_back(cat + "onbekend kenmerk '" + c.key + "'");
      if (c.kind == "drempel" && !k.Hurdle(c.key)) problems->push_back(cat + "onbekende drempel '" + c.key + "'");
      if (c.min && c.max && *c.min > *c.max) problems->push_back(cat + "'min' is groter dan 'max'");
      const Vocabulary* list = c.kind == "fase" ? &vocab::kFase
                               : c.kind == "status" ? &vocab::kStatus
                               : c.kind == "analyseniveau" ? &vocab::kAnalyseNiveau
                                                           : nullptr;
      if (list)
        for (const auto& v : c.values)
          if (!list->Contains(v)) problems->push_back(cat + "onbekende waarde '" + v + "'; kies uit " + list->Allowed());
      if (c.kind == "teamgat" && c.key != "any" && !roles.count(c.key))
        problems->push_back(cat + "onbekende rol '" + c.key + "'");
      if (c.kind == "archetypegroep_ontbreekt" &&
          std::none_of(k.archetypegroepen.begin(), k.archetypegroepen.end(), [&](const auto& g) { return g.id == c.key; }))
        problems->push_back(cat + "onbekende archetypegroep '" + c.key + "'");
    }
  }
  std::set<std::string> archetypes;
  for (const auto& e : vocab::kArchetype.entries) archetypes.emplace(e.value);
  for (const auto& g : k.archetypegroepen)
    for (const auto& a : g.archetypen)
      if (!archetypes.count(a)) problems->push_back("teamcheck.yaml: groep '" + g.id + "': onbekend archetype '" + a + "'");
  for (const auto& t : k.team_regels) {
    std::string at = "teamcheck.yaml: regel '" + t.id + "'";
    for (const auto& list : {&t.team_heeft, &t.nodig, &t.een_van})
      for (const auto& r : *list)
        if (!roles.count(r)) problems->push_back(at + ": onbekende rol '" + r + "'");
    for (const auto& f : t.fase)
      if (!phase_ok(f)) problems->push_back(at + ": onbekende fase '" + f + "'");
    for (const auto& a : t.analyseniveau)
      if (!vocab::kAnalyseNiveau.Contains(a)) problems->push_back(at + ": onbekend analyseniveau '" + a + "'");
  }
  if (k.factoren.size() != 9) problems->push_back("succesfactoren.yaml: er horen negen succesfactoren te zijn");
  if (k.opties.size() < 60) problems->push_back("opties.yaml: de bibliotheek hoort minstens 60 handelingsopties te hebben");
}

Result<Knowledge> LoadKnowledge(const std::string& dir) {
  Knowledge k;
  std::vector<std::string> problems;
  for (const char* name : kFiles) {
    std::string path = dir + "/" + name;
    auto text = ReadFile(path, kMaxFileSize);
    if (!text.ok()) {
      problems.push_back(std::string(name) + ": kan niet worden gelezen (" + text.error().message + ")");
      continue;
    }
    ParseKnowledgeFile(name, text.value(), &k, &problems);
  }
  if (problems.empty()) CheckKnowledge(k, &problems);
  if (!problems.empty()) {
    std::vector<FieldProblem> fields;
    for (const auto& p : problems) fields.push_back({"kennisbank", p});
    return Invalid("De kennisbank in " + dir + " bevat " + std::to_string(problems.size()) +
                       (problems.size() == 1 ? " fout: " : " fouten, de eerste: ") + problems.front(),
                   std::move(fields));
  }
  return k;
}

}  // namespace koers
