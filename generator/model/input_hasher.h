// The inputs of a file, in binary, hashed into an input key for incremental builds
// (export/plan_data_key.h, render/page_keys.h): each text length-prefixed, each list
// count-prefixed, numbers as their bits, so that the encoding is unambiguous and nothing is
// formatted or escaped; hashed as they come (BytesHasher, text/content_hash.h) through a
// small buffer, never held whole (a plan's inputs are tens of kilobytes, and every plan's
// keys are made on every build), and ended by their total length: 32 hexadecimal digits.
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
    append(s);
  }
  void u64(std::uint64_t v) {
    char b[8];
    std::memcpy(b, &v, 8);
    append(std::string_view(b, 8));
  }
  void integer(long long v) { u64(static_cast<std::uint64_t>(v)); }
  void flag(bool b) { append(b ? std::string_view("\1", 1) : std::string_view("\0", 1)); }
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
  std::string hex() const {
    BytesHasher h = hasher_;
    h.add(std::string_view(buf_, used_));
    const std::uint64_t total = hashed_ + used_;
    char b[8];
    std::memcpy(b, &total, 8);
    h.add(std::string_view(b, 8));
    return h.finish().hex();
  }

 private:
  void append(std::string_view bytes) {
    if (bytes.size() > sizeof buf_ - used_) {
      flush();
      if (bytes.size() >= sizeof buf_) {  // a long text: hashed where it is
        hasher_.add(bytes);
        hashed_ += bytes.size();
        return;
      }
    }
    std::memcpy(buf_ + used_, bytes.data(), bytes.size());
    used_ += bytes.size();
  }
  void flush() {
    hasher_.add(std::string_view(buf_, used_));
    hashed_ += used_;
    used_ = 0;
  }

  BytesHasher hasher_{0};  // the length is not known before: it ends the bytes instead
  std::uint64_t hashed_ = 0;
  std::size_t used_ = 0;
  char buf_[1024];
};

}  // namespace congkhai
