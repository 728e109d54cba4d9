#include "model/plan.h"

#include <algorithm>

namespace congkhai {

bool parse_comparison(const std::string& s, Comparison* out) {
  if (s == "at_least") *out = Comparison::kAtLeast;
  else if (s == "at_most") *out = Comparison::kAtMost;
  else if (s == "exactly") *out = Comparison::kExactly;
  else return false;
  return true;
}

std::string comparison_vi(Comparison c) {
  switch (c) {
    case Comparison::kAtLeast: return "tối thiểu";
    case Comparison::kAtMost: return "tối đa";
    case Comparison::kExactly: return "đúng";
  }
  return "";
}

bool is_blank_number(const std::string& number) {
  for (char c : number) {
    if (c == '/') return true;
    if (c != ' ') return false;
  }
  return true;
}

NumberState number_state(const Plan& plan) {
  if (plan.not_in_copy.number) return NumberState::kNotInCopy;
  return is_blank_number(plan.number) ? NumberState::kBlank : NumberState::kPrinted;
}

bool* not_in_copy_flag(NotInCopy* n, const std::string& key) {
  if (key == "number") return &n->number;
  if (key == "date") return &n->date;
  if (key == "place") return &n->place;
  if (key == "issuer") return &n->issuer;
  if (key == "signer") return &n->signer;
  return nullptr;
}

bool not_in_copy_has(const NotInCopy& n, const std::string& key) {
  NotInCopy copy = n;
  bool* flag = not_in_copy_flag(&copy, key);
  return flag && *flag;
}

std::pair<std::string, std::string> body_around_table(const Plan& plan) {
  if (plan.table_marker < 0) return {plan.body, ""};
  std::string before, after;
  int line = 0;
  std::size_t start = 0;
  while (start <= plan.body.size()) {
    std::size_t end = plan.body.find('\n', start);
    std::size_t next = end == std::string::npos ? plan.body.size() + 1 : end + 1;
    if (line < plan.table_marker) before.append(plan.body, start, next - start);
    else if (line > plan.table_marker) after.append(plan.body, start, std::min(next, plan.body.size()) - start);
    ++line;
    start = next;
  }
  if (before.size() > plan.body.size()) before.resize(plan.body.size());
  return {before, after};
}

namespace {

// Adds a printed number to a path; "3.1" after "3" (or "3.") replaces it, since the printed
// number already carries the one above it.
void push_number(std::vector<std::string>& path, const std::string& number) {
  if (number.empty()) return;
  if (!path.empty()) {
    std::string above = path.back();
    while (!above.empty() && above.back() == '.') above.pop_back();
    if (!above.empty() && number.size() > above.size() + 1 && number.compare(0, above.size(), above) == 0 &&
        number[above.size()] == '.') {
      path.back() = number;
      return;
    }
  }
  path.push_back(number);
}

std::string join_path(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& n : path) {
    if (!out.empty()) out += kNumberPathSeparator;
    out += n;
  }
  return out;
}

bool valid_section(const Plan& plan, int s) { return s >= 0 && static_cast<std::size_t>(s) < plan.sections.size(); }

}  // namespace

std::vector<std::string> section_number_path(const Plan& plan, int section) {
  std::vector<int> chain;
  for (int s = section; valid_section(plan, s) && chain.size() <= plan.sections.size(); s = plan.sections[s].parent)
    chain.push_back(s);
  std::vector<std::string> path;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) push_number(path, plan.sections[*it].number);
  return path;
}

std::vector<std::string> number_path(const Plan& plan, const Task& task) {
  std::vector<const Task*> chain{&task};
  for (int t = task.parent; t >= 0 && static_cast<std::size_t>(t) < plan.tasks.size() && chain.size() <= plan.tasks.size();
       t = plan.tasks[t].parent)
    chain.push_back(&plan.tasks[t]);
  std::vector<std::string> path = section_number_path(plan, chain.back()->section);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) push_number(path, (*it)->number);
  return path;
}

std::string full_number(const Plan& plan, const Task& task) {
  return task.number.empty() ? std::string() : join_path(number_path(plan, task));
}

std::string section_full_number(const Plan& plan, int section) {
  if (!valid_section(plan, section) || plan.sections[section].number.empty()) return "";
  return join_path(section_number_path(plan, section));
}

std::vector<std::string> split_offices(std::string_view printed) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= printed.size()) {
    std::size_t end = printed.find_first_of(";\n", start);
    if (end == std::string_view::npos) end = printed.size();
    std::string_view part = printed.substr(start, end - start);
    auto trim = [&] {
      while (!part.empty() && std::string_view(" \t\r").find(part.front()) != std::string_view::npos)
        part.remove_prefix(1);
      while (!part.empty() && std::string_view(" \t\r.,;:").find(part.back()) != std::string_view::npos)
        part.remove_suffix(1);
    };
    trim();
    if (part.size() >= 2 && (part[0] == '-' || part[0] == '+' ) && part[1] == ' ') {
      part.remove_prefix(2);
      trim();
    } else if (part.substr(0, 4) == "\xE2\x80\xA2 ") {  // "• "
      part.remove_prefix(4);
      trim();
    }
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

std::string office_cell(const std::string& text, const std::vector<std::string>& offices) {
  if (!text.empty()) return text;
  std::string out;
  for (const auto& o : offices) out += (out.empty() ? "" : "\n") + o;
  return out;
}

std::string numbered(const std::string& number, const std::string& text) {
  return number.empty() ? text : number + " " + text;
}

std::string numbered_task(const Plan& plan, const Task& task, const std::string& text) {
  return numbered(full_number(plan, task), text);
}

const Task* find_task(const Plan& plan, const std::string& id) {
  for (const Task& t : plan.tasks)
    if (t.id == id) return &t;
  return nullptr;
}

const Target* find_target(const Plan& plan, const std::string& id) {
  for (const Target& t : plan.targets)
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace congkhai
