#include "render/partial_graph.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

std::map<std::string, ThemeTemplate> partials(const std::map<std::string, std::string>& texts) {
  std::map<std::string, ThemeTemplate> out;
  for (const auto& [name, text] : texts) out[name] = ThemeTemplate{"partials/" + name + ".mustache", text};
  return out;
}

TEST(PartialGraphTest, FindsReferences) {
  auto refs = partial_references("a{{> x}}b{{>  y_z }}{{x}}");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0], (std::pair<std::string, std::size_t>{"x", 1}));
  EXPECT_EQ(refs[1].first, "y_z");
}

TEST(PartialGraphTest, ReportsEachCycleOnceAtTheTagThatClosesIt) {
  Diagnostics d;
  check_partial_cycles(partials({{"a", "{{> b}}"}, {"b", "x\n {{> c}}{{> a}}"}, {"c", "{{> d}}"}, {"d", "{{#x}}{{> d}}{{/x}}"}}), &d);
  ASSERT_EQ(d.size(), 2u);  // in the order of the search: a, b, c, d, then back to b
  EXPECT_EQ(d[0].path, "partials/d.mustache");
  EXPECT_NE(d[0].message_en.find("(d → d)"), std::string::npos);
  EXPECT_EQ(d[1].path, "partials/b.mustache");
  EXPECT_EQ(d[1].pos.line, 2);
  EXPECT_EQ(d[1].pos.column, 9);
  EXPECT_NE(d[1].message_en.find("(b → a → b)"), std::string::npos) << d[1].message_en;
}

TEST(PartialGraphTest, SharedAndMissingPartialsAreNoCycle) {
  Diagnostics d;
  std::map<std::string, std::string> texts = {{"a", "{{> b}}{{> c}}{{> missing}}"}, {"b", "{{> c}}"}, {"c", "c"}};
  // A chain of 100,000 partials: the search keeps its own stack.
  for (int i = 0; i < 100000; ++i) texts["p" + std::to_string(i)] = "{{> p" + std::to_string(i + 1) + "}}";
  check_partial_cycles(partials(texts), &d);
  EXPECT_TRUE(d.empty());
}

TEST(PartialGraphTest, RefusesSetDelimiters) {
  Diagnostics d;
  check_no_set_delimiters({"t.mustache", "{{x}}\n{{ =<% %>= }}<%> t%>"}, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  check_no_set_delimiters({"u.mustache", "{{x}} {{{y}}} {{! = }} {{#a}}{{/a}}"}, &d);
  EXPECT_EQ(d.size(), 1u);
}

}  // namespace
}  // namespace congkhai
