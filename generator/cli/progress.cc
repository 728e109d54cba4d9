#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace congkhai {

namespace {

struct StageName {
  const char* key;
  const char* vi;
  const char* en;
};
constexpr StageName kStages[] = {
    {"load", "đọc nội dung", "loading content"},   {"check", "kiểm tra", "checking"},
    {"render", "dựng trang", "rendering pages"},   {"search", "chỉ mục tìm kiếm", "search index"},
    {"export", "dữ liệu mở", "open data"},         {"write", "ghi tệp", "writing files"},
};

constexpr int kBarWidth = 24;

}  // namespace

bool stderr_is_terminal() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) == 1 && !(term && std::strcmp(term, "dumb") == 0);
}

ProgressDisplay::ProgressDisplay(std::ostream& out, bool terminal, bool english,
                                 std::chrono::milliseconds quiet_start)
    : out_(out), terminal_(terminal), english_(english), quiet_start_(quiet_start),
      start_(std::chrono::steady_clock::now()) {}

std::string ProgressDisplay::label(const char* stage) const {
  for (const auto& s : kStages)
    if (std::strcmp(s.key, stage) == 0) return english_ ? s.en : s.vi;
  return stage;
}

void ProgressDisplay::update(const char* stage, std::size_t done, std::size_t total) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  bool new_stage = stage_ != stage;
  if (new_stage) {
    stage_ = stage;
    announced_ = false;
    starts_.emplace_back(stage_, now);
  }
  if (now - start_ < quiet_start_) return;
  if (!terminal_) {
    // One line per stage: logs stay short and readable.
    if (announced_) return;
    announced_ = true;
    out_ << "congkhai: " << label(stage);
    if (total > 0) out_ << " (" << total << ")";
    out_ << "…\n" << std::flush;
    return;
  }
  // Redraw at most ten times a second, and at each new stage and at the end of one.
  if (!new_stage && done != total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  std::string line = "\r";
  if (total > 0) {
    int filled = static_cast<int>(kBarWidth * done / total);
    line += "[" + std::string(filled, '#') + std::string(kBarWidth - filled, ' ') + "] ";
    line += label(stage) + " " + std::to_string(done) + "/" + std::to_string(total);
  } else {
    line += "[" + std::string(kBarWidth, '.') + "] " + label(stage) + "…";
  }
  line += "\x1b[K";  // clear what a longer previous line left
  out_ << line << std::flush;
  drawn_ = true;
}

void ProgressDisplay::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_) out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

std::string ProgressDisplay::timings() {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  char buf[64];
  for (std::size_t i = 0; i < starts_.size(); ++i) {
    auto end = i + 1 < starts_.size() ? starts_[i + 1].second : now;
    std::snprintf(buf, sizeof buf, "%s %.2f s", starts_[i].first.c_str(),
                  std::chrono::duration<double>(end - starts_[i].second).count());
    out += (out.empty() ? "" : ", ") + std::string(buf);
  }
  return out;
}

}  // namespace congkhai
