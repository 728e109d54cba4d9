#include "load/xlsx_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

namespace congkhai {

namespace {

bool refuse(XlsxProblem* p, std::string vi, std::string en) {
  p->vi = std::move(vi);
  p->en = std::move(en);
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool contains_nocase(std::string_view hay, std::string_view needle) {
  return lower_ascii(hay).find(lower_ascii(needle)) != std::string::npos;
}

// The zip archive, its parts read with the size limits.
class Archive {
 public:
  explicit Archive(std::string_view bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) {
      zip_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
      if (!zip_) zip_source_free(src);
    }
    zip_error_fini(&err);
  }
  ~Archive() {
    if (zip_) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  bool is_open() const { return zip_ != nullptr; }

  // Every entry's name, sizes checked from the directory before anything is inflated.
  bool check_directory(XlsxProblem* p) {
    zip_int64_t n = zip_get_num_entries(zip_, 0);
    if (n < 0 || static_cast<std::size_t>(n) > kMaxXlsxEntries)
      return refuse(p, "tệp có quá nhiều phần (" + std::to_string(n) + ") để là một bảng tính",
                    "the file has too many parts (" + std::to_string(n) + ") for a workbook");
    std::size_t total = 0;
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      zip_stat_init(&st);
      if (zip_stat_index(zip_, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
        return refuse(p, "tệp zip hỏng", "the zip file is damaged");
      std::string name = st.name;
      std::string lower = lower_ascii(name);
      if (lower.find("vbaproject") != std::string::npos || lower.rfind("xl/activex/", 0) == 0)
        return refuse(p, "bảng tính có macro (" + name + "); không nhận tệp có macro: lưu lại thành \"Excel Workbook (.xlsx)\"",
                      "the workbook holds macros (" + name + "); save it as \"Excel Workbook (.xlsx)\"");
      if (lower.rfind("xl/externallinks/", 0) == 0)
        return refuse(p, "bảng tính có liên kết tới tệp khác (" + name + "); hãy chép giá trị (Paste Special > Values) rồi xoá liên kết",
                      "the workbook links to other files (" + name + "); paste the values and remove the links");
      std::size_t size = (st.valid & ZIP_STAT_SIZE) ? static_cast<std::size_t>(st.size) : 0;
      std::size_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? static_cast<std::size_t>(st.comp_size) : 0;
      if (!(st.valid & ZIP_STAT_SIZE) || size > kMaxXlsxEntryBytes || (size > 4096 && size / std::max<std::size_t>(comp, 1) > kMaxXlsxRatio))
        return zip_bomb(p, name);
      total += size;
      if (total > kMaxXlsxTotalBytes) return zip_bomb(p, name);
      sizes_[name] = {size, comp};
    }
    return true;
  }

  bool has(const std::string& name) const { return sizes_.count(name) != 0; }

  // The part's bytes, inflated in chunks and stopped as soon as it passes its declared size or
  // the limits.
  std::optional<std::string> read(const std::string& name, XlsxProblem* p) {
    auto it = sizes_.find(name);
    if (it == sizes_.end()) return std::nullopt;
    zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
    if (!f) {
      refuse(p, "không đọc được phần " + name + " của bảng tính (tệp hỏng hoặc có mật khẩu)",
             "cannot read part " + name + " of the workbook (damaged or encrypted)");
      return std::nullopt;
    }
    std::string out;
    char buf[65536];
    const std::size_t limit = std::min(it->second.first, kMaxXlsxEntryBytes);
    for (;;) {
      zip_int64_t got = zip_fread(f, buf, sizeof buf);
      if (got < 0) {
        zip_fclose(f);
        refuse(p, "phần " + name + " của bảng tính bị hỏng", "part " + name + " of the workbook is damaged");
        return std::nullopt;
      }
      if (got == 0) break;
      out.append(buf, static_cast<std::size_t>(got));
      read_total_ += static_cast<std::size_t>(got);
      if (out.size() > limit || read_total_ > kMaxXlsxTotalBytes) {
        zip_fclose(f);
        zip_bomb(p, name);
        return std::nullopt;
      }
    }
    zip_fclose(f);
    return out;
  }

 private:
  static bool zip_bomb(XlsxProblem* p, const std::string& name) {
    return refuse(p, "bảng tính bung ra quá lớn (phần " + name + "): không phải một bảng tiến độ bình thường",
                  "the workbook inflates too much (part " + name + "): not an ordinary progress sheet");
  }

  zip_t* zip_ = nullptr;
  std::map<std::string, std::pair<std::size_t, std::size_t>> sizes_;
  std::size_t read_total_ = 0;
};

struct XmlDoc {
  xmlDocPtr doc = nullptr;
  ~XmlDoc() {
    if (doc) xmlFreeDoc(doc);
  }
  xmlNodePtr root() const { return doc ? xmlDocGetRootElement(doc) : nullptr; }
};

// Parsed without network access, without substituting entities and without loading a DTD;
// a DOCTYPE is refused outright since no part of a workbook has one.
bool parse_xml(const std::string& name, const std::string& text, XmlDoc* out, XlsxProblem* p) {
  if (contains_nocase(text, "<!doctype") || contains_nocase(text, "<!entity"))
    return refuse(p, "phần " + name + " của bảng tính có khai báo DOCTYPE/ENTITY; không nhận",
                  "part " + name + " of the workbook has a DOCTYPE/ENTITY declaration; refused");
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) return refuse(p, "phần quá lớn", "part too large");
  out->doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), name.c_str(), nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!out->doc || !out->root())
    return refuse(p, "phần " + name + " của bảng tính không phải XML hợp lệ", "part " + name + " of the workbook is not valid XML");
  if (out->doc->intSubset || out->doc->extSubset)
    return refuse(p, "phần " + name + " của bảng tính có khai báo DOCTYPE; không nhận",
                  "part " + name + " of the workbook has a DOCTYPE; refused");
  return true;
}

bool is(xmlNodePtr n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

// An attribute by its local name, whatever its namespace prefix (r:id, id).
std::string attr(xmlNodePtr n, const char* local) {
  for (xmlAttrPtr a = n->properties; a; a = a->next)
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) == 0) {
      xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
      std::string s = v ? reinterpret_cast<const char*>(v) : "";
      xmlFree(v);
      return s;
    }
  return {};
}

std::string content(xmlNodePtr n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

template <typename F>
void each_child(xmlNodePtr n, const char* local, F f) {
  for (xmlNodePtr c = n ? n->children : nullptr; c; c = c->next)
    if (is(c, local)) f(c);
}

xmlNodePtr child(xmlNodePtr n, const char* local) {
  for (xmlNodePtr c = n ? n->children : nullptr; c; c = c->next)
    if (is(c, local)) return c;
  return nullptr;
}

// The text of a shared or inline string: its <t>, or its runs' <t>s; phonetic runs left out.
std::string string_item(xmlNodePtr si) {
  std::string out;
  for (xmlNodePtr c = si->children; c; c = c->next) {
    if (is(c, "t")) out += content(c);
    else if (is(c, "r")) each_child(c, "t", [&](xmlNodePtr t) { out += content(t); });
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
  WorkbookReader(Archive* zip, XlsxProblem* p) : zip_(*zip), p_(p) {}

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
    XmlDoc types_doc;
    if (!parse_xml("[Content_Types].xml", *types, &types_doc, p_)) return std::nullopt;
    std::map<std::string, std::string> rels;
    if (!read_rels(&rels)) return std::nullopt;
    if (!read_shared_strings() || !read_styles()) return std::nullopt;
    XmlDoc wb;
    if (!read_part("xl/workbook.xml", &wb)) return std::nullopt;
    Workbook out;
    if (auto pr = child(wb.root(), "workbookPr")) {
      std::string v = attr(pr, "date1904");
      out.date1904 = v == "1" || v == "true";
    }
    bool ok = true;
    each_child(child(wb.root(), "sheets"), "sheet", [&](xmlNodePtr s) {
      if (!ok) return;
      Sheet sheet;
      sheet.name = attr(s, "name");
      auto target = rels.find(attr(s, "id"));
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
  bool read_part(const std::string& name, XmlDoc* doc) {
    auto text = zip_.read(name, p_);
    if (!text) {
      if (p_->vi.empty()) refuse(p_, "bảng tính thiếu phần " + name, "the workbook has no part " + name);
      return false;
    }
    return parse_xml(name, *text, doc, p_);
  }

  bool read_rels(std::map<std::string, std::string>* rels) {
    const std::string name = "xl/_rels/workbook.xml.rels";
    if (!zip_.has(name)) return true;
    XmlDoc doc;
    if (!read_part(name, &doc)) return false;
    bool ok = true;
    each_child(doc.root(), "Relationship", [&](xmlNodePtr r) {
      std::string type = attr(r, "Type");
      if (lower_ascii(attr(r, "TargetMode")) == "external" || contains_nocase(type, "externalLink")) {
        ok = refuse(p_, "bảng tính có liên kết tới tệp khác (" + attr(r, "Target") +
                            "); hãy chép giá trị (Paste Special > Values) rồi xoá liên kết",
                    "the workbook links to another file (" + attr(r, "Target") + "); paste the values and remove the link");
      }
      (*rels)[attr(r, "Id")] = attr(r, "Target");
    });
    return ok;
  }

  bool read_shared_strings() {
    const std::string name = "xl/sharedStrings.xml";
    if (!zip_.has(name)) return true;
    XmlDoc doc;
    if (!read_part(name, &doc)) return false;
    each_child(doc.root(), "si", [&](xmlNodePtr si) { shared_.push_back(string_item(si)); });
    return true;
  }

  bool read_styles() {
    const std::string name = "xl/styles.xml";
    if (!zip_.has(name)) return true;
    XmlDoc doc;
    if (!read_part(name, &doc)) return false;
    std::map<int, std::string> codes;
    each_child(child(doc.root(), "numFmts"), "numFmt",
               [&](xmlNodePtr f) { codes[to_int(attr(f, "numFmtId"), -1)] = attr(f, "formatCode"); });
    each_child(child(doc.root(), "cellXfs"), "xf", [&](xmlNodePtr xf) {
      int id = to_int(attr(xf, "numFmtId"), 0);
      auto it = codes.find(id);
      formats_.push_back(it != codes.end() ? it->second : builtin_format(id));
    });
    return true;
  }

  bool read_sheet(const std::string& path, Sheet* sheet) {
    XmlDoc doc;
    if (!read_part(path, &doc)) return false;
    int row = 0;
    each_child(child(doc.root(), "sheetData"), "row", [&](xmlNodePtr r) {
      row = to_int(attr(r, "r"), row + 1);
      int column = 0;
      each_child(r, "c", [&](xmlNodePtr c) {
        int cr = row, cc = column + 1;
        std::string ref = attr(c, "r");
        if (!ref.empty() && !parse_cell_reference(ref, &cr, &cc)) cc = column + 1;
        column = cc;
        read_cell(c, cr, cc, sheet);
      });
    });
    each_child(child(doc.root(), "mergeCells"), "mergeCell", [&](xmlNodePtr m) {
      std::string ref = attr(m, "ref");
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
    std::string t = attr(c, "t");
    int style = to_int(attr(c, "s"), 0);
    if (style >= 0 && static_cast<std::size_t>(style) < formats_.size()) cell.number_format = formats_[style];
    cell.formula = child(c, "f") != nullptr;
    xmlNodePtr v = child(c, "v");
    if (t == "inlineStr") {
      xmlNodePtr is_node = child(c, "is");
      if (!is_node && !cell.formula) return;
      cell.value = is_node ? string_item(is_node) : "";
      cell.has_value = is_node != nullptr;
    } else if (!v) {
      if (!cell.formula) return;  // a formatted but empty cell
      cell.has_value = false;
    } else {
      cell.value = content(v);
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

  Archive& zip_;
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
  Archive zip(bytes);
  if (!zip.is_open())
    return refuse(problem, "không mở được bảng tính: tệp zip hỏng", "cannot open the workbook: the zip file is damaged"),
           std::nullopt;
  if (!zip.check_directory(problem)) return std::nullopt;
  return WorkbookReader(&zip, problem).read();
}

}  // namespace congkhai
