#include "export/csv.h"

#include <gtest/gtest.h>

#include "export/testing_files.h"

namespace congkhai {
namespace {

TEST(CsvField, PlainTextIsWrittenAsIs) {
  EXPECT_EQ(csv_field("Sơn Lâm"), "Sơn Lâm");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("28/KH-UBND"), "28/KH-UBND");
}

TEST(CsvField, CommaQuoteAndLineBreaksAreQuoted) {
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("kiểm soát \"TTHC\""), "\"kiểm soát \"\"TTHC\"\"\"");
  EXPECT_EQ(csv_field("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
  EXPECT_EQ(csv_field("a\r\nb"), "\"a\r\nb\"");
  EXPECT_EQ(csv_field("\""), "\"\"\"\"");
}

TEST(NeutraliseFormula, FormulaStartersGetAnApostrophe) {
  EXPECT_EQ(neutralise_formula("=1+1"), "'=1+1");
  EXPECT_EQ(neutralise_formula("+84 912"), "'+84 912");
  EXPECT_EQ(neutralise_formula("-2"), "'-2");  // in a text column, even a number-like text
  EXPECT_EQ(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(neutralise_formula("\tx"), "'\tx");
  EXPECT_EQ(neutralise_formula("\rx"), "'\rx");
}

TEST(NeutraliseFormula, OtherTextIsUnchanged) {
  EXPECT_EQ(neutralise_formula(""), "");
  EXPECT_EQ(neutralise_formula("Tỷ lệ = 50%"), "Tỷ lệ = 50%");  // only the first character
  EXPECT_EQ(neutralise_formula("'quoted"), "'quoted");
  EXPECT_EQ(neutralise_formula(" =1"), " =1");
}

DataTable sample_table() {
  DataTable t;
  t.name = "mau";
  t.fields = {{"text", FieldType::kString, "", "", "", false, {}},
              {"value", FieldType::kNumber, "", "", "", false, {}},
              {"count", FieldType::kInteger, "", "", "", false, {}},
              {"date", FieldType::kDate, "", "", "", false, {}},
              {"flag", FieldType::kBoolean, "", "", "", false, {}}};
  t.rows = {{"=cmd|' /C calc'!A0", "-2.5", "-3", "2023-03-31", "true"},
            {"-", "", "", "", "false"},
            {"a,\"b\"\nc", "0", "0", "", ""}};
  return t;
}

TEST(WriteCsv, StartsWithBomAndEndsEveryRecordWithCrlf) {
  std::string csv = write_csv(sample_table());
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, csv.find('\n') - 2), "text,value,count,date,flag\r\n");
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
}

TEST(WriteCsv, NeutralisesTextColumnsOnlyAndReadsBack) {
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(testing::parse_csv(write_csv(sample_table()).substr(3), &rows));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][0], "'=cmd|' /C calc'!A0");
  EXPECT_EQ(rows[1][1], "-2.5");  // a negative number stays a number
  EXPECT_EQ(rows[1][2], "-3");
  EXPECT_EQ(rows[1][3], "2023-03-31");
  EXPECT_EQ(rows[2][0], "'-");
  EXPECT_EQ(rows[3][0], "a,\"b\"\nc");
  EXPECT_EQ(rows[3][4], "");
}

TEST(WriteCsv, EmptyTableIsJustTheHeader) {
  DataTable t = sample_table();
  t.rows.clear();
  EXPECT_EQ(write_csv(t), std::string(kUtf8Bom) + "text,value,count,date,flag\r\n");
}

// csv_row appends in place; it must give what quoting each neutralised cell gives.
TEST(Csv, RowMatchesFieldByFieldEncoding) {
  DataTable t;
  t.fields = {{"a", FieldType::kString, "", "", "", false, {}},
              {"b", FieldType::kNumber, "", "", "", false, {}},
              {"c", FieldType::kString, "", "", "", false, {}},
              {"d", FieldType::kString, "", "", "", false, {}},
              {"e", FieldType::kString, "", "", "", false, {}}};
  std::vector<std::vector<std::string>> rows = {
      {"=1+1", "-3.5", "a,\"b\"", "\rx\"y", "plain"},
      {"+\"q\"", "1", "", "@x,y", "dòng\nmới"},
      {"short"},
  };
  for (const auto& row : rows) {
    std::vector<std::string> cells = row;
    cells.resize(t.fields.size());
    for (size_t i = 0; i < cells.size(); ++i)
      if (t.fields[i].type == FieldType::kString) cells[i] = neutralise_formula(cells[i]);
    EXPECT_EQ(csv_row(t, row), csv_record(cells));
  }
  EXPECT_EQ(csv_row(t, rows[0]), "'=1+1,-3.5,\"a,\"\"b\"\"\",\"'\rx\"\"y\",plain\r\n");
}

}  // namespace
}  // namespace congkhai
