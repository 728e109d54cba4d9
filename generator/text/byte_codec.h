// A small binary writer and reader for caches kept between builds (load/parsed_cache.h):
// unsigned varints, zig-zag signed varints, length-prefixed strings, doubles as their bits.
// The reader trusts nothing: every read is bounds-checked, and after the first failure every
// later read fails too, so a decoder can read on and check once at the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace congkhai {

class ByteWriter {
 public:
  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void varint(std::uint64_t v);
  void signed_varint(std::int64_t v);
  void boolean(bool b) { byte(b ? 1 : 0); }
  void real(double d);
  void text(std::string_view s);  // its length, then its bytes
  void raw(std::string_view s) { out_.append(s); }
  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool byte(std::uint8_t* b);
  bool varint(std::uint64_t* v);
  bool signed_varint(std::int64_t* v);
  bool integer(int* v);          // a signed varint that fits an int
  bool integer(long long* v);
  bool boolean(bool* b);         // 0 or 1, nothing else
  bool real(double* d);
  bool text(std::string* s);
  bool text_view(std::string_view* s);  // the bytes stay in the reader's input
  bool raw(std::size_t n, std::string_view* s);
  // A list's length: at most the bytes left, as every item takes at least one, so that a
  // damaged length cannot make the reader reserve gigabytes.
  bool count(std::size_t* n);
  // An enum's value: below `limit`.
  bool below(std::uint64_t limit, std::uint64_t* v);
  bool fail() { failed_ = true; return false; }
  bool ok() const { return !failed_; }
  bool at_end() const { return pos_ == in_.size(); }
  std::size_t remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace congkhai
