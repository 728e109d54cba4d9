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

std::string write_datapackage(const Portal& portal, const PortalFacts& facts, const Unit* scope,
                              const std::vector<DataTable>& tables,
                              const std::vector<std::size_t>& csv_bytes) {
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
    r["schema"] = schema_descriptor(t);
    resources.push_back(r);
  }
  j["resources"] = resources;
  return j.dump(2) + "\n";
}

}  // namespace congkhai
