#include "load/xlsx_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

namespace congkhai {

namespace {

bool contains_nocase(std::string_view hay, std::string_view needle) {
  return lower_ascii(hay).find(lower_ascii(needle)) != std::string::npos;
}

// How a workbook names itself in messages, and its limits: every part's size is checked from
// the directory before anything is inflated.
const PackageKind& workbook() {
  static const PackageKind kind{"bảng tính", "workbook", "một bảng tính", "a workbook",
                                "một bảng tiến độ bình thường", "an ordinary progress sheet",
                                kMaxXlsxEntries, kMaxXlsxEntryBytes, kMaxXlsxRatio, 4096,
                                kMaxXlsxTotalBytes, true};
  return kind;
}

// Macros and links to other files are refused by the parts' names.
bool vet_part(const std::string& name, XlsxProblem* p) {
  std::string lower = lower_ascii(name);
  if (lower.find("vbaproject") != std::string::npos || lower.rfind("xl/activex/", 0) == 0)
    return refuse(p, "bảng tính có macro (" + name + "); không nhận tệp có macro: lưu lại thành \"Excel Workbook (.xlsx)\"",
                  "the workbook holds macros (" + name + "); save it as \"Excel Workbook (.xlsx)\"");
  if (lower.rfind("xl/externallinks/", 0) == 0)
    return refuse(p, "bảng tính có liên kết tới tệp khác (" + name + "); hãy chép giá trị (Paste Special > Values) rồi xoá liên kết",
                  "the workbook links to other files (" + name + "); paste the values and remove the links");
  return true;
}

template <typename F>
void each_child(xmlNodePtr n, const char* local, F f) {
  for (xmlNodePtr c = n ? n->children : nullptr; c; c = c->next)
    if (is_element(c, local)) f(c);
}

// The text of a shared or inline string: its <t>, or its runs' <t>s; phonetic runs left out.
std::string string_item(xmlNodePtr si) {
  std::string out;
  for (xmlNodePtr c = si->children; c; c = c->next) {
    if (is_element(c, "t")) out += text_content(c);
    else if (is_element(c, "r")) each_child(c, "t", [&](xmlNodePtr t) { out += text_content(t); });
  }
  return out;
}

// "worksheets/sheet1.xml" as a rels file of xl/ names it, or "/xl/worksheets/sheet1.xml".
std::string part_path(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string path = "xl/" + target;
  // "../" is not expected, but is resolved rather than looked up as written.
  std::string out;
  std::size_t start = 0;
  std::vector<std::string> parts;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  for (const auto& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

std::string builtin_format(int id) {
  switch (id) {
    case 9: return "0%";
    case 10: return "0.00%";
    case 14: return "m/d/yyyy";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 22: return "m/d/yyyy h:mm";
    default: return (id >= 27 && id <= 36) || (id >= 50 && id <= 58) ? "yyyy-mm-dd" : "";
  }
}

int to_int(const std::string& s, int fallback) {
  if (s.empty() || s.size() > 9) return fallback;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

class WorkbookReader {
 public:
  WorkbookReader(Package* zip, XlsxProblem* p) : zip_(*zip), p_(p) {}

  std::optional<Workbook> read() {
    if (!zip_.has("[Content_Types].xml") || !zip_.has("xl/workbook.xml")) {
      refuse(p_, "không phải bảng tính Excel (.xlsx): thiếu phần xl/workbook.xml",
             "not an Excel workbook (.xlsx): no xl/workbook.xml");
      return std::nullopt;
    }
    auto types = zip_.read("[Content_Types].xml", p_);
    if (!types) return std::nullopt;
    if (contains_nocase(*types, "macroEnabled")) {
      refuse(p_, "bảng tính có macro (loại macroEnabled); lưu lại thành \"Excel Workbook (.xlsx)\"",
             "the workbook is macro-enabled; save it as \"Excel Workbook (.xlsx)\"");
      return std::nullopt;
    }
    XmlPart types_doc;
    if (!parse_part("[Content_Types].xml", *types, workbook(), &types_doc, p_)) return std::nullopt;
    std::map<std::string, std::string> rels;
    if (!read_rels(&rels)) return std::nullopt;
    if (!read_shared_strings() || !read_styles()) return std::nullopt;
    XmlPart wb;
    if (!read_part("xl/workbook.xml", &wb)) return std::nullopt;
    Workbook out;
    if (auto pr = first_child(wb.root(), "workbookPr")) {
      std::string v = attribute(pr, "date1904");
      out.date1904 = v == "1" || v == "true";
    }
    bool ok = true;
    each_child(first_child(wb.root(), "sheets"), "sheet", [&](xmlNodePtr s) {
      if (!ok) return;
      Sheet sheet;
      sheet.name = attribute(s, "name");
      auto target = rels.find(attribute(s, "id"));
      if (target == rels.end()) return;  // a chart sheet or a broken link: no cells to read
      std::string path = part_path(target->second);
      if (!zip_.has(path)) return;
      ok = read_sheet(path, &sheet);
      out.sheets.push_back(std::move(sheet));
    });
    if (!ok) return std::nullopt;
    return out;
  }

 private:
  bool read_part(const std::string& name, XmlPart* doc) {
    auto text = zip_.read(name, p_);
    if (!text) {
      if (p_->vi.empty()) refuse(p_, "bảng tính thiếu phần " + name, "the workbook has no part " + name);
      return false;
    }
    return parse_part(name, *text, workbook(), doc, p_);
  }

  bool read_rels(std::map<std::string, std::string>* rels) {
    const std::string name = "xl/_rels/workbook.xml.rels";
    if (!zip_.has(name)) return true;
    XmlPart doc;
    if (!read_part(name, &doc)) return false;
    bool ok = true;
    each_child(doc.root(), "Relationship", [&](xmlNodePtr r) {
      std::string type = attribute(r, "Type");
      if (lower_ascii(attribute(r, "TargetMode")) == "external" || contains_nocase(type, "externalLink")) {
        ok = refuse(p_, "bảng tính có liên kết tới tệp khác (" + attribute(r, "Target") +
                            "); hãy chép giá trị (Paste Special > Values) rồi xoá liên kết",
                    "the workbook links to another file (" + attribute(r, "Target") + "); paste the values and remove the link");
      }
      (*rels)[attribute(r, "Id")] = attribute(r, "Target");
    });
    return ok;
  }

  bool read_shared_strings() {
    const std::string name = "xl/sharedStrings.xml";
    if (!zip_.has(name)) return true;
    XmlPart doc;
    if (!read_part(name, &doc)) return false;
    each_child(doc.root(), "si", [&](xmlNodePtr si) { shared_.push_back(string_item(si)); });
    return true;
  }

  bool read_styles() {
    const std::string name = "xl/styles.xml";
    if (!zip_.has(name)) return true;
    XmlPart doc;
    if (!read_part(name, &doc)) return false;
    std::map<int, std::string> codes;
    each_child(first_child(doc.root(), "numFmts"), "numFmt",
               [&](xmlNodePtr f) { codes[to_int(attribute(f, "numFmtId"), -1)] = attribute(f, "formatCode"); });
    each_child(first_child(doc.root(), "cellXfs"), "xf", [&](xmlNodePtr xf) {
      int id = to_int(attribute(xf, "numFmtId"), 0);
      auto it = codes.find(id);
      formats_.push_back(it != codes.end() ? it->second : builtin_format(id));
    });
    return true;
  }

  bool read_sheet(const std::string& path, Sheet* sheet) {
    XmlPart doc;
    if (!read_part(path, &doc)) return false;
    int row = 0;
    each_child(first_child(doc.root(), "sheetData"), "row", [&](xmlNodePtr r) {
      row = to_int(attribute(r, "r"), row + 1);
      int column = 0;
      each_child(r, "c", [&](xmlNodePtr c) {
        int cr = row, cc = column + 1;
        std::string ref = attribute(c, "r");
        if (!ref.empty() && !parse_cell_reference(ref, &cr, &cc)) cc = column + 1;
        column = cc;
        read_cell(c, cr, cc, sheet);
      });
    });
    each_child(first_child(doc.root(), "mergeCells"), "mergeCell", [&](xmlNodePtr m) {
      std::string ref = attribute(m, "ref");
      auto colon = ref.find(':');
      CellRange range;
      if (colon != std::string::npos &&
          parse_cell_reference(std::string_view(ref).substr(0, colon), &range.first_row, &range.first_column) &&
          parse_cell_reference(std::string_view(ref).substr(colon + 1), &range.last_row, &range.last_column))
        sheet->merged.push_back(range);
    });
    return true;
  }

  void read_cell(xmlNodePtr c, int row, int column, Sheet* sheet) {
    SheetCell cell;
    cell.row = row;
    cell.column = column;
    std::string t = attribute(c, "t");
    int style = to_int(attribute(c, "s"), 0);
    if (style >= 0 && static_cast<std::size_t>(style) < formats_.size()) cell.number_format = formats_[style];
    cell.formula = first_child(c, "f") != nullptr;
    xmlNodePtr v = first_child(c, "v");
    if (t == "inlineStr") {
      xmlNodePtr is_node = first_child(c, "is");
      if (!is_node && !cell.formula) return;
      cell.value = is_node ? string_item(is_node) : "";
      cell.has_value = is_node != nullptr;
    } else if (!v) {
      if (!cell.formula) return;  // a formatted but empty cell
      cell.has_value = false;
    } else {
      cell.value = text_content(v);
      if (t == "s") {
        int i = to_int(cell.value, -1);
        cell.value = i >= 0 && static_cast<std::size_t>(i) < shared_.size() ? shared_[i] : std::string();
      } else if (t == "b") {
        cell.type = SheetCell::Type::kBoolean;
      } else if (t == "e") {
        cell.type = SheetCell::Type::kError;
      } else if (t.empty() || t == "n") {
        cell.type = SheetCell::Type::kNumber;
      }
    }
    sheet->cells.push_back(std::move(cell));
  }

  Package& zip_;
  XlsxProblem* p_;
  std::vector<std::string> shared_;
  std::vector<std::string> formats_;  // by style index (cellXfs)
};

// A format code without its quoted text, escaped characters and [colour]/[$-locale] parts.
std::string format_letters(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      while (++i < code.size() && code[i] != '"') {}
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      while (++i < code.size() && code[i] != ']') {}
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

bool is_date_format(std::string_view code) {
  std::string s = lower_ascii(format_letters(code));
  // "General" has no d or y once the letters "ener" are set aside.
  if (s == "general" || s == "@") return false;
  return s.find('d') != std::string::npos || s.find('y') != std::string::npos;
}

bool is_percent_format(std::string_view code) { return format_letters(code).find('%') != std::string::npos; }

bool parse_cell_reference(std::string_view ref, int* row, int* column) {
  std::size_t i = 0;
  long col = 0, r = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::size_t letters = i;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    col = col * 26 + ((ref[i] | 0x20) - 'a' + 1);
    if (col > 16384) return false;
    ++i;
  }
  if (i == letters || i - letters > 3) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + (ref[i] - '0');
    if (r > 1048576) return false;
    ++i;
  }
  if (i == digits || i != ref.size() || r == 0) return false;
  *row = static_cast<int>(r);
  *column = static_cast<int>(col);
  return true;
}

std::optional<Workbook> read_xlsx(std::string_view bytes, XlsxProblem* problem) {
  // libxml2 sets itself up on first use; records are read on several threads at once.
  static std::once_flag xml_ready;
  std::call_once(xml_ready, [] { xmlInitParser(); });
  *problem = {};
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK")
    return refuse(problem, "không phải bảng tính Excel (.xlsx): tệp không phải định dạng zip",
                  "not an Excel workbook (.xlsx): the file is not a zip archive"),
           std::nullopt;
  Package zip(bytes, workbook());
  if (!zip.is_open())
    return refuse(problem, "không mở được bảng tính: tệp zip hỏng", "cannot open the workbook: the zip file is damaged"),
           std::nullopt;
  if (!zip.check_directory(problem, vet_part)) return std::nullopt;
  return WorkbookReader(&zip, problem).read();
}

}  // namespace congkhai
