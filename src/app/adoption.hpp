// Adoption and reuse use cases: an organisation marks its interest in,
// adoption of, use of or stop with another organisation's innovation, and
// may start its own linked innovation from it; the owner publishes reuse
// assets. Checks the rules of domain/access.hpp on every call:
// - adoptions are seen by whoever may read the source innovation; their
//   notes and who wrote them only by the two organisations involved;
// - members (lid, beheerder) of the adopting organisation record them;
// - a copy ("make my own innovation") of a public source is made at once;
//   of a source only its owner's circle may read, only with the consent of
//   who may edit it (see DecideCopy): a copy never widens who reads a text;
// - reuse assets follow the innovation: readers read, editors edit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/register.hpp"
#include "domain/adoption.hpp"

namespace koers {

// What an adopter sees of the source: where it stands and what it brought.
struct SourceValue {
  int64_t id = 0;
  std::string titel;
  std::string organisatie, organisatie_naam;
  std::string fase, status;
  std::string waardecreatie, waardepotentie;
  std::vector<std::string> waarde_soorten;
  std::optional<double> baten_per_jaar;  // from its business case, when it has one
  std::optional<double> besparing_per_jaar;
};

struct AdoptionView {
  Adoption adoptie;
  SourceValue bron;
  std::string innovatie_titel;  // of the linked innovation, when the viewer may read it
  bool innovatie_zichtbaar = false;
};

class Adoptions {
 public:
  // Borrows both. Thread-safe.
  Adoptions(Store& store, Register& reg) : store_(store), reg_(reg) {}

  // Adoptions matching `filter` whose source `actor` may read.
  Result<std::vector<AdoptionView>> List(const AdoptionFilter& filter, const Actor& actor);
  Result<AdoptionView> Get(int64_t id, const Actor& actor);
  // A new adoption of `adoption.bron_id`, or (id set) its next status.
  // With `make_copy`, the adopting organisation's own innovation is created
  // from the source in the same transaction.
  Result<AdoptionView> Save(Adoption adoption, int64_t expected_version, bool make_copy, const Actor& actor,
                            std::vector<FieldProblem> earlier = {});
  Status Delete(int64_t id, const Actor& actor);
  // The owner's answer to an adoption that asks for a copy of a source that
  // is not public: with `allow`, the copy is made for the adopting
  // organisation (visible to it) in the same transaction. Only who may edit
  // the source decides; kConflict when no copy waits for an answer.
  Result<AdoptionView> DecideCopy(int64_t id, bool allow, int64_t expected_version, const Actor& actor);

  Result<std::vector<ReuseAsset>> Assets(int64_t innovation_id, const Actor& actor);
  Result<ReuseAsset> SaveAsset(int64_t innovation_id, ReuseAsset asset, const Actor& actor,
                               std::vector<FieldProblem> earlier = {});
  Status DeleteAsset(int64_t innovation_id, int64_t id, const Actor& actor);

 private:
  // The views of `adoptions` for `actor`, from batch reads; adoptions of a
  // source the actor may not read are left out.
  std::vector<AdoptionView> Views(std::vector<Adoption> adoptions, const Actor& actor);
  // Saves `a` as a new adoption or its next step, with the adopter's own
  // copy of `copy_of` when given, and the audit entries: one unit of work.
  Result<int64_t> Persist(Adoption a, int64_t expected_version, const Innovation* copy_of, const ChangeContext& change);
  Store& store_;
  Register& reg_;
};

}  // namespace koers
