#include "import/plan_recogniser.h"

#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "load/plan_loader.h"
#include "model/date.h"
#include "text/unicode.h"

namespace congkhai::import {

namespace {

// ---- text ----------------------------------------------------------------------------------

bool is_space_at(const std::string& s, std::size_t i, std::size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // no-break space
    *len = 2;
    return true;
  }
  return false;
}

// Runs of white space (soft breaks included) as one space, trimmed.
std::string collapse(const std::string& s) {
  std::string out;
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    if (is_space_at(s, i, &len)) {
      pending = !out.empty();
      i += len;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += s[i++];
  }
  return out;
}

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
bool ends_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::string strip_trailing(std::string s, const std::string& chars) {
  while (!s.empty() && chars.find(s.back()) != std::string::npos) s.pop_back();
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

// The first character upper-case, through utf8proc.
std::string upper_first(const std::string& s) {
  if (s.empty()) return s;
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &cp);
  if (n <= 0) return s;
  utf8proc_uint8_t buf[4];
  auto m = utf8proc_encode_char(utf8proc_toupper(cp), buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<std::size_t>(m)) + s.substr(static_cast<std::size_t>(n));
}

// At most `max` bytes, cut at a character boundary, "…" when cut.
std::string shortened(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "…";
}

bool starts_upper(const std::string& s) {
  if (s.empty()) return false;
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 && utf8proc_tolower(cp) != cp;
}

bool is_all_upper(const std::string& s) {
  bool letter = false;
  for (std::size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i), static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<std::size_t>(n);
    if (utf8proc_tolower(cp) != cp) letter = true;
    else if (utf8proc_toupper(cp) != cp) return false;
  }
  return letter;
}

// Printed capitals as the plan file writes them: "PHÓ CHỦ TỊCH" → "Phó Chủ tịch",
// "TM. UỶ BAN NHÂN DÂN" → "TM. Uỷ ban nhân dân"; abbreviations stay as printed.
std::string sentence_case(const std::string& s) {
  static const std::set<std::string> kept = {"UBND", "HĐND", "MTTQ", "TTHC", "PVHCC", "TM.", "KT.", "Q.", "TL.", "TUQ.", "T/M"};
  std::vector<std::string> words = split(collapse(s), ' ');
  std::string out;
  bool first = true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (!kept.count(w)) {
      w = to_lower(w);
      if (first) w = upper_first(w);
      first = false;
    }
    if (w == "chủ" && i + 1 < words.size() && to_lower(words[i + 1]) == "tịch") w = "Chủ";
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string title_case(const std::string& s) {
  std::string out;
  for (const auto& w : split(collapse(s), ' ')) {
    if (!out.empty()) out += ' ';
    out += upper_first(to_lower(w));
  }
  return out;
}

// A paragraph as one line: its automatic number, then its text with soft breaks as spaces.
std::string label(const Paragraph& p) {
  std::string t = collapse(p.text);
  if (p.numbering.empty()) return t;
  if (t.empty()) return p.numbering;
  return p.numbering + " " + t;
}

std::string folded(const std::string& s) { return fold(collapse(s)); }

// ---- cells ---------------------------------------------------------------------------------

bool starts_item(const std::string& line) {
  return starts_with(line, "- ") || starts_with(line, "+ ") || starts_with(line, "• ") || starts_with(line, "* ") ||
         starts_with(line, "– ") || line == "-";
}

// A cell's lines as printed: its paragraphs when the reader knows them, else its text's lines
// rejoined where they only wrapped (a new line starts only at a list mark); `rejoined` tells
// that a guess was made.
std::vector<std::string> cell_lines(const Cell& c, bool* rejoined) {
  std::vector<std::string> out;
  if (!c.paragraphs.empty()) {
    for (const auto& p : c.paragraphs) {
      std::string l = label(p);
      if (!l.empty()) out.push_back(l);
    }
    return out;
  }
  for (const auto& raw : split(c.text, '\n')) {
    std::string l = collapse(raw);
    if (l.empty()) continue;
    if (out.empty() || starts_item(l)) {
      out.push_back(l);
      continue;
    }
    std::string& prev = out.back();
    if (rejoined) *rejoined = true;
    // "NĐ-" / "CP": a hyphen at the end of a line joins without a space
    if (ends_with(prev, "-") && prev.size() >= 2 && prev[prev.size() - 2] != ' ') prev += l;
    else prev += " " + l;
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& lines, const char* sep = "\n") {
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += sep;
    out += l;
  }
  return out;
}

// ---- the draft plan --------------------------------------------------------------------------

struct Offices {
  std::vector<std::string> items;
  bool list = false;
};

struct DraftTask {
  std::string number, text, output, timeframe, id;
  Offices lead, partners;
  SourcePlace at;
  int line = 0;
};

struct Node {
  bool section = false;
  std::string number, title;
  int depth = 0;
  int task = -1;  // index into Draft::tasks
  SourcePlace at;
  std::vector<Node> children;
};

struct ProposedTarget {
  int task = -1;
  std::string comparison, value, sentence;
  SourcePlace at;
};

struct Draft {
  std::string number, title, date, place, issuer, budget;
  int year = 0;
  std::string signer_name, signer_title;
  std::vector<std::string> capacity, legal_basis, recipients;
  std::string implements;
  std::string appendix_title, appendix_note;
  std::vector<DraftTask> tasks;
  Node root;
  std::vector<std::string> body;  // Markdown paragraphs
  std::vector<ProposedTarget> targets;
  std::vector<TargetProposal> proposals;  // as written, with the tasks' ids
  std::vector<ReviewItem> review;
  std::map<int, std::size_t> review_task;  // review index → task index, to give it its line
  std::map<std::pair<int, int>, int> row_lines;  // (table, row) of a section → its line in the file
  int sections = 0;
};

void note(Draft* d, SourcePlace at, std::string field, std::string vi, std::string en, int task = -1) {
  ReviewItem r;
  r.at = at;
  r.field = std::move(field);
  r.message = std::move(vi);
  r.message_en = std::move(en);
  if (task >= 0) d->review_task[static_cast<int>(d->review.size())] = static_cast<std::size_t>(task);
  d->review.push_back(std::move(r));
}

// Office cells: lines are items; one line is a list of one when it ends with ";" (as printed in
// lists), split at ";" when it holds several; commas are never split (they also join the parts
// of one office's name), but a comma between what look like office names is listed for review.
Offices offices(const std::vector<std::string>& lines, Draft* d, SourcePlace at, const char* field, int task) {
  Offices o;
  if (lines.empty()) return o;
  auto clean = [](std::string s) {
    s = collapse(s);
    for (const char* mark : {"- ", "+ ", "• ", "– ", "* "})
      if (starts_with(s, mark)) s = collapse(s.substr(std::string(mark).size()));
    if (ends_with(s, ";") || ends_with(s, ",")) s.pop_back();
    return collapse(s);
  };
  if (lines.size() > 1) {
    o.list = true;
    for (const auto& l : lines)
      if (auto c = clean(l); !c.empty()) o.items.push_back(c);
    return o;
  }
  std::string line = collapse(lines[0]);
  bool trailing = ends_with(line, ";");
  std::string body = trailing ? strip_trailing(line, ";") : line;
  if (body.find(';') != std::string::npos) {
    o.list = true;
    for (const auto& part : split(body, ';'))
      if (auto c = clean(part); !c.empty()) o.items.push_back(c);
    note(d, at, field, "ô \"" + line + "\" được tách thành " + std::to_string(o.items.size()) + " cơ quan tại dấu \";\"",
         "cell \"" + line + "\" was split into " + std::to_string(o.items.size()) + " offices at \";\"", task);
    return o;
  }
  o.list = trailing;
  o.items.push_back(clean(body));
  // "Văn phòng HĐND - UBND huyện, UBND cấp xã": two names? Only when each piece starts like a name.
  auto pieces = split(body, ',');
  if (pieces.size() > 1) {
    bool names = true;
    for (std::size_t i = 1; i < pieces.size(); ++i) names = names && starts_upper(collapse(pieces[i]));
    if (names)
      note(d, at, field, "ô \"" + line + "\" có thể ghi nhiều cơ quan cách nhau bằng dấu phẩy; để nguyên một cơ quan, tách bằng tay nếu cần",
           "cell \"" + line + "\" may name several offices separated by commas; kept as one, split it by hand if needed", task);
  }
  return o;
}

// ---- header --------------------------------------------------------------------------------

const std::map<std::string, std::string>& levels() {
  static const std::map<std::string, std::string> m = {
      {"XÃ", "xã"}, {"PHƯỜNG", "phường"}, {"THỊ TRẤN", "thị trấn"}, {"HUYỆN", "huyện"}, {"QUẬN", "quận"},
      {"THỊ XÃ", "thị xã"}, {"THÀNH PHỐ", "thành phố"}, {"TỈNH", "tỉnh"}, {"ĐẶC KHU", "đặc khu"}};
  return m;
}

std::optional<std::string> issuer_from(const std::string& line) {
  std::string rest;
  for (const char* head : {"ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ", "UBND "})
    if (starts_with(line, head)) rest = collapse(line.substr(std::string(head).size()));
  if (rest.empty()) return std::nullopt;
  std::string best;
  for (const auto& [up, low] : levels())
    if (starts_with(rest, up + " ") && up.size() > best.size()) best = up;
  if (best.empty()) return std::nullopt;
  return "UBND " + levels().at(best) + " " + title_case(rest.substr(best.size() + 1));
}

struct DateLine {
  std::string place, date;
};

std::optional<DateLine> date_line(const std::string& line) {
  static const std::regex re(R"(^(.*?)[,\s]*ngày\s*([0-9]{0,2})\s*(?:/\s*)?tháng\s*([0-9]{0,2})\s*(?:/\s*)?năm\s*([0-9]{4}))");
  std::smatch m;
  // (std::regex recurses once per character it matches: only short lines are tried)
  if (line.size() > 400 || !std::regex_search(line, m, re)) return std::nullopt;
  DateLine out;
  out.place = strip_trailing(collapse(m[1].str()), ",");
  std::string y = m[4].str(), mo = m[3].str(), da = m[2].str();
  auto pad = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
  std::string iso = y;
  if (!mo.empty()) {
    iso += "-" + pad(mo);
    if (!da.empty()) iso += "-" + pad(da);
  }
  if (parse_iso_date(iso)) out.date = iso;
  return out;
}

// The plan's date in the appendix note: "ngày 03 tháng 03 năm 2023", "ngày tháng 01 năm 2026"
// (partial: "2026-01"), "ngày 26 /2/2024". Never a day or month the note leaves blank.
std::optional<std::string> date_in_note(const std::string& note) {
  if (auto dl = date_line(note); dl && !dl->date.empty()) return dl->date;
  static const std::regex re(R"(ngày\s*([0-9]{0,2})\s*/\s*([0-9]{0,2})\s*/\s*([0-9]{4}))");
  std::smatch m;
  if (note.size() > 400 || !std::regex_search(note, m, re)) return std::nullopt;
  auto pad = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
  std::string iso = m[3].str();
  if (!m[2].str().empty()) {
    iso += "-" + pad(m[2].str());
    if (!m[1].str().empty()) iso += "-" + pad(m[1].str());
  }
  if (!parse_iso_date(iso)) return std::nullopt;
  return iso;
}

bool is_capacity(const std::string& line) {
  static const std::regex re(R"(^(TM|KT|Q|TL|TUQ|T/M)\.\s*\S)");
  return line.size() < 300 && std::regex_search(line, re);
}

// ---- references ----------------------------------------------------------------------------

bool starts_reference(const std::string& s) {
  static const char* kinds[] = {"nghị định", "thông tư", "quyết định", "luật", "nghị quyết", "kế hoạch", "chỉ thị",
                                "công văn", "văn bản", "hướng dẫn", "chương trình", "đề án", "pháp lệnh"};
  std::string l = to_lower(s);
  for (const char* k : kinds)
    if (starts_with(l, k) && l.find(" số") != std::string::npos && l.find(" số") < 40) return true;
  return false;
}

std::string strip_lead(std::string s, std::initializer_list<const char*> heads) {
  for (const char* h : heads) {
    std::string lh = to_lower(h);
    if (starts_with(to_lower(s), lh) && lh.size() == std::string(h).size()) return collapse(s.substr(lh.size()));
  }
  return s;
}

// "A; B; C" split where the next piece starts a reference of its own (after "Để thực hiện …").
std::vector<std::string> references(const std::string& text) {
  std::vector<std::string> out;
  for (auto piece : split(text, ';')) {
    piece = collapse(piece);
    if (piece.empty()) continue;
    std::string core = strip_lead(piece, {"Để thực hiện có hiệu quả ", "Để thực hiện ", "Thực hiện ", "Căn cứ "});
    if (!out.empty() && !starts_reference(core)) out.back() += "; " + piece;
    else out.push_back(starts_reference(core) ? core : piece);
  }
  for (auto& r : out) r = strip_trailing(r, ".;,");
  return out;
}

// ---- the recogniser ------------------------------------------------------------------------

std::optional<std::string> roman_part(const std::string& line, std::string* title) {
  static const std::regex re(R"(^([IVXL]+)\.\s+(\S.*)$)");
  std::smatch m;
  if (line.size() > 300 || !std::regex_match(line, m, re)) return std::nullopt;
  *title = m[2].str();
  return m[1].str();
}

enum class NumberKind { kRoman, kLetter, kDecimal, kNone };

struct SectionNumber {
  NumberKind kind = NumberKind::kNone;
  int parts = 0;  // decimal: "2.1" → 2
};

bool is_roman(const std::string& s) {
  static const std::regex re(R"(^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$)");
  return !s.empty() && s.size() < 20 && std::regex_match(s, re);
}

std::string bare(std::string n) { return strip_trailing(n, ".)"); }

SectionNumber classify(const std::string& number) {
  std::string b = bare(number);
  SectionNumber out;
  if (b.empty()) return out;
  if (is_roman(b)) out.kind = NumberKind::kRoman;
  else if (b.size() == 1 && b[0] >= 'A' && b[0] <= 'Z') out.kind = NumberKind::kLetter;
  else if (std::all_of(b.begin(), b.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
    out.kind = NumberKind::kDecimal;
    out.parts = static_cast<int>(split(b, '.').size());
  }
  return out;
}

struct Columns {
  int number = -1, task = -1, lead = -1, partners = -1, output = -1, timeframe = -1;
  int count = 0;
};

std::optional<Columns> columns_of(const Row& row) {
  Columns c;
  int at = 0;
  for (const auto& cell : row.cells) {
    std::string f = folded(cell.text);
    if (f == "tt" || f == "stt" || f == "so tt" || f == "so thu tu") c.number = at;
    else if (f.find("chu tri") != std::string::npos) c.lead = at;
    else if (f.find("phoi hop") != std::string::npos) c.partners = at;
    else if (f.find("san pham") != std::string::npos || f.find("ket qua") != std::string::npos) c.output = at;
    else if (f.find("thoi gian") != std::string::npos || f.find("thoi han") != std::string::npos || f.find("tien do") != std::string::npos) c.timeframe = at;
    else if (f.find("noi dung") != std::string::npos || f.find("nhiem vu") != std::string::npos || f.find("cong viec") != std::string::npos) c.task = at;
    at += cell.span;
  }
  c.count = at;
  if (c.task < 0 || (c.lead < 0 && c.timeframe < 0)) return std::nullopt;
  return c;
}

// The cells of a row by grid column (a merged cell covers its span; the first holds it).
std::vector<const Cell*> by_column(const Row& row, int count) {
  std::vector<const Cell*> out(static_cast<std::size_t>(std::max(count, 0)), nullptr);
  int at = 0;
  for (const auto& cell : row.cells) {
    if (at >= 0 && at < count) out[static_cast<std::size_t>(at)] = &cell;
    at += cell.span;
  }
  return out;
}

class Recogniser {
 public:
  Recogniser(const Document& doc, const RecogniseOptions& opt) : doc_(doc), opt_(opt) {}

  Draft run() {
    std::size_t i = header();
    i = title(i);
    i = prose(i);
    i = signature(i);
    appendix(i);
    header_from_note();
    year();
    if (!task_table_found_)
      note(&d_, {}, "tasks", "không tìm thấy bảng nhiệm vụ (bảng có cột \"Nội dung\" và \"Cơ quan chủ trì\" hoặc \"Thời gian\")",
           "no task table found (a table with columns \"Nội dung\" and \"Cơ quan chủ trì\" or \"Thời gian\")");
    propose_targets();
    return std::move(d_);
  }

 private:
  const Document& doc_;
  const RecogniseOptions& opt_;
  Draft d_;
  bool task_table_found_ = false;
  SourcePlace header_at_, appendix_note_at_;

  bool is_para(std::size_t i) const { return i < doc_.blocks.size() && doc_.blocks[i].kind == Block::Kind::kParagraph; }
  const Paragraph& para(std::size_t i) const { return doc_.blocks[i].paragraph; }

  std::size_t find_ke_hoach() const {
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i)
      if (is_para(i)) {
        std::string l = label(para(i));
        if (l == "KẾ HOẠCH" || starts_with(l, "KẾ HOẠCH ")) return i;
      }
    return doc_.blocks.size();
  }

  // Lines of every block before "KẾ HOẠCH": the header table's cells row by row, or paragraphs.
  std::size_t header() {
    std::size_t kh = find_ke_hoach();
    if (kh == doc_.blocks.size()) {
      note(&d_, {}, "title", "không tìm thấy dòng \"KẾ HOẠCH\" mở đầu văn bản", "no \"KẾ HOẠCH\" line opening the document");
      return 0;
    }
    std::vector<std::pair<std::string, SourcePlace>> lines;
    for (std::size_t i = 0; i < kh; ++i) {
      const Block& b = doc_.blocks[i];
      if (b.kind == Block::Kind::kParagraph) {
        for (const auto& l : split(b.paragraph.text, '\n'))
          if (auto c = collapse(l); !c.empty()) lines.push_back({c, b.paragraph.at});
      } else {
        for (const auto& row : b.table.rows)
          for (const auto& cell : row.cells) {
            std::vector<std::string> ls;
            if (!cell.paragraphs.empty()) {
              for (const auto& p : cell.paragraphs)
                for (const auto& l : split(p.text, '\n')) ls.push_back(l);
            } else {
              ls = split(cell.text, '\n');
            }
            for (const auto& l : ls)
              if (auto c = collapse(l); !c.empty()) lines.push_back({c, row.at});
          }
      }
    }
    SourcePlace first = kh < doc_.blocks.size() ? para(kh).at : SourcePlace{};
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::string& l = lines[k].first;
      if (starts_with(l, "Số:") || starts_with(l, "Số :") || starts_with(l, "SỐ:")) {
        std::string n = l.substr(l.find(':') + 1);
        std::string out;
        for (char c : n)
          if (c != ' ' && c != '\t') out += c;
        d_.number = out;
      } else if (auto dl = date_line(l)) {
        d_.place = dl->place;
        d_.date = dl->date;
      } else if (l == "ỦY BAN NHÂN DÂN" || l == "UỶ BAN NHÂN DÂN" || l == "UBND") {
        if (k + 1 < lines.size())
          if (auto is = issuer_from("UBND " + lines[k + 1].first)) d_.issuer = *is;
      } else if (auto is = issuer_from(l)) {
        d_.issuer = *is;
      }
    }
    header_at_ = first;
    return kh;
  }

  // What the header did not give, from the appendix's "(Kèm theo Kế hoạch số … ngày … của …)"
  // line, each listed for review with where it came from; what neither gives is left out of the
  // file for the official to fill in, and the review list says so.
  void header_from_note() {
    const std::string& l = d_.appendix_note;
    const SourcePlace at = appendix_note_at_;
    const bool has_note = !l.empty() && l.size() < 500;  // (std::regex: only short lines)
    const std::string from_vi = " lấy từ dòng \"Kèm theo …\" của phụ lục, vì đầu văn bản không có; hãy kiểm tra";
    const std::string from_en = " taken from the appendix's \"Kèm theo …\" line, as the heading does not give it; check it";
    if (d_.number.empty() && has_note) {
      static const std::regex re(R"(số\s*([0-9]*\s*/\s*[A-ZĐ0-9-]+))");
      std::smatch m;
      if (std::regex_search(l, m, re)) {
        for (char c : m[1].str())
          if (c != ' ') d_.number += c;
        note(&d_, at, "number", "số kế hoạch \"" + d_.number + "\"" + from_vi, "the plan number \"" + d_.number + "\"" + from_en);
      }
    }
    if (d_.number.empty())
      note(&d_, header_at_, "number", "không thấy số kế hoạch (dòng \"Số: …\" ở đầu văn bản hay dòng \"(Kèm theo Kế hoạch số …)\")",
           "no plan number (a \"Số: …\" line at the top or a \"(Kèm theo Kế hoạch số …)\" line)");
    if (d_.date.empty() && has_note) {
      if (auto date = date_in_note(l)) {
        d_.date = *date;
        note(&d_, at, "date", "ngày ban hành " + d_.date + from_vi, "the date of issue " + d_.date + from_en);
      }
    }
    if (d_.date.empty())
      note(&d_, header_at_, "date", "không đọc được ngày ban hành (dòng \"…, ngày … tháng … năm …\")",
           "the date of issue (\"…, ngày … tháng … năm …\") could not be read");
    if (d_.issuer.empty() && has_note) issuer_from_note(l, at, from_vi, from_en);
    if (d_.issuer.empty())
      note(&d_, header_at_, "issuer", "không nhận ra cơ quan ban hành (\"ỦY BAN NHÂN DÂN / XÃ …\"); hãy điền \"issuer\"",
           "the issuer (\"ỦY BAN NHÂN DÂN / XÃ …\") was not recognised; fill in \"issuer\"");
  }

  // "… của UBND xã Thanh Xuân)": the issuer as printed. "… của UBND xã)" names only the level:
  // when it is the unit's level, the unit's name completes it, as a guess for review.
  void issuer_from_note(const std::string& l, SourcePlace at, const std::string& from_vi, const std::string& from_en) {
    std::size_t of = l.rfind(" của ");
    if (of == std::string::npos) return;
    std::string rest = collapse(strip_trailing(collapse(l.substr(of + std::string(" của ").size())), ")"));
    bool found = false;
    for (const char* head : {"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ", "ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "})
      if (starts_with(rest, head)) {
        rest = collapse(rest.substr(std::string(head).size()));
        found = true;
        break;
      }
    if (!found) return;
    std::string level;
    for (const auto& [up, low] : levels())
      if ((rest == low || starts_with(rest, low + " ")) && low.size() > level.size()) level = low;
    if (level.empty()) return;
    std::string name = collapse(rest.substr(level.size()));
    if (!name.empty()) {
      d_.issuer = "UBND " + level + " " + name;
      note(&d_, at, "issuer", "cơ quan ban hành \"" + d_.issuer + "\"" + from_vi, "the issuer \"" + d_.issuer + "\"" + from_en);
    } else if (level == opt_.unit_level && !opt_.unit_name.empty()) {
      d_.issuer = "UBND " + level + " " + opt_.unit_name;
      note(&d_, at, "issuer",
           "dòng \"Kèm theo …\" của phụ lục chỉ ghi \"UBND " + level + "\"; cơ quan ban hành được đoán là \"" + d_.issuer +
               "\" theo đơn vị nhập vào (--unit); hãy kiểm tra",
           "the appendix's \"Kèm theo …\" line says only \"UBND " + level + "\"; the issuer is guessed as \"" + d_.issuer +
               "\" from the unit imported into (--unit); check it");
    }
  }

  bool is_preamble_start(const std::string& l) const {
    std::string f = to_lower(l);
    return starts_with(f, "căn cứ") || starts_with(f, "thực hiện") || starts_with(f, "để ");
  }

  std::size_t title(std::size_t kh) {
    if (kh >= doc_.blocks.size() || !is_para(kh) || !starts_with(label(para(kh)), "KẾ HOẠCH")) return kh;
    std::string first = label(para(kh));
    std::vector<std::string> parts;
    if (first.size() > std::string("KẾ HOẠCH").size()) parts.push_back(collapse(first.substr(std::string("KẾ HOẠCH").size())));
    std::size_t i = kh + 1;
    while (i < doc_.blocks.size() && is_para(i) && label(para(i)).empty()) ++i;
    if (parts.empty()) {
      for (int taken = 0; i < doc_.blocks.size() && is_para(i) && taken < 4; ++i) {
        const Paragraph& p = para(i);
        std::string l = label(p);
        if (l.empty()) {
          if (taken) break;
          continue;
        }
        std::string t;
        if (is_preamble_start(l) || roman_part(l, &t)) break;
        if (taken && !(p.centered || p.bold)) break;
        parts.push_back(l);
        ++taken;
        if (!(p.centered || p.bold)) {
          ++i;
          break;
        }
      }
    }
    d_.title = collapse(join_lines(parts, " "));
    if (d_.title.empty())
      note(&d_, para(kh).at, "title", "không thấy tên kế hoạch sau dòng \"KẾ HOẠCH\"", "no title after the \"KẾ HOẠCH\" line");
    return i;
  }

  bool is_signature_start(std::size_t i) const {
    const Block& b = doc_.blocks[i];
    if (b.kind == Block::Kind::kParagraph) return starts_with(folded(label(b.paragraph)), "noi nhan");
    for (const auto& row : b.table.rows)
      for (const auto& cell : row.cells)
        if (folded(cell.text).find("noi nhan") != std::string::npos) return true;
    return false;
  }

  bool is_appendix_start(std::size_t i) const {
    if (!is_para(i)) return false;
    std::string f = folded(label(para(i)));
    return f == "phu luc" || (starts_with(f, "phu luc") && f.size() < 40);
  }

  static bool is_task_table(const Table& t) {
    for (std::size_t r = 0; r < t.rows.size() && r < 4; ++r)
      if (columns_of(t.rows[r])) return true;
    return false;
  }

  static std::string markdown_line(const std::string& l) {
    if (l.empty()) return l;
    if (l[0] == '#' || l[0] == '>' || l[0] == '|' || l[0] == '=' || starts_with(l, "```") || starts_with(l, "---"))
      return "\\" + l;
    return l;
  }

  void thuc_hien(const std::string& text) {
    std::string t = text;
    // The reference ends where the sentence does, or before the clause naming who issues this plan.
    for (const char* clause : {", UBND ", ", Ủy ban nhân dân ", ", Uỷ ban nhân dân ", ", Chủ tịch "})
      if (auto p = t.find(clause); p != std::string::npos) t = t.substr(0, p);
    for (std::size_t p = t.find(". "); p != std::string::npos; p = t.find(". ", p + 1))
      if (starts_upper(t.substr(p + 2, 4))) {
        t = t.substr(0, p);
        break;
      }
    t = strip_lead(t, {"Thực hiện "});
    for (auto piece : references(t)) {
      piece = strip_lead(piece, {"Để thực hiện có hiệu quả ", "Để thực hiện ", "Thực hiện ", "thực hiện "});
      if (!starts_reference(piece)) continue;
      if (d_.implements.empty() && starts_with(to_lower(piece), "kế hoạch")) d_.implements = piece;
      else if (std::find(d_.legal_basis.begin(), d_.legal_basis.end(), piece) == d_.legal_basis.end()) d_.legal_basis.push_back(piece);
    }
  }

  // Preamble and parts, up to the signature or the appendix.
  std::size_t prose(std::size_t i) {
    bool in_parts = false, in_budget = false;
    std::vector<std::string> budget;
    for (; i < doc_.blocks.size(); ++i) {
      if (is_signature_start(i) || is_appendix_start(i)) break;
      if (!is_para(i) && is_task_table(doc_.blocks[i].table)) break;  // no signature, no "Phụ lục" heading
      if (!is_para(i)) {
        // a table inside the prose: its rows as lines
        for (const auto& row : doc_.blocks[i].table.rows) {
          std::vector<std::string> cells;
          for (const auto& c : row.cells) cells.push_back(collapse(c.text));
          d_.body.push_back(markdown_line(join_lines(cells, " | ")));
        }
        continue;
      }
      const Paragraph& p = para(i);
      std::string l = label(p);
      if (l.empty()) continue;
      std::string part_title;
      if (auto roman = roman_part(l, &part_title)) {
        in_parts = true;
        in_budget = starts_with(folded(part_title), "kinh phi");
        if (!in_budget) d_.body.push_back("## " + *roman + ". " + part_title);
        continue;
      }
      if (in_budget) {
        budget.push_back(l);
        continue;
      }
      if (!in_parts && starts_with(to_lower(l), "căn cứ")) {
        for (auto& r : references(strip_lead(l, {"Căn cứ "})))
          if (std::find(d_.legal_basis.begin(), d_.legal_basis.end(), r) == d_.legal_basis.end()) d_.legal_basis.push_back(r);
        continue;
      }
      if (!in_parts && starts_with(to_lower(l), "thực hiện")) thuc_hien(l);
      d_.body.push_back(markdown_line(l));
    }
    d_.budget = join_lines(budget, "\n\n");
    return i;
  }

  void signer_lines(const std::vector<std::string>& lines) {
    bool title_done = false;
    for (const auto& raw : lines) {
      std::string l = collapse(raw);
      if (starts_with(l, "**")) l = collapse(l.substr(2));
      if (ends_with(l, "**")) l = collapse(l.substr(0, l.size() - 2));
      if (l.empty()) continue;
      if (is_capacity(l)) {
        auto dot = l.find('.');
        d_.capacity.push_back(l.substr(0, dot + 1) + " " + sentence_case(collapse(l.substr(dot + 1))));
      } else if (!title_done && is_all_upper(l)) {
        d_.signer_title = sentence_case(l);
        title_done = true;
      } else if (title_done && !is_all_upper(l)) {
        d_.signer_name = l;
      }
    }
  }

  void recipient_lines(const std::vector<std::string>& lines) {
    for (auto l : lines) {
      l = collapse(l);
      if (starts_with(folded(l), "noi nhan")) {
        auto colon = l.find(':');
        l = colon == std::string::npos ? "" : collapse(l.substr(colon + 1));
      }
      for (const char* mark : {"- ", "+ ", "• ", "– ", "-"})
        if (starts_with(l, mark)) l = collapse(l.substr(std::string(mark).size()));
      if (ends_with(l, ";") || ends_with(l, ",")) l = collapse(l.substr(0, l.size() - 1));
      if (!l.empty()) d_.recipients.push_back(l);
    }
  }

  std::size_t signature(std::size_t i) {
    if (i >= doc_.blocks.size() || !is_signature_start(i)) {
      note(&d_, {}, "signer", "không thấy khối chữ ký và \"Nơi nhận:\"", "no signature block with \"Nơi nhận:\" found");
      return i;
    }
    const Block& b = doc_.blocks[i];
    if (b.kind == Block::Kind::kTable) {
      for (const auto& row : b.table.rows)
        for (const auto& cell : row.cells) {
          bool dummy = false;
          auto lines = cell_lines(cell, &dummy);
          if (folded(cell.text).find("noi nhan") != std::string::npos) recipient_lines(lines);
          else signer_lines(lines);
        }
      return i + 1;
    }
    // paragraphs: "Nơi nhận:" then "- …" lines, the signer's lines among or after them
    std::vector<std::string> rec, sig;
    for (; i < doc_.blocks.size() && !is_appendix_start(i); ++i) {
      if (!is_para(i)) break;
      for (const auto& raw : split(para(i).text, '\n')) {
        std::string l = collapse(raw);
        if (l.empty()) continue;
        if (starts_with(folded(l), "noi nhan") || starts_item(l) || starts_with(l, "-")) rec.push_back(l);
        else sig.push_back(l);
      }
    }
    recipient_lines(rec);
    signer_lines(sig);
    return i;
  }

  void appendix(std::size_t i) {
    while (i < doc_.blocks.size() && !is_appendix_start(i) && is_para(i)) ++i;
    std::vector<std::string> title;
    if (i < doc_.blocks.size() && is_appendix_start(i)) {
      for (++i; i < doc_.blocks.size() && is_para(i); ++i) {
        std::string l = label(para(i));
        if (l.empty()) continue;
        if (starts_with(l, "(Kèm theo") || starts_with(l, "(kèm theo")) {
          d_.appendix_note = l;
          appendix_note_at_ = para(i).at;
          continue;
        }
        if (d_.appendix_note.empty()) title.push_back(l);
      }
    }
    d_.appendix_title = join_lines(title, " ");
    for (; i < doc_.blocks.size(); ++i)
      if (!is_para(i) && !task_table_found_) tasks(doc_.blocks[i].table);
  }

  void year() {
    static const std::regex re(R"(năm\s+([0-9]{4}))");
    for (auto it = std::sregex_iterator(d_.title.begin(), d_.title.end(), re); it != std::sregex_iterator(); ++it)
      d_.year = std::stoi((*it)[1].str());
    if (!d_.year && d_.date.size() >= 4) d_.year = std::stoi(d_.date.substr(0, 4));
    if (!d_.year && opt_.id.size() == 4 && std::all_of(opt_.id.begin(), opt_.id.end(), ::isdigit)) {
      d_.year = std::stoi(opt_.id);
      note(&d_, {}, "year", "năm của kế hoạch lấy từ --id " + opt_.id, "the plan year was taken from --id " + opt_.id);
    }
    if (!d_.year) note(&d_, {}, "year", "không biết năm của kế hoạch; hãy điền \"year\"", "the plan year is unknown; fill in \"year\"");
  }

  // ---- the task table ----

  void tasks(const Table& table) {
    std::optional<Columns> cols;
    std::size_t r = 0;
    for (; r < table.rows.size() && r < 4; ++r)
      if ((cols = columns_of(table.rows[r]))) break;
    if (!cols) return;
    task_table_found_ = true;
    std::vector<std::string> header_text;
    for (const auto& c : table.rows[r].cells) header_text.push_back(folded(c.text));
    std::vector<Node*> stack{&d_.root};
    std::vector<std::pair<SectionNumber, std::string>> kinds;  // per depth: kind and last number
    std::vector<std::vector<std::string>> above(static_cast<std::size_t>(cols->count));  // last lines per column
    std::vector<Node*> task_chain;  // the last task and its last sub-task: where "2.4.1" after "2.4" goes
    for (++r; r < table.rows.size(); ++r) {
      const Row& row = table.rows[r];
      // the header again (repeated on each page), or a row of column numbers "(1) (2) …"
      std::vector<std::string> texts;
      for (const auto& c : row.cells) texts.push_back(folded(c.text));
      if (texts == header_text) continue;
      if (std::all_of(texts.begin(), texts.end(), [](const std::string& t) {
            static const std::regex n(R"(^\(?[0-9]{1,2}\)?$)");
            return t.empty() || (t.size() < 8 && std::regex_match(t, n));
          }) && !texts.empty() && texts.size() == static_cast<std::size_t>(cols->count) && !texts[0].empty() &&
          texts.back() == std::to_string(cols->count))
        continue;
      auto cells = by_column(row, cols->count);
      std::vector<const Cell*> filled;
      for (const auto& c : row.cells)
        if (!collapse(c.text).empty()) filled.push_back(&c);
      if (filled.empty()) continue;
      auto lines_at = [&](int col, bool* rejoined) -> std::vector<std::string> {
        if (col < 0 || col >= cols->count) return {};
        const Cell* c = cells[static_cast<std::size_t>(col)];
        if (!c) return {};
        if (c->merged_from_above) return above[static_cast<std::size_t>(col)];
        return cell_lines(*c, rejoined);
      };
      // A section: one cell across the whole row ("I. …"), or a number then one cell across the rest.
      const Cell* first = row.cells.empty() ? nullptr : &row.cells[0];
      std::string number, title;
      bool section = false;
      if (row.cells.size() == 1 || (filled.size() == 1 && first && first->span >= cols->count - 1 && first == filled[0])) {
        std::string all = collapse(first ? join_lines(cell_lines(*first, nullptr), " ") : "");
        static const std::regex re(R"(^((?:[IVXL]+|[A-Z]|[0-9]+(?:\.[0-9]+)*)\.?)\s+(\S.*)$)");
        std::smatch m;
        if (all.size() < 2000 && std::regex_match(all, m, re)) {
          number = m[1].str();
          title = m[2].str();
        } else {
          title = all;
        }
        section = true;
      } else if (row.cells.size() == 2 && row.cells[1].span >= cols->count - 1 - (cols->number == 0 ? 0 : 1)) {
        number = collapse(row.cells[0].text);
        title = collapse(join_lines(cell_lines(row.cells[1], nullptr), " "));
        section = true;
      } else {
        // Text-only readers: a row with only a number and a text is a section when bold or lettered.
        bool others_empty = true;
        for (int c : {cols->lead, cols->partners, cols->output, cols->timeframe}) {
          bool dummy = false;
          if (c >= 0 && !lines_at(c, &dummy).empty() && !(cells[static_cast<std::size_t>(c)] && cells[static_cast<std::size_t>(c)]->merged_from_above)) others_empty = false;
        }
        std::string n = cols->number >= 0 && cells[static_cast<std::size_t>(cols->number)] ? collapse(cells[static_cast<std::size_t>(cols->number)]->text) : "";
        auto k = classify(n);
        const Cell* tc = cols->task >= 0 ? cells[static_cast<std::size_t>(cols->task)] : nullptr;
        if (others_empty && tc && (tc->bold || k.kind == NumberKind::kRoman || k.kind == NumberKind::kLetter)) {
          number = n;
          title = collapse(join_lines(cell_lines(*tc, nullptr), " "));
          section = true;
        }
      }
      if (section) {
        add_section(number, title, row.at, &stack, &kinds);
        task_chain.clear();
        for (auto& a : above) a.clear();
        continue;
      }
      // a task row
      bool rejoined = false;
      DraftTask t;
      t.at = row.at;
      t.number = collapse(join_lines(lines_at(cols->number, &rejoined), " "));
      t.text = join_lines(lines_at(cols->task, &rejoined));
      auto lead = lines_at(cols->lead, &rejoined);
      auto partners = lines_at(cols->partners, &rejoined);
      t.output = join_lines(lines_at(cols->output, &rejoined));
      t.timeframe = collapse(join_lines(lines_at(cols->timeframe, &rejoined), " "));
      for (int c : {cols->lead, cols->partners, cols->output, cols->timeframe, cols->task, cols->number})
        if (c >= 0 && cells[static_cast<std::size_t>(c)] && !cells[static_cast<std::size_t>(c)]->merged_from_above) {
          bool dummy = false;
          above[static_cast<std::size_t>(c)] = cell_lines(*cells[static_cast<std::size_t>(c)], &dummy);
        }
      int index = static_cast<int>(d_.tasks.size());
      // A row that continues the one before it across a page break: no number and no text of
      // its own start (or a text that does not start like a task), only the rest of the cells.
      if (!d_.tasks.empty() && t.number.empty() && (row.after_page_break || t.text.empty()) && !stack.back()->children.empty() &&
          !stack.back()->children.back().section) {
        DraftTask& prev = d_.tasks.back();
        auto glue = [](std::string& a, const std::string& b, const char* sep) {
          if (b.empty()) return;
          a = a.empty() ? b : a + sep + b;
        };
        glue(prev.text, t.text, " ");
        glue(prev.output, t.output, " ");
        glue(prev.timeframe, t.timeframe, " ");
        Offices l = offices(lead, &d_, row.at, "lead", index - 1), p = offices(partners, &d_, row.at, "partners", index - 1);
        prev.lead.items.insert(prev.lead.items.end(), l.items.begin(), l.items.end());
        prev.partners.items.insert(prev.partners.items.end(), p.items.begin(), p.items.end());
        note(&d_, row.at, "tasks", "hàng này được nối vào nhiệm vụ ở trên (hàng bị ngắt qua trang)",
             "this row was joined to the task above (a row broken across a page)", index - 1);
        continue;
      }
      t.lead = offices(lead, &d_, row.at, "lead", index);
      t.partners = offices(partners, &d_, row.at, "partners", index);
      if (!row.doubt.empty())  // what the PDF or text reader had to guess about the row
        note(&d_, row.at, "tasks", row.doubt, row.doubt_en, index);
      if (rejoined)
        note(&d_, row.at, "tasks", "các dòng trong ô được nối lại thành đoạn; kiểm tra chỗ xuống dòng",
             "the lines of the cells were joined into paragraphs; check the line breaks", index);
      if (t.text.empty())
        note(&d_, row.at, "task", "hàng không có nội dung công việc", "the row has no task text", index);
      // "2.2" after the tasks of sub-section "2.1" belongs to "2." again (but "2.1" right under
      // the sub-section "2.1" repeats its number and stays in it).
      SectionNumber tk = classify(t.number);
      // A sub-row: "2.4.1" under the task "2.4" (at most two levels below a task).
      while (!task_chain.empty() && !(tk.kind == NumberKind::kDecimal &&
                                      starts_with(bare(t.number), bare(task_chain.back()->number) + ".") &&
                                      !bare(task_chain.back()->number).empty()))
        task_chain.pop_back();
      if (!task_chain.empty() && task_chain.size() <= 2) {
        Node n;
        n.task = index;
        n.at = row.at;
        n.number = t.number;
        task_chain.back()->children.push_back(std::move(n));
        task_chain.push_back(&task_chain.back()->children.back());
        d_.tasks.push_back(std::move(t));
        continue;
      }
      task_chain.clear();
      while (tk.kind == NumberKind::kDecimal && stack.size() > 1) {
        SectionNumber sk = classify(stack.back()->number);
        if (sk.kind != NumberKind::kDecimal || sk.parts < tk.parts || bare(stack.back()->number) == bare(t.number)) break;
        if (stack.size() == 2) break;
        stack.pop_back();
        kinds.resize(stack.size() - 1);
      }
      Node n;
      n.task = index;
      n.at = row.at;
      n.number = t.number;
      stack.back()->children.push_back(std::move(n));
      // a task numbered as its section ("2.1" in the section "2.1") stands in the section's
      // numbering: "2.1.2" after it is its sibling, not its sub-row
      if (stack.size() == 1 || bare(stack.back()->number) != bare(t.number))
        task_chain.push_back(&stack.back()->children.back());
      d_.tasks.push_back(std::move(t));
    }
  }

  void add_section(std::string number, const std::string& title, SourcePlace at, std::vector<Node*>* stack,
                   std::vector<std::pair<SectionNumber, std::string>>* kinds) {
    SectionNumber k = classify(number);
    // "I" after "H" is the letter I, not the Roman one.
    if (k.kind == NumberKind::kRoman && bare(number).size() == 1) {
      for (std::size_t dpt = 0; dpt < kinds->size(); ++dpt) {
        const auto& [kk, last] = (*kinds)[dpt];
        std::string b = bare(number), lb = bare(last);
        if (kk.kind == NumberKind::kLetter && lb.size() == 1 && b[0] == lb[0] + 1) {
          k.kind = NumberKind::kLetter;
          note(&d_, at, "tasks", "mục \"" + number + "\" được hiểu là chữ cái sau \"" + last + "\", không phải số La Mã",
               "section \"" + number + "\" was read as the letter after \"" + last + "\", not a Roman numeral");
        }
      }
    }
    std::size_t depth = kinds->size();
    for (std::size_t dpt = 0; dpt < kinds->size(); ++dpt) {
      const auto& kk = (*kinds)[dpt].first;
      if (kk.kind == k.kind && kk.parts == k.parts) {
        depth = dpt;
        break;
      }
    }
    if (depth >= static_cast<std::size_t>(kMaxSectionDepth)) {
      depth = static_cast<std::size_t>(kMaxSectionDepth) - 1;
      note(&d_, at, "tasks", "mục \"" + number + "\" lồng sâu quá 3 cấp; đặt ở cấp 3", "section \"" + number + "\" nests deeper than 3 levels; put at level 3");
    }
    kinds->resize(depth);
    kinds->push_back({k, number});
    stack->resize(depth + 1);
    Node n;
    n.section = true;
    // Roman numerals and letters are written without their full stop ("I."), as the plan files
    // keep them; decimal numbers stay exactly as printed ("1.", "2.1").
    n.number = (k.kind == NumberKind::kRoman || k.kind == NumberKind::kLetter) ? bare(number) : number;
    n.title = title;
    n.depth = static_cast<int>(depth) + 1;
    n.at = at;
    stack->back()->children.push_back(std::move(n));
    stack->push_back(&stack->back()->children.back());
    ++d_.sections;
    if (title.empty()) note(&d_, at, "tasks", "mục không có tên", "the section has no heading");
  }

  // ---- targets ----

  void propose_targets() {
    static const std::regex pct(R"(([0-9]+(?:[.,][0-9]+)?)\s*%)");
    for (std::size_t i = 0; i < d_.tasks.size(); ++i) {
      // line by line, so that the words before a figure are whole characters and its sentence
      // is the line's clause around it
      std::set<std::pair<std::string, std::string>> seen;  // (value, comparison) already proposed
      // the task's text, then its expected output ("xử lý đạt tỷ lệ 100% phản ánh")
      for (const auto& line : split(d_.tasks[i].text + "\n" + d_.tasks[i].output, '\n')) {
        if (line.size() > 4000) continue;
        for (auto it = std::sregex_iterator(line.begin(), line.end(), pct); it != std::sregex_iterator(); ++it) {
          auto pos = static_cast<std::size_t>(it->position(0));
          auto end = pos + static_cast<std::size_t>(it->length(0));
          std::string before = to_lower(line.substr(0, pos));
          std::string after = to_lower(line.substr(end));
          auto last = [&](const char* w) {
            auto p = before.rfind(w);
            return p == std::string::npos ? -1L : static_cast<long>(p);
          };
          long at_least = std::max({last("tối thiểu"), last("ít nhất"), last("từ ")});
          long at_most = last("tối đa");
          long exactly = last("đạt");
          long clause = std::max(last(";"), last(". "));
          std::string value = (*it)[1].str();
          std::replace(value.begin(), value.end(), ',', '.');
          bool opens = collapse(clause < 0 ? before : before.substr(static_cast<std::size_t>(clause) + 1)).empty();
          std::string cmp;
          if (starts_with(collapse(after), "trở lên")) cmp = "at_least";
          else if (at_most > clause && at_most > at_least) cmp = "at_most";
          else if (at_least > clause) cmp = "at_least";  // "tối thiểu đạt 50%", "đạt tỷ lệ tối thiểu 60%"
          else if (exactly > clause) cmp = "exactly";
          else if (at_least >= 0 && at_least >= exactly) cmp = "at_least";  // "tối thiểu … là 60%, 55%"
          else if (value == "100") cmp = "exactly";  // "số hóa 100% hồ sơ": nothing goes past all
          else if (opens) cmp = "at_least";  // "80% dịch vụ công …; 60% hồ sơ …": the figure opens its clause
          else continue;
          if (!seen.insert({value, cmp}).second) continue;
          // the sentence: from the full stop before the figure to the one after it
          std::size_t from = line.rfind(". ", pos);
          from = from == std::string::npos ? 0 : from + 2;
          std::size_t to = line.find(". ", end);
          std::string sentence = collapse(line.substr(from, to == std::string::npos ? std::string::npos : to - from + 1));
          if (starts_with(sentence, "- ")) sentence = collapse(sentence.substr(2));
          ProposedTarget p;
          p.task = static_cast<int>(i);
          p.comparison = cmp;
          p.value = value;
          p.sentence = sentence;
          p.at = d_.tasks[i].at;
          d_.targets.push_back(p);
          note(&d_, p.at, "targets", "đề xuất chỉ tiêu " + value + "% (" + comparison_vi(cmp) + ") từ câu: \"" + shortened(sentence, 300) + "\"",
               "proposed target " + value + "% (" + cmp + ") from: \"" + shortened(sentence, 300) + "\"", static_cast<int>(i));
        }
      }
    }
  }

  static std::string comparison_vi(const std::string& c) {
    return c == "at_least" ? "tối thiểu" : c == "at_most" ? "tối đa" : "đạt đúng";
  }
};

// ---- writing -------------------------------------------------------------------------------

bool plain_safe(const std::string& s) {
  if (s.empty() || s.size() > 2000) return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  static const std::string bad_first = "-?:,[]{}#&*!|>'\"%@`0123456789.+~=<";
  if (bad_first.find(s[0]) != std::string::npos) return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':') return false;
  for (char c : s)
    if (c == '\n' || c == '\t' || c == '\r' || static_cast<unsigned char>(c) < 0x20) return false;
  std::string l = to_lower(s);
  for (const char* w : {"true", "false", "yes", "no", "null", "on", "off", "y", "n", "~"})
    if (l == w) return false;
  return true;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) break;
        out += c;
    }
  }
  return out + "\"";
}

class Writer {
 public:
  std::string out;
  int line = 1;

  void raw(const std::string& s) {
    out += s;
    line += static_cast<int>(std::count(s.begin(), s.end(), '\n'));
  }

  // key: value at an indent; multi-line text as a literal block.
  void scalar(int indent, const std::string& key, const std::string& value, bool force_quote = false) {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    if (value.find('\n') != std::string::npos) {
      raw(pad + key + ": |-\n");
      for (const auto& l : split(value, '\n')) raw(l.empty() ? "\n" : pad + "  " + strip_trailing(l, " ") + "\n");
      return;
    }
    raw(pad + key + ": " + (!force_quote && plain_safe(value) ? value : quoted(value)) + "\n");
  }

  void list_item(int indent, const std::string& value) {
    raw(std::string(static_cast<std::size_t>(indent), ' ') + "- " + (plain_safe(value) ? value : quoted(value)) + "\n");
  }
};

void write_offices(Writer* w, int indent, const std::string& key, const Offices& o) {
  if (o.items.empty()) return;
  if (!o.list && o.items.size() == 1) {
    w->scalar(indent, key, o.items[0]);
    return;
  }
  w->raw(std::string(static_cast<std::size_t>(indent), ' ') + key + ":\n");
  for (const auto& i : o.items) w->list_item(indent + 2, i);
}

void write_nodes(Writer* w, Draft* d, const std::vector<Node>& nodes, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  for (const auto& n : nodes) {
    if (n.section) {
      d->row_lines[{n.at.table, n.at.row}] = w->line;
      w->raw(pad + "- section: " + (plain_safe(n.title) ? n.title : quoted(n.title)) + "\n");
      if (!n.number.empty()) w->scalar(indent + 2, "number", n.number, true);
      if (n.children.empty()) {
        w->raw(pad + "  tasks: []\n");
      } else {
        w->raw(pad + "  tasks:\n");
        write_nodes(w, d, n.children, indent + 4);
      }
      continue;
    }
    DraftTask& t = d->tasks[static_cast<std::size_t>(n.task)];
    t.line = w->line;
    bool first = true;
    auto key = [&](const std::string& k, const std::string& v, bool q = false) {
      if (v.empty()) return;  // (the first key always has a value: see below)
      if (first) {
        // "- key: value" for the first key of the item
        Writer tmp;
        tmp.scalar(0, k, v, q);
        std::string s = tmp.out;
        std::string lead = pad + "- ";
        std::string rest;
        for (std::size_t i = 0; i < s.size();) {
          auto e = s.find('\n', i);
          std::string l = s.substr(i, e - i);
          rest += (i == 0 ? lead : (l.empty() ? "" : pad + "  ")) + l + "\n";
          i = e + 1;
        }
        w->raw(rest);
        first = false;
      } else {
        w->scalar(indent + 2, k, v, q);
      }
    };
    if (!t.id.empty()) key("id", t.id);
    key("number", t.number, true);
    key("task", t.text);
    if (first) {
      // neither number nor text: an empty task, which `check` names (the review list says why)
      w->raw(pad + "- task: \"\"\n");
      first = false;
    }
    write_offices(w, indent + 2, "lead", t.lead);
    write_offices(w, indent + 2, "partners", t.partners);
    key("output", t.output);
    key("timeframe", t.timeframe);
    if (!n.children.empty()) {
      w->raw(pad + "  tasks:\n");
      write_nodes(w, d, n.children, indent + 4);
    }
  }
}

void give_unique_ids(Draft* d) {
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < d->tasks.size(); ++i) {
    auto& t = d->tasks[i];
    std::string id = derived_task_id(t.text.empty() ? "nhiem vu" : t.text);
    if (id.empty()) id = "nhiem-vu";
    int& n = seen[id];
    ++n;
    if (n > 1) {
      std::string unique = id + "-" + std::to_string(n);
      while (seen.count(unique)) unique += "-" + std::to_string(n);
      seen[unique] = 1;
      t.id = unique;
      note(d, t.at, "id", "hai nhiệm vụ có cùng mở đầu; nhiệm vụ này được đặt mã \"" + unique + "\"",
           "two tasks begin alike; this one was given the id \"" + unique + "\"", static_cast<int>(i));
    } else if (derived_task_id(t.text).empty()) {
      t.id = id + "-" + std::to_string(i + 1);
    }
  }
}

std::string task_id(const Draft& d, int i) {
  const auto& t = d.tasks[static_cast<std::size_t>(i)];
  return t.id.empty() ? derived_task_id(t.text) : t.id;
}

std::string write_plan(Draft* d) {
  give_unique_ids(d);
  Writer w;
  w.raw("---\n");
  // What could not be read is left out rather than made up (an unknown number is not the blank
  // form "/KH-UBND"): `check` then names the missing key, and the review list says why.
  std::map<std::string, int> header_lines;  // header key → its line, for the review list
  if (!d->number.empty()) header_lines["number"] = w.line, w.scalar(0, "number", d->number, true);
  if (!d->title.empty()) w.scalar(0, "title", d->title);
  if (d->year) w.raw("year: " + std::to_string(d->year) + "\n");
  if (!d->date.empty()) header_lines["date"] = w.line, w.raw("date: " + d->date + "\n");
  if (!d->place.empty()) w.scalar(0, "place", d->place);
  if (!d->issuer.empty()) header_lines["issuer"] = w.line, w.scalar(0, "issuer", d->issuer);
  if (!d->signer_title.empty() || !d->signer_name.empty() || !d->capacity.empty()) {
    w.raw("signer:\n");
    if (!d->signer_name.empty()) w.scalar(2, "name", d->signer_name);
    if (!d->capacity.empty()) {
      w.raw("  capacity:\n");
      for (const auto& c : d->capacity) w.list_item(4, c);
    }
    if (!d->signer_title.empty()) w.scalar(2, "title", d->signer_title);
  }
  if (!d->legal_basis.empty()) {
    w.raw("legal_basis:\n");
    for (const auto& r : d->legal_basis) w.list_item(2, r);
  }
  if (!d->implements.empty()) {
    w.raw("implements:\n");
    w.scalar(2, "text", d->implements);
  }
  if (!d->recipients.empty()) {
    w.raw("recipients:\n");
    for (const auto& r : d->recipients) w.list_item(2, r);
  }
  if (!d->budget.empty()) w.scalar(0, "budget", d->budget);
  if (!d->appendix_title.empty() || !d->appendix_note.empty()) {
    w.raw("appendix:\n");
    if (!d->appendix_title.empty()) w.scalar(2, "title", d->appendix_title, true);
    if (!d->appendix_note.empty()) w.scalar(2, "note", d->appendix_note, true);
  }
  if (d->root.children.empty()) {
    w.raw("tasks: []\n");
  } else {
    w.raw("tasks:\n");
    write_nodes(&w, d, d->root.children, 2);
  }
  if (!d->targets.empty()) {
    w.raw("# Chỉ tiêu đề xuất từ nội dung nhiệm vụ: kiểm tra, viết lại \"measure\", rồi bỏ dấu # để dùng.\n");
    w.raw("# targets:\n");
    std::map<std::string, int> ids;
    for (const auto& t : d->targets) {
      std::string base = slugify_words(d->tasks[static_cast<std::size_t>(t.task)].text, 4);
      if (base.empty()) base = "chi-tieu";
      base += "-" + slugify(t.value);
      int n = ++ids[base];
      std::string id = n > 1 ? base + "-" + std::to_string(n) : base;
      std::string sentence = shortened(t.sentence, 200);  // a starting point for the measure
      d->proposals.push_back({task_id(*d, t.task), t.comparison, t.value, t.sentence, t.at});
      w.raw("#   - id: " + id + "\n");
      w.raw("#     measure: " + quoted(sentence) + "\n");
      w.raw("#     statement: " + quoted(t.sentence) + "\n");
      w.raw("#     comparison: " + t.comparison + "\n");
      w.raw("#     value: " + t.value + "\n");
      w.raw("#     task: " + task_id(*d, t.task) + "\n");
    }
  }
  w.raw("---\n\n");
  for (std::size_t i = 0; i < d->body.size(); ++i) {
    const std::string& b = d->body[i];
    if (i) w.raw("\n");
    w.raw(b + "\n");
  }
  for (auto [r, t] : d->review_task) d->review[static_cast<std::size_t>(r)].line = d->tasks[t].line;
  for (auto& r : d->review)
    if (auto it = header_lines.find(r.field); !r.line && it != header_lines.end()) r.line = it->second;
  for (auto& r : d->review)
    if (!r.line && r.at.row)
      if (auto it = d->row_lines.find({r.at.table, r.at.row}); it != d->row_lines.end()) r.line = it->second;
  return w.out;
}

}  // namespace

std::string describe_place(const SourcePlace& at, bool english) {
  std::vector<std::string> parts;
  if (at.page) parts.push_back((english ? "page " : "trang ") + std::to_string(at.page));
  if (at.text_box) parts.push_back((english ? "text box " : "hộp văn bản ") + std::to_string(at.text_box));
  if (at.table) parts.push_back((english ? "table " : "bảng ") + std::to_string(at.table));
  if (at.row) parts.push_back((english ? "row " : "hàng ") + std::to_string(at.row));
  if (at.paragraph && !at.table) parts.push_back((english ? (at.page ? "line " : "paragraph ") : (at.page ? "dòng " : "đoạn ")) + std::to_string(at.paragraph));
  if (parts.empty()) return english ? "the document" : "văn bản";
  return join_lines(parts, ", ");
}

RecognisedPlan recognise_plan(const Document& doc, const RecogniseOptions& options) {
  Recogniser r(doc, options);
  Draft d = r.run();
  RecognisedPlan out;
  out.text = write_plan(&d);
  out.review = std::move(d.review);
  out.targets = std::move(d.proposals);
  out.task_rows = static_cast<int>(d.tasks.size());
  out.section_rows = d.sections;
  return out;
}

}  // namespace congkhai::import
