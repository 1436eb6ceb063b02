#include "app/change.hpp"

#include <nlohmann/json.hpp>

#include "domain/steering_json.hpp"

namespace koers {

AuditEntry AuditFor(const ChangeContext& change, std::string actie, std::string resource, std::string resource_id,
                    std::string organisatie, const nlohmann::json& wijzigingen, int64_t innovatie_id) {
  AuditEntry e;
  e.op = change.Stamp();
  e.gebruiker_id = change.gebruiker_id;
  e.gebruiker = change.account.empty() ? change.door : change.account;
  e.organisatie = std::move(organisatie);
  e.actie = std::move(actie);
  e.resource = std::move(resource);
  e.resource_id = std::move(resource_id);
  e.resultaat = "gelukt";
  e.wijzigingen = wijzigingen.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  e.verzoek_id = change.verzoek_id;
  e.innovatie_id = innovatie_id;
  return e;
}

AuditEntry PartAudit(const ChangeContext& change, std::string actie, std::string resource, std::string resource_id,
                     std::string organisatie, int64_t innovatie_id, const nlohmann::json& before,
                     const nlohmann::json& after) {
  nlohmann::json changes = JsonChanges(before, after);
  changes["innovatie"] = {{"oud", innovatie_id}, {"nieuw", innovatie_id}};
  return AuditFor(change, std::move(actie), std::move(resource), std::move(resource_id), std::move(organisatie), changes,
                  innovatie_id);
}

}  // namespace koers
