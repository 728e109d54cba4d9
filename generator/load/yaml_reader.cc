#include "load/yaml_reader.h"

#include <yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include "load/markdown_limits.h"
#include "load/placeholder.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

namespace congkhai {

namespace {

// Where a message points: where libyaml gave up, or where the construct began (the opening
// quote of a string never closed, a key without its colon), or the latter only when libyaml
// gave up at the end of the text (a bracket never closed, rather than one closed too late).
enum class Blame { kProblem, kStart, kStartAtEnd };

// libyaml's problems, in the words an official would use. `back` steps back over an
// escape's "\u" to its backslash.
struct SyntaxHint {
  const char* problem;
  const char* context;  // nullptr: any
  const char* vi;
  const char* en;
  Blame blame = Blame::kProblem;
  int back = 0;
};
constexpr SyntaxHint kSyntaxHints[] = {
    {"mapping values are not allowed", nullptr,
     "dấu hai chấm \":\" không đúng chỗ; nếu giá trị có chứa \": \", hãy đặt cả giá trị trong ngoặc kép",
     "a colon is out of place; if a value contains \": \", put the whole value in double quotes"},
    {"found unexpected end of stream", "while scanning a quoted scalar", "thiếu dấu ngoặc kép đóng",
     "a closing quote is missing", Blame::kStart},
    {"found unexpected document indicator", "while scanning a quoted scalar", "thiếu dấu ngoặc kép đóng",
     "a closing quote is missing", Blame::kStart},
    {"did not find expected ',' or ']'", nullptr, "thiếu dấu đóng \"]\"", "a closing \"]\" is missing", Blame::kStartAtEnd},
    {"did not find expected ',' or '}'", nullptr, "thiếu dấu đóng \"}\"", "a closing \"}\" is missing", Blame::kStartAtEnd},
    {"found unknown escape character", nullptr, "ký tự thoát \"\\\" không hợp lệ trong chuỗi ngoặc kép",
     "invalid escape \"\\\" in a double-quoted string"},
    {"did not find expected hexdecimal number", nullptr,
     "ký tự thoát \"\\\" không hợp lệ trong chuỗi ngoặc kép", "invalid escape \"\\\" in a double-quoted string",
     Blame::kProblem, 2},
    {"found invalid Unicode character escape code", nullptr,
     "mã thoát \"\\u\" không phải một ký tự Unicode hợp lệ", "a \"\\u\" escape is not a valid Unicode character",
     Blame::kProblem, 2},
    {"block sequence entries are not allowed in this context", nullptr,
     "dòng bắt đầu bằng \"-\" thụt lề không đúng", "a \"-\" line is indented wrongly"},
    {"did not find expected '-' indicator", nullptr, "thụt lề không đều", "the indentation is uneven"},
    {"found a tab character", nullptr, "không dùng phím Tab để thụt lề, hãy dùng dấu cách",
     "do not indent with tabs, use spaces"},
    {"did not find expected key", nullptr, "thụt lề không đều", "the indentation is uneven"},
    {"did not find expected <document start>", nullptr, "thụt lề không đều", "the indentation is uneven"},
    {"could not find expected ':'", nullptr,
     "thiếu dấu hai chấm \":\" sau khoá, hoặc một giá trị xuống dòng mà dòng sau thụt lề không đều",
     "a colon after the key is missing, or a value runs on to a line indented unevenly", Blame::kStart},
};

// A scalar with a control character or a YAML-only line break can only come from an escape
// ("\0", "\x01", "\N", "\L"): libyaml refuses a control character written in the file, and
// clean_text the line breaks. Broken UTF-8 cannot come at all: the file was checked
// when it was read, and libyaml refuses a surrogate escape ("\uD800") itself.
bool clean_scalar(const char* s, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return false;
    // U+0080–U+009F, the C1 controls ("\N", "\x85").
    if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
    // U+2028 and U+2029 ("\L", "\P"): line breaks to YAML, refused written in the file too.
    if (c == 0xE2 && i + 2 < n && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
      return false;
  }
  return true;
}

// What YAML's core schema reads as null when written plain.
bool null_word(const char* s, std::size_t n) {
  std::string_view v(s, n);
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// libyaml's parser and event, freed however parse() is left.
struct Parser {
  yaml_parser_t p;
  bool ok;
  Parser() : ok(yaml_parser_initialize(&p) != 0) {}
  ~Parser() { yaml_parser_delete(&p); }
};
struct Event {
  yaml_event_t e{};
  ~Event() { yaml_event_delete(&e); }
};

std::string what_it_is(const YamlNode& node) {
  if (node.is_sequence()) return "một danh sách (các dòng \"- \")";
  if (node.is_map()) return "các dòng \"khoá: giá trị\"";
  return "giá trị";
}

// The first word of a line when it is a key ("task:", "- task:"), with the column (from 0) where
// the key starts; nullopt when the line does not start with a key.
struct KeyLine {
  int indent = 0;    // spaces before the key (after "- " when there is one)
  bool item = false; // the key opens a list item ("- task:")
  std::string key;
};
std::optional<KeyLine> key_line(std::string_view line) {
  KeyLine k;
  std::size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos) return std::nullopt;
  if (line.substr(i, 2) == "- ") {
    k.item = true;
    i = line.find_first_not_of(' ', i + 2);
    if (i == std::string_view::npos) return std::nullopt;
  }
  std::size_t end = i;
  while (end < line.size() && ((line[end] >= 'a' && line[end] <= 'z') || line[end] == '_')) ++end;
  if (end == i || end >= line.size() || line[end] != ':' ||
      (end + 1 < line.size() && line[end + 1] != ' '))
    return std::nullopt;
  k.indent = static_cast<int>(i);
  k.key.assign(line.substr(i, end - i));
  return k;
}

SourcePos at(const yaml_mark_t& m, int first_line) {
  return SourcePos{static_cast<int>(m.line) + first_line, static_cast<int>(m.column) + 1};
}

}  // namespace

YamlReader::YamlReader(std::string path, std::string text, int first_line, Diagnostics* diags)
    : path_(std::move(path)), text_(std::move(text)), first_line_(first_line), diags_(diags) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

SourcePos YamlReader::pos(const YamlNode& node) const {
  if (node.line < 0) return SourcePos{first_line_, 1};
  return SourcePos{node.line + first_line_, node.column + 1};
}

SourcePos YamlReader::pos_of_offset(std::size_t offset) const {
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  int line0 = static_cast<int>(next - line_starts_.begin()) - 1;
  int col = 1;
  for (std::size_t i = line_starts_[line0]; i < offset && i < text_.size(); ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  return SourcePos{line0 + first_line_, col};
}

void YamlReader::error(SourcePos pos, std::string vi, std::string en, std::string hint_vi,
                       std::string hint_en) {
  diags_->push_back(Diagnostic{path_, pos, std::move(vi), std::move(en), std::move(hint_vi),
                               std::move(hint_en)});
}

void YamlReader::warn(SourcePos pos, std::string vi, std::string en, std::string hint_vi, std::string hint_en) {
  diags_->push_back(warning(path_, pos, std::move(vi), std::move(en), std::move(hint_vi), std::move(hint_en)));
}

void YamlReader::error(const YamlNode& node, std::string vi, std::string en, std::string hint_vi,
                       std::string hint_en) {
  error(pos(node), std::move(vi), std::move(en), std::move(hint_vi), std::move(hint_en));
}

// One pass of libyaml's event parser builds the nodes and refuses, at the first occurrence,
// what content never needs. Anchors and aliases: an alias shares a node, so a few lines of
// them can stand for billions of tasks. Nesting beyond kMaxYamlDepth: no recursion, ours or a
// loader's, runs deep. A second document: it would be silently ignored.
std::optional<YamlNode> YamlReader::parse() {
  Parser parser;
  if (!parser.ok) {
    error(SourcePos{first_line_, 1}, "không đủ bộ nhớ để đọc tệp", "out of memory reading the file");
    return std::nullopt;
  }
  yaml_parser_set_encoding(&parser.p, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(text_.data()),
                               text_.size());
  YamlNode root;
  std::vector<YamlNode*> open;  // the collections being filled, innermost last
  int documents = 0;
  auto add = [&](YamlNode&& node) -> YamlNode* {
    if (open.empty()) {
      root = std::move(node);
      return &root;
    }
    // Only the innermost collection grows, so the pointers to the outer ones stay valid.
    auto& items = open.back()->items;
    items.push_back(std::move(node));
    return &items.back();
  };
  auto start = [](YamlNode::Kind kind, const yaml_mark_t& m) {
    YamlNode n;
    n.kind = kind;
    n.line = static_cast<int>(m.line);
    n.column = static_cast<int>(m.column);
    return n;
  };
  for (;;) {
    Event ev;
    if (!yaml_parser_parse(&parser.p, &ev.e)) {
      syntax_error(parser.p);
      return std::nullopt;
    }
    const yaml_mark_t& mark = ev.e.start_mark;
    const yaml_char_t* anchor = nullptr;
    switch (ev.e.type) {
      case YAML_STREAM_END_EVENT:
        return root;
      case YAML_DOCUMENT_START_EVENT:
        if (++documents > 1) {
          error(at(mark, first_line_), "tệp chỉ được chứa một khối YAML; một khối thứ hai bắt đầu ở đây",
                "the file holds a second YAML document, starting here",
                "xoá dòng \"---\" hoặc \"...\" thừa ở đây hoặc ngay trên", "remove the extra \"---\" or \"...\" line");
          return std::nullopt;
        }
        continue;
      case YAML_ALIAS_EVENT:
        // Anchors are refused where they are written, so an alias never names one: it is
        // text such as "*Quan trọng* việc" that was meant literally.
        error(at(mark, first_line_), "lỗi cú pháp YAML: giá trị bắt đầu bằng dấu \"*\" phải đặt trong ngoặc kép",
              "YAML syntax error: a value starting with \"*\" must be put in double quotes",
              "kiểm tra thụt lề (chỉ dùng dấu cách) và dấu ngoặc kép ở dòng này hoặc dòng ngay trên",
              "check the indentation (spaces only) and quotes on this line or the line above");
        return std::nullopt;
      case YAML_SCALAR_EVENT: {
        anchor = ev.e.data.scalar.anchor;
        if (anchor) break;
        const auto& sc = ev.e.data.scalar;
        const char* value = reinterpret_cast<const char*>(sc.value);
        if (!clean_scalar(value, sc.length)) {
          error(at(mark, first_line_), "giá trị có ký tự điều khiển hoặc mã thoát không hợp lệ (như \"\\0\")",
                "the value holds a control character or an invalid escape (such as \"\\0\")",
                "xoá mã thoát \"\\\" này hoặc đặt giá trị trong ngoặc đơn '…'",
                "remove the escape or put the value in single quotes");
          return std::nullopt;
        }
        // Written in the file, one is refused when the file is read (clean_text); this one came
        // from an escape ("\uFFFF").
        if (find_noncharacter(std::string_view(value, sc.length)) != std::string_view::npos) {
          error(at(mark, first_line_),
                "giá trị có mã thoát tạo ra một mã Unicode không dùng cho văn bản (noncharacter, như \"\\uFFFF\")",
                "the value holds an escape that makes a Unicode noncharacter (such as \"\\uFFFF\"), which is not for text",
                "xoá mã thoát \"\\u\" này", "remove that \"\\u\" escape");
          return std::nullopt;
        }
        bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE;
        bool null = plain && sc.plain_implicit && null_word(value, sc.length);
        YamlNode n = start(null ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar, mark);
        n.text.assign(value, sc.length);
        n.quoted = !plain;
        add(std::move(n));
        continue;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        bool seq = ev.e.type == YAML_SEQUENCE_START_EVENT;
        anchor = seq ? ev.e.data.sequence_start.anchor : ev.e.data.mapping_start.anchor;
        if (anchor) break;
        if (static_cast<int>(open.size()) >= kMaxYamlDepth) {
          error(at(mark, first_line_),
                "danh sách, các dòng \"khoá: giá trị\" lồng nhau quá sâu (quá " + std::to_string(kMaxYamlDepth) + " cấp)",
                "lists and mappings are nested too deeply (more than " + std::to_string(kMaxYamlDepth) +
                    " levels)");
          return std::nullopt;
        }
        YamlNode n = start(seq ? YamlNode::Kind::kSequence : YamlNode::Kind::kMapping, mark);
        n.flow = seq ? ev.e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                     : ev.e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        open.push_back(add(std::move(n)));
        continue;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        open.pop_back();
        continue;
      default:
        continue;
    }
    // Only a node with an anchor leaves the switch.
    std::string name(reinterpret_cast<const char*>(anchor));
    error(at(mark, first_line_), "không dùng neo \"&" + name + "\" và bí danh (*) của YAML trong nội dung",
          "YAML anchors \"&" + name + "\" and aliases (*) are not allowed",
          "hãy ghi đầy đủ nội dung ở mỗi chỗ cần; giá trị bắt đầu bằng \"&\" hoặc \"*\" "
          "phải đặt trong ngoặc kép",
          "write the content out in full; quote a value that starts with & or *");
    return std::nullopt;
  }
}

// Whether the line (0-based, in the text) is indented with a tab.
bool YamlReader::tab_indented(int line0) const {
  if (line0 < 0 || line0 >= static_cast<int>(line_starts_.size())) return false;
  for (std::size_t i = line_starts_[line0]; i < text_.size(); ++i) {
    if (text_[i] == '\t') return true;
    if (text_[i] != ' ') return false;
  }
  return false;
}

// Whether a "..." line, the end of a document, comes before the line (0-based): what
// follows it is a second document.
bool YamlReader::ends_document(int line0) const {
  for (int i = std::min(line0, static_cast<int>(line_starts_.size())) - 1; i >= 0; --i) {
    std::size_t end = i + 1 < static_cast<int>(line_starts_.size()) ? line_starts_[i + 1] - 1 : text_.size();
    std::string_view line(text_.data() + line_starts_[i], end - line_starts_[i]);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line == "...") return true;
  }
  return false;
}

std::string_view YamlReader::line_text(int line0) const {
  if (line0 < 0 || line0 >= static_cast<int>(line_starts_.size())) return {};
  std::size_t b = line_starts_[line0];
  std::size_t e = line0 + 1 < static_cast<int>(line_starts_.size()) ? line_starts_[line0 + 1] - 1 : text_.size();
  std::string_view line(text_.data() + b, e - b);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// `task: "Thực hiện" rà soát …`: a quote at the start of a value encloses the whole value to
// YAML, so text after the closing quote is an error wherever libyaml notices it.
bool YamlReader::quoted_phrase_error(int line0, std::size_t offset, char first) {
  if (!first || std::strchr(":#,]}\n\r", first)) return false;
  std::string_view line = line_text(line0);
  if (offset < line_starts_[line0] || offset - line_starts_[line0] > line.size()) return false;
  std::string_view before = line.substr(0, offset - line_starts_[line0]);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty() || (before.back() != '"' && before.back() != '\'')) return false;
  const char q = before.back();
  // The opening quote starts the value: after "key: ", "- " or the indentation.
  std::size_t open = std::string_view::npos;
  if (auto k = key_line(line)) {
    std::size_t v = line.find_first_not_of(' ', k->indent + k->key.size() + 1);
    if (v != std::string_view::npos && line[v] == q) open = v;
  } else {
    std::size_t v = line.find_first_not_of(' ');
    if (v != std::string_view::npos && line.substr(v, 2) == "- ") v = line.find_first_not_of(' ', v + 2);
    if (v != std::string_view::npos && line[v] == q) open = v;
  }
  if (open == std::string_view::npos || open + 1 >= before.size()) return false;
  std::string_view phrase = before.substr(open, before.size() - open);
  std::string_view value = line.substr(open);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  std::string fixed = "'";
  for (char c : value) fixed += c == '\'' ? std::string("''") : std::string(1, c);
  fixed += "'";
  std::string lead(line.substr(0, open));
  lead.erase(0, lead.find_first_not_of(' '));
  const SourcePos at_quote = pos_of_offset(line_starts_[line0] + open);
  error(at_quote,
        "lỗi cú pháp YAML: giá trị bắt đầu bằng cụm trong ngoặc " + std::string(phrase) +
            " rồi viết tiếp sau dấu ngoặc đóng; dấu ngoặc ở đầu giá trị phải bao cả giá trị",
        "YAML syntax error: the value starts with the quoted phrase " + std::string(phrase) +
            " and goes on after the closing quote; a quote at the start of a value must enclose the whole value",
        "đặt cả giá trị trong ngoặc đơn (dấu ' bên trong viết thành ''): `" + lead + fixed + "`",
        "put the whole value in single quotes (a ' inside is written ''): `" + lead + fixed + "`");
  return true;
}

// One space too many (or too few) before a key: "   task:" under "  - number: …". libyaml
// sees text running on, or a colon out of place; the official sees keys that do not line up.
bool YamlReader::key_indent_error(int line0) {
  auto here = key_line(line_text(line0));
  if (!here || here->item) return false;
  int prev = line0 - 1;
  for (; prev >= 0; --prev) {
    std::string_view l = line_text(prev);
    std::size_t i = l.find_first_not_of(' ');
    if (i != std::string_view::npos && l[i] != '#') break;
  }
  if (prev < 0) return false;
  std::string_view above_line = line_text(prev);
  auto above = key_line(above_line);
  if (!above || above->indent == here->indent) return false;
  // A key whose value follows on the next lines ("tasks:", "task: |") opens a deeper level.
  std::string_view rest = above_line.substr(above->indent + above->key.size() + 1);
  std::size_t v = rest.find_first_not_of(' ');
  if (v == std::string_view::npos || rest[v] == '#' || rest[v] == '|' || rest[v] == '>') return false;
  // Fewer spaces: only when no key above stands at this column (then it would close the item).
  if (here->indent < above->indent) {
    for (int l = prev - 1; l >= 0; --l) {
      std::string_view t = line_text(l);
      std::size_t i = t.find_first_not_of(' ');
      if (i == std::string_view::npos || t[i] == '#') continue;
      if (static_cast<int>(i) == here->indent) return false;
      if (auto k = key_line(t); k && k->indent == here->indent) return false;
      if (static_cast<int>(i) < here->indent) break;
    }
  }
  const int n = std::abs(here->indent - above->indent);
  const bool more = here->indent > above->indent;
  const std::string spaces = std::to_string(n) + " dấu cách";
  const std::string spaces_en = std::to_string(n) + (n == 1 ? " space" : " spaces");
  error(SourcePos{line0 + first_line_, 1},
        "lỗi cú pháp YAML: khoá \"" + here->key + "\" thụt vào " + (more ? "nhiều" : "ít") + " hơn khoá \"" +
            above->key + "\" ở dòng trên " + spaces + "; các khoá của cùng một mục phải thẳng hàng",
        "YAML syntax error: the key \"" + here->key + "\" is indented " + spaces_en + (more ? " more" : " less") +
            " than \"" + above->key + "\" on the line above; the keys of one item must line up",
        (more ? "xoá " : "thêm ") + spaces + " ở đầu dòng này",
        (more ? "remove " : "add ") + spaces_en + " at the start of this line");
  return true;
}

void YamlReader::syntax_error(const yaml_parser_t& parser) {
  const std::string hint_vi = "kiểm tra thụt lề (chỉ dùng dấu cách) và dấu ngoặc kép ở dòng này hoặc dòng ngay trên";
  const std::string hint_en = "check the indentation (spaces only) and quotes on this line or the line above";
  std::string problem = parser.problem ? parser.problem : "";
  std::string context = parser.context ? parser.context : "";
  if (parser.error == YAML_READER_ERROR) {
    // The file was checked to be UTF-8 when it was read; what is left is a character YAML
    // refuses outright, a control character pasted in with the text.
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(parser.problem_value));
    error(pos_of_offset(parser.problem_offset),
          std::string("tệp có ký tự điều khiển (") + code + ") không được phép trong YAML",
          std::string("the file holds a control character (") + code + ") that YAML does not allow",
          "xoá ký tự này; nó thường lọt vào khi dán văn bản từ nơi khác",
          "delete it; it usually comes in with pasted text");
    return;
  }
  if (parser.error == YAML_MEMORY_ERROR) {
    error(SourcePos{first_line_, 1}, "không đủ bộ nhớ để đọc tệp", "out of memory reading the file");
    return;
  }
  const yaml_mark_t& m = parser.problem_mark;
  SourcePos p = at(m, first_line_);
  std::string vi = "lỗi cú pháp YAML";
  std::string en = "YAML syntax error: " + problem;
  // A tab indentation is blamed on whatever libyaml meets next.
  int line0 = static_cast<int>(m.line);
  int tab_line = tab_indented(line0) ? line0 : tab_indented(line0 - 1) ? line0 - 1 : -1;
  std::size_t offset = text_.size();  // of the problem, in bytes
  if (line0 < static_cast<int>(line_starts_.size())) {
    offset = line_starts_[line0];
    for (std::size_t col = 0; offset < text_.size() && col < m.column; ++offset)
      if ((static_cast<unsigned char>(text_[offset + 1]) & 0xC0) != 0x80) ++col;
  }
  char first = offset < text_.size() ? text_[offset] : '\0';
  bool at_end = text_.find_first_not_of(" \t\n", offset) == std::string::npos;
  if (tab_line < 0 && quoted_phrase_error(line0, offset, first)) return;
  if (tab_line < 0 && key_indent_error(line0)) return;
  if (tab_line >= 0) {
    p = SourcePos{tab_line + first_line_, 1};
    vi += ": không dùng phím Tab để thụt lề, hãy dùng dấu cách";
    en = "YAML syntax error: do not indent with tabs, use spaces";
  } else if (problem.rfind("did not find expected <document start>", 0) == 0 && ends_document(line0)) {
    error(p, "tệp chỉ được chứa một khối YAML; một khối thứ hai bắt đầu ở đây",
          "the file holds a second YAML document, starting here",
          "xoá dòng \"---\" hoặc \"...\" thừa ở đây hoặc ngay trên", "remove the extra \"---\" or \"...\" line");
    return;
  } else if (problem == "found character that cannot start any token" && first && std::strchr("@`%", first)) {
    vi += std::string(": giá trị bắt đầu bằng dấu \"") + first + "\" phải đặt trong ngoặc kép";
    en = std::string("YAML syntax error: a value starting with \"") + first + "\" must be put in double quotes";
  } else if (context == "while scanning an alias" || context == "while scanning an anchor" ||
             context == "while scanning a tag" || problem == "found undefined tag handle") {
    char c = context == "while scanning an alias" ? '*' : context == "while scanning an anchor" ? '&' : '!';
    p = at(parser.context_mark, first_line_);
    vi += std::string(": giá trị bắt đầu bằng dấu \"") + c + "\" phải đặt trong ngoặc kép";
    en = std::string("YAML syntax error: a value starting with \"") + c + "\" must be put in double quotes";
  } else {
    for (const auto& h : kSyntaxHints)
      if (problem.rfind(h.problem, 0) == 0 && (!h.context || context == h.context)) {
        vi += ": " + std::string(h.vi);
        en = std::string("YAML syntax error: ") + h.en;
        if (h.blame == Blame::kStart || (h.blame == Blame::kStartAtEnd && at_end))
          p = at(parser.context_mark, first_line_);
        p.column = std::max(1, p.column - h.back);
        break;
      }
    if (vi == "lỗi cú pháp YAML") vi += " (" + problem + ")";
  }
  error(p, vi, en, hint_vi, hint_en);
}

bool YamlReader::expect_map(const YamlNode& node, const std::string& what_vi,
                            const std::string& what_en) {
  if (node.is_map()) return true;
  error(node, what_vi + " phải gồm các dòng \"khoá: giá trị\"",
        what_en + " must be made of \"key: value\" lines");
  return false;
}

void YamlReader::check_keys(const YamlNode& map, const std::vector<KeySpec>& keys) {
  std::vector<std::string> names;
  for (const auto& k : keys) names.push_back(k.name);
  std::set<std::string> seen;
  for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
    const YamlNode& key = map.items[i];
    std::string name = key.is_scalar() ? key.text : std::string();
    if (!seen.insert(name).second) {
      error(key, "khoá \"" + name + "\" bị lặp lại", "key \"" + name + "\" is repeated",
            "mỗi khoá chỉ được ghi một lần", "write each key once");
      continue;
    }
    bool known = false;
    for (const auto& n : names) known = known || n == name;
    if (known) continue;
    auto near = closest(name, names, 1);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    if (!near.empty())
      error(key, "khoá \"" + name + "\" không hợp lệ; có phải ý bạn là \"" + near[0] + "\"?",
            "unknown key \"" + name + "\"; did you mean \"" + near[0] + "\"?",
            "các khoá hợp lệ: " + list, "valid keys: " + list);
    else
      error(key, "khoá \"" + name + "\" không hợp lệ", "unknown key \"" + name + "\"",
            "các khoá hợp lệ: " + list, "valid keys: " + list);
  }
  for (const auto& k : keys)
    if (k.required && !seen.count(k.name))
      error(map, std::string("thiếu khoá bắt buộc \"") + k.name + "\"",
            std::string("required key \"") + k.name + "\" is missing");
}

const YamlNode* YamlReader::find(const YamlNode& map, const char* key) const {
  if (!map.is_map()) return nullptr;
  for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
    if (map.items[i].is_scalar() && map.items[i].text == key) return &map.items[i + 1];
  return nullptr;
}

const YamlNode* YamlReader::child(const YamlNode& map, const char* key) const {
  const YamlNode* v = find(map, key);
  return v && !v->is_null() ? v : nullptr;
}

std::optional<std::string> YamlReader::scalar(const YamlNode& node, const std::string& what,
                                              const std::string& what_en) {
  if (node.is_scalar()) {
    if (!is_placeholder(node.text)) return node.text;
    diags_->push_back(placeholder_diagnostic(path_, pos(node), node.text));
    return std::nullopt;
  }
  const std::string& en = what_en.empty() ? what : what_en;
  // "- Lưu: VP." in a list, "lead: Phòng A: phối hợp" on the next line: text holding ": "
  // written without quotes reads as one "key: value" pair.
  if (node.is_map() && node.items.size() == 2 && node.items[0].is_scalar() && !node.items[1].is_sequence() &&
      !node.items[1].is_map() && node.line >= 0 && static_cast<std::size_t>(node.line) < line_starts_.size()) {
    const std::size_t b = line_starts_[node.line];
    const std::size_t e = static_cast<std::size_t>(node.line) + 1 < line_starts_.size()
                              ? line_starts_[node.line + 1] - 1 : text_.size();
    std::string written = text_.substr(b, e - b);
    std::size_t start = 0;
    for (int c = 0; c < node.column && start < written.size(); ++c) {
      ++start;
      while (start < written.size() && (static_cast<unsigned char>(written[start]) & 0xC0) == 0x80) ++start;
    }
    written = written.substr(start);
    while (!written.empty() && (written.back() == ' ' || written.back() == '\r')) written.pop_back();
    std::string fixed = written;
    for (std::size_t at = 0; (at = fixed.find('"', at)) != std::string::npos; at += 2) fixed.insert(at, "\\");
    error(node, what + " có dấu hai chấm và dấu cách (\": \") nên bị đọc thành một dòng \"khoá: giá trị\"",
          en + " holds a colon and a space (\": \"), so it was read as a \"key: value\" line",
          "đặt cả giá trị trong ngoặc kép: \"" + fixed + "\"",
          "put the whole value in double quotes: \"" + fixed + "\"");
    return std::nullopt;
  }
  error(node, what + " phải là một giá trị văn bản, không phải " + what_it_is(node),
        en + " must be text, not " + (node.is_sequence() ? "a list (\"- \" lines)" : "\"key: value\" lines"));
  return std::nullopt;
}

std::optional<std::string> YamlReader::text(const YamlNode& map, const char* key, bool required) {
  auto node = child(map, key);
  if (!node) {
    // A present but blank required key is reported here; an absent one by check_keys.
    if (const YamlNode* blank = find(map, key); required && blank)
      error(blank->is_null() ? map : *blank, std::string("khoá \"") + key + "\" không được để trống",
            std::string("\"") + key + "\" must not be blank");
    return std::nullopt;
  }
  auto s = scalar(*node, std::string("\"") + key + "\"");
  if (s && required && s->find_first_not_of(" \t\n") == std::string::npos) {
    error(*node, std::string("khoá \"") + key + "\" không được để trống",
          std::string("\"") + key + "\" must not be blank");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> YamlReader::markdown(const YamlNode& map, const char* key, bool required) {
  auto s = text(map, key, required);
  if (!s) return s;
  if (auto problem = check_markdown_limits(*s)) {
    error(pos_in_scalar(*child(map, key), problem->offset), std::move(problem->message),
          std::move(problem->message_en), std::move(problem->hint), std::move(problem->hint_en));
    return std::nullopt;
  }
  return s;
}

SourcePos YamlReader::pos_in_scalar(const YamlNode& node, std::size_t offset) const {
  const SourcePos start = pos(node);
  if (node.line < 0 || static_cast<std::size_t>(node.line) >= line_starts_.size() || offset > node.text.size())
    return start;
  // The value's line holding `offset`, and the part of it before `offset`.
  const std::string_view value(node.text);
  const std::size_t line_start = value.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t k = static_cast<std::size_t>(std::count(value.begin(), value.begin() + offset, '\n'));
  const std::string_view before =
      value.substr(line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1,
                   offset - (line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1));
  auto chars = [](std::string_view t) {
    int n = 0;
    for (unsigned char c : t) n += (c & 0xC0) != 0x80;
    return n;
  };
  auto raw_line = [&](std::size_t line0) {
    const std::size_t b = line_starts_[line0];
    const std::size_t e = line0 + 1 < line_starts_.size() ? line_starts_[line0 + 1] - 1 : text_.size();
    return std::string_view(text_).substr(b, e - b);
  };
  // Where the value is written as it reads (no escape, no folding before the spot), the spot
  // is found in the file: on the key's line for a plain or quoted value, on its own line for
  // a block ("|"). Otherwise the value's start.
  if (k == 0) {
    std::string_view raw = raw_line(static_cast<std::size_t>(node.line));
    std::size_t at = 0;  // the byte where the node's column (in characters) starts
    for (int c = 0; c < node.column && at < raw.size(); ++c) {
      ++at;
      while (at < raw.size() && (static_cast<unsigned char>(raw[at]) & 0xC0) == 0x80) ++at;
    }
    const int quote = at < raw.size() && (raw[at] == '"' || raw[at] == '\'') && node.quoted ? 1 : 0;
    if (raw.substr(at + quote, before.size()) == before)
      return SourcePos{start.line, start.column + quote + chars(before)};
  }
  const std::size_t line0 = static_cast<std::size_t>(node.line) + 1 + k;
  if (node.quoted && line0 < line_starts_.size()) {
    std::string_view raw = raw_line(line0);
    const std::size_t indent = raw.find_first_not_of(' ');
    if (indent != std::string_view::npos && raw.substr(indent, before.size()) == before)
      return SourcePos{static_cast<int>(line0) + first_line_, static_cast<int>(indent) + 1 + chars(before)};
  }
  return start;
}

std::vector<std::string> YamlReader::text_list(const YamlNode& map, const char* key,
                                              std::vector<SourcePos>* positions) {
  std::vector<std::string> out;
  auto node = child(map, key);
  if (!node) return out;
  auto add = [&](const YamlNode& item) {
    if (item.is_null()) return;
    auto s = scalar(item, std::string("mỗi mục của \"") + key + "\"", std::string("each item of \"") + key + "\"");
    if (s && s->find_first_not_of(" \t\n") != std::string::npos) {
      out.push_back(*s);
      if (positions) positions->push_back(pos(item));
    }
  };
  if (node->is_sequence())
    for (const auto& item : node->items) add(item);
  else
    add(*node);
  return out;
}

std::optional<Date> YamlReader::date(const YamlNode& map, const char* key, bool required,
                                     bool allow_partial) {
  auto s = text(map, key, required);
  if (!s) return std::nullopt;
  auto d = parse_iso_date(*s);
  if (d && (allow_partial || d->is_complete())) return d;
  std::string form = allow_partial ? "2024-03-31 (hoặc 2024-03, 2024 khi văn bản chỉ ghi tháng, năm)"
                                   : "2024-03-31 (năm-tháng-ngày)";
  error(*child(map, key), std::string("ngày \"") + *s + "\" không hợp lệ",
        std::string("invalid date \"") + *s + "\"", "ngày phải có dạng " + form,
        "dates are written as 2024-03-31");
  return std::nullopt;
}

std::optional<double> YamlReader::number(const YamlNode& map, const char* key, bool required,
                                         std::string* as_written) {
  auto s = text(map, key, required);
  if (!s) return std::nullopt;
  std::string t = *s;
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (t.empty() || end != t.c_str() + t.size() || !std::isfinite(v) ||
      t.find_first_of("xXnNiI") != std::string::npos) {
    error(*child(map, key), std::string("\"") + key + "\" phải là một số, không phải \"" + t + "\"",
          std::string("\"") + key + "\" must be a number, not \"" + t + "\"",
          "viết số với dấu chấm thập phân, không kèm đơn vị: 41.5", "write a plain number: 41.5");
    return std::nullopt;
  }
  if (as_written) *as_written = t;
  return v;
}

std::optional<int> YamlReader::integer(const YamlNode& map, const char* key, int min, int max,
                                       bool required) {
  auto s = text(map, key, required);
  if (!s) return std::nullopt;
  bool digits = !s->empty() && s->size() <= 9 && s->find_first_not_of("0123456789") == std::string::npos;
  int v = digits ? std::atoi(s->c_str()) : 0;
  if (!digits || v < min || v > max) {
    error(*child(map, key),
          std::string("\"") + key + "\" phải là số nguyên từ " + std::to_string(min) + " đến " +
              std::to_string(max) + ", không phải \"" + *s + "\"",
          std::string("\"") + key + "\" must be a whole number from " + std::to_string(min) + " to " +
              std::to_string(max) + ", not \"" + *s + "\"");
    return std::nullopt;
  }
  return v;
}

std::optional<Reference> YamlReader::reference(const YamlNode& node) {
  if (node.is_scalar()) {
    auto text = scalar(node, "văn bản tham chiếu", "a reference");
    if (!text) return std::nullopt;
    return Reference{*text, {}};
  }
  if (!expect_map(node, "văn bản tham chiếu", "a reference")) return std::nullopt;
  check_keys(node, {{"text", true}, {"url"}});
  auto t = text(node, "text", true);
  if (!t) return std::nullopt;
  return Reference{*t, text(node, "url").value_or("")};
}

bool is_valid_id(const std::string& id) {
  if (id.empty() || id.size() > 80 || id.front() == '-' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace congkhai
