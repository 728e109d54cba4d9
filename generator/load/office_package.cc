#include "load/office_package.h"

#include <libxml/parser.h>
#include <zip.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace congkhai {

bool refuse(PackageProblem* p, std::string vi, std::string en) {
  if (p) *p = {std::move(vi), std::move(en)};
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Package::Package(std::string_view bytes, const PackageKind& kind) : kind_(kind) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src) {
    zip_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!zip_) zip_source_free(src);
  }
  zip_error_fini(&err);
}

Package::~Package() {
  if (zip_) zip_discard(zip_);
}

bool Package::zip_bomb(PackageProblem* p, const std::string& name) const {
  return refuse(p, kind_.noun_vi + " bung ra quá lớn (phần " + name + "): không phải " + kind_.ordinary_vi,
                "the " + kind_.noun_en + " inflates too much (part " + name + "): not " + kind_.ordinary_en);
}

bool Package::within_limits(const std::string& name, std::size_t size, std::size_t comp, bool size_known,
                            PackageProblem* p) const {
  if (!size_known || size > kind_.max_part_bytes ||
      (size > kind_.ratio_from_bytes && size / std::max<std::size_t>(comp, 1) > kind_.max_ratio))
    return zip_bomb(p, name);
  return true;
}

bool Package::check_directory(PackageProblem* p,
                              const std::function<bool(const std::string&, PackageProblem*)>& vet) {
  zip_int64_t n = zip_get_num_entries(zip_, 0);
  if (n < 0 || static_cast<std::size_t>(n) > kind_.max_entries)
    return refuse(p, "tệp có quá nhiều phần (" + std::to_string(n) + ") để là " + kind_.one_vi,
                  "the file has too many parts (" + std::to_string(n) + ") for " + kind_.one_en);
  std::size_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
      return refuse(p, "tệp zip hỏng", "the zip file is damaged");
    const std::string name = st.name;
    if (vet && !vet(name, p)) return false;
    Sizes s;
    s.known = (st.valid & ZIP_STAT_SIZE) != 0;
    s.size = s.known ? static_cast<std::size_t>(st.size) : 0;
    s.comp = (st.valid & ZIP_STAT_COMP_SIZE) ? static_cast<std::size_t>(st.comp_size) : 0;
    if (kind_.every_part_up_front) {
      if (!within_limits(name, s.size, s.comp, s.known, p)) return false;
      total += s.size;
      if (total > kind_.max_total_bytes) return zip_bomb(p, name);
    }
    sizes_[name] = s;
  }
  return true;
}

std::optional<std::string> Package::read(const std::string& name, PackageProblem* p) {
  auto it = sizes_.find(name);
  if (it == sizes_.end()) return std::nullopt;
  const Sizes s = it->second;
  if (!kind_.every_part_up_front && !within_limits(name, s.size, s.comp, s.known, p)) return std::nullopt;
  zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
  if (!f) {
    refuse(p, "không đọc được phần " + name + " của " + kind_.noun_vi + " (tệp hỏng hoặc có mật khẩu)",
           "cannot read part " + name + " of the " + kind_.noun_en + " (damaged or encrypted)");
    return std::nullopt;
  }
  std::string out;
  char buf[65536];
  const std::size_t limit = std::min(s.size, kind_.max_part_bytes);
  for (;;) {
    zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      zip_fclose(f);
      refuse(p, "phần " + name + " của " + kind_.noun_vi + " bị hỏng", "part " + name + " of the " + kind_.noun_en + " is damaged");
      return std::nullopt;
    }
    if (got == 0) break;
    out.append(buf, static_cast<std::size_t>(got));
    read_total_ += static_cast<std::size_t>(got);
    if (out.size() > limit || read_total_ > kind_.max_total_bytes) {
      zip_fclose(f);
      zip_bomb(p, name);
      return std::nullopt;
    }
  }
  zip_fclose(f);
  return out;
}

XmlPart::~XmlPart() {
  if (doc) xmlFreeDoc(doc);
}

xmlNodePtr XmlPart::root() const { return doc ? xmlDocGetRootElement(doc) : nullptr; }

bool parse_part(const std::string& name, const std::string& text, const PackageKind& kind, XmlPart* out,
                PackageProblem* p) {
  const std::string lower = lower_ascii(text);
  const std::string of = " của " + kind.noun_vi, of_en = " of the " + kind.noun_en;
  if (lower.find("<!doctype") != std::string::npos || lower.find("<!entity") != std::string::npos)
    return refuse(p, "phần " + name + of + " có khai báo DOCTYPE/ENTITY; không nhận",
                  "part " + name + of_en + " has a DOCTYPE/ENTITY declaration; refused");
  if (text.size() > static_cast<std::size_t>(INT_MAX)) return refuse(p, "phần quá lớn", "part too large");
  out->doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), name.c_str(), nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!out->doc || !out->root())
    return refuse(p, "phần " + name + of + " không phải XML hợp lệ", "part " + name + of_en + " is not valid XML");
  if (out->doc->intSubset || out->doc->extSubset)
    return refuse(p, "phần " + name + of + " có khai báo DOCTYPE; không nhận",
                  "part " + name + of_en + " has a DOCTYPE; refused");
  return true;
}

bool is_element(xmlNodePtr n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

std::string attribute(xmlNodePtr n, const char* local) {
  for (xmlAttrPtr a = n ? n->properties : nullptr; a; a = a->next)
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) == 0) {
      xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
      std::string s = v ? reinterpret_cast<const char*>(v) : "";
      xmlFree(v);
      return s;
    }
  return {};
}

std::string text_content(xmlNodePtr n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

xmlNodePtr first_child(xmlNodePtr n, const char* local) {
  for (xmlNodePtr c = n ? n->children : nullptr; c; c = c->next)
    if (is_element(c, local)) return c;
  return nullptr;
}

}  // namespace congkhai
