// The public catalogue as open data: /api/v1/catalogus describes what this
// installation publishes, as a DCAT-AP-NL catalogue in JSON-LD, with a
// distribution per download (CSV and JSON). Addresses are relative, so they
// resolve against wherever the installation is served: they stay stable as
// long as its address does. Every download answers as it does to any
// anonymous visitor: public records only, measurements suppressed.
#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"

namespace koers::api {
namespace {

using nlohmann::json;

constexpr const char* kFileType = "http://publications.europa.eu/resource/authority/file-type/";
constexpr const char* kMediaType = "https://www.iana.org/assignments/media-types/";

json Text(const char* nl) { return {{"@value", nl}, {"@language", "nl"}}; }

json Download(const std::string& url, const char* format, const char* media, const char* title) {
  return {{"@id", url},
          {"@type", "dcat:Distribution"},
          {"dct:title", Text(title)},
          {"dcat:accessURL", {{"@id", url}}},
          {"dcat:downloadURL", {{"@id", url}}},
          {"dct:format", {{"@id", std::string(kFileType) + format}}},
          {"dcat:mediaType", {{"@id", std::string(kMediaType) + media}}}};
}

json Dataset(const char* id, const char* title, const char* description, std::vector<std::string> keywords,
             json distributions) {
  return {{"@id", std::string("/api/v1/catalogus#") + id},
          {"@type", "dcat:Dataset"},
          {"dct:identifier", std::string("/api/v1/catalogus#") + id},
          {"dct:title", Text(title)},
          {"dct:description", Text(description)},
          {"dcat:keyword", std::move(keywords)},
          {"dcat:theme", {{"@id", "http://publications.europa.eu/resource/authority/data-theme/GOVE"}}},
          {"dct:language", {{"@id", "http://publications.europa.eu/resource/authority/language/NLD"}}},
          {"dct:accessRights", {{"@id", "http://publications.europa.eu/resource/authority/access-right/PUBLIC"}}},
          {"dct:license", {{"@id", "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"}}},
          {"dct:publisher", {{"@id", "/api/v1/catalogus#beheerder"}}},
          {"dcat:distribution", std::move(distributions)}};
}

const std::string& CatalogueBody() {
  static const std::string kBody = [] {
    json datasets = json::array({
        Dataset("innovaties", "Data-gedreven innovaties van overheden",
                "De openbare registraties van innovaties: opgave, doel, fase en status, soort innovatie, waarde, "
                "eigenaar met TOOI-kenmerk, partners en bron. Registraties van het Algoritmeregister zijn inbegrepen.",
                {"innovatie", "algoritme", "gemeente", "pilot", "dataproject"},
                json::array({Download("/api/v1/innovaties/_export?formaat=csv", "CSV", "text/csv", "Innovaties (CSV)"),
                             Download("/api/v1/innovaties/_export?formaat=json", "JSON", "application/json",
                                      "Innovaties (JSON)")})),
        Dataset("algoritmeregister", "Algoritmes volgens publicatiestandaard 1.0",
                "De openbare innovaties die algoritmes zijn, in de velden van de publicatiestandaard van het "
                "Algoritmeregister, klaar om aan te leveren.",
                {"algoritme", "algoritmeregister", "publicatiestandaard"},
                json::array({Download("/api/v1/innovaties/_algoritmeregister", "JSON", "application/json",
                                      "Algoritmes (JSON, publicatiestandaard 1.0)")})),
        Dataset("clusters", "Adoptieclusters",
                "Groepen registraties van hetzelfde product of dezelfde oplossing bij verschillende organisaties, met "
                "wie het gebruikt en sinds wanneer.",
                {"hergebruik", "adoptie", "product"},
                json::array({Download("/api/v1/clusters?paginaGrootte=100", "JSON", "application/json",
                                      "Adoptieclusters (JSON, per pagina)")})),
        Dataset("lessen", "Lessen uit innovaties",
                "De openbare lessen die teams vastlegden: wat werkte, wat niet, en bij welke succesfactor.",
                {"les", "succesfactor", "ervaring"},
                json::array({Download("/api/v1/lessen/_export?formaat=csv", "CSV", "text/csv", "Lessen (CSV)"),
                             Download("/api/v1/lessen/_export?formaat=json", "JSON", "application/json",
                                      "Lessen (JSON)")})),
        Dataset("indicatoren", "Indicatoren en metingen",
                "Wat innovaties meten en wat de metingen opleveren, per indicator op te vragen via de API. Kleine "
                "aantallen zijn afgeschermd, zodat geen inwoner herkenbaar wordt.",
                {"indicator", "meting", "effect"}, json::array()),
    });
    datasets.back()["dcat:accessService"] = {{"@id", "/api/v1/catalogus#api"}};
    json api = {{"@id", "/api/v1/catalogus#api"},
                {"@type", "dcat:DataService"},
                {"dct:title", Text("De API van Koers")},
                {"dcat:endpointURL", {{"@id", "/api/v1"}}},
                {"dcat:endpointDescription", {{"@id", "/api/v1/openapi.json"}}},
                {"dcat:servesDataset", json::array({{{"@id", "/api/v1/catalogus#innovaties"}},
                                                    {{"@id", "/api/v1/catalogus#indicatoren"}}})}};
    json catalogue = {
        {"@context",
         {{"dcat", "http://www.w3.org/ns/dcat#"},
          {"dct", "http://purl.org/dc/terms/"},
          {"foaf", "http://xmlns.com/foaf/0.1/"}}},
        {"@id", "/api/v1/catalogus"},
        {"@type", "dcat:Catalog"},
        {"dct:title", Text("Koers: open data over data-gedreven innovatie")},
        {"dct:description", Text("Wat deze Koers-installatie openbaar maakt over innovaties, hun hergebruik en wat "
                                 "teams ervan leerden.")},
        {"dct:language", {{"@id", "http://publications.europa.eu/resource/authority/language/NLD"}}},
        {"dct:license", {{"@id", "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"}}},
        {"dct:publisher", {{"@id", "/api/v1/catalogus#beheerder"},
                           {"@type", "foaf:Agent"},
                           {"foaf:name", "De beheerder van deze Koers-installatie"}}},
        {"dcat:dataset", std::move(datasets)},
        {"dcat:service", std::move(api)},
    };
    return catalogue.dump(2);
  }();
  return kBody;
}

}  // namespace

http::Response GetCatalogus(Services&, const Call& c) {
  QueryReader q(c.req, {});
  if (!q.ok()) return Problem(q.error(), c.req.path);
  http::Response res = JsonResponse(200, CatalogueBody());
  res.content_type = "application/ld+json";
  return res;
}

}  // namespace koers::api
