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

std::string csv_row(const DataTable& table, const std::vector<std::string>& row) {
  std::vector<std::string> cells = row;
  cells.resize(table.fields.size());
  for (size_t i = 0; i < cells.size(); ++i)
    if (table.fields[i].type == FieldType::kString) cells[i] = neutralise_formula(cells[i]);
  return csv_record(cells);
}

std::string write_csv(const DataTable& table) {
  std::string out = csv_head(table);
  for (const auto& row : table.rows) out += csv_row(table, row);
  return out;
}

}  // namespace congkhai
