// congkhai-corpus: writes a deterministic, seeded benchmark corpus in the project's content
// format (docs/content.md), and optionally the same plans as a Hugo content folder
// (bench/hugo/ holds the matching config and layouts). See docs/performance.md.
//
// Every random choice comes from a splitmix64 stream seeded per unit and year, so the output
// depends only on the flags, never on the standard library or the order of writing.
#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "phrases.h"
#include "text/unicode.h"

namespace fs = std::filesystem;
using namespace congkhai::bench;

namespace {

// ---------------------------------------------------------------------------------------------
// Randomness

uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias is irrelevant here and the result is portable.
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  // True with probability percent/100.
  bool chance(int percent) { return below(100) < percent; }
  template <typename T, std::size_t N>
  const T& pick(const T (&pool)[N]) {
    return pool[below(static_cast<int>(N))];
  }
  // `k` distinct indices below `n` (all of them, shuffled, when k >= n).
  std::vector<int> distinct(int n, int k) {
    std::vector<int> all(n);
    for (int i = 0; i < n; ++i) all[i] = i;
    k = std::min(k, n);
    for (int i = 0; i < k; ++i) std::swap(all[i], all[i + below(n - i)]);
    all.resize(k);
    return all;
  }

 private:
  uint64_t state_;
};

uint64_t seed_of(uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0) {
  return mix(mix(mix(mix(a) ^ b) ^ c) ^ d);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

void replace_all(std::string* s, std::string_view from, std::string_view to) {
  std::size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

const char* kRoman[] = {"I",    "II",  "III",  "IV", "V",   "VI",   "VII",
                        "VIII", "IX",  "X",    "XI", "XII", "XIII", "XIV"};

std::string two_digits(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string iso_date(int y, int m, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string vi_date(int y, int m, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d, m, y);
  return buf;
}

int quarter_end_day(int q) { return q == 1 || q == 4 ? 31 : 30; }

// Whether `s` can be written as a plain YAML scalar on one line without changing its meaning.
bool plain_safe(std::string_view s) {
  if (s.empty()) return false;
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@` ";
  if (kIndicators.find(s.front()) != std::string_view::npos) return false;
  if (s.back() == ' ' || s.back() == ':') return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  if (s.find('\n') != std::string_view::npos || s.find('\t') != std::string_view::npos) return false;
  // Anything that YAML 1.1 or 1.2 could read as a number, boolean or null.
  bool numeric = true;
  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == '_' ||
          c == 'e' || c == 'E' || c == ':'))
      numeric = false;
  if (numeric) return false;
  if (s.size() > 5) return true;
  static constexpr std::string_view words[] = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
                                               "True", "False", "Yes", "No", "On", "Off", "Null", "Y", "N",
                                               "TRUE", "FALSE", "YES", "NO", "ON", "OFF", "NULL"};
  for (std::string_view w : words)
    if (s == w) return false;
  return true;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string scalar(std::string_view s) { return plain_safe(s) ? std::string(s) : quoted(s); }

// `key: value` at `indent`, using a literal block for multi-line text.
void put(std::string* out, int indent, std::string_view key, std::string_view value) {
  out->append(indent, ' ');
  out->append(key);
  out->append(":");
  if (value.find('\n') != std::string_view::npos) {
    out->append(" |\n");
    std::size_t start = 0;
    while (start < value.size()) {
      std::size_t end = value.find('\n', start);
      if (end == std::string_view::npos) end = value.size();
      if (end > start) out->append(indent + 2, ' ').append(value.substr(start, end - start));
      out->append("\n");
      start = end + 1;
    }
    return;
  }
  out->append(" ");
  out->append(scalar(value));
  out->append("\n");
}

void put_raw(std::string* out, int indent, std::string_view key, std::string_view raw) {
  out->append(indent, ' ').append(key).append(": ").append(raw).append("\n");
}

// A list of strings: inline flow form when short, block form otherwise.
void put_list(std::string* out, int indent, std::string_view key, const std::vector<std::string>& items,
              bool flow) {
  out->append(indent, ' ').append(key).append(":");
  if (flow) {
    bool safe = true;
    for (const auto& s : items)
      if (!plain_safe(s) || s.find_first_of(",[]{}") != std::string::npos) safe = false;
    if (safe) {
      out->append(" [");
      for (std::size_t i = 0; i < items.size(); ++i) out->append(i ? ", " : "").append(items[i]);
      out->append("]\n");
      return;
    }
  }
  out->append("\n");
  for (const auto& s : items) out->append(indent + 2, ' ').append("- ").append(scalar(s)).append("\n");
}

// ---------------------------------------------------------------------------------------------
// The corpus model: only what the writers need.

struct Unit {
  std::string name;   // without the level word
  std::string level;  // tinh, thanh-pho, huyen, xa, phuong
  std::string slug;
  std::string path;   // relative folder, "ha-tinh/son-lam"
  std::string title;  // "xã Sơn Lâm"
};

std::string level_word(const std::string& level) {
  if (level == "tinh") return "tỉnh";
  if (level == "thanh-pho") return "thành phố";
  if (level == "huyen") return "huyện";
  if (level == "phuong") return "phường";
  return "xã";
}

struct Task {
  std::string number, id, text, output, timeframe;
  bool id_explicit = false;
  std::vector<std::string> lead, partners;
  bool lead_list = false, partners_list = false;
};

struct Row {
  bool section = false;
  int depth = 0;  // sections: 1..3
  std::string number, title;
  int task = -1;
  int children_end = 0;  // sections: index one past their last row
};

struct Target {
  std::string id, measure, comparison, unit, task;
  int value = 0;
};

struct Plan {
  int year = 0;
  std::string id, number, title, date, place, issuer;
  std::vector<std::string> capacity;
  std::string signer_title, signer_name;
  std::vector<std::string> legal_basis, recipients;
  std::string implements, budget, body;
  bool has_output = true;
  std::vector<Row> rows;  // printed order
  std::vector<Task> tasks;
  std::vector<Target> targets;
};

struct Entry {
  int task = 0;
  std::string date, status, note, evidence_title, evidence_url;
  int percent = -1;
};

struct Measurement {
  int target = 0;
  double value = 0;
  std::string source;
};

struct Progress {
  int quarter = 0;
  std::string period, date, reported_by;
  std::vector<Entry> entries;
  std::vector<Measurement> measurements;
};

struct Report {
  std::string id, title, date, period, number, body;
  std::vector<int> tasks, targets;
};

// ---------------------------------------------------------------------------------------------
// Generation

struct Options {
  int provinces = 1, communes = 100, years = 1, tasks = 30, last_year = 2025;
  uint64_t seed = 1;
  std::string out, hugo;
};

class PlanMaker {
 public:
  PlanMaker(Rng* rng, const Unit& unit, const Unit& parent, int year, int tasks)
      : r_(*rng), unit_(unit), parent_(parent), year_(year), task_goal_(tasks) {
    lw_ = level_word(unit.level);
  }

  std::string fill(std::string_view pattern) {
    std::string s(pattern);
    if (s.find('{') == std::string::npos) return s;
    replace_all(&s, "{Y2}", std::to_string(year_ + r_.between(1, 5)));
    replace_all(&s, "{Y}", std::to_string(year_));
    replace_all(&s, "{U}", lw_);
    replace_all(&s, "{N}", unit_.name);
    replace_all(&s, "{P}", std::to_string(5 * r_.between(8, 20)));
    int m = r_.between(1, 11);
    replace_all(&s, "{M2}", std::to_string(r_.between(m + 1, 12)));
    replace_all(&s, "{MM}", two_digits(m));
    replace_all(&s, "{M}", std::to_string(m));
    replace_all(&s, "{Q}", kRoman[r_.below(4)]);
    replace_all(&s, "{D}", std::to_string(r_.between(1, 28)));
    replace_all(&s, "{A}", std::to_string(r_.between(3, 480)));
    replace_all(&s, "{B}", std::to_string(r_.between(2, 400)));
    return s;
  }

  Plan make() {
    Plan p;
    p.year = year_;
    p.id = std::to_string(year_);
    p.has_output = r_.chance(85);
    int number = r_.between(5, 180);
    p.number = r_.chance(8) ? "/KH-UBND" : std::to_string(number) + "/KH-UBND";
    p.title = "Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm " +
              std::to_string(year_) + " trên địa bàn " + unit_.title;
    int month = r_.between(1, 3), day = r_.between(1, 28);
    int date_kind = r_.below(20);
    if (date_kind == 0)
      p.date = std::to_string(year_) + "-" + two_digits(month);
    else if (date_kind > 1)
      p.date = iso_date(year_, month, day);
    if (r_.chance(30)) p.place = unit_.name;
    p.issuer = "UBND " + unit_.title;
    p.capacity = {"TM. Ủy ban nhân dân"};
    if (r_.chance(60)) {
      p.capacity.push_back("KT. Chủ tịch");
      p.signer_title = "Phó Chủ tịch";
    } else {
      p.signer_title = "Chủ tịch";
    }
    if (r_.chance(75))
      p.signer_name = std::string(r_.pick(kSurnames)) + " " + r_.pick(kMiddleNames) + " " + r_.pick(kGivenNames);
    p.legal_basis.push_back("Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính");
    if (r_.chance(60))
      p.legal_basis.push_back(
          "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia");
    if (r_.chance(40))
      p.legal_basis.push_back("Quyết định số " + std::to_string(r_.between(1, 40)) + "/QĐ-UBND ngày " +
                              vi_date(year_, 1, r_.between(2, 28)) + " của UBND " + lw_ +
                              " về cải cách hành chính năm " + std::to_string(year_));
    p.implements = "Kế hoạch số " + std::to_string(r_.between(10, 200)) + "/KH-UBND ngày " +
                   vi_date(year_ - (month == 1 ? 1 : 0), month == 1 ? 12 : month - 1, r_.between(1, 28)) +
                   " của Ủy ban nhân dân " + parent_.title +
                   " về kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm " +
                   std::to_string(year_);
    p.recipients = {"UBND " + parent_.title, "TT Đảng ủy, HĐND, UBMTTQ " + lw_, "Chủ tịch; Phó Chủ tịch UBND " + lw_,
                    "Các bộ phận chuyên môn " + lw_, "Lưu: VT."};
    p.budget = "Kinh phí thực hiện Kế hoạch theo quy định tại Thông tư số 167/2012/TT-BTC ngày 10/10/2012 của Bộ "
               "Tài chính quy định việc lập dự toán, quản lý và sử dụng kinh phí thực hiện các hoạt động kiểm soát "
               "TTHC và các quy định của pháp luật khác có liên quan.";
    make_table(&p);
    make_targets(&p);
    p.body = make_body(p);
    return p;
  }

  std::vector<Progress> make_progress(const Plan& p) {
    std::vector<Progress> out;
    // Per task: the quarter work starts and the quarter it is done (5: not within the year).
    std::vector<int> start(p.tasks.size()), finish(p.tasks.size());
    std::vector<int> fate(p.tasks.size());
    for (std::size_t i = 0; i < p.tasks.size(); ++i) {
      start[i] = r_.between(1, 3);
      finish[i] = r_.between(start[i], 5);
      fate[i] = r_.below(100);  // < 2: postponed, < 3: cancelled
    }
    std::vector<double> measured(p.targets.size());
    for (std::size_t i = 0; i < p.targets.size(); ++i)
      measured[i] = p.targets[i].value * (0.4 + r_.below(30) / 100.0);
    std::string reporter = fill(r_.pick(kLeads));
    for (int q = 1; q <= 4; ++q) {
      Progress pr;
      pr.quarter = q;
      pr.period = std::string("Quý ") + kRoman[q - 1] + "/" + std::to_string(year_);
      pr.date = iso_date(year_, q * 3, quarter_end_day(q));
      pr.reported_by = reporter;
      for (std::size_t i = 0; i < p.tasks.size(); ++i) {
        if (!r_.chance(95)) continue;
        Entry e;
        e.task = static_cast<int>(i);
        if (r_.chance(20)) e.date = iso_date(year_, q * 3 - r_.below(3), r_.between(1, 28));
        if (q < start[i]) {
          e.status = "not_started";
        } else if (fate[i] < 2 && q >= start[i] + 1) {
          e.status = "postponed";
        } else if (fate[i] == 2 && q >= start[i] + 1) {
          e.status = "cancelled";
        } else if (q >= finish[i]) {
          e.status = "done";
          e.percent = 100;
        } else {
          e.status = "in_progress";
          int span = finish[i] - start[i] + 1;
          e.percent = std::min(95, 100 * (q - start[i] + 1) / span + r_.between(-10, 5));
          if (e.percent < 5) e.percent = 5;
        }
        if (r_.chance(40)) e.note = fill(r_.pick(kNotes));
        if (r_.chance(5)) {
          e.evidence_title = "Văn bản số " + std::to_string(r_.between(1, 300)) + "/UBND (bản điện tử)";
          e.evidence_url = "https://dichvucong.gov.vn/van-ban/" + std::to_string(r_.next() % 1000000);
        }
        pr.entries.push_back(std::move(e));
      }
      for (std::size_t i = 0; i < p.targets.size(); ++i) {
        measured[i] += p.targets[i].value * (r_.below(15) / 100.0);
        Measurement m;
        m.target = static_cast<int>(i);
        m.value = static_cast<int>(measured[i] * 10) / 10.0;
        if (p.targets[i].unit == "%" && m.value > 100) m.value = 100;
        m.source = "Hệ thống thông tin giải quyết TTHC tỉnh";
        pr.measurements.push_back(m);
      }
      out.push_back(std::move(pr));
    }
    return out;
  }

  std::vector<Report> make_reports(const Plan& p) {
    std::vector<Report> out;
    auto pick_tasks = [&](Report* rep) {
      for (int k = 0; k < 3; ++k) {
        int t = r_.below(static_cast<int>(p.tasks.size()));
        bool seen = false;
        for (int u : rep->tasks) seen |= u == t;
        if (!seen) rep->tasks.push_back(t);
      }
      if (!p.targets.empty()) rep->targets.push_back(r_.below(static_cast<int>(p.targets.size())));
    };
    if (r_.chance(20)) {
      Report rep;
      rep.id = std::to_string(year_) + "-6-thang";
      rep.title = "Báo cáo kết quả kiểm soát TTHC 6 tháng đầu năm " + std::to_string(year_);
      rep.date = iso_date(year_, 6, r_.between(15, 28));
      rep.period = std::to_string(year_) + "-H1";
      rep.number = std::to_string(r_.between(20, 150)) + "/BC-UBND";
      pick_tasks(&rep);
      rep.body = report_body(p, "6 tháng đầu năm " + std::to_string(year_));
      out.push_back(std::move(rep));
    }
    if (r_.chance(50)) {
      Report rep;
      rep.id = std::to_string(year_);
      rep.title = "Báo cáo kết quả kiểm soát TTHC và thực hiện cơ chế một cửa, một cửa liên thông năm " +
                  std::to_string(year_);
      rep.date = iso_date(year_, 12, r_.between(10, 28));
      rep.period = std::to_string(year_);
      if (r_.chance(80)) rep.number = std::to_string(r_.between(150, 300)) + "/BC-UBND";
      pick_tasks(&rep);
      rep.body = report_body(p, "năm " + std::to_string(year_));
      out.push_back(std::move(rep));
    }
    return out;
  }

 private:
  std::string task_text() {
    std::string text = std::string(r_.pick(kVerbs)) + " " + fill(r_.pick(kObjects)) + fill(r_.pick(kQualifiers));
    if (r_.chance(10)) {
      text += ":";
      auto picks = r_.distinct(static_cast<int>(std::size(kBullets)), r_.between(2, 4));
      for (std::size_t i = 0; i < picks.size(); ++i)
        text += std::string("\n- ") + kBullets[picks[i]] + (i + 1 < picks.size() ? ";" : ".");
    }
    return text;
  }

  Task make_task(std::string number) {
    Task t;
    t.number = std::move(number);
    t.text = task_text();
    std::string derived = congkhai::slugify_words(t.text, 8);
    if (derived.empty() || ids_.count(derived) || r_.chance(25)) {
      t.id_explicit = true;
      std::string base = congkhai::slugify_words(t.text, 4);
      t.id = base + "-" + std::to_string(tasks_made_ + 1);
      while (ids_.count(t.id)) t.id += "-b";
    } else {
      t.id = derived;
    }
    ids_.insert(t.id);
    ++tasks_made_;
    int leads = r_.chance(10) ? 2 : 1;
    for (int i = 0; i < leads; ++i) t.lead.push_back(fill(r_.pick(kLeads)));
    t.lead_list = leads > 1 || r_.chance(5);
    int partners = r_.between(0, 3);
    for (int i = 0; i < partners; ++i) t.partners.push_back(fill(r_.pick(kPartners)));
    t.partners_list = partners > 1 || r_.chance(70);
    if (has_output_ && r_.chance(92)) t.output = fill(r_.pick(kOutputs));
    if (r_.chance(97)) t.timeframe = fill(r_.pick(kTimeframes));
    return t;
  }

  // Numbering as printed: mostly in sequence, sometimes skipping, repeating or blank.
  std::string next_number(const std::string& prefix, int* counter) {
    int roll = r_.below(100);
    if (roll < 2) *counter += 2;        // skip one
    else if (roll < 3 && *counter > 0)  // repeat the last
      ;
    else
      *counter += 1;
    if (roll >= 3 && roll < 6) return "";
    return prefix + std::to_string(*counter);
  }

  void add_tasks(Plan* p, const std::string& prefix, int n) {
    int counter = 0;
    for (int i = 0; i < n; ++i) {
      Row row;
      row.task = static_cast<int>(p->tasks.size());
      p->tasks.push_back(make_task(next_number(prefix, &counter)));
      p->rows.push_back(row);
    }
  }

  void make_table(Plan* p) {
    has_output_ = p->has_output;
    bool letters = r_.chance(15);
    int sections = r_.between(3, 7);
    auto titles = r_.distinct(static_cast<int>(std::size(kSectionTitles)), sections);
    int goal = std::max(3, task_goal_ + r_.between(-task_goal_ / 3, task_goal_ / 3));
    int per_section = std::max(1, goal / sections);
    for (int s = 0; s < sections; ++s) {
      int remaining = goal - static_cast<int>(p->tasks.size());
      int n = s + 1 == sections ? std::max(1, remaining) : std::max(1, per_section + r_.between(-2, 2));
      std::size_t at = p->rows.size();
      Row sec;
      sec.section = true;
      sec.depth = 1;
      sec.number = letters ? std::string(1, static_cast<char>('A' + s)) : kRoman[s % 14];
      sec.title = kSectionTitles[titles[s]];
      p->rows.push_back(sec);
      std::string num = std::to_string(s + 1);
      if (n >= 6 && r_.chance(30)) {
        // Sub-sections 2.1, 2.2 …, one of them possibly holding a third level.
        int subs = r_.between(2, 3), used = 0;
        auto sub_titles = r_.distinct(static_cast<int>(std::size(kSubsectionTitles)), subs + 1);
        int direct = r_.between(0, 2);
        add_tasks(p, "", direct);
        used += direct;
        for (int k = 0; k < subs; ++k) {
          int m = k + 1 == subs ? std::max(1, n - used) : std::max(1, (n - direct) / subs);
          used += m;
          std::size_t sub_at = p->rows.size();
          Row sub;
          sub.section = true;
          sub.depth = 2;
          sub.number = num + "." + std::to_string(k + 1);
          sub.title = kSubsectionTitles[sub_titles[k]];
          p->rows.push_back(sub);
          if (m >= 4 && r_.chance(25)) {
            int half = m / 2;
            add_tasks(p, sub.number + ".", half);
            Row third;
            third.section = true;
            third.depth = 3;
            third.number = r_.chance(50) ? sub.number + ".1" : "a";
            third.title = kSubsectionTitles[sub_titles[subs]];
            std::size_t third_at = p->rows.size();
            p->rows.push_back(third);
            add_tasks(p, "", m - half);
            p->rows[third_at].children_end = static_cast<int>(p->rows.size());
          } else {
            add_tasks(p, sub.number + ".", m);
          }
          p->rows[sub_at].children_end = static_cast<int>(p->rows.size());
        }
      } else {
        add_tasks(p, "", n);
      }
      p->rows[at].children_end = static_cast<int>(p->rows.size());
    }
  }

  void make_targets(Plan* p) {
    int n = r_.between(1, 4);
    std::set<int> used;
    for (int i = 0; i < n; ++i) {
      int k = r_.below(static_cast<int>(std::size(kTargets)));
      if (!used.insert(k).second) continue;
      const TargetShape& shape = kTargets[k];
      Target t;
      t.id = shape.id;
      t.measure = shape.measure;
      t.comparison = shape.comparison;
      t.value = r_.between(shape.low, shape.high);
      t.unit = shape.unit;
      if (r_.chance(70)) t.task = p->tasks[r_.below(static_cast<int>(p->tasks.size()))].id;
      p->targets.push_back(t);
    }
  }

  std::string make_body(const Plan& p) {
    std::string b;
    b += "Thực hiện " + p.implements + "; UBND " + unit_.title +
         " ban hành Kế hoạch kiểm soát thủ tục hành chính (TTHC) và thực hiện cơ chế một cửa, một cửa liên "
         "thông năm " + std::to_string(year_) + " như sau:\n\n";
    b += "## I. Mục đích, yêu cầu\n\n### 1. Mục đích\n\n";
    auto purposes = r_.distinct(static_cast<int>(std::size(kPurposes)), r_.between(4, 7));
    std::size_t split = purposes.size() / 2 + 1;
    for (std::size_t i = 0; i < split; ++i) b += "- " + fill(kPurposes[purposes[i]]) + "\n";
    b += "\n### 2. Yêu cầu\n\n";
    for (std::size_t i = split; i < purposes.size(); ++i) b += "- " + fill(kPurposes[purposes[i]]) + "\n";
    b += "\n## II. Nội dung kế hoạch\n\n";
    int k = 1;
    for (const auto& row : p.rows)
      if (row.section && row.depth == 1) b += std::to_string(k++) + ". " + row.title + ".\n";
    b += "\n(Các nhiệm vụ cụ thể tại Phụ lục kèm theo)\n\n## III. Tổ chức thực hiện\n\n";
    auto offices = r_.distinct(static_cast<int>(std::size(kLeads)), r_.between(2, 4));
    for (std::size_t i = 0; i < offices.size(); ++i)
      b += std::to_string(i + 1) + ". **" + fill(kLeads[offices[i]]) + "** " + fill(r_.pick(kOrganisation)) + "\n\n";
    b += "Trên đây là Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm " +
         std::to_string(year_) + " trên địa bàn " + unit_.title + "./.\n";
    return b;
  }

  std::string report_body(const Plan& p, const std::string& period) {
    std::string b = "## I. Kết quả thực hiện " + period + "\n\n";
    b += "Thực hiện Kế hoạch số " + p.number + ", UBND " + unit_.title + " báo cáo kết quả như sau:\n\n";
    int n = r_.between(3, 6);
    for (int i = 0; i < n; ++i) b += "- " + fill(r_.pick(kNotes)) + "\n";
    b += "\n## II. Khó khăn, vướng mắc\n\n" + fill(r_.pick(kPurposes)) + "\n\n## III. Phương hướng thời gian tới\n\n";
    n = r_.between(2, 3);
    for (int i = 0; i < n; ++i) b += "- " + std::string(r_.pick(kVerbs)) + " " + fill(r_.pick(kObjects)) + ".\n";
    return b;
  }

  Rng& r_;
  const Unit& unit_;
  const Unit& parent_;
  int year_;
  int task_goal_;
  std::string lw_;
  bool has_output_ = true;
  std::set<std::string> ids_;
  int tasks_made_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Output

struct Stats {
  long units = 0, plans = 0, tasks = 0, entries = 0, measurements = 0, reports = 0, files = 0;
  long long bytes = 0;
};

class FileSink {
 public:
  explicit FileSink(Stats* stats) : stats_(*stats) {}
  void dir(const std::string& path) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) fail(path, ec.message());
  }
  void write(const std::string& path, const std::string& text) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) fail(path, std::strerror(errno));
    if (std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0)
      fail(path, std::strerror(errno));
    stats_.files++;
    stats_.bytes += static_cast<long long>(text.size());
  }

 private:
  [[noreturn]] static void fail(const std::string& path, const std::string& why) {
    std::fprintf(stderr, "congkhai-corpus: %s: %s\n", path.c_str(), why.c_str());
    std::exit(1);
  }
  Stats& stats_;
};

// ---- the project's own format ---------------------------------------------------------------

std::string unit_yaml(const Unit& u, bool with_contact) {
  std::string s;
  put(&s, 0, "name", u.name);
  put(&s, 0, "level", u.level);
  if (with_contact) {
    s += "contact:\n";
    put(&s, 2, "address", "Trụ sở UBND " + u.title);
    put(&s, 2, "email", "ubnd." + u.slug + "@example.gov.vn");
    put(&s, 0, "feedback", "Bộ phận Tiếp nhận và Trả kết quả " + u.title);
  }
  return s;
}

std::string plan_md(const Plan& p) {
  std::string s = "---\n";
  put(&s, 0, "number", p.number);
  put(&s, 0, "title", p.title);
  put_raw(&s, 0, "year", std::to_string(p.year));
  if (!p.date.empty()) put_raw(&s, 0, "date", p.date);
  if (!p.place.empty()) put(&s, 0, "place", p.place);
  put(&s, 0, "issuer", p.issuer);
  s += "signer:\n";
  put_list(&s, 2, "capacity", p.capacity, true);
  put(&s, 2, "title", p.signer_title);
  if (!p.signer_name.empty()) put(&s, 2, "name", p.signer_name);
  put_list(&s, 0, "legal_basis", p.legal_basis, false);
  s += "implements:\n";
  put(&s, 2, "text", p.implements);
  put_list(&s, 0, "recipients", p.recipients, false);
  put(&s, 0, "budget", p.budget + "\n");
  s += "tasks:\n";
  // Rows are in printed order; a section's children are the rows up to children_end.
  std::vector<int> open_ends;  // children_end of the open sections
  for (std::size_t i = 0; i < p.rows.size(); ++i) {
    while (!open_ends.empty() && static_cast<int>(i) >= open_ends.back()) open_ends.pop_back();
    int indent = 2 + 4 * static_cast<int>(open_ends.size());
    const Row& row = p.rows[i];
    std::string pad(indent, ' ');
    if (row.section) {
      s += pad + "- section: " + scalar(row.title) + "\n";
      if (!row.number.empty()) put(&s, indent + 2, "number", row.number);
      s += pad + "  tasks:\n";
      open_ends.push_back(row.children_end);
      continue;
    }
    const Task& t = p.tasks[row.task];
    bool first = true;
    // Writes a rendered "key: value" (possibly several lines) as part of the list item.
    auto emit = [&](const std::string& rendered) {
      std::size_t start = 0;
      bool head = true;
      while (start < rendered.size()) {
        std::size_t end = rendered.find('\n', start);
        std::string_view part(rendered.data() + start, end - start);
        if (head) s += pad + (first ? "- " : "  ");
        else if (!part.empty()) s += pad + "  ";
        s.append(part).append("\n");
        head = false;
        start = end + 1;
      }
      first = false;
    };
    auto item = [&](const char* key, const std::string& value) {
      std::string rendered;
      put(&rendered, 0, key, value);
      emit(rendered);
    };
    auto list = [&](const char* key, const std::vector<std::string>& values, bool as_list) {
      std::string rendered;
      if (as_list) put_list(&rendered, 0, key, values, true);
      else put(&rendered, 0, key, values[0]);
      emit(rendered);
    };
    if (!t.number.empty()) item("number", t.number);
    if (t.id_explicit) item("id", t.id);
    item("task", t.text);
    if (!t.lead.empty()) list("lead", t.lead, t.lead_list);
    if (!t.partners.empty()) list("partners", t.partners, t.partners_list);
    if (!t.output.empty()) item("output", t.output);
    if (!t.timeframe.empty()) item("timeframe", t.timeframe);
  }
  if (!p.targets.empty()) {
    s += "targets:\n";
    for (const auto& t : p.targets) {
      s += "  - id: " + t.id + "\n";
      put(&s, 4, "measure", t.measure);
      put(&s, 4, "comparison", t.comparison);
      put_raw(&s, 4, "value", std::to_string(t.value));
      put(&s, 4, "unit", t.unit);
      if (!t.task.empty()) put(&s, 4, "task", t.task);
    }
  }
  s += "---\n\n";
  s += p.body;
  return s;
}

std::string format_value(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string progress_yaml(const Plan& p, const Progress& pr) {
  std::string s;
  put(&s, 0, "plan", p.id);
  put(&s, 0, "period", pr.period);
  put_raw(&s, 0, "date", pr.date);
  put(&s, 0, "reported_by", pr.reported_by);
  if (!pr.entries.empty()) s += "entries:\n";
  for (const auto& e : pr.entries) {
    s += "  - task: " + p.tasks[e.task].id + "\n";
    if (!e.date.empty()) put_raw(&s, 4, "date", e.date);
    put(&s, 4, "status", e.status);
    if (e.percent >= 0) put_raw(&s, 4, "percent", std::to_string(e.percent));
    if (!e.note.empty()) put(&s, 4, "note", e.note);
    if (!e.evidence_url.empty()) {
      s += "    evidence:\n";
      s += "      - title: " + scalar(e.evidence_title) + "\n";
      s += "        url: " + e.evidence_url + "\n";
    }
  }
  if (!pr.measurements.empty()) s += "measurements:\n";
  for (const auto& m : pr.measurements) {
    s += "  - target: " + p.targets[m.target].id + "\n";
    put_raw(&s, 4, "value", format_value(m.value));
    put(&s, 4, "source", m.source);
  }
  return s;
}

std::string report_md(const Plan& p, const Report& r) {
  std::string s = "---\n";
  put(&s, 0, "title", r.title);
  put_raw(&s, 0, "date", r.date);
  put(&s, 0, "period", r.period);
  if (!r.number.empty()) put(&s, 0, "number", r.number);
  put(&s, 0, "plan", p.id);
  std::vector<std::string> tasks, targets;
  for (int t : r.tasks) tasks.push_back(p.tasks[t].id);
  for (int t : r.targets) targets.push_back(p.targets[t].id);
  if (!tasks.empty()) put_list(&s, 0, "tasks", tasks, false);
  if (!targets.empty()) put_list(&s, 0, "targets", targets, true);
  s += "---\n\n" + r.body;
  return s;
}

// ---- Hugo -----------------------------------------------------------------------------------
// The same plans as Hugo content: each unit a section (_index.md), each plan a page whose
// front matter carries the task table as data, with statuses resolved from the progress
// records, since Hugo cannot join files itself. bench/hugo/layouts render it.

const char* status_text(const std::string& status) {
  if (status == "done") return "Hoàn thành";
  if (status == "in_progress") return "Đang thực hiện";
  if (status == "not_started") return "Chưa bắt đầu";
  if (status == "postponed") return "Tạm hoãn";
  if (status == "cancelled") return "Huỷ bỏ";
  return "Chưa có báo cáo";
}

std::string hugo_unit(const Unit& u, int weight) {
  std::string s = "---\n";
  put(&s, 0, "title", u.title);
  put(&s, 0, "name", u.name);
  put(&s, 0, "level", u.level);
  put_raw(&s, 0, "weight", std::to_string(weight));
  s += "---\n";
  return s;
}

std::string date_vi_from_iso(const std::string& iso) {
  if (iso.size() == 10) return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
  if (iso.size() == 7) return "tháng " + iso.substr(5, 2) + " năm " + iso.substr(0, 4);
  return iso.empty() ? "" : "năm " + iso;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string hugo_plan(const Unit& u, const Plan& p, const std::vector<Progress>& progress) {
  // Latest entry per task, and the history, oldest first.
  struct Seen {
    const Entry* entry;
    const Progress* in;
  };
  std::vector<std::vector<Seen>> history(p.tasks.size());
  for (const auto& pr : progress)
    for (const auto& e : pr.entries) history[e.task].push_back({&e, &pr});
  int done = 0, in_progress = 0, unreported = 0;
  for (const auto& h : history) {
    if (h.empty()) ++unreported;
    else if (h.back().entry->status == "done") ++done;
    else if (h.back().entry->status == "in_progress") ++in_progress;
  }
  std::string s = "---\n";
  put(&s, 0, "title", p.title);
  put(&s, 0, "kind", "plan");
  put(&s, 0, "unit_name", u.title);
  put(&s, 0, "number", p.number);
  put_raw(&s, 0, "number_blank", p.number.front() == '/' ? "true" : "false");
  if (!p.date.empty()) put(&s, 0, "date_line", (p.place.empty() ? "" : p.place + ", ") + date_vi_from_iso(p.date));
  put_raw(&s, 0, "year", std::to_string(p.year));
  put_raw(&s, 0, "weight", std::to_string(3000 - p.year));
  put(&s, 0, "issuer", p.issuer);
  put_list(&s, 0, "legal_basis", p.legal_basis, false);
  put(&s, 0, "implements", p.implements);
  put(&s, 0, "budget", p.budget + "\n");
  s += "signer:\n";
  put_list(&s, 2, "capacity", p.capacity, false);
  put(&s, 2, "title", p.signer_title);
  if (!p.signer_name.empty()) put(&s, 2, "name", p.signer_name);
  put_list(&s, 0, "recipients", p.recipients, false);
  put_raw(&s, 0, "has_output", p.has_output ? "true" : "false");
  s += "counts:\n";
  put_raw(&s, 2, "total", std::to_string(p.tasks.size()));
  put_raw(&s, 2, "done", std::to_string(done));
  put_raw(&s, 2, "in_progress", std::to_string(in_progress));
  put_raw(&s, 2, "unreported", std::to_string(unreported));
  s += "rows:\n";
  for (const auto& row : p.rows) {
    if (row.section) {
      s += "  - section: true\n";
      put_raw(&s, 4, "depth", std::to_string(row.depth));
      if (!row.number.empty()) put(&s, 4, "number", row.number);
      put(&s, 4, "title", row.title);
      continue;
    }
    const Task& t = p.tasks[row.task];
    const auto& h = history[row.task];
    s += "  - anchor: nv-" + t.id + "\n";
    if (!t.number.empty()) put(&s, 4, "number", t.number);
    put(&s, 4, "text", t.text);
    if (!t.lead.empty()) put(&s, 4, "lead", join(t.lead, ", "));
    if (!t.partners.empty()) put(&s, 4, "partners", join(t.partners, ", "));
    if (!t.output.empty()) put(&s, 4, "output", t.output);
    if (!t.timeframe.empty()) put(&s, 4, "timeframe", t.timeframe);
    std::string status = h.empty() ? "" : h.back().entry->status;
    put(&s, 4, "status_key", status.empty() ? "unreported" : status);
    put(&s, 4, "status_text", status_text(status));
    if (!h.empty() && h.back().entry->percent >= 0) put_raw(&s, 4, "percent", std::to_string(h.back().entry->percent));
    put_raw(&s, 4, "history_count", std::to_string(h.size()));
  }
  if (!p.targets.empty()) {
    s += "targets:\n";
    for (std::size_t i = 0; i < p.targets.size(); ++i) {
      const Target& t = p.targets[i];
      s += "  - anchor: ct-" + t.id + "\n";
      put(&s, 4, "measure", t.measure);
      std::string cmp = t.comparison == "at_least" ? "Tối thiểu " : t.comparison == "at_most" ? "Tối đa " : "Đạt ";
      put(&s, 4, "goal_text", cmp + std::to_string(t.value) + (t.unit == "%" ? "%" : " " + t.unit));
      if (!t.task.empty()) put(&s, 4, "task_href", "#nv-" + t.task);
      s += "    measurements:\n";
      for (const auto& pr : progress)
        for (const auto& m : pr.measurements)
          if (m.target == static_cast<int>(i)) {
            s += "      - date_iso: " + pr.date + "\n";
            put(&s, 8, "date", date_vi_from_iso(pr.date));
            put(&s, 8, "value", format_value(m.value));
            put(&s, 8, "source", m.source);
          }
    }
  }
  s += "history:\n";
  for (std::size_t i = 0; i < p.tasks.size(); ++i) {
    const auto& h = history[i];
    if (h.empty()) continue;
    const Task& t = p.tasks[i];
    s += "  - anchor: ls-" + t.id + "\n";
    put(&s, 4, "task_href", "#nv-" + t.id);
    put(&s, 4, "label", (t.number.empty() ? "" : t.number + ". ") + t.text.substr(0, t.text.find('\n')));
    put(&s, 4, "status_key", h.back().entry->status);
    put(&s, 4, "status_text", status_text(h.back().entry->status));
    s += "    entries:\n";
    for (const auto& seen : h) {
      const Entry& e = *seen.entry;
      std::string date = e.date.empty() ? seen.in->date : e.date;
      s += "      - date_iso: " + date + "\n";
      put(&s, 8, "date", date_vi_from_iso(date));
      put(&s, 8, "status_key", e.status);
      put(&s, 8, "status_text", status_text(e.status));
      if (e.percent >= 0) put_raw(&s, 8, "percent", std::to_string(e.percent));
      put(&s, 8, "period", seen.in->period);
      if (!e.note.empty()) put(&s, 8, "note", e.note);
      if (!e.evidence_url.empty()) {
        put(&s, 8, "evidence_title", e.evidence_title);
        put(&s, 8, "evidence_url", e.evidence_url);
      }
      put(&s, 8, "reported_by", seen.in->reported_by);
    }
  }
  s += "---\n\n" + p.body;
  return s;
}

std::string hugo_report(const Unit& u, const Plan& p, const Report& r) {
  std::string s = "---\n";
  put(&s, 0, "title", r.title);
  put(&s, 0, "kind", "report");
  put(&s, 0, "unit_name", u.title);
  put(&s, 0, "report_date", date_vi_from_iso(r.date));
  put(&s, 0, "period", r.period);
  if (!r.number.empty()) put(&s, 0, "number", r.number);
  put(&s, 0, "plan_href", "../../ke-hoach/" + p.id + "/");
  put(&s, 0, "plan_title", p.title);
  s += "---\n\n" + r.body;
  return s;
}

// ---------------------------------------------------------------------------------------------

class CorpusWriter {
 public:
  CorpusWriter(const Options& o, Stats* stats) : o_(o), stats_(*stats), sink_(stats) {}

  void run() {
    if (!o_.out.empty()) {
      sink_.dir(o_.out);
      std::string site;
      put(&site, 0, "title", "Công khai kế hoạch kiểm soát thủ tục hành chính (dữ liệu thử hiệu năng)");
      put(&site, 0, "description",
          "Kho nội dung sinh tự động để đo hiệu năng: các kế hoạch, tiến độ và báo cáo đều là dữ liệu giả lập.");
      put(&site, 0, "sample_data_notice", "Toàn bộ dữ liệu trên trang này là dữ liệu giả lập để đo hiệu năng.");
      sink_.write(o_.out + "/site.yaml", site);
    }
    if (!o_.hugo.empty()) {
      sink_.dir(o_.hugo);
      sink_.write(o_.hugo + "/_index.md",
                  "---\ntitle: Công khai kế hoạch kiểm soát thủ tục hành chính (dữ liệu thử hiệu năng)\n---\n");
    }
    Unit country;
    country.title = "cả nước";
    for (int p = 0; p < o_.provinces; ++p) province(p, country);
  }

 private:
  void province(int index, const Unit& country) {
    Rng r(seed_of(o_.seed, 1, index));
    const ProvinceName& pn = kProvinces[index % std::size(kProvinces)];
    Unit u;
    u.name = pn.name;
    if (index >= static_cast<int>(std::size(kProvinces))) u.name += " " + std::to_string(index / std::size(kProvinces) + 1);
    u.level = pn.city ? "thanh-pho" : "tinh";
    u.slug = congkhai::slugify(u.name);
    u.path = u.slug;
    u.title = level_word(u.level) + " " + u.name;
    add_unit(u, index, false);
    (void)country;
    // Every third province keeps a district tier for a quarter of its communes (plans from
    // before July 2025 were issued under districts).
    int districted = index % 3 == 0 ? std::max(o_.communes >= 2 ? 1 : 0, o_.communes / 4) : 0;
    std::vector<Unit> districts;
    std::set<std::string> names;
    if (districted > 0) {
      int count = std::max(1, districted / 12);
      for (int d = 0; d < count; ++d) {
        Unit du;
        du.name = unique_name(&r, &names);
        du.level = "huyen";
        du.slug = congkhai::slugify(du.name);
        du.path = u.path + "/" + du.slug;
        du.title = "huyện " + du.name;
        add_unit(du, d, false);
        districts.push_back(du);
      }
    }
    std::set<std::string> commune_names;
    for (int c = 0; c < o_.communes; ++c) {
      Rng cr(seed_of(o_.seed, 2, index, c));
      bool in_district = c < districted;
      const Unit& parent = in_district ? districts[c % districts.size()] : u;
      Unit cu;
      if (cr.chance(15)) {
        cu.level = "phuong";
        cu.name = cr.chance(30) ? std::to_string(cr.between(1, 12)) : "";
      } else {
        cu.level = "xa";
      }
      if (cu.name.empty() || commune_names.count(cu.name)) cu.name = unique_name(&cr, &commune_names);
      commune_names.insert(cu.name);
      cu.slug = congkhai::slugify((cu.level == "phuong" ? "Phường " : "") + cu.name);
      cu.path = parent.path + "/" + cu.slug;
      cu.title = level_word(cu.level) + " " + cu.name;
      add_unit(cu, c, true);
      commune(cu, in_district ? parent : u, index, c);
    }
  }

  std::string unique_name(Rng* r, std::set<std::string>* used) {
    static const std::set<std::string> reserved = {"ke-hoach", "bao-cao", "tep", "assets", "tim-kiem", "du-lieu"};
    for (int attempt = 0;; ++attempt) {
      std::string name = std::string(r->pick(kNameSyllables)) + " " + r->pick(kNameSyllables);
      if (attempt > 50) name += " " + std::to_string(attempt);
      std::string slug = congkhai::slugify(name);
      bool clash = reserved.count(slug) > 0;
      for (const auto& n : *used) clash |= congkhai::slugify(n) == slug;
      if (!clash) {
        used->insert(name);
        return name;
      }
    }
  }

  void add_unit(const Unit& u, int weight, bool commune) {
    stats_.units++;
    if (!o_.out.empty()) {
      sink_.dir(o_.out + "/" + u.path);
      sink_.write(o_.out + "/" + u.path + "/unit.yaml", unit_yaml(u, commune));
    }
    if (!o_.hugo.empty()) {
      sink_.dir(o_.hugo + "/" + u.path);
      sink_.write(o_.hugo + "/" + u.path + "/_index.md", hugo_unit(u, weight));
    }
  }

  void commune(const Unit& u, const Unit& parent, int province, int commune) {
    std::string dir = o_.out.empty() ? "" : o_.out + "/" + u.path;
    std::string hdir = o_.hugo.empty() ? "" : o_.hugo + "/" + u.path;
    if (!dir.empty()) {
      sink_.dir(dir + "/plans");
      sink_.dir(dir + "/progress");
    }
    if (!hdir.empty()) sink_.dir(hdir + "/ke-hoach");
    bool made_reports_dir = false, made_hugo_reports_dir = false;
    for (int y = 0; y < o_.years; ++y) {
      int year = o_.last_year - o_.years + 1 + y;
      Rng r(seed_of(o_.seed, 3, (static_cast<uint64_t>(province) << 20) | commune, year));
      PlanMaker maker(&r, u, parent, year, o_.tasks);
      Plan plan = maker.make();
      std::vector<Progress> progress = maker.make_progress(plan);
      std::vector<Report> reports = maker.make_reports(plan);
      stats_.plans++;
      stats_.tasks += static_cast<long>(plan.tasks.size());
      for (const auto& pr : progress) {
        stats_.entries += static_cast<long>(pr.entries.size());
        stats_.measurements += static_cast<long>(pr.measurements.size());
      }
      stats_.reports += static_cast<long>(reports.size());
      if (!dir.empty()) {
        sink_.write(dir + "/plans/" + plan.id + ".md", plan_md(plan));
        for (const auto& pr : progress)
          sink_.write(dir + "/progress/" + plan.id + "-q" + std::to_string(pr.quarter) + ".yaml",
                      progress_yaml(plan, pr));
        if (!reports.empty() && !made_reports_dir) {
          sink_.dir(dir + "/reports");
          made_reports_dir = true;
        }
        for (const auto& rep : reports) sink_.write(dir + "/reports/" + rep.id + ".md", report_md(plan, rep));
      }
      if (!hdir.empty()) {
        sink_.write(hdir + "/ke-hoach/" + plan.id + ".md", hugo_plan(u, plan, progress));
        if (!reports.empty() && !made_hugo_reports_dir) {
          sink_.dir(hdir + "/bao-cao");
          made_hugo_reports_dir = true;
        }
        for (const auto& rep : reports) sink_.write(hdir + "/bao-cao/" + rep.id + ".md", hugo_report(u, plan, rep));
      }
    }
  }

  const Options& o_;
  Stats& stats_;
  FileSink sink_;
};

int usage(const char* error) {
  if (error) std::fprintf(stderr, "congkhai-corpus: %s\n", error);
  std::fprintf(stderr,
               "usage: congkhai-corpus [small|national] [--provinces N] [--communes N] [--years N]\n"
               "                       [--last-year Y] [--tasks N] [--seed N] [--out DIR] [--hugo DIR]\n"
               "  small:     1 province x 100 communes x 1 year\n"
               "  national: 34 provinces x 98 communes x 5 years (2021-2025)\n"
               "  --out DIR  write the corpus in the project's content format\n"
               "  --hugo DIR write the same plans as a Hugo content folder (see bench/hugo/)\n");
  return 2;
}

bool parse_int(const char* s, long long lo, long long hi, long long* out) {
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s, &end, 10);
  if (errno || !end || *end || end == s || v < lo || v > hi) return false;
  *out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "small") {
      o.provinces = 1, o.communes = 100, o.years = 1;
    } else if (a == "national") {
      o.provinces = 34, o.communes = 98, o.years = 5;
    } else if (a == "-h" || a == "--help") {
      usage(nullptr);
      return 0;
    } else if (i + 1 < argc && (a == "--out" || a == "--hugo")) {
      (a == "--out" ? o.out : o.hugo) = argv[++i];
    } else if (i + 1 < argc && a.rfind("--", 0) == 0) {
      long long v = 0;
      const char* value = argv[++i];
      bool ok = false;
      if (a == "--provinces") ok = parse_int(value, 1, 1000, &v), o.provinces = static_cast<int>(v);
      else if (a == "--communes") ok = parse_int(value, 1, 100000, &v), o.communes = static_cast<int>(v);
      else if (a == "--years") ok = parse_int(value, 1, 50, &v), o.years = static_cast<int>(v);
      else if (a == "--last-year") ok = parse_int(value, 1995, 2090, &v), o.last_year = static_cast<int>(v);
      else if (a == "--tasks") ok = parse_int(value, 1, 10000, &v), o.tasks = static_cast<int>(v);
      else if (a == "--seed") ok = parse_int(value, 0, INT64_MAX, &v), o.seed = static_cast<uint64_t>(v);
      else return usage(("unknown option " + a).c_str());
      if (!ok) return usage(("bad value for " + a + ": " + value).c_str());
    } else {
      return usage(("unexpected argument " + a).c_str());
    }
  }
  if (o.out.empty() && o.hugo.empty()) return usage("give --out DIR, --hugo DIR or both");
  Stats stats;
  CorpusWriter(o, &stats).run();
  std::printf("units %ld, plans %ld, tasks %ld, progress entries %ld, measurements %ld, reports %ld; "
              "%ld files, %.1f MB\n",
              stats.units, stats.plans, stats.tasks, stats.entries, stats.measurements, stats.reports, stats.files,
              static_cast<double>(stats.bytes) / 1e6);
  return 0;
}
