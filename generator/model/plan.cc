#include "model/plan.h"

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

std::string number_mark(const std::string& number) {
  if (number.empty() || number.back() == '.' || number.back() == ')') return number;
  return number + ".";
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
  return number.empty() ? text : number_mark(number) + " " + text;
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
