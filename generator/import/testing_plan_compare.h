// Test helper: a recognised plan compared field by field with the hand-transcribed one, both
// as the plan loader reads them: which task rows have number, text, lead, partners, output,
// timeframe, section and parent task all exactly right, and which header fields. Shared by the tests of
// every reader (Word, PDF, text) on the sample plans.
#pragma once

#include <string>
#include <vector>

#include "model/date.h"
#include "model/plan.h"

namespace congkhai::import {

inline std::string joined_list(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " | ") + s;
  return out;
}

struct Score {
  int rows_right = 0, rows = 0, header_right = 0, header = 0;
  std::vector<std::string> wrong;  // each field or row that differs, got and want
};

inline void field(Score* s, const std::string& name, const std::string& got, const std::string& want) {
  ++s->header;
  if (got == want) ++s->header_right;
  else s->wrong.push_back("header field " + name + ":\n  got:  " + got + "\n  want: " + want);
}

inline std::string refs(const std::vector<Reference>& v) {
  std::vector<std::string> t;
  for (const auto& r : v) t.push_back(r.text);
  return joined_list(t);
}

// The counts, and every field and row that differs (Score::wrong).
inline Score compare_plans(const Plan& got, const Plan& want) {
  Score s;
  field(&s, "number", got.number, want.number);
  field(&s, "title", got.title, want.title);
  field(&s, "year", std::to_string(got.year), std::to_string(want.year));
  field(&s, "date", got.date ? format_iso(*got.date) : "", want.date ? format_iso(*want.date) : "");
  field(&s, "place", got.place, want.place);
  field(&s, "issuer", got.issuer, want.issuer);
  field(&s, "signer.name", got.signer.name, want.signer.name);
  field(&s, "signer.title", got.signer.title, want.signer.title);
  field(&s, "signer.capacity", joined_list(got.signer.capacity), joined_list(want.signer.capacity));
  field(&s, "legal_basis", refs(got.legal_basis), refs(want.legal_basis));
  field(&s, "implements", got.implements ? got.implements->text : "", want.implements ? want.implements->text : "");
  field(&s, "recipients", joined_list(got.recipients), joined_list(want.recipients));
  auto trim = [](std::string b) {
    while (!b.empty() && (b.back() == '\n' || b.back() == ' ')) b.pop_back();
    return b;
  };
  field(&s, "budget", trim(got.budget), trim(want.budget));
  field(&s, "appendix.title", got.appendix_title, want.appendix_title);
  field(&s, "appendix.note", got.appendix_note, want.appendix_note);
  // sections, in printed order
  std::vector<std::string> gs, ws;
  for (const auto& x : got.sections) gs.push_back(std::to_string(x.depth) + " " + x.number + " " + x.title);
  for (const auto& x : want.sections) ws.push_back(std::to_string(x.depth) + " " + x.number + " " + x.title);
  field(&s, "sections", joined_list(gs), joined_list(ws));
  s.rows = static_cast<int>(want.tasks.size());
  for (std::size_t i = 0; i < want.tasks.size() && i < got.tasks.size(); ++i) {
    const Task& g = got.tasks[i];
    const Task& w = want.tasks[i];
    // the task a sub-task sits under, by its number
    auto parent = [](const Plan& p, const Task& t) {
      return t.parent >= 0 ? "under " + p.tasks[static_cast<std::size_t>(t.parent)].number : std::string();
    };
    auto sec = [](const Plan& p, const Task& t) { return t.section >= 0 ? p.sections[static_cast<std::size_t>(t.section)].number : ""; };
    bool right = g.number == w.number && g.text == w.text && g.lead == w.lead && g.partners == w.partners &&
                 g.output == w.output && g.timeframe == w.timeframe && sec(got, g) == sec(want, w) &&
                 parent(got, g) == parent(want, w);
    if (right) ++s.rows_right;
    else
      s.wrong.push_back("task row " + std::to_string(i + 1) + " (" + w.number + "):\n  got:  " + g.number + " / " + g.text +
                        " / " + joined_list(g.lead) + " / " + joined_list(g.partners) + " / " + g.output + " / " +
                        g.timeframe + "\n  want: " + w.number + " / " + w.text + " / " + joined_list(w.lead) + " / " +
                        joined_list(w.partners) + " / " + w.output + " / " + w.timeframe);
  }
  return s;
}

}  // namespace congkhai::import
