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
