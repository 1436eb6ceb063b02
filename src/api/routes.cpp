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
      {"GET", "/api/v1/innovaties/_zoek", ZoekInnovaties},
      {"GET", "/api/v1/innovaties/{id}", GetInnovatie},
      {"GET", "/api/v1/innovaties/{id}/vergelijkbaar", VergelijkbareInnovaties},
      {"PUT", "/api/v1/innovaties/{id}", ReplaceInnovatie},
      {"PATCH", "/api/v1/innovaties/{id}", PatchInnovatie},
      {"DELETE", "/api/v1/innovaties/{id}", DeleteInnovatie},
      {"GET", "/api/v1/innovaties/{id}/sturing", GetSturing},
      {"GET", "/api/v1/innovaties/{id}/beoordelingen", ListBeoordelingen},
      {"POST", "/api/v1/innovaties/{id}/beoordelingen", CreateBeoordeling},
      {"GET", "/api/v1/innovaties/{id}/beoordelingen/{beoordelingId}", GetBeoordeling},
      {"PATCH", "/api/v1/innovaties/{id}/beoordelingen/{beoordelingId}", PatchBeoordeling},
      {"DELETE", "/api/v1/innovaties/{id}/beoordelingen/{beoordelingId}", DeleteBeoordeling},
      {"POST", "/api/v1/innovaties/{id}/beoordelingen/{beoordelingId}/_vaststellen", VaststellenBeoordeling},
      {"GET", "/api/v1/innovaties/{id}/onzekerheden", ListOnzekerheden},
      {"POST", "/api/v1/innovaties/{id}/onzekerheden", CreateOnzekerheid},
      {"PUT", "/api/v1/innovaties/{id}/onzekerheden/{onzekerheidId}", ReplaceOnzekerheid},
      {"DELETE", "/api/v1/innovaties/{id}/onzekerheden/{onzekerheidId}", DeleteOnzekerheid},
      {"GET", "/api/v1/innovaties/{id}/businesscase", GetBusinesscase},
      {"PUT", "/api/v1/innovaties/{id}/businesscase", ReplaceBusinesscase},
      {"GET", "/api/v1/innovaties/{id}/pitch", GetPitch},
      {"POST", "/api/v1/innovaties/{id}/pitch", CreatePitch},
      {"GET", "/api/v1/organisaties/{code}/funnel", GetFunnel},
      {"GET", "/api/v1/organisaties/{code}/sturing", GetOrganisatieSturing},
      {"GET", "/api/v1/organisaties/{code}/volwassenheid", ListVolwassenheid},
      {"POST", "/api/v1/organisaties/{code}/volwassenheid", CreateVolwassenheid},
      {"GET", "/api/v1/sessie", GetSessie},
      {"POST", "/api/v1/sessie", CreateSessie},
      {"DELETE", "/api/v1/sessie", DeleteSessie},
      {"GET", "/api/v1/gebruikers", ListGebruikers},
      {"POST", "/api/v1/gebruikers", CreateGebruiker},
      {"GET", "/api/v1/gebruikers/{id}", GetGebruiker},
      {"PATCH", "/api/v1/gebruikers/{id}", PatchGebruiker},
      {"POST", "/api/v1/gebruikers/{id}/rollen", CreateRol},
      {"DELETE", "/api/v1/gebruikers/{id}/rollen/{rolId}", DeleteRol},
      {"GET", "/api/v1/tokens", ListTokens},
      {"POST", "/api/v1/tokens", CreateToken},
      {"DELETE", "/api/v1/tokens/{id}", DeleteToken},
      {"GET", "/api/v1/audit", ListAudit},
  };
  return kRoutes;
}

}  // namespace koers::api
