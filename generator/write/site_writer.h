// Writing the generated site: everything goes into a fresh folder beside the output, which
// then replaces the output in one atomic step. A failed or interrupted build leaves the
// previous site exactly as it was.
#pragma once

#include <string>

#include "model/output.h"

namespace congkhai {

// Marks a folder as generated, so that a rebuild may replace it. A non-empty folder without
// it is never replaced (a mistyped --out must not wipe someone's files).
inline constexpr const char* kOutputMarker = ".congkhai-output";

// Returns false with a Vietnamese `error` when the site could not be written; the previous
// output is then untouched.
bool write_site(const OutputFiles& files, const std::string& out_dir, std::string* error);

}  // namespace congkhai
