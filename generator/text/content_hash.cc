#include "text/content_hash.h"

#include <algorithm>
#include <cstring>

namespace congkhai {

namespace {

constexpr uint64_t kPrime1 = 0x9e3779b185ebca87ULL;
constexpr uint64_t kPrime2 = 0xc2b2ae3d27d4eb4fULL;

uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;  // little-endian hosts only give the published values; the cache is local anyway
}

constexpr uint64_t kSeed1 = 0x243f6a8885a308d3ULL, kSeed2 = 0x13198a2e03707344ULL;

// One 16-byte block into the two lanes.
inline void mix_block(uint64_t& h1, uint64_t& h2, const char* p) {
  uint64_t k1 = load64(p) * kPrime1, k2 = load64(p + 8) * kPrime2;
  h1 ^= rotl(k1, 31) * kPrime2;
  h1 = rotl(h1, 27) + h2;
  h1 = h1 * 5 + 0x52dce729;
  h2 ^= rotl(k2, 33) * kPrime1;
  h2 = rotl(h2, 31) + h1;
  h2 = h2 * 5 + 0x38495ab5;
}

// The last, partial block (`size` < 16 bytes, possibly none) and the final mixing.
ContentHash finish_hash(uint64_t h1, uint64_t h2, const char* rest, std::size_t size) {
  char tail[16] = {};
  if (size) std::memcpy(tail, rest, size);
  h1 ^= rotl(load64(tail) * kPrime1, 31) * kPrime2;
  h2 ^= rotl(load64(tail + 8) * kPrime2, 33) * kPrime1;
  h1 += h2;
  h2 += h1;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 += h2;
  h2 += h1;
  return {h1, h2};
}

}  // namespace

// MurmurHash3 x64-128 in structure: two lanes of 8 bytes per step, mixed at the end.
ContentHash hash_bytes(std::string_view bytes) {
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  uint64_t h1 = kSeed1 ^ n, h2 = kSeed2;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) mix_block(h1, h2, p + i);
  return finish_hash(h1, h2, p + i, n - i);
}

BytesHasher::BytesHasher(std::size_t total_size)
    : h1_(kSeed1 ^ total_size), h2_(kSeed2) {}

void BytesHasher::add(std::string_view piece) {
  const char* p = piece.data();
  std::size_t n = piece.size();
  if (pending_size_) {  // complete the block begun by earlier pieces
    std::size_t take = std::min(n, 16 - pending_size_);
    std::memcpy(pending_ + pending_size_, p, take);
    pending_size_ += take;
    p += take;
    n -= take;
    if (pending_size_ < 16) return;
    mix_block(h1_, h2_, pending_);
    pending_size_ = 0;
  }
  for (; n >= 16; p += 16, n -= 16) mix_block(h1_, h2_, p);
  if (n) std::memcpy(pending_, p, n);
  pending_size_ = n;
}

ContentHash BytesHasher::finish() const { return finish_hash(h1_, h2_, pending_, pending_size_); }

std::string ContentHash::hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(32, '0');
  for (int i = 0; i < 16; ++i) {
    s[15 - i] = kDigits[(high >> (4 * i)) & 15];
    s[31 - i] = kDigits[(low >> (4 * i)) & 15];
  }
  return s;
}

void ContentHasher::add(std::string_view piece) {
  buffer_ += std::to_string(piece.size());
  buffer_ += ':';
  buffer_ += piece;
}

}  // namespace congkhai
