#include "app/clusters.hpp"

#include <gtest/gtest.h>

namespace koers {
namespace {

TEST(Clusters, NearIdenticalDescriptionsGroupAndOthersDoNot) {
  // Texts as registered in the Algoritmeregister by West Betuwe and Utrecht.
  const std::string kGem =
      "Zo goed mogelijk de inwoner begrijpen en hem aan het juiste antwoord helpen. Dat kan soms een inhoudelijk of "
      "procedureel antwoord zijn, soms een doorverwijzing of een overdracht naar een (livechat-)medewerker. De "
      "virtuele assistent wordt alleen ingezet om meer hulp te kunnen bieden door landelijk vastgestelde antwoorden "
      "te geven op burger- en ondernemersvragen of doorverwijzing naar een medewerker.";
  const std::string kGemUtrecht =
      "Zo goed mogelijk de vraag van de inwoner begrijpen en diegene aan het juiste antwoord helpen. Dat kan een "
      "inhoudelijk of procedureel antwoord zijn, maar ook een doorverwijzing of een overdracht naar een "
      "(livechat-)medewerker. De virtuele assistent wordt alleen ingezet om antwoord te geven op basis van landelijk "
      "vastgestelde antwoorden op inwoners- en ondernemersvragen of doorverwijzing naar een medewerker.";
  std::vector<std::pair<std::string, std::string>> texts = {
      {"Virtuele gemeente assistent Gem", kGem},
      {"Virtuele gemeente assistent Gem", kGem},
      // The same product reworded under a shorter title.
      {"Virtuele assistent Gem", kGemUtrecht},
      {"Chatbot", "Het doel van onze chatbot is om burgers sneller en 24/7 antwoorden te geven op hun algemene vragen."},
      {"Parkeercontrole scanauto", "Een scanauto rijdt door de stad en controleert of voor geparkeerde auto's betaald is."},
      {"Scanauto parkeren", "Een scanauto rijdt door de stad en controleert of voor geparkeerde auto's is betaald."},
  };
  auto groups = GroupSimilar(texts);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(groups[1], (std::vector<size_t>{4, 5}));
}

TEST(Clusters, SimilarityIsJaccardOfWordTriples) {
  EXPECT_DOUBLE_EQ(ShingleSimilarity("een twee drie vier", "een twee drie vier"), 1.0);
  EXPECT_DOUBLE_EQ(ShingleSimilarity("alfa beta gamma delta", "alfa beta gamma epsilon"), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(ShingleSimilarity("", "iets"), 0.0);
}

}  // namespace
}  // namespace koers
