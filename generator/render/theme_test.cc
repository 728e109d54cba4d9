#include "render/theme.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "render/content_policy.h"
#include "render/template_renderer.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("congkhai-theme-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string path() const { return path_.generic_string(); }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel, std::ios::binary) << text;
  }

 private:
  fs::path path_;
};

TEST(ThemeTest, DefaultThemeLoadsWithoutErrors) {
  Diagnostics errors;
  Theme theme = load_theme({CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  for (const Diagnostic& d : errors) ADD_FAILURE() << format_diagnostic(d);
  for (const char* name : {"layout", "home", "unit", "plan", "report", "search", "not_found", "open_data"})
    EXPECT_TRUE(theme.templates.count(name)) << name;
  EXPECT_TRUE(theme.assets.count("style.css"));
  EXPECT_TRUE(theme.assets.count("search.js"));
}

TEST(ThemeTest, EarlierFolderWinsFileByFile) {
  TempDir site;
  site.write("templates/home.mustache", "trang chủ riêng");
  site.write("partials/breadcrumbs.mustache", "");
  site.write("assets/style.css", "body{}");
  site.write("assets/img/logo.svg", "<svg/>");
  site.write("assets/.DS_Store", "x");
  Diagnostics errors;
  Theme theme = load_theme({site.path(), "/nonexistent/theme", CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(theme.dirs.size(), 2u) << "missing folders are skipped";
  EXPECT_EQ(theme.templates["home"].text, "trang chủ riêng");
  EXPECT_EQ(theme.templates["home"].path, site.path() + "/templates/home.mustache");
  EXPECT_NE(theme.templates["plan"].path.find(CONGKHAI_DEFAULT_THEME_DIR), std::string::npos);
  EXPECT_EQ(theme.partials["breadcrumbs"].text, "");
  EXPECT_EQ(theme.assets["style.css"], site.path() + "/assets/style.css");
  EXPECT_EQ(theme.assets["img/logo.svg"], site.path() + "/assets/img/logo.svg");
  EXPECT_FALSE(theme.assets.count(".DS_Store"));
  EXPECT_NE(theme.assets["search.js"].find(CONGKHAI_DEFAULT_THEME_DIR), std::string::npos);
}

TEST(ThemeTest, SyntaxErrorsPointAtLineAndColumn) {
  TempDir site;
  site.write("templates/home.mustache", "<h1>Trang chủ</h1>\n<p>{{#units}}\nđơn vị {{name\n");
  Diagnostics errors;
  load_theme({site.path()}, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, site.path() + "/templates/home.mustache");
  EXPECT_EQ(errors[0].pos.line, 3);
  EXPECT_EQ(errors[0].pos.column, 8);
  EXPECT_NE(errors[0].message.find("Mustache"), std::string::npos);
}

TEST(ThemeTest, UnclosedSectionIsReported) {
  TempDir site;
  site.write("templates/home.mustache", "a\n{{#units}}b");
  Diagnostics errors;
  load_theme({site.path()}, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pos.line, 2);
  EXPECT_EQ(errors[0].pos.column, 1);
}

TEST(ThemeTest, MissingPartialIsReported) {
  TempDir site;
  site.write("templates/home.mustache", "x\n  {{> khong_co}}");
  Diagnostics errors;
  load_theme({site.path()}, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pos.line, 2);
  EXPECT_EQ(errors[0].pos.column, 3);
  EXPECT_NE(errors[0].message.find("khong_co"), std::string::npos);
}

std::string default_layout() {
  std::ifstream in(std::string(CONGKHAI_DEFAULT_THEME_DIR) + "/templates/layout.mustache", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string without(std::string text, const std::string& part) {
  size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  if (at != std::string::npos) text.erase(at, part.size());
  return text;
}

// A site may restyle its layout freely; it keeps what every page must carry.
TEST(ThemeTest, OverriddenLayoutWithThePolicyAndFooterLinksIsAccepted) {
  TempDir site;
  site.write("templates/layout.mustache", without(default_layout(), "<a class=\"skip-link\""));
  Diagnostics errors;
  Theme theme = load_theme({site.path(), CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  for (const Diagnostic& d : errors) ADD_FAILURE() << format_diagnostic(d);
  EXPECT_EQ(theme.templates["layout"].path, site.path() + "/templates/layout.mustache");
}

TEST(ThemeTest, OverriddenLayoutWithoutThePolicyIsReported) {
  TempDir site;
  site.write("templates/layout.mustache", without(default_layout(), std::string(kContentPolicyMeta) + "\n"));
  Diagnostics errors;
  load_theme({site.path(), CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, site.path() + "/templates/layout.mustache");
  EXPECT_EQ(errors[0].pos.line, 4);  // its <meta charset>
  EXPECT_NE(errors[0].message.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(errors[0].message_en.find("the layout must hold"), std::string::npos);
}

// After other tags the policy would not cover them: a stylesheet or script before it loads
// unchecked.
TEST(ThemeTest, PolicyAfterOtherTagsIsReported) {
  TempDir site;
  std::string layout = without(default_layout(), std::string(kContentPolicyMeta) + "\n");
  layout.insert(layout.find("</head>"), std::string(kContentPolicyMeta) + "\n");
  site.write("templates/layout.mustache", layout);
  Diagnostics errors;
  load_theme({site.path(), CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("ngay sau"), std::string::npos);
}

TEST(ThemeTest, OverriddenLayoutWithoutFooterLinksIsReported) {
  TempDir site;
  site.write("templates/layout.mustache",
             "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" + std::string(kContentPolicyMeta) +
                 "\n<title>{{page_title}}</title>\n</head>\n<body>{{{content}}}</body>\n</html>\n");
  Diagnostics errors;
  load_theme({site.path(), CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  std::string all;
  for (const Diagnostic& d : errors) all += format_diagnostic(d) + "\n";
  EXPECT_EQ(errors.size(), 3u) << all;
  for (const char* tag : {"{{updates_href}}", "{{open_data_href}}", "{{site.licence_name}}"})
    EXPECT_NE(all.find(tag), std::string::npos) << tag << "\n" << all;
}

TEST(TemplateRendererTest, EscapesValuesAndTreatsEmptyAsFalse) {
  Theme theme;
  theme.templates["t"] = {"t.mustache",
                          "{{name}}|{{{name_html}}}|{{#empty}}có{{/empty}}{{^empty}}không{{/empty}}|"
                          "{{#has_items}}[{{#items}}{{.}};{{/items}}]{{/has_items}}{{^has_none}}trống{{/has_none}}|{{n}}"};
  nlohmann::json view = {{"name", "<script>\"x\"</script>"},
                         {"name_html", "<em>ok</em>"},
                         {"empty", ""},
                         {"items", {"a", "b"}},
                         {"none", nlohmann::json::array()},
                         {"n", 3}};
  Diagnostics errors;
  EXPECT_EQ(render_template(theme, "t", view, &errors),
            "&lt;script&gt;&quot;x&quot;&lt;/script&gt;|<em>ok</em>|không|[a;b;]trống|3");
  EXPECT_TRUE(errors.empty());
}

TEST(TemplateRendererTest, ContentCannotSmuggleMustacheTagsOrPartials) {
  Theme theme;
  theme.templates["t"] = {"t.mustache", "{{#rows}}{{> row}}{{/rows}}"};
  theme.partials["row"] = {"row.mustache", "<{{text}}>"};
  // A value named like the partial must not be used as the partial's template.
  nlohmann::json view = {{"rows", {{{"text", "{{secret}}"}, {"row", "{{secret}}"}}}}, {"secret", "bí mật"}};
  Diagnostics errors;
  EXPECT_EQ(render_template(theme, "t", view, &errors), "<{{secret}}>");
}

TEST(TemplateRendererTest, MissingTemplateIsADiagnostic) {
  Theme theme;
  Diagnostics errors;
  EXPECT_EQ(render_template(theme, "plan", nlohmann::json::object(), &errors), "");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "templates/plan.mustache");
}

}  // namespace
}  // namespace congkhai
