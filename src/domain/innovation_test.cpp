#include "domain/innovation.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/innovation_json.hpp"

namespace koers {
namespace {

Innovation Valid() {
  Innovation in;
  in.titel = "Slim vegen";
  in.organisatie = "GM0344";
  in.fase = "idee";
  in.status = "actief";
  in.zichtbaarheid = "openbaar";
  return in;
}

std::vector<std::string> Fields(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field);
  return out;
}

TEST(InnovationValidation, AMinimalInnovationIsValid) { EXPECT_TRUE(Validate(Valid()).empty()); }

TEST(InnovationValidation, ReportsEveryProblemAtOnce) {
  Innovation in = Valid();
  in.titel = "";
  in.fase = "klaar";
  in.trl = 12;
  in.start_datum = "2024-02-30";
  in.waarde_soorten = {"inwoners", "geluk"};
  in.team = {{"", "tovenaar", {"regisseur", "held"}}};
  in.kosten_extern = -5;
  EXPECT_EQ(Fields(Validate(in)),
            (std::vector<std::string>{"titel", "fase", "trl", "waardeSoorten[1]", "startDatum", "kostenExtern",
                                      "team[0].naam", "team[0].rol", "team[0].archetypen[1]"}));
}

TEST(InnovationValidation, RejectsOverlongTitleAndControlCharacters) {
  Innovation in = Valid();
  in.titel = std::string(201, 'a');
  in.samenvatting = "bel\x07";
  EXPECT_EQ(Fields(Validate(in)), (std::vector<std::string>{"titel", "samenvatting"}));
  in.titel = std::string(200, 'a');
  in.samenvatting = "";
  EXPECT_TRUE(Validate(in).empty());
}

TEST(InnovationValidation, OwnOrganisationIsNoPartner) {
  Innovation in = Valid();
  in.partners = {"GM0344"};
  EXPECT_EQ(Fields(Validate(in)), (std::vector<std::string>{"partners"}));
}

TEST(InnovationNormalise, TrimsAndDropsEmptyAndDuplicateListItems) {
  Innovation in = Valid();
  in.titel = "  Slim vegen ";
  in.tags = {" afval", "", "afval", "schoon"};
  Normalise(&in);
  EXPECT_EQ(in.titel, "Slim vegen");
  EXPECT_EQ(in.tags, (std::vector<std::string>{"afval", "schoon"}));
}

TEST(InnovationJson, RoundTripsEveryWritableField) {
  Innovation in = Valid();
  in.samenvatting = "Samen";
  in.partners = {"GM0363"};
  in.trl = 6;
  in.kosten_extern = 1250.5;
  in.team = {{"Projectleider", "projectleider", {"regisseur"}}};
  in.bron = Source{"algoritmeregister", "123", "https://example.org/123", "in_gebruik", "2024-01-02"};
  Innovation back;
  EXPECT_TRUE(FromJson(ToJson(in), &back).empty());
  EXPECT_EQ(back.titel, in.titel);
  EXPECT_EQ(back.partners, in.partners);
  EXPECT_EQ(back.trl, in.trl);
  EXPECT_EQ(back.kosten_extern, in.kosten_extern);
  EXPECT_EQ(back.team, in.team);
  EXPECT_EQ(back.bron, in.bron);
}

TEST(InnovationJson, ReportsWrongTypesAndUnknownFields) {
  auto body = nlohmann::json::parse(R"({"titel": 5, "tags": "los", "trl": 2.5, "kleur": "rood",
      "team": [{"naam": "A", "rol": "it", "hoed": 1}, 7], "bron": {"register": "x", "id": "1", "extra": true}})");
  Innovation in;
  auto problems = FromJson(body, &in);
  EXPECT_EQ(Fields(problems), (std::vector<std::string>{"titel", "tags", "trl", "team[0].hoed", "team[1]",
                                                        "bron.extra", "kleur"}));
}

TEST(InnovationJson, ANonObjectBodyIsOneProblem) {
  Innovation in;
  EXPECT_EQ(FromJson(nlohmann::json::array(), &in).size(), 1u);
}

TEST(InnovationJson, ShortDescriptionCutsAtAWordAndNeverInsideACodePoint) {
  Innovation in = Valid();
  in.doel = std::string(270, 'a') + " één twee drie vier vijf zes zeven";
  auto j = ToSummaryJson(in);
  std::string text = j["korteBeschrijving"];
  EXPECT_LE(text.size(), 284u);
  EXPECT_EQ(text.substr(text.size() - 3), "…");
}

}  // namespace
}  // namespace koers
