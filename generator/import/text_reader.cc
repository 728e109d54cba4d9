#include "import/text_reader.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <vector>

#include "import/wrapped_lines.h"

namespace congkhai::import {
namespace {

struct TextLine {
  std::string text;    // trimmed, marks removed
  bool tab = false;    // started with a tab (a table cell in Word's copy)
  bool bold = false;   // wrapped in ** … ** (a Markdown-like copy)
  bool italic = false; // holds <i> … </i>: a row printed in italics is a task, not a section
  int number = 0;      // line in the file, from 1
  int page = 0;        // from 1 when the text has form feeds, else 0
};

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0)) {
      if (n != 0) return false;
    }
    if (n > 0 && (c == 0xC0 || c == 0xC1 || c > 0xF4)) return false;
    for (int k = 1; k <= n; ++k)
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += static_cast<std::size_t>(n) + 1;
  }
  return true;
}

std::string trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // A no-break space at either end.
  while (s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  return std::string(s);
}

// Drops Word's "[bookmark: …]" marks and the inline tags a copy can carry (<i>, </b> …).
std::string without_marks(std::string s) {
  for (std::size_t at; (at = s.find("[bookmark:")) != std::string::npos;) {
    std::size_t end = s.find(']', at);
    if (end == std::string::npos) break;
    s.erase(at, end - at + 1);
  }
  for (const char* tag : {"<i>", "</i>", "<b>", "</b>", "<u>", "</u>", "<em>", "</em>", "<strong>", "</strong>"})
    for (std::size_t at; (at = s.find(tag)) != std::string::npos;) s.erase(at, std::string_view(tag).size());
  return s;
}

std::vector<TextLine> split_lines(std::string_view text) {
  std::vector<TextLine> out;
  int number = 0, page = text.find('\f') != std::string_view::npos ? 1 : 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    ++number;
    while (!raw.empty() && raw.front() == '\f') {
      ++page;
      raw.remove_prefix(1);
    }
    TextLine l;
    l.number = number;
    l.page = page;
    l.italic = raw.find("<i>") != std::string_view::npos || raw.find("<em>") != std::string_view::npos;
    std::string cleaned = without_marks(std::string(raw));
    l.tab = !cleaned.empty() && cleaned.front() == '\t';
    l.text = trim(cleaned);
    if (l.text.size() >= 4 && l.text.substr(0, 2) == "**") {
      l.text.erase(0, 2);
      l.bold = true;
    }
    if (l.text.size() >= 2 && l.text.substr(l.text.size() - 2) == "**") {
      l.text.erase(l.text.size() - 2);
      l.bold = true;
    }
    out.push_back(std::move(l));
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split_tabs(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = s.find('\t', start);
    out.push_back(trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool is_number_title(std::string_view s) { return s == "STT" || s == "TT" || s == "Số TT" || s == "Stt"; }

bool mentions_content(std::string_view s) {
  return s.find("Nội dung") != std::string_view::npos || s.find("NỘI DUNG") != std::string_view::npos ||
         s.find("Nhiệm vụ") != std::string_view::npos;
}

bool all_capitals(std::string_view s) {
  bool letter = false;
  for (unsigned char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if ((c >= 'A' && c <= 'Z') || c >= 0x80) letter = true;
  }
  // Vietnamese lower-case letters outside ASCII: a rough check on the common ones.
  for (const char* lower : {"ă", "â", "đ", "ê", "ô", "ơ", "ư", "á", "à", "ả", "ã", "ạ", "é", "è", "í", "ó", "ò", "ú", "ù", "ý", "ế", "ệ", "ố", "ộ", "ờ", "ớ", "ủ", "ứ", "ự", "ị", "ạ", "ấ", "ậ", "ầ", "ể", "ễ", "ề", "ồ", "ổ", "ỗ", "ợ", "ở", "ỡ", "ừ", "ử", "ữ", "ỳ", "ỷ", "ỹ", "ỵ", "ắ", "ằ", "ẳ", "ẵ", "ặ", "ẩ", "ẫ", "ẻ", "ẽ", "ẹ", "ỉ", "ì", "ĩ", "õ", "ọ", "ũ", "ụ"})
    if (s.find(lower) != std::string_view::npos) return false;
  return letter;
}

bool starts_lower(std::string_view s) {
  if (s.empty()) return false;
  if (s[0] >= 'a' && s[0] <= 'z') return true;
  if (static_cast<unsigned char>(s[0]) < 0x80) return false;
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return !all_capitals(s.substr(0, n));
}

bool ends_sentence(std::string_view s) {
  if (s.empty()) return true;
  char c = s.back();
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == ')';
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string first_token(const std::string& s) { return s.substr(0, s.find(' ')); }

bool is_roman(std::string_view s) {
  if (s.empty() || s.size() > 5) return false;
  for (char c : s)
    if (std::string_view("IVX").find(c) == std::string_view::npos) return false;
  return true;
}

bool is_page_number(std::string_view s) {
  std::string rest;
  for (char c : s)
    if (c != ' ' && c != '-') rest += c;
  if (rest.empty() || rest.size() > 4) return false;
  for (char c : rest)
    if (c < '0' || c > '9') return false;
  return true;
}

class TextBuilder {
 public:
  TextBuilder(std::vector<TextLine> lines, const std::string& path) : lines_(std::move(lines)) { doc_.path = path; }

  Document build() {
    std::size_t i = 0, plain = 0;
    while (i < lines_.size()) {
      std::size_t next = i;
      if (tab_rows_header(i)) {
        paragraphs(plain, i);
        next = tab_rows(i);
      } else if (tab_cells_header(i)) {
        paragraphs(plain, i);
        next = tab_cells(i);
      } else if (block_header(i)) {
        paragraphs(plain, i);
        next = blocks(i);
      }
      if (next != i) {
        plain = i = next;
      } else {
        ++i;
      }
    }
    paragraphs(plain, lines_.size());
    return std::move(doc_);
  }

 private:
  // --- paragraphs --------------------------------------------------------------------------
  void paragraphs(std::size_t from, std::size_t to) {
    Paragraph* open = nullptr;
    const TextLine* prev = nullptr;
    for (std::size_t i = from; i < to; ++i) {
      const TextLine& l = lines_[i];
      if (l.text.empty() || is_page_number(l.text)) {
        open = nullptr;
        prev = nullptr;
        continue;
      }
      bool join = open && prev && !l.tab && !starts_item(l.text) && l.text[0] != '(' && !ends_sentence(prev->text) &&
                  code_points(prev->text) >= 40 &&
                  !all_capitals(prev->text) && !all_capitals(l.text) && prev->bold == l.bold;
      if (join) {
        append_line(&open->text, l.text, false);
      } else {
        Block b;
        b.paragraph.text = l.text;
        b.paragraph.bold = l.bold;
        b.paragraph.at.page = l.page;
        b.paragraph.at.paragraph = l.number;
        doc_.blocks.push_back(std::move(b));
        open = &doc_.blocks.back().paragraph;
      }
      prev = &l;
    }
  }

  Block new_table(const TextLine& at) {
    Block b;
    b.kind = Block::Kind::kTable;
    b.table.at.page = at.page;
    b.table.at.paragraph = at.number;
    return b;
  }

  static Row make_row(const TextLine& at, int index) {
    Row r;
    r.at.page = at.page;
    r.at.paragraph = at.number;
    r.at.row = index;
    return r;
  }

  static void pad(Row* r, std::size_t columns, bool two_cells_are_a_section = true) {
    // A section's title alone after its number spans the rest of the row.
    if (two_cells_are_a_section && r->cells.size() == 2 && columns > 2 && r->cells[1].span == 1) {
      r->cells[1].span = static_cast<int>(columns - 1);
      return;
    }
    std::size_t spanned = 0;
    for (const auto& c : r->cells) spanned += static_cast<std::size_t>(std::max(1, c.span));
    for (; spanned < columns; ++spanned) r->cells.push_back(Cell{});
  }

  // --- a row per line, cells separated by tabs ---------------------------------------------
  bool tab_rows_header(std::size_t i) const {
    const TextLine& l = lines_[i];
    std::size_t tab = l.text.find('\t');
    if (tab == std::string::npos) return false;
    auto cells = split_tabs(l.text);
    return cells.size() >= 3 && is_number_title(cells[0]) && mentions_content(cells[1]);
  }

  std::size_t tab_rows(std::size_t i) {
    Block b = new_table(lines_[i]);
    Table& t = b.table;
    auto titles = split_tabs(lines_[i].text);
    std::size_t columns = titles.size();
    Row header = make_row(lines_[i], 1);
    header.header = true;
    for (auto& title : titles) header.cells.push_back(cell_of(title, 1, true));
    t.rows.push_back(std::move(header));
    bool after_blank = false;
    std::size_t k = i + 1;
    for (; k < lines_.size(); ++k) {
      const TextLine& l = lines_[k];
      if (l.text.empty() || is_page_number(l.text)) {
        after_blank = true;
        continue;
      }
      if (!l.tab && l.text.find('\t') == std::string::npos) break;  // the table has ended
      auto cells = split_tabs(l.text);
      if (l.tab) cells.insert(cells.begin(), std::string());
      if (cells.size() >= 2 && is_number_title(cells[0]) && mentions_content(cells[1])) {
        after_blank = false;  // the header row again, on a new page
        continue;
      }
      if (after_blank && cells[0].empty() && t.rows.size() > 1) {
        // The rest of the row above, carried over a page break.
        Row& r = t.rows.back();
        for (std::size_t c = 0; c < cells.size() && c < r.cells.size(); ++c)
          append_line(&r.cells[c].text, cells[c], false);
        r.doubt = "hàng nối tiếp sau dòng trống (có lẽ qua trang): đã ghép vào hàng trên";
        r.doubt_en = "row continued after a blank line (probably a page break): joined to the row above";
        after_blank = false;
        continue;
      }
      Row r = make_row(l, static_cast<int>(t.rows.size()) + 1);
      for (auto& c : cells) r.cells.push_back(cell_of(c, 1, false));
      if (r.cells.size() > columns) {
        r.doubt = "hàng có nhiều ô hơn tiêu đề bảng";
        r.doubt_en = "the row has more cells than the table's header";
      }
      bool section = true;
      for (std::size_t c = 2; c < r.cells.size(); ++c) section = section && r.cells[c].text.empty();
      if (section && r.cells.size() > 2 && !l.italic) r.cells.resize(2);
      pad(&r, columns, !l.italic);
      t.rows.push_back(std::move(r));
      after_blank = false;
    }
    doc_.blocks.push_back(std::move(b));
    return k;
  }

  // --- a cell per line, rows separated by blank lines --------------------------------------
  struct Group {
    std::vector<Cell> cells;
    std::size_t first = 0;  // line
  };

  // Reads the blank-separated group of tab-led cells at `i`; `*next` is the line after it.
  bool read_group(std::size_t i, Group* g, std::size_t* next, std::size_t limit = SIZE_MAX) const {
    std::size_t k = i;
    while (k < lines_.size() && lines_[k].text.empty() && !lines_[k].tab) ++k;
    if (k >= lines_.size() || !lines_[k].tab) {
      *next = k;
      return false;
    }
    g->first = k;
    for (; k < lines_.size() && k - g->first < limit; ++k) {
      const TextLine& l = lines_[k];
      if (l.tab) {
        g->cells.push_back(cell_of(l.text, 1, l.bold));
      } else if (l.text.empty()) {
        break;
      } else {
        append_line(&g->cells.back().text, l.text, false);
      }
    }
    *next = k;
    return true;
  }

  bool tab_cells_header(std::size_t i) const {
    if (!lines_[i].tab || !is_number_title(lines_[i].text)) return false;
    Group g;
    std::size_t next = 0;
    if (!read_group(i, &g, &next, 64) || g.cells.size() < 3) return false;
    return mentions_content(g.cells[1].text);
  }

  std::size_t tab_cells(std::size_t i) {
    Block b = new_table(lines_[i]);
    Table& t = b.table;
    Group head;
    std::size_t k = i;
    read_group(i, &head, &k);
    std::size_t columns = head.cells.size();
    Row header = make_row(lines_[head.first], 1);
    header.header = true;
    for (auto& c : head.cells) header.cells.push_back(cell_of(c.text, 1, true));
    t.rows.push_back(std::move(header));
    Row* open = nullptr;
    std::size_t open_cells = 0;
    while (true) {
      Group g;
      std::size_t next = k;
      if (!read_group(k, &g, &next)) {
        k = next;
        break;
      }
      k = next;
      if (open && open_cells < columns && open_cells + g.cells.size() <= columns && !g.cells.empty() &&
          !(open_cells == 2 && !g.cells[0].text.empty() && is_item_number(g.cells[0].text))) {
        // A row broken by a blank line: "11" alone, then its other cells.
        for (auto& c : g.cells) open->cells.push_back(std::move(c));
        open_cells += g.cells.size();
        open->doubt = "các ô của hàng cách nhau bởi dòng trống: đã ghép thành một hàng";
        open->doubt_en = "the row's cells were separated by a blank line: joined into one row";
        continue;
      }
      if (open) pad(open, columns);
      Row r = make_row(lines_[g.first], static_cast<int>(t.rows.size()) + 1);
      r.cells = std::move(g.cells);
      if (r.cells.size() > columns) {
        r.doubt = "hàng có nhiều ô hơn tiêu đề bảng";
        r.doubt_en = "the row has more cells than the table's header";
      }
      t.rows.push_back(std::move(r));
      open = &t.rows.back();
      open_cells = open->cells.size();
    }
    if (open) pad(open, columns);
    doc_.blocks.push_back(std::move(b));
    return k;
  }

  // --- columns as blocks (a PDF's text copied out) -----------------------------------------
  bool block_header(std::size_t i) const {
    const std::string& s = lines_[i].text;
    if (lines_[i].tab || s.find('\t') != std::string::npos) return false;
    return (s.rfind("STT ", 0) == 0 || s.rfind("TT ", 0) == 0) && mentions_content(s) &&
           (s.find("chủ trì") != std::string::npos || s.find("Cơ quan") != std::string::npos);
  }

  static std::size_t count_titles(const std::string& header) {
    std::size_t n = 0;
    for (const char* title : {"STT", "Nội dung", "chủ trì", "phối hợp", "Thời hạn", "Thời gian", "Sản phẩm",
                              "sản phẩm", "Kết quả", "Ghi chú"})
      if (header.find(title) != std::string::npos) ++n;
    return n;
  }

  // The header's blocks: its first line and the blocks after it up to the first row.
  // At most `most` blocks, and never more than a header's few lines.
  std::size_t header_blocks(std::size_t i, std::vector<std::string>* texts, std::size_t most = 8) const {
    std::size_t k = i;
    std::string block;
    for (; k < lines_.size() && k < i + 16; ++k) {
      const std::string& s = lines_[k].text;
      if (s.empty()) {
        if (!block.empty()) texts->push_back(block), block.clear();
        if (texts->size() >= most) break;
        continue;
      }
      std::string token = first_token(s);
      if (k > i && block.empty() && (is_item_number(token) || is_roman(token))) break;
      append_line(&block, s, false);
    }
    if (!block.empty()) texts->push_back(block);
    return k;
  }

  std::size_t blocks(std::size_t i) {
    Block b = new_table(lines_[i]);
    Table& t = b.table;
    std::vector<std::string> head;
    std::size_t k = header_blocks(i, &head);
    std::string all;
    for (auto& h : head) all += h + " ";
    all = all.substr(0, all.size() - 1);
    // The titles, cut where each column's usual first words start.
    std::vector<std::size_t> cuts;
    for (const char* anchor : {"STT", "TT ", "Nội dung", "Cơ quan", "Thời hạn", "Thời gian", "Sản phẩm", "Dự kiến",
                               "Kết quả", "Ghi chú"}) {
      for (std::size_t at = all.find(anchor); at != std::string::npos; at = all.find(anchor, at + 1)) {
        bool inside = false;  // "Dự kiến sản phẩm" is one title, "Sản phẩm dự kiến" another
        for (std::size_t c : cuts) inside = inside || (at > c && at < c + 10 && all.compare(c, 7, "Dự kiến") == 0);
        if (!inside && (at == 0 || all[at - 1] == ' ')) cuts.push_back(at);
        if (std::string_view(anchor) == "STT" || std::string_view(anchor) == "TT ") break;
      }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    if (cuts.empty() || cuts.front() != 0) cuts.insert(cuts.begin(), 0);
    Row header = make_row(lines_[i], 1);
    header.header = true;
    for (std::size_t c = 0; c < cuts.size(); ++c) {
      std::size_t end = c + 1 < cuts.size() ? cuts[c + 1] : all.size();
      header.cells.push_back(cell_of(trim(all.substr(cuts[c], end - cuts[c])), 1, true));
    }
    std::size_t columns = std::max<std::size_t>(3, header.cells.size());
    t.rows.push_back(std::move(header));
    // The blocks between blank lines, and whether each follows the header repeated on a page.
    struct TextBlock {
      std::vector<std::string> lines;
      std::size_t line = 0;
      bool after_break = false;
    };
    std::vector<TextBlock> blocks_found;
    bool after_break = false;
    auto open_block = [&](std::size_t line) {
      if (blocks_found.empty() || !blocks_found.back().lines.empty()) blocks_found.emplace_back();
      blocks_found.back().line = line;
      blocks_found.back().after_break = after_break;
      after_break = false;
    };
    bool in_block = false;
    for (; k < lines_.size(); ++k) {
      const TextLine& l = lines_[k];
      if (l.text.empty()) {
        in_block = false;
        continue;
      }
      if (block_header(k)) {  // the header row repeated on a new page
        std::vector<std::string> again;
        k = header_blocks(k, &again, head.size()) - 1;
        in_block = false;
        after_break = true;
        continue;
      }
      std::string token = first_token(l.text);
      bool section = in_block && is_roman(first_token(blocks_found.back().lines.front()));
      if (in_block && ((is_roman(token) && l.text.size() > token.size() + 1) ||
                       (section && is_item_number(token) && token.find_first_of("0123456789") != std::string::npos)))
        in_block = false;  // a section's title and the row under it, with no blank line between
      if (!in_block) open_block(k), in_block = true;
      blocks_found.back().lines.push_back(l.text);
    }
    auto text_of = [](const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
      std::string out;
      for (std::size_t i = from; i < to; ++i) append_line(&out, lines[i], false);
      return out;
    };
    auto is_section = [&](const TextBlock& bl) {
      std::string token = first_token(bl.lines.front());
      return is_roman(token) && bl.lines.front().size() > token.size() + 1;
    };
    auto is_numbered = [&](const TextBlock& bl) {
      const std::string& first = bl.lines.front();
      std::string token = first_token(first);
      return is_item_number(token) && token.find_first_of("0123456789") != std::string::npos &&
             (token.back() == '.' || token.size() == first.size() || first[token.size()] == ' ');
    };
    auto add_doubt = [](Row* r, const std::string& vi, const std::string& en) {
      if (!r->doubt.empty()) r->doubt += "; ", r->doubt_en += "; ";
      r->doubt += vi;
      r->doubt_en += en;
    };
    auto unnumbered = [&](const TextBlock& bl, std::string task) {
      Row r = make_row(lines_[bl.line], static_cast<int>(t.rows.size()) + 1);
      r.cells.push_back(Cell{});
      r.cells.push_back(cell_of(std::move(task), 1, false));
      add_doubt(&r, "hàng không có số thứ tự: các ô được đoán theo thứ tự các khối chữ",
                "a row without a number: its cells were guessed from the order of the text's blocks");
      t.rows.push_back(std::move(r));
    };
    bool open = false;  // the last row of `t` takes more cells
    for (std::size_t i = 0; i < blocks_found.size(); ++i) {
      const TextBlock& bl = blocks_found[i];
      std::string text = text_of(bl.lines, 0, bl.lines.size());
      Row* last = open ? &t.rows.back() : nullptr;
      if (is_section(bl)) {
        std::string token = first_token(text);
        Row r = make_row(lines_[bl.line], static_cast<int>(t.rows.size()) + 1);
        r.after_page_break = bl.after_break;
        r.cells.push_back(cell_of(token, 1, true));
        r.cells.push_back(cell_of(trim(text.substr(token.size())), static_cast<int>(columns - 1), true));
        t.rows.push_back(std::move(r));
        open = false;
      } else if (is_numbered(bl)) {
        std::string token = first_token(text);
        Row r = make_row(lines_[bl.line], static_cast<int>(t.rows.size()) + 1);
        r.after_page_break = bl.after_break;
        r.cells.push_back(cell_of(token, 1, false));
        std::string rest = trim(text.substr(token.size()));
        if (!rest.empty()) r.cells.push_back(cell_of(rest, 1, false));
        t.rows.push_back(std::move(r));
        open = true;
      } else if (last && !bl.after_break && !last->cells.empty() && !ends_sentence(last->cells.back().text) &&
                 starts_lower(text)) {
        append_line(&last->cells.back().text, text, false);  // a cell broken by a blank line
      } else if (last && !bl.after_break && last->cells.size() < columns) {
        last->cells.push_back(cell_of(text, 1, false));
      } else if (last && bl.after_break) {
        // The top of a new page. The blocks up to the next row: the rest of the row above,
        // then, when there are enough of them, a row without a number (its task, then one
        // block a cell).
        std::size_t e = i + 1;
        while (e < blocks_found.size() && !is_section(blocks_found[e]) && !is_numbered(blocks_found[e]) &&
               !blocks_found[e].after_break)
          ++e;
        std::size_t after_task = columns > 2 ? columns - 2 : 0;
        std::vector<std::string> rest;  // the row above's continuations
        std::string new_task;
        bool new_row = e - i >= after_task + 1 && last->cells.size() >= columns;
        std::size_t task_block = new_row ? e - after_task - 1 : e;
        for (std::size_t j = i; j < task_block; ++j) rest.push_back(text_of(blocks_found[j].lines, 0, blocks_found[j].lines.size()));
        if (new_row && task_block == i) {
          // One block holds the end of the task above and the new row's task: cut it where a
          // line starts a new sentence after one that ended.
          const auto& ls = bl.lines;
          std::size_t cut = 0;
          for (std::size_t j = 1; j < ls.size(); ++j)
            if (ends_sentence(ls[j - 1]) && !starts_item(ls[j]) && !starts_lower(ls[j])) cut = j;
          if (cut > 0) rest.push_back(text_of(ls, 0, cut));
          new_task = text_of(ls, cut, ls.size());
        } else if (new_row) {
          new_task = text_of(blocks_found[task_block].lines, 0, blocks_found[task_block].lines.size());
        }
        if (!rest.empty()) {
          if (last->cells.size() < 2) last->cells.push_back(Cell{});
          append_line(&last->cells[1].text, rest.front(), false);
          // The other continuations go to the cells that had not ended, the rightmost first
          // (the long ones: output, timeframe); a single line for two such cells is shared out,
          // its first word to the left one (pdftotext puts the columns' first lines on one).
          std::vector<std::size_t> unfinished;
          for (std::size_t c = 2; c < last->cells.size(); ++c)
            if (!ends_sentence(last->cells[c].text)) unfinished.push_back(c);
          std::size_t pieces = rest.size() - 1;
          if (pieces == 1 && rest[1].find(' ') != std::string::npos) pieces = 2;
          if (unfinished.size() > pieces) unfinished.erase(unfinished.begin(), unfinished.end() - static_cast<long>(pieces));
          std::size_t u = 0;
          for (std::size_t j = 1; j < rest.size(); ++j) {
            std::string piece = rest[j];
            bool last_piece = j + 1 == rest.size();
            while (last_piece && u + 1 < unfinished.size() && piece.find(' ') != std::string::npos) {
              append_line(&last->cells[unfinished[u++]].text, piece.substr(0, piece.find(' ')), false);
              piece = piece.substr(piece.find(' ') + 1);
            }
            if (u < unfinished.size()) append_line(&last->cells[unfinished[u++]].text, piece, false);
            else if (last->cells.size() < columns) last->cells.push_back(cell_of(piece, 1, false));
            else append_line(&last->cells.back().text, piece, false);
          }
        }
        add_doubt(last, "hàng nối tiếp qua trang: phần ở đầu trang được ghép vào các ô chưa hết của hàng trên",
                  "row continued across a page break: the top of the page was joined to the unfinished cells of the row above");
        if (new_row) {
          unnumbered(blocks_found[task_block], new_task);
          for (std::size_t j = task_block + 1; j < e; ++j)
            t.rows.back().cells.push_back(
                cell_of(text_of(blocks_found[j].lines, 0, blocks_found[j].lines.size()), 1, false));
          open = true;
        }
        i = e - 1;
      } else {
        unnumbered(bl, text);
        open = true;
      }
    }
    for (std::size_t r = 1; r < t.rows.size(); ++r) {
      Row& row = t.rows[r];
      if (row.cells.size() < columns && !(row.cells.size() == 2 && row.cells[1].span > 1))
        add_doubt(&row, "hàng có ít ô hơn số cột: có thể hai cột bị chép chung một dòng",
                  "the row has fewer cells than the table has columns: two columns may have been copied onto one line");
      pad(&row, columns, false);
    }
    doc_.blocks.push_back(std::move(b));
    return k;
  }

  std::vector<TextLine> lines_;
  Document doc_;
};

}  // namespace

std::optional<Document> parse_text(std::string_view text, const std::string& path, ReadProblem* problem) {
  if (text.size() > kMaxTextBytes) {
    if (problem) *problem = {"tệp văn bản quá lớn (hơn 8 MB): không phải một kế hoạch",
                             "the text file is too large (over 8 MB): not a plan"};
    return std::nullopt;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find('\0') != std::string_view::npos || !valid_utf8(text)) {
    if (problem) *problem = {"không phải tệp văn bản UTF-8: hãy lưu lại dưới dạng văn bản (UTF-8)",
                             "not a UTF-8 text file: save it again as text (UTF-8)"};
    return std::nullopt;
  }
  std::string clean;
  clean.reserve(text.size());
  for (char c : text)
    if (c != '\r') clean += c;
  return TextBuilder(split_lines(clean), path).build();
}

std::optional<Document> read_text(const std::string& path, ReadProblem* problem) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (problem) *problem = {"không mở được tệp " + path, "cannot open the file " + path};
    return std::nullopt;
  }
  std::string bytes;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxTextBytes) break;
  }
  return parse_text(bytes, path, problem);
}

}  // namespace congkhai::import
