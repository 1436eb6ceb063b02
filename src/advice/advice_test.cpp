#include "advice/advice.hpp"

#include <gtest/gtest.h>

namespace koers {
namespace {

const Knowledge& K() {
  static const Knowledge k = [] {
    auto loaded = LoadKnowledge(std::string(KOERS_SOURCE_DIR) + "/data/kennis");
    if (!loaded.ok()) throw std::runtime_error(loaded.error().message);
    return loaded.value();
  }();
  return k;
}

Innovation Team(std::string fase, std::string analyse, std::vector<std::pair<std::string, std::vector<std::string>>> members) {
  Innovation in;
  in.fase = std::move(fase);
  in.analyse_niveau = std::move(analyse);
  for (auto& [rol, arch] : members) in.team.push_back({"iemand", rol, arch, "", 0});
  return in;
}

bool Gap(const TeamCheck& t, const std::string& rol) { return t.Misses(rol); }

TEST(TeamCheck, PredictiveModelWithoutPrivacyOfficerOrDataScientist) {
  auto t = CheckTeam(K(), Team("ontwikkeling", "voorspellend", {{"opdrachtgever", {}}, {"projectleider", {}}, {"data_analist", {}}}));
  EXPECT_TRUE(Gap(t, "privacy_officer"));
  EXPECT_TRUE(Gap(t, "data_scientist"));
  EXPECT_TRUE(Gap(t, "projectleider_backup")) << "no backup for the project leader";
  EXPECT_TRUE(Gap(t, "domeinexpert")) << "data professionals without a domain expert";
  EXPECT_FALSE(Gap(t, "opdrachtgever"));
}

TEST(TeamCheck, ImplementationNeedsACoachOrFunctionalAdministrator) {
  auto without = CheckTeam(K(), Team("implementatie", "beschrijvend", {{"opdrachtgever", {}}, {"projectleider", {}}}));
  bool gap = false;
  for (const auto& g : without.gaten)
    gap = gap || (g.rollen == std::vector<std::string>{"implementatiecoach", "functioneel_beheerder"});
  EXPECT_TRUE(gap);
  auto with = CheckTeam(K(), Team("implementatie", "beschrijvend", {{"opdrachtgever", {}}, {"projectleider", {}}, {"functioneel_beheerder", {}}}));
  for (const auto& g : with.gaten) EXPECT_NE(g.regel, "implementatie_borging");
}

TEST(TeamCheck, AbsentArchetypeGroups) {
  auto t = CheckTeam(K(), Team("idee", "", {{"projectleider", {"experimenteerder"}}, {"domeinexpert", {"hordeloper"}}}));
  ASSERT_EQ(t.ontbrekende_groepen.size(), 1u);
  EXPECT_EQ(t.ontbrekende_groepen[0]->id, "realiseren");
}

TEST(Advice, LowUserValueAndNoShopFloorGivesTheRuleWithBothReasons) {
  InnovationFacts f;
  f.fase = "ontwikkeling";
  f.status = "actief";
  f.pijlers = {{"gebruikswaarde", 2}};
  f.factoren = {{"eindgebruikers_betrekken", 2}};
  f.heeft_businesscase = f.heeft_pitch = f.heeft_beoordeling = f.heeft_outcome_indicator = f.opgeschaald = true;
  auto advice = AdviseInnovation(K(), f);
  ASSERT_FALSE(advice.empty());
  EXPECT_EQ(advice[0].regel, "gebruikswaarde_laag");
  EXPECT_EQ(advice[0].reden,
            "Gebruikswaarde scoorde 2 in de laatste review en de werkvloer is nauwelijks betrokken bij het maken");
  for (const auto& a : advice) {
    const auto& phases = a.optie->fasen;
    EXPECT_NE(std::find(phases.begin(), phases.end(), "ontwikkeling"), phases.end()) << a.optie->id;
  }
}

TEST(Advice, DeterministicAndEachOptionOnce) {
  InnovationFacts f;
  f.fase = "idee";
  f.status = "gepauzeerd";
  f.dagen_in_fase = 400;
  f.open_onbekenden = 5;
  auto a = AdviseInnovation(K(), f);
  auto b = AdviseInnovation(K(), f);
  ASSERT_EQ(a.size(), b.size());
  std::set<std::string> ids;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].optie->id, b[i].optie->id);
    EXPECT_TRUE(ids.insert(a[i].optie->id).second) << a[i].optie->id;
    if (i > 0) EXPECT_GE(a[i - 1].gewicht, a[i].gewicht);
  }
  EXPECT_FALSE(a.empty());
}

TEST(Advice, NothingToSayWhenAllIsWell) {
  InnovationFacts f;
  f.fase = "implementatie";
  f.status = "actief";
  f.analyse_niveau = "beschrijvend";
  for (const auto& [p, n] : Pillars()) f.pijlers[p] = 4;
  for (const auto& x : K().factoren) f.factoren[x.id] = 4;
  f.factoren["samenwerking_markt"] = 3;  // heavy reliance on a supplier asks for advice too
  f.heeft_businesscase = f.heeft_pitch = f.heeft_beoordeling = f.heeft_outcome_indicator = f.opgeschaald = true;
  auto advice = AdviseInnovation(K(), f);
  for (const auto& a : advice) ADD_FAILURE() << a.regel << ": " << a.reden;
}

TEST(Advice, OrganisationHurdles) {
  OrganisationFacts f;
  f.drempels = {{"middelen", 5}};
  auto a = AdviseOrganisation(K(), f);
  ASSERT_FALSE(a.empty());
  EXPECT_NE(a[0].reden.find("scoorde 5 in de laatste meting"), std::string::npos) << a[0].reden;
  EXPECT_TRUE(AdviseOrganisation(K(), OrganisationFacts{}).empty());
}

TEST(Learning, NoClaimWithoutEnoughInnovations) {
  std::vector<LearningRow> rows;
  for (int i = 0; i < 6; ++i) rows.push_back({{{"projectleider_en_team", 5}}, i < 5});
  for (int i = 0; i < 4; ++i) rows.push_back({{{"projectleider_en_team", 1}}, false});
  auto lessons = LearnFromPortfolio(K(), rows);
  const FactorLesson& l = lessons[0];
  EXPECT_EQ(l.factor->id, "projectleider_en_team");
  EXPECT_EQ(l.hoog_n, 6);
  EXPECT_EQ(l.hoog_bereikt, 5);
  EXPECT_EQ(l.laag_n, 4);
  EXPECT_FALSE(l.genoeg);
  rows.push_back({{{"projectleider_en_team", 2}}, true});
  EXPECT_TRUE(LearnFromPortfolio(K(), rows)[0].genoeg);
}

}  // namespace
}  // namespace koers
