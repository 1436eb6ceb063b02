// Handlers of indicators and value: /api/v1/innovaties/{id}/indicatoren,
// /api/v1/indicatoren/{indicatorId} with its metingen, their import and
// export, the export of innovations, and /api/v1/organisaties/{code}/dashboard.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "api/api.hpp"
#include "api/export.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/indicators.hpp"
#include "app/not_found.hpp"
#include "app/portfolio.hpp"
#include "app/register.hpp"
#include "core/log.hpp"
#include "domain/json_reader.hpp"
#include "domain/vocabulary.hpp"
#include "formats/table_export.hpp"

namespace koers::api {
namespace {

using nlohmann::json;

json IndicatorJson
(const Indicator& in) {
  json out = ToJson(in);
  out["_links"] = {{"self", {{"href", "/api/v1/indicatoren/" + std::to_string(in.id)}}},
                   {"metingen", {{"href", "/api/v1/indicatoren/" + std::to_string(in.id) + "/metingen"}}},
                   {"innovatie", {{"href", "/api/v1/innovaties/" + std::to_string(in.innovatie_id)}}}};
  return out;
}


// Names of municipalities for area codes (GM only; wijken have no names here).
std::string AreaName(Services& s, const std::string& code) {
  if (code.rfind("GM", 0) != 0) return {};
  auto org = s.reg.GetOrganisation(code);
  return org.ok() ? org.value().naam : std::string();
}

// The table with the cells [from, from + count).
json TableJson(Services& s, const MeasurementTable& t, size_t from = 0, size_t count = SIZE_MAX) {
  std::map<std::string, std::string> names;
  auto name = [&](const std::string& code) -> json {
    if (code.empty()) return nullptr;
    auto [it, added] = names.emplace(code, "");
    if (added) it->second = AreaName(s, code);
    return it->second.empty() ? json(nullptr) : json(it->second);
  };
  json cells = json::array();
  for (size_t i = from; i < t.cellen.size() && i - from < count; ++i) {
    const auto& c = t.cellen[i];
    cells.push_back({{"periode", c.periode},
                     {"gebied", c.gebied},
                     {"gebiedNaam", name(c.gebied)},
                     {"waarde", OrNull(c.waarde)},
                     {"aantal", OrNull(c.aantal)},
                     {"onderdrukt", c.onderdrukt.empty() ? json(nullptr) : json(c.onderdrukt)}});
  }
  json totals = nullptr;
  if (t.met_totalen) {
    json per_period = json::array(), per_area = json::array();
    for (const auto& p : t.per_periode)
      per_period.push_back({{"periode", p.sleutel}, {"waarde", OrNull(p.waarde)}, {"onderdrukt", p.onderdrukt}});
    if (t.indicator.gebiedsniveau != "geen")
      for (const auto& g : t.per_gebied)
        per_area.push_back(
            {{"gebied", g.sleutel}, {"gebiedNaam", name(g.sleutel)}, {"waarde", OrNull(g.waarde)}, {"onderdrukt", g.onderdrukt}});
    totals = {{"perPeriode", std::move(per_period)}, {"perGebied", std::move(per_area)}};
  }
  return json{{"indicator", IndicatorJson(t.indicator)},
              {"openbaar", t.openbaar},
              {"metingen", std::move(cells)},
              {"totalen", std::move(totals)}};
}

std::string Slug(std::string s) {
  std::string out;
  for (char ch : s) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "export" : out;
}

}  // namespace

InnovationFilter ReadInnovationFilter(QueryReader& q);  // innovaties.cpp

http::Response ListIndicatoren(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  auto list = s.indicators.List(id, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  json items = json::array();
  for (const auto& in : list.value().first) items.push_back(IndicatorJson(in));
  return JsonResponse(200, json{{"_embedded", {{"indicatoren", std::move(items)}}}, {"magBewerken", list.value().second}});
}

http::Response CreateIndicator(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Indicator in;
  auto problems = FromJson(body, &in);
  auto saved = s.indicators.Create(id, std::move(in), c.actor, std::move(problems));
  if (!saved.ok()) return Problem(saved.error(), c.req.path);
  res = WithVersion(JsonResponse(201, IndicatorJson(saved.value())), saved.value().versie);
  res.SetHeader("Location", "/api/v1/indicatoren/" + std::to_string(saved.value().id));
  return res;
}

http::Response GetIndicator(Services& s, const Call& c) {
  int64_t id = c.params.Id("indicatorId");
  auto in = s.indicators.Get(id, c.actor);
  if (!in.ok()) return Problem(in.error(), c.req.path);
  return WithVersion(JsonResponse(200, IndicatorJson(in.value())), in.value().versie);
}

http::Response ReplaceIndicator(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("indicatorId"), expected;
  if (!ReadVersion(c, &expected, &res)) return res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Indicator in;
  auto problems = FromJson(body, &in);
  auto saved = s.indicators.Replace(id, std::move(in), expected, c.actor, std::move(problems));
  if (!saved.ok()) return Problem(saved.error(), c.req.path);
  return WithVersion(JsonResponse(200, IndicatorJson(saved.value())), saved.value().versie);

}

http::Response DeleteIndicator(Services& s, const Call& c) {
  int64_t id = c.params.Id("indicatorId");
  Status st = s.indicators.Delete(id, c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response ListMetingen(Services& s, const Call& c) {
  int64_t id = c.params.Id("indicatorId");
  QueryReader q(c.req, {"pagina", "paginaGrootte"});
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  bool paged = false, sized = false;
  c.req.Query("pagina", &paged);
  c.req.Query("paginaGrootte", &sized);
  auto t = s.indicators.Table(id, c.actor);
  if (!t.ok()) return Problem(t.error(), c.req.path);
  const MeasurementTable& table = *t.value();
  // Without paging parameters the whole table (what a chart needs), up to
  // kWholeTable cells; with them, or for a larger table, one page of cells
  // beside the totals of the whole table.
  constexpr size_t kWholeTable = 10000;
  if (!paged && !sized) {
    if (table.cellen.size() <= kWholeTable) return JsonResponse(200, TableJson(s, table));
    page.pagina_grootte = 100;
  }
  auto total = static_cast<int64_t>(table.cellen.size());
  json out = TableJson(s, table, static_cast<size_t>(page.pagina - 1) * page.pagina_grootte, page.pagina_grootte);
  out["_links"] = PageLinks(c.req, page, total);
  out["totaal"] = total;
  out["pagina"] = page.pagina;
  out["paginaGrootte"] = page.pagina_grootte;
  return JsonResponse(200, std::move(out));
}

http::Response ImportMetingen(Services& s, const Call& c) {
  int64_t id = c.params.Id("indicatorId");
  QueryReader q(c.req, {"voorbeeld"});
  std::string preview = q.OneOf("voorbeeld", {"true", "false"});
  if (!q.ok()) return Problem(q.error(), c.req.path);
  std::string_view type = c.req.Header("content-type");
  type = type.substr(0, type.find(';'));
  if (type != "text/csv" && type != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" &&
      type != "application/octet-stream") {
    Error e = Invalid("Stuur het bestand als text/csv of als .xlsx "
                      "(application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).");
    e.kind = ErrorKind::kUnsupported;
    return Problem(e, c.req.path);
  }
  Error limited;
  if (!WithinLimit(s, "import:" + ClientKey(c), s.options.export_per_client, &limited))
    return Problem(limited, c.req.path);
  auto report = s.indicators.Import(id, c.req.body, preview == "true", c.actor);
  if (!report.ok()) return Problem(report.error(), c.req.path);
  const auto& r = report.value();
  json errors = json::array(), rows = json::array();
  for (const auto& p : r.gelezen.fouten) errors.push_back({{"regel", p.regel}, {"veld", p.veld}, {"melding", p.melding}});
  for (size_t i = 0; i < r.gelezen.metingen.size() && i < 20; ++i) {
    const auto& m = r.gelezen.metingen[i];
    rows.push_back({{"periode", m.periode}, {"gebied", m.gebied}, {"waarde", m.waarde}, {"aantal", OrNull(m.aantal)}});
  }
  return JsonResponse(200, json{{"voorbeeld", r.voorbeeld},
                                {"regels", r.gelezen.regels},
                                {"nieuw", r.telling.toegevoegd},
                                {"gewijzigd", r.telling.gewijzigd},
                                {"ongewijzigd", r.telling.ongewijzigd},
                                {"aantalFouten", r.gelezen.aantal_fouten},
                                {"fouten", std::move(errors)},
                                {"genegeerdeKolommen", r.gelezen.genegeerde_kolommen},
                                {"metingen", std::move(rows)}});
}

http::Response ExportMetingen(Services& s, const Call& c) {
  int64_t id = c.params.Id("indicatorId");
  http::Response res;
  std::string formaat;
  if (!ExportFormat(s, c, {"formaat"}, &formaat, &res)) return res;
  auto t = s.indicators.Table(id, c.actor);
  if (!t.ok()) return Problem(t.error(), c.req.path);
  const MeasurementTable& table = *t.value();
  auto writer = TableWriter::Open(formaat, Slug(table.indicator.naam),
                                  {"indicator", "eenheid", "periode", "gebied", "waarde", "aantal", "onderdrukt"});
  if (!writer.ok()) return Problem(writer.error(), c.req.path);
  // Rows in pieces from the kept table, so that a large table is not copied
  // whole into the answer.
  auto next = [kept = t.value(), at = size_t{0}]() mutable -> Result<Rows> {
    const MeasurementTable& table = *kept;
    Rows rows;
    for (; at < table.cellen.size() && rows.size() < 2000; ++at) {
      const auto& cell = table.cellen[at];
      std::vector<ExportCell> row = {table.indicator.naam, table.indicator.eenheid, cell.periode};
      row.push_back(cell.gebied.empty() ? ExportCell{} : ExportCell{cell.gebied});
      row.push_back(cell.waarde ? ExportCell{*cell.waarde} : ExportCell{});
      row.push_back(cell.aantal ? ExportCell{static_cast<double>(*cell.aantal)} : ExportCell{});
      row.push_back(cell.onderdrukt.empty() ? ExportCell{std::string("nee")} : ExportCell{"ja (" + cell.onderdrukt + ")"});
      rows.push_back(std::move(row));
    }
    return rows;
  };
  auto first = next();
  if (!first.ok()) return Problem(first.error(), c.req.path);
  return StreamedTable(std::move(writer).value(), std::move(first).value(), next);
}

http::Response ExportInnovaties(Services& s, const Call& c) {
  http::Response res;
  std::string formaat;
  std::initializer_list<std::string_view> keys = {"organisatie", "domein", "fase", "status", "innovatieType",
                                                  "innovatieNiveau", "analyseNiveau", "zichtbaarheid", "register",
                                                  "sorteer", "formaat"};
  if (!ExportFormat(s, c, keys, &formaat, &res)) return res;
  QueryReader q(c.req, keys);
  InnovationFilter f = ReadInnovationFilter(q);
  if (!q.ok()) return Problem(q.error(), c.req.path);
  // The owner's TOOI identifier beside its code, so the rows join with other government data.
  auto orgs = s.reg.AllOrganisations();
  if (!orgs.ok()) return Problem(orgs.error(), c.req.path);
  auto tooi = std::make_shared<std::unordered_map<std::string, std::string>>();
  for (const auto& o : orgs.value()) (*tooi)[o.code] = o.tooi;
  auto writer = TableWriter::Open(
      formaat, "innovaties",
      {"id", "titel", "organisatie", "organisatieNaam", "organisatieTooi", "domein", "fase", "status", "innovatieType",
       "orientatie", "waardecreatie", "waardepotentie", "startDatum", "kostenExtern", "interneUren",
       "batenGeschatPerJaar", "batenGerealiseerdPerJaar", "zichtbaarheid", "gewijzigdOp"});
  if (!writer.ok()) return Problem(writer.error(), c.req.path);
  auto pages = std::make_shared<InnovationPages>(s.portfolio.Innovations(f, c.actor));
  auto next = [pages, tooi]() -> Result<Rows> {
    auto page = pages->Next();
    if (!page.ok()) return page.error();
    auto text = [](const std::string& v) { return v.empty() ? ExportCell{} : ExportCell{v}; };
    auto num = [](const std::optional<double>& v) { return v ? ExportCell{*v} : ExportCell{}; };
    Rows rows;
    rows.reserve(page.value().size());
    for (const auto& row : page.value()) {
      const Innovation& in = row.innovatie;
      rows.push_back({static_cast<double>(in.id), in.titel, in.organisatie, text(in.organisatie_naam),
                      text((*tooi)[in.organisatie]), text(in.domein), in.fase, in.status, text(in.innovatie_type),
                      text(in.orientatie),
                      text(in.waardecreatie), text(in.waardepotentie), text(in.start_datum), num(in.kosten_extern),
                      num(in.interne_uren), num(row.baten_geschat_per_jaar), num(row.baten_gerealiseerd_per_jaar),
                      in.zichtbaarheid, in.gewijzigd_op});
    }
    return rows;
  };
  // The first page is read here, so a store that fails answers with a
  // problem instead of a broken download.
  auto first = next();
  if (!first.ok()) return Problem(first.error(), c.req.path);
  return StreamedTable(std::move(writer).value(), std::move(first).value(), next);
}

http::Response GetDashboard(Services& s, const Call& c) {
  auto d = s.portfolio.DashboardOf(c.params.Get("code"), c.actor);
  if (!d.ok()) return Problem(d.error().kind == ErrorKind::kNotFound ? NotFoundError(Missing::kOrganisation) : d.error(),
                              c.req.path);
  auto or_null = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
  json portfolio = json::array(), indicators = json::array();
  for (const auto& in : d.value().portfolio)
    portfolio.push_back({{"id", in.id},
                         {"titel", in.titel},
                         {"fase", in.fase},
                         {"innovatieType", or_null(in.innovatie_type)},
                         {"orientatie", or_null(in.orientatie)},
                         {"waardecreatie", or_null(in.waardecreatie)},
                         {"waardepotentie", or_null(in.waardepotentie)}});
  for (const auto& v : d.value().indicatoren)
    indicators.push_back({{"id", v.indicator.id},
                          {"innovatieId", v.indicator.innovatie_id},
                          {"innovatieTitel", v.innovatie_titel},
                          {"naam", v.indicator.naam},
                          {"soort", v.indicator.soort},
                          {"eenheid", v.indicator.eenheid},
                          {"richting", v.indicator.richting},
                          {"basisWaarde", OrNull(v.indicator.basis_waarde)},
                          {"doelWaarde", OrNull(v.indicator.doel_waarde)},
                          {"laatstePeriode", or_null(v.periode)},
                          {"laatsteWaarde", OrNull(v.waarde)}});
  json phases = json::array();
  for (const auto& e : vocab::kFase.entries) {
    auto n = d.value().per_fase.find(std::string(e.value));
    phases.push_back({{"fase", std::string(e.value)},
                      {"label", std::string(e.label)},
                      {"aantal", n == d.value().per_fase.end() ? 0 : n->second}});
  }
  const BusinessCaseTotals& sum = d.value().waarde;
  return JsonResponse(200, json{{"organisatie", {{"code", d.value().organisatie.code}, {"naam", d.value().organisatie.naam}}},
                                {"fasen", std::move(phases)},
                                {"portfolio", std::move(portfolio)},
                                {"waarde",
                                 {{"kostenExtern", sum.kosten_extern},
                                  {"interneUren", sum.interne_uren},
                                  {"kostenIntern", sum.kosten_intern},
                                  {"uurtarief", s.options.uurtarief},
                                  {"batenGeschatPerJaar", sum.baten_per_jaar},
                                  {"besparingPerJaar", sum.besparing_per_jaar},
                                  {"batenGerealiseerdPerJaar",
                                   d.value().iets_gerealiseerd ? json(sum.gerealiseerd_per_jaar) : json(nullptr)}}},
                                {"indicatoren", std::move(indicators)}});
}

}  // namespace koers::api
