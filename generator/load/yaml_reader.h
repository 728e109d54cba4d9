// Reading YAML mappings into the model, every problem reported as a Diagnostic at the line
// and column an editor shows. yaml-cpp's exceptions stop here; no later stage sees them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "model/date.h"
#include "model/diagnostic.h"
#include "model/plan.h"

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
  // (a "\0" escape) are refused before any node is built.
  std::optional<YAML::Node> parse();

  SourcePos pos(const YAML::Node& node) const;
  SourcePos pos(const YAML::Mark& mark) const;
  const std::string& path() const { return path_; }

  void error(SourcePos pos, std::string vi, std::string en, std::string hint_vi = {},
             std::string hint_en = {});
  void error(const YAML::Node& node, std::string vi, std::string en, std::string hint_vi = {},
             std::string hint_en = {});

  // Reports a node that is not a mapping; `what` names it for the reader ("tệp unit.yaml").
  bool expect_map(const YAML::Node& node, const std::string& what_vi, const std::string& what_en);
  // Reports unknown keys (with the closest known one), repeated keys and missing required ones.
  void check_keys(const YAML::Node& map, const std::vector<KeySpec>& keys);

  // The value of `key`, or nullopt when absent or blank (reported if required) or not text.
  std::optional<std::string> text(const YAML::Node& map, const char* key, bool required = false);
  // A string or a list of strings; blank items are dropped.
  std::vector<std::string> text_list(const YAML::Node& map, const char* key,
                                     std::vector<SourcePos>* positions = nullptr);
  std::optional<Date> date(const YAML::Node& map, const char* key, bool required = false,
                           bool allow_partial = false);
  std::optional<double> number(const YAML::Node& map, const char* key, bool required = false,
                               std::string* as_written = nullptr);
  std::optional<int> integer(const YAML::Node& map, const char* key, int min, int max,
                             bool required = false);
  // A string, or a mapping {text, url}.
  std::optional<Reference> reference(const YAML::Node& node);
  // The node under `key` if present and not null.
  std::optional<YAML::Node> child(const YAML::Node& map, const char* key);
  // A scalar's text; reports lists or mappings where text was expected.
  std::optional<std::string> scalar(const YAML::Node& node, const std::string& what);

 private:
  int char_column(int line0, int byte_col0) const;
  bool check_shape();
  bool tab_indented(int line0) const;
  void syntax_error(const YAML::Exception& e);

  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  int first_line_;
  Diagnostics* diags_;
};

// The id format shared by tasks, targets and explicit ids: lower-case ASCII, digits and "-".
bool is_valid_id(const std::string& id);

}  // namespace congkhai
