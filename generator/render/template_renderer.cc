#include "render/template_renderer.h"

#include <algorithm>
#include <optional>

#include <kainjow/mustache.hpp>

namespace congkhai {

namespace mustache = kainjow::mustache;

namespace {

// kainjow's set() and push_back() take their value by const reference and copy it, so a
// tree built bottom-up that way is copied once per level above each node (most of the
// render stage's time went there). Values are moved into place instead: objects through
// operator[], lists through their vector (kainjow hands it out const, but the vector it
// owns is not a const object).
mustache::data to_data(const nlohmann::json& j);

void append(mustache::data* list, mustache::data value) {
  const_cast<mustache::list&>(list->list_value()).push_back(std::move(value));
}

mustache::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data obj{mustache::data::type::object};
      for (const auto& [key, value] : j.items()) {
        obj[key] = to_data(value);
        // Mustache cannot ask whether a list is empty without looping over it.
        if (value.is_array()) {
          std::string has = "has_" + key;
          if (!j.contains(has)) obj[has] = mustache::data{!value.empty()};
        }
      }
      return obj;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      const_cast<mustache::list&>(list.list_value()).reserve(j.size());
      for (const auto& value : j) append(&list, to_data(value));
      return list;
    }
    case nlohmann::json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      if (s.empty()) return mustache::data{false};
      return mustache::data{s};
    }
    case nlohmann::json::value_t::boolean: return mustache::data{j.get<bool>()};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return mustache::data{j.dump()};
    default: return mustache::data{false};
  }
}

// kainjow looks partials up among the variables in scope, so a variable named like a partial
// would be parsed as a template: content text could then inject Mustache tags. This context
// finds partials only among the theme's partials. (Partials spliced in by expand_partials
// come from the theme too; this is for the tags left to kainjow.)
class ThemeContext : public mustache::context<std::string> {
 public:
  ThemeContext(const mustache::data* view, const std::map<std::string, mustache::data>* partials)
      : mustache::context<std::string>(view), partials_(partials) {}

  const mustache::data* get_partial(const std::string& name) const override {
    auto it = partials_->find(name);
    return it == partials_->end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, mustache::data>* partials_;
};

void error(Diagnostics* errors, const std::string& path, const std::string& vi, const std::string& en) {
  if (!errors) return;
  Diagnostic d;
  d.path = path;
  d.message = vi;
  d.message_en = en;
  errors->push_back(std::move(d));
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// A spliced partial never grows a template past this (includes repeated at every level
// could otherwise multiply); beyond it kainjow includes the partial itself.
constexpr size_t kMaxExpandedBytes = 4 << 20;

// Walks `text` tag by tag the way kainjow's parser finds tags with the default delimiters
// ("{{", and "{{{…}}}" for unescaped variables). Returns nothing when the text sets
// delimiters (it is then left whole to kainjow) or a tag is unclosed (load_theme reports it).
std::optional<std::string> expand(const std::string& text, const std::map<std::string, ThemeTemplate>& partials,
                                  std::vector<std::string>* stack) {
  std::string out;
  out.reserve(text.size());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    if (text.compare(i, 2, "{{") != 0) {
      out += text[i++];
      continue;
    }
    size_t contents = i + 2;
    const bool unescaped = i != n - 2 && text[contents] == '{';
    if (unescaped) ++contents;
    const std::string close = unescaped ? "}}}" : "}}";
    size_t end = text.find(close, contents);
    if (end == std::string::npos) return std::nullopt;
    const size_t next = end + close.size();
    std::string tag = trim(text.substr(contents, end - contents));
    if (!tag.empty() && tag[0] == '=') return std::nullopt;
    std::optional<std::string> sub;
    if (!unescaped && !tag.empty() && tag[0] == '>') {
      std::string name = trim(tag.substr(1));
      auto it = partials.find(name);
      bool recursive = std::find(stack->begin(), stack->end(), name) != stack->end();
      if (it != partials.end() && !recursive) {
        stack->push_back(name);
        sub = expand(it->second.text, partials, stack);
        stack->pop_back();
      }
      // kainjow parses a partial on its own: where the pieces joined would tokenise
      // differently ("\r" + "\n" is one line break, "{" + "{" a tag), keep the tag.
      if (sub) {
        const char before = !out.empty() ? out.back() : '\0';
        const char after = next < n ? text[next] : '\0';
        const std::string& s = *sub;
        if ((before == '\r' && (s.empty() ? after : s.front()) == '\n') ||
            (!s.empty() && s.back() == '\r' && after == '\n') || (!s.empty() && s.back() == '{') ||
            out.size() + s.size() + (n - next) > kMaxExpandedBytes)
          sub.reset();
      }
    }
    if (sub) {
      out += *sub;
    } else {
      out.append(text, i, next - i);
    }
    i = next;
  }
  return out;
}

}  // namespace

std::string expand_partials(const std::string& text, const std::map<std::string, ThemeTemplate>& partials) {
  std::vector<std::string> stack;
  std::optional<std::string> out = expand(text, partials, &stack);
  return out ? *out : text;
}

// One parsed copy of every template; a render borrows one, since kainjow's render is not
// const (it records errors in the template object).
struct TemplateRenderer::Parsed {
  std::map<std::string, mustache::mustache> templates;  // only those that parse
};

struct TemplateRenderer::Shared {
  Parsed prototype;
  std::map<std::string, mustache::data> partials;  // for the tags kainjow resolves itself
};

TemplateRenderer::TemplateRenderer(const Theme& theme) : theme_(theme), shared_(std::make_unique<Shared>()) {
  for (const auto& [name, p] : theme.partials) shared_->partials.emplace(name, mustache::data{p.text});
  for (const auto& [name, t] : theme.templates) {
    mustache::mustache original{t.text};
    if (!original.is_valid()) continue;  // reported by load_theme
    mustache::mustache expanded{expand_partials(t.text, theme.partials)};
    shared_->prototype.templates.emplace(name, expanded.is_valid() ? std::move(expanded) : std::move(original));
  }
}

TemplateRenderer::~TemplateRenderer() = default;

std::unique_ptr<TemplateRenderer::Parsed> TemplateRenderer::borrow() const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      auto parsed = std::move(free_.back());
      free_.pop_back();
      return parsed;
    }
  }
  return std::make_unique<Parsed>(shared_->prototype);  // the prototype is only ever read
}

void TemplateRenderer::give_back(std::unique_ptr<Parsed> parsed) const {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(std::move(parsed));
}

namespace {

// Renders one parsed template; false when kainjow reported an error (the template object
// then holds it, and must not be used again).
bool render_one(mustache::mustache& tmpl, const ThemeTemplate& source, const mustache::data& data,
                const std::map<std::string, mustache::data>& partials, std::string* out, Diagnostics* errors) {
  ThemeContext ctx(&data, &partials);
  *out = tmpl.render(ctx);
  if (tmpl.is_valid()) return true;
  error(errors, source.path, "Lỗi khi dựng trang từ mẫu: " + tmpl.error_message(),
        "template rendering failed: " + tmpl.error_message());
  out->clear();
  return false;
}

void missing(const std::string& name, Diagnostics* errors) { report_missing_template(name, errors); }

}  // namespace

void report_missing_template(const std::string& name, Diagnostics* errors) {
  error(errors, "templates/" + name + ".mustache", "Giao diện thiếu mẫu trang \"" + name + "\"",
        "the theme has no template \"" + name + "\"");
}

std::string TemplateRenderer::render(const std::string& name, const nlohmann::json& view, Diagnostics* errors) const {
  auto source = theme_.templates.find(name);
  if (source == theme_.templates.end()) {
    missing(name, errors);
    return "";
  }
  std::unique_ptr<Parsed> parsed = borrow();
  auto it = parsed->templates.find(name);
  if (it == parsed->templates.end()) {  // does not parse: reported by load_theme
    give_back(std::move(parsed));
    return "";
  }
  std::string out;
  bool ok = render_one(it->second, source->second, to_data(view), shared_->partials, &out, errors);
  if (ok) give_back(std::move(parsed));
  return out;
}

std::string TemplateRenderer::render_page(const std::string& name, const nlohmann::json& view,
                                          Diagnostics* errors) const {
  // The layout's view is the page's with `content` set; a view that has its own `content`
  // (none of ours do) would change `has_content`, so it takes the long way.
  if (view.contains("content")) {
    nlohmann::json with_content = view;
    with_content["content"] = render(name, view, errors);
    return render("layout", with_content, errors);
  }
  auto page = theme_.templates.find(name);
  auto layout = theme_.templates.find("layout");
  if (page == theme_.templates.end()) missing(name, errors);
  if (layout == theme_.templates.end()) missing("layout", errors);
  mustache::data data = to_data(view);
  std::unique_ptr<Parsed> parsed = borrow();
  bool ok = true;
  std::string content, out;
  if (page != theme_.templates.end())
    if (auto it = parsed->templates.find(name); it != parsed->templates.end())
      ok = render_one(it->second, page->second, data, shared_->partials, &content, errors);
  data.set("content", content.empty() ? mustache::data{false} : mustache::data{content});
  if (layout != theme_.templates.end())
    if (auto it = parsed->templates.find("layout"); it != parsed->templates.end())
      ok = render_one(it->second, layout->second, data, shared_->partials, &out, errors) && ok;
  if (ok) give_back(std::move(parsed));
  return out;
}

std::string render_template(const Theme& theme, const std::string& name, const nlohmann::json& view,
                            Diagnostics* errors) {
  return TemplateRenderer(theme).render(name, view, errors);
}

}  // namespace congkhai
