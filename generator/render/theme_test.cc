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

// A theme given with --theme, or themes/ beside content/: links out of it are refused where
// they are, and nothing is read through them; a link to a file inside it is followed.
TEST(ThemeTest, LinksOutOfTheThemeFolderAreRefusedAndNotRead) {
  TempDir dir;  // holds the theme folder and, beside it, what is outside it
  dir.write("outside/secret.css", "secret");
  dir.write("outside/folder/x.css", "secret");
  const std::string outside = dir.path() + "/outside", theme_dir = dir.path() + "/theme";
  dir.write("theme/assets/own.css", "own");
  fs::create_symlink(outside + "/secret.css", theme_dir + "/assets/style.css");
  fs::create_symlink(outside + "/folder", theme_dir + "/assets/folder");
  fs::create_symlink("own.css", theme_dir + "/assets/same.css");
  dir.write("theme/templates/.keep", "");
  fs::create_symlink(outside + "/secret.css", theme_dir + "/templates/not_found.mustache");
  fs::create_symlink(outside + "/folder", theme_dir + "/partials");
  Diagnostics errors;
  Theme theme = load_theme({theme_dir, CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  std::string all;
  for (const Diagnostic& d : errors) all += format_diagnostic(d, true) + "\n";
  EXPECT_EQ(errors.size(), 4u) << all;
  for (const char* link : {"/assets/style.css:", "/assets/folder:", "/templates/not_found.mustache:", "/partials:"})
    EXPECT_NE(all.find(theme_dir + link + std::string("1:1: a symbolic link points outside the theme folder")),
              std::string::npos)
        << link << "\n" << all;
  // The default theme's files are used instead; the link inside the theme is followed.
  EXPECT_EQ(theme.assets["style.css"], std::string(CONGKHAI_DEFAULT_THEME_DIR) + "/assets/style.css");
  EXPECT_EQ(theme.assets.count("folder/x.css"), 0u);
  EXPECT_EQ(theme.assets["same.css"], theme_dir + "/assets/same.css");
  EXPECT_EQ(theme.templates["not_found"].path, std::string(CONGKHAI_DEFAULT_THEME_DIR) + "/templates/not_found.mustache");
}

// Inside the theme, a link to a folder is refused too: it could loop.
TEST(ThemeTest, ALinkToAFolderInsideTheThemeIsRefused) {
  TempDir dir;
  dir.write("assets/a/x.css", "x");
  fs::create_symlink(dir.path() + "/assets", dir.path() + "/assets/a/loop");
  Diagnostics errors;
  Theme theme = load_theme({dir.path(), CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, dir.path() + "/assets/a/loop");
  EXPECT_EQ(errors[0].message_en, "a symbolic link to a folder is not allowed in a theme");
  EXPECT_EQ(theme.assets["a/x.css"], dir.path() + "/assets/a/x.css");
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

std::string replaced(std::string text, const std::string& part, const std::string& by) {
  size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  if (at != std::string::npos) text.replace(at, part.size(), by);
  return text;
}

Diagnostics layout_errors(const std::string& layout) {
  Diagnostics errors;
  check_layout({"layout.mustache", layout}, &errors);
  return errors;
}

// Where the tag does nothing in the pages, the text holds it all the same: the check reads the
// template as a browser and Mustache do.
TEST(ThemeTest, PolicyThatDoesNotReachThePageIsReported) {
  const std::string policy(kContentPolicyMeta);
  for (const std::string& hidden : {"<!-- " + policy + " -->", "<!--\n" + policy + "\n-->", "{{! " + policy + " }}",
                                    "{{#never}}" + policy + "{{/never}}", "<noscript>" + policy + "</noscript>",
                                    "<template>" + policy + "</template>", "<script>/*" + policy + "*/</script>",
                                    "<!-- --><!-- " + policy + " -->"}) {
    Diagnostics errors = layout_errors(replaced(default_layout(), policy, hidden));
    ASSERT_EQ(errors.size(), 1u) << hidden;
    EXPECT_NE(errors[0].message_en.find("the layout must hold"), std::string::npos) << hidden;
    EXPECT_EQ(errors[0].pos.line, 4) << hidden;  // its <meta charset>
  }
  // Nor does a charset meta that is itself commented out, or a tag before it.
  EXPECT_EQ(layout_errors(replaced(default_layout(), "<meta charset=\"utf-8\">", "<!-- <meta charset=\"utf-8\"> -->")).size(), 1u);
  EXPECT_EQ(layout_errors(replaced(default_layout(), "<meta charset=\"utf-8\">", "{{{extra_head}}}<meta charset=\"utf-8\">")).size(), 1u);
  // Comments before <meta charset> are harmless.
  EXPECT_TRUE(layout_errors(replaced(default_layout(), "<head>", "<head>\n<!-- kept -->")).empty());
}

TEST(ThemeTest, FooterLinksThatDoNotReachThePageAreReported) {
  for (const std::string& hidden : {"<!-- <a href=\"{{updates_href}}\">x</a> -->", "{{! {{updates_href}} }}",
                                    "<script>\"{{updates_href}}\"</script>"}) {
    std::string layout = replaced(default_layout(), "<a href=\"{{updates_href}}\">Cập nhật mới</a>", hidden);
    Diagnostics errors = layout_errors(layout);
    ASSERT_EQ(errors.size(), 1u) << hidden;
    EXPECT_NE(errors[0].message.find("{{updates_href}}"), std::string::npos) << hidden;
  }
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
