// The Content-Type the dev server sends for a site file, chosen by its extension.
#pragma once

#include <string>
#include <string_view>

namespace congkhai {

// "text/html; charset=utf-8" for "a/index.html"; application/octet-stream when unknown.
std::string content_type_for(std::string_view path);

}  // namespace congkhai
