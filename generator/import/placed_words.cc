#include "import/placed_words.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "import/wrapped_lines.h"

namespace congkhai::import {
namespace {

struct Line {
  int page = 0;    // from 1
  int number = 0;  // line on its page, from 1, counting page numbers and running headers
  std::vector<PlacedWord> words;  // left to right
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0, size = 0;
  bool bold = true;
};

double size_of(const PlacedWord& w) { return w.size > 0 ? w.size : std::max(1.0, w.y1 - w.y0); }

// Words joined as they sit on the line: a space where the PDF puts one or the gap is a space.
std::string join_words(const std::vector<PlacedWord>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) {
      const PlacedWord& prev = words[i - 1];
      if (prev.space_after || words[i].x0 - prev.x1 > 0.15 * size_of(prev)) out += ' ';
    }
    out += words[i].text;
  }
  return out;
}

std::string line_text(const Line& l) { return join_words(l.words, 0, l.words.size()); }

std::vector<Line> page_lines(const PlacedPage& page, int page_number) {
  std::vector<PlacedWord> words;
  for (const auto& w : page.words) {
    if (w.text.empty() || !std::isfinite(w.x0) || !std::isfinite(w.x1) || !std::isfinite(w.y0) ||
        !std::isfinite(w.y1) || w.x1 < w.x0 || w.y1 < w.y0)
      continue;
    words.push_back(w);
  }
  std::stable_sort(words.begin(), words.end(), [](const PlacedWord& a, const PlacedWord& b) {
    double ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2;
    if (ca != cb) return ca < cb;
    return a.x0 < b.x0;
  });
  std::vector<Line> lines;
  double ref0 = 0, ref1 = 0;
  for (auto& w : words) {
    double c = (w.y0 + w.y1) / 2;
    if (lines.empty() || c < ref0 || c > ref1) {
      lines.emplace_back();
      lines.back().page = page_number;
      ref0 = w.y0;
      ref1 = w.y1;
    }
    lines.back().words.push_back(std::move(w));
  }
  int n = 0;
  for (auto& l : lines) {
    l.number = ++n;
    std::stable_sort(l.words.begin(), l.words.end(),
                     [](const PlacedWord& a, const PlacedWord& b) { return a.x0 < b.x0; });
    l.x0 = l.words.front().x0;
    l.x1 = l.words.front().x1;
    l.y0 = l.words.front().y0;
    l.y1 = l.words.front().y1;
    for (const auto& w : l.words) {
      l.x0 = std::min(l.x0, w.x0);
      l.x1 = std::max(l.x1, w.x1);
      l.y0 = std::min(l.y0, w.y0);
      l.y1 = std::max(l.y1, w.y1);
      l.size = std::max(l.size, size_of(w));
      l.bold = l.bold && w.bold;
    }
  }
  return lines;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "12", "- 12 -", "Trang 12", "12/30": a page number alone on its line.
bool is_page_number(std::string_view text) {
  std::string rest;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 5) == "Trang" || text.substr(i, 5) == "trang" || text.substr(i, 4) == "Page") {
      i += (text[i] == 'P' ? 3 : 4);
      continue;
    }
    char c = text[i];
    if (c == ' ' || c == '-' || c == '.' || c == '|' || c == '(' || c == ')') continue;
    if (text.substr(i, 3) == "\xE2\x80\x93" || text.substr(i, 3) == "\xE2\x80\x94") {  // – —
      i += 2;
      continue;
    }
    rest += c;
  }
  if (rest.empty() || rest.size() > 9) return false;
  int digits = 0;
  for (char c : rest) {
    if (is_digit(c)) ++digits;
    else if (c != '/') return false;
  }
  return digits > 0 && digits <= 8 && rest.front() != '/' && rest.back() != '/';
}

std::string without_digits(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!is_digit(c)) out += c;
  return out;
}

bool is_header_word(std::string_view w) {
  while (!w.empty() && (w.back() == '.' || w.back() == ':')) w.remove_suffix(1);
  return w == "STT" || w == "TT" || w == "Stt";
}

bool mentions_table_header(const std::string& text) {
  return text.find("STT") != std::string::npos || text.find("Nội dung") != std::string::npos ||
         text.find("NỘI DUNG") != std::string::npos || text.find("TT") == 0;
}

// Lines that repeat at the same height at the top or the bottom of several pages (running
// headers and footers, the task table's header repeated on each page) and page numbers.
std::vector<bool> furniture(const std::vector<std::vector<Line>>& pages, const std::vector<PlacedPage>& placed) {
  std::map<std::string, std::vector<std::pair<int, double>>> seen;  // text → (page, y)
  for (const auto& lines : pages)
    for (const auto& l : lines) seen[without_digits(line_text(l))].push_back({l.page, l.y0});
  auto repeated = [&](const Line& l, bool* first) {
    const auto& where = seen[without_digits(line_text(l))];
    int pages_here = 0;
    int first_page = 1 << 30;
    for (const auto& [p, y] : where)
      if (std::abs(y - l.y0) <= 2.0) {
        ++pages_here;
        first_page = std::min(first_page, p);
      }
    *first = first_page == l.page;
    return pages_here >= 2;
  };
  std::vector<bool> out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& lines = pages[p];
    double height = placed[p].height > 0 ? placed[p].height : 842;
    std::vector<bool> drop(lines.size(), false);
    auto is_furniture = [&](const Line& l, bool top) {
      bool edge = top ? l.y1 <= height * 0.25 : l.y0 >= height * 0.75;
      if (!edge) return false;
      std::string text = line_text(l);
      if (is_page_number(text)) return true;
      bool first = false;
      return repeated(l, &first);
    };
    std::size_t top = 0;
    while (top < lines.size() && is_furniture(lines[top], true)) drop[top++] = true;
    // The task table's header row, repeated on every page, is kept where it first appears.
    for (std::size_t i = 0; i < top; ++i) {
      bool first = false;
      if (mentions_table_header(line_text(lines[i])) && (repeated(lines[i], &first), first)) {
        std::fill(drop.begin() + static_cast<long>(i), drop.begin() + static_cast<long>(top), false);
        break;
      }
    }
    for (std::size_t i = lines.size(); i-- > 0 && !drop[i] && is_furniture(lines[i], false);) drop[i] = true;
    out.insert(out.end(), drop.begin(), drop.end());
  }
  return out;
}

bool is_row_number(std::string_view s) { return is_item_number(s); }

double first_word_width(const std::vector<PlacedWord>& words, std::size_t from) {
  return words[from].x1 - words[from].x0;
}

struct Fragment {  // the words of one line that fall in one column
  std::string text;
  double x0 = 0, x1 = 0, first_width = 0, size = 12;
};

struct TableLine {
  const Line* line = nullptr;
  std::vector<Fragment> cells;  // by column; empty text when none
  std::vector<bool> crosses;    // boundary i (between columns i and i+1) crossed by a word
};

struct Header {
  std::size_t first = 0, last = 0;  // lines of the band, in the document's line list
  std::vector<double> boundaries;   // x between columns
  std::vector<std::string> titles;
  double right = 0;
};

class Builder {
 public:
  Builder(std::vector<Line> lines, const std::string& path) : lines_(std::move(lines)) { doc_.path = path; }

  Document build() {
    std::size_t i = 0;
    while (i < lines_.size()) {
      Header h;
      if (find_header(i, &h)) {
        flush_plain(plain_from_, h.first);
        i = table(h);
        plain_from_ = i;
      } else {
        ++i;
      }
    }
    flush_plain(plain_from_, lines_.size());
    return std::move(doc_);
  }

 private:
  bool find_header(std::size_t i, Header* h) {
    const Line& l = lines_[i];
    const PlacedWord* number_title = nullptr;
    for (const auto& w : l.words)
      if (!number_title && is_header_word(w.text)) number_title = &w;
    if (!number_title || i < plain_from_) return false;
    // The band: lines of the header row close above and below ("Cơ quan" / "chủ trì"), with
    // nothing under the number column's title (a row's number, the note above the table).
    auto clear_of_number = [&](const Line& other) {
      for (const auto& w : other.words)
        if (w.x0 < number_title->x1 && w.x1 > number_title->x0) return false;
      return true;
    };
    std::size_t first = i, last = i;
    while (first > plain_from_ && lines_[first - 1].page == l.page &&
           lines_[first].y0 - lines_[first - 1].y1 < 0.45 * l.size && clear_of_number(lines_[first - 1]))
      --first;
    while (last + 1 < lines_.size() && lines_[last + 1].page == l.page &&
           lines_[last + 1].y0 - lines_[last].y1 < 0.45 * l.size && clear_of_number(lines_[last + 1]) &&
           !is_row_number(lines_[last + 1].words.front().text))
      ++last;
    std::string band;
    std::vector<PlacedWord> words;
    for (std::size_t k = first; k <= last; ++k) {
      band += line_text(lines_[k]) + " ";
      words.insert(words.end(), lines_[k].words.begin(), lines_[k].words.end());
    }
    if (band.find("Nội dung") == std::string::npos && band.find("NỘI DUNG") == std::string::npos &&
        band.find("Nhiệm vụ") == std::string::npos && band.find("NHIỆM VỤ") == std::string::npos &&
        band.find("nội dung") == std::string::npos)
      return false;
    std::sort(words.begin(), words.end(), [](const PlacedWord& a, const PlacedWord& b) { return a.x0 < b.x0; });
    struct Group { double x0, x1; };
    std::vector<Group> groups;
    for (const auto& w : words) {
      if (!groups.empty() && w.x0 <= groups.back().x1 + 0.4 * size_of(w))
        groups.back().x1 = std::max(groups.back().x1, w.x1);
      else
        groups.push_back({w.x0, w.x1});
    }
    if (groups.size() < 3 || groups.size() > 12) return false;
    h->first = first;
    h->last = last;
    h->right = groups.back().x1;
    // Each boundary where the fewest words of the rows below cross, between the titles' middles.
    double width = 0;
    for (std::size_t k = last + 1; k < lines_.size() && k < last + 1 + 4000; ++k) width = std::max(width, lines_[k].x1);
    width = std::max(width, h->right) + 2;
    const double step = 0.5;
    std::vector<int> cover(static_cast<std::size_t>(width / step) + 2, 0);
    // Lines that bridge two gaps between the titles span the columns (a section's title, a
    // paragraph after the table): they would hide the gaps between the columns.
    std::size_t window = std::min(lines_.size(), last + 1 + 4000);
    for (std::size_t k = last + 1; k < window; ++k) {
      int bridged = 0;
      for (std::size_t g = 0; g + 1 < groups.size(); ++g)
        for (const auto& w : lines_[k].words)
          if (w.x0 < groups[g].x1 && w.x1 > groups[g + 1].x0) {
            ++bridged;
            break;
          }
      if (bridged >= 2) continue;
      for (const auto& w : lines_[k].words)
        for (double x = std::max(0.0, w.x0); x <= w.x1 && x < width; x += step) ++cover[static_cast<std::size_t>(x / step)];
    }
    // The titles themselves are never cut.
    for (const auto& w : words)
      for (double x = std::max(0.0, w.x0); x <= w.x1 && x < width; x += step) cover[static_cast<std::size_t>(x / step)] += 1 << 20;
    for (std::size_t g = 0; g + 1 < groups.size(); ++g) {
      double a = groups[g].x1, b = groups[g + 1].x0;
      double from = (groups[g].x0 + groups[g].x1) / 2, to = (groups[g + 1].x0 + groups[g + 1].x1) / 2;
      std::size_t lo = static_cast<std::size_t>(std::max(0.0, from) / step);
      std::size_t hi = std::min(cover.size() - 1, static_cast<std::size_t>(to / step));
      int best = 1 << 30;
      for (std::size_t x = lo; x <= hi; ++x) best = std::min(best, cover[x]);
      std::size_t run_start = 0, best_start = 0, best_len = 0;
      bool in_run = false;
      for (std::size_t x = lo; x <= hi + 1; ++x) {
        bool low = x <= hi && cover[x] == best;
        if (low && !in_run) run_start = x, in_run = true;
        if (!low && in_run) {
          in_run = false;
          // Prefer the widest run; between equals, the one nearest the gap between the titles.
          if (x - run_start > best_len) best_len = x - run_start, best_start = run_start;
        }
      }
      double boundary = best_len ? (static_cast<double>(best_start) + best_len / 2.0) * step : (a + b) / 2;
      h->boundaries.push_back(boundary);
    }
    // Titles: the band's words per column, line by line.
    h->titles.assign(groups.size(), "");
    for (std::size_t k = first; k <= last; ++k) {
      TableLine tl = split(lines_[k], h->boundaries);
      for (std::size_t c = 0; c < tl.cells.size(); ++c) append_line(&h->titles[c], tl.cells[c].text, false);
    }
    return true;
  }

  TableLine split(const Line& l, const std::vector<double>& boundaries) const {
    TableLine tl;
    tl.line = &l;
    tl.cells.resize(boundaries.size() + 1);
    tl.crosses.assign(boundaries.size(), false);
    std::vector<std::vector<PlacedWord>> per(boundaries.size() + 1);
    for (const auto& w : l.words) {
      double c = (w.x0 + w.x1) / 2;
      std::size_t col = 0;
      while (col < boundaries.size() && c > boundaries[col]) ++col;
      per[col].push_back(w);
      for (std::size_t b = 0; b < boundaries.size(); ++b)
        if (w.x0 < boundaries[b] - 1 && w.x1 > boundaries[b] + 1) tl.crosses[b] = true;
    }
    for (std::size_t c = 0; c < per.size(); ++c) {
      if (per[c].empty()) continue;
      Fragment& f = tl.cells[c];
      f.text = join_words(per[c], 0, per[c].size());
      f.x0 = per[c].front().x0;
      f.x1 = per[c].back().x1;
      f.first_width = first_word_width(per[c], 0);
      f.size = size_of(per[c].front());
    }
    return tl;
  }

  struct RowLines {
    std::vector<TableLine> lines;
    bool after_page_break = false;
    std::string doubt, doubt_en;
  };

  // Reads the table whose header is `h`; returns the first line after it.
  std::size_t table(const Header& h) {
    std::size_t n = h.boundaries.size() + 1;
    Block block;
    block.kind = Block::Kind::kTable;
    Table& t = block.table;
    t.at.page = lines_[h.first].page;
    t.at.paragraph = lines_[h.first].number;
    Row header;
    header.header = true;
    header.at = t.at;
    for (const auto& title : h.titles) header.cells.push_back(cell_of(title, 1, true));
    t.rows.push_back(std::move(header));

    // The table's lines: up to a paragraph after it (a line across the columns, with nothing
    // in the first), the header row repeated on later pages left out.
    std::vector<TableLine> body;
    std::size_t i = h.last + 1;
    for (; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (is_repeat_of_header(i, h)) continue;
      TableLine tl = split(l, h.boundaries);
      int crossed = static_cast<int>(std::count(tl.crosses.begin(), tl.crosses.end(), true));
      // A paragraph after the table: across the columns from the left margin, not a section's
      // title (which starts in the task column).
      if (crossed >= 2 && tl.cells[0].text.empty() && l.x0 < h.boundaries[0]) break;
      if (l.x1 > h.right + 4 * l.size && crossed >= 1) break;
      body.push_back(std::move(tl));
    }
    std::vector<RowLines> rows = group_rows(std::move(body));
    // Right edges and the least slack seen in each column, to tell a paragraph's last line.
    std::vector<double> right(n, 0), slack(n, 1e9);
    for (std::size_t c = 0; c + 1 < n; ++c) right[c] = h.boundaries[c];
    for (const auto& r : rows)
      for (const auto& tl : r.lines) right[n - 1] = std::max(right[n - 1], tl.cells[n - 1].x1);
    for (const auto& r : rows)
      for (const auto& tl : r.lines)
        for (std::size_t c = 0; c < n; ++c)
          if (!tl.cells[c].text.empty()) slack[c] = std::min(slack[c], std::max(0.0, right[c] - tl.cells[c].x1));
    int row_number = 1;
    std::vector<std::vector<Extent>> extents(1);  // per row of `t`, per column
    for (auto& r : rows) {
      extents.emplace_back(n);
      Row row;
      row.after_page_break = r.after_page_break;
      row.doubt = r.doubt;
      row.doubt_en = r.doubt_en;
      row.at.page = r.lines.front().line->page;
      row.at.paragraph = r.lines.front().line->number;
      row.at.row = ++row_number;
      // Cells span the boundaries any word of the row crosses.
      std::vector<bool> crossed(n - 1, false);
      for (const auto& tl : r.lines)
        for (std::size_t b = 0; b + 1 < n; ++b) crossed[b] = crossed[b] || tl.crosses[b];
      // A title that starts in the number column and crosses into the task column spans the
      // whole row ("I. …" across every column).
      if (n > 1 && crossed[0]) std::fill(crossed.begin(), crossed.end(), true);
      // A section's title crosses from the task column into the next: it spans to the end.
      if (n > 2 && crossed[1] && !r.lines.front().cells[0].text.empty())
        std::fill(crossed.begin() + 1, crossed.end(), true);
      std::size_t c = 0;
      while (c < n) {
        std::size_t end = c;
        while (end + 1 < n && crossed[end]) ++end;
        Cell cell;
        cell.span = static_cast<int>(end - c + 1);
        bool bold = true, any = false;
        Fragment last;
        bool has_last = false;
        for (const auto& tl : r.lines) {
          Fragment joined;
          for (std::size_t k = c; k <= end; ++k) {
            const Fragment& f = tl.cells[k];
            if (f.text.empty()) continue;
            if (joined.text.empty()) joined = f;
            else joined.text += " " + f.text, joined.x1 = f.x1;
          }
          if (joined.text.empty()) continue;
          Extent& e = extents.back()[c];
          if (!e.any) e.page0 = tl.line->page, e.y0 = tl.line->y0, e.any = true;
          e.page1 = tl.line->page;
          e.y1 = tl.line->y1;
          bool paragraph_end = has_last && right[end] - slack[end] - last.x1 > joined.first_width + 0.3 * joined.size;
          append_line(&cell.text, joined.text, paragraph_end);
          last = joined;
          has_last = true;
          any = true;
          bold = bold && tl.line->bold;
        }
        cell.bold = any && bold;
        row.cells.push_back(std::move(cell));
        c = end + 1;
      }
      // A section's short title, in bold, alone after its number: it spans the rest too.
      if (n > 2 && row.cells.size() == n && row.cells[1].bold && !row.cells[1].text.empty()) {
        bool rest_empty = true;
        for (std::size_t k = 2; k < n; ++k) rest_empty = rest_empty && row.cells[k].text.empty();
        if (rest_empty) {
          row.cells.resize(2);
          row.cells[1].span = static_cast<int>(n - 1);
        }
      }
      t.rows.push_back(std::move(row));
    }
    merged_cells(&t, extents, n);
    doc_.blocks.push_back(std::move(block));
    return i;
  }

  struct Extent {  // the lines a cell's text takes
    bool any = false;
    int page0 = 0, page1 = 0;
    double y0 = 0, y1 = 0;
  };

  // Cells merged down a run of rows (the same office for several tasks) show their text once,
  // in one row of the run, sometimes over the gap between two rows; a PDF does not say where
  // the run's borders are. A cell's text split over two rows without the gap between rows is
  // joined; the empty cells of a run of rows (between two sections) before its only text or
  // after its last are taken as merged with it, as a Word document's would be, and said to
  // be a guess; empty cells between two texts stay empty.
  void merged_cells(Table* t, const std::vector<std::vector<Extent>>& ext, std::size_t n) const {
    auto section = [&](std::size_t r) {
      const Row& row = t->rows[r];
      std::size_t spanned = 0;
      for (const auto& c : row.cells) spanned += static_cast<std::size_t>(c.span);
      return row.cells.size() != n || spanned != n;
    };
    auto doubt = [](Row* row, const std::string& vi, const std::string& en) {
      if (!row->doubt.empty()) row->doubt += "; ", row->doubt_en += "; ";
      row->doubt += vi;
      row->doubt_en += en;
    };
    std::size_t a = 1;
    while (a < t->rows.size()) {
      if (section(a)) {
        ++a;
        continue;
      }
      std::size_t b = a;
      while (b < t->rows.size() && !section(b)) ++b;
      for (std::size_t c = 2; c < n; ++c) {
        if (banded_)
          for (std::size_t r = a; r + 1 < b; ++r) {
            Cell& up = t->rows[r].cells[c];
            Cell& down = t->rows[r + 1].cells[c];
            const Extent& eu = ext[r][c];
            const Extent& ed = ext[r + 1][c];
            if (up.text.empty() || down.text.empty() || !eu.any || !ed.any || eu.page1 != ed.page0) continue;
            if (ed.y0 - eu.y1 > usual_gap_ + std::max(1.5, 0.2 * 12)) continue;
            append_line(&up.text, down.text, false);
            down.text.clear();
            doubt(&t->rows[r], "chữ của một ô nằm vắt qua hai hàng: đã ghép lại",
                  "a cell's text ran over two rows: joined");
          }
        std::size_t first = b, last = b;
        int blocks = 0;
        for (std::size_t r = a; r < b; ++r)
          if (!t->rows[r].cells[c].text.empty()) {
            if (first == b) first = r;
            last = r;
            ++blocks;
          }
        if (blocks == 0 || blocks == static_cast<int>(b - a)) continue;
        const std::string vi = "ô trống ở cột " + std::to_string(c + 1) +
                               " được coi là ô gộp với ô có chữ cùng cột (bản PDF không cho biết đường kẻ ô)";
        const std::string en = "the empty cell in column " + std::to_string(c + 1) +
                               " was taken as merged with the cell holding the column's text (a PDF does not show the cells' borders)";
        if (first > a) {
          t->rows[a].cells[c].text = std::move(t->rows[first].cells[c].text);
          t->rows[first].cells[c].text.clear();
          for (std::size_t r = a; r <= first; ++r) {
            if (r > a) t->rows[r].cells[c].merged_from_above = true;
            doubt(&t->rows[r], vi, en);
          }
        }
        for (std::size_t r = last + 1; r < b; ++r) {
          t->rows[r].cells[c].merged_from_above = true;
          doubt(&t->rows[r], vi, en);
        }
        for (std::size_t r = first + 1; r < last; ++r)
          if (t->rows[r].cells[c].text.empty())
            doubt(&t->rows[r], "ô trống ở cột " + std::to_string(c + 1) + " giữa hai ô có chữ: có thể là ô gộp với một trong hai",
                  "the empty cell in column " + std::to_string(c + 1) +
                      " lies between two cells with text: it may be merged with either");
      }
      a = b;
    }
  }

  static std::string first_token(const std::string& s) { return s.substr(0, s.find(' ')); }

  static bool numbered(const TableLine& tl) {
    return !tl.cells[0].text.empty() && is_row_number(first_token(tl.cells[0].text));
  }

  static void add_doubt(RowLines* r, const std::string& vi, const std::string& en) {
    if (!r->doubt.empty()) r->doubt += "; ", r->doubt_en += "; ";
    r->doubt += vi;
    r->doubt_en += en;
  }

  // Rows from the table's lines. Where rows are set apart by more space than lines within a
  // cell (cell padding), a row is a band of lines between such gaps: its number may sit in
  // the middle when cells are centred vertically. Otherwise a row starts at a number in the
  // first column, or, without one, at a gap. A band at the top of a page goes on from the
  // row before it when either has no number: a row split by the page break.
  std::vector<RowLines> group_rows(std::vector<TableLine> body) {
    std::vector<double> gaps;
    int numbers = 0;
    for (std::size_t k = 0; k < body.size(); ++k) {
      numbers += numbered(body[k]);
      if (k > 0 && body[k].line->page == body[k - 1].line->page) gaps.push_back(body[k].line->y0 - body[k - 1].line->y1);
    }
    double usual = 0;
    if (!gaps.empty()) {
      std::vector<double> sorted = gaps;
      std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
      usual = sorted[sorted.size() / 2];
    }
    auto wide = [&](std::size_t k) {
      const Line& a = *body[k - 1].line;
      const Line& b = *body[k].line;
      return b.page == a.page && b.y0 - a.y1 > usual + std::max(1.5, 0.2 * b.size);
    };
    int wide_gaps = 0;
    for (std::size_t k = 1; k < body.size(); ++k) wide_gaps += wide(k);
    bool banded = wide_gaps >= std::max(1, numbers / 2);
    banded_ = banded;
    usual_gap_ = usual;

    std::vector<RowLines> rows;
    bool last_numbered = false;  // the last row has a number
    std::size_t k = 0;
    while (k < body.size()) {
      // The next band: up to a wide gap or a page break (or, unbanded, the next number).
      std::size_t end = k + 1;
      while (end < body.size() && body[end].line->page == body[k].line->page && !(banded && wide(end)) &&
             !(!banded && (numbered(body[end]) || (!body[end].cells[0].text.empty()) || wide(end))))
        ++end;
      bool band_numbered = false;
      int band_numbers = 0;
      for (std::size_t j = k; j < end; ++j) band_numbers += numbered(body[j]), band_numbered |= numbered(body[j]);
      bool page_top = !rows.empty() && body[k].line->page != rows.back().lines.back().line->page;
      if (banded && band_numbers > 1) {
        // Rows without space between them: split the band at its second number.
        std::size_t cut = k;
        while (cut < end && !numbered(body[cut])) ++cut;
        ++cut;
        while (cut < end && !numbered(body[cut])) ++cut;
        end = cut;
        band_numbered = true;
      }
      // A band that goes on with a list item in the task column belongs to the row above (a
      // cell's paragraphs are set apart like rows), unless both have a number of their own.
      bool item = false;
      if (banded && body[k].cells.size() > 1 && !rows.empty())
        item = starts_item(body[k].cells[1].text) && !(band_numbered && last_numbered);
      if (page_top && !band_numbered) {
        RowLines& r = rows.back();
        int page = body[k].line->page;
        add_doubt(&r, "hàng nối tiếp qua trang " + std::to_string(page) +
                          ": phần ở đầu trang được ghép vào hàng ở cuối trang trước",
                  "row continued across a page break: the top of page " + std::to_string(page) +
                      " was joined to the row at the bottom of the page before");
      } else if (item && !page_top) {
        last_numbered = last_numbered || band_numbered;
      } else {
        rows.emplace_back();
        rows.back().after_page_break = page_top;
        last_numbered = band_numbered;
      }
      for (std::size_t j = k; j < end; ++j) rows.back().lines.push_back(std::move(body[j]));
      k = end;
    }
    for (auto& r : rows) {
      bool any = false;
      for (const auto& tl : r.lines) any = any || numbered(tl);
      if (!any)
        add_doubt(&r, "hàng không có số thứ tự, tách khỏi hàng trên theo khoảng cách giữa các dòng",
                  "a row without a number, told apart from the row above by the space between lines");
    }
    return rows;
  }

  bool is_repeat_of_header(std::size_t i, const Header& h) const {
    // A line at the top of a later page with the same text as one of the header's lines.
    const Line& l = lines_[i];
    if (l.page == lines_[h.first].page) return false;
    std::string text = line_text(l);
    for (std::size_t k = h.first; k <= h.last; ++k)
      if (line_text(lines_[k]) == text) return true;
    return false;
  }

  // Lines outside the task table: borderless two-column tables (the heading and the
  // signature) where a line has a wide gap, paragraphs otherwise.
  void flush_plain(std::size_t from, std::size_t to) {
    std::size_t i = from;
    while (i < to) {
      if (columned(lines_[i])) {
        // The run goes on over lines with one column of text when they sit close under the
        // line before and start where one of the run's columns starts (the recipients under
        // "Nơi nhận:", the signer's name under the capacity).
        std::vector<double> starts;
        for (const auto& [a, e] : segments(lines_[i])) starts.push_back(lines_[i].words[a].x0);
        std::size_t end = i + 1;
        while (end < to && lines_[end].page == lines_[i].page) {
          const Line& l = lines_[end];
          if (columned(l)) {
            ++end;
            continue;
          }
          bool close = l.y0 - lines_[end - 1].y1 < 1.6 * l.size;  // at most a blank line apart
          bool aligned = false;
          for (double x : starts) aligned = aligned || std::abs(l.x0 - x) < 1.5 * l.size;
          if (!close || !aligned) break;
          ++end;
        }
        gap_table(i, end);
        i = end;
      } else {
        std::size_t end = i + 1;
        while (end < to && !columned(lines_[end]) && !paragraph_break(lines_[end - 1], lines_[end])) ++end;
        Block b;
        b.paragraph.at.page = lines_[i].page;
        b.paragraph.at.paragraph = lines_[i].number;
        b.paragraph.bold = true;
        for (std::size_t k = i; k < end; ++k) {
          append_line(&b.paragraph.text, line_text(lines_[k]), false);
          b.paragraph.bold = b.paragraph.bold && lines_[k].bold;
        }
        b.paragraph.centered = centered(lines_[i]);
        doc_.blocks.push_back(std::move(b));
        i = end;
      }
    }
  }

  std::vector<std::pair<std::size_t, std::size_t>> segments(const Line& l) const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = 0;
    for (std::size_t k = 1; k <= l.words.size(); ++k)
      if (k == l.words.size() || l.words[k].x0 - l.words[k - 1].x1 > 2.0 * size_of(l.words[k - 1])) {
        out.push_back({start, k});
        start = k;
      }
    return out;
  }

  // A line in two or more columns (the heading's issuer | motto), not a numbered heading
  // whose number is set apart by a tab ("II.      NỘI DUNG").
  bool columned(const Line& l) const {
    auto segs = segments(l);
    if (segs.size() < 2) return false;
    return !(segs.size() == 2 && segs[0].second - segs[0].first == 1 && is_row_number(l.words[0].text));
  }

  bool centered(const Line& l) const {
    const auto& [left, right] = margins_.at(l.page);
    double middle = (left + right) / 2;
    return l.x0 > left + 2 * l.size && std::abs((l.x0 + l.x1) / 2 - middle) < 0.6 * l.size;
  }

  bool paragraph_break(const Line& a, const Line& b) const {
    if (a.page == b.page && b.y0 - a.y1 > 0.6 * a.size) return true;
    if (starts_item(line_text(b))) return true;
    if (a.bold != b.bold) return true;
    const auto& [left, right] = margins_.at(a.page);
    (void)left;
    return right - a.x1 > first_word_width(b.words, 0) + 0.3 * a.size + 2;
  }

  void gap_table(std::size_t from, std::size_t to) {
    // Split points: the middles of the wide gaps of the lines that have them.
    std::vector<double> points;
    for (std::size_t k = from; k < to; ++k) {
      if (!columned(lines_[k])) continue;
      auto segs = segments(lines_[k]);
      for (std::size_t s = 1; s < segs.size(); ++s) {
        double x = (lines_[k].words[segs[s - 1].second - 1].x1 + lines_[k].words[segs[s].first].x0) / 2;
        bool near = false;
        for (double p : points) near = near || std::abs(p - x) < 3 * lines_[k].size;
        if (!near) points.push_back(x);
      }
    }
    std::sort(points.begin(), points.end());
    Block b;
    b.kind = Block::Kind::kTable;
    b.table.at.page = lines_[from].page;
    b.table.at.paragraph = lines_[from].number;
    // Lines close under each other make one row (the issuer's two lines, the recipients), as
    // the borderless table of a Word document holds them; a wider gap starts the next.
    double closest = 1e9;  // the run's usual spacing: rows are set further apart than that
    for (std::size_t k = from + 1; k < to; ++k)
      if (lines_[k].page == lines_[k - 1].page) closest = std::min(closest, lines_[k].y0 - lines_[k - 1].y1);
    int r = 0;
    for (std::size_t k = from; k < to; ++k) {
      bool fresh = k == from || lines_[k].page != lines_[k - 1].page ||
                   lines_[k].y0 - lines_[k - 1].y1 > closest + 0.6 * lines_[k].size;
      if (fresh) {
        Row row;
        row.at.page = lines_[k].page;
        row.at.paragraph = lines_[k].number;
        row.at.row = ++r;
        row.cells.resize(points.size() + 1);
        b.table.rows.push_back(std::move(row));
      }
      Row& row = b.table.rows.back();
      auto segs = columned(lines_[k]) ? segments(lines_[k])
                                      : std::vector<std::pair<std::size_t, std::size_t>>{{0, lines_[k].words.size()}};
      for (const auto& [s0, e] : segs) {
        double c = (lines_[k].words[s0].x0 + lines_[k].words[e - 1].x1) / 2;
        std::size_t col = 0;
        while (col < points.size() && c > points[col]) ++col;
        if (!columned(lines_[k])) {  // one column of text: the column where it starts
          col = 0;
          while (col < points.size() && lines_[k].words[s0].x0 > points[col]) ++col;
        }
        // Each line its own paragraph, as in the Word table ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
        Paragraph para;
        para.text = join_words(lines_[k].words, s0, e);
        para.bold = lines_[k].bold;
        para.at.page = lines_[k].page;
        para.at.paragraph = lines_[k].number;
        append_line(&row.cells[col].text, para.text, true);
        row.cells[col].paragraphs.push_back(std::move(para));
        row.cells[col].bold = lines_[k].bold;
      }
    }
    doc_.blocks.push_back(std::move(b));
  }

 public:
  std::map<int, std::pair<double, double>> margins_;  // page → (left, right) of its text

 private:
  std::vector<Line> lines_;
  Document doc_;
  bool banded_ = false;     // the last table's rows are set apart by cell padding
  double usual_gap_ = 0;    // between two lines of one cell in the last table
  std::size_t plain_from_ = 0;
};

}  // namespace

Document layout_document(const std::vector<PlacedPage>& pages, const std::string& path) {
  std::vector<std::vector<Line>> per_page;
  for (std::size_t p = 0; p < pages.size(); ++p) per_page.push_back(page_lines(pages[p], static_cast<int>(p + 1)));
  std::vector<bool> drop = furniture(per_page, pages);
  std::vector<Line> lines;
  std::map<int, std::pair<double, double>> margins;
  std::size_t k = 0;
  for (auto& page : per_page)
    for (auto& l : page) {
      if (!drop[k++]) {
        auto [it, fresh] = margins.try_emplace(l.page, l.x0, l.x1);
        if (!fresh) it->second = {std::min(it->second.first, l.x0), std::max(it->second.second, l.x1)};
        lines.push_back(std::move(l));
      }
    }
  Builder b(std::move(lines), path);
  b.margins_ = std::move(margins);
  return b.build();
}

}  // namespace congkhai::import
