#include "formats/table_export.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace koers {
namespace {

std::string WriteAll(const std::string& formaat, const std::vector<std::vector<ExportCell>>& rows,
                     size_t* largest_piece = nullptr) {
  auto writer = TableWriter::Open(formaat, "tabel", {"naam", "waarde"});
  EXPECT_TRUE(writer.ok());
  std::string all, piece;
  size_t largest = 0;
  for (const auto& row : rows) {
    EXPECT_TRUE(writer.value()->Add(row, &piece).ok());
    largest = std::max(largest, piece.size());
    all += piece;
    piece.clear();
  }
  for (bool done = false; !done;) {
    auto r = writer.value()->Finish(&piece);
    EXPECT_TRUE(r.ok());
    done = !r.ok() || r.value();
    largest = std::max(largest, piece.size());
    all += piece;
    piece.clear();
  }
  if (largest_piece) *largest_piece = largest;
  return all;
}

TEST(TableWriter, DutchCsvHasBomSemicolonsDecimalCommaAndDefusedFormulas) {
  std::string csv = WriteAll("csv-nl", {{std::string("=SOM(A1)"), 1.5}, {std::string("a;b \"c\""), ExportCell{}}});
  EXPECT_EQ(csv, "\xef\xbb\xbfnaam;waarde\r\n'=SOM(A1);1,5\r\n\"a;b \"\"c\"\"\";\r\n");
  EXPECT_EQ(WriteAll("csv", {{std::string("x"), 2.25}}), "naam,waarde\nx,2.25\n");
  EXPECT_EQ(WriteAll("csv", {}), "naam,waarde\n") << "an empty table still has its header";
}

TEST(TableWriter, JsonIsOneArrayOfObjects) {
  auto doc = nlohmann::json::parse(WriteAll("json", {{std::string("x"), 2.0}, {ExportCell{}, ExportCell{}}}));
  ASSERT_EQ(doc.size(), 2u);
  EXPECT_EQ(doc[0]["naam"], "x");
  EXPECT_EQ(doc[1]["waarde"], nullptr);
  EXPECT_EQ(WriteAll("json", {}), "[]");
}

// Rows come out as they go in: no piece holds more than one row (CSV) or
// 64 KiB (the .xlsx file, read out at the end), however long the table.
TEST(TableWriter, WritesLongTablesInSmallPieces) {
  std::vector<std::vector<ExportCell>> rows(20000, {std::string("een innovatie met een naam"), 12345.0});
  size_t largest = 0;
  std::string csv = WriteAll("csv", rows, &largest);
  EXPECT_GT(csv.size(), 500000u);
  EXPECT_LT(largest, 100u);
  std::string xlsx = WriteAll("xlsx", rows, &largest);
  EXPECT_EQ(xlsx.substr(0, 2), "PK") << "a zip file";
  EXPECT_GT(xlsx.size(), 64u * 1024);
  EXPECT_LE(largest, 64u * 1024);
}

TEST(TableWriter, RefusesAnUnknownFormatNamingIt) {
  auto writer = TableWriter::Open("pdf", "tabel", {"a"});
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(writer.error().problems.at(0).field, "formaat");
}

}  // namespace
}  // namespace koers
