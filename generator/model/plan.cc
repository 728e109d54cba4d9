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
