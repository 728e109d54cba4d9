#include "load/yaml_reader.h"

#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "text/edit_distance.h"
#include "text/unicode.h"

namespace congkhai {

namespace {

// yaml-cpp's messages, in the words an official would use.
struct SyntaxHint {
  const char* yaml_cpp;
  const char* vi;
  const char* en;
};
constexpr SyntaxHint kSyntaxHints[] = {
    {"illegal map value",
     "dấu hai chấm \":\" không đúng chỗ; nếu giá trị có chứa \": \", hãy đặt cả giá trị trong ngoặc kép",
     "a colon is out of place; if a value contains \": \", put the whole value in double quotes"},
    {"end of map not found", "thiếu dấu đóng \"}\" hoặc thụt lề không đều",
     "a closing \"}\" is missing or the indentation is uneven"},
    {"end of map flow not found", "thiếu dấu đóng \"}\"", "a closing \"}\" is missing"},
    {"end of sequence not found", "thiếu dấu đóng \"]\" hoặc thụt lề không đều",
     "a closing \"]\" is missing or the indentation is uneven"},
    {"end of sequence flow not found", "thiếu dấu đóng \"]\"", "a closing \"]\" is missing"},
    {"unknown escape character", "ký tự thoát \"\\\" không hợp lệ trong chuỗi ngoặc kép",
     "invalid escape \"\\\" in a double-quoted string"},
    {"end of string not found", "thiếu dấu ngoặc kép đóng", "a closing quote is missing"},
    {"illegal EOF in scalar", "thiếu dấu ngoặc kép đóng", "a closing quote is missing"},
    {"block sequence entries are not allowed in this context",
     "dòng bắt đầu bằng \"-\" thụt lề không đúng", "a \"-\" line is indented wrongly"},
    {"illegal tab when looking for indentation", "không dùng phím Tab để thụt lề, hãy dùng dấu cách",
     "do not indent with tabs, use spaces"},
    {"end of document not found", "thụt lề không đều", "the indentation is uneven"},
    {"invalid node; first invalid key", "thụt lề không đều", "the indentation is uneven"},
    {"invalid unicode", "mã thoát \"\\u\" không phải một ký tự Unicode hợp lệ",
     "a \"\\u\" escape is not a valid Unicode character"},
    {"the referenced anchor is not defined",
     "giá trị bắt đầu bằng dấu \"*\" phải đặt trong ngoặc kép",
     "a value starting with \"*\" must be put in double quotes"},
};

// What the event pass refuses, thrown out of the parser at the first occurrence.
struct ShapeProblem {
  YAML::Mark mark;
  std::string vi, en, hint_vi, hint_en;
};

// A scalar with a control character or broken UTF-8 can only come from an escape ("\0",
// "\x01", "\uD800"): the file itself was checked when it was read.
bool clean_scalar(const std::string& s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return false;
  return is_valid_utf8(s);
}

// Sees the parser's events before any node is built. Anchors and aliases are refused: an
// alias shares a node, so a few lines of them can stand for billions of tasks, and officials
// never need them. Nesting is capped so that no recursion, the parser's or ours, runs deep.
class ShapeCheck : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { node(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { refuse_anchor(mark, ""); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    node(mark, anchor);
    if (!clean_scalar(value))
      throw ShapeProblem{mark, "giá trị có ký tự điều khiển hoặc mã thoát không hợp lệ (như \"\\0\")",
                         "the value holds a control character or an invalid escape (such as \"\\0\")",
                         "xoá mã thoát \"\\\" này hoặc đặt giá trị trong ngoặc đơn '…'",
                         "remove the escape or put the value in single quotes"};
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    node(mark, anchor);
    enter(mark);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    node(mark, anchor);
    enter(mark);
  }
  void OnMapEnd() override { --depth_; }
  void OnAnchor(const YAML::Mark& mark, const std::string& name) override { refuse_anchor(mark, name); }

 private:
  void node(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) refuse_anchor(mark, "");
  }
  void enter(const YAML::Mark& mark) {
    if (++depth_ > kMaxYamlDepth)
      throw ShapeProblem{mark,
                         "danh sách, nhóm khoá lồng nhau quá sâu (quá " + std::to_string(kMaxYamlDepth) + " cấp)",
                         "lists and mappings are nested too deeply (more than " +
                             std::to_string(kMaxYamlDepth) + " levels)",
                         "", ""};
  }
  [[noreturn]] void refuse_anchor(const YAML::Mark& mark, const std::string& name) {
    std::string what = name.empty() ? "" : " \"&" + name + "\"";
    throw ShapeProblem{mark,
                       "không dùng neo" + what + " và bí danh (*) của YAML trong nội dung",
                       "YAML anchors" + what + " and aliases (*) are not allowed",
                       "hãy ghi đầy đủ nội dung ở mỗi chỗ cần; giá trị bắt đầu bằng \"&\" hoặc \"*\" "
                       "phải đặt trong ngoặc kép",
                       "write the content out in full; quote a value that starts with & or *"};
  }

  int depth_ = 0;
};

std::string what_it_is(const YAML::Node& node) {
  if (node.IsSequence()) return "danh sách";
  if (node.IsMap()) return "nhóm khoá";
  return "giá trị";
}

}  // namespace

YamlReader::YamlReader(std::string path, std::string text, int first_line, Diagnostics* diags)
    : path_(std::move(path)), text_(std::move(text)), first_line_(first_line), diags_(diags) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

int YamlReader::char_column(int line0, int byte_col0) const {
  if (line0 < 0 || line0 >= static_cast<int>(line_starts_.size())) return byte_col0 + 1;
  std::size_t start = line_starts_[line0];
  int col = 1;
  for (int i = 0; i < byte_col0 && start + i < text_.size(); ++i)
    if ((static_cast<unsigned char>(text_[start + i]) & 0xC0) != 0x80) ++col;
  // A byte offset in the middle of a character still points at that character.
  return col;
}

SourcePos YamlReader::pos(const YAML::Node& node) const { return pos(node.Mark()); }

SourcePos YamlReader::pos(const YAML::Mark& m) const {
  if (m.is_null()) return SourcePos{first_line_, 1};
  return SourcePos{m.line + first_line_, char_column(m.line, m.column)};
}

void YamlReader::error(SourcePos pos, std::string vi, std::string en, std::string hint_vi,
                       std::string hint_en) {
  diags_->push_back(Diagnostic{path_, pos, std::move(vi), std::move(en), std::move(hint_vi),
                               std::move(hint_en)});
}

void YamlReader::error(const YAML::Node& node, std::string vi, std::string en, std::string hint_vi,
                       std::string hint_en) {
  error(pos(node), std::move(vi), std::move(en), std::move(hint_vi), std::move(hint_en));
}

// The event pass before the nodes are built; reports the first problem and returns false.
// It reads the text without its final line breaks: yaml-cpp 0.7 takes a double-quoted
// value left open at the end of the text as running to the end when a line break follows,
// and reports it otherwise. The nodes are built from the text as it is.
bool YamlReader::check_shape() {
  std::string_view body = text_;
  while (!body.empty() && body.back() == '\n') body.remove_suffix(1);
  std::istringstream in{std::string(body)};
  YAML::Parser parser(in);
  ShapeCheck check;
  try {
    parser.HandleNextDocument(check);
    struct SecondDocument : ShapeCheck {
      void OnDocumentStart(const YAML::Mark& mark) override { throw ShapeProblem{mark, "", "", "", ""}; }
    } second;
    parser.HandleNextDocument(second);
  } catch (const ShapeProblem& p) {
    if (p.vi.empty())
      error(pos(p.mark), "tệp chỉ được chứa một khối YAML; một khối thứ hai bắt đầu ở đây",
            "the file holds a second YAML document, starting here",
            "xoá dòng \"---\" hoặc \"...\" thừa ở đây hoặc ngay trên", "remove the extra \"---\" or \"...\" line");
    else
      error(pos(p.mark), p.vi, p.en, p.hint_vi, p.hint_en);
    return false;
  } catch (const YAML::Exception& e) {
    syntax_error(e);
    return false;
  }
  return true;
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

void YamlReader::syntax_error(const YAML::Exception& e) {
  SourcePos p = pos(e.mark);
  std::string vi = "lỗi cú pháp YAML";
  std::string en = "YAML syntax error: " + e.msg;
  // yaml-cpp blames a tab indentation on whatever it meets next, usually a colon.
  int tab_line = tab_indented(e.mark.line) ? e.mark.line : tab_indented(e.mark.line - 1) ? e.mark.line - 1 : -1;
  if (!e.mark.is_null() && tab_line >= 0) {
    p = SourcePos{tab_line + first_line_, 1};
    vi += ": không dùng phím Tab để thụt lề, hãy dùng dấu cách";
    en = "YAML syntax error: do not indent with tabs, use spaces";
  } else {
    for (const auto& h : kSyntaxHints)
      if (e.msg.rfind(h.yaml_cpp, 0) == 0) {
        vi += ": " + std::string(h.vi);
        en = std::string("YAML syntax error: ") + h.en;
        break;
      }
    if (vi == "lỗi cú pháp YAML") vi += " (" + e.msg + ")";
  }
  error(p, vi, en, "kiểm tra thụt lề (chỉ dùng dấu cách) và dấu ngoặc kép ở dòng này hoặc dòng ngay trên",
        "check the indentation (spaces only) and quotes on this line or the line above");
}

std::optional<YAML::Node> YamlReader::parse() {
  if (!check_shape()) return std::nullopt;
  try {
    return YAML::Load(text_);
  } catch (const YAML::Exception& e) {
    syntax_error(e);
    return std::nullopt;
  }
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& what_vi,
                            const std::string& what_en) {
  if (node.IsMap()) return true;
  error(node, what_vi + " phải là một nhóm khoá dạng \"khoá: giá trị\"",
        what_en + " must be a mapping of \"key: value\" lines");
  return false;
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<KeySpec>& keys) {
  std::vector<std::string> names;
  for (const auto& k : keys) names.push_back(k.name);
  std::set<std::string> seen;
  for (const auto& kv : map) {
    const YAML::Node key = kv.first;
    std::string name = key.IsScalar() ? key.Scalar() : std::string();
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

std::optional<YAML::Node> YamlReader::child(const YAML::Node& map, const char* key) {
  if (!map.IsMap()) return std::nullopt;
  for (const auto& kv : map) {
    const YAML::Node k = kv.first;
    if (k.IsScalar() && k.Scalar() == key) {
      const YAML::Node v = kv.second;
      if (v.IsNull()) return std::nullopt;
      return v;
    }
  }
  return std::nullopt;
}

std::optional<std::string> YamlReader::scalar(const YAML::Node& node, const std::string& what) {
  if (node.IsScalar()) return node.Scalar();
  error(node, what + " phải là một giá trị văn bản, không phải " + what_it_is(node),
        what + " must be text, not a list or mapping");
  return std::nullopt;
}

std::optional<std::string> YamlReader::text(const YAML::Node& map, const char* key, bool required) {
  auto node = child(map, key);
  if (!node) {
    // A present but blank required key is reported here; an absent one by check_keys.
    if (required && map.IsMap() && map[key].IsDefined())
      error(map[key].IsNull() ? map : map[key], std::string("khoá \"") + key + "\" không được để trống",
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

std::vector<std::string> YamlReader::text_list(const YAML::Node& map, const char* key,
                                              std::vector<SourcePos>* positions) {
  std::vector<std::string> out;
  auto node = child(map, key);
  if (!node) return out;
  auto add = [&](const YAML::Node& item) {
    if (item.IsNull()) return;
    auto s = scalar(item, std::string("mỗi mục của \"") + key + "\"");
    if (s && s->find_first_not_of(" \t\n") != std::string::npos) {
      out.push_back(*s);
      if (positions) positions->push_back(pos(item));
    }
  };
  if (node->IsSequence())
    for (const auto& item : *node) add(item);
  else
    add(*node);
  return out;
}

std::optional<Date> YamlReader::date(const YAML::Node& map, const char* key, bool required,
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

std::optional<double> YamlReader::number(const YAML::Node& map, const char* key, bool required,
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

std::optional<int> YamlReader::integer(const YAML::Node& map, const char* key, int min, int max,
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

std::optional<Reference> YamlReader::reference(const YAML::Node& node) {
  if (node.IsScalar()) return Reference{node.Scalar(), {}};
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
