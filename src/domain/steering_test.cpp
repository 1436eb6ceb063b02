#include "domain/steering.hpp"

#include <gtest/gtest.h>

namespace koers {
namespace {

TimePoint At(const char* text) {
  TimePoint t;
  EXPECT_TRUE(ParseTimestamp(text, &t)) << text;
  return t;
}

Review Decision(const char* besluit, const char* terug = "") {
  Review r;
  r.fase = "ontwikkeling";
  r.besluit = besluit;
  r.terug_naar = terug;
  return r;
}

TEST(Decisions, MoveThePhaseAndStatusAsTheRulesSay) {
  struct Case {
    const char* besluit;
    const char* terug;
    const char* fase_in;
    const char* fase_uit;
    const char* status_uit;
  };
  for (const Case& c : {Case{"go", "", "idee", "ontwikkeling", "actief"},
                        Case{"go", "", "implementatie", "opschaling", "actief"},
                        Case{"go", "", "opschaling", "opschaling", "actief"},
                        Case{"go_back", "vorige", "implementatie", "ontwikkeling", "actief"},
                        Case{"go_back", "blijven", "implementatie", "implementatie", "actief"},
                        Case{"go_back", "vorige", "idee", "idee", "actief"},
                        Case{"hold", "", "ontwikkeling", "ontwikkeling", "gepauzeerd"},
                        Case{"no_go", "", "ontwikkeling", "ontwikkeling", "gestopt"}}) {
    std::string fase = c.fase_in, status = "gepauzeerd";
    ApplyDecision(Decision(c.besluit, c.terug), &fase, &status);
    EXPECT_EQ(fase, c.fase_uit) << c.besluit << " from " << c.fase_in;
    EXPECT_EQ(status, c.status_uit) << c.besluit;
  }
}

TEST(Decisions, RecordingNeedsDecisionMotivationAndEveryPillarScored) {
  Review r = Decision("");
  std::vector<std::string> fields;
  for (const auto& p : Validate(r, true)) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"motivering", "besluit", "pijlers.publiekeWaarde.score",
                                              "pijlers.gebruikswaarde.score", "pijlers.technischeAanpak.score",
                                              "pijlers.kosten.score"}));
  EXPECT_TRUE(Validate(r, false).empty()) << "a draft may be incomplete";
  r.besluit = "go_back";
  r.motivering = "gebruikers zijn nog niet betrokken";
  for (const char* p : kPillars) r.pijlers[p] = {3, "bewijs"};
  auto problems = Validate(r, true);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "terugNaar");
  r.pijlers["gebruikswaarde"].score = 6;
  r.schaduwkanten["bestaatNiet"] = {};
  EXPECT_EQ(Validate(r, true).size(), 3u);
}

// A fixture with known dates: idee on 1 January, ontwikkeling on 1 March
// (59 days), a pause in ontwikkeling on 1 May, implementatie on 31 May.
Innovation Fixture() {
  Innovation in;
  in.fase = "implementatie";
  in.status = "actief";
  in.innovatie_niveau = "applicatie";
  in.fase_historie = {{"idee", "actief", "2025-01-01T00:00:00Z", "", ""},
                      {"ontwikkeling", "actief", "2025-03-01T00:00:00Z", "", ""},
                      {"ontwikkeling", "gepauzeerd", "2025-05-01T00:00:00Z", "", ""},
                      {"implementatie", "actief", "2025-05-31T00:00:00Z", "", ""}};
  return in;
}

TEST(Funnel, TimeInPhaseAddsUpEveryStayUntilNow) {
  auto t = TimeInPhases(Fixture().fase_historie, At("2025-06-10T00:00:00Z"));
  EXPECT_DOUBLE_EQ(t[0].dagen, 59);
  EXPECT_DOUBLE_EQ(t[1].dagen, 91);  // 61 active + 30 paused: still the same phase
  EXPECT_DOUBLE_EQ(t[2].dagen, 10);
  EXPECT_DOUBLE_EQ(t[3].dagen, 0);
  EXPECT_TRUE(t[2].huidig);
  EXPECT_FALSE(t[1].huidig);
}

TEST(Funnel, LeadTimeAgainstTheExpectedTimeToMarket) {
  Innovation in = Fixture();
  auto lt = LeadTimeOf(in, At("2030-01-01T00:00:00Z"));
  EXPECT_TRUE(lt.bereikt);
  EXPECT_NEAR(lt.jaren, 150 / 365.25, 1e-9);
  EXPECT_FALSE(lt.overschreden);
  in.fase_historie.pop_back();  // never reached implementatie
  in.fase = "ontwikkeling";
  lt = LeadTimeOf(in, At("2026-09-01T00:00:00Z"));
  EXPECT_FALSE(lt.bereikt);
  EXPECT_GT(lt.jaren, 1.5);
  EXPECT_TRUE(lt.overschreden) << "an application should be in use within 1.5 years";
  EXPECT_FALSE(ExpectedTimeToMarket("onbekend"));
  EXPECT_DOUBLE_EQ(ExpectedTimeToMarket("materiaal")->max, 10);
}

TEST(Funnel, ConversionAndMediansOverAPortfolio) {
  // Three innovations that began in idee (two reached implementatie), one
  // imported straight into implementatie (not in the cohort).
  Innovation a = Fixture();
  Innovation b;
  b.fase = "opschaling";
  b.status = "actief";
  b.fase_historie = {{"idee", "actief", "2025-01-01T00:00:00Z", "", ""},
                     {"ontwikkeling", "actief", "2025-01-31T00:00:00Z", "", ""},
                     {"implementatie", "actief", "2025-04-01T00:00:00Z", "", ""},
                     {"opschaling", "actief", "2025-06-01T00:00:00Z", "", ""}};
  Innovation c;
  c.fase = "idee";
  c.status = "gestopt";
  c.fase_historie = {{"idee", "actief", "2025-02-01T00:00:00Z", "", ""}, {"idee", "gestopt", "2025-03-01T00:00:00Z", "", ""}};
  Innovation d;
  d.fase = "implementatie";
  d.status = "actief";
  d.fase_historie = {{"implementatie", "actief", "2024-01-01T00:00:00Z", "", ""}};
  auto o = Overview({a, b, c, d}, At("2025-07-01T00:00:00Z"));
  EXPECT_EQ(o.gestart_in_idee, 3);
  EXPECT_EQ(o.idee_naar_implementatie, 2);
  EXPECT_EQ(o.per_fase["implementatie"], 2);
  EXPECT_EQ(o.per_status["gestopt"], 1);
  // idee stays that ended: a 59 days, b 30 days -> median 44.5; c's has no end.
  EXPECT_EQ(o.afgeronde_verblijven["idee"], 2);
  EXPECT_DOUBLE_EQ(*o.mediaan_dagen["idee"], 44.5);
  // ontwikkeling: a 91, b 60 -> 75.5. implementatie: b 61 (a and d are still there).
  EXPECT_DOUBLE_EQ(*o.mediaan_dagen["ontwikkeling"], 75.5);
  EXPECT_DOUBLE_EQ(*o.mediaan_dagen["implementatie"], 61);
  EXPECT_FALSE(o.mediaan_dagen["opschaling"].has_value());
}

TEST(Register, UnknownsComeFirstThenThePlannedOrder) {
  std::vector<Uncertainty> items = {{1, 0, "risico", "r1", "", "", "open", 1},
                                    {2, 0, "onbekende", "o2", "", "", "open", 2},
                                    {3, 0, "onbekende", "o1", "", "", "open", 1},
                                    {4, 0, "risico", "r0", "", "", "open", 0}};
  SortForTackling(&items);
  std::vector<std::string> titles;
  for (const auto& u : items) titles.push_back(u.titel);
  EXPECT_EQ(titles, (std::vector<std::string>{"o1", "o2", "r0", "r1"}));
}

TEST(BusinessCaseTotals, CostsBenefitsAndPayback) {
  BusinessCase b;
  b.kosten = {{"idee", 1000, 40}, {"ontwikkeling", 20000, 400}};
  b.baten = {{"1% efficiëntie op de inzet van veegmachines", 12000, "1% van 1,2 mln"}};
  b.stoplijst = {{"handmatige routeplanning", "4 uur per week", 8000}};
  auto t = Totals(b, 100);
  EXPECT_DOUBLE_EQ(t.kosten_extern, 21000);
  EXPECT_DOUBLE_EQ(t.kosten_intern, 44000);
  EXPECT_DOUBLE_EQ(*t.terugverdientijd_jaren, 65000.0 / 20000.0);
  b.uurtarief = 50;
  EXPECT_DOUBLE_EQ(Totals(b, 100).kosten_intern, 22000);
}

}  // namespace
}  // namespace koers
