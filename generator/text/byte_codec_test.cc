#include "text/byte_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace congkhai {
namespace {

TEST(ByteCodec, NumbersAndTextRoundTrip) {
  ByteWriter w;
  const std::uint64_t big = std::numeric_limits<std::uint64_t>::max();
  const std::int64_t low = std::numeric_limits<std::int64_t>::min();
  w.varint(0);
  w.varint(127);
  w.varint(128);
  w.varint(big);
  w.signed_varint(-1);
  w.signed_varint(low);
  w.signed_varint(std::numeric_limits<int>::max());
  w.boolean(true);
  w.real(-0.1);
  w.real(std::numeric_limits<double>::infinity());
  w.text("kế hoạch");
  w.text("");
  ByteReader r(w.bytes());
  std::uint64_t u;
  std::int64_t s;
  int i;
  bool b;
  double d;
  std::string t;
  ASSERT_TRUE(r.varint(&u));
  EXPECT_EQ(u, 0u);
  ASSERT_TRUE(r.varint(&u));
  EXPECT_EQ(u, 127u);
  ASSERT_TRUE(r.varint(&u));
  EXPECT_EQ(u, 128u);
  ASSERT_TRUE(r.varint(&u));
  EXPECT_EQ(u, big);
  ASSERT_TRUE(r.signed_varint(&s));
  EXPECT_EQ(s, -1);
  ASSERT_TRUE(r.signed_varint(&s));
  EXPECT_EQ(s, low);
  ASSERT_TRUE(r.integer(&i));
  EXPECT_EQ(i, std::numeric_limits<int>::max());
  ASSERT_TRUE(r.boolean(&b));
  EXPECT_TRUE(b);
  ASSERT_TRUE(r.real(&d));
  EXPECT_EQ(d, -0.1);
  ASSERT_TRUE(r.real(&d));
  EXPECT_TRUE(std::isinf(d));
  ASSERT_TRUE(r.text(&t));
  EXPECT_EQ(t, "kế hoạch");
  ASSERT_TRUE(r.text(&t));
  EXPECT_EQ(t, "");
  EXPECT_TRUE(r.at_end());
  EXPECT_TRUE(r.ok());
}

TEST(ByteCodec, EveryReadPastTheEndFailsAndFailureSticks) {
  ByteWriter w;
  w.text("abc");
  std::string bytes = w.bytes();
  bytes.pop_back();  // the length says 3, two are left
  ByteReader r(bytes);
  std::string t;
  EXPECT_FALSE(r.text(&t));
  EXPECT_FALSE(r.ok());
  std::uint64_t u;
  EXPECT_FALSE(r.varint(&u));  // bytes remain, but the reader has failed

  ByteReader empty("");
  bool b;
  double d;
  EXPECT_FALSE(empty.boolean(&b));
  ByteReader short_real("1234567");
  EXPECT_FALSE(short_real.real(&d));
}

TEST(ByteCodec, DamagedValuesAreRefused) {
  // A boolean is 0 or 1.
  bool b;
  ByteReader two("\x02");
  EXPECT_FALSE(two.boolean(&b));
  // A varint of eleven bytes, or whose tenth byte overflows 64 bits.
  std::uint64_t u;
  const std::string ff(11, '\xff'), too_big = std::string(9, '\xff') + "\x02";
  ByteReader endless(ff);
  EXPECT_FALSE(endless.varint(&u));
  ByteReader overflow(too_big);
  EXPECT_FALSE(overflow.varint(&u));
  // An int that does not fit.
  ByteWriter w;
  w.signed_varint(std::int64_t{1} << 40);
  int i;
  ByteReader wide(w.bytes());
  EXPECT_FALSE(wide.integer(&i));
  // A string or list longer than what is left: refused before anything is allocated.
  ByteWriter huge;
  huge.varint(std::uint64_t{1} << 60);
  huge.raw("abc");
  std::string t;
  ByteReader text(huge.bytes());
  EXPECT_FALSE(text.text(&t));
  std::size_t n;
  ByteReader list(huge.bytes());
  EXPECT_FALSE(list.count(&n));
  // An enum past its last value.
  ByteReader e("\x05");
  EXPECT_FALSE(e.below(5, &u));
}

}  // namespace
}  // namespace congkhai
