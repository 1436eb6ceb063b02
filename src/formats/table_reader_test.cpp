#include "formats/table_reader.hpp"

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace koers {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(ReadCsv, DutchExcelWithBomCrlfAndDecimalComma) {
  auto t = ReadCsv("\xef\xbb\xbfperiode;gebied;waarde\r\n2024-Q1;GM0344;12,5\r\n2024-Q2;GM0344;\"1.234,5\"\r\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_TRUE(t.value().decimale_komma);
  EXPECT_EQ(t.value().rows, (Rows{{"periode", "gebied", "waarde"}, {"2024-Q1", "GM0344", "12,5"}, {"2024-Q2", "GM0344", "1.234,5"}}));
  EXPECT_EQ(t.value().regels, (std::vector<int>{1, 2, 3}));
}

TEST(ReadCsv, MachineCsvQuotesAndEmbeddedNewlines) {
  auto t = ReadCsv("a,b\n\"x, \"\"y\"\"\",1.5\n\"two\nlines\",2\n\n3,4");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_FALSE(t.value().decimale_komma);
  EXPECT_EQ(t.value().rows, (Rows{{"a", "b"}, {"x, \"y\"", "1.5"}, {"two\nlines", "2"}, {"3", "4"}}));
  EXPECT_EQ(t.value().regels, (std::vector<int>{1, 2, 3, 6}));
}

TEST(ReadCsv, ExcelsTrailingEmptyCellsAndBlankRowsAreIgnored) {
  auto t = ReadCsv("a;b;;\r\n1;2;;\r\n;;;\r\n3;4\r\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t.value().rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
}

TEST(ReadCsv, RefusesBadInputWithDutchMessages) {
  struct Case {
    std::string input, expect;
  } cases[] = {
      {"", "leeg"},
      {"a;b\n1;2;3\n4\n", "evenveel velden"},
      {"a;b\n\xe9t\xe9;1\n", "geen UTF-8"},
      {"\xff\xfe" "a\0;\0", "UTF-16"},
      {std::string("a;b\n1;\0\n", 8), "binaire"},
      {"a;b\n\"open;1\n", "nergens gesloten"},
      {"a;b\nx\"y;1\n", "midden in een veld"},
      {"a;b\n\"x\"y;1\n", "na het sluitende"},
  };
  for (const auto& c : cases) {
    auto t = ReadCsv(c.input);
    ASSERT_FALSE(t.ok()) << c.input;
    std::string all = t.error().message;
    for (const auto& p : t.error().problems) all += " " + p.field + ": " + p.message;
    EXPECT_NE(all.find(c.expect), std::string::npos) << all;
  }
}

TEST(ReadCsv, RaggedRowsAreNamedByLine) {
  auto t = ReadCsv("a;b\n1;2\n3\n5;6;7\n");
  ASSERT_FALSE(t.ok());
  ASSERT_EQ(t.error().problems.size(), 2u);
  EXPECT_EQ(t.error().problems[0].field, "regel 3");
  EXPECT_EQ(t.error().problems[1].field, "regel 4");
}

TEST(ReadCsv, RefusesOversizedInput) {
  std::string big(kMaxTableBytes + 1, 'x');
  auto t = ReadCsv(big);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, ErrorKind::kTooLarge);
  std::string long_cell = "a\n" + std::string(kMaxCellBytes + 1, 'y') + "\n";
  EXPECT_FALSE(ReadCsv(long_cell).ok());
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ReadXlsx, ReadsWhatLibxlsxwriterWrites) {
  auto path = std::filesystem::temp_directory_path() / "koers_table_reader_test.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Metingen");
  lxw_format* month = workbook_add_format(wb);
  format_set_num_format(month, "mmm-yy");
  worksheet_write_string(ws, 0, 0, "periode", nullptr);
  worksheet_write_string(ws, 0, 1, "gebied", nullptr);
  worksheet_write_string(ws, 0, 2, "waarde", nullptr);
  worksheet_write_number(ws, 1, 0, 2024, nullptr);
  worksheet_write_string(ws, 1, 1, "GM0344", nullptr);
  worksheet_write_number(ws, 1, 2, 12.5, nullptr);
  lxw_datetime july = {2024, 7, 1, 0, 0, 0};
  worksheet_write_datetime(ws, 3, 0, &july, month);  // row 4; row 3 left empty
  worksheet_write_string(ws, 3, 1, "GM0363", nullptr);
  worksheet_write_formula_num(ws, 3, 2, "=1+2", nullptr, 3);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto t = ReadTable(Slurp(path));
  std::filesystem::remove(path);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_TRUE(t.value().uit_xlsx);
  EXPECT_EQ(t.value().rows, (Rows{{"periode", "gebied", "waarde"}, {"2024", "GM0344", "12.5"}, {"2024-07", "GM0363", "3"}}));
  EXPECT_EQ(t.value().regels, (std::vector<int>{1, 2, 4}));
}

// A zip holding `entries` (name, content), deflated.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  zip_source_keep(buffer);
  for (const auto& [name, content] : entries) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_int64_t index = zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);  // fast
  }
  zip_close(z);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<size_t>(size), '\0');
  zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&err);
  return out;
}

TEST(ReadXlsx, RefusesAZipBombEarly) {
  std::string workbook = "<workbook><sheets><sheet name=\"a\" r:id=\"rId1\"/></sheets></workbook>";
  std::string bomb = MakeZip({{"xl/workbook.xml", workbook}, {"xl/worksheets/sheet1.xml", std::string(kMaxUnzippedBytes + 1, ' ')}});
  ASSERT_LT(bomb.size(), 1u << 20);  // small packed, huge unpacked
  auto t = ReadTable(bomb);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, ErrorKind::kTooLarge);
  EXPECT_NE(t.error().message.find("Uitgepakt"), std::string::npos);
}

TEST(ReadXlsx, RefusesDamagedAndForeignFiles) {
  struct Case {
    std::string input, expect;
  } cases[] = {
      {"PK\x03\x04garbage", "geen leesbaar .xlsx"},
      {MakeZip({{"word/document.xml", "<w/>"}}), "geen Excel-werkmap"},
      {MakeZip({{"xl/workbook.xml", "<workbook><sheets>"}}), "geen geldige XML"},
      {MakeZip({{"xl/workbook.xml", "<workbook/>"}, {"xl/worksheets/sheet1.xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><x/>"}}), "DOCTYPE"},
      {MakeZip({{"xl/workbook.xml", "<workbook/>"}, {"xl/worksheets/sheet1.xml", "<sheetData><row r=\"1\"><c t=\"s\"><v>7</v></c></row></sheetData>"}}), "tekst die niet bestaat"},
      {MakeZip({{"xl/workbook.xml", "<workbook/>"}}), "mist een onderdeel"},
  };
  for (const auto& c : cases) {
    auto t = ReadTable(c.input);
    ASSERT_FALSE(t.ok()) << c.expect;
    EXPECT_NE(t.error().message.find(c.expect), std::string::npos) << t.error().message;
  }
}

}  // namespace
}  // namespace koers
