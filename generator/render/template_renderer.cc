#include "render/template_renderer.h"

#include <kainjow/mustache.hpp>

namespace congkhai {

namespace mustache = kainjow::mustache;

namespace {

mustache::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data obj{mustache::data::type::object};
      for (const auto& [key, value] : j.items()) {
        obj.set(key, to_data(value));
        // Mustache cannot ask whether a list is empty without looping over it.
        if (value.is_array() && !j.contains("has_" + key)) obj.set("has_" + key, mustache::data{!value.empty()});
      }
      return obj;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& value : j) list.push_back(to_data(value));
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
// finds partials only among the theme's partials.
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

}  // namespace

std::string render_template(const Theme& theme, const std::string& name, const nlohmann::json& view,
                            Diagnostics* errors) {
  auto it = theme.templates.find(name);
  if (it == theme.templates.end()) {
    error(errors, "templates/" + name + ".mustache", "Giao diện thiếu mẫu trang \"" + name + "\"",
          "the theme has no template \"" + name + "\"");
    return "";
  }
  // Parsed per call: templates are small, and nothing is shared between threads.
  mustache::mustache tmpl{it->second.text};
  if (!tmpl.is_valid()) return "";  // reported by load_theme
  std::map<std::string, mustache::data> partials;
  for (const auto& [pname, p] : theme.partials) partials.emplace(pname, mustache::data{p.text});
  mustache::data data = to_data(view);
  ThemeContext ctx(&data, &partials);
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    error(errors, it->second.path, "Lỗi khi dựng trang từ mẫu: " + tmpl.error_message(),
          "template rendering failed: " + tmpl.error_message());
    return "";
  }
  return out;
}

}  // namespace congkhai
