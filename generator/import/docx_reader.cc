#include "import/docx_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <set>

namespace congkhai::import {

namespace {

bool refuse(ReadProblem* p, std::string vi, std::string en) {
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

// The zip archive; only the parts the reader needs are ever inflated, each under the limits.
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

  bool check_directory(ReadProblem* p) {
    zip_int64_t n = zip_get_num_entries(zip_, 0);
    if (n < 0 || static_cast<std::size_t>(n) > kMaxDocxEntries)
      return refuse(p, "tệp có quá nhiều phần (" + std::to_string(n) + ") để là một văn bản Word",
                    "the file has too many parts (" + std::to_string(n) + ") for a Word document");
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      zip_stat_init(&st);
      if (zip_stat_index(zip_, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
        return refuse(p, "tệp zip hỏng", "the zip file is damaged");
      std::size_t size = (st.valid & ZIP_STAT_SIZE) ? static_cast<std::size_t>(st.size) : kMaxDocxPartBytes + 1;
      std::size_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? static_cast<std::size_t>(st.comp_size) : 0;
      sizes_[st.name] = {size, comp};
    }
    return true;
  }

  bool has(const std::string& name) const { return sizes_.count(name) != 0; }

  // The part's bytes, checked against the directory first, then inflated in chunks and stopped
  // as soon as it passes its declared size or the limit.
  std::optional<std::string> read(const std::string& name, ReadProblem* p) {
    auto it = sizes_.find(name);
    if (it == sizes_.end()) return std::nullopt;
    auto [size, comp] = it->second;
    if (size > kMaxDocxPartBytes || (size > 65536 && size / std::max<std::size_t>(comp, 1) > kMaxDocxRatio)) {
      zip_bomb(p, name);
      return std::nullopt;
    }
    zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
    if (!f) {
      refuse(p, "không đọc được phần " + name + " của văn bản (tệp hỏng hoặc có mật khẩu)",
             "cannot read part " + name + " of the document (damaged or encrypted)");
      return std::nullopt;
    }
    std::string out;
    char buf[65536];
    for (;;) {
      zip_int64_t got = zip_fread(f, buf, sizeof buf);
      if (got < 0) {
        zip_fclose(f);
        refuse(p, "phần " + name + " của văn bản bị hỏng", "part " + name + " of the document is damaged");
        return std::nullopt;
      }
      if (got == 0) break;
      out.append(buf, static_cast<std::size_t>(got));
      if (out.size() > size || out.size() > kMaxDocxPartBytes) {
        zip_fclose(f);
        zip_bomb(p, name);
        return std::nullopt;
      }
    }
    zip_fclose(f);
    return out;
  }

 private:
  static bool zip_bomb(ReadProblem* p, const std::string& name) {
    return refuse(p, "văn bản bung ra quá lớn (phần " + name + "): không phải một văn bản Word bình thường",
                  "the document inflates too much (part " + name + "): not an ordinary Word document");
  }

  zip_t* zip_ = nullptr;
  std::map<std::string, std::pair<std::size_t, std::size_t>> sizes_;
};

struct XmlDoc {
  xmlDocPtr doc = nullptr;
  XmlDoc() = default;
  XmlDoc(const XmlDoc&) = delete;
  XmlDoc& operator=(const XmlDoc&) = delete;
  ~XmlDoc() {
    if (doc) xmlFreeDoc(doc);
  }
  xmlNodePtr root() const { return doc ? xmlDocGetRootElement(doc) : nullptr; }
};

// Parsed without network access, without substituting entities and without loading a DTD; a
// DOCTYPE or ENTITY declaration is refused outright since no part of a Word document has one.
bool parse_xml(const std::string& name, const std::string& text, XmlDoc* out, ReadProblem* p) {
  std::string head = lower_ascii(text);
  if (head.find("<!doctype") != std::string::npos || head.find("<!entity") != std::string::npos)
    return refuse(p, "phần " + name + " của văn bản có khai báo DOCTYPE/ENTITY; không nhận",
                  "part " + name + " of the document has a DOCTYPE/ENTITY declaration; refused");
  out->doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), name.c_str(), nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!out->doc || !out->root())
    return refuse(p, "phần " + name + " của văn bản không phải XML hợp lệ", "part " + name + " of the document is not valid XML");
  if (out->doc->intSubset || out->doc->extSubset)
    return refuse(p, "phần " + name + " của văn bản có khai báo DOCTYPE; không nhận",
                  "part " + name + " of the document has a DOCTYPE; refused");
  return true;
}

bool is(xmlNodePtr n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

std::string attr(xmlNodePtr n, const char* local) {
  for (xmlAttrPtr a = n ? n->properties : nullptr; a; a = a->next)
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

xmlNodePtr child(xmlNodePtr n, const char* local) {
  for (xmlNodePtr c = n ? n->children : nullptr; c; c = c->next)
    if (is(c, local)) return c;
  return nullptr;
}

int int_attr(xmlNodePtr n, const char* local, int fallback) {
  std::string s = attr(n, local);
  if (s.empty() || s.size() > 6) return fallback;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A toggle property (<w:b/>, <w:b w:val="0"/>): on unless its value says off.
bool toggle_on(xmlNodePtr n) {
  if (!n) return false;
  std::string v = attr(n, "val");
  return v.empty() || (v != "0" && v != "false" && v != "off");
}

// ---- automatic numbering -------------------------------------------------------------------

struct Level {
  int start = 1;
  std::string format = "decimal";
  std::string text = "%1.";
};

struct Numbering {
  std::map<int, std::array<Level, 9>> abstracts;                 // abstractNumId → levels
  std::map<int, int> num_to_abstract;                            // numId → abstractNumId
  std::map<int, std::map<int, int>> start_overrides;             // numId → level → start
  std::map<int, std::array<int, 9>> counters;                    // abstractNumId → current values
  std::map<int, std::array<bool, 9>> started_;                   // abstractNumId → level counted yet
  std::set<int> restarted;                                       // numIds whose override was applied
  std::map<std::string, std::pair<int, int>> style_numbering;    // pStyle → numId, ilvl

  void load(xmlNodePtr root) {
    for (xmlNodePtr c = root ? root->children : nullptr; c; c = c->next) {
      if (is(c, "abstractNum")) {
        int id = int_attr(c, "abstractNumId", -1);
        std::array<Level, 9> levels;
        for (xmlNodePtr l = c->children; l; l = l->next) {
          if (!is(l, "lvl")) continue;
          int i = int_attr(l, "ilvl", -1);
          if (i < 0 || i > 8) continue;
          levels[i].start = int_attr(child(l, "start"), "val", 1);
          if (xmlNodePtr f = child(l, "numFmt")) levels[i].format = attr(f, "val");
          if (xmlNodePtr t = child(l, "lvlText")) levels[i].text = attr(t, "val");
        }
        abstracts[id] = levels;
      } else if (is(c, "num")) {
        int id = int_attr(c, "numId", -1);
        num_to_abstract[id] = int_attr(child(c, "abstractNumId"), "val", -1);
        for (xmlNodePtr o = c->children; o; o = o->next)
          if (is(o, "lvlOverride")) {
            int l = int_attr(o, "ilvl", -1);
            if (xmlNodePtr s = child(o, "startOverride"); s && l >= 0 && l <= 8) start_overrides[id][l] = int_attr(s, "val", 1);
          }
      }
    }
  }

  void load_styles(xmlNodePtr root) {
    for (xmlNodePtr s = root ? root->children : nullptr; s; s = s->next) {
      if (!is(s, "style")) continue;
      xmlNodePtr num = child(child(s, "pPr"), "numPr");
      if (!num) continue;
      int id = int_attr(child(num, "numId"), "val", -1);
      int lvl = int_attr(child(num, "ilvl"), "val", 0);
      if (id > 0) style_numbering[attr(s, "styleId")] = {id, lvl};
    }
  }

  static std::string roman(int v, bool upper) {
    if (v <= 0 || v >= 4000) return std::to_string(v);
    static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                        {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"},
                                                        {5, "v"}, {4, "iv"}, {1, "i"}};
    std::string out;
    for (auto [n, s] : table)
      while (v >= n) {
        out += s;
        v -= n;
      }
    if (upper)
      for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
  }

  static std::string letter(int v, bool upper) {
    if (v <= 0) return std::to_string(v);
    // Word repeats the letter past z: aa, bb, …
    char c = static_cast<char>((upper ? 'A' : 'a') + (v - 1) % 26);
    return std::string(static_cast<std::size_t>((v - 1) / 26 + 1), c);
  }

  static std::string format(int v, const std::string& f) {
    if (f == "upperRoman") return roman(v, true);
    if (f == "lowerRoman") return roman(v, false);
    if (f == "upperLetter") return letter(v, true);
    if (f == "lowerLetter") return letter(v, false);
    if (f == "decimalZero") return (v < 10 ? "0" : "") + std::to_string(v);
    if (f == "none") return "";
    return std::to_string(v);
  }

  // The number Word shows for the next paragraph of list `num_id` at level `ilvl`.
  std::string next(int num_id, int ilvl) {
    if (num_id <= 0 || ilvl < 0 || ilvl > 8) return {};
    auto a = num_to_abstract.find(num_id);
    if (a == num_to_abstract.end()) return {};
    auto lv = abstracts.find(a->second);
    if (lv == abstracts.end()) return {};
    const auto& levels = lv->second;
    auto& count = counters.try_emplace(a->second, std::array<int, 9>{}).first->second;
    auto& started = started_.try_emplace(a->second, std::array<bool, 9>{}).first->second;
    auto over = start_overrides.find(num_id);
    if (over != start_overrides.end() && !restarted.count(num_id)) {
      restarted.insert(num_id);
      for (auto [l, v] : over->second) {
        count[static_cast<std::size_t>(l)] = v - 1;
        started[static_cast<std::size_t>(l)] = true;
      }
    }
    auto at = static_cast<std::size_t>(ilvl);
    count[at] = started[at] ? count[at] + 1 : levels[at].start;
    started[at] = true;
    for (std::size_t d = at + 1; d < 9; ++d) started[d] = false;
    const Level& level = levels[at];
    if (level.format == "bullet") return "-";
    std::string out;
    for (std::size_t i = 0; i < level.text.size(); ++i) {
      char c = level.text[i];
      if (c == '%' && i + 1 < level.text.size() && level.text[i + 1] >= '1' && level.text[i + 1] <= '9') {
        auto k = static_cast<std::size_t>(level.text[i + 1] - '1');
        int v = started[k] ? count[k] : levels[k].start;
        out += format(v, levels[k].format);
        ++i;
      } else {
        out += c;
      }
    }
    return out;
  }
};

// ---- the body ------------------------------------------------------------------------------

struct Reader {
  Numbering numbering;
  Document doc;
  int paragraph_count = 0;
  int table_count = 0;
  bool too_big = false;

  // A paragraph's text and formatting, tracked changes accepted.
  struct Runs {
    std::string text;
    int bold_chars = 0;
    int plain_chars = 0;
  };

  void runs(xmlNodePtr n, Runs* out, bool bold_here) {
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (is(c, "del") || is(c, "moveFrom") || is(c, "pPr") || is(c, "rPr") || is(c, "instrText") ||
          is(c, "delText") || is(c, "commentReference") || is(c, "footnoteReference") ||
          is(c, "endnoteReference") || is(c, "drawing") || is(c, "pict") || is(c, "object") ||
          is(c, "AlternateContent") || is(c, "annotationRef"))
        continue;
      if (is(c, "r")) {
        xmlNodePtr rpr = child(c, "rPr");
        if (toggle_on(child(rpr, "vanish")) || toggle_on(child(rpr, "webHidden"))) continue;  // hidden text
        bool b = toggle_on(child(rpr, "b"));
        runs(c, out, b);
      } else if (is(c, "t")) {
        std::string t = content(c);
        out->text += t;
        std::size_t visible = 0;
        for (char ch : t)
          if (ch != ' ' && ch != '\t') ++visible;
        (bold_here ? out->bold_chars : out->plain_chars) += static_cast<int>(visible);
      } else if (is(c, "tab") || is(c, "ptab")) {
        out->text += '\t';
      } else if (is(c, "br")) {
        std::string type = attr(c, "type");
        if (type != "page" && type != "column") out->text += '\n';
      } else if (is(c, "cr")) {
        out->text += '\n';
      } else if (is(c, "noBreakHyphen")) {
        out->text += '-';
      } else if (is(c, "sdtPr") || is(c, "fldData")) {
        continue;
      } else {
        // ins, moveTo, hyperlink, smartTag, fldSimple, sdt/sdtContent, customXml: their text counts
        runs(c, out, bold_here);
      }
    }
  }

  Paragraph paragraph(xmlNodePtr p) {
    Paragraph out;
    out.at.paragraph = ++paragraph_count;
    xmlNodePtr ppr = child(p, "pPr");
    if (xmlNodePtr jc = child(ppr, "jc")) out.centered = attr(jc, "val") == "center";
    int num_id = -1, ilvl = 0;
    if (xmlNodePtr np = child(ppr, "numPr")) {
      num_id = int_attr(child(np, "numId"), "val", -1);
      ilvl = int_attr(child(np, "ilvl"), "val", 0);
    } else if (xmlNodePtr st = child(ppr, "pStyle")) {
      auto it = numbering.style_numbering.find(attr(st, "val"));
      if (it != numbering.style_numbering.end()) std::tie(num_id, ilvl) = it->second;
    }
    // A paragraph whose mark was deleted as a tracked change keeps no number of its own.
    Runs r;
    runs(p, &r, false);
    out.text = std::move(r.text);
    out.bold = r.bold_chars > 0 && r.plain_chars == 0;
    if (num_id > 0) out.numbering = numbering.next(num_id, ilvl);
    return out;
  }

  // A cell's paragraphs, tables nested in it flattened into their cells' paragraphs.
  void cell_paragraphs(xmlNodePtr n, std::vector<Paragraph>* out) {
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (is(c, "p")) {
        out->push_back(paragraph(c));
      } else if (is(c, "tbl")) {
        for (xmlNodePtr tr = c->children; tr; tr = tr->next)
          if (is(tr, "tr"))
            for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
              if (is(tc, "tc")) cell_paragraphs(tc, out);
      } else if (is(c, "sdt") || is(c, "sdtContent") || is(c, "customXml") || is(c, "ins") || is(c, "moveTo")) {
        cell_paragraphs(c, out);
      }
    }
  }

  static std::string joined(const Paragraph& p) {
    if (p.numbering.empty()) return p.text;
    if (p.text.empty()) return p.numbering;
    return p.numbering + " " + p.text;
  }

  Table table(xmlNodePtr t) {
    Table out;
    out.at.table = ++table_count;
    int row_count = 0;
    for (xmlNodePtr tr = t->children; tr; tr = tr->next) {
      if (!is(tr, "tr")) continue;
      Row row;
      row.at.table = out.at.table;
      row.at.row = ++row_count;
      xmlNodePtr trpr = child(tr, "trPr");
      row.header = toggle_on(child(trpr, "tblHeader"));
      if (child(trpr, "del")) continue;  // a row deleted as a tracked change
      for (xmlNodePtr tc = tr->children; tc; tc = tc->next) {
        if (!is(tc, "tc")) continue;
        Cell cell;
        xmlNodePtr tcpr = child(tc, "tcPr");
        cell.span = std::clamp(int_attr(child(tcpr, "gridSpan"), "val", 1), 1, 64);
        if (xmlNodePtr vm = child(tcpr, "vMerge")) cell.merged_from_above = attr(vm, "val") != "restart";
        cell_paragraphs(tc, &cell.paragraphs);
        bool all_bold = !cell.paragraphs.empty();
        bool any_text = false;
        for (std::size_t i = 0; i < cell.paragraphs.size(); ++i) {
          const Paragraph& p = cell.paragraphs[i];
          if (i) cell.text += '\n';
          cell.text += joined(p);
          if (!p.text.empty()) {
            any_text = true;
            all_bold = all_bold && p.bold;
          }
        }
        cell.bold = any_text && all_bold;
        if (cell.merged_from_above) {
          cell.text.clear();
          cell.paragraphs.clear();
        }
        row.cells.push_back(std::move(cell));
      }
      out.rows.push_back(std::move(row));
    }
    return out;
  }

  void body(xmlNodePtr n) {
    for (xmlNodePtr c = n->children; c && !too_big; c = c->next) {
      if (doc.blocks.size() >= kMaxDocxBlocks) {
        too_big = true;
        return;
      }
      if (is(c, "p")) {
        Block b;
        b.paragraph = paragraph(c);
        doc.blocks.push_back(std::move(b));
      } else if (is(c, "tbl")) {
        Block b;
        b.kind = Block::Kind::kTable;
        b.table = table(c);
        doc.blocks.push_back(std::move(b));
      } else if (is(c, "sdt") || is(c, "sdtContent") || is(c, "customXml") || is(c, "ins") || is(c, "moveTo")) {
        body(c);
      }
    }
  }
};

bool looks_like_ole(std::string_view bytes) {
  return bytes.size() >= 8 && static_cast<unsigned char>(bytes[0]) == 0xD0 && static_cast<unsigned char>(bytes[1]) == 0xCF &&
         static_cast<unsigned char>(bytes[2]) == 0x11 && static_cast<unsigned char>(bytes[3]) == 0xE0;
}

}  // namespace

std::optional<Document> read_docx(std::string_view bytes, const std::string& path, ReadProblem* problem) {
  if (looks_like_ole(bytes)) {
    refuse(problem,
           "tệp không phải .docx mà là tệp Word cũ (.doc) hoặc văn bản có đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu và lưu lại thành \"Word Document (.docx)\"",
           "the file is not a .docx but an old Word file (.doc) or a password-protected document; open it in Word, remove the password and save it as \"Word Document (.docx)\"");
    return std::nullopt;
  }
  Archive zip(bytes);
  if (!zip.is_open()) {
    refuse(problem, "tệp không phải văn bản Word (.docx): không mở được như một tệp zip",
           "the file is not a Word document (.docx): it does not open as a zip file");
    return std::nullopt;
  }
  if (!zip.check_directory(problem)) return std::nullopt;
  if (!zip.has("word/document.xml")) {
    refuse(problem, "tệp zip này không phải văn bản Word: thiếu phần word/document.xml",
           "this zip file is not a Word document: it has no word/document.xml");
    return std::nullopt;
  }
  Reader reader;
  reader.doc.path = path;
  for (const char* part : {"word/numbering.xml", "word/styles.xml"}) {
    if (!zip.has(part)) continue;
    auto text = zip.read(part, problem);
    if (!text) return std::nullopt;
    XmlDoc xml;
    if (!parse_xml(part, *text, &xml, problem)) return std::nullopt;
    if (std::strcmp(part, "word/numbering.xml") == 0) reader.numbering.load(xml.root());
    else reader.numbering.load_styles(xml.root());
  }
  auto text = zip.read("word/document.xml", problem);
  if (!text) return std::nullopt;
  XmlDoc xml;
  if (!parse_xml("word/document.xml", *text, &xml, problem)) return std::nullopt;
  xmlNodePtr body = child(xml.root(), "body");
  if (!body) {
    refuse(problem, "văn bản Word không có phần thân (w:body)", "the Word document has no body (w:body)");
    return std::nullopt;
  }
  reader.body(body);
  if (reader.too_big) {
    refuse(problem, "văn bản có quá nhiều đoạn (hơn " + std::to_string(kMaxDocxBlocks) + ") để là một kế hoạch",
           "the document has too many paragraphs (more than " + std::to_string(kMaxDocxBlocks) + ") for a plan");
    return std::nullopt;
  }
  return std::move(reader.doc);
}

}  // namespace congkhai::import
