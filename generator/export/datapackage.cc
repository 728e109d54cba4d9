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

// How a table in several pieces is joined (a multipart resource).
const char kPiecesNote[] =
    " Bảng gồm nhiều tệp CSV, mỗi đơn vị có kế hoạch một tệp, theo thứ tự trong path; mỗi tệp có "
    "dấu BOM và dòng tiêu đề riêng (mở riêng được bằng bảng tính), nên khi ghép phải bỏ dòng "
    "đầu của mọi tệp sau tệp thứ nhất, như frictionless-py làm với tài nguyên nhiều phần.";
const char kPiecesNoteEn[] =
    " The table is in several CSV files, one per unit with plans, in the order of its path; "
    "each file starts with its own byte-order mark and header row (each opens on its own in a "
    "spreadsheet), so joining them means dropping the first line of every file after the "
    "first, as frictionless-py does for multipart resources.";

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
  for (const auto& t : tables) out.push_back(schema_descriptor(t).dump());
  return out;
}

std::string write_datapackage(const Portal& portal, const PortalFacts& facts, const Unit* scope,
                              const std::vector<DataTable>& tables,
                              const std::vector<std::string>& piece_dirs,
                              const std::vector<std::size_t>& csv_bytes) {
  return write_datapackage(portal, facts, scope, tables, piece_dirs, csv_bytes,
                           datapackage_schemas(tables));
}

std::string write_datapackage(const Portal& portal, const PortalFacts& facts, const Unit* scope,
                              const std::vector<DataTable>& tables,
                              const std::vector<std::string>& piece_dirs,
                              const std::vector<std::size_t>& csv_bytes,
                              const std::vector<std::string>& schemas) {
  const Site& site = portal.site;
  const bool multipart = piece_dirs.size() > 1;
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
      (as_of_vi.empty() ? "" : ", trạng thái tính đến ngày " + as_of_vi) +
      ". Tệp CSV của mỗi đơn vị (<đơn vị>/du-lieu/<bảng>.csv) chỉ chứa các kế hoạch của chính "
      "đơn vị đó" +
      (multipart ? "; mỗi bảng ở đây ghép các tệp ấy lại, bỏ dòng đầu của mọi tệp sau tệp thứ nhất."
                 : ".");
  j["description_en"] =
      "Plans for controlling administrative procedures, their tasks, progress entries, targets "
      "and measurements" +
      std::string(scope ? " of " + unit_display_name(*scope) + " and the units below it" : "") +
      (as_of.empty() ? "" : ", statuses as of " + as_of) +
      ". Each unit's CSV files (<unit>/du-lieu/<table>.csv) hold its own plans only" +
      (multipart ? "; each table here joins those files, dropping the first line of every file "
                   "after the first."
                 : ".");
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

  // "resources" is the last member and "schema" the last of each resource: the descriptor is
  // dumped up to there and each schema's text, made once per build, appended where it goes,
  // giving the bytes dumping the whole descriptor would.
  std::string out = j.dump();
  out.pop_back();  // the closing brace
  out += ",\"resources\":[";
  for (size_t i = 0; i < tables.size(); ++i) {
    const DataTable& t = tables[i];
    Json r;
    r["profile"] = "tabular-data-resource";
    r["name"] = t.name;
    if (piece_dirs.empty()) {
      r["data"] = Json::array();  // no rows anywhere: inline and empty, the schema still there
    } else if (!multipart) {
      r["path"] = piece_dirs[0] + t.file();
    } else {
      Json paths = Json::array();
      for (const auto& dir : piece_dirs) paths.push_back(dir + t.file());
      r["path"] = std::move(paths);
    }
    r["title"] = t.title;
    r["title_en"] = t.title_en;
    r["description"] = t.description + kInjectionNote + (multipart ? kPiecesNote : "");
    r["description_en"] = t.description_en + kInjectionNoteEn + (multipart ? kPiecesNoteEn : "");
    if (!piece_dirs.empty()) {
      r["format"] = "csv";
      r["mediatype"] = "text/csv";
      r["encoding"] = "utf-8";
      if (!multipart && i < csv_bytes.size()) r["bytes"] = csv_bytes[i];
      r["dialect"] = {{"csvddfVersion", 1.2},   {"delimiter", ","},    {"lineTerminator", "\r\n"},
                      {"quoteChar", "\""},      {"doubleQuote", true}, {"skipInitialSpace", false},
                      {"header", true}};
    }
    std::string text = r.dump();
    text.pop_back();
    text += ",\"schema\":";
    text += i < schemas.size() ? schemas[i] : schema_descriptor(t).dump();
    text += '}';
    if (i) out += ',';
    out += text;
  }
  out += "]}\n";
  return out;
}

}  // namespace congkhai
