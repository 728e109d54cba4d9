#include "derive/timeframe.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <iterator>

#include "text/unicode.h"

// The parser works on tokens of the NFC text whose words are folded ("Quý" → "quy"), so
// spelling without diacritics, upper case, NFD input, line breaks and runs of spaces all read
// the same. Byte offsets into the NFC text let a trailing qualifier be quoted as written.
//
// A timeframe is read as a sequence of clauses joined by connectors ("," "và" "hoặc"):
//   span        "Tháng 3 năm 2023", "Quý II/2021", "ngày 25/8/2024", "6 tháng đầu năm 2024"
//   range       "Từ tháng 3 đến tháng 12/2024", "tháng 3 - 12/2024"
//   open        a start with no end: "Kể từ tháng 7/2024", "bắt đầu từ Quý I/2024", "Năm 2024
//               trở đi", "Từ tháng 3/2024 đến khi kết thúc dự án" (the event is kept as text)
//   recurring   "Thường xuyên trong năm 2023", "Định kỳ hàng quý, năm", "Theo từng năm đến 2025",
//               "ngày 20 hằng tháng"
//   continuing  "các năm tiếp theo": what comes before repeats every year, with no end
//   periodic    "Theo định kỳ": repeated, but at no stated interval
//   on demand   "đột xuất", "theo yêu cầu", "khi có yêu cầu"
//   unscheduled "Theo kế hoạch …", "Theo tiến độ phê duyệt": timing set by another document
// A verb around the form ("Thực hiện thường xuyên.") is skipped. The clauses are then combined
// into one Timeframe, or into none (kUnknown) when the combination is not one of the forms
// below: a deadline is only given when the whole text has been placed. A cell giving one
// timeframe per actor, by line or ";", is read part by part.

namespace congkhai {
namespace {

using Kind = Timeframe::Kind;
using Cadence = Timeframe::Cadence;

struct Token {
  enum class Type { kWord, kNumber, kSymbol } type = Type::kWord;
  std::string text;     // folded word, digits, or one ASCII symbol
  int value = -1;       // numbers: the value, -1 when too long to matter
  std::size_t digits = 0;
  std::size_t begin = 0, end = 0;  // bytes in the NFC text
};

// Length of a Unicode space at `i` (no-break, en/em/thin spaces, zero-width), or 0.
std::size_t unicode_space(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (i + 1 < s.size() && at(i) == 0xC2 && at(i + 1) == 0xA0) return 2;
  if (i + 2 < s.size() && at(i) == 0xE2 && at(i + 1) == 0x80 &&
      ((at(i + 2) >= 0x80 && at(i + 2) <= 0x8B) || at(i + 2) == 0xAF))
    return 3;
  if (i + 2 < s.size() && at(i) == 0xEF && at(i + 1) == 0xBB && at(i + 2) == 0xBF) return 3;
  return 0;
}

// Length of an en or em dash at `i`, which people type for "-", or 0.
std::size_t unicode_dash(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (i + 2 < s.size() && at(i) == 0xE2 && at(i + 1) == 0x80 && (at(i + 2) == 0x93 || at(i + 2) == 0x94))
    return 3;
  return 0;
}

// Control characters (tabs, line breaks, stray NULs) separate words like spaces.
bool is_space(unsigned char c) { return c <= ' ' || c == 0x7F; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (is_space(c)) {
      ++i;
    } else if (std::size_t n = unicode_space(s, i)) {
      i += n;
    } else if (std::size_t n = unicode_dash(s, i)) {
      out.push_back({Token::Type::kSymbol, "-", -1, 0, i, i + n});
      i += n;
    } else if (is_digit(c)) {
      Token t{Token::Type::kNumber, "", 0, 0, i, i};
      while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) {
        t.text.push_back(s[i]);
        if (t.value >= 0) t.value = t.text.size() > 6 ? -1 : t.value * 10 + (s[i] - '0');
        ++i;
      }
      t.digits = t.text.size();
      t.end = i;
      out.push_back(std::move(t));
    } else if (c < 0x80 && !is_ascii_letter(c)) {
      out.push_back({Token::Type::kSymbol, std::string(1, s[i]), -1, 0, i, i + 1});
      ++i;
    } else {
      std::size_t b = i;
      while (i < s.size()) {
        auto d = static_cast<unsigned char>(s[i]);
        if (d < 0x80 ? !is_ascii_letter(d) : unicode_space(s, i) || unicode_dash(s, i)) break;
        ++i;
      }
      out.push_back({Token::Type::kWord, fold(s.substr(b, i - b)), -1, 0, b, i});
    }
  }
  return out;
}

// A stretch of calendar named by the text: a day, a month, a quarter, some months, a year.
struct Span {
  enum class Unit { kDay, kMonth, kQuarter, kMonths, kYear } unit = Unit::kYear;
  int year = 0;  // 0 until stated or filled in
  int first_month = 1, last_month = 12;
  int day = 0;   // kDay
  bool year_inferred = false;
  bool before = false;  // "trước tháng 10/2024": ends the day before it starts (not for a day)

  Date start() const { return unit == Unit::kDay ? Date{year, first_month, day} : Date{year, first_month, 1}; }
  Date end() const {
    if (unit == Unit::kDay) return Date{year, first_month, day};
    if (before) return civil_from_days(days_from_civil(start()) - 1);
    return end_of_month(year, last_month);
  }
  bool valid() const {
    return year > 0 && (unit != Unit::kDay || (day >= 1 && day <= days_in_month(year, first_month)));
  }
};

Span month_span(int m) { return Span{Span::Unit::kMonth, 0, m, m, 0, false}; }
Span quarter_span(int q) { return Span{Span::Unit::kQuarter, 0, q * 3 - 2, q * 3, 0, false}; }

struct Clause {
  enum class Type { kSpan, kRange, kOpen, kRecurring, kPeriodic, kContinuing } type = Type::kSpan;
  Span a, b;                      // kSpan, kOpen: a; kRange: a to b
  std::vector<Cadence> cadences;  // kRecurring
  int year = 0, until = 0;        // kRecurring: stated year, "đến 2025"
  int day = 0;                    // kRecurring: "ngày 20 hằng tháng"
  std::string event;              // kOpen: "đến khi kết thúc dự án", as written
};

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : t_(tokens) {}

  std::size_t pos = 0;
  bool at_end() const { return pos >= t_.size(); }

  bool is_word(std::string_view w, std::size_t ahead = 0) const {
    std::size_t k = pos + ahead;
    return k < t_.size() && t_[k].type == Token::Type::kWord && t_[k].text == w;
  }
  bool word(std::string_view w) {
    if (!is_word(w)) return false;
    ++pos;
    return true;
  }
  // All the words in order, or none consumed.
  bool words(std::initializer_list<std::string_view> ws) {
    std::size_t k = 0;
    for (auto w : ws)
      if (!is_word(w, k++)) return false;
    pos += ws.size();
    return true;
  }
  bool is_symbol(std::string_view set, std::size_t ahead = 0) const {
    std::size_t k = pos + ahead;
    return k < t_.size() && t_[k].type == Token::Type::kSymbol && set.find(t_[k].text[0]) != std::string_view::npos;
  }
  bool symbol(std::string_view set) {
    if (!is_symbol(set)) return false;
    ++pos;
    return true;
  }
  bool is_number(std::size_t ahead = 0) const {
    std::size_t k = pos + ahead;
    return k < t_.size() && t_[k].type == Token::Type::kNumber;
  }
  bool is_year(std::size_t ahead = 0) const {
    std::size_t k = pos + ahead;
    return is_number(ahead) && t_[k].digits == 4 && t_[k].value >= 1900 && t_[k].value <= 2200;
  }
  // A number in [lo, hi] of at most two digits (days, months, quarters).
  bool small(int lo, int hi, int* out) {
    if (!is_number() || t_[pos].digits > 2 || t_[pos].value < lo || t_[pos].value > hi) return false;
    *out = t_[pos++].value;
    return true;
  }
  bool year(int* out) {
    if (!is_year()) return false;
    *out = t_[pos++].value;
    return true;
  }
  const Token& token(std::size_t k) const { return t_[k]; }
  Parser& advance(std::size_t n) {
    pos += n;
    return *this;
  }
  std::size_t size() const { return t_.size(); }

 private:
  const std::vector<Token>& t_;
};

bool is_connector(const Parser& p) {
  return p.is_symbol(",;.-/():&+") || p.is_word("va") || p.is_word("hoac") || p.is_word("hay");
}

void skip_connectors(Parser& p) {
  while (!p.at_end() && is_connector(p)) ++p.pos;
}

bool at_clause_end(const Parser& p) { return p.at_end() || is_connector(p); }

// "/2021", "-2021", "năm 2023", "nam 2023" after a month or quarter.
bool year_suffix(Parser& p, int* year) {
  std::size_t save = p.pos;
  if ((p.symbol("/-.") || p.word("nam")) && p.year(year)) return true;
  p.pos = save;
  return false;
}

// "I".."IV", "1".."4", or the numeral spelt out.
bool quarter_index(Parser& p, int* q) {
  static const std::pair<std::string_view, int> kNames[] = {
      {"i", 1}, {"ii", 2}, {"iii", 3}, {"iv", 4}, {"mot", 1}, {"nhat", 1},
      {"hai", 2}, {"ba", 3}, {"bon", 4}, {"tu", 4}};
  for (auto [name, value] : kNames) {
    if (p.word(name)) {
      *q = value;
      return true;
    }
  }
  return p.small(1, 4, q);
}

// Forms that start with a number: "25/8/2024", "15/3", "3/2024", "15 tháng 3 năm 2024",
// "6 tháng đầu năm 2024", "2023". `had_ngay`: the word "ngày" came first, so it is a day.
std::optional<Span> numeric_span(Parser& p, bool had_ngay) {
  std::size_t save = p.pos;
  int a = 0, b = 0, y = 0;
  if (!had_ngay && p.year(&y)) return Span{Span::Unit::kYear, y, 1, 12, 0, false};
  if (!p.small(1, 31, &a)) return std::nullopt;
  std::size_t after_a = p.pos;
  if (p.is_symbol("/-.")) {
    std::string sep = p.token(p.pos).text;
    ++p.pos;
    if (!had_ngay && a <= 12 && p.year(&y)) return Span{Span::Unit::kMonth, y, a, a, 0, false};
    if (p.small(1, 12, &b)) {
      Span s{Span::Unit::kDay, 0, b, b, a, false};
      std::size_t before_year = p.pos;
      if (p.symbol(sep) && p.year(&s.year)) return s;
      p.pos = before_year;
      if (!p.is_symbol("/-.") || p.is_symbol("-")) return s;  // "15/3", or "15/3 - 30/6"
    }
    p.pos = save;
    return std::nullopt;
  }
  p.pos = after_a;
  if (p.word("thang")) {
    std::size_t after_thang = p.pos;
    if (p.small(1, 12, &b)) {
      Span s{Span::Unit::kDay, 0, b, b, a, false};
      year_suffix(p, &s.year);
      return s;
    }
    p.pos = after_thang;
    // "6 tháng đầu năm", "6 tháng cuối năm"
    if (!had_ngay && a >= 1 && a <= 12 && (p.is_word("dau") || p.is_word("cuoi")) && p.is_word("nam", 1)) {
      bool first = p.word("dau");
      if (!first) p.word("cuoi");
      p.word("nam");
      Span s{Span::Unit::kMonths, 0, first ? 1 : 13 - a, first ? a : 12, 0, false};
      if (!p.year(&s.year)) year_suffix(p, &s.year);
      return s;
    }
  }
  p.pos = save;
  return std::nullopt;
}

std::optional<Span> span(Parser& p) {
  std::size_t save = p.pos;
  bool had_ngay = p.word("ngay");
  if (p.is_number()) {
    if (auto s = numeric_span(p, had_ngay)) return s;
    p.pos = save;
    return std::nullopt;
  }
  if (had_ngay) {
    p.pos = save;
    return std::nullopt;
  }
  int n = 0;
  if (p.word("thang")) {
    if (p.small(1, 12, &n)) {
      Span s = month_span(n);
      year_suffix(p, &s.year);
      return s;
    }
  } else if (p.word("quy") || p.word("qui")) {
    if (quarter_index(p, &n)) {
      Span s = quarter_span(n);
      year_suffix(p, &s.year);
      return s;
    }
  } else if (p.words({"nua", "dau", "nam"}) || p.words({"nua", "cuoi", "nam"})) {
    bool first = p.token(p.pos - 2).text == "dau";
    Span s{Span::Unit::kMonths, 0, first ? 1 : 7, first ? 6 : 12, 0, false};
    if (!p.year(&s.year)) year_suffix(p, &s.year);
    return s;
  } else if (p.word("nam")) {
    Span s;
    if (p.year(&s.year) || at_clause_end(p)) return s;  // a bare "năm" is the plan year
  }
  p.pos = save;
  return std::nullopt;
}

// Words that may come before a date without changing it: "chậm nhất", "trước", "trong",
// "hoàn thành", "dự kiến", "đến hết", "cuối" ("cuối tháng 3" ends with the month anyway).
bool is_deadline_word(const Parser& p) {
  static const std::string_view kWords[] = {"cham", "nhat", "truoc", "han", "chot", "thoi",
                                            "khong", "qua", "muon", "hon", "trong", "vong",
                                            "vao", "du", "kien", "hoan", "thanh", "den",
                                            "het", "cuoi", "ca", "la", "xong", "giai", "doan"};
  for (auto w : kWords)
    if (p.is_word(w)) return true;
  return p.is_symbol(":");
}

// "trước tháng 10/2024" ends on 30 September; "trước ngày 30/6" is read as 30 June, as meant.
std::optional<Span> prefixed_span(Parser& p) {
  std::size_t save = p.pos;
  bool before = false;
  while (!p.at_end() && is_deadline_word(p)) before |= p.token(p.pos++).text == "truoc";
  if (auto s = span(p)) {
    s->before = before && s->unit != Span::Unit::kDay;
    return s;
  }
  p.pos = save;
  return std::nullopt;
}

// A span whose unit word is left out because the one before it had it:
// "Quý I, II, III" or "tháng 3 - 12".
std::optional<Span> elided_span(Parser& p, Span::Unit unit) {
  std::size_t save = p.pos;
  int n = 0;
  Span s;
  if (unit == Span::Unit::kQuarter && quarter_index(p, &n)) {
    s = quarter_span(n);
  } else if (unit == Span::Unit::kMonth && p.small(1, 12, &n)) {
    s = month_span(n);
  } else {
    return std::nullopt;
  }
  year_suffix(p, &s.year);
  // "3/2" is a day, not an elided month.
  if (!s.year && p.is_symbol("/.")) {
    p.pos = save;
    return std::nullopt;
  }
  return s;
}

// Collapses runs of white space (line breaks too) into one space and trims.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = is_space(static_cast<unsigned char>(s[i])) ? 1 : unicode_space(s, i);
    if (n) {
      space = !out.empty();
      i += n;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(s[i++]);
  }
  return out;
}

// "Từ", "Kể từ", "Bắt đầu (kể) từ": a start.
bool start_words(Parser& p) {
  if (p.word("tu") || p.words({"ke", "tu"})) return true;
  if (!p.words({"bat", "dau"})) return false;
  if (!p.words({"ke", "tu"})) p.word("tu");
  return true;
}

// "trở đi", "trở về sau", "về sau": from then on, with no end.
bool onwards(Parser& p) { return p.words({"tro", "di"}) || p.words({"tro", "ve", "sau"}) || p.words({"ve", "sau"}); }

// "(cho) đến khi kết thúc …", "tới lúc …": an end that is an event, not a date. Takes the rest
// of the text, kept as written.
bool event_end(Parser& p, const std::string& nfc, std::string* event) {
  std::size_t save = p.pos;
  p.word("cho");
  if ((p.word("den") || p.word("toi")) && (p.is_word("khi") || p.is_word("luc"))) {
    *event = collapse_spaces(std::string_view(nfc).substr(p.token(save).begin));
    p.pos = p.size();
    return true;
  }
  p.pos = save;
  return false;
}

std::optional<Clause> range_clause(Parser& p, const std::string& nfc) {
  std::size_t save = p.pos;
  bool had_start = start_words(p);
  // "Từ nay đến hết năm 2023": only the end is a date.
  if (had_start && p.word("nay")) {
    if (p.word("den") || p.symbol("-")) {
      if (auto b = prefixed_span(p)) return Clause{Clause::Type::kSpan, *b, {}, {}, 0, 0, 0, {}};
    }
    p.pos = save;
    return std::nullopt;
  }
  auto a = prefixed_span(p);
  if (!a) {
    p.pos = save;
    return std::nullopt;
  }
  Clause c{Clause::Type::kRange, *a, {}, {}, 0, 0, 0, {}};
  std::size_t after_a = p.pos;
  if (event_end(p, nfc, &c.event)) {
    c.type = Clause::Type::kOpen;
    return c;
  }
  if (p.word("den") || p.symbol("-")) {
    auto b = prefixed_span(p);
    if (!b) b = elided_span(p, a->unit);
    if (b) {
      c.b = *b;
      return c;
    }
  }
  p.pos = after_a;
  // "Từ tháng 3/2024" with no end, "Năm 2024 trở đi": from then on. No end is made up.
  if (onwards(p) || had_start) {
    c.type = Clause::Type::kOpen;
    return c;
  }
  p.pos = save;
  return std::nullopt;
}

// "các năm tiếp theo", "những năm tiếp theo", "các năm sau", "các năm kế tiếp".
bool continuing_clause(Parser& p) {
  std::size_t save = p.pos;
  if ((p.word("cac") || p.word("nhung")) && p.word("nam") &&
      (p.words({"tiep", "theo"}) || p.words({"ke", "tiep"}) || p.word("tiep") || p.word("sau")))
    return true;
  p.pos = save;
  return false;
}

// Words around the form that do not change it: "Thực hiện thường xuyên", "Triển khai từ tháng
// 3", "Thời gian thực hiện: Quý I".
void skip_lead_words(Parser& p) {
  for (;;) {
    if (p.words({"thuc", "hien"}) || p.words({"trien", "khai"}) || p.words({"to", "chuc"}) ||
        p.words({"duy", "tri"}) || p.words({"thoi", "gian"}) || p.words({"thoi", "han"}) || p.symbol(":"))
      continue;
    return;
  }
}

Cadence cadence_of(const std::string& w) {
  if (w == "thang") return Cadence::kMonthly;
  if (w == "quy" || w == "qui") return Cadence::kQuarterly;
  if (w == "nam") return Cadence::kYearly;
  if (w == "ngay" || w == "tuan") return Cadence::kContinuous;  // daily and weekly read as ongoing
  return Cadence::kNone;
}

Cadence cadence_at(const Parser& p) {
  if (p.at_end() || p.token(p.pos).type != Token::Type::kWord) return Cadence::kNone;
  return cadence_of(p.token(p.pos).text);
}

// "hàng quý, năm", "hằng tháng", "từng năm", "hàng quý và hàng năm"; after "theo" or
// "định kỳ" the cadence may stand alone ("theo quý"), but not inside a phrase ("theo quy định")
// or before a year ("theo năm 2023").
bool cadence_list(Parser& p, bool bare_ok, std::vector<Cadence>* out) {
  std::size_t save = p.pos;
  bool bare = !(p.word("hang") || p.word("tung") || p.word("moi"));
  Cadence first = cadence_at(p);
  bool stands_alone = p.pos + 1 >= p.size() || (is_connector(Parser(p).advance(1)) && !p.is_year(2));
  if (first == Cadence::kNone || (bare && !(bare_ok && stands_alone))) {
    p.pos = save;
    return false;
  }
  ++p.pos;
  out->push_back(first);
  for (;;) {
    std::size_t before = p.pos;
    bool joined = p.symbol(",") || p.word("va");
    if (!p.word("hang")) p.word("tung");
    Cadence c = cadence_at(p);
    // "hàng quý, năm 2023": that "năm" states the year, it is not another cadence.
    if (!joined || c == Cadence::kNone || (c == Cadence::kYearly && p.is_year(1))) {
      p.pos = before;
      return true;
    }
    ++p.pos;
    out->push_back(c);
  }
}

// Optional words, any of them, once each in order.
void optional_words(Parser& p, std::initializer_list<std::string_view> ws) {
  for (auto w : ws) p.word(w);
}

// "trong năm 2023", ", năm 2023", "/2023", "2023".
bool recurring_year(Parser& p, int* year) {
  std::size_t save = p.pos;
  p.symbol(",");
  if (!p.word("trong") && !p.word("ca")) p.word("cua");
  if (!p.word("nam")) p.symbol("/");
  if (p.year(year)) return true;
  p.pos = save;
  return false;
}

// "đến 2025", "đến hết năm 2025".
bool recurring_until(Parser& p, int* year) {
  std::size_t save = p.pos;
  if (p.word("den")) {
    optional_words(p, {"het", "nam"});
    if (p.year(year)) return true;
  }
  p.pos = save;
  return false;
}

std::optional<Clause> recurring_clause(Parser& p) {
  std::size_t save = p.pos;
  Clause c{Clause::Type::kRecurring, {}, {}, {}, 0, 0, 0, {}};
  bool theo = p.word("theo");
  bool dinh_ky = p.words({"dinh", "ky"});
  if (p.words({"thuong", "xuyen"}) || p.words({"lien", "tuc"}) || p.words({"quanh", "nam"})) {
    c.cadences.push_back(Cadence::kContinuous);
    // "thường xuyên, liên tục"
    std::size_t before = p.pos;
    if (!p.symbol(",")) p.word("va");
    if (!p.words({"lien", "tuc"}) && !p.words({"thuong", "xuyen"})) p.pos = before;
  } else if (!cadence_list(p, theo || dinh_ky, &c.cadences)) {
    if (dinh_ky) return Clause{Clause::Type::kPeriodic, {}, {}, {}, 0, 0, 0, {}};
    p.pos = save;
    return std::nullopt;
  }
  recurring_year(p, &c.year);
  recurring_until(p, &c.until);
  return c;
}

// "ngày 20 hằng tháng", "trước ngày 03 hàng tháng".
std::optional<Clause> day_of_month_clause(Parser& p) {
  std::size_t save = p.pos;
  while (!p.at_end() && is_deadline_word(p)) ++p.pos;
  int day = 0;
  if (p.word("ngay") && p.small(1, 31, &day) && (p.word("hang") || p.word("moi")) && p.word("thang")) {
    Clause c{Clause::Type::kRecurring, {}, {}, {Cadence::kMonthly}, 0, 0, day, {}};
    recurring_year(p, &c.year);
    recurring_until(p, &c.until);
    return c;
  }
  p.pos = save;
  return std::nullopt;
}

bool on_demand_clause(Parser& p) {
  return p.words({"dot", "xuat"}) || p.words({"theo", "yeu", "cau"}) ||
         p.words({"khi", "co", "yeu", "cau"}) || p.words({"khi", "can", "thiet"}) ||
         p.words({"khi", "phat", "sinh"}) || p.words({"khi", "co", "phat", "sinh"}) ||
         p.words({"theo", "dot", "xuat"});
}

// Timing set elsewhere: "Theo kế hoạch cụ thể", "Theo tiến độ phê duyệt", "Khi có văn bản …".
// Takes the rest of the text.
bool unscheduled_clause(Parser& p) {
  if (p.word("theo") || p.words({"tuy", "theo"}) || p.words({"can", "cu"}) || p.word("khi") ||
      p.words({"sau", "khi"})) {
    p.pos = p.size();
    return true;
  }
  return false;
}

bool is_date_word(const Token& t) {
  if (t.type == Token::Type::kNumber) return true;
  static const std::string_view kWords[] = {"thang", "quy", "qui", "ngay", "nam", "tu", "den"};
  for (auto w : kWords)
    if (t.type == Token::Type::kWord && t.text == w) return true;
  return false;
}

// Words that say when, in text left over after a deadline: a number, a unit of time, a
// cadence, an open end. "Tháng 3/2024 đối với cấp xã, tháng 6/2024 đối với cấp huyện" and
// "Tháng 12/2024, sau đó thực hiện hằng năm" have them; "và theo Kế hoạch của UBND tỉnh" does not.
bool says_when(const Parser& p, std::size_t k) {
  const Token& t = p.token(k);
  if (t.type == Token::Type::kNumber) return true;
  if (t.type != Token::Type::kWord) return false;
  // "quý" before a number, not in "quy định", "quy trình".
  if (t.text == "quy" || t.text == "qui") {
    Parser q = p;
    q.pos = k + 1;
    int n = 0;
    return quarter_index(q, &n);
  }
  static const std::string_view kWords[] = {"thang", "ngay", "nam", "tuan"};
  if (std::find(std::begin(kWords), std::end(kWords), t.text) != std::end(kWords)) return true;
  // Pairs, so that "quy định mới", "liên quan", "tiếp tục" say nothing of time.
  static const std::pair<std::string_view, std::string_view> kPairs[] = {
      {"hang", "thang"}, {"hang", "quy"}, {"hang", "nam"}, {"hang", "tuan"}, {"hang", "ngay"},
      {"moi", "thang"},  {"moi", "quy"},  {"moi", "nam"},  {"tung", "nam"},  {"tung", "quy"},
      {"tung", "thang"}, {"dinh", "ky"},  {"thuong", "xuyen"}, {"lien", "tuc"}, {"tiep", "theo"},
      {"tro", "di"},     {"tro", "ve"},   {"ket", "thuc"}, {"ve", "sau"}};
  Parser q = p;
  q.pos = k;
  for (auto [a, b] : kPairs)
    if (q.words({a, b})) return true;
  return false;
}

// Text left over after the recognised clauses, from token `from`: kept as the qualifier unless
// it looks like a date the parser failed on ("và tháng 13"), which makes the whole text unknown.
// `first` is set to the qualifier's first token.
bool qualifier_of(const Parser& p, const std::string& nfc, std::size_t from, std::string* out, std::size_t* first) {
  Parser q = p;
  q.pos = from;
  while (q.symbol(",;.-:/&+")) {
  }
  *first = q.pos;
  while (!q.at_end() && (is_connector(q) || q.token(q.pos).type == Token::Type::kSymbol)) ++q.pos;
  std::size_t k = q.pos;
  if (k < p.size() && is_date_word(p.token(k))) return false;
  if (*first >= p.size()) return true;
  *out = collapse_spaces(std::string_view(nfc).substr(p.token(*first).begin));
  return true;
}

bool has(const std::vector<Cadence>& cs, Cadence c) { return std::find(cs.begin(), cs.end(), c) != cs.end(); }

void add_unique(std::vector<Cadence>* cs, Cadence c) {
  if (!has(*cs, c)) cs->push_back(c);
}

// Fills years the text leaves out: from the next stated year ("Quý I, Quý II và năm 2023"),
// else the previous one, else the plan year.
bool fill_years(std::vector<Span*>& spans, int plan_year) {
  // The next year given after each span, found in one pass from the end rather than by a scan
  // per span.
  std::vector<int> next(spans.size() + 1, 0);
  for (std::size_t i = spans.size(); i-- > 0;) next[i] = spans[i]->year ? spans[i]->year : next[i + 1];
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i]->year) continue;
    int y = next[i + 1] ? next[i + 1] : i ? spans[i - 1]->year : plan_year;
    if (y <= 0) return false;
    spans[i]->year = y;
    spans[i]->year_inferred = true;
  }
  return true;
}

Timeframe unknown(std::string_view raw) {
  Timeframe t;
  t.raw = std::string(raw);
  return t;
}

// The dates a recurring duty falls due in years first..last, on or after `from`: the ends of
// its months, quarters or years, or of its window.
std::vector<Date> recurring_checkpoints(const Timeframe& t, int first, int last, const Date& from) {
  std::vector<Date> out;
  bool monthly = has(t.cadences, Cadence::kMonthly);
  bool quarterly = has(t.cadences, Cadence::kQuarterly);
  bool yearly = has(t.cadences, Cadence::kYearly);
  const Timeframe::Window& w = t.window;
  for (int y = first; y <= last; ++y) {
    for (int m = 1; m <= 12; ++m) {
      Date d;
      if (!w.empty()) {
        bool in_month = w.first_month ? m == w.last_month : monthly;
        if (!in_month) continue;
        d = w.day ? Date{y, m, std::min(w.day, days_in_month(y, m))} : end_of_month(y, m);
      } else if (monthly || (quarterly && m % 3 == 0) || (yearly && m == 12)) {
        d = end_of_month(y, m);
      } else {
        continue;
      }
      if (!(d < from)) out.push_back(d);
    }
  }
  return out;
}

// A recurring duty in `year` (through `until`), or, with `from`, from that day on with no end.
Timeframe recurring(std::vector<Cadence> cadences, Timeframe::Window window, int year, int until,
                    std::optional<Date> from, int plan_year) {
  Timeframe t;
  t.kind = Kind::kRecurring;
  t.cadences = std::move(cadences);
  t.window = window;
  if (from) {
    t.start = from;
    // Open-ended: its dates through the plan's year, never a last one.
    t.checkpoints = recurring_checkpoints(t, from->year, std::max(from->year, plan_year), *from);
    return t;
  }
  if (!year) year = plan_year;
  if (year <= 0) return t;
  int last = until ? until : year;
  int first = std::min(year, last);
  t.start = Date{first, 1, 1};
  t.due = Date{last, 12, 31};
  t.checkpoints = recurring_checkpoints(t, first, last, *t.start);
  return t;
}

// The part of each year a span or a range names: "tháng 12" → 12..12, "Quý IV" → 10..12,
// "ngày 15/12" → day 15 of 12; none for a whole year or a range across years.
std::optional<Timeframe::Window> window_of(const Span& a, const Span* b) {
  const Span& last = b ? *b : a;
  if (a.unit == Span::Unit::kYear || last.unit == Span::Unit::kYear || a.before || last.before) return std::nullopt;
  Timeframe::Window w{a.first_month, last.unit == Span::Unit::kDay ? last.first_month : last.last_month,
                      last.unit == Span::Unit::kDay ? last.day : 0};
  if (w.first_month > w.last_month || w.day > days_in_month(2024, w.last_month)) return std::nullopt;
  return w;
}

// The first day of a span, its year filled from the plan when left out.
std::optional<Date> start_of(Span s, int plan_year) {
  if (!s.year) s.year = plan_year;
  if (!s.valid()) return std::nullopt;
  return s.start();
}

std::string dmy(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::string dm(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d", d.day, d.month);
  return buf;
}

std::string cadence_vi(Cadence c) {
  switch (c) {
    case Cadence::kContinuous: return "thường xuyên";
    case Cadence::kMonthly: return "hằng tháng";
    case Cadence::kQuarterly: return "hằng quý";
    case Cadence::kYearly: return "hằng năm";
    case Cadence::kOnDemand: return "khi có yêu cầu";
    case Cadence::kNone: break;
  }
  return "";
}

// "a", "a và b", "a, b và c".
std::string join_vi(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += i + 1 == parts.size() ? " và " : ", ";
    out += parts[i];
  }
  return out;
}

// "vào tháng 12", "từ tháng 3 đến tháng 5", "vào ngày 15/12", "vào ngày 20" (of each month).
std::string window_vi(const Timeframe::Window& w) {
  if (!w.first_month) return "vào ngày " + std::to_string(w.day);
  if (w.day) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "vào ngày %02d/%02d", w.day, w.last_month);
    return buf;
  }
  if (w.first_month == w.last_month) return "vào tháng " + std::to_string(w.last_month);
  return "từ tháng " + std::to_string(w.first_month) + " đến tháng " + std::to_string(w.last_month);
}

// "năm 2024" for 1 January, else the day.
std::string since_vi(const Date& d) {
  return d.month == 1 && d.day == 1 ? "năm " + std::to_string(d.year) : dmy(d);
}

std::string describe_recurring(const Timeframe& t) {
  std::vector<std::string> parts;
  for (Cadence c : t.cadences)
    if (c != Cadence::kNone) parts.push_back(cadence_vi(c));
  std::string out = join_vi(parts);
  if (!t.window.empty()) out += " " + window_vi(t.window);
  bool continuous = has(t.cadences, Cadence::kContinuous);
  if (t.start && !t.due) {
    out += " kể từ " + since_vi(*t.start);
  } else if (t.start && t.due) {
    if (t.start->year != t.due->year)
      out += " đến năm " + std::to_string(t.due->year);
    else if (continuous)
      out += " trong năm " + std::to_string(t.due->year);
  }
  return out;
}

// "31/03, 30/06, 30/09, 31/12/2023": the year once, after the last date of each year.
std::string describe_checkpoints(const std::vector<Date>& ds) {
  std::string out = "các mốc: ";
  for (std::size_t i = 0; i < ds.size(); ++i) {
    if (i) out += ", ";
    bool last_of_year = i + 1 == ds.size() || ds[i + 1].year != ds[i].year;
    out += last_of_year ? dmy(ds[i]) : dm(ds[i]);
  }
  return out;
}

std::string first_word(const std::string& text) { return fold(text.substr(0, text.find(' '))); }

// Whether a qualifier continues the summary as a phrase ("và theo Kế hoạch …", "(sau khi …)",
// "đến khi kết thúc …") rather than as a separate remark ("thời gian cụ thể theo hướng dẫn").
bool reads_on(const std::string& qualifier) {
  if (qualifier.empty() || qualifier[0] == '(') return true;
  static const std::string_view kWords[] = {"va", "hoac", "hay", "theo", "sau", "truoc", "khi", "kem",
                                            "den", "cho", "toi"};
  std::string first = first_word(qualifier);
  return std::find(std::begin(kWords), std::end(kWords), first) != std::end(kWords);
}

// An open period's qualifier that is its end: "đến khi kết thúc dự án".
bool is_event_end(const std::string& qualifier) {
  std::string first = first_word(qualifier);
  return first == "den" || first == "cho" || first == "toi";
}

// One timeframe, without splitting by actor.
Timeframe parse_one(std::string_view raw, const std::string& nfc, int plan_year) {
  const std::vector<Token> tokens = tokenize(nfc);
  Parser p(tokens);

  std::vector<Clause> clauses;
  bool on_demand = false, unscheduled = false, continuing = false;
  std::optional<std::size_t> tail;  // first token of text left over after the clauses
  auto has_dates = [&] {
    return std::any_of(clauses.begin(), clauses.end(), [](const Clause& c) {
      return c.type != Clause::Type::kPeriodic && c.type != Clause::Type::kContinuing;
    });
  };
  while (!p.at_end()) {
    std::size_t before = p.pos;
    skip_connectors(p);
    skip_lead_words(p);
    skip_connectors(p);
    if (p.at_end()) break;
    if (on_demand_clause(p)) {
      on_demand = true;
      continue;
    }
    if (continuing_clause(p)) {
      continuing = true;
      continue;
    }
    if (auto c = recurring_clause(p)) {
      clauses.push_back(*c);
      continue;
    }
    if (auto c = day_of_month_clause(p)) {
      clauses.push_back(*c);
      continue;
    }
    if (auto c = range_clause(p, nfc)) {
      clauses.push_back(*c);
      continue;
    }
    if (auto s = prefixed_span(p)) {
      clauses.push_back(Clause{Clause::Type::kSpan, *s, {}, {}, 0, 0, 0, {}});
      continue;
    }
    if (!clauses.empty() && clauses.back().type == Clause::Type::kSpan) {
      if (auto s = elided_span(p, clauses.back().a.unit)) {
        clauses.push_back(Clause{Clause::Type::kSpan, *s, {}, {}, 0, 0, 0, {}});
        continue;
      }
    }
    // "Năm 2024 trở đi": the span before is a start.
    if (!clauses.empty() && clauses.back().type == Clause::Type::kSpan && onwards(p)) {
      clauses.back().type = Clause::Type::kOpen;
      continue;
    }
    // After a date, "theo Kế hoạch của UBND tỉnh" qualifies it rather than replacing it.
    if (!has_dates() && unscheduled_clause(p)) {
      unscheduled = true;
      continue;
    }
    tail = before;
    break;
  }

  int spans = 0, ranges = 0, opens = 0, recurrings = 0;
  bool periodic = false;
  std::vector<Cadence> cadences;
  int year = 0, until = 0, day = 0;
  Clause* span_clause = nullptr;  // the last span, range or open clause
  for (Clause& c : clauses) {
    switch (c.type) {
      case Clause::Type::kSpan: ++spans; span_clause = &c; break;
      case Clause::Type::kRange: ++ranges; span_clause = &c; break;
      case Clause::Type::kOpen: ++opens; span_clause = &c; break;
      case Clause::Type::kRecurring:
        ++recurrings;
        for (Cadence cad : c.cadences) add_unique(&cadences, cad);
        if (c.year) year = c.year;
        if (c.until) until = c.until;
        if (c.day) day = c.day;
        break;
      case Clause::Type::kPeriodic: periodic = true; break;
      case Clause::Type::kContinuing: break;
    }
  }
  bool dated = spans || ranges || opens || recurrings;

  Timeframe t;
  std::string qualifier;
  std::size_t qualifier_from = p.size();
  if (tail && (!dated || !qualifier_of(p, nfc, *tail, &qualifier, &qualifier_from))) return unknown(raw);
  if (continuing && !dated) return unknown(raw);
  const int dates = spans + ranges + opens;

  if (periodic && !recurrings) {
    // "Định kỳ hoặc đột xuất trong năm 2024": repeated within the year at no stated interval;
    // the year's end is not a deadline.
    t.kind = Kind::kUnscheduled;
  } else if (recurrings) {
    Timeframe::Window window;
    if (day) {
      if (dates || cadences != std::vector<Cadence>{Cadence::kMonthly}) return unknown(raw);
      window.day = day;
    }
    std::optional<Date> from;
    if (dates) {
      if (dates > 1 || !span_clause) return unknown(raw);
      Clause& c = *span_clause;
      if (c.type == Clause::Type::kOpen) {
        // "Hằng quý, bắt đầu từ Quý I/2024": repeated from then on.
        if (year || until) return unknown(raw);
        from = start_of(c.a, plan_year);
        if (!from) return unknown(raw);
        if (!c.event.empty()) qualifier = c.event;
      } else {
        // "Tháng 12 hằng năm", "Từ tháng 3 đến tháng 5 hằng năm": a window of every year. A
        // stated year or another cadence next to the dates is too ambiguous to guess.
        if (cadences != std::vector<Cadence>{Cadence::kYearly} || c.a.year ||
            (c.type == Clause::Type::kRange && c.b.year))
          return unknown(raw);
        auto w = window_of(c.a, c.type == Clause::Type::kRange ? &c.b : nullptr);
        if (!w) return unknown(raw);
        window = *w;
      }
    }
    if (continuing && !from) {
      // "Thường xuyên trong năm 2024 và các năm tiếp theo".
      if (until) return unknown(raw);
      int first = year ? year : plan_year;
      if (first <= 0) return unknown(raw);
      from = Date{first, 1, 1};
    }
    t = recurring(cadences, window, year, until, from, plan_year);
  } else if (opens) {
    if (dates > 1) return unknown(raw);
    // "Kể từ tháng 7/2024", "Từ tháng 3/2024 đến khi kết thúc dự án": a start, no end.
    auto from = start_of(span_clause->a, plan_year);
    if (!from) return unknown(raw);
    t.kind = Kind::kPeriod;
    t.start = from;
    if (!span_clause->event.empty()) qualifier = span_clause->event;
  } else if (continuing) {
    // "Năm 2024 và các năm tiếp theo", "Quý I/2024 và các năm tiếp theo": every year from then.
    if (dates > 1) return unknown(raw);
    Clause& c = *span_clause;
    if (c.type == Clause::Type::kRange && c.b.year && c.a.year && c.b.year != c.a.year) return unknown(raw);
    if (!c.a.year) c.a.year = c.type == Clause::Type::kRange && c.b.year ? c.b.year : plan_year;
    auto from = start_of(c.a, plan_year);
    if (!from) return unknown(raw);
    Timeframe::Window window;
    if (c.a.unit != Span::Unit::kYear) {
      auto w = window_of(c.a, c.type == Clause::Type::kRange ? &c.b : nullptr);
      if (!w) return unknown(raw);
      window = *w;
    } else if (c.type == Clause::Type::kRange) {
      return unknown(raw);
    }
    t = recurring({Cadence::kYearly}, window, 0, 0, from, plan_year);
  } else if (ranges) {
    if (ranges > 1 || spans) return unknown(raw);
    Clause& c = *span_clause;
    if (!c.a.year && c.b.year) c.a.year = c.b.year;
    if (!c.b.year && c.a.year) {
      c.b.year = c.a.year;
      c.b.year_inferred = true;
    }
    std::vector<Span*> ss = {&c.a, &c.b};
    if (!fill_years(ss, plan_year)) return unknown(raw);
    // "Từ tháng 11/2023 đến tháng 2": the end is in the next year.
    if (c.b.year_inferred && c.b.valid() && c.a.valid() && c.b.end() < c.a.start()) ++c.b.year;
    if (!c.a.valid() || !c.b.valid() || c.b.end() < c.a.start()) return unknown(raw);
    t.kind = Kind::kPeriod;
    t.start = c.a.start();
    t.due = c.b.end();
  } else if (spans) {
    std::vector<Span*> ss;
    for (Clause& c : clauses)
      if (c.type == Clause::Type::kSpan) ss.push_back(&c.a);
    if (!fill_years(ss, plan_year)) return unknown(raw);
    std::vector<Date> ends;
    for (const Span* s : ss) {
      if (!s->valid()) return unknown(raw);
      ends.push_back(s->end());
    }
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    if (ends.size() == 1) {
      t.kind = Kind::kDue;
      t.due = ends[0];
    } else {
      t.kind = Kind::kCheckpoints;
      t.checkpoints = std::move(ends);
    }
  } else if (unscheduled || periodic) {
    // "Theo định kỳ và đột xuất": repeated at no stated interval, so no date can be derived.
    t.kind = Kind::kUnscheduled;
  } else if (on_demand) {
    t.kind = Kind::kRecurring;
    t.cadences = {Cadence::kOnDemand};
  } else {
    return unknown(raw);
  }
  // A deadline stands only if nothing left over says when: "Tháng 12/2024, sau đó hằng năm".
  if (deadline_of(t))
    for (std::size_t k = qualifier_from; k < p.size(); ++k)
      if (says_when(p, k)) return unknown(raw);
  t.raw = std::string(raw);
  t.also_on_demand = on_demand;
  t.qualifier = std::move(qualifier);
  return t;
}

// "- UBND cấp xã: trước 15/11/2024;\n- UBND huyện: trước 30/11/2024": one timeframe per line or
// ";", each after an optional "who:" label. Every part must be understood; the parts then have
// each a deadline (the cell's dates are their deadlines, the last one the task's), or none.
std::optional<Timeframe> parse_by_actor(const std::string& nfc, int plan_year) {
  std::vector<std::string> segments(1);
  for (char c : nfc) {
    if (c == '\n' || c == '\r' || c == ';') segments.emplace_back();
    else segments.back().push_back(c);
  }
  std::vector<Timeframe> readings;
  std::vector<std::string> labels;
  for (const std::string& segment : segments) {
    std::string text = collapse_spaces(segment);
    std::size_t b = text.find_first_not_of("-+*. ");
    if (b == std::string::npos) continue;
    if (text.compare(b, 3, "\u2022") == 0 || text.compare(b, 3, "\u2013") == 0) b += 3;
    text = collapse_spaces(text.substr(b));
    if (text.empty()) continue;
    std::string label;
    std::size_t colon = text.find(':');
    if (colon != std::string::npos) {
      std::string who = collapse_spaces(text.substr(0, colon));
      bool named = !who.empty() && who.size() <= 120 &&
                   who.find_first_of("0123456789") == std::string::npos &&
                   parse_one(who, who, plan_year).kind == Kind::kUnknown;
      if (named) {
        label = who;
        text = collapse_spaces(text.substr(colon + 1));
      }
    }
    Timeframe r = parse_one(text, text, plan_year);
    if (r.kind == Kind::kUnknown) return std::nullopt;
    readings.push_back(std::move(r));
    labels.push_back(std::move(label));
  }
  if (readings.empty() || (readings.size() == 1 && labels[0].empty())) return std::nullopt;

  Timeframe t;
  std::size_t with_deadline = 0;
  for (const Timeframe& r : readings) with_deadline += deadline_of(r).has_value();
  if (with_deadline == readings.size()) {
    t.kind = Kind::kCheckpoints;
    for (const Timeframe& r : readings) t.checkpoints.push_back(*deadline_of(r));
    std::sort(t.checkpoints.begin(), t.checkpoints.end());
    t.checkpoints.erase(std::unique(t.checkpoints.begin(), t.checkpoints.end()), t.checkpoints.end());
  } else if (with_deadline == 0) {
    // Every part repeats or has no date: no deadline either.
    t.kind = Kind::kUnscheduled;
    for (const Timeframe& r : readings) {
      if (r.kind != Kind::kRecurring) continue;
      t.kind = Kind::kRecurring;
      for (Cadence c : r.cadences) add_unique(&t.cadences, c);
    }
  } else {
    return std::nullopt;  // a deadline for some and none for others: whose counts?
  }
  for (std::size_t i = 0; i < readings.size(); ++i) {
    t.also_on_demand |= readings[i].also_on_demand;
    std::string reading = describe_timeframe(readings[i]);
    t.parts.push_back(labels[i].empty() ? reading : labels[i] + ": " + reading);
  }
  return t;
}

}  // namespace

Timeframe parse_timeframe(std::string_view raw, int plan_year) {
  const std::string nfc = to_nfc(raw);
  Timeframe t = parse_one(raw, nfc, plan_year);
  if (t.kind != Kind::kUnknown) return t;
  if (auto by_actor = parse_by_actor(nfc, plan_year)) {
    by_actor->raw = std::string(raw);
    return *by_actor;
  }
  return t;
}

std::string describe_timeframe(const Timeframe& t) {
  if (!t.parts.empty()) {
    std::string out;
    for (const std::string& part : t.parts) out += (out.empty() ? "" : "; ") + part;
    return out;
  }
  std::string out;
  switch (t.kind) {
    case Kind::kDue:
      if (t.due) out = "hạn " + dmy(*t.due);
      break;
    case Kind::kPeriod:
      if (t.start && t.due) {
        out = "từ " + dmy(*t.start) + " đến " + dmy(*t.due);
      } else if (t.start) {
        out = "từ " + dmy(*t.start);
        if (!is_event_end(t.qualifier)) out += ", không ghi hạn kết thúc";
      }
      break;
    case Kind::kRecurring:
      out = describe_recurring(t);
      break;
    case Kind::kCheckpoints:
      if (!t.checkpoints.empty()) out = describe_checkpoints(t.checkpoints);
      break;
    case Kind::kUnscheduled:
      return "không có thời hạn cố định";
    case Kind::kUnknown:
      return "";
  }
  if (t.also_on_demand && !has(t.cadences, Cadence::kOnDemand) && !out.empty()) out += " hoặc đột xuất";
  if (!t.qualifier.empty() && !out.empty()) out += (reads_on(t.qualifier) ? " " : ", ") + t.qualifier;
  return out;
}

std::optional<Date> deadline_of(const Timeframe& t) {
  switch (t.kind) {
    case Kind::kDue:
    case Kind::kPeriod:
      return t.due;
    case Kind::kCheckpoints:
      if (t.checkpoints.empty()) return std::nullopt;
      return t.checkpoints.back();
    case Kind::kRecurring:
    case Kind::kUnscheduled:
    case Kind::kUnknown:
      break;
  }
  return std::nullopt;
}

bool is_open_ended(const Timeframe& t) {
  return (t.kind == Kind::kPeriod || t.kind == Kind::kRecurring) && t.start && !t.due;
}

void add_inputs(InputHasher& h, const Timeframe& t) {
  h.integer(static_cast<int>(t.kind));
  h.text(t.raw);
  h.date(t.start);
  h.date(t.due);
  h.u64(t.checkpoints.size());
  for (const Date& d : t.checkpoints) h.date(d);
  h.u64(t.cadences.size());
  for (auto c : t.cadences) h.integer(static_cast<int>(c));
  h.integer(t.window.first_month);
  h.integer(t.window.last_month);
  h.integer(t.window.day);
  h.flag(t.also_on_demand);
  h.text(t.qualifier);
  h.texts(t.parts);
}

}  // namespace congkhai
