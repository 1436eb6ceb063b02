// Handlers of the publication to the Algoritmeregister:
// /api/v1/innovaties/{id}/algoritmeregister (the registration as the
// standard has it), .../algoritmeregister/controle (what is missing, in plain
// Dutch) and /api/v1/innovaties/_algoritmeregister (every readable algorithm
// at once, streamed).
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/export.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/not_found.hpp"
#include "app/portfolio.hpp"
#include "app/register.hpp"
#include "formats/register_export.hpp"

namespace koers::api {

InnovationFilter ReadInnovationFilter(QueryReader& q);  // innovaties.cpp

http::Response GetAlgoritmeregister(Services& s, const Call& c) {
  auto in = s.reg.Get(c.params.Id("id"), c.actor);
  if (!in.ok()) return Problem(Worded(in.error(), Missing::kInnovation), c.req.path);
  auto res = JsonResponse(200, ToRegisterRecord(in.value()).record);
  res.SetHeader("Content-Disposition", "inline; filename=\"algoritme-" + std::to_string(in.value().id) + ".json\"");
  return res;
}

http::Response GetAlgoritmeregisterControle(Services& s, const Call& c) {
  auto in = s.reg.Get(c.params.Id("id"), c.actor);
  if (!in.ok()) return Problem(Worded(in.error(), Missing::kInnovation), c.req.path);
  RegisterRecord r = ToRegisterRecord(in.value());
  nlohmann::json notes = nlohmann::json::array();
  int missing = 0;
  for (const auto& n : r.notes) {
    if (n.kind == RegisterNote::Kind::kMissing) ++missing;
    notes.push_back({{"soort", KindName(n.kind)}, {"veld", n.veld}, {"naam", n.naam}, {"melding", n.melding}});
  }
  std::string summary =
      missing == 0 ? "Alle verplichte velden van het Algoritmeregister zijn ingevuld."
                   : (missing == 1 ? std::string("Er ontbreekt nog 1 verplicht veld.")
                                   : "Er ontbreken nog " + std::to_string(missing) + " verplichte velden.");
  std::string self = "/api/v1/innovaties/" + std::to_string(in.value().id);
  return JsonResponse(200, nlohmann::json{{"innovatieId", in.value().id},
                                          {"isAlgoritme", IsAlgorithm(in.value())},
                                          {"compleet", r.Complete()},
                                          {"samenvatting", summary},
                                          {"bevindingen", std::move(notes)},
                                          {"_links",
                                           {{"self", {{"href", self + "/algoritmeregister/controle"}}},
                                            {"registratie", {{"href", self + "/algoritmeregister"}}}}}});
}

http::Response ExportAlgoritmeregister(Services& s, const Call& c) {
  std::initializer_list<std::string_view> keys = {"organisatie", "domein", "fase", "status", "innovatieType",
                                                  "innovatieNiveau", "analyseNiveau", "zichtbaarheid", "register",
                                                  "sorteer"};
  QueryReader q(c.req, keys);
  InnovationFilter f = ReadInnovationFilter(q);
  if (!q.ok()) return Problem(q.error(), c.req.path);
  Error limited;
  if (!WithinLimit(s, "export:" + ClientKey(c), s.options.export_per_client, &limited))
    return Problem(limited, c.req.path);

  // One page of the portfolio at a time, as the table exports do; pages
  // without an algorithm are passed over.
  auto pages = std::make_shared<InnovationPages>(s.portfolio.Innovations(f, c.actor));
  auto next = [pages]() -> Result<Records> {
    Records records;
    while (records.empty()) {
      auto page = pages->Next();
      if (!page.ok()) return page.error();
      if (page.value().empty()) break;
      for (const auto& row : page.value())
        if (IsAlgorithm(row.innovatie)) records.push_back(ToRegisterRecord(row.innovatie).record);
    }
    return records;
  };
  // The first page is read here, so a store that fails answers with a
  // problem instead of a broken download.
  auto first = next();
  if (!first.ok()) return Problem(first.error(), c.req.path);
  return StreamedRecords("algoritmeregister.json", std::move(first).value(), next);
}

}  // namespace koers::api
