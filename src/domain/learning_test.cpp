#include "domain/learning.hpp"

#include <gtest/gtest.h>

#include "domain/steering.hpp"

namespace koers {
namespace {

Invitation Friend(const char* until) {
  Invitation i;
  i.email = "vriend@amsterdam.nl";
  i.naam = "Vriend";
  i.geldig_tot = until;
  return i;
}

bool Names(const std::vector<FieldProblem>& problems, const char* field) {
  for (const auto& p : problems)
    if (p.field == field) return true;
  return false;
}

TEST(Invitations, AreForALimitedTimeFromToday) {
  EXPECT_TRUE(Validate(Friend("2026-12-02"), "2026-12-02").empty()) << "today is the shortest invitation";
  EXPECT_TRUE(Validate(Friend("2027-03-04"), "2026-12-02").empty()) << "92 days ahead";
  EXPECT_TRUE(Names(Validate(Friend("2027-03-05"), "2026-12-02"), "geldigTot")) << "93 days ahead";
  EXPECT_TRUE(Names(Validate(Friend("2026-12-01"), "2026-12-02"), "geldigTot")) << "in the past";
  EXPECT_TRUE(Names(Validate(Friend(""), "2026-12-02"), "geldigTot"));
  EXPECT_TRUE(Names(Validate(Friend("morgen"), "2026-12-02"), "geldigTot"));
}

TEST(Invitations, CloseAfterTheirLastDayOrWhenWithdrawn) {
  Invitation i = Friend("2026-12-10");
  EXPECT_TRUE(IsOpen(i, "2026-12-02"));
  EXPECT_TRUE(IsOpen(i, "2026-12-10"));
  EXPECT_FALSE(IsOpen(i, "2026-12-11"));
  i.ingetrokken = true;
  EXPECT_FALSE(IsOpen(i, "2026-12-02"));
}

TEST(Invitations, NeedAFriendByNameAndAddress) {
  Invitation i = Friend("2026-12-10");
  i.email.clear();
  i.naam.clear();
  auto problems = Validate(i, "2026-12-02");
  EXPECT_TRUE(Names(problems, "email"));
  EXPECT_TRUE(Names(problems, "naam"));
}

TEST(Phases, ImplementationIsReachedOnceAndForAll) {
  Innovation in;
  in.fase = "ontwikkeling";
  EXPECT_FALSE(ReachedImplementation(in));
  in.fase_historie.push_back({});
  in.fase_historie.back().fase = "implementatie";
  EXPECT_TRUE(ReachedImplementation(in)) << "a step back does not undo it";
  in.fase_historie.clear();
  in.fase = "opschaling";
  EXPECT_TRUE(ReachedImplementation(in));
}

}  // namespace
}  // namespace koers
