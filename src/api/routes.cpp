#include "api/handlers.hpp"

namespace koers::api {

std::span<const Route> ApiRoutes() {
  static const Route kRoutes[] = {
      {"GET", "/api/v1/openapi.json", GetOpenApi},
      {"GET", "/api/v1/waardelijsten", GetWaardelijsten},
      {"GET", "/api/v1/statistieken", GetStatistieken},
      {"GET", "/api/v1/organisaties", ListOrganisaties},
      {"GET", "/api/v1/organisaties/{code}", GetOrganisatie},
      {"GET", "/api/v1/innovaties", ListInnovaties},
      {"POST", "/api/v1/innovaties", CreateInnovatie},
      {"GET", "/api/v1/innovaties/{id}", GetInnovatie},
      {"PUT", "/api/v1/innovaties/{id}", ReplaceInnovatie},
      {"PATCH", "/api/v1/innovaties/{id}", PatchInnovatie},
      {"DELETE", "/api/v1/innovaties/{id}", DeleteInnovatie},
  };
  return kRoutes;
}

}  // namespace koers::api
