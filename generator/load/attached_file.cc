#include "load/attached_file.h"

#include <filesystem>
#include <fstream>

#include "model/published_file_type.h"
#include "model/urls.h"
#include "text/unicode.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

// `file` from `base` as it is on disk. Content text is read as NFC, while a file name keeps the
// form it was saved in (macOS, some archive tools and web forms save NFD): a component missing
// as typed is looked for among its folder's entries by its NFC form. Returns false when two
// entries of one folder have that NFC form (which one was meant cannot be told).
bool find_on_disk(const fs::path& base, const fs::path& file, fs::path* found) {
  std::error_code ec;
  fs::path at = base;
  for (const fs::path& part : file) {
    if (part == "." || part == ".." || fs::exists(at / part, ec)) {
      at /= part;
      continue;
    }
    const std::string want = to_nfc(part.string());
    fs::path match;
    int matches = 0;
    for (fs::directory_iterator it(at, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (is_valid_utf8(name) && to_nfc(name) == want) {
        match = it->path().filename();
        ++matches;
      }
    }
    if (matches > 1) return false;
    at /= matches == 1 ? match : part;
  }
  *found = at;
  return true;
}

}  // namespace

std::optional<AttachedFile> resolve_attached_file(const std::string& content_dir,
                                                  const std::string& referring_file,
                                                  const std::string& file, std::string* problem,
                                                  std::string* problem_en, FileReferences* found) {
  if (file.empty() || file.front() == '/' || file.find('\\') != std::string::npos ||
      file.find(':') != std::string::npos) {
    *problem = "đường dẫn tệp phải là đường dẫn tương đối, dùng dấu \"/\"";
    *problem_en = "a file path must be relative, with \"/\" between folders";
    return std::nullopt;
  }
  std::error_code ec;
  fs::path root = fs::weakly_canonical(content_dir, ec);
  fs::path on_disk;
  if (!find_on_disk(fs::path(referring_file).parent_path(), file, &on_disk)) {
    *problem = "có hơn một tệp mang tên \"" + file + "\" (cùng chữ, khác cách lưu dấu tiếng Việt)";
    *problem_en = "more than one file is named \"" + file + "\" (the same letters, accents stored differently)";
    return std::nullopt;
  }
  fs::path target = fs::weakly_canonical(on_disk, ec);
  fs::path rel = target.lexically_relative(root);
  if (ec || rel.empty() || *rel.begin() == "..") {
    *problem = "tệp \"" + file + "\" nằm ngoài thư mục nội dung";
    *problem_en = "file \"" + file + "\" is outside the content folder";
    return std::nullopt;
  }
  if (fs::exists(target, ec) && !fs::is_regular_file(target, ec)) {
    // A pipe would block the copy, a device fill the disk.
    *problem = "tệp \"" + file + "\" không phải tệp thường (thư mục, ống dẫn có tên hay thiết bị)";
    *problem_en = "file \"" + file + "\" is not a regular file (a folder, a named pipe or a device)";
    return std::nullopt;
  }
  if (!fs::is_regular_file(target, ec)) {
    *problem = "không tìm thấy tệp \"" + file + "\"";
    *problem_en = "file \"" + file + "\" not found";
    return std::nullopt;
  }
  // Judged by the name it is published under (a link's target's), as a web host judges it.
  if (!is_published_file_type(target.filename().string())) {
    *problem = "tệp \"" + file + "\" không đăng được: chỉ đăng các loại tệp " + published_file_types() +
               " (loại khác, như trang web hay ảnh SVG, có thể chạy mã trong trình duyệt của người xem)";
    *problem_en = "file \"" + file + "\" cannot be published: the accepted types are " +
                  published_file_types() +
                  " (others, such as web pages or SVG images, may run script in the reader's browser)";
    return std::nullopt;
  }
  // Copied when the site is written: a file that cannot be read is reported now, by `check` too.
  if (!std::ifstream(target, std::ios::binary)) {
    *problem = "không đọc được tệp \"" + file + "\" (kiểm tra quyền đọc)";
    *problem_en = "cannot read file \"" + file + "\" (check its permissions)";
    return std::nullopt;
  }
  // Its address is made of its path: a name the output cannot hold ("\\" in a folder's name, or
  // in a link's target's) is reported here, where `check` sees it, not when the site is written.
  if (!is_safe_output_path(file_output_path(to_nfc(rel.generic_string())))) {
    *problem = "tệp \"" + file + "\" không đăng được: đường dẫn của nó (" + rel.generic_string() +
               ") có dấu \"\\\"; hãy đổi tên thư mục hoặc tệp";
    *problem_en = "file \"" + file + "\" cannot be published: its path (" + rel.generic_string() +
                  ") holds a \"\\\"; rename the folder or file";
    return std::nullopt;
  }
  // Hidden files are never published, even when referred to.
  for (const auto& part : rel)
    if (!part.empty() && (part.string()[0] == '.' || part.string()[0] == '_')) {
      *problem = "tệp \"" + file + "\" nằm trong thư mục ẩn (tên bắt đầu bằng \".\" hoặc \"_\")";
      *problem_en = "file \"" + file + "\" is hidden (a name starting with \".\" or \"_\")";
      return std::nullopt;
    }
  // Published under the NFC form of its name, the form the content typed: one address
  // whatever form the file was saved in.
  AttachedFile attached{to_nfc(rel.generic_string()), rel.generic_string(),
                        static_cast<long long>(fs::file_size(target, ec))};
  if (found) found->push_back({file, attached});
  return attached;
}

}  // namespace congkhai
