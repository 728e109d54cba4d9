#include "render/template_renderer.h"

#include <gtest/gtest.h>
#include <kainjow/mustache.hpp>

#include <thread>

namespace congkhai {
namespace {

namespace mustache = kainjow::mustache;

// What rendering was before templates were parsed once: kainjow parses the template, and
// each partial again wherever it is included.
class PartialsContext : public mustache::context<std::string> {
 public:
  PartialsContext(const mustache::data* view, const std::map<std::string, mustache::data>* partials)
      : mustache::context<std::string>(view), partials_(partials) {}
  const mustache::data* get_partial(const std::string& name) const override {
    auto it = partials_->find(name);
    return it == partials_->end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, mustache::data>* partials_;
};

mustache::data plain_data(const nlohmann::json& j) {
  if (j.is_object()) {
    mustache::data obj{mustache::data::type::object};
    for (const auto& [k, v] : j.items()) obj.set(k, plain_data(v));
    return obj;
  }
  if (j.is_array()) {
    mustache::data list{mustache::data::type::list};
    for (const auto& v : j) list.push_back(plain_data(v));
    return list;
  }
  if (j.is_string()) return j.get<std::string>().empty() ? mustache::data{false} : mustache::data{j.get<std::string>()};
  if (j.is_boolean()) return mustache::data{j.get<bool>()};
  return mustache::data{false};
}

std::string kainjow_render(const Theme& theme, const std::string& name, const nlohmann::json& view) {
  mustache::mustache tmpl{theme.templates.at(name).text};
  std::map<std::string, mustache::data> partials;
  for (const auto& [n, p] : theme.partials) partials.emplace(n, mustache::data{p.text});
  mustache::data data = plain_data(view);
  PartialsContext ctx(&data, &partials);
  return tmpl.render(ctx);
}

Theme tricky_theme() {
  Theme theme;
  auto t = [&](const std::string& name, const std::string& text) { theme.templates[name] = {name + ".mustache", text}; };
  auto p = [&](const std::string& name, const std::string& text) { theme.partials[name] = {name + ".mustache", text}; };
  p("row", "<li>{{text}}</li>\n");
  p("rows", "{{#rows}}\n  {{> row}}\n{{/rows}}\n");
  p("bare", "no newline {{text}}");
  p("tree", "{{name}}{{#children}}({{> tree}}){{/children}}");  // recursive
  p("ping", "ping{{#next}}[{{> pong}}]{{/next}}");               // mutually recursive
  p("pong", "pong{{#next}}[{{> ping}}]{{/next}}");
  p("delims", "{{=<% %>=}}<%text%>");
  p("cr", "line\r");
  p("lf", "\nafter");
  p("brace", "{");
  p("empty", "");
  p("ws_cr", "  \r");
  p("section_line", "  {{#flag}}\n  on\n  {{/flag}}\n");
  // Standalone and indented partial lines, partials inside sections and lists, at the start
  // and the end of a template, without a final newline, next to sections.
  t("standalone", "<ul>\n  {{> rows}}\n</ul>\n    {{> bare}}\n{{> bare}}{{> bare}}");
  t("sections", "{{#rows}}{{> row}}{{/rows}}{{^rows}}none{{/rows}}\n{{#flag}}\n{{> section_line}}\n{{/flag}}");
  t("recursive", "{{#root}}{{> tree}}{{/root}} {{#start}}{{> ping}}{{/start}}");
  t("delimiters", "a{{> delims}}b{{text}}");
  t("joins", "x{{> cr}}\ny\r{{> lf}} {{> brace}}{x}} {{> empty}}\n\r{{> empty}}\n{{> missing}}.");
  // Lines holding only a section tag are dropped, so where a line ends matters.
  t("crlf_sections", "{{#flag}}\r{{> lf}}{{/flag}}|{{#flag}}{{> ws_cr}}\nX{{/flag}}");
  t("unescaped", "{{{> row}}}|{{&text}}|{{> row }}|{{>row}}");
  return theme;
}

nlohmann::json tricky_view() {
  return {{"text", "a<b"},
          {"x", "X"},
          {"flag", true},
          {"rows", {{{"text", "one"}}, {{"text", "two"}}}},
          {"root", {{"name", "r"}, {"children", {{{"name", "c1"}, {"children", {{{"name", "g"}, {"children", false}}}}},
                                              {{"name", "c2"}, {"children", false}}}}}},
          {"start", {{"next", {{"next", {{"next", false}}}}}}}};
}

TEST(TemplateRendererTest, RendersTheSameBytesAsKainjowIncludingPartialsItself) {
  Theme theme = tricky_theme();
  TemplateRenderer renderer(theme);
  nlohmann::json view = tricky_view();
  for (const auto& [name, t] : theme.templates) {
    Diagnostics errors;
    EXPECT_EQ(renderer.render(name, view, &errors), kainjow_render(theme, name, view)) << name;
    EXPECT_TRUE(errors.empty()) << name;
  }
  // And with the sections off.
  nlohmann::json off = {{"text", ""}, {"flag", false}, {"rows", nlohmann::json::array()}};
  for (const auto& [name, t] : theme.templates)
    EXPECT_EQ(renderer.render(name, off, nullptr), kainjow_render(theme, name, off)) << name;
}

TEST(TemplateRendererTest, SplicesPartialsWhereThatIsExact) {
  Theme theme = tricky_theme();
  EXPECT_EQ(expand_partials(theme.templates["standalone"].text, theme.partials),
            "<ul>\n  {{#rows}}\n  <li>{{text}}</li>\n\n{{/rows}}\n\n</ul>\n    no newline {{text}}\n"
            "no newline {{text}}no newline {{text}}");
  // (A leaf says it has no children: Mustache would otherwise find its parent's.)
  // Recursion: one level spliced, the inner tag left to kainjow.
  EXPECT_EQ(expand_partials("{{> tree}}", theme.partials),
            "{{name}}{{#children}}({{> tree}}){{/children}}");
  EXPECT_EQ(expand_partials("{{> ping}}", theme.partials),
            "ping{{#next}}[pong{{#next}}[{{> ping}}]{{/next}}]{{/next}}");
  // Set delimiters, a "\r" + "\n" join, a trailing "{", a missing partial: left as they are.
  EXPECT_EQ(expand_partials("a{{> delims}}b", theme.partials), "a{{> delims}}b");
  EXPECT_EQ(expand_partials("{{=<% %>=}}<%> row%>", theme.partials), "{{=<% %>=}}<%> row%>");
  EXPECT_EQ(expand_partials("x{{> cr}}\ny", theme.partials), "x{{> cr}}\ny");
  EXPECT_EQ(expand_partials("x{{> cr}}y", theme.partials), "xline\ry");
  EXPECT_EQ(expand_partials("\r{{> lf}}", theme.partials), "\r{{> lf}}");
  EXPECT_EQ(expand_partials("\r{{> empty}}\n", theme.partials), "\r{{> empty}}\n");
  EXPECT_EQ(expand_partials("{{> brace}}{x}}", theme.partials), "{{> brace}}{x}}");
  EXPECT_EQ(expand_partials("{{> missing}}", theme.partials), "{{> missing}}");
  // An unescaped variable is not a partial.
  EXPECT_EQ(expand_partials("{{{> row}}}", theme.partials), "{{{> row}}}");
}

// The safety property: a value named like a partial is never used as one, spliced or not.
TEST(TemplateRendererTest, ContentCannotStandInForAPartial) {
  Theme theme;
  theme.templates["t"] = {"t.mustache", "{{#items}}{{> item}}|{{> tree}}{{/items}}"};
  theme.partials["item"] = {"item.mustache", "<{{text}}>"};
  theme.partials["tree"] = {"tree.mustache", "{{#kids}}{{> tree}}{{/kids}}"};
  nlohmann::json view = {{"items", {{{"text", "{{secret}}"}, {"item", "{{secret}}"}, {"tree", "{{secret}}"}}}},
                         {"secret", "bí mật"}};
  EXPECT_EQ(TemplateRenderer(theme).render("t", view, nullptr), "<{{secret}}>|");
}

TEST(TemplateRendererTest, APageIsItsTemplateInsideTheLayout) {
  Theme theme;
  theme.templates["layout"] = {"layout.mustache", "<main>{{{content}}}</main>{{#has_list}}+{{/has_list}}{{title}}"};
  theme.templates["page"] = {"page.mustache", "<h1>{{title}}</h1>{{#list}}{{.}}{{/list}}"};
  TemplateRenderer renderer(theme);
  nlohmann::json view = {{"title", "T&"}, {"list", {"a", "b"}}};
  Diagnostics errors;
  EXPECT_EQ(renderer.render_page("page", view, &errors), "<main><h1>T&amp;</h1>ab</main>+T&amp;");
  EXPECT_TRUE(errors.empty());
  // An empty page is false to the layout, as any empty value.
  theme.templates["blank"] = {"blank.mustache", ""};
  theme.templates["layout"].text = "{{^content}}empty{{/content}}";
  EXPECT_EQ(TemplateRenderer(theme).render_page("blank", view, &errors), "empty");
  EXPECT_EQ(TemplateRenderer(theme).render_page("nothing", view, &errors), "empty");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "templates/nothing.mustache");
}

TEST(TemplateRendererTest, ManyThreadsShareOneRenderer) {
  Theme theme = tricky_theme();
  TemplateRenderer renderer(theme);
  const nlohmann::json view = tricky_view();
  const std::string expected = kainjow_render(theme, "standalone", view) + kainjow_render(theme, "recursive", view);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i)
        if (renderer.render("standalone", view, nullptr) + renderer.render("recursive", view, nullptr) != expected)
          ++wrong[t];
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace congkhai
