// Who makes a change, why and when: what the use cases record beside every
// change, in the phase history and in the audit trail (in the same unit of
// work as the change).
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/clock.hpp"
#include "domain/access.hpp"
#include "domain/account.hpp"

namespace koers {

struct ChangeContext {
  std::string door;          // display name for history ("import", a person's name; never an e-mail)
  std::string account;       // the account for the audit trail (an e-mail address, "import")
  int64_t gebruiker_id = 0;  // 0 for the system
  std::string reden;         // why, may be empty
  TimePoint op;              // when: the use case's clock
  std::string verzoek_id;

  static ChangeContext Of(const Actor& actor, TimePoint now, std::string reden = {}) {
    return ChangeContext{actor.weergavenaam, actor.naam, actor.gebruiker_id, std::move(reden), now, actor.verzoek_id};
  }
  std::string Stamp() const { return FormatTimestamp(op); }
};

// An audit entry for a change made in `change`'s name: `wijzigingen` is
// JsonChanges(before, after) (domain/steering_json.hpp).
AuditEntry AuditFor(const ChangeContext& change, std::string actie, std::string resource, std::string resource_id,
                    std::string organisatie, const nlohmann::json& wijzigingen, int64_t innovatie_id = 0);

// An entry about a part of innovation `innovatie_id` of `organisatie` (a
// review, a risk, an indicator, ...): the changes from `before` to `after`,
// and the innovation it belongs to.
AuditEntry PartAudit(const ChangeContext& change, std::string actie, std::string resource, std::string resource_id,
                     std::string organisatie, int64_t innovatie_id, const nlohmann::json& before,
                     const nlohmann::json& after);

}  // namespace koers
