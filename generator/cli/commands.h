// The `congkhai` command line: build, check (and the commands later issues add).
#pragma once

namespace congkhai {

// Exit codes, documented in README.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitContentErrors = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitWriteFailed = 3;

// `process_ends_after`: the process ends as soon as the command returns (main), so what a
// build holds at its end (the model, the facts, the caches' tables: on a national portal
// millions of strings, 0.3 to 0.5 s to free one by one) is left to the end of the process
// instead of being freed. Tests, which run many commands in one process, leave it false.
int run_cli(int argc, char** argv, bool process_ends_after = false);

}  // namespace congkhai
