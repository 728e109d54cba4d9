// The incremental build cache: what the last build of an output folder wrote, so that the
// next build renders again only the pages whose inputs changed and rewrites only the files
// whose bytes changed (the others are hard-linked from the previous site into the new one).
//
// It lives beside the output, never in it: `<parent>/.congkhai-cache/<output name>`. One line
// per file, "path TAB hash TAB key TAB bytes": the hash of the file's bytes (or, for a copied
// file, of its source's path, size and time), the key the stage that made it gave it
// (OutputFile::key: a page's, a search shard's, a plan's JSON's or a CSV piece's),
// and, for a copied file, the hash of the bytes it was copied with (empty when `hash` is
// already that). The output folder is never trusted: before a file is reused, its bytes are
// hashed again and compared with what was written (a page edited in place is written anew).
// The first line names the output it describes, by the inode, size and time of its marker
// file: a build killed after publishing but before saving the cache leaves a cache that no
// longer matches, and the next build is then a full one.
#pragma once

#include <map>
#include <string>

namespace congkhai {

struct CachedFile {
  std::string hash;  // ContentHash::hex of the bytes written, or of a copy's source identity
  std::string key;   // OutputFile::key of a page, search shard or open-data file, else empty
  std::string bytes;  // ContentHash::hex of a copied file's bytes; empty: `hash` is that
  // The hash the file's bytes must have for it to be reused.
  const std::string& bytes_hash() const { return bytes.empty() ? hash : bytes; }
};

struct BuildCache {
  std::string output_id;                    // output_identity() of the folder it describes
  std::map<std::string, CachedFile> files;  // output path → what it holds
};

std::string build_cache_path(const std::string& out_dir);

// Identifies one published output folder (its marker file's inode, size and time); empty
// when the folder has no marker.
std::string output_identity(const std::string& out_dir);

// The cache of `out_dir`, or an empty one when there is none, it cannot be read, or it
// describes another output than the folder now holds.
BuildCache load_build_cache(const std::string& out_dir);

// Writes the cache atomically (a temporary file renamed over the old one).
bool save_build_cache(const BuildCache& cache, const std::string& out_dir, std::string* error);

// Removes the cache of `out_dir` (--no-cache, or before a full rebuild).
void remove_build_cache(const std::string& out_dir);

// Path → key of every file that has one (pages, search shards, plans' JSON, units' CSV
// pieces): what render, search and export compare their new keys against.
std::map<std::string, std::string> page_keys(const BuildCache& cache);

}  // namespace congkhai
