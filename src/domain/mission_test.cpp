#include "domain/mission.hpp"

#include <gtest/gtest.h>

namespace koers {
namespace {

Mission Valid() {
  Mission m;
  m.titel = "Klimaatbestendig";
  m.opgave = "Elke wijk";
  m.doel_waarde = 80;
  m.doel_eenheid = "%";
  m.doel_datum = "2030-12-31";
  m.eigenaren = {"GM0344"};
  return m;
}

bool Names(const std::vector<FieldProblem>& problems, const std::string& field) {
  for (const auto& p : problems)
    if (p.field == field) return true;
  return false;
}

TEST(Mission, AValidMissionHasNoProblems) { EXPECT_TRUE(Validate(Valid()).empty()); }

TEST(Mission, EveryProblemIsNamedByItsField) {
  Mission m = Valid();
  m.titel = "";
  m.doel_eenheid = "";
  m.doel_datum = "volgend jaar";
  m.status = "klaar";
  m.eigenaren.clear();
  m.partners = {{"", "buren"}};
  m.metingen = {{"gisteren", 1}};
  auto problems = Validate(m);
  for (const char* field : {"titel", "doel.eenheid", "doel.datum", "status", "eigenaren", "partners[0].naam",
                            "partners[0].rol", "metingen[0].datum"})
    EXPECT_TRUE(Names(problems, field)) << field;
}

TEST(Mission, ProgressIsTheLatestMeasurementAgainstTheTarget) {
  Mission m = Valid();
  EXPECT_FALSE(Progress(m));
  m.metingen = {{"2026-06-30", 40}, {"2025-12-31", 20}};
  Normalise(&m);
  auto p = Progress(m);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->datum, "2026-06-30");
  EXPECT_DOUBLE_EQ(*p->percentage, 50);
  m.doel_waarde.reset();
  EXPECT_FALSE(Progress(m)->percentage);
}

TEST(Mission, AConceptIsForItsOwnersAndOnlyMembersWhoWorkEdit) {
  Mission m = Valid();
  Actor outsider, reader, member;
  outsider.gebruiker_id = 1;
  reader.gebruiker_id = 2;
  reader.rollen = {{1, "GM0344", rol::kLezer}};
  member.gebruiker_id = 3;
  member.rollen = {{2, "GM0344", rol::kLid}};
  EXPECT_FALSE(CanRead(outsider, m));
  EXPECT_TRUE(CanRead(reader, m));
  EXPECT_FALSE(CanEdit(reader, m));
  EXPECT_TRUE(CanEdit(member, m));
  m.status = "gepubliceerd";
  EXPECT_TRUE(CanRead(outsider, m));
  EXPECT_FALSE(CanEdit(outsider, m));
}

}  // namespace
}  // namespace koers
