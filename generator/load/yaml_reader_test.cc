#include "load/yaml_reader.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

// Parses `text` as a file of its own; returns the diagnostics.
Diagnostics parse(const std::string& text, bool* ok = nullptr) {
  Diagnostics d;
  YamlReader r("t.yaml", text, 1, &d);
  bool parsed = r.parse().has_value();
  if (ok) *ok = parsed;
  return d;
}

TEST(YamlReaderTest, PlainMappingParses) {
  bool ok = false;
  EXPECT_TRUE(parse("name: A\nlist: [a, b]\ntext: |\n  x\n", &ok).empty());
  EXPECT_TRUE(ok);
}

TEST(YamlReaderTest, AnchorsAndAliasesAreRefusedWhereTheyStart) {
  auto d = parse("a: &x [1, 2]\nb: [*x, *x]\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 1);
  EXPECT_EQ(d[0].pos.column, 4);
  EXPECT_NE(d[0].message.find("\"&x\""), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, BillionLaughsIsRefusedBeforeAnyNodeIsBuilt) {
  std::string text = "a0: &a0 [lol]\n";
  for (int i = 1; i < 30; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) text += "*a" + std::to_string(i - 1) + ", ";
    text += "*a" + std::to_string(i - 1) + "]\n";
  }
  auto d = parse(text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 1);
}

TEST(YamlReaderTest, UndefinedAliasAsksForQuotes) {
  auto d = parse("task: *Quan trọng* việc\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("ngoặc kép"), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, DeepNestingIsRefusedWithoutRecursingDeep) {
  std::string text = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  auto d = parse(text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("quá sâu"), std::string::npos) << d[0].message;
  std::string block;
  for (int i = 0; i <= kMaxYamlDepth; ++i) block += std::string(i * 2, ' ') + "k:\n";
  EXPECT_EQ(parse(block).size(), 1u);
}

TEST(YamlReaderTest, NestingUpToTheLimitIsFine) {
  std::string block;
  for (int i = 0; i < kMaxYamlDepth - 1; ++i) block += std::string(i * 2, ' ') + "k:\n";
  EXPECT_TRUE(parse(block).empty());
}

TEST(YamlReaderTest, SecondDocumentIsReportedWhereItStarts) {
  auto d = parse("a: 1\n---\nb: 2\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_TRUE(parse("---\na: 1\n...\n").empty());
}

TEST(YamlReaderTest, ControlCharactersFromEscapesAreRefused) {
  auto d = parse("a: ok\nb: \"x\\0y\"\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_EQ(parse("a: \"x\\x01\"\n").size(), 1u);
  EXPECT_TRUE(parse("a: \"tab\\there\\nline\"\n").empty());
}

// The error points at the quote that is never closed, not at the end of the text.
TEST(YamlReaderTest, UnclosedQuoteAtTheEndIsAnError) {
  auto d = parse("name: \"A\nlevel: xa\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("ngoặc kép"), std::string::npos) << d[0].message;
  EXPECT_EQ(d[0].pos.line, 1);
  EXPECT_EQ(d[0].pos.column, 7);
}

TEST(YamlReaderTest, TabIndentationIsNamed) {
  auto d = parse("contact:\n\taddress: x\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_EQ(d[0].pos.column, 1);
  EXPECT_NE(d[0].message.find("Tab"), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, FinalBlockScalarKeepsItsLineBreak) {
  Diagnostics d;
  YamlReader r("t.yaml", "budget: |\n  Kinh phí\n", 1, &d);
  auto root = r.parse();
  ASSERT_TRUE(root);
  ASSERT_EQ(root->items.size(), 2u);
  EXPECT_EQ(root->items[1].text, "Kinh phí\n");
}

TEST(YamlReaderTest, NullsPlainOnlyAndQuotedTextKept) {
  Diagnostics d;
  YamlReader r("t.yaml", "a: ~\nb:\nc: null\nd: \"null\"\ne: '2024'\nf: 2024\n", 1, &d);
  auto root = r.parse();
  ASSERT_TRUE(root && root->is_map());
  ASSERT_EQ(root->items.size(), 12u);
  EXPECT_TRUE(root->items[1].is_null());
  EXPECT_TRUE(root->items[3].is_null());
  EXPECT_TRUE(root->items[5].is_null());
  EXPECT_TRUE(root->items[7].is_scalar());
  EXPECT_EQ(root->items[7].text, "null");
  EXPECT_TRUE(root->items[9].quoted);
  EXPECT_FALSE(root->items[11].quoted);
  EXPECT_EQ(r.child(*root, "b"), nullptr);
  EXPECT_EQ(r.text(*root, "f").value_or(""), "2024");
}

TEST(YamlReaderTest, MappingsKeepOrderAndRepeatedKeys) {
  Diagnostics d;
  YamlReader r("t.yaml", "b: 1\na: 2\nb: 3\n", 1, &d);
  auto root = r.parse();
  ASSERT_TRUE(root);
  ASSERT_EQ(root->items.size(), 6u);
  EXPECT_EQ(root->items[0].text, "b");
  EXPECT_EQ(root->items[2].text, "a");
  EXPECT_EQ(r.text(*root, "b").value_or(""), "1");
  r.check_keys(*root, {{"a"}, {"b"}});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 3);
  EXPECT_NE(d[0].message.find("lặp lại"), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, ColumnsCountCharactersNotBytes) {
  Diagnostics d;
  YamlReader r("t.yaml", "tên: x\nphố: \"Hà\" ok\n", 1, &d);
  EXPECT_FALSE(r.parse());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_EQ(d[0].pos.column, 11);
}

TEST(YamlReaderTest, ControlCharacterInTheFileIsNamed) {
  auto d = parse("a: x\nb: y\x01z\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_EQ(d[0].pos.column, 5);
  EXPECT_NE(d[0].message.find("U+0001"), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, ReservedIndicatorAsksForQuotes) {
  auto d = parse("a: @ban\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("\"@\""), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, BracketNeverClosedPointsAtTheBracket) {
  auto d = parse("a: x\nb: {c: d\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_EQ(d[0].pos.column, 4);
  EXPECT_NE(d[0].message.find("\"}\""), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, KeyWithoutColonPointsAtTheKey) {
  auto d = parse("a: x\nfeedback \"y\"\nc: z\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_EQ(d[0].pos.column, 1);
  EXPECT_NE(d[0].message.find("hai chấm"), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, ContentAfterADocumentEndIsASecondDocument) {
  auto d = parse("a: 1\n...\nb: 2\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 3);
  EXPECT_NE(d[0].message.find("khối thứ hai"), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, C1ControlsFromEscapesAreRefused) {
  EXPECT_EQ(parse("a: \"x\\Ny\"\n").size(), 1u);
  EXPECT_EQ(parse("a: \"x\\u0085y\"\n").size(), 1u);
  EXPECT_TRUE(parse("a: \"\\u00e9\\u00a0\"\n").empty());
}

// The slips officials make most, named by their cause rather than by what libyaml met next.
TEST(YamlReaderTest, ValueStartingWithAQuotedPhraseSaysToQuoteTheWholeValue) {
  auto d = parse("a: 1\ntask: \"Thực hiện\" rà soát\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_EQ(d[0].pos.column, 7);
  EXPECT_NE(d[0].message.find("cụm trong ngoặc \"Thực hiện\""), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].hint.find("`task: '\"Thực hiện\" rà soát'`"), std::string::npos) << d[0].hint;
  EXPECT_EQ(d[0].message.find("thụt lề"), std::string::npos) << d[0].message;
}

TEST(YamlReaderTest, OneSpaceTooManyOrTooFewBeforeAKeyIsNamed) {
  auto more = parse("items:\n  - number: 1\n     task: x\n");
  ASSERT_EQ(more.size(), 1u);
  EXPECT_EQ(more[0].pos.line, 3);
  EXPECT_NE(more[0].message.find("khoá \"task\" thụt vào nhiều hơn khoá \"number\" ở dòng trên 1 dấu cách"),
            std::string::npos) << more[0].message;
  EXPECT_EQ(more[0].hint, "xoá 1 dấu cách ở đầu dòng này");
  auto fewer = parse("items:\n  - number: \"1\"\n    task: x\n   lead: y\n");
  ASSERT_EQ(fewer.size(), 1u);
  EXPECT_EQ(fewer[0].pos.line, 4);
  EXPECT_NE(fewer[0].message.find("ít hơn khoá \"task\""), std::string::npos) << fewer[0].message;
  EXPECT_EQ(fewer[0].hint_en, "add 1 space at the start of this line");
}

TEST(YamlReaderTest, ListItemHoldingColonAndSpaceSaysToQuoteIt) {
  Diagnostics d;
  YamlReader r("t.yaml", "recipients:\n  - UBND huyện\n  - Lưu: VP.\n", 1, &d);
  auto root = r.parse();
  ASSERT_TRUE(root);
  EXPECT_EQ(r.text_list(*root, "recipients").size(), 1u);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 3);
  EXPECT_EQ(d[0].message.find("nhóm khoá"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("dấu hai chấm và dấu cách"), std::string::npos) << d[0].message;
  EXPECT_EQ(d[0].hint, "đặt cả giá trị trong ngoặc kép: \"Lưu: VP.\"");
  EXPECT_EQ(d[0].message_en.rfind("each item of \"recipients\"", 0), 0u) << d[0].message_en;
}

TEST(YamlReaderTest, BlankOfAStartingFileIsReportedNotRead) {
  Diagnostics d;
  YamlReader r("t.yaml", "task: (điền nội dung công việc)\nlead: Phòng (điền sẵn)\n", 1, &d);
  auto root = r.parse();
  ASSERT_TRUE(root);
  EXPECT_FALSE(r.text(*root, "task", true));
  EXPECT_EQ(r.text(*root, "lead").value_or(""), "Phòng (điền sẵn)");  // only a value that starts with it
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "chưa điền: nội dung công việc (chữ mẫu của tệp mẫu còn ở đây)");
  EXPECT_FALSE(d[0].warning);
}

}  // namespace
}  // namespace congkhai
