#include "import/wrapped_lines.h"

namespace congkhai::import {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool ends_with_broken_word(const std::string& s) {
  if (s.size() < 2 || s.back() != '-') return false;
  char c = s[s.size() - 2];
  return c != ' ' && c != '-' && c != '\n';
}

}  // namespace

bool is_item_number(std::string_view s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ')' || s.back() == ':')) s.remove_suffix(1);
  if (s.empty() || s.size() > 12) return false;
  bool digits = true, roman = true;
  for (char c : s) {
    if (!is_digit(c) && c != '.') digits = false;
    if (std::string_view("IVXLC").find(c) == std::string_view::npos) roman = false;
  }
  if (digits && is_digit(s.front())) return true;
  if (roman) return true;
  if (s.size() == 1 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))) return true;
  return s == "\xC4\x90" || s == "\xC4\x91";  // Đ, đ
}

bool starts_item(std::string_view s) {
  if (s.empty()) return false;
  if (s[0] == '-' || s[0] == '+' || s[0] == '*') return true;
  if (s.substr(0, 3) == "\xE2\x80\xA2" || s.substr(0, 3) == "\xE2\x80\x93") return true;  // • –
  std::string_view first = s.substr(0, s.find(' '));
  return first.size() >= 2 && (first.back() == '.' || first.back() == ')') && is_item_number(first);
}

void append_line(std::string* text, std::string_view next, bool new_paragraph) {
  if (next.empty()) return;
  if (text->empty()) {
    *text = next;
  } else if (new_paragraph || starts_item(next)) {
    *text += '\n';
    *text += next;
  } else if (ends_with_broken_word(*text) || next[0] == '.' || next[0] == ',' || next[0] == ';' ||
             next[0] == ')') {
    *text += next;
  } else {
    *text += ' ';
    *text += next;
  }
}

}  // namespace congkhai::import
