#include "text/byte_codec.h"

#include <bit>
#include <cstring>
#include <limits>

namespace congkhai {

void ByteWriter::varint(std::uint64_t v) {
  while (v >= 0x80) {
    byte(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  byte(static_cast<std::uint8_t>(v));
}

void ByteWriter::signed_varint(std::int64_t v) {
  varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

void ByteWriter::real(double d) {
  const auto bits = std::bit_cast<std::uint64_t>(d);
  for (int i = 0; i < 8; ++i) byte(static_cast<std::uint8_t>(bits >> (8 * i)));
}

void ByteWriter::text(std::string_view s) {
  varint(s.size());
  out_.append(s);
}

bool ByteReader::byte(std::uint8_t* b) {
  if (failed_ || pos_ >= in_.size()) return fail();
  *b = static_cast<std::uint8_t>(in_[pos_++]);
  return true;
}

bool ByteReader::varint(std::uint64_t* v) {
  std::uint64_t out = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    std::uint8_t b;
    if (!byte(&b)) return false;
    // The tenth byte may hold only the top bit.
    if (shift == 63 && b > 1) return fail();
    out |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) {
      *v = out;
      return true;
    }
  }
  return fail();
}

bool ByteReader::signed_varint(std::int64_t* v) {
  std::uint64_t u;
  if (!varint(&u)) return false;
  *v = static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
  return true;
}

bool ByteReader::integer(int* v) {
  std::int64_t w;
  if (!signed_varint(&w)) return false;
  if (w < std::numeric_limits<int>::min() || w > std::numeric_limits<int>::max()) return fail();
  *v = static_cast<int>(w);
  return true;
}

bool ByteReader::integer(long long* v) {
  std::int64_t w;
  if (!signed_varint(&w)) return false;
  *v = w;
  return true;
}

bool ByteReader::boolean(bool* b) {
  std::uint8_t x;
  if (!byte(&x)) return false;
  if (x > 1) return fail();
  *b = x == 1;
  return true;
}

bool ByteReader::real(double* d) {
  std::string_view bytes;
  if (!raw(8, &bytes)) return false;
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(bytes[i])) << (8 * i);
  *d = std::bit_cast<double>(bits);
  return true;
}

bool ByteReader::text_view(std::string_view* s) {
  std::uint64_t n;
  if (!varint(&n)) return false;
  if (n > remaining()) return fail();
  return raw(static_cast<std::size_t>(n), s);
}

bool ByteReader::text(std::string* s) {
  std::string_view view;
  if (!text_view(&view)) return false;
  s->assign(view);
  return true;
}

bool ByteReader::raw(std::size_t n, std::string_view* s) {
  if (failed_ || n > remaining()) return fail();
  *s = in_.substr(pos_, n);
  pos_ += n;
  return true;
}

bool ByteReader::count(std::size_t* n) {
  std::uint64_t v;
  if (!varint(&v)) return false;
  if (v > remaining()) return fail();
  *n = static_cast<std::size_t>(v);
  return true;
}

bool ByteReader::below(std::uint64_t limit, std::uint64_t* v) {
  if (!varint(v)) return false;
  if (*v >= limit) return fail();
  return true;
}

}  // namespace congkhai
