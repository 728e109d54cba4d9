// Reading YAML mappings into the model, every problem reported as a Diagnostic at the line
// and column an editor shows. The text is read once, by libyaml's event parser, into
// YamlNodes; the same pass refuses what content never needs (see parse()).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_node.h"
#include "model/date.h"
#include "model/diagnostic.h"
#include "model/plan.h"

struct yaml_parser_s;  // libyaml's, kept out of the loaders' sight

namespace congkhai {

// Deepest nesting of lists and mappings a file may have; content needs about ten levels, and
// a limit keeps both the parser's recursion and ours shallow (see docs/limits.md).
inline constexpr int kMaxYamlDepth = 32;

// A key a mapping may hold, and whether it must be there.
struct KeySpec {
  const char* name;
  bool required = false;
};

class YamlReader {
 public:
  // `first_line` is the file line of the text's first line (front matter starts on line 2).
  YamlReader(std::string path, std::string text, int first_line, Diagnostics* diags);

  // The document's root, or nullopt after reporting a syntax error. Anchors and aliases,
  // nesting deeper than kMaxYamlDepth, a second document and text that is not clean Unicode
  // (a "\0" escape) are refused as the parser meets them, before their nodes are built.
  // An empty document is a null root.
  std::optional<YamlNode> parse();

  SourcePos pos(const YamlNode& node) const;
  // Where byte `offset` of a scalar's text stands in the file, when the text is written as it
  // reads up to there; else the scalar's start.
  SourcePos pos_in_scalar(const YamlNode& node, std::size_t offset) const;
  const std::string& path() const { return path_; }

  // A hint comes in both languages or not at all.
  void error(SourcePos pos, std::string vi, std::string en) { error(pos, std::move(vi), std::move(en), {}, {}); }
  void error(SourcePos pos, std::string vi, std::string en, std::string hint_vi, std::string hint_en);
  void error(const YamlNode& node, std::string vi, std::string en) { error(pos(node), std::move(vi), std::move(en)); }
  void error(const YamlNode& node, std::string vi, std::string en, std::string hint_vi, std::string hint_en);
  // A warning (Diagnostic::warning): printed, the file still builds.
  void warn(SourcePos pos, std::string vi, std::string en, std::string hint_vi, std::string hint_en);

  // Reports a node that is not a mapping; `what` names it for the reader ("tệp unit.yaml").
  bool expect_map(const YamlNode& node, const std::string& what_vi, const std::string& what_en);
  // Reports unknown keys (with the closest known one), repeated keys and missing required ones.
  void check_keys(const YamlNode& map, const std::vector<KeySpec>& keys);

  // The value of `key`, or nullopt when absent or blank (reported if required) or not text.
  std::optional<std::string> text(const YamlNode& map, const char* key, bool required = false);
  // text() for a field written in Markdown: one passing a bound of load/markdown_limits.h is
  // reported where it passes it (at the value's start when escapes or folding come before
  // that spot) and read as nullopt.
  std::optional<std::string> markdown(const YamlNode& map, const char* key, bool required = false);
  // A string or a list of strings; blank items are dropped.
  std::vector<std::string> text_list(const YamlNode& map, const char* key,
                                     std::vector<SourcePos>* positions = nullptr);
  std::optional<Date> date(const YamlNode& map, const char* key, bool required = false,
                           bool allow_partial = false);
  std::optional<double> number(const YamlNode& map, const char* key, bool required = false,
                               std::string* as_written = nullptr);
  std::optional<int> integer(const YamlNode& map, const char* key, int min, int max,
                             bool required = false);
  // A string, or a mapping {text, url}.
  std::optional<Reference> reference(const YamlNode& node);
  // The node under `key` if present and not null; it lives as long as `map`.
  const YamlNode* child(const YamlNode& map, const char* key) const;
  // A scalar's text; reports lists or mappings where text was expected, and a blank of a
  // starting file (load/placeholder.h) (`what` names the value
  // in Vietnamese, `what_en` in English when it differs: "\"task\"" needs no translation).
  std::optional<std::string> scalar(const YamlNode& node, const std::string& what,
                                    const std::string& what_en = {});

 private:
  // The value under `key` even when null, or nullptr when the key is absent.
  const YamlNode* find(const YamlNode& map, const char* key) const;
  SourcePos pos_of_offset(std::size_t byte_offset) const;
  bool tab_indented(int line0) const;
  bool ends_document(int line0) const;
  void syntax_error(const ::yaml_parser_s& parser);
  // The line (0-based) without its line break.
  std::string_view line_text(int line0) const;
  // Syntax errors whose real cause is a common slip, reported in its words (true when reported).
  bool quoted_phrase_error(int line0, std::size_t offset, char first);
  bool key_indent_error(int line0);

  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  int first_line_;
  Diagnostics* diags_;
};

// The id format shared by tasks, targets and explicit ids: lower-case ASCII, digits and "-".
bool is_valid_id(const std::string& id);

}  // namespace congkhai
