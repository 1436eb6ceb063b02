#include "formats/register_export.hpp"

#include <cctype>
#include <map>
#include <string_view>

#include "core/text.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

using nlohmann::json;
using Kind = RegisterNote::Kind;

constexpr const char* kRegistry = "algoritmeregister";

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Percent-encodes what RFC 3986 does not allow in a URI, keeping valid
// escapes and the first '#'.
std::string EncodeLink(const std::string& link) {
  static const std::string kAllowed =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";
  std::string out;
  bool fragment = false;
  for (size_t i = 0; i < link.size(); ++i) {
    char c = link[i];
    if (kAllowed.find(c) != std::string::npos || (c == '%' && i + 2 < link.size() && IsHex(link[i + 1]) && IsHex(link[i + 2]))) {
      out += c;
    } else if (c == '#' && !fragment) {
      fragment = true;
      out += c;
    } else {
      static const char* kDigits = "0123456789ABCDEF";
      unsigned char b = static_cast<unsigned char>(c);
      out += '%';
      out += kDigits[b >> 4];
      out += kDigits[b & 15];
    }
  }
  return out;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string Month(const std::string& date) { return date.size() >= 7 ? date.substr(0, 7) : ""; }

std::string StandardStatus(const Innovation& in) {
  if (in.status == "gestopt" || in.status == "op_de_plank") return "Buiten gebruik";
  if (in.fase == "implementatie" || in.fase == "opschaling") return "In gebruik";
  return "In ontwikkeling";
}

std::string ThemeOfDomain(const std::string& domein) {
  if (domein == "sociaal") return "Sociale zekerheid";
  if (domein == "fysiek") return "Ruimte en infrastructuur";
  if (domein == "veiligheid") return "Openbare orde en veiligheid";
  if (domein == "bedrijfsvoering") return "Bestuur";
  return {};
}

class Builder {
 public:
  explicit Builder(RegisterRecord* out) : out_(out) {}

  // A text field: `value`, else `fallback` (noted as assumed from `from`).
  void Text(const char* field, const char* label, size_t max, bool mandatory, const std::string& value,
            const std::string& fallback = {}, const char* from = nullptr) {
    std::string v = value;
    if (v.empty() && !fallback.empty()) {
      v = fallback;
      Note(Kind::kAssumed, field, label, std::string(label) + " is overgenomen uit " + from + "; controleer of dat klopt.");
    }
    if (v.empty()) {
      if (mandatory) {
        Note(Kind::kMissing, field, label, std::string(label) + " is verplicht in het Algoritmeregister en nog niet ingevuld.");
        out_->record[field] = "";
      }
      return;
    }
    const bool cut = Utf8Length(v) > max;
    v = ShortenUtf8(v, max);
    if (cut)
      Note(Kind::kShortened, field, label,
           std::string(label) + " is langer dan de " + std::to_string(max) + " tekens die het register toestaat en is ingekort.");
    out_->record[field] = std::move(v);
  }

  void Link(const char* field, const std::string& value) {
    if (!value.empty()) out_->record[field] = EncodeLink(value);
  }

  void Note(Kind kind, const char* field, const char* label, std::string message) {
    out_->notes.push_back({kind, field, label, std::move(message)});
  }

 private:
  RegisterRecord* out_;
};

}  // namespace

const char* KindName(RegisterNote::Kind kind) {
  switch (kind) {
    case Kind::kMissing: return "ontbreekt";
    case Kind::kAssumed: return "aangenomen";
    case Kind::kShortened: return "ingekort";
  }
  return "";
}

bool RegisterRecord::Complete() const {
  for (const auto& n : notes)
    if (n.kind == Kind::kMissing) return false;
  return true;
}

bool IsAlgorithm(const Innovation& in) {
  return in.publicatie.has_value() || (in.bron && in.bron->registry == kRegistry);
}

RegisterRecord ToRegisterRecord(const Innovation& in) {
  RegisterRecord out;
  out.record = json::object();
  Builder b(&out);
  const Publication p = in.publicatie.value_or(Publication{});

  b.Text("name", "Naam", 99, true, in.titel);
  b.Text("description_short", "Korte omschrijving", 399, true, in.samenvatting, in.doel, "het doel");
  b.Text("organization", "Organisatie", 99, true, in.organisatie_naam, in.organisatie, "de organisatiecode");

  json themes = json::array();
  for (const auto& t : p.themas) themes.push_back(t);
  if (themes.empty()) {
    std::string theme = ThemeOfDomain(in.domein);
    if (!theme.empty()) {
      themes.push_back(theme);
      b.Note(Kind::kAssumed, "theme", "Thema", "Thema is afgeleid uit het domein; controleer of dat klopt.");
    } else {
      b.Note(Kind::kMissing, "theme", "Thema", "Thema is verplicht in het Algoritmeregister en nog niet ingevuld.");
    }
  }
  out.record["theme"] = std::move(themes);
  out.record["status"] = StandardStatus(in);

  std::string start = Month(in.start_datum);
  if (start.empty()) {
    start = Month(in.bron ? in.bron->geregistreerd : "");
    if (start.empty()) start = Month(in.aangemaakt_op);
    b.Note(Kind::kAssumed, "start_date", "Begindatum",
           "Begindatum is de maand van registratie, omdat er geen startdatum is ingevuld; controleer of dat klopt.");
  }
  out.record["start_date"] = start;

  std::string category(vocab::kPublicatieCategorie.Label(p.categorie.empty() ? "overig" : p.categorie));
  if (p.categorie.empty())
    b.Note(Kind::kAssumed, "publication_category", "Publicatiecategorie",
           "Publicatiecategorie is nog niet gekozen; de export gaat uit van 'Overige algoritmes (Categorie C)'.");
  out.record["publication_category"] = category;

  // The publication's own fields, with the names, labels and limits of its
  // table; a few fall back on what the innovation already says.
  struct Fallback {
    std::string value;
    const char* from;
  };
  const std::map<std::string_view, Fallback> fallbacks = {
      {"purpose_and_impact", {in.doel, "het doel"}},
      {"data", {Joined(in.databronnen), "de databronnen"}},
      {"technical_operation", {Joined(in.technieken), "de technieken"}},
      {"supplier", {in.inkoop_route == "zelf" ? "Intern ontwikkeld" : "", "de inkoopvorm (zelf ontwikkeld)"}},
  };
  for (const auto& f : PublicationFields()) {
    const std::string& value = p.*f.member;
    if (f.kind == PublicationField::Kind::kLink) {
      b.Link(f.standard, value);
    } else if (f.kind == PublicationField::Kind::kMonth) {
      if (!value.empty()) out.record[f.standard] = value;
    } else if (auto fb = fallbacks.find(f.standard); fb != fallbacks.end()) {
      b.Text(f.standard, f.label, f.max, f.mandatory, value, fb->second.value, fb->second.from);
    } else {
      b.Text(f.standard, f.label, f.max, f.mandatory, value);
    }
  }

  out.record["language"] = "nld";
  out.record["schema"] = "1.0.0";
  out.record["source_id"] = std::to_string(in.id);
  if (!in.tags.empty()) out.record["search_terms"] = Joined(in.tags);
  return out;
}

}  // namespace koers
