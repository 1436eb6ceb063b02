// Handlers of the publication to the Algoritmeregister:
// /api/v1/innovaties/{id}/algoritmeregister (the registration as the
// standard has it), .../algoritmeregister/controle (what is missing, in plain
// Dutch) and /api/v1/innovaties/_algoritmeregister (every readable algorithm
// at once, streamed).
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/not_found.hpp"
#include "app/portfolio.hpp"
#include "app/register.hpp"
#include "core/log.hpp"
#include "formats/register_export.hpp"

namespace koers::api {

InnovationFilter ReadInnovationFilter(QueryReader& q);  // innovaties.cpp

namespace {

constexpr auto kDump = nlohmann::json::error_handler_t::replace;

}  // namespace

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

  // One page of the portfolio at a time, as the table exports do.
  struct State {
    InnovationPages pages;
    bool opened = false;  // "[" written
    bool any = false;     // a record written
    bool closed = false;  // "]" written
  };
  auto state = std::make_shared<State>(State{s.portfolio.Innovations(f, c.actor)});
  auto write_page = [state](std::string* out, bool* done) {
    if (state->closed) {
      *done = true;
      return true;
    }
    auto page = state->pages.Next();
    if (!page.ok()) {
      log::Error("export_afgebroken", {{"fout", page.error().detail}});
      return false;
    }
    if (!state->opened) *out += "[";
    state->opened = true;
    for (const auto& row : page.value()) {
      if (!IsAlgorithm(row.innovatie)) continue;
      *out += state->any ? ",\n" : "\n";
      state->any = true;
      *out += ToRegisterRecord(row.innovatie).record.dump(-1, ' ', false, kDump);
    }
    if (page.value().empty()) {
      *out += state->any ? "\n]\n" : "]\n";
      state->closed = true;
    }
    return true;
  };
  // The first page is read here, so a store that fails answers with a
  // problem instead of a broken download.
  std::string head;
  bool done = false;
  if (!write_page(&head, &done)) return Problem(Internal("export"), c.req.path);
  http::Response res{200, "application/json", {}, {}};
  res.SetHeader("Content-Disposition", "attachment; filename=\"algoritmeregister.json\"");
  auto pending = std::make_shared<std::string>(std::move(head));
  res.stream = [state, pending, write_page](std::string* out, bool* done) {
    if (!pending->empty()) {
      *out += *pending;
      pending->clear();
      return true;
    }
    return write_page(out, done);
  };
  return res;
}

}  // namespace koers::api
