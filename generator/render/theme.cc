#include "render/theme.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "load/regular_file.h"
#include "load/source_text.h"
#include "render/content_policy.h"
#include "render/partial_graph.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

// Only a regular file is read: a named pipe would block the build, a device fill memory.
RegularFile read_file(const fs::path& p, std::string* out) {
  RegularFile file = read_regular_file(p.string(), kMaxFileBytes);
  if (file.status == RegularFile::Status::kOk) *out = std::move(file.bytes);
  return file;
}

bool hidden(const std::string& name) { return !name.empty() && (name[0] == '.' || name[0] == '_'); }

void error(Diagnostics* errors, const std::string& path, SourcePos pos, const std::string& vi,
           const std::string& en) {
  if (!errors) return;
  Diagnostic d;
  d.path = path;
  d.pos = pos;
  d.message = vi;
  d.message_en = en;
  errors->push_back(std::move(d));
}

// templates/*.mustache or partials/*.mustache of one folder, not replacing earlier ones.
void read_templates(const fs::path& dir, std::map<std::string, ThemeTemplate>* into,
                    Diagnostics* errors) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    if (!entry.is_directory(ec) && p.extension() == ".mustache" && !hidden(p.filename().string()))
      files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::string name = p.stem().string();
    if (into->count(name)) continue;
    ThemeTemplate t;
    t.path = p.generic_string();
    if (RegularFile read = read_file(p, &t.text); read.status != RegularFile::Status::kOk) {
      if (read.status == RegularFile::Status::kNotRegular) {
        if (errors) errors->push_back(not_regular_file_diagnostic(t.path, read));
      } else {
        error(errors, t.path, {}, "Không đọc được tệp mẫu giao diện", "cannot read template file");
      }
      continue;
    }
    check_template(t.path, t.text, errors);
    check_no_set_delimiters(t, errors);
    (*into)[name] = std::move(t);
  }
}

void read_assets(const fs::path& dir, std::map<std::string, std::string>* into) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    if (hidden(p.filename().string())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string rel = p.lexically_relative(dir).generic_string();
    into->emplace(rel, p.generic_string());  // emplace keeps an earlier folder's file
  }
}

// What every page's footer links to, and how a missing one is named.
struct FooterPiece {
  const char* tag;
  const char* vi;
  const char* en;
};
constexpr FooterPiece kFooterPieces[] = {
    {"{{updates_href}}", "liên kết tới trang Cập nhật mới", "the link to the latest updates"},
    {"{{open_data_href}}", "liên kết tới trang Dữ liệu mở", "the link to the open data page"},
    {"{{site.licence_name}}", "tên giấy phép dữ liệu", "the data licence's name"},
};

}  // namespace

SourcePos position_of(const std::string& text, size_t offset) {
  SourcePos pos{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count characters, not UTF-8 continuation bytes
      ++pos.column;
    }
  }
  return pos;
}

bool check_template(const std::string& path, const std::string& text, Diagnostics* errors) {
  kainjow::mustache::mustache tmpl{text};
  if (tmpl.is_valid()) return true;
  // kainjow reports "Unclosed tag at 123": a byte offset, turned here into line and column.
  const std::string& msg = tmpl.error_message();
  SourcePos pos;
  size_t at = msg.rfind(" at ");
  if (at != std::string::npos) {
    try {
      pos = position_of(text, std::stoul(msg.substr(at + 4)));
    } catch (...) {
    }
  }
  error(errors, path, pos, "Lỗi cú pháp mẫu Mustache: " + msg, "Mustache syntax error: " + msg);
  return false;
}

void check_layout(const ThemeTemplate& layout, Diagnostics* errors) {
  const std::string& text = layout.text;
  // Before any tag the policy governs, or it would not govern it.
  size_t charset = text.find("<meta charset=\"utf-8\">");
  size_t policy = text.find(kContentPolicyMeta);
  size_t first_tag = charset == std::string::npos ? std::string::npos : text.find('<', charset + 1);
  if (policy == std::string::npos || policy != first_tag) {
    SourcePos at = charset == std::string::npos ? SourcePos{1, 1} : position_of(text, charset);
    std::string tag(kContentPolicyMeta);
    error(errors, layout.path, at,
          "mẫu khung trang phải có <meta charset=\"utf-8\"> và ngay sau nó thẻ " + tag +
              " (chính sách bảo mật nội dung của mọi trang)",
          "the layout must hold <meta charset=\"utf-8\"> followed at once by " + tag +
              " (the Content-Security-Policy of every page)");
  }
  for (const FooterPiece& r : kFooterPieces)
    if (text.find(r.tag) == std::string::npos)
      error(errors, layout.path, {1, 1},
            std::string("mẫu khung trang thiếu ") + r.vi + " (" + r.tag + ") ở chân trang",
            std::string("the layout lacks ") + r.en + " (" + r.tag + ") in its footer");
}

Theme load_theme(const std::vector<std::string>& dirs, Diagnostics* errors) {
  Theme theme;
  for (const std::string& d : dirs) {
    std::error_code ec;
    if (d.empty() || !fs::is_directory(d, ec)) continue;
    theme.dirs.push_back(d);
    fs::path dir(d);
    read_templates(dir / "templates", &theme.templates, errors);
    read_templates(dir / "partials", &theme.partials, errors);
    read_assets(dir / "assets", &theme.assets);
  }
  auto check_refs = [&](const ThemeTemplate& t) {
    for (const auto& [name, at] : partial_references(t.text))
      if (!theme.partials.count(name))
        error(errors, t.path, position_of(t.text, at), "Không có mẫu con (partial) \"" + name + "\"",
              "no partial named \"" + name + "\"");
  };
  for (const auto& [name, t] : theme.templates) check_refs(t);
  for (const auto& [name, t] : theme.partials) check_refs(t);
  check_partial_cycles(theme.partials, errors);
  if (auto layout = theme.templates.find("layout"); layout != theme.templates.end())
    check_layout(layout->second, errors);
  return theme;
}

}  // namespace congkhai
