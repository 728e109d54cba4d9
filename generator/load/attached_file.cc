#include "load/attached_file.h"

#include <filesystem>

namespace congkhai {

namespace fs = std::filesystem;

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
  if (!fs::is_regular_file(target, ec)) {
    *problem = "không tìm thấy tệp \"" + file + "\"";
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
