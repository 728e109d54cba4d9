#include "render/theme.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "load/regular_file.h"
#include "load/source_text.h"
#include "render/content_policy.h"
#include "render/partial_graph.h"
#include "render/template_tokens.h"

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

// One theme folder. Symbolic links are followed only to regular files inside it, the rule for
// content/: a link out of it would publish (as an asset) or render into every page (as a
// template) any file of the machine, and a link to a folder could loop. A refused link is
// reported where it is, and nothing is read through it.
class ThemeFolder {
 public:
  ThemeFolder(const fs::path& dir, Diagnostics* errors) : dir_(dir), errors_(errors) {
    std::error_code ec;
    root_ = fs::weakly_canonical(dir, ec);
  }

  // templates/*.mustache or partials/*.mustache, not replacing earlier folders' ones.
  void read_templates(const std::string& sub, std::map<std::string, ThemeTemplate>* into) {
    std::error_code ec;
    const fs::path dir = dir_ / sub;
    if (refused_link(dir) || !fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.extension() != ".mustache" || hidden(p.filename().string()) || refused_link(p)) continue;
      // Pipes and devices too: read_file refuses them by name rather than leave them unread.
      std::error_code type_ec;
      if (!it->is_directory(type_ec)) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::string name = p.stem().string();
      if (into->count(name)) continue;
      ThemeTemplate t;
      t.path = p.generic_string();
      if (RegularFile read = read_file(p, &t.text); read.status != RegularFile::Status::kOk) {
        if (read.status == RegularFile::Status::kNotRegular) {
          if (errors_) errors_->push_back(not_regular_file_diagnostic(t.path, read));
        } else {
          error(errors_, t.path, {}, "Không đọc được tệp mẫu giao diện", "cannot read template file");
        }
        continue;
      }
      check_template(t.path, t.text, errors_);
      check_no_set_delimiters(t, errors_);
      (*into)[name] = std::move(t);
    }
  }

  void read_assets(std::map<std::string, std::string>* into) {
    std::error_code ec;
    const fs::path dir = dir_ / "assets";
    if (refused_link(dir) || !fs::is_directory(dir, ec)) return;
    // Not following links to folders (the iterator's default): refused_link reports them.
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code type_ec;
      if (hidden(p.filename().string())) {
        if (it->is_directory(type_ec)) it.disable_recursion_pending();
        continue;
      }
      if (refused_link(p) || !it->is_regular_file(type_ec)) continue;
      std::string rel = p.lexically_relative(dir).generic_string();
      into->emplace(rel, p.generic_string());  // emplace keeps an earlier folder's file
    }
  }

 private:
  bool refused_link(const fs::path& p) {
    std::error_code ec;
    if (!fs::is_symlink(p, ec)) return false;
    fs::path target = fs::weakly_canonical(p, ec);
    fs::path rel = target.lexically_relative(root_);
    bool inside = !ec && !root_.empty() && !rel.empty() && *rel.begin() != "..";
    if (inside && fs::is_regular_file(target, ec)) return false;
    if (inside)
      error(errors_, p.generic_string(), {1, 1}, "liên kết tượng trưng (symlink) tới thư mục không được dùng trong giao diện",
            "a symbolic link to a folder is not allowed in a theme");
    else
      error(errors_, p.generic_string(), {1, 1}, "liên kết tượng trưng (symlink) trỏ ra ngoài thư mục giao diện",
            "a symbolic link points outside the theme folder");
    return true;
  }

  fs::path dir_;
  fs::path root_;  // dir_ with links resolved, to tell inside from outside
  Diagnostics* errors_;
};

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
  // Read as a browser reads the pages it makes: a tag inside an HTML or Mustache comment, a
  // <script>, <noscript> or <template>, or a Mustache section (left out of a page when its
  // value is empty) does not count.
  const std::vector<TemplateToken> tokens = template_tokens(text);
  using Kind = TemplateToken::Kind;
  auto blank = [](const TemplateToken& t) {
    return t.kind == Kind::kText && t.text.find_first_not_of(" \t\r\n") == std::string_view::npos;
  };
  // Before the policy only what holds no content: the doctype, <html>, <head>, comments; and
  // right before it, <meta charset>. Before any tag the policy governs, or it would not govern it.
  std::size_t i = 0;
  const TemplateToken* charset = nullptr;
  for (; i < tokens.size(); ++i) {
    const TemplateToken& t = tokens[i];
    bool plain_tag = t.kind == Kind::kStartTag && t.inner_mustache.empty() && t.section_depth == 0;
    if (blank(t) || t.kind == Kind::kComment || t.kind == Kind::kDoctype ||
        (t.kind == Kind::kMustache && t.sigil == '!') ||
        (t.kind == Kind::kStartTag && (t.name == "html" || t.name == "head") && t.section_depth == 0 &&
         std::all_of(t.inner_mustache.begin(), t.inner_mustache.end(), [](const auto& m) { return m.second == 0; })))
      continue;
    if (plain_tag && t.text == "<meta charset=\"utf-8\">") charset = &t;
    break;
  }
  bool has_policy = false;
  if (charset) {
    for (++i; i < tokens.size() && blank(tokens[i]); ++i) {
    }
    has_policy = i < tokens.size() && tokens[i].kind == Kind::kStartTag && tokens[i].section_depth == 0 &&
                 tokens[i].inner_mustache.empty() && tokens[i].text == kContentPolicyMeta;
  }
  if (!has_policy) {
    size_t at = charset ? charset->offset : text.find("<meta charset=\"utf-8\">");
    SourcePos pos = at == std::string::npos ? SourcePos{1, 1} : position_of(text, at);
    std::string tag(kContentPolicyMeta);
    error(errors, layout.path, pos,
          "mẫu khung trang phải có <meta charset=\"utf-8\"> và ngay sau nó thẻ " + tag +
              " (chính sách bảo mật nội dung của mọi trang), ngoài mọi chú thích và khối {{#…}}",
          "the layout must hold <meta charset=\"utf-8\"> followed at once by " + tag +
              " (the Content-Security-Policy of every page), outside any comment and {{#…}} section");
  }
  // The footer's values: where a page shows them, as text or in an attribute (href="…").
  for (const FooterPiece& r : kFooterPieces) {
    const std::string name = std::string(r.tag).substr(2, std::string(r.tag).size() - 4);
    bool shown = std::any_of(tokens.begin(), tokens.end(), [&](const TemplateToken& t) {
      if (t.kind == Kind::kMustache) return t.sigil == 0 && t.name == name;
      return t.kind == Kind::kStartTag && std::any_of(t.inner_mustache.begin(), t.inner_mustache.end(),
                                                      [&](const auto& m) { return m.second == 0 && m.first == name; });
    });
    if (!shown)
      error(errors, layout.path, {1, 1},
            std::string("mẫu khung trang thiếu ") + r.vi + " (" + r.tag + ") ở chân trang",
            std::string("the layout lacks ") + r.en + " (" + r.tag + ") in its footer");
  }
}

Theme load_theme(const std::vector<std::string>& dirs, Diagnostics* errors) {
  Theme theme;
  for (const std::string& d : dirs) {
    std::error_code ec;
    if (d.empty() || !fs::is_directory(d, ec)) continue;
    theme.dirs.push_back(d);
    ThemeFolder folder(d, errors);
    folder.read_templates("templates", &theme.templates);
    folder.read_templates("partials", &theme.partials);
    folder.read_assets(&theme.assets);
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
