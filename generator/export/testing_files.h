// Helpers for the export tests: read exported files back as a data user would.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/output.h"

#ifdef CONGKHAI_HAVE_LIBXML2
#include <libxml/parser.h>
#endif

namespace congkhai::testing {

inline const OutputFile* find_output(const OutputFiles& files, std::string_view path) {
  for (const auto& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

// A strict RFC 4180 reader: records end in CRLF, quoted fields may hold anything. Returns
// false on a malformed file (bare quote, unterminated quote, bare LF between records).
inline bool parse_csv(std::string_view text, std::vector<std::vector<std::string>>* rows) {
  rows->clear();
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  bool at_field_start = true;
  while (i < text.size()) {
    char c = text[i];
    if (at_field_start && c == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) return false;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      at_field_start = false;
      if (i < text.size() && text[i] != ',' && text[i] != '\r') return false;
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      ++i;
    } else if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') return false;
      row.push_back(std::move(field));
      field.clear();
      rows->push_back(std::move(row));
      row.clear();
      at_field_start = true;
      i += 2;
    } else if (c == '"' || c == '\n') {
      return false;  // quotes and line breaks only inside quoted fields
    } else {
      field += c;
      at_field_start = false;
      ++i;
    }
  }
  return at_field_start && row.empty() && field.empty();  // ends with CRLF
}

// Whether `xml` is a well-formed XML document: libxml2 when the tests were built with it,
// else a minimal check that tags nest.
inline bool well_formed_xml(const std::string& xml, std::string* error = nullptr) {
#ifdef CONGKHAI_HAVE_LIBXML2
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "export.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    if (error) {
      const xmlError* e = xmlGetLastError();
      *error = e && e->message ? e->message : "parse error";
    }
    return false;
  }
  xmlFreeDoc(doc);
  return true;
#else
  std::vector<std::string> open;
  for (size_t i = xml.find('<'); i != std::string::npos; i = xml.find('<', i + 1)) {
    size_t end = xml.find('>', i);
    if (end == std::string::npos) return false;
    std::string tag = xml.substr(i + 1, end - i - 1);
    if (tag.empty() || tag[0] == '?' || tag[0] == '!') continue;
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find(' ')));
    }
  }
  if (error && !open.empty()) *error = "unclosed <" + open.back() + ">";
  return open.empty();
#endif
}

// Every text between `open` and `close`, in order: a quick way to list <loc> or <id> values.
inline std::vector<std::string> between(const std::string& text, const std::string& open,
                                        const std::string& close) {
  std::vector<std::string> out;
  for (size_t i = text.find(open); i != std::string::npos; i = text.find(open, i)) {
    i += open.size();
    size_t end = text.find(close, i);
    if (end == std::string::npos) break;
    out.push_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace congkhai::testing
