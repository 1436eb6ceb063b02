// Diagnosis and advice use cases: diagnoses of an innovation on the success
// factors, climate measurements of an organisation, the team check, ranked
// advice with reasons, and what the portfolio teaches. Applies the rules of
// domain/access.hpp: a diagnosis is read like its innovation and recorded
// by its team or stuurgroep; a climate measurement is read by anyone with a
// role in the organisation and recorded by its beheerder or stuurgroep.
#pragma once

#include <string>
#include <vector>

#include "advice/advice.hpp"
#include "app/register.hpp"
#include "app/steering.hpp"
#include "domain/assessment.hpp"

namespace koers {

struct InnovationDiagnosis {
  InnovationFacts feiten;
  std::vector<AdviceItem> advies;
};

class Diagnosis {
 public:
  // Borrows everything. Thread-safe.
  Diagnosis(Store& store, Register& reg, Steering& steering, const Knowledge& knowledge)
      : store_(store), reg_(reg), steering_(steering), k_(knowledge) {}

  const Knowledge& knowledge() const { return k_; }

  Result<std::vector<Assessment>> Diagnoses(int64_t innovation_id, const Actor& actor);
  Result<Assessment> AddDiagnosis(int64_t innovation_id, Assessment a, const Actor& actor,
                                  std::vector<FieldProblem> earlier = {});
  // The facts the rules look at, with the team check and the ranked advice.
  Result<InnovationDiagnosis> Advise(int64_t innovation_id, const Actor& actor);

  Result<std::vector<Assessment>> Climate(const std::string& org, const Actor& actor);
  Result<Assessment> AddClimate(const std::string& org, Assessment a, const Actor& actor,
                                std::vector<FieldProblem> earlier = {});
  Result<std::vector<AdviceItem>> AdviseOrganisation(const std::string& org, const Actor& actor);

  // Per success factor: how often innovations with a high or a low score in
  // their newest diagnosis reached implementation. Over the innovations
  // `actor` may read, of `org` when given.
  Result<std::vector<FactorLesson>> Lessons(const std::string& org, const Actor& actor);

 private:
  Status MayReadClimate(const std::string& org, const Actor& actor);
  Store& store_;
  Register& reg_;
  Steering& steering_;
  const Knowledge& k_;
};

}  // namespace koers
