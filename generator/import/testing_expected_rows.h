// For the readers' tests: the task table of a plan in content/ as rows (sections and tasks in
// order), and how many rows of a table a reader rebuilt match them field by field, after the
// light clean-up any recogniser does (a leading "- ", a trailing ";", spaces, the partners
// split at ";" and line ends). Only for tests.
#pragma once

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/document.h"

namespace congkhai::import::testing {

struct ExpectedRow {
  bool section = false;
  bool has_rows = false;  // a task with sub-rows: printed like a section, number and text only
  std::string number, task, output, timeframe;
  std::vector<std::string> lead, partners;
};

// A scalar as it is, a list as its items (an office list may be either).
inline std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsSequence()) {
    for (const auto& x : n)
      if (x.IsScalar()) out.push_back(x.as<std::string>());
  } else if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
  }
  return out;
}

inline std::string scalar(const YAML::Node& n) {
  return n && n.IsScalar() ? n.as<std::string>() : std::string();
}

inline void flatten(const YAML::Node& items, std::vector<ExpectedRow>* out) {
  for (const auto& item : items) {
    ExpectedRow r;
    r.number = scalar(item["number"]);
    if (item["section"]) {
      r.section = true;
      r.task = scalar(item["section"]);
      out->push_back(r);
      if (item["tasks"]) flatten(item["tasks"], out);
      continue;
    }
    r.task = scalar(item["task"]);
    r.output = scalar(item["output"]);
    r.timeframe = scalar(item["timeframe"]);
    r.lead = strings(item["lead"]);
    r.partners = strings(item["partners"]);
    r.has_rows = static_cast<bool>(item["tasks"]);
    out->push_back(r);
    if (item["tasks"]) flatten(item["tasks"], out);  // a task's sub-rows follow it
  }
}

inline std::vector<ExpectedRow> expected_rows(const std::string& plan_path) {
  std::ifstream in(plan_path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::size_t end = text.find("\n---", 3);
  YAML::Node front = YAML::Load(text.substr(4, end - 4));
  std::vector<ExpectedRow> rows;
  flatten(front["tasks"], &rows);
  return rows;
}

inline std::string squeeze(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

inline std::string tidy(std::string s) {
  s = squeeze(s);
  if (s.rfind("- ", 0) == 0) s.erase(0, 2);
  while (!s.empty() && (s.back() == ';' || s.back() == ',' || s.back() == ' ')) s.pop_back();
  return s;
}

inline std::vector<std::string> tidy_list(const std::string& cell) {
  std::vector<std::string> out;
  std::string item;
  auto flush = [&] {
    std::string t = tidy(item);
    if (!t.empty()) out.push_back(t);
    item.clear();
  };
  for (char c : cell) {
    if (c == ';' || c == '\n') flush();
    else item += c;
  }
  flush();
  return out;
}

struct Comparison {
  int expected_tasks = 0, found_rows = 0, expected_rows = 0, exact_tasks = 0, doubts = 0;
  int silent = 0;  // task rows wrong or missing with no doubt said about them
  std::vector<std::string> mismatches;
};

// Compares the largest table of `doc` with the plan's rows, in order.
inline Comparison compare_rows(const Document& doc, const std::vector<ExpectedRow>& want) {
  Comparison c;
  const Table* table = nullptr;
  for (const auto& b : doc.blocks)
    if (b.kind == Block::Kind::kTable && (!table || b.table.rows.size() > table->rows.size())) table = &b.table;
  c.expected_rows = static_cast<int>(want.size());
  for (const auto& r : want) c.expected_tasks += !r.section;
  if (!table || table->rows.empty()) return c;
  // Columns by their titles.
  int number = -1, task = -1, lead = -1, partners = -1, output = -1, timeframe = -1;
  const Row& head = table->rows.front();
  for (int i = 0; i < static_cast<int>(head.cells.size()); ++i) {
    const std::string& t = head.cells[i].text;
    if (number < 0 && (t.find("TT") != std::string::npos)) number = i;
    else if (task < 0 && t.find("Nội dung") != std::string::npos) task = i;
    else if (lead < 0 && t.find("chủ trì") != std::string::npos) lead = i;
    else if (partners < 0 && t.find("phối hợp") != std::string::npos) partners = i;
    else if (output < 0 && (t.find("ản phẩm") != std::string::npos || t.find("Kết quả") != std::string::npos)) output = i;
    else if (timeframe < 0 && (t.find("Thời") != std::string::npos)) timeframe = i;
  }
  std::vector<const Row*> rows;
  for (std::size_t i = 1; i < table->rows.size(); ++i) rows.push_back(&table->rows[i]);
  c.found_rows = static_cast<int>(rows.size());
  for (const Row* r : rows) c.doubts += !r->doubt.empty();
  // Rows paired in order by their numbers (a longest common subsequence), so that one row
  // too many or too few does not shift every row after it.
  auto is_section = [](const Row& r) { return r.cells.size() >= 2 && r.cells[1].span > 1; };
  auto key = [&](const Row& r) { return squeeze(r.cells.empty() ? std::string() : r.cells[0].text); };
  std::size_t nw = want.size(), nr = rows.size();
  std::vector<std::vector<int>> lcs(nw + 1, std::vector<int>(nr + 1, 0));
  auto same = [&](std::size_t i, std::size_t j) {
    bool shape = want[i].section == is_section(*rows[j]) || (want[i].has_rows && is_section(*rows[j]));
    return shape && squeeze(want[i].number) == key(*rows[j]);
  };
  for (std::size_t i = nw; i-- > 0;)
    for (std::size_t j = nr; j-- > 0;)
      lcs[i][j] = same(i, j) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0, j = 0; i < nw && j < nr;) {
    if (same(i, j)) pairs.push_back({i, j}), ++i, ++j;
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) ++i;
    else ++j;
  }
  std::vector<bool> paired(nw, false);
  for (const auto& [wi, ri] : pairs) paired[wi] = true;
  for (std::size_t i = 0; i < nw; ++i)
    if (!paired[i] && !want[i].section) {
      c.mismatches.push_back("row " + std::to_string(i + 1) + " (" + want[i].number + "): not found");
      c.silent += c.doubts == 0;
    }
  for (const auto& [wi, ri] : pairs) {
    const std::size_t i = ri;
    const ExpectedRow& w = want[wi];
    const Row& r = *rows[ri];
    // A cell merged from above holds the text of the nearest cell above it with text.
    auto cell = [&](int col) -> std::string {
      if (col < 0 || col >= static_cast<int>(r.cells.size())) return std::string();
      for (std::size_t k = i + 1; k-- > 0;) {
        const Row& above = *rows[k];
        if (col >= static_cast<int>(above.cells.size())) break;
        if (!above.cells[col].merged_from_above || k == 0) return above.cells[col].text;
      }
      return r.cells[col].text;
    };
    if (w.section) continue;
    if (w.has_rows && is_section(r)) {  // number and text across the row, as printed
      if (squeeze(r.cells[1].text) == squeeze(w.task)) ++c.exact_tasks;
      else c.mismatches.push_back("row " + std::to_string(wi + 1) + " (" + w.number + "): '" + r.cells[1].text + "'");
      continue;
    }
    std::vector<std::string> problems;
    if (squeeze(cell(number)) != w.number) problems.push_back("number '" + cell(number) + "'");
    if (squeeze(cell(task)) != squeeze(w.task)) problems.push_back("task '" + squeeze(cell(task)) + "'");
    auto same_list = [](const std::string& got, const std::vector<std::string>& want) {
      std::vector<std::string> w;
      for (const auto& x : want) w.push_back(tidy(x));
      if (tidy_list(got) == w) return true;
      std::string joined;  // an office name with a comma in it, as one item
      for (const auto& x : w) joined += (joined.empty() ? "" : "; ") + x;
      return tidy(got) == joined;
    };
    if (!same_list(cell(lead), w.lead)) problems.push_back("lead '" + cell(lead) + "'");
    if (!same_list(cell(partners), w.partners)) problems.push_back("partners '" + cell(partners) + "'");
    if (output >= 0 && squeeze(cell(output)) != squeeze(w.output)) problems.push_back("output '" + cell(output) + "'");
    if (squeeze(cell(timeframe)) != squeeze(w.timeframe)) problems.push_back("timeframe '" + cell(timeframe) + "'");
    if (problems.empty()) {
      ++c.exact_tasks;
    } else {
      c.silent += r.doubt.empty();
      std::string m = "row " + std::to_string(wi + 1) + " (" + w.number + "):" + (r.doubt.empty() ? " [no doubt]" : "");
      for (const auto& x : problems) m += " " + x;
      c.mismatches.push_back(m);
    }
  }
  return c;
}

}  // namespace congkhai::import::testing
