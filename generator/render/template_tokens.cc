#include "render/template_tokens.h"

#include <algorithm>

namespace congkhai {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - std::min(at, text.size()) < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[at + i]) != prefix[i]) return false;
  return true;
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

// Elements whose content a browser does not parse as markup (raw text, RCDATA), or parses into
// an inert fragment (template) or, with scripting on, ignores (noscript).
bool swallows_content(std::string_view name) {
  for (std::string_view n : {"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
                             "noscript", "template", "plaintext"})
    if (name == n) return true;
  return false;
}

struct Mustache {
  std::size_t end;  // one past the closing braces
  std::string name;
  char sigil;
};

// The Mustache tag starting at `at` ("{{"). Default delimiters only: a layout that changes
// them ({{=<% %>=}}) is read no further as Mustache, which only makes checks stricter.
Mustache read_mustache(std::string_view text, std::size_t at) {
  bool triple = text.substr(at, 3) == "{{{";
  std::string_view close = triple ? "}}}" : "}}";
  std::size_t body = at + (triple ? 3 : 2);
  std::size_t close_at = text.find(close, body);
  std::size_t inner_end = close_at == std::string_view::npos ? text.size() : close_at;
  std::size_t end = close_at == std::string_view::npos ? text.size() : close_at + close.size();
  std::string inner = trim(text.substr(body, inner_end - body));
  char sigil = triple ? '{' : 0;
  if (!triple && !inner.empty() && std::string_view("#^/!>=&").find(inner[0]) != std::string_view::npos) {
    sigil = inner[0];
    inner = trim(std::string_view(inner).substr(1));
  }
  return {end, inner, sigil};
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : t_(text) {}

  std::vector<TemplateToken> run() {
    std::size_t i = 0;
    while (i < t_.size()) {
      if (t_.compare(i, 2, "{{") == 0) {
        i = mustache(i);
      } else if (t_[i] == '<' && t_.compare(i, 4, "<!--") == 0) {
        std::size_t end = t_.find("-->", i + 4);
        end = end == std::string_view::npos ? t_.size() : end + 3;
        emit(TemplateToken::Kind::kComment, i, end);
        i = end;
      } else if (t_[i] == '<' && i + 1 < t_.size() && (t_[i + 1] == '!' || t_[i + 1] == '?')) {
        std::size_t end = t_.find('>', i);
        end = end == std::string_view::npos ? t_.size() : end + 1;
        emit(starts_with_nocase(t_, i, "<!doctype") ? TemplateToken::Kind::kDoctype : TemplateToken::Kind::kComment,
             i, end);
        i = end;
      } else if (t_[i] == '<' && i + 1 < t_.size() && is_letter(t_[i + 1])) {
        i = start_tag(i);
      } else if (t_[i] == '<' && i + 2 < t_.size() && t_[i + 1] == '/' && is_letter(t_[i + 2])) {
        std::size_t end = t_.find('>', i);
        end = end == std::string_view::npos ? t_.size() : end + 1;
        emit(TemplateToken::Kind::kEndTag, i, end).name = tag_name(i + 2);
        i = end;
      } else {
        std::size_t end = i + 1;
        while (end < t_.size() && t_[end] != '<' && t_.compare(end, 2, "{{") != 0) ++end;
        emit(TemplateToken::Kind::kText, i, end);
        i = end;
      }
    }
    return std::move(out_);
  }

 private:
  TemplateToken& emit(TemplateToken::Kind kind, std::size_t begin, std::size_t end) {
    out_.push_back(TemplateToken{kind, begin, t_.substr(begin, end - begin), {}, 0, depth_, {}});
    return out_.back();
  }

  std::string tag_name(std::size_t at) const {
    std::string name;
    while (at < t_.size() && (is_letter(t_[at]) || (t_[at] >= '0' && t_[at] <= '9') || t_[at] == '-'))
      name += lower(t_[at++]);
    return name;
  }

  void track(char sigil) {
    if (sigil == '#' || sigil == '^') ++depth_;
    if (sigil == '/' && depth_ > 0) --depth_;
  }

  std::size_t mustache(std::size_t at) {
    Mustache m = read_mustache(t_, at);
    TemplateToken& tok = emit(TemplateToken::Kind::kMustache, at, m.end);
    tok.name = m.name;
    tok.sigil = m.sigil;
    if (m.sigil == '/') tok.section_depth = std::max(0, depth_ - 1);
    track(m.sigil);
    return m.end;
  }

  std::size_t start_tag(std::size_t at) {
    std::string name = tag_name(at + 1);
    std::vector<std::pair<std::string, char>> inner;
    std::size_t i = at + 1 + name.size();
    char quote = 0;
    while (i < t_.size()) {
      if (t_.compare(i, 2, "{{") == 0) {
        Mustache m = read_mustache(t_, i);
        inner.emplace_back(m.name, m.sigil);
        track(m.sigil);
        i = m.end;
        continue;
      }
      char c = t_[i++];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    TemplateToken& tok = emit(TemplateToken::Kind::kStartTag, at, i);
    tok.name = name;
    tok.inner_mustache = std::move(inner);
    if (!swallows_content(name)) return i;
    // Up to its end tag; Mustache sections inside still count, as Mustache sees them.
    std::size_t end = i;
    while (end < t_.size() && !(t_[end] == '<' && t_.compare(end, 2, "</") == 0 &&
                                starts_with_nocase(t_, end + 2, name)))
      ++end;
    for (std::size_t m = t_.find("{{", i); m < end; m = t_.find("{{", m)) {
      Mustache tag = read_mustache(t_, m);
      track(tag.sigil);
      m = tag.end;
    }
    return end;
  }

  std::string_view t_;
  int depth_ = 0;
  std::vector<TemplateToken> out_;
};

}  // namespace

std::vector<TemplateToken> template_tokens(std::string_view text) { return Tokenizer(text).run(); }

}  // namespace congkhai
