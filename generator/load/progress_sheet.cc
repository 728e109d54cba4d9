#include "load/progress_sheet.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "load/attached_file.h"
#include "load/progress_loader.h"
#include "load/source_text.h"
#include "load/web_address.h"
#include "text/unicode.h"

namespace congkhai {

namespace {

const TaskStatus kAllStatuses[] = {TaskStatus::kNotStarted, TaskStatus::kInProgress, TaskStatus::kDone,
                                   TaskStatus::kPostponed, TaskStatus::kCancelled};

std::string trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  // A no-break space (U+00A0) that Excel users often leave at the ends.
  while (e - b >= 2 && s.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  while (e - b >= 2 && s.substr(b, 2) == "\xC2\xA0") b += 2;
  return std::string(s.substr(b, e - b));
}

// Folded, every run of spaces and underscores made one space: what two spellings of the same
// words have in common.
std::string folded_words(std::string_view s) {
  std::string f = fold(s), out;
  for (char c : f) {
    bool space = c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '-';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string status_list() {
  std::string out;
  for (TaskStatus s : kAllStatuses) out += (out.empty() ? "" : ", ") + task_status_vi(s);
  return out;
}

// The values as typed in the sheet (quoted: they are Vietnamese in either language).
std::string status_list_en() {
  std::string out;
  for (TaskStatus s : kAllStatuses)
    out += (out.empty() ? "\"" : ", \"") + task_status_vi(s) + "\" (" + task_status_key(s) + ")";
  return out;
}

// A cell's value as the reader uses it; numbers keep the text the file holds.
struct Value {
  const SheetCell* cell = nullptr;
  std::string text;  // trimmed, NFC
  bool empty() const { return text.empty(); }
};

class SheetParser {
 public:
  SheetParser(const std::string& path, std::optional<std::string> sheet_name, bool date1904,
              const std::string& content_dir, Diagnostics* diags, FileReferences* files)
      : path_(path), sheet_(std::move(sheet_name)), date1904_(date1904), content_dir_(content_dir), diags_(*diags),
        files_(files) {}

  std::optional<ProgressRecord> read(const Sheet& sheet) {
    for (const auto& c : sheet.cells) cells_[{c.row, c.column}] = &c;
    ProgressRecord rec;
    rec.path = path_;
    rec.sheet = sheet_;
    if (!find_headings(sheet)) return std::nullopt;
    read_fields(&rec);
    report_other_columns(sheet);
    for (const auto& m : sheet.merged)
      if (m.last_row > heading_row_)
        error(m.first_row, m.first_column,
              "ô gộp " + cell_reference(m.first_row, m.first_column) + ":" + cell_reference(m.last_row, m.last_column) +
                  " trong bảng nhiệm vụ: giá trị chỉ thuộc về ô đầu",
              "merged cells " + cell_reference(m.first_row, m.first_column) + ":" +
                  cell_reference(m.last_row, m.last_column) + " in the task table: the value belongs to the first cell only",
              "bỏ gộp ô (Merge & Center > Unmerge Cells) và ghi giá trị cho từng dòng",
              "unmerge the cells and fill in each row");
    // Only rows that hold cells: a stray cell at row 1,048,576 is not a million empty rows.
    std::set<int> rows;
    for (const auto& c : sheet.cells)
      if (c.row > heading_row_) rows.insert(c.row);
    for (int row : rows) read_row(row, &rec);
    return rec;
  }

 private:
  // A hint comes in both languages or not at all.
  void error(int row, int column, std::string vi, std::string en) { error(row, column, std::move(vi), std::move(en), {}, {}); }
  void error(int row, int column, std::string vi, std::string en, std::string hint, std::string hint_en) {
    Diagnostic d{path_, SourcePos{row, column}, std::move(vi), std::move(en), std::move(hint), std::move(hint_en)};
    d.sheet = sheet_;
    diags_.push_back(std::move(d));
  }

  Value value(int row, int column) {
    Value v;
    if (column <= 0) return v;
    auto it = cells_.find({row, column});
    if (it == cells_.end()) return v;
    v.cell = it->second;
    const SheetCell& c = *v.cell;
    if (c.formula && !c.has_value) {
      error(row, column, "ô có công thức nhưng không có giá trị đã tính",
            "the cell holds a formula without a calculated value",
            "gõ giá trị vào ô, hoặc mở tệp bằng Excel hay LibreOffice rồi lưu lại để có giá trị",
            "type the value, or open and save the file in a spreadsheet program");
      return v;
    }
    if (c.type == SheetCell::Type::kError) {
      error(row, column, "ô có lỗi công thức (" + c.value + ")", "the cell holds a formula error (" + c.value + ")");
      return v;
    }
    v.text = trim(to_nfc(c.value));
    return v;
  }

  // The heading row: the first with both "Trạng thái" and "Mã nhiệm vụ".
  bool find_headings(const Sheet& sheet) {
    std::map<int, std::map<ProgressColumn, int>> found;
    for (const auto& c : sheet.cells) {
      if (c.row > 40 || c.type != SheetCell::Type::kText) continue;
      std::string f = folded_words(trim(to_nfc(c.value)));
      for (const auto& info : progress_columns()) {
        std::string h = folded_words(info.heading);
        // The heading's first words are enough: "Tỷ lệ (%)" and "Tỷ lệ hoàn thành (%)".
        std::string key = h.substr(0, h.find(' ', h.find(' ') + 1));
        if (!f.empty() && (f == h || starts_with(f, key)) && !found[c.row].count(info.column))
          found[c.row][info.column] = c.column;
      }
    }
    for (auto& [row, cols] : found)
      if (cols.count(ProgressColumn::kStatus) && cols.count(ProgressColumn::kTask)) {
        heading_row_ = row;
        columns_ = cols;
        return true;
      }
    error(0, 0,
          "không tìm thấy dòng tiêu đề của bảng nhiệm vụ (có cột \"Trạng thái\" và \"Mã nhiệm vụ\")",
          "no heading row with the columns \"Trạng thái\" (status) and \"Mã nhiệm vụ\" (task id)",
          "tạo bảng tính bằng: congkhai new progress THƯ-MỤC-ĐƠN-VỊ --plan MÃ --period 2025-Q1 --format xlsx",
          "make the workbook with: congkhai new progress UNIT --plan ID --period 2025-Q1 --format xlsx");
    return false;
  }

  // A column added by hand is not part of the record: what is typed in it is reported once,
  // at its first cell, rather than left out unseen.
  void report_other_columns(const Sheet& sheet) {
    std::set<int> known, reported;
    for (const auto& [c, col] : columns_) known.insert(col);
    for (const auto& c : sheet.cells) {
      if (c.row <= heading_row_ || known.count(c.column) || reported.count(c.column) || trim(c.value).empty()) continue;
      reported.insert(c.column);
      auto heading = cells_.find({heading_row_, c.column});
      std::string name = heading == cells_.end() ? "" : trim(heading->second->value);
      std::string what = name.empty() ? "cột " + cell_reference(1, c.column).substr(0, cell_reference(1, c.column).size() - 1)
                                      : "cột \"" + name + "\"";
      std::string what_en = name.empty() ? "column " + cell_reference(1, c.column).substr(0, cell_reference(1, c.column).size() - 1)
                                         : "column \"" + name + "\"";
      error(c.row, c.column, what + " không phải cột của bảng tiến độ nên nội dung của nó không được đọc",
            what_en + " is not a column of the progress table, so what it holds is not read",
            "chép nội dung sang cột \"Kết quả đã làm được\" rồi xoá cột này",
            "move what it holds to \"Kết quả đã làm được\" (the note) and delete the column");
    }
  }

  int column(ProgressColumn c) const {
    auto it = columns_.find(c);
    return it == columns_.end() ? 0 : it->second;
  }

  void read_fields(ProgressRecord* rec) {
    for (int row = 1; row < heading_row_; ++row) {
      Value label = value(row, 1);
      if (label.empty()) continue;
      std::string f = folded_words(label.text);
      for (const auto& l : progress_sheet_labels()) {
        if (f != folded_words(l.vi)) continue;
        Value v = value(row, 2);
        switch (l.field) {
          case ProgressSheetField::kPlan:
            rec->plan_id = v.text;
            rec->plan_pos = {row, 2};
            plan_row_ = row;
            break;
          case ProgressSheetField::kPeriod: rec->period = v.text; break;
          case ProgressSheetField::kDate:
            if (!v.empty()) default_date_ = date(v, row, 2);
            break;
          case ProgressSheetField::kReportedBy: reported_by_ = v.text; break;
        }
      }
    }
    if (rec->plan_id.empty())
      error(plan_row_ ? plan_row_ : 1, plan_row_ ? 2 : 1, "thiếu mã kế hoạch (ô \"Mã kế hoạch\")",
            "the plan id (\"Mã kế hoạch\") is missing",
            "ghi tên tệp kế hoạch trong plans/, không có .md, ví dụ 2025", "write the plan's file name without .md, e.g. 2025");
  }

  std::optional<Date> date(const Value& v, int row, int column) {
    const SheetCell& c = *v.cell;
    if (c.type == SheetCell::Type::kNumber) {
      // An Excel serial date: days since 1899-12-30 (with Excel's 29/02/1900 skipped), or
      // since 1904-01-01.
      double serial = std::strtod(v.text.c_str(), nullptr);
      if (std::isfinite(serial) && serial >= 1 && serial < 2958466) {
        long days = static_cast<long>(std::floor(serial));
        Date base = date1904_ ? Date{1904, 1, 1} : (days < 61 ? Date{1899, 12, 31} : Date{1899, 12, 30});
        return civil_from_days(days_from_civil(base) + days);
      }
    } else {
      if (auto d = parse_iso_date(v.text); d && d->is_complete()) return d;
      // dd/mm/yyyy as officials write it, also with "-" or ".".
      int d = 0, m = 0, y = 0;
      char s1 = 0, s2 = 0, rest = 0;
      if (std::sscanf(v.text.c_str(), "%d%c%d%c%d%c", &d, &s1, &m, &s2, &y, &rest) == 5 && s1 == s2 &&
          (s1 == '/' || s1 == '-' || s1 == '.') && y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
          d <= days_in_month(y, m))
        return Date{y, m, d};
    }
    error(row, column, "ngày \"" + v.text + "\" không đọc được", "cannot read the date \"" + v.text + "\"",
          "ghi ngày dạng 31/03/2025", "write the date as dd/mm/yyyy, e.g. 31/03/2025");
    return std::nullopt;
  }

  int percent(const Value& v, int row, int column) {
    const SheetCell& c = *v.cell;
    std::string t = v.text;
    bool percent_sign = !t.empty() && t.back() == '%';
    if (percent_sign) t = trim(t.substr(0, t.size() - 1));
    for (char& ch : t)
      if (ch == ',') ch = '.';  // "12,5%"
    char* end = nullptr;
    double x = std::strtod(t.c_str(), &end);
    bool number = !t.empty() && end == t.c_str() + t.size() && std::isfinite(x);
    // 0.5 shown as "50%": the cell's format says it is a fraction.
    if (number && c.type == SheetCell::Type::kNumber && is_percent_format(c.number_format)) x *= 100;
    double rounded = std::round(x);
    if (number && std::fabs(x - rounded) < 1e-6 && rounded >= 0 && rounded <= 100) return static_cast<int>(rounded);
    std::string hint = number && x > 0 && x < 1 ? "gõ 50 hoặc 50% cho một nửa" : "một số nguyên từ 0 đến 100, ví dụ 50 hoặc 50%";
    error(row, column, "tỷ lệ hoàn thành \"" + v.text + "\" không hợp lệ",
          "invalid completion percentage \"" + v.text + "\"", hint, "a whole number from 0 to 100, e.g. 50 or 50%");
    return -1;
  }

  void read_row(int row, ProgressRecord* rec) {
    std::map<ProgressColumn, Value> v;
    bool any = false, any_fill = false;
    for (const auto& info : progress_columns()) {
      v[info.column] = value(row, column(info.column));
      if (!v[info.column].empty()) {
        any = true;
        if (info.to_fill && info.column != ProgressColumn::kStatus) any_fill = true;
      }
    }
    // Any other cell typed in the row counts too: nothing typed is passed over unseen.
    int other = 0;
    for (auto it = cells_.lower_bound({row, 0}); it != cells_.end() && it->first.first == row; ++it)
      if (!trim(it->second->value).empty()) other = it->first.second;
    if (!any && !other) return;
    const int task_col = column(ProgressColumn::kTask);
    const int status_col = column(ProgressColumn::kStatus);
    const std::string task = v[ProgressColumn::kTask].text;
    if (task.empty()) {
      error(row, task_col,
            "dòng " + std::to_string(row) + " không có mã nhiệm vụ nên không gắn được với nhiệm vụ nào của kế hoạch",
            "row " + std::to_string(row) + " has no task id, so it belongs to no task of the plan",
            "dòng thêm tay không được đọc: ghi tiến độ vào dòng của nhiệm vụ đó, hoặc ghi mã nhiệm vụ vào cột \"Mã nhiệm vụ\"",
            "a row added by hand is not read: fill in the task's own row, or write its id in \"Mã nhiệm vụ\"");
      return;
    }
    const Value& status = v[ProgressColumn::kStatus];
    if (status.empty()) {
      // A task left without a status is not reported this period, as a YAML entry deleted.
      if (any_fill)
        error(row, status_col, "dòng có tỷ lệ, ngày, kết quả hoặc minh chứng nhưng thiếu trạng thái",
              "the row has a percentage, date, note or evidence but no status",
              "chọn trạng thái trong danh sách: " + status_list(), "choose a status: " + status_list_en());
      return;
    }
    ProgressEntry e;
    e.task = task;
    e.pos = {row, task_col};
    e.source = path_;
    if (!match_task_status(status.text, &e.status)) {
      error(row, status_col, "trạng thái \"" + status.text + "\" không hợp lệ; dùng một trong: " + status_list(),
            "unknown status \"" + status.text + "\"; use one of: " + status_list_en(),
            "chọn trong danh sách thả xuống của ô", "choose from the cell's drop-down list");
    }
    if (const Value& p = v[ProgressColumn::kPercent]; !p.empty()) e.percent = percent(p, row, column(ProgressColumn::kPercent));
    if (const Value& d = v[ProgressColumn::kDate]; !d.empty()) {
      if (auto parsed = date(d, row, column(ProgressColumn::kDate))) e.date = *parsed;
    } else if (default_date_) {
      e.date = *default_date_;
    } else {
      error(row, column(ProgressColumn::kDate), "dòng này thiếu ngày và bảng tính không ghi \"Ngày số liệu\"",
            "this row has no date and the workbook has no \"Ngày số liệu\" (date of the figures)",
            "ghi ngày vào cột \"Ngày\" hoặc ô \"Ngày số liệu\" ở đầu trang", "fill in the date column or the date at the top");
    }
    e.note = v[ProgressColumn::kNote].text;
    e.reported_by = reported_by_;
    if (const Value& ev = v[ProgressColumn::kEvidence]; !ev.empty()) read_evidence(ev.text, row, column(ProgressColumn::kEvidence), &e);
    rec->entries.push_back(std::move(e));
  }

  // One item a line: "tệp hoặc địa chỉ", or "Tiêu đề | tệp hoặc địa chỉ".
  void read_evidence(const std::string& text, int row, int column, ProgressEntry* e) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      line = trim(line);
      if (line.empty()) continue;
      Evidence ev;
      ev.pos = {row, column};
      std::string target = line;
      if (auto bar = line.rfind('|'); bar != std::string::npos) {
        ev.title = trim(line.substr(0, bar));
        target = trim(line.substr(bar + 1));
      }
      if (ev.title.empty()) ev.title = target;
      bool looks_like_address = target.find("://") != std::string::npos || target.find(':') != std::string::npos;
      if (looks_like_address) {
        if (!is_web_address(target)) {
          error(row, column, "địa chỉ minh chứng \"" + target + "\" phải bắt đầu bằng https:// hoặc http://",
                "evidence address \"" + target + "\" must start with https:// or http://");
          continue;
        }
        ev.url = target;
      } else {
        std::string problem, problem_en;
        auto f = resolve_attached_file(content_dir_, path_, target, &problem, &problem_en, files_);
        if (!f) {
          error(row, column, problem, problem_en, "đường dẫn tính từ thư mục progress/, ví dụ files/bien-ban.pdf",
                "paths are relative to the progress/ folder, e.g. files/report.pdf");
          continue;
        }
        ev.file = f->relative;
        if (f->on_disk != f->relative) ev.file_on_disk = f->on_disk;
      }
      e->evidence.push_back(std::move(ev));
    }
  }

  const std::string& path_;
  std::optional<std::string> sheet_;
  bool date1904_;
  const std::string& content_dir_;
  Diagnostics& diags_;
  FileReferences* files_;
  std::map<std::pair<int, int>, const SheetCell*> cells_;
  std::map<ProgressColumn, int> columns_;
  int heading_row_ = 0;
  int plan_row_ = 0;
  std::optional<Date> default_date_;
  std::string reported_by_;
};

void error_at_file(Diagnostics* diags, const std::string& path, std::string vi, std::string en) {
  diags->push_back(Diagnostic{path, SourcePos{}, std::move(vi), std::move(en)});
}

}  // namespace

const std::vector<ProgressSheetLabel>& progress_sheet_labels() {
  static const std::vector<ProgressSheetLabel> labels = {
      {ProgressSheetField::kPlan, "Mã kế hoạch"},
      {ProgressSheetField::kPeriod, "Kỳ báo cáo"},
      {ProgressSheetField::kDate, "Ngày số liệu"},
      {ProgressSheetField::kReportedBy, "Đơn vị báo cáo"},
  };
  return labels;
}

const std::vector<ProgressColumnInfo>& progress_columns() {
  static const std::vector<ProgressColumnInfo> columns = {
      {ProgressColumn::kNumber, "STT", "Số thứ tự của nhiệm vụ trong kế hoạch, kèm số của phần (ví dụ II.2). Chỉ để đối chiếu, không sửa.", false},
      {ProgressColumn::kText, "Nội dung công việc", "Nội dung nhiệm vụ như trong kế hoạch. Chỉ để đối chiếu, không sửa.", false},
      {ProgressColumn::kLead, "Cơ quan chủ trì", "Cơ quan chủ trì nhiệm vụ. Chỉ để đối chiếu, không sửa.", false},
      {ProgressColumn::kStatus, "Trạng thái",
       "Chọn trong danh sách: chưa bắt đầu, đang thực hiện, hoàn thành, tạm hoãn, huỷ bỏ. Để trống nếu kỳ này không báo cáo nhiệm vụ đó.", true},
      {ProgressColumn::kPercent, "Tỷ lệ hoàn thành (%)", "Số nguyên từ 0 đến 100, ví dụ 50 hoặc 50%. Không bắt buộc.", true},
      {ProgressColumn::kDate, "Ngày",
       "Ngày của số liệu, dạng 31/03/2025. Để trống thì dùng \"Ngày số liệu\" ở đầu trang.", true},
      {ProgressColumn::kNote, "Kết quả đã làm được", "Ghi ngắn gọn kết quả đã làm được. Không bắt buộc.", true},
      {ProgressColumn::kEvidence, "Minh chứng",
       "Mỗi minh chứng một dòng trong ô (Alt+Enter để xuống dòng): tệp đặt trong thư mục progress/files/ (ghi files/ten-tep.pdf) "
       "hoặc địa chỉ web https://…; có thể ghi tên trước dấu |, ví dụ: Biên bản kiểm tra | files/bien-ban.pdf.", true},
      {ProgressColumn::kTask, "Mã nhiệm vụ",
       "Mã cố định của nhiệm vụ, dùng để gắn dòng với nhiệm vụ của kế hoạch. Không sửa, không thêm dòng mới.", false},
  };
  return columns;
}

bool match_task_status(std::string_view typed, TaskStatus* out) {
  std::string f = folded_words(typed);
  for (TaskStatus s : kAllStatuses)
    if (f == folded_words(task_status_vi(s)) || f == folded_words(task_status_key(s))) {
      *out = s;
      return true;
    }
  return false;
}

Sheet parse_csv(std::string_view text) {
  Sheet sheet;
  char sep = 0;
  if (starts_with(text, "sep=") && text.size() >= 5) {
    sep = text[4];
    auto nl = text.find('\n');
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  if (!sep) {
    // The heading row has neither commas nor semicolons in its headings: whichever separates
    // its cells more is the separator.
    std::size_t start = 0, commas = 0, semicolons = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (folded_words(line).find("trang thai") != std::string::npos) {
        for (char c : line) commas += c == ',', semicolons += c == ';';
        break;
      }
      start = end + 1;
    }
    sep = semicolons > commas ? ';' : ',';
  }
  int row = 1, column = 1;
  std::string cell;
  bool quoted = false, was_quoted = false;
  auto flush = [&] {
    if (!cell.empty() || was_quoted) {
      SheetCell c;
      c.row = row;
      c.column = column;
      c.value = std::move(cell);
      if (!c.value.empty()) sheet.cells.push_back(std::move(c));
    }
    cell.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"' && cell.empty()) {
      quoted = was_quoted = true;
    } else if (c == sep) {
      flush();
      ++column;
    } else if (c == '\n') {
      flush();
      ++row;
      column = 1;
    } else {
      cell += c;
    }
  }
  flush();
  return sheet;
}

std::optional<ProgressRecord> parse_progress_sheet(const std::string& path, std::string_view bytes, bool csv,
                                                   const std::string& content_dir, Diagnostics* diags,
                                                   FileReferences* files) {
  if (csv) {
    auto text = clean_text(bytes, path, diags);
    if (!text) return std::nullopt;
    return SheetParser(path, std::string(), false, content_dir, diags, files).read(parse_csv(*text));
  }
  XlsxProblem problem;
  auto book = read_xlsx(bytes, &problem);
  if (!book) {
    error_at_file(diags, path, problem.vi, problem.en);
    return std::nullopt;
  }
  const Sheet* sheet = nullptr;
  for (const auto& s : book->sheets)
    if (folded_words(s.name) == folded_words(kProgressSheetName)) sheet = &s;
  if (!sheet && !book->sheets.empty()) sheet = &book->sheets.front();
  if (!sheet) {
    error_at_file(diags, path, "bảng tính không có trang nào", "the workbook has no sheet");
    return std::nullopt;
  }
  return SheetParser(path, sheet->name, book->date1904, content_dir, diags, files).read(*sheet);
}

std::optional<ProgressRecord> load_progress_sheet(const std::string& path, const std::string& content_dir,
                                                  Diagnostics* diags) {
  // Refused from its size alone, before a byte is read, as every content file.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    error_at_file(diags, path,
                  "tệp quá lớn (" + std::to_string(size / (1024 * 1024)) + " MB); mỗi tệp nội dung tối đa " +
                      std::to_string(kMaxFileBytes / (1024 * 1024)) + " MB",
                  "the file is too large (" + std::to_string(size / (1024 * 1024)) + " MB); content files are at most " +
                      std::to_string(kMaxFileBytes / (1024 * 1024)) + " MB");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (ec || !in) {
    error_at_file(diags, path, "không đọc được tệp", "cannot read the file");
    return std::nullopt;
  }
  std::string bytes;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxFileBytes) {  // grown since its size was taken
      error_at_file(diags, path, "tệp quá lớn", "the file is too large");
      return std::nullopt;
    }
  }
  bool csv = path.size() >= 4 && path.substr(path.size() - 4) == ".csv";
  return parse_progress_sheet(path, bytes, csv, content_dir, diags);
}

bool is_progress_sheet(const std::string& path) {
  auto ends = [&](std::string_view ext) { return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext; };
  return ends(".xlsx") || ends(".csv");
}

std::optional<ProgressRecord> load_progress_record(const std::string& path, const std::string& content_dir,
                                                   Diagnostics* diags) {
  return is_progress_sheet(path) ? load_progress_sheet(path, content_dir, diags) : load_progress(path, content_dir, diags);
}

}  // namespace congkhai
