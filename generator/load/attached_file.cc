#include "load/attached_file.h"

#include <filesystem>

namespace congkhai {

namespace fs = std::filesystem;

namespace {

// Files a browser runs script in when opened from the site (web pages, SVG, XML that may hold
// XHTML, scripts, web archives): published under the site's address, their script would run
// with the site's rights, and the pages' Content-Security-Policy does not cover them.
bool runs_script_in_browser(const fs::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const char* bad : {".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl",
                          ".xslt", ".js", ".mjs", ".mht", ".mhtml", ".swf"})
    if (ext == bad) return true;
  return false;
}

}  // namespace

std::optional<AttachedFile> resolve_attached_file(const std::string& content_dir,
                                                  const std::string& referring_file,
                                                  const std::string& file, std::string* problem) {
  if (file.empty() || file.front() == '/' || file.find('\\') != std::string::npos ||
      file.find(':') != std::string::npos) {
    *problem = "đường dẫn tệp phải là đường dẫn tương đối, dùng dấu \"/\"";
    return std::nullopt;
  }
  std::error_code ec;
  fs::path root = fs::weakly_canonical(content_dir, ec);
  fs::path target = fs::weakly_canonical(fs::path(referring_file).parent_path() / file, ec);
  fs::path rel = target.lexically_relative(root);
  if (ec || rel.empty() || *rel.begin() == "..") {
    *problem = "tệp \"" + file + "\" nằm ngoài thư mục nội dung";
    return std::nullopt;
  }
  if (fs::exists(target, ec) && !fs::is_regular_file(target, ec)) {
    // A pipe would block the copy, a device fill the disk.
    *problem = "tệp \"" + file + "\" không phải tệp thường (thư mục, ống dẫn có tên hay thiết bị)";
    return std::nullopt;
  }
  if (!fs::is_regular_file(target, ec)) {
    *problem = "không tìm thấy tệp \"" + file + "\"";
    return std::nullopt;
  }
  if (runs_script_in_browser(target)) {
    *problem = "tệp \"" + file +
               "\" không đăng được: trang web, ảnh SVG, XML và tệp script có thể chạy mã trong trình "
               "duyệt của người xem; hãy đính kèm bản PDF, ảnh PNG hoặc JPEG";
    return std::nullopt;
  }
  // Hidden files are never published, even when referred to.
  for (const auto& part : rel)
    if (!part.empty() && (part.string()[0] == '.' || part.string()[0] == '_')) {
      *problem = "tệp \"" + file + "\" nằm trong thư mục ẩn (tên bắt đầu bằng \".\" hoặc \"_\")";
      return std::nullopt;
    }
  return AttachedFile{rel.generic_string(), static_cast<long long>(fs::file_size(target, ec))};
}

}  // namespace congkhai
