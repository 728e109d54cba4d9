#include "text/content_hash.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(ContentHash, SameBytesSameHash) {
  EXPECT_EQ(hash_bytes("kế hoạch 2024"), hash_bytes(std::string("kế hoạch 2024")));
  EXPECT_EQ(hash_bytes("").hex().size(), 32u);
}

TEST(ContentHash, AnyChangedByteChangesTheHash) {
  std::string text(1000, 'a');
  ContentHash base = hash_bytes(text);
  for (std::size_t i : {0u, 7u, 15u, 16u, 999u}) {
    std::string other = text;
    other[i] = 'b';
    EXPECT_NE(hash_bytes(other), base) << i;
  }
  EXPECT_NE(hash_bytes(text + "a"), base);
  EXPECT_NE(hash_bytes(std::string(1001, '\0')), hash_bytes(std::string(1000, '\0')));
}

TEST(ContentHash, HasherSeparatesPieces) {
  ContentHasher a, b;
  a.add("ab");
  a.add("c");
  b.add("a");
  b.add("bc");
  EXPECT_NE(a.finish(), b.finish());
}

TEST(BytesHasher, AnySplitHashesLikeTheWholeBytes) {
  std::string bytes;
  for (int i = 0; i < 200; ++i) bytes += static_cast<char>('a' + i * 7 % 26);
  for (std::size_t n : {0u, 1u, 15u, 16u, 17u, 31u, 32u, 33u, 100u, 200u}) {
    const std::string_view whole = std::string_view(bytes).substr(0, n);
    // Every piece length from 1 to 40, and pieces of mixed lengths (some empty).
    for (std::size_t step = 1; step <= 40; ++step) {
      BytesHasher h(n);
      for (std::size_t at = 0; at < n; at += step) h.add(whole.substr(at, step));
      EXPECT_EQ(h.finish(), hash_bytes(whole)) << n << " by " << step;
    }
    BytesHasher mixed(n);
    for (std::size_t at = 0, k = 0; at < n; ++k) {
      std::size_t len = (k * 5 + 3) % 19;  // 3, 8, 13, 18, 4, 9, 14, 0 (an empty piece), …
      mixed.add(whole.substr(at, len));
      at += len;
    }
    EXPECT_EQ(mixed.finish(), hash_bytes(whole)) << n;
  }
}

}  // namespace
}  // namespace congkhai
