// Test helper: a zip archive in memory from {name: content}, written with libzip (deflated),
// for the workbook reader's tests and the fuzzer's seeds.
#pragma once

#include <zip.h>

#include <map>
#include <string>

namespace congkhai {

inline std::string make_zip(const std::map<std::string, std::string>& files) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  for (const auto& [name, content] : files) {
    zip_source_t* s = zip_source_buffer(zip, content.data(), content.size(), 0);
    zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(zip);
  std::string out;
  zip_source_open(buffer);
  char buf[65536];
  for (zip_int64_t n; (n = zip_source_read(buffer, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&err);
  return out;
}

}  // namespace congkhai
