#include "export/datapackage.h"

#include <nlohmann/json.hpp>

#include "export/data_keys.h"
#include "export/export_paths.h"
#include "model/urls.h"
#include "text/unicode.h"

namespace congkhai {
namespace {

using Json = nlohmann::ordered_json;

bool is_licence_id(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '.' || c == '_'))
      return false;
  return true;
}

Json field_descriptor(const DataField& f) {
  Json j;
  j["name"] = f.name;
  j["type"] = field_type_name(f.type);
  j["format"] = "default";
  j["title"] = f.title;
  j["description"] = f.description;
  j["description_en"] = f.description_en;
  Json constraints = Json::object();
  if (f.required) constraints["required"] = true;
  if (!f.values.empty()) constraints["enum"] = f.values;
  if (f.name == "percent") {
    constraints["minimum"] = 0;
    constraints["maximum"] = 100;
  }
  if (!constraints.empty()) j["constraints"] = constraints;
  return j;
}

Json schema_descriptor(const DataTable& t) {
  Json schema;
  Json fields = Json::array();
  for (const auto& f : t.fields) fields.push_back(field_descriptor(f));
  schema["fields"] = fields;
  schema["missingValues"] = Json::array({""});
  if (!t.primary_key.empty()) schema["primaryKey"] = t.primary_key;
  if (!t.foreign_keys.empty()) {
    Json fks = Json::array();
    for (const auto& fk : t.foreign_keys)
      fks.push_back({{"fields", fk.fields},
                     {"reference", {{"resource", fk.resource}, {"fields", fk.reference_fields}}}});
    schema["foreignKeys"] = fks;
  }
  return schema;
}

const char kInjectionNote[] =
    " Ô chữ bắt đầu bằng =, +, -, @, tab hoặc CR được thêm dấu ' ở đầu để bảng tính không "
    "hiểu nhầm là công thức.";
const char kInjectionNoteEn[] =
    " Text cells starting with =, +, -, @, tab or CR carry a leading ' so that spreadsheets do "
    "not run them as formulas; strip it to get the text as written.";

// Stands for a schema while the descriptor is dumped; a control character, so no table text
// can hold it.
const char kSchemaMark[] = "\x01schema";

}  // namespace

std::string datapackage_name(const Portal& portal, const Unit* scope) {
  std::string name = slugify(portal.site.title);
  if (name.empty()) name = "cong-khai";
  if (scope) {
    name += '.';
    for (char c : scope->url_path) name += c == '/' ? '.' : c;
  }
  return name;
}

std::vector<std::string> datapackage_schemas(const std::vector<DataTable>& tables) {
  std::vector<std::string> out;
  for (const auto& t : tables) {
    // Indented for where it sits (a member of a resource, three levels deep). Dumped JSON
    // holds no raw line break inside a string, so every one starts a line.
    std::string text = schema_descriptor(t).dump(2);
    std::string indented;
    indented.reserve(text.size() + text.size() / 8);
    for (char c : text) {
      indented += c;
      if (c == '\n') indented.append(6, ' ');
    }
    out.push_back(std::move(indented));
  }
  return out;
}

std::string write_datapackage(const Portal& portal, const PortalFacts& facts, const Unit* scope,
                              const std::vector<DataTable>& tables,
                              const std::vector<std::size_t>& csv_bytes) {
  return write_datapackage(portal, facts, scope, tables, csv_bytes, datapackage_schemas(tables));
}

std::string write_datapackage(const Portal& portal, const PortalFacts& facts, const Unit* scope,
                              const std::vector<DataTable>& tables,
                              const std::vector<std::size_t>& csv_bytes,
                              const std::vector<std::string>& schemas) {
  const Site& site = portal.site;
  std::string title = site.title;
  if (scope) title = unit_display_name(*scope) + " – " + site.title;
  std::string as_of = complete_date(facts.as_of);
  std::string as_of_vi = facts.as_of.year ? format_vi(facts.as_of) : "";

  Json j;
  j["profile"] = "tabular-data-package";
  j["name"] = datapackage_name(portal, scope);
  j["title"] = title;
  j["description"] =
      "Kế hoạch kiểm soát thủ tục hành chính, nhiệm vụ, tiến độ, chỉ tiêu và số liệu" +
      std::string(scope ? " của " + unit_display_name(*scope) + " và các đơn vị trực thuộc" : "") +
      (as_of_vi.empty() ? "" : ", trạng thái tính đến ngày " + as_of_vi) + ".";
  j["description_en"] =
      "Plans for controlling administrative procedures, their tasks, progress entries, targets "
      "and measurements" +
      std::string(scope ? " of " + unit_display_name(*scope) + " and the units below it" : "") +
      (as_of.empty() ? "" : ", statuses as of " + as_of) + ".";
  if (!site.base_url.empty())
    j["homepage"] = absolute_url(site.base_url, open_data_page());
  if (!site.licence.url.empty() || is_licence_id(site.licence.name)) {
    Json licence;
    if (is_licence_id(site.licence.name)) licence["name"] = site.licence.name;
    if (!site.licence.url.empty()) licence["path"] = site.licence.url;
    if (!site.licence.name.empty()) licence["title"] = site.licence.name;
    j["licenses"] = Json::array({licence});
  }
  if (!as_of.empty()) j["as_of"] = as_of;

  Json resources = Json::array();
  for (size_t i = 0; i < tables.size(); ++i) {
    const DataTable& t = tables[i];
    Json r;
    r["profile"] = "tabular-data-resource";
    r["name"] = t.name;
    r["path"] = t.file();
    r["title"] = t.title;
    r["title_en"] = t.title_en;
    r["description"] = t.description + kInjectionNote;
    r["description_en"] = t.description_en + kInjectionNoteEn;
    r["format"] = "csv";
    r["mediatype"] = "text/csv";
    r["encoding"] = "utf-8";
    if (i < csv_bytes.size()) r["bytes"] = csv_bytes[i];
    r["dialect"] = {{"csvddfVersion", 1.2},   {"delimiter", ","},  {"lineTerminator", "\r\n"},
                    {"quoteChar", "\""},      {"doubleQuote", true}, {"skipInitialSpace", false},
                    {"header", true}};
    r["schema"] = i < schemas.size() ? Json(kSchemaMark) : schema_descriptor(t);
    resources.push_back(r);
  }
  j["resources"] = resources;
  std::string out = j.dump(2) + "\n";
  // Put each table's schema text where its mark is. Every string after "resources" comes from
  // the table definitions, never from content, so the marks found are ours, in table order.
  const std::string mark = Json(kSchemaMark).dump();
  std::size_t at = out.find("\n  \"resources\": [");
  for (size_t i = 0; i < tables.size() && i < schemas.size() && at != std::string::npos; ++i) {
    at = out.find(mark, at);
    if (at == std::string::npos) break;
    out.replace(at, mark.size(), schemas[i]);
    at += schemas[i].size();
  }
  return out;
}

}  // namespace congkhai
