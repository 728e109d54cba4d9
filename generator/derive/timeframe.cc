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
//   recurring   "Thường xuyên trong năm 2023", "Định kỳ hàng quý, năm", "Theo từng năm đến 2025"
//   periodic    "Theo định kỳ": repeated, but at no stated interval
//   on demand   "đột xuất", "theo yêu cầu", "khi có yêu cầu"
//   unscheduled "Theo kế hoạch …", "Theo tiến độ phê duyệt": timing set by another document
// then the clauses are combined into one Timeframe.

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

  Date start() const { return unit == Unit::kDay ? Date{year, first_month, day} : Date{year, first_month, 1}; }
  Date end() const { return unit == Unit::kDay ? Date{year, first_month, day} : end_of_month(year, last_month); }
  bool valid() const {
    return year > 0 && (unit != Unit::kDay || (day >= 1 && day <= days_in_month(year, first_month)));
  }
};

Span month_span(int m) { return Span{Span::Unit::kMonth, 0, m, m, 0, false}; }
Span quarter_span(int q) { return Span{Span::Unit::kQuarter, 0, q * 3 - 2, q * 3, 0, false}; }

struct Clause {
  enum class Type { kSpan, kRange, kRecurring, kPeriodic } type = Type::kSpan;
  Span a, b;                      // kSpan: a; kRange: a to b
  std::vector<Cadence> cadences;  // kRecurring
  int year = 0, until = 0;        // kRecurring: stated year, "đến 2025"
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
                                            "het", "cuoi", "ca", "la"};
  for (auto w : kWords)
    if (p.is_word(w)) return true;
  return p.is_symbol(":");
}

std::optional<Span> prefixed_span(Parser& p) {
  std::size_t save = p.pos;
  while (!p.at_end() && is_deadline_word(p)) ++p.pos;
  if (auto s = span(p)) return s;
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

std::optional<Clause> range_clause(Parser& p) {
  std::size_t save = p.pos;
  bool had_tu = p.word("tu");
  auto a = prefixed_span(p);
  if (!a) {
    p.pos = save;
    return std::nullopt;
  }
  Clause c{Clause::Type::kRange, *a, {}, {}, 0, 0};
  std::size_t after_a = p.pos;
  if (p.word("den") || p.symbol("-")) {
    auto b = prefixed_span(p);
    if (!b) b = elided_span(p, a->unit);
    if (b) {
      c.b = *b;
      return c;
    }
  }
  p.pos = after_a;
  if (!had_tu) {
    p.pos = save;
    return std::nullopt;
  }
  // "Từ tháng 3/2024" with no end: through the end of that year.
  c.b = Span{Span::Unit::kYear, a->year, 12, 12, 0, false};
  return c;
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
  Clause c{Clause::Type::kRecurring, {}, {}, {}, 0, 0};
  bool theo = p.word("theo");
  bool dinh_ky = p.words({"dinh", "ky"});
  if (p.words({"thuong", "xuyen"}) || p.words({"lien", "tuc"}) || p.words({"quanh", "nam"})) {
    c.cadences.push_back(Cadence::kContinuous);
    // "thường xuyên, liên tục"
    std::size_t before = p.pos;
    if (!p.symbol(",")) p.word("va");
    if (!p.words({"lien", "tuc"}) && !p.words({"thuong", "xuyen"})) p.pos = before;
  } else if (!cadence_list(p, theo || dinh_ky, &c.cadences)) {
    if (dinh_ky) return Clause{Clause::Type::kPeriodic, {}, {}, {}, 0, 0};
    p.pos = save;
    return std::nullopt;
  }
  recurring_year(p, &c.year);
  recurring_until(p, &c.until);
  return c;
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

bool is_date_word(const Token& t) {
  if (t.type == Token::Type::kNumber) return true;
  static const std::string_view kWords[] = {"thang", "quy", "qui", "ngay", "nam", "tu", "den"};
  for (auto w : kWords)
    if (t.type == Token::Type::kWord && t.text == w) return true;
  return false;
}

// Text left over after the recognised clauses, from token `from`: kept as the qualifier unless
// it looks like a date the parser failed on ("và tháng 13"), which makes the whole text unknown.
bool qualifier_of(const Parser& p, const std::string& nfc, std::size_t from, std::string* out) {
  Parser q = p;
  q.pos = from;
  while (q.symbol(",;.-:/&+")) {
  }
  std::size_t first = q.pos;
  while (!q.at_end() && (is_connector(q) || q.token(q.pos).type == Token::Type::kSymbol)) ++q.pos;
  std::size_t k = q.pos;
  if (k < p.size() && is_date_word(p.token(k))) return false;
  if (first >= p.size()) return true;
  *out = collapse_spaces(std::string_view(nfc).substr(p.token(first).begin));
  return true;
}

bool has_dates(const std::vector<Clause>& clauses) {
  return std::any_of(clauses.begin(), clauses.end(), [](const Clause& c) {
    return c.type == Clause::Type::kSpan || c.type == Clause::Type::kRange ||
           c.type == Clause::Type::kRecurring;
  });
}

bool has(const std::vector<Cadence>& cs, Cadence c) { return std::find(cs.begin(), cs.end(), c) != cs.end(); }

void add_unique(std::vector<Cadence>* cs, Cadence c) {
  if (!has(*cs, c)) cs->push_back(c);
}

// Fills years the text leaves out: from the next stated year ("Quý I, Quý II và năm 2023"),
// else the previous one, else the plan year.
bool fill_years(std::vector<Span*>& spans, int plan_year) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i]->year) continue;
    int y = 0;
    for (std::size_t j = i + 1; j < spans.size() && !y; ++j) y = spans[j]->year;
    for (std::size_t j = i; j-- > 0 && !y;) y = spans[j]->year;
    if (!y) y = plan_year;
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

Timeframe recurring(const std::vector<Clause>& clauses, int plan_year) {
  Timeframe t;
  t.kind = Kind::kRecurring;
  int year = 0, until = 0;
  for (const Clause& c : clauses) {
    if (c.type != Clause::Type::kRecurring) continue;
    for (Cadence cad : c.cadences) add_unique(&t.cadences, cad);
    if (c.year) year = c.year;
    if (c.until) until = c.until;
  }
  if (!year) year = plan_year;
  if (year <= 0) return t;
  int last = until ? until : year;
  int first = std::min(year, last);
  t.start = Date{first, 1, 1};
  t.due = Date{last, 12, 31};
  bool monthly = has(t.cadences, Cadence::kMonthly);
  bool quarterly = has(t.cadences, Cadence::kQuarterly);
  bool yearly = has(t.cadences, Cadence::kYearly);
  for (int y = first; y <= last; ++y) {
    for (int m = 1; m <= 12; ++m) {
      if (monthly || (quarterly && m % 3 == 0) || (yearly && m == 12)) t.checkpoints.push_back(end_of_month(y, m));
    }
  }
  return t;
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

std::string describe_recurring(const Timeframe& t) {
  std::vector<std::string> parts;
  for (Cadence c : t.cadences)
    if (c != Cadence::kNone) parts.push_back(cadence_vi(c));
  std::string out = join_vi(parts);
  bool continuous = has(t.cadences, Cadence::kContinuous);
  if (t.start && t.due) {
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

// Whether a qualifier continues the summary as a phrase ("và theo Kế hoạch …", "(sau khi …)")
// rather than as a separate remark ("thời gian cụ thể theo hướng dẫn").
bool reads_on(const std::string& qualifier) {
  if (qualifier.empty() || qualifier[0] == '(') return true;
  std::string first = fold(qualifier.substr(0, qualifier.find(' ')));
  static const std::string_view kWords[] = {"va", "hoac", "hay", "theo", "sau", "truoc", "khi", "kem"};
  return std::find(std::begin(kWords), std::end(kWords), first) != std::end(kWords);
}

}  // namespace

Timeframe parse_timeframe(std::string_view raw, int plan_year) {
  const std::string nfc = to_nfc(raw);
  const std::vector<Token> tokens = tokenize(nfc);
  Parser p(tokens);

  std::vector<Clause> clauses;
  bool on_demand = false, unscheduled = false;
  std::optional<std::size_t> tail;  // first token of text left over after the clauses
  while (!p.at_end()) {
    std::size_t before = p.pos;
    skip_connectors(p);
    if (p.at_end()) break;
    if (on_demand_clause(p)) {
      on_demand = true;
      continue;
    }
    if (auto c = recurring_clause(p)) {
      clauses.push_back(*c);
      continue;
    }
    if (auto c = range_clause(p)) {
      clauses.push_back(*c);
      continue;
    }
    if (auto s = prefixed_span(p)) {
      clauses.push_back(Clause{Clause::Type::kSpan, *s, {}, {}, 0, 0});
      continue;
    }
    if (!clauses.empty() && clauses.back().type == Clause::Type::kSpan) {
      if (auto s = elided_span(p, clauses.back().a.unit)) {
        clauses.push_back(Clause{Clause::Type::kSpan, *s, {}, {}, 0, 0});
        continue;
      }
    }
    // After a date, "theo Kế hoạch của UBND tỉnh" qualifies it rather than replacing it.
    if (!has_dates(clauses) && unscheduled_clause(p)) {
      unscheduled = true;
      continue;
    }
    tail = before;
    break;
  }

  int spans = 0, ranges = 0, recurrings = 0;
  bool periodic = false;
  for (const Clause& c : clauses) {
    spans += c.type == Clause::Type::kSpan;
    ranges += c.type == Clause::Type::kRange;
    recurrings += c.type == Clause::Type::kRecurring;
    periodic |= c.type == Clause::Type::kPeriodic;
  }
  bool dated = spans || ranges || recurrings;

  Timeframe t;
  std::string qualifier;
  if (tail && (!dated || !qualifier_of(p, nfc, *tail, &qualifier))) return unknown(raw);

  if (recurrings) {
    if (spans || ranges) return unknown(raw);  // a cadence and dates: too ambiguous to guess
    t = recurring(clauses, plan_year);
  } else if (ranges) {
    if (ranges > 1 || spans) return unknown(raw);
    Clause& c = *std::find_if(clauses.begin(), clauses.end(),
                              [](const Clause& x) { return x.type == Clause::Type::kRange; });
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
  t.raw = std::string(raw);
  t.also_on_demand = on_demand;
  t.qualifier = std::move(qualifier);
  return t;
}

std::string describe_timeframe(const Timeframe& t) {
  std::string out;
  switch (t.kind) {
    case Kind::kDue:
      if (t.due) out = "hạn " + dmy(*t.due);
      break;
    case Kind::kPeriod:
      if (t.start && t.due) out = "từ " + dmy(*t.start) + " đến " + dmy(*t.due);
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

}  // namespace congkhai
