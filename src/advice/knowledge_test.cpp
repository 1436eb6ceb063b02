#include "advice/knowledge.hpp"

#include <gtest/gtest.h>

namespace koers {
namespace {

const std::string kDir = std::string(KOERS_SOURCE_DIR) + "/data/kennis";

TEST(Knowledge, TheShippedFilesAreValid) {
  auto k = LoadKnowledge(kDir);
  ASSERT_TRUE(k.ok()) << k.error().message;
  EXPECT_EQ(k.value().factoren.size(), 9u);
  EXPECT_EQ(k.value().kenmerken.size(), 12u);
  EXPECT_EQ(k.value().drempels.size(), 4u);
  EXPECT_EQ(k.value().themas.size(), 9u);
  EXPECT_GE(k.value().opties.size(), 60u);
  std::set<std::string> themes;
  for (const auto& o : k.value().opties) themes.insert(o.thema);
  EXPECT_EQ(themes.size(), 9u) << "every theme has options";
}

std::vector<std::string> Problems(const std::string& name, const std::string& text) {
  Knowledge k;
  std::vector<std::string> problems;
  ParseKnowledgeFile(name, text, &k, &problems);
  return problems;
}

TEST(Knowledge, MistakesNameFileAndLine) {
  auto p = Problems("opties.yaml", "opties:\n  - id: a\n    titel: A\n    tekst: x\n    thema: t\n    fasen: [idee]\n    kleur: rood\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "opties.yaml:7: onbekend veld 'kleur'; toegestaan: id, titel, tekst, thema, fasen, versterkt");

  p = Problems("opties.yaml", "opties:\n  - id: a\n    titel: A\n");
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0].rfind("opties.yaml:2: 'tekst' ontbreekt", 0), 0u) << p[0];

  p = Problems("regels.yaml", "regels:\n  - id: r\n    gewicht: 9\n    voor: innovatie\n    als:\n      - factor: x\n    opties: [a]\n");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].rfind("regels.yaml:3: 'gewicht' moet een geheel getal van 1 tot 5 zijn", 0), 0u) << p[0];
  EXPECT_EQ(p[1], "regels.yaml:6: een score-voorwaarde heeft 'min' of 'max' nodig");

  p = Problems("themas.yaml", "themas:\n  - id: a\n    naam: [kapot\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].rfind("themas.yaml:", 0), 0u);
  EXPECT_NE(p[0].find("geen geldige YAML"), std::string::npos) << p[0];
}

TEST(Knowledge, BadInputNeverCrashes) {
  for (const char* text : {"", "x", "- a\n- b", "opties: 3", "opties:\n  - 7\n", "regels:\n  - als: 5\n",
                           "regels:\n  - id: r\n    als:\n      - factor: a\n        fase: [idee]\n",
                           "\xff\xfe", "opties: &a [*a]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}) {
    for (const char* name : {"opties.yaml", "regels.yaml", "teamcheck.yaml", "klimaat.yaml", "onbekend.yaml"}) {
      auto p = Problems(name, text);
      EXPECT_FALSE(p.empty()) << name << " " << text;
    }
  }
}

TEST(Knowledge, ReferencesBetweenFilesAreChecked) {
  auto k = LoadKnowledge(kDir);
  ASSERT_TRUE(k.ok());
  Knowledge broken = k.value();
  broken.opties[0].thema = "bestaat_niet";
  broken.regels[0].opties.push_back("ook_niet");
  std::vector<std::string> problems;
  CheckKnowledge(broken, &problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("onbekend thema 'bestaat_niet'"), std::string::npos);
  EXPECT_NE(problems[1].find("onbekende optie 'ook_niet'"), std::string::npos);
}

}  // namespace
}  // namespace koers
