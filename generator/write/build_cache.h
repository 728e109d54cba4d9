// The incremental build cache: what the last build of an output folder wrote, so that the
// next build renders again only the pages whose inputs changed and rewrites only the files
// whose bytes changed (the others are kept, as hard links of the same files).
//
// It lives beside the output, never in it: `<parent>/.congkhai-cache/<output name>`. One line
// per file, "path TAB hash TAB key TAB bytes TAB stamp": the hash of the file's bytes (or, for
// a copied file, of its source's path, size and time), the key the stage that made it gave it
// (OutputFile::key: a page's, a search shard's, or an open-data file's), for a copied file the
// hash of the bytes it was copied with (empty when `hash` is already that), and the published
// file's stamp (FileStamp).
//
// The output folder is never trusted blindly: a file is reused only when its stamp is the one
// recorded, as git's index does, and when it is not (or the stamp is too close to the time
// the cache was saved to tell an edit apart), its bytes are hashed again and compared with
// what was written. A page edited in place in the output is thus written anew.
//
// The first line names the output it describes by the digest its marker file holds
// (output_digest(): every published path and the hash of its bytes), which a copy of the
// folder keeps (a restore by CI's cache, `cp -a`, tar): a restored output is built
// incrementally, its files checked one by one as above (their stamps all differ after a copy,
// so each is hashed again). A build killed after publishing but before saving the cache leaves
// a cache whose digest is not the output's, unless the two outputs hold the same bytes at the
// same paths, and the next build is then a full one. The line also records the marker's own
// stamp, and names the spare (spare_tree.h): the previous output, kept at `<cache>.spare`, by
// its marker's stamp and by a digest of the files and folders it holds. The spare is used only
// when the output's marker is the very file the build that saved the cache wrote (a copy of the
// output never takes it).
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace congkhai {

// What identifies a file without reading it: its inode, size, modification and change times
// (nanoseconds). Editing a file changes its change time, which cannot be set back by hand;
// linking or unlinking one of its names changes it too.
struct FileStamp {
  std::uint64_t ino = 0, size = 0;
  std::int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
  bool empty() const { return ino == 0; }
  std::string text() const;  // "ino:size:mtime:ctime"; empty for an empty stamp
  static FileStamp parse(std::string_view text);  // empty when `text` is not one
  static FileStamp of(const struct stat& st);
};

struct CachedFile {
  std::string hash;  // ContentHash::hex of the bytes written, or of a copy's source identity
  std::string key;   // OutputFile::key of a page, search shard or open-data file, else empty
  std::string bytes;  // ContentHash::hex of a copied file's bytes; empty: `hash` is that
  FileStamp stamp;    // the published file's, after the build that wrote the cache
  // The hash the file's bytes must have for it to be reused.
  const std::string& bytes_hash() const { return bytes.empty() ? hash : bytes; }
};

struct BuildCache {
  std::string output_id;                    // output_identity() of the folder it describes
  // marker_stamp() of that folder: when saved, after the build that wrote the cache; when
  // loaded, the marker's now, and `same_marker` says whether it is the one recorded.
  std::string marker;
  bool same_marker = false;
  std::map<std::string, CachedFile> files;  // output path → what it holds
  // The spare (spare_tree.h): marker_stamp() of the previous output kept beside the cache,
  // and spare_listing() of what it holds; empty when none is kept.
  std::string spare_id, spare_listing;
  // When the cache was saved (its file's modification time, ns): a file whose stamp is not
  // older may have been edited since, in the same tick of the file system's clock.
  std::int64_t saved_ns = 0;
};

std::string build_cache_path(const std::string& out_dir);
// Where the cache of parsed content files (load/parsed_cache.h) for `out_dir` is kept: beside
// its build cache, "<parent>/.congkhai-cache/<output name>.parsed".
std::string parsed_cache_path(const std::string& out_dir);

// Where the previous output is kept between builds: build_cache_path() + ".spare".
std::string spare_path(const std::string& out_dir);

// Identifies one published output folder: the digest its marker file holds (marker_text());
// empty when the folder has no marker or the marker holds none.
std::string output_identity(const std::string& out_dir);

// The digest of an output holding `files` (the marker left out): each path and the hash of
// its bytes (CachedFile::bytes_hash()). The same files give the same digest, whichever build
// wrote them; any other path or bytes give another.
std::string output_digest(const std::map<std::string, CachedFile>& files);

// What the marker file of an output whose digest is `digest` holds.
std::string marker_text(const std::string& digest);

// Identifies one marker file itself (its inode, size and time), not its bytes: a copy has
// another. Empty when the folder has no marker.
std::string marker_stamp(const std::string& out_dir);

// The cache of `out_dir`, or an empty one when there is none, it cannot be read, or it
// describes another output than the folder now holds (another output_identity()).
BuildCache load_build_cache(const std::string& out_dir);

// Writes the cache atomically (a temporary file renamed over the old one).
bool save_build_cache(const BuildCache& cache, const std::string& out_dir, std::string* error);

// Removes the cache of `out_dir` (--no-cache, or before a full rebuild).
void remove_build_cache(const std::string& out_dir);

// Whether a file whose stamp is `stamp` may have been changed since the cache was saved
// without its stamp showing it: the stamp is not older than the cache.
bool racy(const BuildCache& cache, const FileStamp& stamp);

// Path → key of every file that has one (pages, search shards, plans' JSON, units' CSV
// pieces, data packages, feeds): what render, search and export compare their new keys
// against.
std::map<std::string, std::string> page_keys(const BuildCache& cache);

}  // namespace congkhai
