// The spare: the previous output, kept between builds beside the cache
// (`<parent>/.congkhai-cache/<output name>.spare`, spare_path()). An incremental build takes
// it as its staging folder and brings it up to date (only the files that differ from the new
// site are replaced, removed or added) instead of making a whole new tree; after the swap the
// output it replaced becomes the next spare.
//
// The spare is trusted only as far as it is checked: it is listed where it is when the build
// opens its output (SiteWriter, on a thread of its own while the content loads), and taken at
// the build's first file by renaming it to the build's staging name (so a build killed while
// updating it leaves a staging folder, which the next build removes, and no spare); it is used
// only when the folder renamed is the very one listed, its marker is the one the cache
// recorded, it holds nothing but regular files and folders, and its files and folders are
// exactly those recorded (spare_listing()). Its files' bytes are never trusted by themselves:
// a file is kept only when it is the very file (same inode) the output holds at that path.
#pragma once

#include <sys/types.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace congkhai {

struct SpareTree {
  std::unordered_map<std::string, ino_t> files;  // relative path → inode, the marker included
  std::vector<std::string> dirs;                 // relative folders
};

// Lists the tree at `dir` without following any symbolic link. False when it cannot be read
// or holds anything but regular files and folders (a link, a pipe, a device).
bool list_spare(const std::string& dir, SpareTree* tree);

// A digest of the files at `paths` (the output marker left out) and of the folders that hold
// them; the same for a SpareTree whose folders are exactly those, and otherwise different.
std::string spare_listing(std::vector<std::string> paths);
std::string spare_listing(const SpareTree& tree);

}  // namespace congkhai
