#include "search/packed_payload.h"

#include <gtest/gtest.h>

#include <string>

#include "search/packed_payload_test_util.h"

namespace congkhai {
namespace {

TEST(Base64, EncodesAsRfc4648) {
  // RFC 4648, section 10.
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string("\xfb\xff\xbf\x00", 4)), "+/+/AA==");
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  EXPECT_EQ(base64_decode(base64_encode(all)), all);
}

TEST(PackedPayload, IsTheZlibStreamOfTheJsonInBase64) {
  std::string json = R"({"key":"ha-tinh/huong-son/son-lam","name":"xã Sơn Lâm","store":[)";
  for (int i = 0; i < 500; ++i) json += R"(["ke-hoach/2023/index.html#nv-)" + std::to_string(i) + R"(","Số hoá hồ sơ","task"],)";
  json += "[]]}";
  const std::string packed = packed_payload(json);
  // zlib's header for a 32 KiB window and a fast level (2 to 5): what
  // DecompressionStream('deflate') and pako read.
  const std::string stream = base64_decode(packed);
  ASSERT_GE(stream.size(), 6u);
  EXPECT_EQ(static_cast<unsigned char>(stream[0]), 0x78);
  EXPECT_EQ(static_cast<unsigned char>(stream[1]), 0x5e);
  EXPECT_EQ(zlib_inflate(stream), json);
  EXPECT_LT(packed.size() * 4, json.size()) << "repetitive JSON packs small";
  // Deterministic: the same JSON, the same text.
  EXPECT_EQ(packed_payload(json), packed);
  EXPECT_EQ(zlib_inflate(zlib_deflate("")), "");
  EXPECT_EQ(packer_version().rfind("zlib 1.", 0), 0u);
}

}  // namespace
}  // namespace congkhai
