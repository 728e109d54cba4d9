#include "export/plan_json.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>
#include <nlohmann/json.hpp>

#include "export/data_keys.h"
#include "export/export_paths.h"
#include "export/tables.h"
#include "model/urls.h"

namespace congkhai {
namespace {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF),
// the text nlohmann::json accepts.
bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c >= 0xE0 && c <= 0xEF) { n = 2; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 3; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else return false;
    if (s.size() - i <= static_cast<size_t>(n)) return false;  // sequence cut short
    for (int k = 1; k <= n; ++k) {
      auto b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

// Writes JSON straight to text in the compact layout nlohmann::json::dump() gives (no spaces
// or line breaks: the file is for programs, and a tenth of the portal's bytes), without
// building a tree first: a plan's document is large and written once.
class JsonOut {
 public:
  std::string take() { return std::move(s_); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // An object member's name; the value written next is its value.
  JsonOut& key(std::string_view k) {
    element();
    quoted(k);
    s_ += ':';
    after_key_ = true;
    return *this;
  }

  void null() { value(); s_ += "null"; }
  void boolean(bool b) { value(); s_ += b ? "true" : "false"; }
  void integer(long long n) { value(); s_ += std::to_string(n); }
  void string(std::string_view t) { value(); quoted(t); }
  void text_or_null(const std::string& t) { t.empty() ? null() : string(t); }
  void date_or_null(const std::optional<Date>& d) {
    if (!d || d->year == 0) return null();
    string(format_iso(*d));
  }
  void number(double v) {
    if (!std::isfinite(v)) return null();
    value();
    s_ += number_text(v);
  }
  // Whole numbers as JSON integers ("60", not "60.0"); others in shortest round-trip form.
  static std::string number_text(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    return nlohmann::ordered_json(v).dump();
  }
  void strings(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& t : items) string(t);
    end_array();
  }

 private:
  void open(char c) {
    value();
    s_ += c;
    empty_.push_back(true);
  }
  void close(char c) {
    empty_.pop_back();
    s_ += c;
  }
  // Before an object member or an array element.
  void element() {
    if (!empty_.back()) s_ += ',';
    empty_.back() = false;
  }
  // Before any value: an array element is separated from the one before; a member's value
  // follows its key.
  void value() {
    if (after_key_) after_key_ = false;
    else if (!empty_.empty()) element();
  }
  // As nlohmann's serializer escapes (ensure_ascii off); malformed UTF-8 is left to it, so it
  // fails the same way.
  void quoted(std::string_view t) {
    if (!valid_utf8(t)) {
      s_ += nlohmann::ordered_json(std::string(t)).dump();
      return;
    }
    s_ += '"';
    std::size_t plain = 0;  // start of the bytes not yet copied, which need no escape
    for (std::size_t i = 0; i < t.size(); ++i) {
      auto c = static_cast<unsigned char>(t[i]);
      if (c > 0x1F && c != '"' && c != '\\') continue;
      s_.append(t.data() + plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '"': s_ += "\\\""; break;
        case '\\': s_ += "\\\\"; break;
        case '\b': s_ += "\\b"; break;
        case '\f': s_ += "\\f"; break;
        case '\n': s_ += "\\n"; break;
        case '\r': s_ += "\\r"; break;
        case '\t': s_ += "\\t"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          s_ += "\\u00";
          s_ += kHex[c >> 4];
          s_ += kHex[c & 15];
        }
      }
    }
    s_.append(t.data() + plain, t.size() - plain);
    s_ += '"';
  }

  std::string s_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// One plan's object in its unit's file, written into `j`: everything about the plan but what
// the file says once for all its plans ($schema, as_of, unit).
class PlanWriter {
 public:
  PlanWriter(const Portal& portal, const PortalFacts& facts, int index, const PlanRefs& refs,
             const std::string& self, JsonOut& j)
      : portal_(portal),
        facts_(facts),
        plan_(portal.plans[index]),
        index_(index),
        refs_(refs),
        self_(self),
        page_(link(plan_page(portal, plan_))),
        j_(j) {
    if (index < static_cast<int>(facts.plans.size())) plan_facts_ = &facts.plans[index];
  }

  void write() {
    j_.begin_object();
    j_.key("id").string(plan_.id);
    if (plan_.not_in_copy.number) j_.key("number").null();
    else j_.key("number").string(plan_.number);
    j_.key("number_blank").boolean(number_state(plan_) == NumberState::kBlank);
    j_.key("not_in_copy").begin_array();
    for (const char* k : kNotInCopyKeys)
      if (not_in_copy_has(plan_.not_in_copy, k)) j_.string(k);
    j_.end_array();
    j_.key("title").string(plan_.title);
    j_.key("year").integer(plan_.year);
    j_.key("date").date_or_null(plan_.date);
    j_.key("place").text_or_null(plan_.place);
    if (plan_.not_in_copy.issuer) j_.key("issuer").null();
    else j_.key("issuer").string(plan_.issuer);
    j_.key("signer").begin_object();
    j_.key("name").text_or_null(plan_.signer.name);
    j_.key("title").text_or_null(plan_.signer.title);
    j_.key("capacity").strings(plan_.signer.capacity);
    j_.end_object();
    j_.key("legal_basis").begin_array();
    for (const auto& r : plan_.legal_basis) reference(r);
    j_.end_array();
    j_.key("implements");
    if (plan_.implements) {
      j_.begin_object();
      j_.key("text").string(plan_.implements->text);
      j_.key("url").text_or_null(plan_.implements->url);
      j_.key("plan");
      if (plan_.implements_index >= 0) plan_link(portal_.plans[plan_.implements_index]);
      else j_.null();
      j_.end_object();
    } else {
      j_.null();
    }
    j_.key("implemented_by").begin_array();
    for (int i : plan_.implemented_by) plan_link(portal_.plans[i]);
    j_.end_array();
    j_.key("recipients").strings(plan_.recipients);
    j_.key("budget").text_or_null(plan_.budget);
    j_.key("body").text_or_null(plan_.body);
    j_.key("appendix").begin_object();
    j_.key("title").text_or_null(plan_.appendix_title);
    j_.key("note").text_or_null(plan_.appendix_note);
    j_.key("position").string(plan_.table_marker >= 0 ? "body" : "appendix");
    j_.key("columns").begin_object();
    j_.key("number").text_or_null(plan_.columns.number);
    j_.key("task").text_or_null(plan_.columns.task);
    j_.key("lead").text_or_null(plan_.columns.lead);
    j_.key("partners").text_or_null(plan_.columns.partners);
    j_.key("output").text_or_null(plan_.columns.output);
    j_.key("timeframe").text_or_null(plan_.columns.timeframe);
    j_.end_object();
    j_.end_object();
    j_.key("page").string(page_);

    const PlanFacts& pf = plan_facts_ ? *plan_facts_ : no_facts_;
    j_.key("summary").begin_object();
    j_.key("tasks").integer(static_cast<long long>(std::count_if(plan_.tasks.begin(), plan_.tasks.end(), counts_as_task)));
    j_.key("targets").integer(static_cast<long long>(plan_.targets.size()));
    j_.key("done").integer(pf.done);
    j_.key("in_progress").integer(pf.in_progress);
    j_.key("not_started").integer(pf.not_started);
    j_.key("postponed").integer(pf.postponed);
    j_.key("cancelled").integer(pf.cancelled);
    j_.key("overdue").integer(pf.overdue);
    j_.key("last_updated").date_or_null(pf.last_updated);
    j_.end_object();

    j_.key("sections").begin_array();
    for (size_t si = 0; si < plan_.sections.size(); ++si) {
      const Section& s = plan_.sections[si];
      j_.begin_object();
      j_.key("number").text_or_null(s.number);
      j_.key("full_number").text_or_null(section_full_number(plan_, static_cast<int>(si)));
      j_.key("title").string(s.title);
      j_.key("depth").integer(s.depth);
      j_.key("parent");
      if (s.parent >= 0) j_.integer(s.parent);
      else j_.null();
      j_.end_object();
    }
    j_.end_array();

    j_.key("tasks").begin_array();
    for (size_t i = 0; i < plan_.tasks.size(); ++i) task(i);
    j_.end_array();
    j_.key("targets").begin_array();
    for (size_t i = 0; i < plan_.targets.size(); ++i) target(i);
    j_.end_array();
    j_.key("progress");
    progress();
    j_.key("reports");
    reports();
    j_.end_object();
  }

 private:
  std::string link(const std::string& to) const { return link_from(portal_.site, self_, to); }

  // Another plan of the portal: its portal path, page and the file holding its data (its
  // unit's).
  void plan_link(const Plan& other) {
    j_.begin_object();
    j_.key("path").string(plan_portal_path(portal_, other));
    j_.key("page").string(link(plan_page(portal_, other)));
    j_.key("data").string(link(plans_json(portal_.units[other.unit])));
    j_.end_object();
  }

  void reference(const Reference& r) {
    j_.begin_object();
    j_.key("text").string(r.text);
    j_.key("url").text_or_null(r.url);
    j_.end_object();
  }

  // In the objects repeated many times over (tasks and their timeframes, progress entries and
  // measurements) a member with no value is left out; the schema gives its default.
  void text_if(std::string_view k, const std::string& t) {
    if (!t.empty()) j_.key(k).string(t);
  }
  void strings_if(std::string_view k, const std::vector<std::string>& items) {
    if (!items.empty()) j_.key(k).strings(items);
  }
  void index_if(std::string_view k, int i) {
    if (i >= 0) j_.key(k).integer(i);
  }
  void date_if(std::string_view k, const std::optional<Date>& d) {
    if (d && d->year != 0) j_.key(k).string(format_iso(*d));
  }
  void flag_if(std::string_view k, bool b) {
    if (b) j_.key(k).boolean(true);
  }
  // An office cell as printed, left out when it is its offices one per line (its default).
  void cell_if(std::string_view k, const std::string& printed, const std::vector<std::string>& offices) {
    std::string cell = office_cell(printed, offices);
    if (cell != office_cell("", offices)) j_.key(k).string(cell);
  }

  void timeframe(const Timeframe& t) {
    j_.begin_object();
    j_.key("raw").string(t.raw);
    j_.key("kind").string(timeframe_kind_key(t.kind));
    date_if("start", t.start);
    date_if("due", t.due);
    if (!t.checkpoints.empty()) {
      j_.key("checkpoints").begin_array();
      for (const auto& d : t.checkpoints) j_.string(format_iso(d));
      j_.end_array();
    }
    std::vector<std::string> cadences;
    for (auto c : t.cadences)
      if (!cadence_key(c).empty()) cadences.push_back(cadence_key(c));
    strings_if("cadences", cadences);
    flag_if("also_on_demand", t.also_on_demand);
    text_if("qualifier", t.qualifier);
    j_.end_object();
  }

  void task(size_t i) {
    const Task& t = plan_.tasks[i];
    TaskFacts tf;
    if (plan_facts_ && i < plan_facts_->tasks.size()) tf = plan_facts_->tasks[i];
    if (tf.timeframe.raw.empty()) tf.timeframe.raw = t.timeframe;
    j_.begin_object();
    j_.key("id").string(t.id);
    text_if("number", t.number);
    j_.key("number_path").strings(number_path(plan_, t));
    j_.key("text").string(t.text);
    index_if("section", t.section);
    index_if("parent", t.parent);
    strings_if("lead", t.lead);
    cell_if("lead_text", t.lead_text, t.lead);
    strings_if("partners", t.partners);
    cell_if("partners_text", t.partners_text, t.partners);
    text_if("output", t.output);
    j_.key("timeframe");
    timeframe(tf.timeframe);
    date_if("due", tf.due);
    j_.key("status").string(task_status_key(tf.status));
    if (tf.percent >= 0) j_.key("percent").integer(tf.percent);
    flag_if("reported", tf.reported);
    flag_if("from_subtasks", tf.from_subtasks);
    if (tf.overdue && tf.overdue_days > 0) j_.key("overdue_days").integer(tf.overdue_days);
    j_.end_object();
  }

  void target(size_t i) {
    const Target& t = plan_.targets[i];
    TargetFacts tf;
    if (plan_facts_ && i < plan_facts_->targets.size()) tf = plan_facts_->targets[i];
    j_.begin_object();
    j_.key("id").string(t.id);
    j_.key("measure").string(t.measure);
    j_.key("comparison").string(comparison_key(t.comparison));
    j_.key("value").number(t.value);
    j_.key("value_text").text_or_null(t.value_text);
    j_.key("unit").string(t.unit);
    j_.key("task").text_or_null(t.task);
    j_.key("statement").text_or_null(t.statement);
    j_.key("part").text_or_null(t.part);
    j_.key("result").string(target_result_key(tf.result));
    j_.key("latest");
    if (tf.latest) {
      j_.begin_object();
      j_.key("value").number(*tf.latest);
      j_.key("date").date_or_null(tf.latest_date);
      j_.end_object();
    } else {
      j_.null();
    }
    j_.end_object();
  }

  // Entries of this plan, in the order derive gives them (kept stable by sorting on date,
  // file and position).
  template <typename Pick>
  std::vector<std::pair<int, int>> refs_of(const std::vector<EntryRef>& refs,
                                           const std::vector<std::vector<int>>& by_plan,
                                           Pick pick) const {
    std::vector<std::pair<int, int>> out;
    if (index_ >= static_cast<int>(by_plan.size())) return out;
    for (int at : by_plan[index_]) {
      const EntryRef& r = refs[at];
      if (r.plan != index_ || r.record < 0 ||
          r.record >= static_cast<int>(portal_.progress.size()))
        continue;
      if (r.index < 0 || r.index >= static_cast<int>(pick(portal_.progress[r.record]).size()))
        continue;
      out.push_back({r.record, r.index});
    }
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
      const auto& ra = portal_.progress[a.first];
      const auto& rb = portal_.progress[b.first];
      const Date& da = pick(ra)[a.second].date;
      const Date& db = pick(rb)[b.second].date;
      return std::tie(da, ra.path, a.second) < std::tie(db, rb.path, b.second);
    });
    return out;
  }

  // The progress files that speak of this plan, each once with what its entries share (its
  // path, period, and the date and reporter most of its entries have, as the file's own
  // defaults are written), then its entries and measurements, each giving a date or reporter
  // only where it differs from the file's. Files in the order of their date, then path;
  // entries and measurements in file order.
  struct RecordItems {
    int record = -1;
    std::vector<int> entries, measurements;
    Date date;
    std::string reported_by;
  };

  static Date most_common(std::vector<Date> dates) {
    std::sort(dates.begin(), dates.end());
    Date best;
    std::size_t best_run = 0;
    for (std::size_t i = 0; i < dates.size();) {
      std::size_t j = i;
      while (j < dates.size() && dates[j] == dates[i]) ++j;
      if (j - i > best_run) best = dates[i], best_run = j - i;  // ties: the earliest
      i = j;
    }
    return best;
  }

  static std::string most_common(const std::vector<const std::string*>& names) {
    // The first in file order among the most frequent; a file has few reporters.
    std::string best;
    std::size_t best_count = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::size_t count = 0;
      for (const std::string* n : names) count += *n == *names[i];
      if (count > best_count) best = *names[i], best_count = count;
    }
    return best;
  }

  std::vector<RecordItems> records() const {
    std::vector<RecordItems> out;
    auto slot = [&](int record) -> RecordItems& {
      for (auto& r : out)
        if (r.record == record) return r;
      out.push_back({});
      out.back().record = record;
      return out.back();
    };
    auto entries = [](const ProgressRecord& r) -> const auto& { return r.entries; };
    auto measurements = [](const ProgressRecord& r) -> const auto& { return r.measurements; };
    for (auto [record, index] : refs_of(facts_.entries, refs_.entries, entries)) slot(record).entries.push_back(index);
    for (auto [record, index] : refs_of(facts_.measurements, refs_.measurements, measurements))
      slot(record).measurements.push_back(index);
    for (auto& r : out) {
      const ProgressRecord& rec = portal_.progress[r.record];
      std::sort(r.entries.begin(), r.entries.end());
      std::sort(r.measurements.begin(), r.measurements.end());
      std::vector<Date> dates;
      std::vector<const std::string*> reporters;
      for (int i : r.entries) dates.push_back(rec.entries[i].date), reporters.push_back(&rec.entries[i].reported_by);
      for (int i : r.measurements) dates.push_back(rec.measurements[i].date);
      r.date = most_common(std::move(dates));
      r.reported_by = most_common(reporters);
    }
    std::sort(out.begin(), out.end(), [&](const RecordItems& a, const RecordItems& b) {
      return std::tie(a.date, portal_.progress[a.record].path) < std::tie(b.date, portal_.progress[b.record].path);
    });
    return out;
  }

  void progress() {
    j_.begin_array();
    for (const RecordItems& r : records()) {
      const ProgressRecord& rec = portal_.progress[r.record];
      j_.begin_object();
      j_.key("record").string(content_relative(portal_, rec.path));
      j_.key("period").text_or_null(rec.period);
      j_.key("date").date_or_null(r.date);
      j_.key("reported_by").text_or_null(r.reported_by);
      j_.key("entries").begin_array();
      for (int index : r.entries) {
        const ProgressEntry& e = rec.entries[index];
        j_.begin_object();
        j_.key("task").string(e.task);
        if (!(e.date == r.date)) j_.key("date").date_or_null(e.date);
        j_.key("status").string(task_status_key(e.status));
        if (e.percent >= 0) j_.key("percent").integer(e.percent);
        text_if("note", e.note);
        if (e.reported_by != r.reported_by) j_.key("reported_by").text_or_null(e.reported_by);
        if (!e.evidence.empty()) {
          j_.key("evidence").begin_array();
          for (const auto& ev : e.evidence) {
            std::string url = !ev.url.empty() ? ev.url
                                              : ev.file.empty() ? std::string()
                                                                : link(file_output_path(ev.file));
            j_.begin_object();
            j_.key("title").string(ev.title);
            j_.key("url").text_or_null(url);
            j_.end_object();
          }
          j_.end_array();
        }
        if (e.pos.line > 0) j_.key("line").integer(e.pos.line);
        j_.end_object();
      }
      j_.end_array();
      j_.key("measurements").begin_array();
      for (int index : r.measurements) {
        const Measurement& m = rec.measurements[index];
        j_.begin_object();
        j_.key("target").string(m.target);
        if (!(m.date == r.date)) j_.key("date").date_or_null(m.date);
        j_.key("value").number(m.value);
        if (m.value_text != JsonOut::number_text(m.value)) text_if("value_text", m.value_text);
        text_if("source", m.source_note);
        if (m.pos.line > 0) j_.key("line").integer(m.pos.line);
        j_.end_object();
      }
      j_.end_array();
      j_.end_object();
    }
    j_.end_array();
  }

  void reports() {
    j_.begin_array();
    if (plan_facts_) {
      for (int r : plan_facts_->reports) {
        if (r < 0 || r >= static_cast<int>(portal_.reports.size())) continue;
        const Report& rep = portal_.reports[r];
        j_.begin_object();
        j_.key("id").string(rep.id);
        j_.key("title").string(rep.title);
        j_.key("number").text_or_null(rep.number);
        j_.key("date").date_or_null(rep.date);
        j_.key("period").string(format_period(rep.period));
        j_.key("period_vi").string(period_vi(rep.period));
        j_.key("tasks").strings(rep.tasks);
        j_.key("targets").strings(rep.targets);
        j_.key("attachments").begin_array();
        for (const auto& a : rep.attachments) {
          j_.begin_object();
          j_.key("title").string(a.title);
          j_.key("url").string(link(file_output_path(a.file)));
          j_.key("bytes").integer(a.bytes);
          j_.end_object();
        }
        j_.end_array();
        j_.key("page").string(link(report_page(portal_, rep)));
        j_.end_object();
      }
    }
    j_.end_array();
  }

  const Portal& portal_;
  const PortalFacts& facts_;
  const Plan& plan_;
  int index_;
  const PlanRefs& refs_;
  const std::string& self_;  // the file written, which links start from
  std::string page_;  // the plan's page, linked from the JSON file
  const PlanFacts* plan_facts_ = nullptr;
  const PlanFacts no_facts_;
  JsonOut& j_;
};

}  // namespace

PlanRefs index_plan_refs(const PortalFacts& facts, std::size_t plans) {
  PlanRefs refs;
  refs.entries.resize(plans);
  refs.measurements.resize(plans);
  auto index = [plans](const std::vector<EntryRef>& all, std::vector<std::vector<int>>& by_plan) {
    for (size_t i = 0; i < all.size(); ++i)
      if (all[i].plan >= 0 && static_cast<std::size_t>(all[i].plan) < plans)
        by_plan[all[i].plan].push_back(static_cast<int>(i));
  };
  index(facts.entries, refs.entries);
  index(facts.measurements, refs.measurements);
  return refs;
}

std::string write_plans_json(const Portal& portal, const PortalFacts& facts, int unit_index,
                             const std::vector<std::size_t>& plans, const PlanRefs& refs) {
  const Unit& unit = portal.units[unit_index];
  const std::string self = plans_json(unit);
  auto link = [&](const std::string& to) { return link_from(portal.site, self, to); };
  JsonOut j;
  j.begin_object();
  j.key("$schema").string(link(plan_schema_path()));
  j.key("as_of").date_or_null(facts.as_of);
  j.key("unit").begin_object();
  j.key("path").string(unit.url_path);
  j.key("name").string(unit.name);
  j.key("display_name").string(unit_display_name(unit));
  j.key("level").string(unit_level_key(unit.level));
  j.key("page").string(link(unit_page(unit)));
  j.end_object();
  j.key("plans").begin_array();
  for (std::size_t p : plans) PlanWriter(portal, facts, static_cast<int>(p), refs, self, j).write();
  j.end_array();
  j.end_object();
  return j.take() + "\n";
}

std::string write_plans_json(const Portal& portal, const PortalFacts& facts, int unit) {
  return write_plans_json(portal, facts, unit, plans_by_unit(portal)[unit],
                          index_plan_refs(facts, portal.plans.size()));
}

}  // namespace congkhai
