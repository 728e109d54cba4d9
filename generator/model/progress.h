// Progress records (báo cáo tiến độ): dated entries about tasks and measurements of targets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/diagnostic.h"

namespace congkhai {

enum class TaskStatus { kNotStarted, kInProgress, kDone, kPostponed, kCancelled };

// "not_started", … as written in progress files; false when unknown.
bool parse_task_status(const std::string& s, TaskStatus* out);
const std::vector<std::string>& task_status_keys();
std::string task_status_key(TaskStatus s);
// "chưa bắt đầu", "đang thực hiện", "hoàn thành", "tạm hoãn", "huỷ bỏ"
std::string task_status_vi(TaskStatus s);

// A document backing an entry: a link, or a file copied into the site.
struct Evidence {
  std::string title;
  std::string url;   // external link, or empty
  std::string file;  // path relative to content/ (NFC: its address), or empty
  SourcePos pos;
  // The file's path as the file system spells it (its name may be NFD); empty when `file`.
  std::string file_on_disk;

  bool operator==(const Evidence&) const = default;
};

struct ProgressEntry {
  std::string task;  // task id
  Date date;
  TaskStatus status = TaskStatus::kNotStarted;
  int percent = -1;  // 0-100, -1 when not given
  std::string note;  // Markdown
  std::vector<Evidence> evidence;
  std::string reported_by;
  std::string source;  // progress file it came from
  SourcePos pos;

  bool operator==(const ProgressEntry&) const = default;
};

struct Measurement {
  std::string target;  // target id
  Date date;
  double value = 0;
  std::string value_text;
  std::string source_note;  // "source:" as written
  std::string source;       // progress file it came from
  SourcePos pos;

  bool operator==(const Measurement&) const = default;
};

struct ProgressRecord {
  std::string path;
  // The sheet a spreadsheet record was read from ("" for CSV), so that problems found later
  // name a cell; unset for YAML.
  std::optional<std::string> sheet;
  int plan = -1;  // index into Portal::plans
  std::string plan_id;
  SourcePos plan_pos;
  std::string period;
  std::vector<ProgressEntry> entries;
  std::vector<Measurement> measurements;

  bool operator==(const ProgressRecord&) const = default;
};

}  // namespace congkhai
