#include "export/csv.h"

namespace congkhai {

std::string neutralise_formula(std::string_view text) {
  if (!text.empty()) {
    char c = text.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
      return "'" + std::string(text);
  }
  return std::string(text);
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

std::string csv_head(const DataTable& table) {
  std::string out(kUtf8Bom);
  std::vector<std::string> header;
  for (const auto& f : table.fields) header.push_back(f.name);
  out += csv_record(header);
  return out;
}

namespace {

bool starts_formula(std::string_view text) {
  if (text.empty()) return false;
  char c = text.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// csv_field(neutralise_formula(text)) or csv_field(text), appended without temporaries.
void append_field(std::string* out, std::string_view text, bool neutralise) {
  bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) *out += '"';
  if (neutralise) *out += '\'';
  if (!quote) {
    *out += text;
    return;
  }
  for (std::size_t at = 0;;) {
    std::size_t q = text.find('"', at);
    if (q == std::string_view::npos) {
      out->append(text.substr(at));
      break;
    }
    out->append(text.substr(at, q + 1 - at));
    *out += '"';
    at = q + 1;
  }
  *out += '"';
}

}  // namespace

// Every row of every table goes through here, so it appends straight to the line.
void append_csv_row(std::string* out, const DataTable& table, const std::vector<std::string>& row) {
  for (size_t i = 0; i < table.fields.size(); ++i) {
    if (i) *out += ',';
    std::string_view cell = i < row.size() ? std::string_view(row[i]) : std::string_view();
    append_field(out, cell, table.fields[i].type == FieldType::kString && starts_formula(cell));
  }
  *out += "\r\n";
}

std::string csv_row(const DataTable& table, const std::vector<std::string>& row) {
  std::string out;
  append_csv_row(&out, table, row);
  return out;
}

std::string write_csv(const DataTable& table) {
  std::string out = csv_head(table);
  for (const auto& row : table.rows) out += csv_row(table, row);
  return out;
}

}  // namespace congkhai
