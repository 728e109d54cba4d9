#include "write/spare_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "text/content_hash.h"
#include "write/site_writer.h"

namespace congkhai {

namespace {

// Lists the folder open at `fd` (taken over: closed here) into `tree`, under `prefix`.
bool list_folder(int fd, const std::string& prefix, SpareTree* tree) {
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    ::close(fd);
    return false;
  }
  bool ok = true;
  while (dirent* e = ::readdir(dir)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    unsigned char type = e->d_type;
    ino_t ino = e->d_ino;
    if (type == DT_UNKNOWN) {  // some file systems do not say: ask, without following links
      struct stat st;
      if (::fstatat(::dirfd(dir), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        ok = false;
        break;
      }
      type = S_ISREG(st.st_mode) ? DT_REG : S_ISDIR(st.st_mode) ? DT_DIR : DT_LNK;
      ino = st.st_ino;
    }
    std::string path = prefix.empty() ? name : prefix + "/" + name;
    if (type == DT_REG) {
      tree->files.emplace(path, ino);
    } else if (type == DT_DIR) {
      int sub = ::openat(::dirfd(dir), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      tree->dirs.push_back(path);
      if (sub < 0 || !list_folder(sub, path, tree)) {
        ok = false;
        break;
      }
    } else {
      ok = false;  // a symbolic link, a pipe, a device: not something a build makes
      break;
    }
  }
  ::closedir(dir);
  return ok;
}

std::string digest(std::vector<std::string> files, std::vector<std::string> dirs) {
  std::sort(files.begin(), files.end());
  std::sort(dirs.begin(), dirs.end());
  ContentHasher h;
  for (const auto& f : files) {
    h.add("f");
    h.add(f);
  }
  for (const auto& d : dirs) {
    h.add("d");
    h.add(d);
  }
  return h.finish().hex();
}

}  // namespace

bool list_spare(const std::string& dir, SpareTree* tree) {
  *tree = SpareTree{};
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  return fd >= 0 && list_folder(fd, "", tree);
}

std::string spare_listing(std::vector<std::string> paths) {
  std::erase(paths, std::string(kOutputMarker));
  std::set<std::string> dirs;
  for (const auto& p : paths)
    for (std::size_t slash = p.rfind('/'); slash != std::string::npos && slash > 0;
         slash = p.rfind('/', slash - 1)) {
      if (!dirs.insert(p.substr(0, slash)).second) break;  // its parents are in already
    }
  return digest(std::move(paths), std::vector<std::string>(dirs.begin(), dirs.end()));
}

std::string spare_listing(const SpareTree& tree) {
  std::vector<std::string> files;
  files.reserve(tree.files.size());
  for (const auto& [path, ino] : tree.files)
    if (path != kOutputMarker) files.push_back(path);
  return digest(std::move(files), tree.dirs);
}

}  // namespace congkhai
