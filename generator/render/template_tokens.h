// The tokens of a theme's Mustache HTML template as a browser and Mustache both see them: HTML
// tags, comments and text, and Mustache tags, in document order. For checks on what a
// template's pages will hold (check_layout): a text search would also find a tag inside an
// HTML comment or a <script>, where it does nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace congkhai {

struct TemplateToken {
  enum class Kind {
    kText,         // text between tags, outside raw-text elements
    kComment,      // <!-- … -->, or a bogus comment (<? … >, <!x … >)
    kDoctype,      // <!DOCTYPE …>
    kStartTag,     // <name …>, `text` whole; an element whose content is raw text or inert
                   // (script, style, title, textarea, noscript, template, …) swallows it
    kEndTag,       // </name>
    kMustache,     // {{…}} outside HTML tags: a variable, section, partial, comment…
  };
  Kind kind;
  std::size_t offset;       // of the token's first byte in the template
  std::string_view text;    // the token as written
  std::string name;         // tag name in lower case; a Mustache tag's name, trimmed
  char sigil = 0;           // a Mustache tag's: 0 for a variable, or one of # ^ / ! > = & {
  int section_depth = 0;    // Mustache sections open around the token
  // For a start tag: the Mustache tags inside it (in attribute values), their names and sigils.
  std::vector<std::pair<std::string, char>> inner_mustache;
};

// Tokens of `text`; whitespace-only text between two tags is a kText token too. Never fails:
// an unclosed tag or comment runs to the end of the text.
std::vector<TemplateToken> template_tokens(std::string_view text);

}  // namespace congkhai
