// Every handler of the route table (api/routes.cpp). Each turns a request
// into a response and never touches the socket.
#pragma once

#include "api/router.hpp"

namespace koers::api {

http::Response ListInnovaties(Services&, const Call&);
http::Response GetInnovatie(Services&, const Call&);
http::Response CreateInnovatie(Services&, const Call&);
http::Response ReplaceInnovatie(Services&, const Call&);
http::Response PatchInnovatie(Services&, const Call&);
http::Response DeleteInnovatie(Services&, const Call&);
http::Response BevestigInnovatie(Services&, const Call&);
http::Response ListTeBevestigen(Services&, const Call&);

http::Response ListOrganisaties(Services&, const Call&);
http::Response GetOrganisatie(Services&, const Call&);

http::Response GetSessie(Services&, const Call&);
http::Response CreateSessie(Services&, const Call&);
http::Response DeleteSessie(Services&, const Call&);

http::Response ListGebruikers(Services&, const Call&);
http::Response CreateGebruiker(Services&, const Call&);
http::Response GetGebruiker(Services&, const Call&);
http::Response PatchGebruiker(Services&, const Call&);
http::Response CreateRol(Services&, const Call&);
http::Response GetRol(Services&, const Call&);
http::Response DeleteRol(Services&, const Call&);
http::Response ListTokens(Services&, const Call&);
http::Response CreateToken(Services&, const Call&);
http::Response GetToken(Services&, const Call&);
http::Response DeleteToken(Services&, const Call&);
http::Response ListAudit(Services&, const Call&);
http::Response ListVersies(Services&, const Call&);

http::Response ZoekInnovaties(Services&, const Call&);
http::Response VergelijkbareInnovaties(Services&, const Call&);
http::Response ListBeoordelingen(Services&, const Call&);
http::Response CreateBeoordeling(Services&, const Call&);
http::Response GetBeoordeling(Services&, const Call&);
http::Response PatchBeoordeling(Services&, const Call&);
http::Response DeleteBeoordeling(Services&, const Call&);
http::Response VaststellenBeoordeling(Services&, const Call&);
http::Response ListOnzekerheden(Services&, const Call&);
http::Response CreateOnzekerheid(Services&, const Call&);
http::Response ReplaceOnzekerheid(Services&, const Call&);
http::Response DeleteOnzekerheid(Services&, const Call&);
http::Response GetBusinesscase(Services&, const Call&);
http::Response ReplaceBusinesscase(Services&, const Call&);
http::Response GetPitch(Services&, const Call&);
http::Response CreatePitch(Services&, const Call&);
http::Response GetSturing(Services&, const Call&);
http::Response GetFunnel(Services&, const Call&);
http::Response GetOrganisatieSturing(Services&, const Call&);
http::Response ListVolwassenheid(Services&, const Call&);
http::Response CreateVolwassenheid(Services&, const Call&);

http::Response ListAdopties(Services&, const Call&);
http::Response CreateAdoptie(Services&, const Call&);
http::Response GetAdoptie(Services&, const Call&);
http::Response ReplaceAdoptie(Services&, const Call&);
http::Response DeleteAdoptie(Services&, const Call&);
http::Response BeslisKopie(Services&, const Call&);
http::Response ListHergebruik(Services&, const Call&);
http::Response SaveHergebruik(Services&, const Call&);  // POST and PUT
http::Response DeleteHergebruik(Services&, const Call&);
http::Response ListClusters(Services&, const Call&);
http::Response GetCluster(Services&, const Call&);
http::Response GetClusterNetwerk(Services&, const Call&);
http::Response GetInnovatieNetwerk(Services&, const Call&);
http::Response GetOrganisatieNetwerk(Services&, const Call&);
http::Response ListMissies(Services&, const Call&);
http::Response CreateMissie(Services&, const Call&);
http::Response GetMissie(Services&, const Call&);
http::Response ReplaceMissie(Services&, const Call&);
http::Response DeleteMissie(Services&, const Call&);
http::Response CreateBijdrage(Services&, const Call&);
http::Response DecideBijdrage(Services&, const Call&);
http::Response DeleteBijdrage(Services&, const Call&);
http::Response GetGemeentekaart(Services&, const Call&);

http::Response ListIndicatoren(Services&, const Call&);
http::Response CreateIndicator(Services&, const Call&);
http::Response GetIndicator(Services&, const Call&);
http::Response ReplaceIndicator(Services&, const Call&);
http::Response DeleteIndicator(Services&, const Call&);
http::Response ListMetingen(Services&, const Call&);
http::Response ImportMetingen(Services&, const Call&);
http::Response ExportMetingen(Services&, const Call&);
http::Response ExportInnovaties(Services&, const Call&);
http::Response GetAlgoritmeregister(Services&, const Call&);
http::Response GetAlgoritmeregisterControle(Services&, const Call&);
http::Response ExportAlgoritmeregister(Services&, const Call&);
http::Response GetDashboard(Services&, const Call&);

http::Response GetKennis(Services&, const Call&);
http::Response ListDiagnoses(Services&, const Call&);
http::Response CreateDiagnose(Services&, const Call&);
http::Response GetTeamcheck(Services&, const Call&);
http::Response GetInnovatieAdvies(Services&, const Call&);
http::Response ListKlimaat(Services&, const Call&);
http::Response CreateKlimaat(Services&, const Call&);
http::Response GetOrganisatieAdvies(Services&, const Call&);
http::Response GetPortfolioLessen(Services&, const Call&);

http::Response ListLessen(Services&, const Call&);
http::Response ExportLessen(Services&, const Call&);
http::Response GetLes(Services&, const Call&);
http::Response ReplaceLes(Services&, const Call&);
http::Response DeleteLes(Services&, const Call&);
http::Response ListInnovatieLessen(Services&, const Call&);
http::Response CreateLes(Services&, const Call&);
http::Response LessenVanAnderen(Services&, const Call&);
http::Response ListTerugblikken(Services&, const Call&);
http::Response CreateTerugblik(Services&, const Call&);
http::Response GetTerugblik(Services&, const Call&);
http::Response ReplaceTerugblik(Services&, const Call&);
http::Response DeleteTerugblik(Services&, const Call&);
http::Response GetTerugblikritme(Services&, const Call&);
http::Response ReplaceTerugblikritme(Services&, const Call&);
http::Response ListUitnodigingen(Services&, const Call&);
http::Response CreateUitnodiging(Services&, const Call&);
http::Response DeleteUitnodiging(Services&, const Call&);
http::Response MijnUitnodigingen(Services&, const Call&);
http::Response GetGedeeld(Services&, const Call&);
http::Response CreateCommentaar(Services&, const Call&);

http::Response GetWaardelijsten(Services&, const Call&);
http::Response GetStatistieken(Services&, const Call&);
http::Response GetCatalogus(Services&, const Call&);
http::Response GetOpenApi(Services&, const Call&);

}  // namespace koers::api
