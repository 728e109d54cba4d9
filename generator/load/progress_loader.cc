#include "load/progress_loader.h"

#include "load/attached_file.h"
#include "load/source_text.h"
#include "load/web_address.h"
#include "load/yaml_reader.h"

namespace congkhai {

namespace {

class ProgressParser {
 public:
  ProgressParser(YamlReader* r, ProgressRecord* rec, const std::string& content_dir, FileReferences* files)
      : r_(*r), rec_(*rec), content_dir_(content_dir), files_(files) {}

  void read(const YamlNode& root) {
    r_.check_keys(root, {{"plan", true}, {"period"}, {"date"}, {"reported_by"}, {"entries"},
                         {"measurements"}});
    rec_.plan_id = r_.text(root, "plan", true).value_or("");
    if (auto p = r_.child(root, "plan")) rec_.plan_pos = r_.pos(*p);
    rec_.period = r_.text(root, "period").value_or("");
    default_date_ = r_.date(root, "date");
    file_has_date_ = r_.child(root, "date") != nullptr;
    default_reporter_ = r_.text(root, "reported_by").value_or("");
    if (auto entries = list(root, "entries"))
      for (const auto& e : entries->items) read_entry(e);
    if (auto ms = list(root, "measurements"))
      for (const auto& m : ms->items) read_measurement(m);
  }

 private:
  const YamlNode* list(const YamlNode& root, const char* key) {
    auto node = r_.child(root, key);
    if (node && !node->is_sequence()) {
      r_.error(*node, std::string("\"") + key + "\" phải là một danh sách các mục bắt đầu bằng \"-\"",
               std::string("\"") + key + "\" must be a list");
      return nullptr;
    }
    return node;
  }

  Date entry_date(const YamlNode& node) {
    if (auto d = r_.date(node, "date")) return *d;
    if (default_date_) return *default_date_;
    // A file date that is written but wrong is reported once, not again for every entry.
    if (!r_.child(node, "date") && !file_has_date_)
      r_.error(node, "mục này thiếu ngày (\"date\")", "this item has no date",
               "ghi \"date: 2024-03-31\" cho mục này hoặc ở đầu tệp",
               "write \"date: 2024-03-31\" here or at the top of the file");
    return Date{};
  }

  void read_entry(const YamlNode& node) {
    if (!r_.expect_map(node, "mỗi mục tiến độ", "each progress entry")) return;
    r_.check_keys(node, {{"task", true}, {"date"}, {"status", true}, {"percent"}, {"note"},
                         {"evidence"}, {"reported_by"}});
    ProgressEntry e;
    e.pos = r_.pos(node);
    e.source = rec_.path;
    e.task = r_.text(node, "task", true).value_or("");
    e.date = entry_date(node);
    if (auto s = r_.text(node, "status", true); s && !parse_task_status(*s, &e.status)) {
      std::string keys;
      for (const auto& k : task_status_keys())
        keys += (keys.empty() ? "" : ", ") + k;
      r_.error(*r_.child(node, "status"), "trạng thái \"" + *s + "\" không hợp lệ",
               "unknown status \"" + *s + "\"",
               "trạng thái phải là một trong: not_started (chưa bắt đầu), in_progress (đang thực "
               "hiện), done (hoàn thành), postponed (tạm hoãn), cancelled (huỷ bỏ)",
               "status must be one of: " + keys);
    }
    e.percent = r_.integer(node, "percent", 0, 100).value_or(-1);
    e.note = r_.markdown(node, "note").value_or("");
    e.reported_by = r_.text(node, "reported_by").value_or(default_reporter_);
    if (auto ev = r_.child(node, "evidence")) {
      if (!ev->is_sequence())
        r_.error(*ev, "\"evidence\" phải là một danh sách", "\"evidence\" must be a list");
      else
        for (const auto& item : ev->items) read_evidence(item, &e);
    }
    rec_.entries.push_back(std::move(e));
  }

  void read_evidence(const YamlNode& node, ProgressEntry* e) {
    if (!r_.expect_map(node, "mỗi minh chứng", "each evidence item")) return;
    r_.check_keys(node, {{"title", true}, {"url"}, {"file"}});
    Evidence ev;
    ev.pos = r_.pos(node);
    ev.title = r_.text(node, "title", true).value_or("");
    ev.url = r_.text(node, "url").value_or("");
    std::string file = r_.text(node, "file").value_or("");
    if (ev.url.empty() == file.empty()) {
      r_.error(node, "mỗi minh chứng cần đúng một trong hai khoá \"url\" hoặc \"file\"",
               "each evidence item needs exactly one of \"url\" or \"file\"");
      return;
    }
    if (!check_web_address(r_, node, "url", ev.url, "địa chỉ", "address")) return;
    if (!file.empty()) {
      std::string problem, problem_en;
      auto f = resolve_attached_file(content_dir_, rec_.path, file, &problem, &problem_en, files_);
      if (!f) {
        r_.error(*r_.child(node, "file"), problem, problem_en,
                 "đường dẫn tính từ thư mục chứa tệp tiến độ này", "paths are relative to this file's folder");
        return;
      }
      ev.file = f->relative;
      if (f->on_disk != f->relative) ev.file_on_disk = f->on_disk;
    }
    e->evidence.push_back(std::move(ev));
  }

  void read_measurement(const YamlNode& node) {
    if (!r_.expect_map(node, "mỗi số liệu chỉ tiêu", "each measurement")) return;
    r_.check_keys(node, {{"target", true}, {"date"}, {"value", true}, {"source"}});
    Measurement m;
    m.pos = r_.pos(node);
    m.source = rec_.path;
    m.target = r_.text(node, "target", true).value_or("");
    m.date = entry_date(node);
    if (auto v = r_.number(node, "value", true, &m.value_text)) m.value = *v;
    m.source_note = r_.text(node, "source").value_or("");
    rec_.measurements.push_back(std::move(m));
  }

  YamlReader& r_;
  ProgressRecord& rec_;
  const std::string& content_dir_;
  FileReferences* files_;
  std::optional<Date> default_date_;
  bool file_has_date_ = false;
  std::string default_reporter_;
};

}  // namespace

std::optional<ProgressRecord> parse_progress(const std::string& path, const std::string& text,
                                             const std::string& content_dir, Diagnostics* diags,
                                             FileReferences* files) {
  YamlReader r(path, text, 1, diags);
  auto root = r.parse();
  if (!root || !r.expect_map(*root, "tệp tiến độ", "a progress file")) return std::nullopt;
  ProgressRecord rec;
  rec.path = path;
  ProgressParser(&r, &rec, content_dir, files).read(*root);
  return rec;
}

std::optional<ProgressRecord> load_progress(const std::string& path, const std::string& content_dir,
                                            Diagnostics* diags) {
  auto text = read_source(path, diags);
  if (!text) return std::nullopt;
  return parse_progress(path, *text, content_dir, diags);
}

}  // namespace congkhai
