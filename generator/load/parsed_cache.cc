#include "load/parsed_cache.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <vector>

#include "load/regular_file.h"
#include "model/model_codec.h"
#include "text/byte_codec.h"
#include "text/parallel_for.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "congkhai-parsed\n";
constexpr std::size_t kHashBytes = 16;

void put_hash(ByteWriter& w, const ContentHash& h) {
  for (int i = 0; i < 8; ++i) w.byte(static_cast<std::uint8_t>(h.high >> (8 * i)));
  for (int i = 0; i < 8; ++i) w.byte(static_cast<std::uint8_t>(h.low >> (8 * i)));
}

bool get_hash(ByteReader& r, ContentHash* h) {
  std::string_view b;
  if (!r.raw(kHashBytes, &b)) return false;
  *h = {};
  for (int i = 0; i < 8; ++i) h->high |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(b[i])) << (8 * i);
  for (int i = 0; i < 8; ++i) h->low |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(b[8 + i])) << (8 * i);
  return true;
}

void put_stamp(ByteWriter& w, const SourceStamp& s) {
  w.varint(s.device);
  w.varint(s.inode);
  w.varint(s.size);
  w.signed_varint(s.modified_ns);
  w.signed_varint(s.changed_ns);
}

bool get_stamp(ByteReader& r, SourceStamp* s) {
  return r.varint(&s->device) && r.varint(&s->inode) && r.varint(&s->size) && r.signed_varint(&s->modified_ns) &&
         r.signed_varint(&s->changed_ns);
}

template <typename T>
void put_model(ByteWriter& w, const std::optional<T>& model) {
  w.boolean(model.has_value());
  if (model) encode(w, *model);
}

template <typename T>
bool get_model(ByteReader& r, std::optional<T>* model) {
  bool has;
  if (!r.boolean(&has)) return false;
  if (!has) return true;
  return decode(r, &model->emplace());
}

}  // namespace

#if defined(__x86_64__) && defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(ParsedFile) == 2000 && sizeof(FileReference) == 104,
              "ParsedFile or FileReference changed: encode and decode the new field below");
#endif

bool is_cacheable(const ParsedFile& parsed) {
  for (const Diagnostic& d : parsed.diags)
    if (!d.warning) return false;
  return true;
}

std::string encode_parsed_file(ContentKind kind, const ParsedFile& parsed) {
  ByteWriter w;
  switch (kind) {
    case ContentKind::kPlan: put_model(w, parsed.plan); break;
    case ContentKind::kProgress: put_model(w, parsed.record); break;
    case ContentKind::kReport: put_model(w, parsed.report); break;
    case ContentKind::kUnit: put_model(w, parsed.unit); break;
  }
  w.varint(parsed.diags.size());
  for (const Diagnostic& d : parsed.diags) encode(w, d);
  w.varint(parsed.files.size());
  for (const FileReference& f : parsed.files) {
    w.text(f.typed);
    w.text(f.found.relative);
    w.text(f.found.on_disk);
    w.signed_varint(f.found.bytes);
  }
  return w.take();
}

bool decode_parsed_file(std::string_view bytes, ContentKind kind, ParsedFile* out) {
  *out = ParsedFile{};
  ByteReader r(bytes);
  bool ok = false;
  switch (kind) {
    case ContentKind::kPlan: ok = get_model(r, &out->plan); break;
    case ContentKind::kProgress: ok = get_model(r, &out->record); break;
    case ContentKind::kReport: ok = get_model(r, &out->report); break;
    case ContentKind::kUnit: ok = get_model(r, &out->unit); break;
  }
  std::size_t n = 0;
  if (!ok || !r.count(&n)) return false;
  out->diags.resize(n);
  for (Diagnostic& d : out->diags)
    if (!decode(r, &d)) return false;
  if (!r.count(&n)) return false;
  out->files.resize(n);
  for (FileReference& f : out->files)
    if (!r.text(&f.typed) || !r.text(&f.found.relative) || !r.text(&f.found.on_disk) || !r.integer(&f.found.bytes))
      return false;
  return r.ok() && r.at_end();
}

std::size_t parsed_cache_piece(std::string_view path) {
  return static_cast<std::size_t>(hash_bytes(path).low % kParsedCachePieces);
}

std::string parsed_cache_piece_name(std::size_t piece) {
  return {static_cast<char>('0' + piece / 10 % 10), static_cast<char>('0' + piece % 10)};
}

ParsedCache::ParsedCache() : pieces_(kParsedCachePieces) {}

ParsedCache::Piece ParsedCache::read_piece(std::string bytes, std::size_t number, const ParsedCacheKey& key) {
  Piece piece;
  if (bytes.size() < kMagic.size() + kHashBytes) return piece;
  const std::string_view all(bytes);
  const std::string_view body = all.substr(0, all.size() - kHashBytes);
  {
    ByteReader tail(all.substr(body.size()));
    ContentHash sum;
    if (!get_hash(tail, &sum) || sum != hash_bytes(body)) return piece;
  }
  ByteReader r(body);
  std::string_view magic, generator, content_dir;
  std::uint64_t format = 0, piece_number = 0;
  if (!r.raw(kMagic.size(), &magic) || magic != kMagic || !r.varint(&format) || format != kParsedCacheFormat ||
      !r.varint(&piece_number) || piece_number != number || !r.text_view(&generator) ||
      generator != key.generator || !r.text_view(&content_dir) || content_dir != key.content_dir)
    return piece;
  std::unordered_map<std::string_view, Entry> entries;
  for (std::size_t index = 0;; ++index) {
    bool more;
    if (!r.boolean(&more)) return piece;
    if (!more) break;
    std::uint64_t kind;
    std::string_view path, encoded;
    ContentHash hash;
    SourceStamp stamp;
    if (!r.below(static_cast<std::uint64_t>(ContentKind::kUnit) + 1, &kind) || !r.text_view(&path) ||
        !get_hash(r, &hash) || !get_stamp(r, &stamp) || !r.text_view(&encoded))
      return piece;
    // An entry in a piece its path does not hash to would never be found where the next
    // build puts it: the piece is not one this generator wrote.
    if (parsed_cache_piece(path) != number) return piece;
    entries.emplace(path, Entry{static_cast<ContentKind>(kind), hash, stamp, encoded, index});
  }
  if (!r.at_end()) return piece;
  // The views point into `bytes`' buffer, which moves with it (it is far too long to be held
  // inside the string object).
  piece.bytes = std::make_unique<std::string>(std::move(bytes));
  if (piece.bytes->data() != all.data()) return Piece{};
  piece.entries = std::move(entries);
  return piece;
}

ParsedCache ParsedCache::from_pieces(std::vector<std::string> pieces, const ParsedCacheKey& key, int threads) {
  ParsedCache cache;
  pieces.resize(std::min(pieces.size(), kParsedCachePieces));
  parallel_for(pieces.size(), threads,
               [&](std::size_t i) { cache.pieces_[i] = read_piece(std::move(pieces[i]), i, key); });
  return cache;
}

std::size_t ParsedCache::size() const {
  std::size_t n = 0;
  for (const Piece& p : pieces_) n += p.entries.size();
  return n;
}

std::size_t ParsedCache::piece_size(std::size_t piece) const {
  return piece < pieces_.size() ? pieces_[piece].entries.size() : 0;
}

std::optional<ParsedCache::Found> ParsedCache::found(std::size_t piece, const Entry& e) const {
  return Found{e.hash, e.stamp, e.encoded, piece, e.index};
}

std::optional<ParsedCache::Found> ParsedCache::find(ContentKind kind, std::string_view path,
                                                    const ContentHash& hash) const {
  const std::size_t piece = parsed_cache_piece(path);
  const auto& entries = pieces_[piece].entries;
  auto it = entries.find(path);
  if (it == entries.end() || it->second.kind != kind || it->second.hash != hash) return std::nullopt;
  return found(piece, it->second);
}

std::optional<ParsedCache::Found> ParsedCache::find_stamped(ContentKind kind, std::string_view path,
                                                            const SourceStamp& stamp) const {
  const std::size_t piece = parsed_cache_piece(path);
  const auto& entries = pieces_[piece].entries;
  auto it = entries.find(path);
  if (it == entries.end() || it->second.kind != kind || !it->second.stamp.known() || it->second.stamp != stamp)
    return std::nullopt;
  return found(piece, it->second);
}

std::int64_t stamps_before_now() {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec - kStampMarginNs;
}

ParsedCacheWriter::ParsedCacheWriter(const ParsedCacheKey& key, std::string dir)
    : outs_(kParsedCachePieces), dir_(std::move(dir)) {
  ByteWriter w;
  w.text(key.generator);
  w.text(key.content_dir);
  header_ = std::string(w.bytes());
}

std::string ParsedCacheWriter::piece_path(std::size_t piece) const {
  return (fs::path(dir_) / parsed_cache_piece_name(piece)).string();
}

std::string ParsedCacheWriter::parked_path(std::size_t piece) const {
  return piece_path(piece) + ".next-" + std::to_string(::getpid());
}

void ParsedCacheWriter::Out::put(std::string_view bytes) {
  // Small, so that a portal with a few files in every piece holds little; a national one's
  // fresh entries are parts of their own.
  constexpr std::size_t kBufferBytes = std::size_t{64} << 10;
  if (!last_is_buffer || parts.back().owned.size() + bytes.size() > parts.back().owned.capacity()) {
    parts.emplace_back().owned.reserve(std::max(kBufferBytes, bytes.size()));
    last_is_buffer = true;
  }
  parts.back().owned += bytes;
}

ParsedCacheWriter::Out& ParsedCacheWriter::out_of(std::string_view path) {
  Out& out = outs_[parsed_cache_piece(path)];
  if (out.parts.empty()) {  // the piece's header, before its first entry
    ByteWriter w;
    w.raw(kMagic);
    w.varint(kParsedCacheFormat);
    w.varint(static_cast<std::uint64_t>(&out - outs_.data()));
    w.raw(header_);
    out.put(w.bytes());
  }
  return out;
}

void ParsedCacheWriter::put_header(Out& out, ContentKind kind, std::string_view path, const ContentHash& hash,
                                   const SourceStamp& stamp, std::size_t size) {
  ByteWriter w;
  w.boolean(true);
  w.varint(static_cast<std::uint64_t>(kind));
  w.text(path);
  put_hash(w, hash);
  put_stamp(w, stamp);
  w.varint(size);
  ++out.count;
  ++count_;
  // Into the buffer when it has room; else a part of its own size. A fresh buffer here, after
  // a moved or borrowed entry, would be a buffer per entry: on a national portal some
  // gigabytes of address space, and jemalloc's metadata for it, never given back.
  if (out.last_is_buffer && out.parts.back().owned.size() + w.bytes().size() <= out.parts.back().owned.capacity()) {
    out.parts.back().owned += w.bytes();
    return;
  }
  out.parts.push_back({std::string(w.bytes()), {}});
  out.last_is_buffer = false;
}

std::size_t ParsedCacheWriter::held_bytes() const {
  std::size_t held = 0;
  for (const Out& out : outs_)
    for (const Part& p : out.parts) held += p.owned.capacity();
  return held;
}

void ParsedCacheWriter::add(ContentKind kind, std::string_view path, const ContentHash& hash,
                            std::string_view encoded, const SourceStamp& stamp) {
  Out& out = out_of(path);
  out.same = false;
  put_header(out, kind, path, hash, stamp, encoded.size());
  out.put(encoded);
}

void ParsedCacheWriter::add(ContentKind kind, std::string_view path, const ContentHash& hash,
                            std::string&& encoded, const SourceStamp& stamp) {
  Out& out = out_of(path);
  out.same = false;
  put_header(out, kind, path, hash, stamp, encoded.size());
  if (encoded.empty()) return;  // an empty part would read as a borrowed one
  out.parts.push_back({std::move(encoded), {}});
  out.last_is_buffer = false;
}

void ParsedCacheWriter::add_borrowed(ContentKind kind, std::string_view path, const ParsedCache::Found& from,
                                     const SourceStamp& stamp) {
  Out& out = out_of(path);
  // The same entry at the same place of the same piece: its bytes in the piece read are
  // those it would be written with.
  if (from.piece != static_cast<std::size_t>(&out - outs_.data()) || from.index != out.count || from.stamp != stamp)
    out.same = false;
  put_header(out, kind, path, from.hash, stamp, from.encoded.size());
  if (from.encoded.empty()) return;
  out.parts.push_back({{}, from.encoded});
  out.last_is_buffer = false;
}

namespace {

// The end of a piece's entries.
std::string_view end_of_entries() {
  static const std::string end(1, '\0');
  return end;
}

}  // namespace

std::vector<std::string> ParsedCacheWriter::finish() {
  std::vector<std::string> pieces(outs_.size());
  for (std::size_t i = 0; i < outs_.size(); ++i) {
    Out& o = outs_[i];
    if (o.count == 0) continue;
    o.put(end_of_entries());
    std::string& out = pieces[i];
    std::size_t total = 0;
    for (const Part& p : o.parts) total += p.bytes().size();
    out.reserve(total + kHashBytes);
    for (Part& p : o.parts) {
      out += p.bytes();
      std::string().swap(p.owned);
    }
    o.parts.clear();
    ByteWriter sum;
    put_hash(sum, hash_bytes(out));
    out += sum.bytes();
  }
  outs_.clear();
  return pieces;
}

ParsedCacheWriter::~ParsedCacheWriter() {
  std::error_code ec;
  for (std::size_t i = 0; i < outs_.size(); ++i)
    if (outs_[i].state == Out::State::kParked) fs::remove(parked_path(i), ec);
}

void ParsedCacheWriter::park(const ParsedCache* previous) {
  if (parked_) return;
  if (dir_.empty()) {  // every borrowed part copied, so that the cache read may go
    for (Out& o : outs_)
      for (Part& p : o.parts)
        if (p.owned.empty() && !p.borrowed.empty()) {
          p.owned = std::string(p.borrowed);
          p.borrowed = {};
        }
    return;
  }
  parked_ = true;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  for (std::size_t i = 0; i < outs_.size(); ++i) {
    Out& o = outs_[i];
    const std::size_t before = previous ? previous->piece_size(i) : 0;
    if (o.count == 0) {
      o.state = Out::State::kEmpty;
      continue;
    }
    if (previous && o.same && o.count == before) {  // the piece read, byte for byte
      o.state = Out::State::kUnchanged;
      std::vector<Part>().swap(o.parts);
      continue;
    }
    o.put(end_of_entries());
    std::size_t total = 0;
    for (const Part& p : o.parts) total += p.bytes().size();
    BytesHasher hasher(total);
    std::ofstream file(parked_path(i), std::ios::binary | std::ios::trunc);
    for (Part& p : o.parts) {  // each part written, summed and freed in turn
      const std::string_view bytes = p.bytes();
      hasher.add(bytes);
      file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      std::string().swap(p.owned);
    }
    std::vector<Part>().swap(o.parts);
    ByteWriter sum;
    put_hash(sum, hasher.finish());
    file.write(sum.bytes().data(), static_cast<std::streamsize>(sum.bytes().size()));
    file.close();
    o.state = file ? Out::State::kParked : Out::State::kFailed;  // a parked one is removed unless kept
    if (!file) fs::remove(parked_path(i), ec);
    ++written_;
  }
}

bool ParsedCacheWriter::keep() {
  if (!parked_) return false;
  bool all = true;
  std::error_code ec;
  for (std::size_t i = 0; i < outs_.size(); ++i) {
    Out& o = outs_[i];
    switch (o.state) {
      case Out::State::kParked:
        fs::rename(parked_path(i), piece_path(i), ec);
        if (ec) {
          fs::remove(parked_path(i), ec);
          fs::remove(piece_path(i), ec);
          all = false;
        }
        o.state = Out::State::kUnchanged;
        break;
      case Out::State::kFailed:  // the piece there, if any, holds entries of an older build
        fs::remove(piece_path(i), ec);
        all = false;
        break;
      case Out::State::kEmpty: fs::remove(piece_path(i), ec); break;
      default: break;
    }
  }
  return all;
}

ParsedCache read_parsed_cache(const std::string& dir, const ParsedCacheKey& key, int threads) {
  std::vector<std::string> pieces(kParsedCachePieces);
  std::error_code ec;
  if (!fs::is_directory(dir, ec) || fs::is_symlink(dir, ec)) return ParsedCache{};
  // Each piece read on the thread that checks it. A regular file only: a pipe put in its
  // place must not block the build.
  ParsedCache cache;
  parallel_for(kParsedCachePieces, threads, [&](std::size_t i) {
    RegularFile read =
        read_regular_file((fs::path(dir) / parsed_cache_piece_name(i)).string(), std::numeric_limits<std::size_t>::max());
    if (read.status == RegularFile::Status::kOk) cache.pieces_[i] = ParsedCache::read_piece(std::move(read.bytes), i, key);
  });
  return cache;
}

bool save_parsed_cache(const std::vector<std::string>& pieces, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  bool all = true;
  for (std::size_t i = 0; i < kParsedCachePieces; ++i) {
    const std::string path = (fs::path(dir) / parsed_cache_piece_name(i)).string();
    if (i >= pieces.size() || pieces[i].empty()) {
      fs::remove(path, ec);
      continue;
    }
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(pieces[i].data(), static_cast<std::streamsize>(pieces[i].size()));
    out.close();
    if (out) fs::rename(tmp, path, ec);
    if (!out || ec) {
      fs::remove(tmp, ec);
      all = false;
    }
  }
  return all;
}

void remove_parsed_cache(const std::string& dir) {
  std::error_code ec;
  fs::remove_all(dir, ec);  // a link there is removed, not what it points to
}

void remove_stale_parsed_caches(const std::string& dir) {
  const fs::path p(dir);
  std::error_code ec;
  // What an older format left: the cache in one file, its temporary files beside it.
  const std::string name = p.filename().string();
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(p.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (entry.rfind(name + ".next-", 0) == 0 || entry.rfind(name + ".tmp-", 0) == 0) stale.push_back(it->path());
  }
  if (fs::exists(fs::symlink_status(p, ec)) && (fs::is_symlink(p, ec) || !fs::is_directory(p, ec)))
    stale.push_back(p);
  else {
    std::set<std::string> pieces;
    for (std::size_t i = 0; i < kParsedCachePieces; ++i) pieces.insert(parsed_cache_piece_name(i));
    for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
      if (!pieces.count(it->path().filename().string())) stale.push_back(it->path());
  }
  for (const fs::path& s : stale) fs::remove_all(s, ec);  // a link is removed, not what it points to
}

}  // namespace congkhai
