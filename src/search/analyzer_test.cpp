#include "search/analyzer.hpp"

#include <gtest/gtest.h>

namespace koers::search {
namespace {

TEST(Words, FoldsCaseAndAccentsAndSplitsOnTypographicPunctuation) {
  EXPECT_EQ(Words("Het Actonomy‑platform analyseert “profielen” – ook in Fryslân!"),
            (std::vector<std::string>{"het", "actonomy", "platform", "analyseert", "profielen", "ook", "in", "fryslan"}));
  EXPECT_EQ(Words("WOZ-waarde 2024"), (std::vector<std::string>{"woz", "waarde", "2024"}));
  EXPECT_TRUE(Words("  —  ").empty());
  EXPECT_EQ(Words(std::string("a\xff" "b")), (std::vector<std::string>{"a", "b"})) << "bad bytes separate";
}

Lexicon SmallLexicon() {
  Lexicon lex;
  for (const char* w : {"hond", "overlast", "woning", "bouw", "woningbouw", "monitor", "kenteken", "camera", "parkeren",
                        "druk", "verkeer", "veiligheid", "bijstand", "uitkering", "belasting", "gemeente"})
    lex.Add(w);
  return lex;
}

TEST(Lexicon, SplitsCompoundsIntoKnownParts) {
  Lexicon lex = SmallLexicon();
  EXPECT_EQ(lex.Split("hondenoverlast"), (std::vector<std::string>{"honden", "overlast"}));
  EXPECT_EQ(lex.Split("woningbouwmonitor"), (std::vector<std::string>{"woningbouw", "monitor", "woning", "bouw"}));
  EXPECT_EQ(lex.Split("kentekencamera"), (std::vector<std::string>{"kenteken", "camera"}));
  EXPECT_EQ(lex.Split("parkeerdruk"), (std::vector<std::string>{"parkeer", "druk"}));
  EXPECT_EQ(lex.Split("verkeersveiligheid"), (std::vector<std::string>{"verkeer", "veiligheid"}));
  EXPECT_EQ(lex.Split("bijstandsuitkering"), (std::vector<std::string>{"bijstand", "uitkering"}));
  EXPECT_EQ(lex.Split("hondenbelasting"), (std::vector<std::string>{"honden", "belasting"}));
}

TEST(Lexicon, LeavesPlainWordsAlone) {
  Lexicon lex = SmallLexicon();
  for (const char* w : {"gemeente", "overlast", "informatie", "bestuurder", "kort"}) EXPECT_TRUE(lex.Split(w).empty()) << w;
}

TEST(Stemming, DutchSnowball) {
  EXPECT_EQ(Stem("honden"), Stem("hond"));
  EXPECT_EQ(Stem("voorspellingen"), Stem("voorspelling"));
}

TEST(Synonyms, GroupsWorkBothWaysAndBadLinesAreNamed) {
  auto syn = Synonyms::Parse("# belasting\nwoz | onroerendezaakbelasting\nchatbot | digitale assistent | virtuele assistent\n",
                             "syn.txt");
  ASSERT_TRUE(syn.ok());
  ASSERT_NE(syn.value().Alternatives("woz"), nullptr);
  EXPECT_EQ((*syn.value().Alternatives("woz"))[0], (std::vector<std::string>{"onroerendezaakbelasting"}));
  EXPECT_EQ(syn.value().Alternatives("virtuele assistent")->size(), 2u);
  EXPECT_EQ(syn.value().longest_phrase(), 2u);
  auto bad = Synonyms::Parse("a | b\nalleen\n", "syn.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("syn.txt regel 2"), std::string::npos);
}

TEST(Stopwords, CommonWordsOnly) {
  EXPECT_TRUE(IsStopword("van"));
  EXPECT_TRUE(IsStopword("het"));
  EXPECT_FALSE(IsStopword("honden"));
}

}  // namespace
}  // namespace koers::search
