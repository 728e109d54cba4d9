// Writing the generated site: everything goes into a fresh folder beside the output, which
// then replaces the output in one atomic step. A failed or interrupted build leaves the
// previous site exactly as it was.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "model/output.h"

namespace congkhai {

// Marks a folder as generated, so that a rebuild may replace it. A non-empty folder without
// it is never replaced (a mistyped --out must not wipe someone's files).
inline constexpr const char* kOutputMarker = ".congkhai-output";

struct WriteOptions {
  // Keep the build cache (build_cache.h): files whose bytes are those the previous build
  // wrote, and pages render reused, are hard-linked from the previous output into the new
  // folder instead of written. The new folder still replaces the output in one step.
  bool incremental = false;
  int threads = 1;  // threads writing files (0: every core)
  // Called after each file, from the writing threads.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct WriteStats {
  std::size_t written = 0;  // files written or copied
  std::size_t linked = 0;   // files hard-linked, unchanged, from the previous output
  // A reused page's previous file was missing (the output was changed by hand): nothing was
  // published; build again with every page rendered.
  bool missing_previous = false;
};

// Returns false with a Vietnamese `error` when the site could not be written; the previous
// output is then untouched.
bool write_site(const OutputFiles& files, const std::string& out_dir, std::string* error,
                const WriteOptions& options = {}, WriteStats* stats = nullptr);

}  // namespace congkhai
