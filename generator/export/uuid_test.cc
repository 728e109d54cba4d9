#include "export/uuid.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

std::string hex(const std::string& bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

TEST(Sha1, KnownVectors) {
  EXPECT_EQ(hex(sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(hex(sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(hex(sha1(std::string(1000000, 'a'))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST(UuidV5, MatchesRfcNamespaces) {
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
  EXPECT_EQ(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

TEST(UuidV5, IsStableAndDependsOnTheName) {
  auto a = uuid_v5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "congkhai:feed.xml");
  EXPECT_EQ(a, uuid_v5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "congkhai:feed.xml"));
  EXPECT_NE(a, uuid_v5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "congkhai:ha-tinh/feed.xml"));
  ASSERT_EQ(a.size(), 36u);
  EXPECT_EQ(a[14], '5');  // version
}

}  // namespace
}  // namespace congkhai
