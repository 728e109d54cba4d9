// Progress of a long build on stderr. On a terminal, one line redrawn in place: a bar, the
// stage and its counts. Otherwise (CI, a pipe, a log file) a plain line when a stage starts.
// Small builds (the sample portal, tests) finish before anything is shown.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace congkhai {

class ProgressDisplay {
 public:
  // Nothing is shown before a build has run this long.
  static constexpr std::chrono::milliseconds kQuietStart{500};

  // `terminal`: draw the bar (stderr is a terminal and TERM is not "dumb").
  ProgressDisplay(std::ostream& out, bool terminal, bool english,
                  std::chrono::milliseconds quiet_start = kQuietStart);
  ~ProgressDisplay() { finish(); }

  // A stage starts (done == 0) or advances; safe to call from several threads.
  void update(const char* stage, std::size_t done, std::size_t total);
  // Clears the bar, so that the messages that follow start on a clean line.
  void finish();
  // Wall time of each stage so far, "load 1.20 s, check 0.10 s, …" (--timings).
  std::string timings();


 private:
  std::string label(const char* stage) const;

  std::ostream& out_;
  bool terminal_, english_;
  std::chrono::milliseconds quiet_start_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::string stage_;
  std::vector<std::pair<std::string, std::chrono::steady_clock::time_point>> starts_;
  bool drawn_ = false;     // a bar is on the screen
  bool announced_ = false; // a plain line was printed for the current stage
};

// Whether stderr is a terminal a bar can be drawn on.
bool stderr_is_terminal();

}  // namespace congkhai
