// The cache of parsed content files: what parsing each plan, progress record, report and
// unit.yaml gave (its model and its problems), keyed by the hash of the file's bytes, so that
// a build parses only the files whose bytes changed since the last successful build.
//
// A folder beside the build cache (write/build_cache.h: parsed_cache_path) of
// kParsedCachePieces pieces, each file's entry in the piece its path hashes to
// (parsed_cache_piece), so that a build rewrites only the pieces holding an entry that
// changed, never the whole cache. Each piece is written after a successful build only,
// atomically. Its header names the format, the piece's number, the generator that wrote it
// (its version and the hash of its executable: a parser changed in any way makes a new cache)
// and the content folder; then one entry per file: its kind, its path, the hash of its bytes,
// its stamp and the encoded result (model/model_codec.h); last, the hash of all that came
// before. A piece that does not match in every respect, is cut short or damaged is ignored as
// a whole (its files are parsed again), and an entry that does not decode is parsed again:
// the cache can make a build slower, never wrong. Every entry stands alone (a file whose stamp
// or bytes are those it keeps parses as it says), so pieces written by different builds, as a
// build killed while replacing them leaves, make a sound cache.
//
// A result depends on the file's bytes and path, and on the evidence and attachment files it
// names (whether they exist, their names on the disk, their sizes): each of those is kept with
// it as typed and as found (load/attached_file.h), and a result is used again only when every
// one of them is found the same again. A file with an error is never kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
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

// The format number: raised whenever the encoding or the pieces' layout changes.
inline constexpr std::uint64_t kParsedCacheFormat = 3;

// How many pieces the cache is kept in. A one-line edit rewrites one piece: on a national
// portal (some 600 MB of entries) about 9 MB.
inline constexpr std::size_t kParsedCachePieces = 64;

// The piece the entry of the file at `path` is kept in.
std::size_t parsed_cache_piece(std::string_view path);

// A piece's file name in the cache's folder: "00" to "63".
std::string parsed_cache_piece_name(std::size_t piece);

// What the generator and the content folder a cache is for: a cache made for others is ignored.
struct ParsedCacheKey {
  std::string generator;    // version and executable hash (cli: generator_identity)
  std::string content_dir;  // as given to load_portal
};

class ParsedCache;
ParsedCache read_parsed_cache(const std::string& dir, const ParsedCacheKey& key, int threads);

// A cache read back: the encoded result of each file, looked up by path and bytes.
class ParsedCache {
 public:
  ParsedCache();
  // The cache whose piece i is `pieces[i]` (kParsedCachePieces of them, or fewer: the rest
  // missing); a piece that is missing, or not a sound piece i for `key`, is left empty.
  // Pieces are checked and indexed on `threads` threads.
  static ParsedCache from_pieces(std::vector<std::string> pieces, const ParsedCacheKey& key, int threads = 1);

  // An entry found: the hash of the file's bytes and its stamp when it was kept, its
  // encoded result, and where it is (its piece and its place there).
  struct Found {
    ContentHash hash;
    SourceStamp stamp;
    std::string_view encoded;
    std::size_t piece = 0;
    std::size_t index = 0;
  };
  // The entry for the file at `path` of `kind` whose bytes hash to `hash`; nullopt when there
  // is none (a new or changed file).
  std::optional<Found> find(ContentKind kind, std::string_view path, const ContentHash& hash) const;
  // The entry for the file at `path` of `kind` when it was kept with a known stamp and the
  // file's stamp is that one, every field of it (device, inode, size, modification and
  // change time): the file was not written since its bytes were read and hashed.
  std::optional<Found> find_stamped(ContentKind kind, std::string_view path, const SourceStamp& stamp) const;
  std::size_t size() const;                           // entries, all pieces together
  std::size_t piece_size(std::size_t piece) const;    // entries of one piece (0: missing or unsound)

 private:
  struct Entry {
    ContentKind kind;
    ContentHash hash;
    SourceStamp stamp;         // unknown: the file is read and hashed
    std::string_view encoded;  // into the piece's bytes
    std::size_t index;         // its place in its piece
  };
  struct Piece {
    std::unique_ptr<std::string> bytes;  // held by pointer: the entries' views stay valid on a move
    std::unordered_map<std::string_view, Entry> entries;  // keys into bytes too
  };
  static Piece read_piece(std::string bytes, std::size_t number, const ParsedCacheKey& key);
  std::optional<Found> found(std::size_t piece, const Entry& e) const;
  friend ParsedCache read_parsed_cache(const std::string& dir, const ParsedCacheKey& key, int threads);
  std::vector<Piece> pieces_;
};

// The next cache, made entry by entry while loading, each entry into its piece.
class ParsedCacheWriter {
 public:
  // `dir`: the cache's folder, into which park() puts the pieces that changed, beside the
  // ones they replace (`<piece>.next-<pid>`); none: the pieces are only finished in memory.
  explicit ParsedCacheWriter(const ParsedCacheKey& key, std::string dir = "");
  ParsedCacheWriter(const ParsedCacheWriter&) = delete;
  ParsedCacheWriter& operator=(const ParsedCacheWriter&) = delete;
  ~ParsedCacheWriter();  // removes parked pieces that were not kept
  // `stamp`: the file's stamp taken before its bytes were read and hashed, or an unknown one
  // (the next build then reads and hashes the file).
  void add(ContentKind kind, std::string_view path, const ContentHash& hash, std::string_view encoded,
           const SourceStamp& stamp = {});
  // The same, taking a freshly encoded entry whole instead of copying it.
  void add(ContentKind kind, std::string_view path, const ContentHash& hash, std::string&& encoded,
           const SourceStamp& stamp = {});
  // The entry `from` of the cache read, unchanged but maybe for its stamp, borrowed instead of
  // copied: its bytes must stay as they are until park() or finish(), which write or copy
  // them. A piece whose entries are all those of its piece read, in their order and with
  // their stamps, is not written again.
  void add_borrowed(ContentKind kind, std::string_view path, const ParsedCache::Found& from,
                    const SourceStamp& stamp = {});
  std::size_t size() const { return count_; }
  // The memory its own pieces hold: about the bytes it copied or was given, never a buffer per
  // entry.
  std::size_t held_bytes() const;
  // Each piece's bytes (kParsedCachePieces of them, "" for a piece without entries); the
  // writer is spent.
  std::vector<std::string> finish();
  // Finishes the pieces that differ from those of `previous` (the cache read, whose entries
  // it borrows; null: every piece differs) into the folder and gives its memory back: the
  // load's end, before the stages that need the most memory. Without a folder it only copies
  // what it borrowed, so that the cache read may go; a piece that cannot be written is not
  // kept.
  void park(const ParsedCache* previous);
  bool parked() const { return parked_; }
  // How many pieces park() wrote, and how many it found unchanged.
  std::size_t pieces_written() const { return written_; }
  // After a successful build: the parked pieces replace those in the folder, each by a
  // rename, and the pieces left without entries are removed. False when a piece could not
  // be kept (it is then removed: its files are parsed again).
  bool keep();

 private:
  struct Out;
  Out& out_of(std::string_view path);
  void put_header(Out& out, ContentKind kind, std::string_view path, const ContentHash& hash,
                  const SourceStamp& stamp, std::size_t size);
  std::string piece_path(std::size_t piece) const;
  std::string parked_path(std::size_t piece) const;

  // A piece's bytes in order, in parts: appending never moves what is there (a national
  // cache is some 600 MB, and a growing string would copy it, holding it twice), a fresh
  // entry is a part of its own, moved in, and an unchanged one is borrowed from the cache
  // read (`borrowed` set, `owned` empty) until it is written.
  struct Part {
    std::string owned;
    std::string_view borrowed;
    std::string_view bytes() const { return owned.empty() ? borrowed : std::string_view(owned); }
  };
  struct Out {
    std::vector<Part> parts;
    bool last_is_buffer = false;
    std::size_t count = 0;
    bool same = true;  // so far every entry the one of the piece read at the same place
    enum class State { kOpen, kUnchanged, kParked, kEmpty, kFailed } state = State::kOpen;
    void put(std::string_view bytes);  // copied into the last buffer part
  };
  std::string header_;  // the start every piece shares but for its number
  std::vector<Out> outs_;
  std::size_t count_ = 0;
  std::string dir_;
  bool parked_ = false;
  std::size_t written_ = 0;
};

// How long before the load a file's times must be for its stamp to be kept.
inline constexpr std::int64_t kStampMarginNs = std::int64_t{3} * 1000000000;

// The `stamps_before_ns` of a load starting now: the machine's clock less kStampMarginNs.
std::int64_t stamps_before_now();

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
  // The same margin as of the load's end. A file whose times were too recent at the start
  // (written just before the build: a fresh clone, a generated corpus) is looked at again
  // there, as a load starting then would: when its times are now older than this and its
  // bytes, read again, are those parsed, its stamp is kept after all, so the next build does
  // not read it. A national load takes seconds: the margin has passed for most such files.
  // stamps_before_now, or a test's clock.
  std::function<std::int64_t()> stamps_before_at_end = stamps_before_now;
  std::size_t reused = 0;  // set by load_portal: files taken from `previous`
  std::size_t parsed = 0;  //   and files parsed
  std::size_t stamped = 0;  //   of the reused, those taken by their stamp, unread
};


// Reads the cache's pieces in the folder `dir` on `threads` threads: a piece that is missing
// or unsound is left empty.
ParsedCache read_parsed_cache(const std::string& dir, const ParsedCacheKey& key, int threads);
// Writes `pieces` (as finish() gives them) into the folder `dir`, each atomically (a temporary
// file renamed over the old one); a piece without entries is removed.
bool save_parsed_cache(const std::vector<std::string>& pieces, const std::string& dir);
// Removes the cache: its folder and all in it.
void remove_parsed_cache(const std::string& dir);
// Removes from the folder `dir` every file that is not one of its pieces: what builds killed
// before keeping their pieces left (`<piece>.next-<pid>`, `<piece>.tmp-<pid>`), and pieces of
// another layout; and what is at `dir` when it is not a folder (a cache of an older format,
// in one file), with the temporary files beside it. Only one build at a time writes into an
// output, so none of them is in use.
void remove_stale_parsed_caches(const std::string& dir);

}  // namespace congkhai
