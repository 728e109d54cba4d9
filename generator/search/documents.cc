#include "search/documents.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <iterator>

#include "model/urls.h"

namespace congkhai {
namespace {

constexpr std::size_t kTitleChars = 160;
constexpr std::size_t kExcerptChars = 220;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Appends `part` to `out` with a space between, skipping empty parts.
void add(std::string* out, std::string_view part) {
  if (part.empty()) return;
  if (!out->empty()) out->push_back(' ');
  out->append(part);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out.append(sep);
    out.append(p);
  }
  return out;
}

// Inline Markdown of one line as plain text.
void inline_text(std::string_view line, std::string* out) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
      out->push_back(line[++i]);
    } else if (c == '*' || c == '`') {
      // emphasis and code markers
    } else if (c == '_' && i + 1 < line.size() && line[i + 1] == '_') {
      ++i;
    } else if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
      // image: keep the alt text, handled as a link below
    } else if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
      std::size_t close = line.find(')', i + 2);
      if (close == std::string_view::npos) {
        out->push_back(c);
      } else {
        i = close;
      }
    } else if (c == '[') {
      // link text follows
    } else if (c == '<' && line.substr(i + 1, 4) == "http") {
      std::size_t close = line.find('>', i);
      if (close == std::string_view::npos) {
        out->push_back(c);
      } else {
        out->append(line.substr(i + 1, close - i - 1));
        i = close;
      }
    } else {
      out->push_back(c);
    }
  }
}

std::string top_unit_chain(const Portal& portal, int unit) {
  std::string out;
  for (int u = unit; u >= 0; u = portal.units[static_cast<std::size_t>(u)].parent)
    add(&out, unit_display_name(portal.units[static_cast<std::size_t>(u)]));
  return out;
}

int area_of(const Portal& portal, int unit) {
  while (unit >= 0 && portal.units[static_cast<std::size_t>(unit)].parent >= 0)
    unit = portal.units[static_cast<std::size_t>(unit)].parent;
  return unit;
}

std::string plan_label(const Plan& plan) {
  std::string label = "Kế hoạch";
  if (!plan.number.empty() && !is_blank_number(plan.number)) label += " số " + plan.number;
  if (plan.year > 0) label += " năm " + std::to_string(plan.year);
  return label;
}

std::string value_text(const Target& t) {
  if (!t.value_text.empty()) return t.value_text;
  // Shortest exact digits, whatever the size and the locale (to_string printed six
  // decimals through the C locale); -0 is 0.
  if (!std::isfinite(t.value)) return "";
  char buf[400];  // DBL_MAX has 309 digits
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, t.value == 0 ? 0.0 : t.value, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buf, end) : "";
}

}  // namespace

std::string task_status_search_text(const TaskFacts& f) {
  std::string s;
  switch (f.status) {
    case TaskStatus::kDone: s = "Đã hoàn thành, đã xong, hoàn tất"; break;
    case TaskStatus::kInProgress: s = "Đang thực hiện, chưa hoàn thành, chưa xong"; break;
    case TaskStatus::kNotStarted: s = "Chưa bắt đầu, chưa thực hiện, chưa hoàn thành, chưa xong"; break;
    case TaskStatus::kPostponed: s = "Tạm hoãn, tạm dừng, chưa hoàn thành, chưa xong"; break;
    case TaskStatus::kCancelled: s = "Huỷ bỏ, đã huỷ, không thực hiện"; break;
  }
  if (f.overdue) s += ", quá hạn, trễ hạn, chậm tiến độ, chậm trễ";
  return s;
}

std::string_view search_kind_key(SearchKind kind) {
  switch (kind) {
    case SearchKind::kUnit: return "unit";
    case SearchKind::kPlan: return "plan";
    case SearchKind::kTask: return "task";
    case SearchKind::kTarget: return "target";
    case SearchKind::kReport: return "report";
  }
  return "";
}

// The unit chain matches every document of a unit, so it weighs little: a search for a unit
// name finds the unit itself first. tests/search/fixture.json uses the same boosts.
const std::vector<LunrField>& search_fields() {
  static const std::vector<LunrField> kFields = {
      {"title", 3}, {"text", 1}, {"unit", 0.2}, {"lead", 0.5}, {"year", 0.5}, {"kind", 0.5}};
  return kFields;
}

std::string plain_text(std::string_view markdown) {
  std::string raw;
  std::size_t start = 0;
  while (start <= markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && (line.front() == '#' || line.front() == '>')) line.remove_prefix(1);
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
      line.remove_prefix(2);
    raw.push_back(' ');
    inline_text(line, &raw);
    start = end + 1;
  }
  std::string out;
  for (char c : raw) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0, cut = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars) {
      cut = i;
      break;
    }
    ++chars;
  }
  if (cut == std::string_view::npos) return std::string(text);
  std::size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > cut / 2) cut = space;
  std::string out(text.substr(0, cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  return out + "…";
}

SearchDocument unit_search_document(const Portal& portal, int u) {
  const Unit& unit = portal.units[static_cast<std::size_t>(u)];
  const std::string unit_name = unit_display_name(unit);
  SearchDocument ud;
  ud.ref = unit_page(unit);
  ud.kind = SearchKind::kUnit;
  ud.area = area_of(portal, u);
  ud.owner = u;
  ud.title = unit_name;
  // The labels of the unit's page, so that "gửi phản ánh ở đâu" or "liên hệ" finds it.
  const Contact& c = unit.contact;
  if (!c.address.empty() || !c.phone.empty() || !c.email.empty() || !c.website.empty()) {
    add(&ud.text, "Liên hệ, địa chỉ:");
    add(&ud.text, c.address);
    if (!c.phone.empty()) add(&ud.text, "Điện thoại " + c.phone);
    if (!c.email.empty()) add(&ud.text, "Thư điện tử " + c.email);
    add(&ud.text, c.website);
  }
  if (!unit.feedback.empty()) {
    add(&ud.text, "Phản ánh, kiến nghị, góp ý. Người dân, doanh nghiệp gửi phản ánh, kiến nghị về thủ tục hành chính tới:");
    add(&ud.text, unit.feedback);
  }
  ud.unit = unit.parent >= 0 ? top_unit_chain(portal, unit.parent) : "";
  ud.kind_text = "đơn vị " + unit_level_vi(unit.level);
  ud.display_title = unit_name;
  ud.display_unit = unit.parent >= 0 ? unit_display_name(portal.units[static_cast<std::size_t>(unit.parent)]) : "";
  ud.excerpt = shorten(unit.contact.address, kExcerptChars);
  return ud;
}

std::vector<SearchDocument> search_documents(const Portal& portal, int u, const PortalFacts* facts) {
  std::vector<SearchDocument> docs;
  const Unit& unit = portal.units[static_cast<std::size_t>(u)];
  const std::string unit_name = unit_display_name(unit);
  const std::string chain = top_unit_chain(portal, u);
  const int area = area_of(portal, u);

  for (int pi : unit.plans) {
    const Plan& plan = portal.plans[static_cast<std::size_t>(pi)];
    const PlanFacts* plan_facts =
        facts && static_cast<std::size_t>(pi) < facts->plans.size() ? &facts->plans[static_cast<std::size_t>(pi)] : nullptr;
    const std::string page = plan_page(portal, plan);
    const std::string year = plan.year > 0 ? std::to_string(plan.year) : "";
    const std::string label = plan_label(plan);

    SearchDocument pd;
    pd.ref = page;
    pd.kind = SearchKind::kPlan;
    pd.area = area;
    pd.owner = u;
    pd.title = plan.title;
    // Its number in the title field too: "28/KH-UBND" finds the plan before its tasks.
    if (!plan.number.empty() && !is_blank_number(plan.number)) add(&pd.title, plan.number);
    add(&pd.text, plan.number);
    add(&pd.text, plan.place);
    for (const Reference& r : plan.legal_basis) add(&pd.text, r.text);
    if (plan.implements) add(&pd.text, plan.implements->text);
    // The body as printed: the table marker ([[bảng nhiệm vụ]]) is not the document's text.
    const auto [before_table, after_table] = body_around_table(plan);
    const std::string body = plain_text(after_table.empty() ? before_table : before_table + "\n" + after_table);
    add(&pd.text, body);
    add(&pd.text, plain_text(plan.budget));
    add(&pd.text, plan.appendix_title);
    pd.unit = chain;
    add(&pd.lead, plan.issuer);
    add(&pd.lead, plan.signer.name);
    pd.year = year;
    pd.kind_text = "kế hoạch";
    pd.display_title = shorten(plain_text(plan.title), kTitleChars);
    pd.display_unit = unit_name;
    pd.excerpt = shorten(label + (body.empty() ? "" : ". " + body), kExcerptChars);
    docs.push_back(std::move(pd));

    for (std::size_t ti = 0; ti < plan.tasks.size(); ++ti) {
      const Task& task = plan.tasks[ti];
      const TaskFacts* tf = plan_facts && ti < plan_facts->tasks.size() ? &plan_facts->tasks[ti] : nullptr;
      SearchDocument td;
      td.ref = page + "#" + task_anchor(task);
      td.kind = SearchKind::kTask;
      td.area = area;
      td.owner = u;
      td.title = plain_text(task.text);
      // The row's full number ("C › 3 › 2") and the headings of every section above it.
      const std::string number = full_number(plan, task);
      add(&td.text, number);
      for (int s = task.section, steps = 0;
           s >= 0 && static_cast<std::size_t>(s) < plan.sections.size() && steps <= static_cast<int>(plan.sections.size());
           s = plan.sections[static_cast<std::size_t>(s)].parent, ++steps)
        add(&td.text, plan.sections[static_cast<std::size_t>(s)].title);
      // A sub-task is read with its task's text ("3. Rà soát …" above "3.1 …").
      if (task.parent >= 0 && static_cast<std::size_t>(task.parent) < plan.tasks.size())
        add(&td.text, plain_text(plan.tasks[static_cast<std::size_t>(task.parent)].text));
      add(&td.text, plain_text(task.output));
      add(&td.text, task.timeframe);
      add(&td.text, plan.number);
      if (tf) {
        add(&td.text, task_status_search_text(*tf));
        td.status = task_status_key(tf->status);
        if (tf->overdue) td.status += " overdue";
      }
      td.unit = chain;
      add(&td.lead, office_cell(task.lead_text, task.lead));
      add(&td.lead, office_cell(task.partners_text, task.partners));
      td.year = year;
      td.kind_text = "nhiệm vụ";
      td.display_title = shorten(td.title, kTitleChars);
      td.display_unit = unit_name;
      std::vector<std::string> context{label};
      if (!number.empty()) context.push_back("STT " + number);
      if (tf) {
        // Status and deadline first: what a citizen asks of a task, never cut off.
        std::string status = task_status_vi(tf->status);
        if (tf->overdue) status += ", quá hạn";
        context.push_back(status);
        if (tf->due) context.push_back("hạn " + format_vi(*tf->due));
      }
      if (!task.lead.empty()) {
        // The cell as printed, on one line: its line breaks read as "; ".
        std::string lead = office_cell(task.lead_text, task.lead);
        for (std::size_t at = lead.find('\n'); at != std::string::npos; at = lead.find('\n', at))
          lead.replace(at, 1, "; ");
        context.push_back("Chủ trì: " + lead);
      }
      if (!task.timeframe.empty()) context.push_back(task.timeframe);
      td.excerpt = shorten(join(context, " · "), kExcerptChars);
      docs.push_back(std::move(td));
    }

    for (const Target& target : plan.targets) {
      SearchDocument gd;
      gd.ref = page + "#" + target_anchor(target);
      gd.kind = SearchKind::kTarget;
      gd.area = area;
      gd.owner = u;
      gd.title = target.measure;
      const std::string goal = comparison_vi(target.comparison) + " " + value_text(target) + target.unit;
      add(&gd.text, goal);
      // The plan's own sentence, as printed, finds the target by the words of the document.
      add(&gd.text, target.statement);
      add(&gd.text, plan.number);
      gd.unit = chain;
      if (const Task* task = target.task.empty() ? nullptr : find_task(plan, target.task)) {
        add(&gd.lead, join(task->lead, " "));
        add(&gd.text, full_number(plan, *task));
        add(&gd.text, plain_text(task->text));
      }
      gd.year = year;
      gd.kind_text = "chỉ tiêu";
      gd.display_title = shorten(target.measure, kTitleChars);
      gd.display_unit = unit_name;
      gd.excerpt = shorten(goal + " · " + label, kExcerptChars);
      docs.push_back(std::move(gd));
    }
  }

  for (int ri : unit.reports) {
    const Report& report = portal.reports[static_cast<std::size_t>(ri)];
    SearchDocument rd;
    rd.ref = report_page(portal, report);
    rd.kind = SearchKind::kReport;
    rd.area = area;
    rd.owner = u;
    rd.title = report.title;
    add(&rd.text, report.number);
    add(&rd.text, period_vi(report.period));
    const std::string body = plain_text(report.body);
    add(&rd.text, body);
    for (const Attachment& a : report.attachments) add(&rd.text, a.title);
    rd.unit = chain;
    rd.year = report.period.year > 0 ? std::to_string(report.period.year) : "";
    rd.kind_text = "báo cáo";
    rd.display_title = shorten(plain_text(report.title), kTitleChars);
    rd.display_unit = unit_name;
    rd.excerpt = shorten(period_vi(report.period) + (body.empty() ? "" : ". " + body), kExcerptChars);
    docs.push_back(std::move(rd));
  }
  return docs;
}

bool has_search_documents(const Unit& unit) { return !unit.plans.empty() || !unit.reports.empty(); }

std::vector<SearchDocument> search_documents(const Portal& portal, const PortalFacts* facts) {
  std::vector<SearchDocument> docs;
  for (std::size_t ui = 0; ui < portal.units.size(); ++ui) {
    const int u = static_cast<int>(ui);
    docs.push_back(unit_search_document(portal, u));
    std::vector<SearchDocument> own = search_documents(portal, u, facts);
    docs.insert(docs.end(), std::make_move_iterator(own.begin()), std::make_move_iterator(own.end()));
  }
  return docs;
}

std::string compact_ref(std::size_t position) {
  const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  do {
    out.insert(out.begin(), digits[position % 36]);
    position /= 36;
  } while (position > 0);
  return out;
}

LunrDocument lunr_document(const SearchDocument& doc, const std::vector<LunrField>& fields,
                           std::string ref) {
  LunrDocument out;
  out.ref = std::move(ref);
  for (const LunrField& f : fields) {
    if (f.name == "title") out.fields.push_back(doc.title);
    else if (f.name == "text") out.fields.push_back(doc.text);
    else if (f.name == "unit") out.fields.push_back(doc.unit);
    else if (f.name == "lead") out.fields.push_back(doc.lead);
    else if (f.name == "year") out.fields.push_back(doc.year);
    else if (f.name == "kind") out.fields.push_back(doc.kind_text);
    else out.fields.emplace_back();
  }
  return out;
}

LunrJson search_store(const std::vector<const SearchDocument*>& docs, std::string_view prefix,
                      std::string_view unit_name) {
  LunrJson store = LunrJson::array();
  for (const SearchDocument* d : docs) {
    std::string_view ref = d->ref;
    if (!prefix.empty() && ref.substr(0, prefix.size()) == prefix) ref.remove_prefix(prefix.size());
    LunrJson entry = LunrJson::array({std::string(ref), d->display_title, std::string(search_kind_key(d->kind)), d->excerpt});
    const bool facets = !d->year.empty() || !d->status.empty();
    if (d->display_unit != unit_name) entry.push_back(d->display_unit);
    else if (facets) entry.push_back(0);
    if (facets) {
      entry.push_back(d->year);
      entry.push_back(d->status);
    }
    store.push_back(std::move(entry));
  }
  return store;
}

}  // namespace congkhai
