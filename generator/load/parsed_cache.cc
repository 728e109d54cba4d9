#include "load/parsed_cache.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <vector>

#include "load/regular_file.h"
#include "model/model_codec.h"
#include "text/byte_codec.h"

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

ParsedCache ParsedCache::from_bytes(std::string bytes, const ParsedCacheKey& key) {
  ParsedCache cache;
  if (bytes.size() < kMagic.size() + kHashBytes) return cache;
  const std::string_view all(bytes);
  const std::string_view body = all.substr(0, all.size() - kHashBytes);
  {
    ByteReader tail(all.substr(body.size()));
    ContentHash sum;
    if (!get_hash(tail, &sum) || sum != hash_bytes(body)) return cache;
  }
  ByteReader r(body);
  std::string_view magic, generator, content_dir;
  std::uint64_t format = 0;
  if (!r.raw(kMagic.size(), &magic) || magic != kMagic || !r.varint(&format) || format != kParsedCacheFormat ||
      !r.text_view(&generator) || generator != key.generator || !r.text_view(&content_dir) ||
      content_dir != key.content_dir)
    return cache;
  std::unordered_map<std::string_view, Entry> entries;
  for (;;) {
    bool more;
    if (!r.boolean(&more)) return cache;
    if (!more) break;
    std::uint64_t kind;
    std::string_view path, encoded;
    ContentHash hash;
    SourceStamp stamp;
    if (!r.below(static_cast<std::uint64_t>(ContentKind::kUnit) + 1, &kind) || !r.text_view(&path) ||
        !get_hash(r, &hash) || !get_stamp(r, &stamp) || !r.text_view(&encoded))
      return cache;
    entries.emplace(path, Entry{static_cast<ContentKind>(kind), hash, stamp, encoded});
  }
  if (!r.at_end()) return cache;
  // The views point into `bytes`' buffer, which moves with it (it is far too long to be held
  // inside the string object).
  cache.bytes_ = std::make_unique<std::string>(std::move(bytes));
  if (cache.bytes_->data() != all.data()) return ParsedCache{};
  cache.entries_ = std::move(entries);
  return cache;
}

std::string_view ParsedCache::checksum() const {
  return bytes_ ? std::string_view(*bytes_).substr(bytes_->size() - kHashBytes) : std::string_view();
}

std::optional<std::string_view> ParsedCache::find(ContentKind kind, const std::string& path,
                                                  const ContentHash& hash) const {
  auto it = entries_.find(path);
  if (it == entries_.end() || it->second.kind != kind || it->second.hash != hash) return std::nullopt;
  return it->second.encoded;
}

std::optional<ParsedCache::Stamped> ParsedCache::find_stamped(ContentKind kind, const std::string& path,
                                                              const SourceStamp& stamp) const {
  auto it = entries_.find(path);
  if (it == entries_.end() || it->second.kind != kind || !it->second.stamp.known() || it->second.stamp != stamp)
    return std::nullopt;
  return Stamped{it->second.hash, it->second.encoded};
}

std::int64_t stamps_before_now() {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec - kStampMarginNs;
}

ParsedCacheWriter::ParsedCacheWriter(const ParsedCacheKey& key, std::string park_path)
    : park_path_(std::move(park_path)) {
  ByteWriter w;
  w.raw(kMagic);
  w.varint(kParsedCacheFormat);
  w.text(key.generator);
  w.text(key.content_dir);
  put(w.bytes());
}

void ParsedCacheWriter::put(std::string_view bytes) {
  constexpr std::size_t kBufferBytes = std::size_t{4} << 20;
  if (!last_is_buffer_ || pieces_.back().owned.size() + bytes.size() > pieces_.back().owned.capacity()) {
    pieces_.emplace_back().owned.reserve(std::max(kBufferBytes, bytes.size()));
    last_is_buffer_ = true;
  }
  pieces_.back().owned += bytes;
}

void ParsedCacheWriter::put_header(ContentKind kind, std::string_view path, const ContentHash& hash,
                                   const SourceStamp& stamp, std::size_t size) {
  ByteWriter w;
  w.boolean(true);
  w.varint(static_cast<std::uint64_t>(kind));
  w.text(path);
  put_hash(w, hash);
  put_stamp(w, stamp);
  w.varint(size);
  put(w.bytes());
  ++count_;
}

void ParsedCacheWriter::add(ContentKind kind, std::string_view path, const ContentHash& hash,
                            std::string_view encoded, const SourceStamp& stamp) {
  put_header(kind, path, hash, stamp, encoded.size());
  put(encoded);
}

void ParsedCacheWriter::add(ContentKind kind, std::string_view path, const ContentHash& hash,
                            std::string&& encoded, const SourceStamp& stamp) {
  put_header(kind, path, hash, stamp, encoded.size());
  if (encoded.empty()) return;  // an empty piece would read as a borrowed one
  pieces_.push_back({std::move(encoded), {}});
  last_is_buffer_ = false;
}

void ParsedCacheWriter::add_borrowed(ContentKind kind, std::string_view path, const ContentHash& hash,
                                     std::string_view encoded, const SourceStamp& stamp) {
  put_header(kind, path, hash, stamp, encoded.size());
  pieces_.push_back({{}, encoded});
  last_is_buffer_ = false;
}

void ParsedCacheWriter::own_borrowed() {
  for (Piece& p : pieces_)
    if (p.owned.empty() && !p.borrowed.empty()) {
      p.owned = std::string(p.borrowed);
      p.borrowed = {};
    }
}

std::string ParsedCacheWriter::finish() {
  ByteWriter w;
  w.boolean(false);
  put(w.bytes());
  std::string out;
  std::size_t total = 0;
  for (const Piece& p : pieces_) total += p.bytes().size();
  out.reserve(total + kHashBytes);
  for (Piece& p : pieces_) {
    out += p.bytes();
    std::string().swap(p.owned);
  }
  pieces_.clear();
  ByteWriter sum;
  put_hash(sum, hash_bytes(out));
  out += sum.bytes();
  return out;
}

ParsedCacheWriter::~ParsedCacheWriter() {
  if (parked_) remove_parsed_cache(park_path_);
}

void ParsedCacheWriter::park() {
  if (parked_) return;
  if (park_path_.empty()) return own_borrowed();
  ByteWriter end;
  end.boolean(false);
  put(end.bytes());
  std::size_t total = 0;
  for (const Piece& p : pieces_) total += p.bytes().size();
  BytesHasher hasher(total);
  std::error_code ec;
  fs::create_directories(fs::path(park_path_).parent_path(), ec);
  std::ofstream out(park_path_, std::ios::binary | std::ios::trunc);
  for (Piece& p : pieces_) {  // each piece written, summed and freed in turn
    const std::string_view bytes = p.bytes();
    hasher.add(bytes);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::string().swap(p.owned);
  }
  pieces_.clear();
  ByteWriter sum;
  put_hash(sum, hasher.finish());
  out.write(sum.bytes().data(), static_cast<std::streamsize>(sum.bytes().size()));
  out.close();
  parked_ = true;  // from here on the destructor removes it, written or not
  parked_size_ = out ? total + sum.bytes().size() : 0;
  parked_sum_ = std::string(sum.bytes());
}

bool ParsedCacheWriter::keep(const std::string& path, std::size_t before_size, std::string_view before_sum) {
  if (!parked_ || parked_size_ == 0) return false;
  if (parked_size_ == before_size && parked_sum_ == before_sum) return true;  // the same cache
  std::error_code ec;
  fs::rename(park_path_, path, ec);
  if (ec) return false;
  parked_ = false;
  return true;
}

ParsedCache read_parsed_cache(const std::string& path, const ParsedCacheKey& key) {
  // A regular file only: a pipe put in its place must not block the build.
  RegularFile read = read_regular_file(path, std::numeric_limits<std::size_t>::max());
  if (read.status != RegularFile::Status::kOk) return ParsedCache{};
  return ParsedCache::from_bytes(std::move(read.bytes), key);
}

bool save_parsed_cache(const std::string& bytes, const std::string& path) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

void remove_parsed_cache(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

void remove_stale_parsed_caches(const std::string& path) {
  const fs::path p(path);
  const std::string name = p.filename().string();
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(p.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (entry.rfind(name + ".next-", 0) == 0 || entry.rfind(name + ".tmp-", 0) == 0) stale.push_back(it->path());
  }
  for (const fs::path& s : stale) fs::remove(s, ec);  // a link is removed, not what it points to
}

}  // namespace congkhai
