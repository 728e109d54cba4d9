#include "text/content_hash.h"

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

}  // namespace

// MurmurHash3 x64-128 in structure: two lanes of 8 bytes per step, mixed at the end.
ContentHash hash_bytes(std::string_view bytes) {
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  uint64_t h1 = 0x243f6a8885a308d3ULL ^ n, h2 = 0x13198a2e03707344ULL;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    uint64_t k1 = load64(p + i) * kPrime1, k2 = load64(p + i + 8) * kPrime2;
    h1 ^= rotl(k1, 31) * kPrime2;
    h1 = rotl(h1, 27) + h2;
    h1 = h1 * 5 + 0x52dce729;
    h2 ^= rotl(k2, 33) * kPrime1;
    h2 = rotl(h2, 31) + h1;
    h2 = h2 * 5 + 0x38495ab5;
  }
  char tail[16] = {};
  if (n > i) std::memcpy(tail, p + i, n - i);
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
