// The inputs of a file, in binary, hashed into an input key for incremental builds
// (export/plan_data_key.h, render/page_keys.h): each text length-prefixed, each list
// count-prefixed, numbers as their bits, so that the encoding is unambiguous and nothing is
// formatted or escaped; then hash_bytes (text/content_hash.h), 32 hexadecimal digits.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "text/content_hash.h"

namespace congkhai {

class InputHasher {
 public:
  void text(std::string_view s) {
    u64(s.size());
    buf_.append(s);
  }
  void u64(std::uint64_t v) {
    char b[8];
    std::memcpy(b, &v, 8);
    buf_.append(b, 8);
  }
  void integer(long long v) { u64(static_cast<std::uint64_t>(v)); }
  void flag(bool b) { buf_.push_back(b ? '\1' : '\0'); }
  void number(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    u64(bits);
  }
  void date(const Date& d) {
    integer(d.year);
    integer(d.month);
    integer(d.day);
  }
  void date(const std::optional<Date>& d) {
    flag(d.has_value());
    if (d) date(*d);
  }
  void number(const std::optional<double>& v) {
    flag(v.has_value());
    if (v) number(*v);
  }
  void texts(const std::vector<std::string>& items) {
    u64(items.size());
    for (const auto& s : items) text(s);
  }
  void ints(const std::vector<int>& items) {
    u64(items.size());
    for (int i : items) integer(i);
  }
  // A hash of other bytes, in 16 bytes.
  void hash(const ContentHash& h) {
    u64(h.high);
    u64(h.low);
  }
  std::string hex() const { return hash_bytes(buf_).hex(); }

 private:
  std::string buf_;
};

}  // namespace congkhai
