// Name-based UUIDs (RFC 9562 version 5): stable ids for feed entries, whatever the domain.
#pragma once

#include <string>
#include <string_view>

namespace congkhai {

// SHA-1 digest of `data`, as 20 raw bytes.
std::string sha1(std::string_view data);

// The version-5 UUID of `name` in the namespace `ns` (a UUID in its 36-character text form),
// lower-case: "2ed6657d-e927-568b-95e1-2665a8aea6a2".
std::string uuid_v5(std::string_view ns, std::string_view name);

}  // namespace congkhai
