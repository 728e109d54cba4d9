// The `congkhai` command line: build, check (and the commands later issues add).
#pragma once

namespace congkhai {

// Exit codes, documented in README.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitContentErrors = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitWriteFailed = 3;

int run_cli(int argc, char** argv);

}  // namespace congkhai
