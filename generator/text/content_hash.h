// A fast 128-bit hash of bytes, for the incremental build cache: it tells whether a page's
// inputs or an output file's bytes changed since the last build. Not cryptographic: the cache
// lives beside the output, written by the same user, and is not defended against forgery.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace congkhai {

struct ContentHash {
  uint64_t high = 0, low = 0;
  bool operator==(const ContentHash&) const = default;
  std::string hex() const;  // 32 lower-case hexadecimal digits
};

ContentHash hash_bytes(std::string_view bytes);

// hash_bytes of bytes that arrive in pieces (a file written from borrowed parts), without
// joining them: the hash starts from the total length, so it is given first, and the pieces
// must add up to it. Any split of the same bytes gives hash_bytes(bytes).
class BytesHasher {
 public:
  explicit BytesHasher(std::size_t total_size);
  void add(std::string_view piece);
  ContentHash finish() const;

 private:
  uint64_t h1_, h2_;
  char pending_[16];         // the start of a block not yet complete
  std::size_t pending_size_ = 0;
};

// Hashes several pieces as if their length-prefixed concatenation were hashed, so that
// ("ab", "c") and ("a", "bc") differ.
class ContentHasher {
 public:
  void add(std::string_view piece);
  ContentHash finish() const { return hash_bytes(buffer_); }

 private:
  std::string buffer_;
};

}  // namespace congkhai
