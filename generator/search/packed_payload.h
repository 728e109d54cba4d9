// A search shard's JSON as it is published: compressed with zlib (RFC 1950: deflate with a
// two-byte header and an Adler-32 check), then written in base64 (RFC 4648, with padding),
// so that it travels inside a .js file's string literal. The browser inflates it with
// DecompressionStream('deflate'), or with pako where that is missing (search.js).
//
// zlib is the library made for the job, kept by its authors for thirty years and in every
// Debian system (zlib1g). The settings are fixed (level 4, a 32 KiB window, memory level 8,
// the default strategy), so the same JSON gives the same bytes with one zlib; another zlib
// version may choose other matches. The Debian package depends on Debian 12's zlib1g, whose
// output the tests and figures are made with.
#pragma once

#include <string>
#include <string_view>

namespace congkhai {

// zlib's deflate of `bytes` with the fixed settings above.
std::string zlib_deflate(std::string_view bytes);

// `bytes` in base64: A–Z a–z 0–9 + /, padded with "=" to a multiple of 4 characters.
std::string base64_encode(std::string_view bytes);

// "zlib " and the version of the zlib the generator runs with: part of every shard's cache
// key, so that a shard deflated by another zlib is made again rather than kept.
std::string packer_version();

// base64_encode(zlib_deflate(json)): what a shard's .js assigns as {"deflate": "…"}.
std::string packed_payload(std::string_view json);

}  // namespace congkhai
