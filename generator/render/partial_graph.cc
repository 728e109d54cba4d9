#include "render/partial_graph.h"

#include <algorithm>

namespace congkhai {

std::vector<std::pair<std::string, std::size_t>> partial_references(const std::string& text) {
  std::vector<std::pair<std::string, std::size_t>> out;
  for (std::size_t at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 3)) {
    std::size_t end = text.find("}}", at + 3);
    if (end == std::string::npos) break;
    std::string name = text.substr(at + 3, end - at - 3);
    std::size_t b = name.find_first_not_of(" \t");
    std::size_t e = name.find_last_not_of(" \t");
    out.emplace_back(b == std::string::npos ? "" : name.substr(b, e - b + 1), at);
  }
  return out;
}

void check_partial_cycles(const std::map<std::string, ThemeTemplate>& partials, Diagnostics* errors) {
  enum class State { kNew, kOnPath, kDone };
  std::map<std::string, State> state;
  for (const auto& [name, p] : partials) state[name] = State::kNew;
  struct Frame {
    std::string name;
    std::vector<std::pair<std::string, std::size_t>> refs;
    std::size_t next = 0;
  };
  // Depth-first, with a stack of its own: a chain of many partials cannot overflow it either.
  for (const auto& [root, root_partial] : partials) {
    if (state[root] != State::kNew) continue;
    std::vector<Frame> path{{root, partial_references(root_partial.text)}};
    state[root] = State::kOnPath;
    while (!path.empty()) {
      if (path.back().next == path.back().refs.size()) {
        state[path.back().name] = State::kDone;
        path.pop_back();
        continue;
      }
      // Copies, not a structured binding: the lambda below captures the name (clang 14).
      const std::string name = path.back().refs[path.back().next].first;
      const std::size_t at = path.back().refs[path.back().next].second;
      ++path.back().next;
      auto it = partials.find(name);
      if (it == partials.end()) continue;  // a missing partial is reported by load_theme
      if (state[name] == State::kNew) {
        state[name] = State::kOnPath;
        path.push_back({name, partial_references(it->second.text)});
        continue;
      }
      if (state[name] != State::kOnPath || !errors) continue;
      // The cycle, told from the partial whose tag closes it: "crumb → breadcrumbs → crumb".
      auto first = std::find_if(path.begin(), path.end(), [&](const Frame& f) { return f.name == name; });
      std::string cycle = path.back().name;
      for (auto f = first; f != path.end() - 1; ++f) cycle += " → " + f->name;
      cycle += " → " + path.back().name;
      const ThemeTemplate& file = partials.at(path.back().name);
      errors->push_back(Diagnostic{
          file.path, position_of(file.text, at),
          "mẫu con (partial) \"" + path.back().name + "\" gọi lại chính nó (" + cycle + "): trang sẽ không bao giờ dựng xong",
          "partial \"" + path.back().name + "\" includes itself (" + cycle + "): the page would never finish rendering",
          "một mẫu con không được gọi lại chính nó, trực tiếp hay qua mẫu con khác, kể cả trong một khối {{#…}}",
          "a partial may not include itself, directly or through other partials, even inside a {{#…}} section"});
    }
  }
}

void check_no_set_delimiters(const ThemeTemplate& file, Diagnostics* errors) {
  const std::string& text = file.text;
  for (std::size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    const std::size_t tag = text.find_first_not_of(" \t", at + 2);
    if (tag == std::string::npos || text[tag] != '=') continue;
    if (errors)
      errors->push_back(Diagnostic{file.path, position_of(text, at),
                                   "mẫu giao diện không được đổi dấu mở, đóng thẻ ({{=…=}})",
                                   "theme templates may not change the tag delimiters ({{=…=}})",
                                   "viết mọi thẻ với {{ và }}", "write every tag with {{ and }}"});
    return;
  }
}

}  // namespace congkhai
