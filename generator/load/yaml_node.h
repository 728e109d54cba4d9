// One node of a parsed YAML document: plain data, built by YamlReader::parse in the same
// pass that checks the document's shape (see yaml_reader.h).
#pragma once

#include <string>
#include <vector>

namespace congkhai {

struct YamlNode {
  // kNull is a plain "~", "null", "Null", "NULL" or an empty value, as YAML's core schema
  // (and yaml-cpp before) reads them; a quoted "null" is text.
  enum class Kind { kNull, kScalar, kSequence, kMapping };

  Kind kind = Kind::kNull;
  // A scalar's text, escapes decoded and lines folded.
  std::string text;
  // Written in quotes or as a block ("|", ">"), so never a null and never a number; a plain
  // 2024 may be read as one.
  bool quoted = false;
  // A sequence or mapping written on one line in brackets: "[a, b]", "{text: …}".
  bool flow = false;
  // Where the node starts, 0-based, the column counted in characters; -1 when the document
  // is empty and no node was written.
  int line = -1;
  int column = 0;
  // A sequence's items; a mapping's keys and values alternating, in the order written,
  // repeated keys kept so that they can be reported.
  std::vector<YamlNode> items;

  bool is_null() const { return kind == Kind::kNull; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_map() const { return kind == Kind::kMapping; }
};

}  // namespace congkhai
