#include "model/progress.h"

namespace congkhai {

namespace {
struct StatusName {
  TaskStatus status;
  const char* key;
  const char* vi;
};
constexpr StatusName kStatuses[] = {
    {TaskStatus::kNotStarted, "not_started", "chưa bắt đầu"},
    {TaskStatus::kInProgress, "in_progress", "đang thực hiện"},
    {TaskStatus::kDone, "done", "hoàn thành"},
    {TaskStatus::kPostponed, "postponed", "tạm hoãn"},
    {TaskStatus::kCancelled, "cancelled", "huỷ bỏ"},
};
}  // namespace

bool parse_task_status(const std::string& s, TaskStatus* out) {
  for (const auto& n : kStatuses)
    if (s == n.key) {
      *out = n.status;
      return true;
    }
  return false;
}

const std::vector<std::string>& task_status_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& n : kStatuses) k.push_back(n.key);
    return k;
  }();
  return keys;
}

std::string task_status_key(TaskStatus s) {
  for (const auto& n : kStatuses)
    if (n.status == s) return n.key;
  return {};
}

std::string task_status_vi(TaskStatus s) {
  for (const auto& n : kStatuses)
    if (n.status == s) return n.vi;
  return {};
}

}  // namespace congkhai
