#include "cli/new_site.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/scaffold.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

int fail(int code, const std::string& vi, const std::string& en, bool english) {
  std::cerr << "congkhai: " << (english ? en : vi) << "\n";
  return code;
}

bool is_sha256(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// A value put inside a double-quoted YAML string of the workflows.
bool safe_in_yaml_quotes(const std::string& s) {
  for (char c : s)
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  return true;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

int new_site(const NewSiteFlags& f, const std::string& template_dir, const std::string& version, bool english) {
  if (!f.package_url.empty() &&
      (f.package_url.rfind("https://", 0) != 0 || !safe_in_yaml_quotes(f.package_url) ||
       f.package_url.find(' ') != std::string::npos))
    return fail(kExitUsage, "--package-url phải là một địa chỉ https:// tới tệp .deb",
                "--package-url must be an https:// address of the .deb file", english);
  if (!f.package_sha256.empty() && !is_sha256(f.package_sha256))
    return fail(kExitUsage, "--package-sha256 phải gồm 64 chữ số hệ mười sáu viết thường (như sha256sum in ra)",
                "--package-sha256 must be 64 lower-case hexadecimal digits (as sha256sum prints)", english);
  fs::path dir(f.dir);
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
    return fail(kExitContentErrors, "thư mục " + dir.generic_string() + " đã có và không trống; không ghi đè gì",
                dir.generic_string() + " exists and is not empty; nothing was written", english);

  // Read every starting file first: a template that cannot be read writes nothing.
  std::vector<std::pair<fs::path, std::string>> files;
  const fs::path root(template_dir);
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->is_symlink()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) break;
    std::string s = text.str();
    replace_all(s, "@CONGKHAI_VERSION@", version);
    replace_all(s, "@CONGKHAI_DEB_URL@", f.package_url.empty() ? kUnfilled : f.package_url);
    replace_all(s, "@CONGKHAI_DEB_SHA256@", f.package_sha256.empty() ? kUnfilled : f.package_sha256);
    replace_all(s, "@SITE_TITLE@", f.title);
    files.emplace_back(it->path().lexically_relative(root), std::move(s));
  }
  std::sort(files.begin(), files.end());
  if (ec || files.empty())
    return fail(kExitContentErrors, "không đọc được các tệp mẫu của cổng trong " + template_dir,
                "cannot read the portal's starting files in " + template_dir, english);
  files.emplace_back("content/site.yaml", scaffold_site(f.title));

  for (const auto& [rel, text] : files) {
    fs::path path = dir / rel;
    fs::create_directories(path.parent_path(), ec);
    std::FILE* out = std::fopen(path.c_str(), "wx");
    bool ok = out && std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if (out) ok = std::fclose(out) == 0 && ok;
    if (!ok)
      return fail(kExitWriteFailed, "không ghi được tệp " + path.generic_string(),
                  "cannot write " + path.generic_string(), english);
  }
  std::cout << (english ? "Created the portal " : "Đã tạo cổng ") << dir.generic_string() << (english ? ":\n" : ":\n");
  for (const auto& [rel, text] : files) std::cout << "  " << rel.generic_string() << "\n";
  if (f.package_url.empty() || f.package_sha256.empty())
    std::cout << (english ? "Before pushing it to GitHub, fill in the package's address and SHA-256 in "
                            ".github/actions/cai-congkhai/action.yml (or run again with --package-url and "
                            "--package-sha256).\n"
                          : "Trước khi đưa lên GitHub, hãy điền địa chỉ gói và mã SHA-256 của nó trong "
                            ".github/actions/cai-congkhai/action.yml (hoặc chạy lại với --package-url và "
                            "--package-sha256).\n");
  std::cout << (english ? "Next: congkhai new unit " : "Tiếp theo: congkhai new unit ")
            << (dir / "content" / "ten-tinh").generic_string() << " --name \"…\" --level tinh\n";
  return kExitOk;
}

}  // namespace congkhai
