// The cache of parsed content files: what parsing each plan, progress record, report and
// unit.yaml gave (its model and its problems), keyed by the hash of the file's bytes, so that
// a build parses only the files whose bytes changed since the last successful build.
//
// One file, beside the build cache (write/build_cache.h: parsed_cache_path), written after a
// successful build only, atomically. Its header names the format, the generator that wrote it
// (its version and the hash of its executable: a parser changed in any way makes a new cache)
// and the content folder; then one entry per file: its kind, its path, the hash of its bytes
// and the encoded result (model/model_codec.h); last, the hash of all that came before. A cache
// that does not match in every respect, is cut short or damaged is ignored as a whole, and an
// entry that does not decode is parsed again: the cache can make a build slower, never wrong.
//
// A result depends on the file's bytes and path, and on the evidence and attachment files it
// names (whether they exist, their names on the disk, their sizes): each of those is kept with
// it as typed and as found (load/attached_file.h), and a result is used again only when every
// one of them is found the same again. A file with an error is never kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <string_view>
#include <unordered_map>

#include "load/attached_file.h"
#include "load/regular_file.h"
#include "model/diagnostic.h"
#include "model/plan.h"
#include "model/progress.h"
#include "model/report.h"
#include "model/unit.h"
#include "text/content_hash.h"

namespace congkhai {

enum class ContentKind : std::uint8_t { kPlan, kProgress, kReport, kUnit };

// What parsing one content file gave: the model of its kind (none when it could not be
// read), and its problems in the order they were found.
struct ParsedFile {
  std::optional<Plan> plan;
  std::optional<ProgressRecord> record;
  std::optional<Report> report;
  std::optional<Unit> unit;
  Diagnostics diags;
  FileReferences files;  // the evidence and attachment files it names, as found

  bool operator==(const ParsedFile&) const = default;
};

// Whether `parsed` may be kept (see above).
bool is_cacheable(const ParsedFile& parsed);

std::string encode_parsed_file(ContentKind kind, const ParsedFile& parsed);
// False when `bytes` are not exactly one encoded result of `kind`.
bool decode_parsed_file(std::string_view bytes, ContentKind kind, ParsedFile* out);

// The format number: raised whenever the encoding changes.
inline constexpr std::uint64_t kParsedCacheFormat = 2;

// What the generator and the content folder a cache is for: a cache made for others is ignored.
struct ParsedCacheKey {
  std::string generator;    // version and executable hash (cli: generator_identity)
  std::string content_dir;  // as given to load_portal
};

// A cache read back: the encoded result of each file, looked up by path and bytes.
class ParsedCache {
 public:
  // The cache in `bytes`, or an empty one when they are not a sound cache for `key`.
  static ParsedCache from_bytes(std::string bytes, const ParsedCacheKey& key);
  // The encoded result for the file at `path` of `kind` whose bytes hash to `hash`; nullopt
  // when there is none (a new or changed file).
  std::optional<std::string_view> find(ContentKind kind, const std::string& path, const ContentHash& hash) const;
  // The entry for the file at `path` of `kind` when it was kept with a known stamp and the
  // file's stamp is that one, every field of it (device, inode, size, modification and
  // change time): the file was not written since its bytes were read and hashed.
  struct Stamped {
    ContentHash hash;
    std::string_view encoded;
  };
  std::optional<Stamped> find_stamped(ContentKind kind, const std::string& path, const SourceStamp& stamp) const;
  std::size_t size() const { return entries_.size(); }
  std::size_t byte_size() const { return bytes_ ? bytes_->size() : 0; }
  // The bytes it was read from ("" for an empty cache).
  std::string_view bytes() const { return bytes_ ? std::string_view(*bytes_) : std::string_view(); }
  // The hash its bytes end with ("" for an empty cache): two caches with the same size and
  // sum hold the same bytes.
  std::string_view checksum() const;

 private:
  struct Entry {
    ContentKind kind;
    ContentHash hash;
    SourceStamp stamp;           // unknown: the file is read and hashed
    std::string_view encoded;  // into bytes_
  };
  std::unique_ptr<std::string> bytes_;  // held by pointer: the entries' views stay valid on a move
  std::unordered_map<std::string_view, Entry> entries_;  // keys into bytes_ too
};

// The next cache, made entry by entry while loading.
class ParsedCacheWriter {
 public:
  // `park_path`: where park() puts the finished cache, a temporary file beside the cache.
  explicit ParsedCacheWriter(const ParsedCacheKey& key, std::string park_path = "");
  ParsedCacheWriter(const ParsedCacheWriter&) = delete;
  ParsedCacheWriter& operator=(const ParsedCacheWriter&) = delete;
  ~ParsedCacheWriter();  // removes a parked cache that was not kept
  // `stamp`: the file's stamp taken before its bytes were read and hashed, or an unknown one
  // (the next build then reads and hashes the file).
  void add(ContentKind kind, std::string_view path, const ContentHash& hash, std::string_view encoded,
           const SourceStamp& stamp = {});
  // The same, taking a freshly encoded entry whole instead of copying it.
  void add(ContentKind kind, std::string_view path, const ContentHash& hash, std::string&& encoded,
           const SourceStamp& stamp = {});
  // The same, borrowing `encoded` (an entry of the cache read, unchanged) instead of copying
  // it: its bytes must stay as they are until park() or finish(), which write or copy them.
  void add_borrowed(ContentKind kind, std::string_view path, const ContentHash& hash, std::string_view encoded,
                    const SourceStamp& stamp = {});
  std::size_t size() const { return count_; }
  // The cache's bytes; the writer is spent.
  std::string finish();
  // Finishes the cache into its park path and gives its memory back: the load's end, before
  // the stages that need the most memory (a national portal's cache is some 600 MB). Without
  // a park path it only copies what it borrowed, so that the cache read may go; a cache that
  // cannot be written is not kept.
  void park();
  bool parked() const { return parked_; }
  // After a successful build: the parked cache replaces the one at `path`, unless that one
  // is the same cache (`before_size` bytes ending in `before_sum`), which stays. False when
  // nothing sound is at `path` afterwards.
  bool keep(const std::string& path, std::size_t before_size, std::string_view before_sum);

 private:
  void put(std::string_view bytes);  // copied into the last buffer piece
  void put_header(ContentKind kind, std::string_view path, const ContentHash& hash, const SourceStamp& stamp,
                  std::size_t size);
  void own_borrowed();  // copies every borrowed piece into a piece of its own
  // The cache's bytes in order, in pieces: appending never moves what is there (a national
  // cache is some 600 MB, and a growing string would copy it, holding it twice), a fresh
  // entry is a piece of its own, moved in, and an unchanged one is borrowed from the cache
  // read (`borrowed` set, `owned` empty) until it is written.
  struct Piece {
    std::string owned;
    std::string_view borrowed;
    std::string_view bytes() const { return owned.empty() ? borrowed : std::string_view(owned); }
  };
  std::vector<Piece> pieces_;
  bool last_is_buffer_ = false;
  std::size_t count_ = 0;
  std::string park_path_;
  bool parked_ = false;
  std::size_t parked_size_ = 0;
  std::string parked_sum_;
};

// What load_portal takes from the last build's cache and gives to the next one.
struct LoadCache {
  // Null: parse every file. Emptied at the end of the load, its memory given back before the
  // later stages (a national portal's cache is some 600 MB).
  ParsedCache* previous = nullptr;
  ParsedCacheWriter* next = nullptr;      // null: keep nothing; borrows from `previous`
  // Stamps (load/regular_file.h: SourceStamp) are kept in `next` only for files whose modification and change
  // times are both before this (nanoseconds since 1970; 0: no stamp is kept). A file whose
  // kept stamp is found again is taken from `previous` without being read. The build sets it
  // a few seconds before its load starts (kStampMargin): a file written after it read the
  // file's bytes then has a change time after the one kept, even on a file system whose times
  // are coarse (FAT's are 2 s), so an edit can never keep a stamp.
  std::int64_t stamps_before_ns = 0;
  std::size_t reused = 0;  // set by load_portal: files taken from `previous`
  std::size_t parsed = 0;  //   and files parsed
  std::size_t stamped = 0;  //   of the reused, those taken by their stamp, unread
};

// How long before the load a file's times must be for its stamp to be kept.
inline constexpr std::int64_t kStampMarginNs = std::int64_t{3} * 1000000000;

// The `stamps_before_ns` of a load starting now: the machine's clock less kStampMarginNs.
std::int64_t stamps_before_now();

// Reads the cache file at `path`: an empty cache when there is none or it is unsound.
ParsedCache read_parsed_cache(const std::string& path, const ParsedCacheKey& key);
// Writes `bytes` to `path` atomically (a temporary file renamed over the old one).
bool save_parsed_cache(const std::string& bytes, const std::string& path);
void remove_parsed_cache(const std::string& path);
// Removes what builds killed before keeping their cache left beside `path` (its parked and
// temporary files, `<path>.next-<pid>`, `<path>.tmp-<pid>`). Only one build at a time writes
// into an output, so none of them is in use.
void remove_stale_parsed_caches(const std::string& path);

}  // namespace congkhai
