#include "import/docx_reader.h"

#include "load/office_package.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <set>

namespace congkhai::import {

namespace {

// How a Word document names itself in messages, and its limits: only document.xml, numbering.xml
// and styles.xml are ever inflated, so pictures never count against them.
const PackageKind& word_document() {
  static const PackageKind kind{"văn bản", "document", "một văn bản Word", "a Word document",
                                "một văn bản Word bình thường", "an ordinary Word document",
                                kMaxDocxEntries, kMaxDocxPartBytes, kMaxDocxRatio, 65536,
                                3 * kMaxDocxPartBytes, false};
  return kind;
}

int int_attr(xmlNodePtr n, const char* local, int fallback) {
  std::string s = attribute(n, local);
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
  std::string v = attribute(n, "val");
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
      if (is_element(c, "abstractNum")) {
        int id = int_attr(c, "abstractNumId", -1);
        std::array<Level, 9> levels;
        for (xmlNodePtr l = c->children; l; l = l->next) {
          if (!is_element(l, "lvl")) continue;
          int i = int_attr(l, "ilvl", -1);
          if (i < 0 || i > 8) continue;
          levels[i].start = int_attr(first_child(l, "start"), "val", 1);
          if (xmlNodePtr f = first_child(l, "numFmt")) levels[i].format = attribute(f, "val");
          if (xmlNodePtr t = first_child(l, "lvlText")) levels[i].text = attribute(t, "val");
        }
        abstracts[id] = levels;
      } else if (is_element(c, "num")) {
        int id = int_attr(c, "numId", -1);
        num_to_abstract[id] = int_attr(first_child(c, "abstractNumId"), "val", -1);
        for (xmlNodePtr o = c->children; o; o = o->next)
          if (is_element(o, "lvlOverride")) {
            int l = int_attr(o, "ilvl", -1);
            if (xmlNodePtr s = first_child(o, "startOverride"); s && l >= 0 && l <= 8) start_overrides[id][l] = int_attr(s, "val", 1);
          }
      }
    }
  }

  void load_styles(xmlNodePtr root) {
    for (xmlNodePtr s = root ? root->children : nullptr; s; s = s->next) {
      if (!is_element(s, "style")) continue;
      xmlNodePtr num = first_child(first_child(s, "pPr"), "numPr");
      if (!num) continue;
      int id = int_attr(first_child(num, "numId"), "val", -1);
      int lvl = int_attr(first_child(num, "ilvl"), "val", 0);
      if (id > 0) style_numbering[attribute(s, "styleId")] = {id, lvl};
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
  int box_count = 0;
  int box_now = 0;    // the text box being read (its number), 0 in the body
  int box_depth = 0;  // text boxes inside text boxes
  bool too_big = false;
  bool too_deep = false;

  // A paragraph's text and formatting, tracked changes accepted.
  struct Runs {
    std::string text;
    int bold_chars = 0;
    int plain_chars = 0;
  };

  void runs(xmlNodePtr n, Runs* out, bool bold_here) {
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (is_element(c, "del") || is_element(c, "moveFrom") || is_element(c, "pPr") || is_element(c, "rPr") || is_element(c, "instrText") ||
          is_element(c, "delText") || is_element(c, "commentReference") || is_element(c, "footnoteReference") ||
          is_element(c, "endnoteReference") || is_element(c, "drawing") || is_element(c, "pict") || is_element(c, "object") ||
          is_element(c, "AlternateContent") || is_element(c, "annotationRef"))
        continue;
      if (is_element(c, "r")) {
        xmlNodePtr rpr = first_child(c, "rPr");
        if (toggle_on(first_child(rpr, "vanish")) || toggle_on(first_child(rpr, "webHidden"))) continue;  // hidden text
        bool b = toggle_on(first_child(rpr, "b"));
        runs(c, out, b);
      } else if (is_element(c, "t")) {
        std::string t = text_content(c);
        out->text += t;
        std::size_t visible = 0;
        for (char ch : t)
          if (ch != ' ' && ch != '\t') ++visible;
        (bold_here ? out->bold_chars : out->plain_chars) += static_cast<int>(visible);
      } else if (is_element(c, "tab") || is_element(c, "ptab")) {
        out->text += '\t';
      } else if (is_element(c, "br")) {
        std::string type = attribute(c, "type");
        if (type != "page" && type != "column") out->text += '\n';
      } else if (is_element(c, "cr")) {
        out->text += '\n';
      } else if (is_element(c, "noBreakHyphen")) {
        out->text += '-';
      } else if (is_element(c, "sdtPr") || is_element(c, "fldData")) {
        continue;
      } else {
        // ins, moveTo, hyperlink, smartTag, fldSimple, sdt/sdtContent, customXml: their text counts
        runs(c, out, bold_here);
      }
    }
  }

  // The text boxes drawn from a paragraph (w:txbxContent: DrawingML wps:txbx in w:drawing, or
  // VML v:textbox in w:pict), in the order of their anchors. Of mc:AlternateContent only the
  // first mc:Choice is read, or the mc:Fallback when the choice holds no text box: Word writes
  // the same box twice there. A text box's own content is not searched here: it is read as a
  // body of its own, so every element is visited once however the boxes nest.
  static void text_boxes(xmlNodePtr n, std::vector<xmlNodePtr>* out) {
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (is_element(c, "txbxContent")) {
        out->push_back(c);
      } else if (is_element(c, "AlternateContent")) {
        std::size_t before = out->size();
        if (xmlNodePtr choice = first_child(c, "Choice")) text_boxes(choice, out);
        if (out->size() == before)
          if (xmlNodePtr fallback = first_child(c, "Fallback")) text_boxes(fallback, out);
      } else if (is_element(c, "del") || is_element(c, "moveFrom") || is_element(c, "pPr") || is_element(c, "rPr") ||
                 is_element(c, "sdtPr")) {
        continue;
      } else if (is_element(c, "r")) {
        xmlNodePtr rpr = first_child(c, "rPr");
        if (toggle_on(first_child(rpr, "vanish")) || toggle_on(first_child(rpr, "webHidden"))) continue;
        text_boxes(c, out);
      } else {
        text_boxes(c, out);
      }
    }
  }

  // Reads each text box of paragraph `p` with `each(box content)`, numbering the boxes.
  template <typename Each>
  void each_text_box(xmlNodePtr p, Each each) {
    std::vector<xmlNodePtr> boxes;
    text_boxes(p, &boxes);
    if (boxes.empty()) return;
    if (box_depth >= kMaxDocxTextBoxDepth) {
      too_deep = true;
      return;
    }
    int outer = box_now;
    ++box_depth;
    for (xmlNodePtr box : boxes) {
      if (too_big || too_deep) break;
      box_now = ++box_count;
      each(box);
    }
    --box_depth;
    box_now = outer;
  }

  Paragraph paragraph(xmlNodePtr p) {
    Paragraph out;
    out.at.paragraph = ++paragraph_count;
    out.at.text_box = box_now;
    xmlNodePtr ppr = first_child(p, "pPr");
    if (xmlNodePtr jc = first_child(ppr, "jc")) out.centered = attribute(jc, "val") == "center";
    int num_id = -1, ilvl = 0;
    if (xmlNodePtr np = first_child(ppr, "numPr")) {
      num_id = int_attr(first_child(np, "numId"), "val", -1);
      ilvl = int_attr(first_child(np, "ilvl"), "val", 0);
    } else if (xmlNodePtr st = first_child(ppr, "pStyle")) {
      auto it = numbering.style_numbering.find(attribute(st, "val"));
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
    for (xmlNodePtr c = n->children; c && !too_deep; c = c->next) {
      if (is_element(c, "p")) {
        each_text_box(c, [&](xmlNodePtr box) { cell_paragraphs(box, out); });
        out->push_back(paragraph(c));
      } else if (is_element(c, "tbl")) {
        for (xmlNodePtr tr = c->children; tr; tr = tr->next)
          if (is_element(tr, "tr"))
            for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
              if (is_element(tc, "tc")) cell_paragraphs(tc, out);
      } else if (is_element(c, "sdt") || is_element(c, "sdtContent") || is_element(c, "customXml") || is_element(c, "ins") || is_element(c, "moveTo")) {
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
    out.at.text_box = box_now;
    int row_count = 0;
    for (xmlNodePtr tr = t->children; tr; tr = tr->next) {
      if (!is_element(tr, "tr")) continue;
      Row row;
      row.at.table = out.at.table;
      row.at.text_box = box_now;
      row.at.row = ++row_count;
      xmlNodePtr trpr = first_child(tr, "trPr");
      row.header = toggle_on(first_child(trpr, "tblHeader"));
      if (first_child(trpr, "del")) continue;  // a row deleted as a tracked change
      for (xmlNodePtr tc = tr->children; tc; tc = tc->next) {
        if (!is_element(tc, "tc")) continue;
        Cell cell;
        xmlNodePtr tcpr = first_child(tc, "tcPr");
        cell.span = std::clamp(int_attr(first_child(tcpr, "gridSpan"), "val", 1), 1, 64);
        if (xmlNodePtr vm = first_child(tcpr, "vMerge")) cell.merged_from_above = attribute(vm, "val") != "restart";
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

  // The blocks of the body or of a text box. A paragraph's text boxes come before its own text:
  // Word anchors a floating box to the paragraph nearest where it is drawn, and a heading's
  // boxes (issuer and number on the left, national motto and date on the right) sit at the top
  // of the page, above the text of the paragraph that holds their anchors ("KẾ HOẠCH" or an
  // empty one). Boxes anchored side by side are read in the order of their anchors.
  void body(xmlNodePtr n) {
    for (xmlNodePtr c = n->children; c && !too_big && !too_deep; c = c->next) {
      if (doc.blocks.size() >= kMaxDocxBlocks) {
        too_big = true;
        return;
      }
      if (is_element(c, "p")) {
        each_text_box(c, [&](xmlNodePtr box) { body(box); });
        if (too_big || too_deep) return;
        Block b;
        b.paragraph = paragraph(c);
        doc.blocks.push_back(std::move(b));
      } else if (is_element(c, "tbl")) {
        Block b;
        b.kind = Block::Kind::kTable;
        b.table = table(c);
        doc.blocks.push_back(std::move(b));
      } else if (is_element(c, "sdt") || is_element(c, "sdtContent") || is_element(c, "customXml") || is_element(c, "ins") || is_element(c, "moveTo")) {
        body(c);
      } else if (is_element(c, "AlternateContent")) {
        xmlNodePtr choice = first_child(c, "Choice");
        if (xmlNodePtr branch = choice ? choice : first_child(c, "Fallback")) body(branch);
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
  Package zip(bytes, word_document());
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
    XmlPart xml;
    if (!parse_part(part, *text, word_document(), &xml, problem)) return std::nullopt;
    if (std::strcmp(part, "word/numbering.xml") == 0) reader.numbering.load(xml.root());
    else reader.numbering.load_styles(xml.root());
  }
  auto text = zip.read("word/document.xml", problem);
  if (!text) return std::nullopt;
  XmlPart xml;
  if (!parse_part("word/document.xml", *text, word_document(), &xml, problem)) return std::nullopt;
  xmlNodePtr body = first_child(xml.root(), "body");
  if (!body) {
    refuse(problem, "văn bản Word không có phần thân (w:body)", "the Word document has no body (w:body)");
    return std::nullopt;
  }
  reader.body(body);
  if (reader.too_deep) {
    refuse(problem,
           "văn bản có hộp văn bản lồng trong nhau quá " + std::to_string(kMaxDocxTextBoxDepth) + " lớp; hãy đưa nội dung ra khỏi các hộp và lưu lại",
           "the document has text boxes nested more than " + std::to_string(kMaxDocxTextBoxDepth) +
               " deep; move their text out of the boxes and save it again");
    return std::nullopt;
  }
  if (reader.too_big) {
    refuse(problem, "văn bản có quá nhiều đoạn (hơn " + std::to_string(kMaxDocxBlocks) + ") để là một kế hoạch",
           "the document has too many paragraphs (more than " + std::to_string(kMaxDocxBlocks) + ") for a plan");
    return std::nullopt;
  }
  return std::move(reader.doc);
}

}  // namespace congkhai::import
