#include "load/report_loader.h"

#include <filesystem>

#include "load/attached_file.h"
#include "load/front_matter.h"
#include "load/placeholder.h"
#include "load/markdown_limits.h"
#include "load/source_text.h"
#include "load/yaml_reader.h"

namespace congkhai {

namespace {

void read_attachments(YamlReader& r, const YamlNode& root, const std::string& content_dir,
                      Report* report, FileReferences* files) {
  auto list = r.child(root, "attachments");
  if (!list) return;
  if (!list->is_sequence()) {
    r.error(*list, "\"attachments\" phải là một danh sách", "\"attachments\" must be a list");
    return;
  }
  for (const auto& node : list->items) {
    if (!r.expect_map(node, "mỗi tệp đính kèm", "each attachment")) continue;
    r.check_keys(node, {{"file", true}, {"title"}});
    auto file = r.text(node, "file", true);
    if (!file) continue;
    std::string problem, problem_en;
    auto f = resolve_attached_file(content_dir, report->path, *file, &problem, &problem_en, files);
    if (!f) {
      r.error(*r.child(node, "file"), problem, problem_en,
              "đường dẫn tính từ thư mục chứa báo cáo này", "paths are relative to this report's folder");
      continue;
    }
    Attachment a;
    a.file = f->relative;
    if (f->on_disk != f->relative) a.file_on_disk = f->on_disk;
    a.bytes = f->bytes;
    a.title = r.text(node, "title").value_or(std::filesystem::path(*file).filename().string());
    a.pos = r.pos(node);
    report->attachments.push_back(std::move(a));
  }
}

}  // namespace

std::optional<Report> parse_report(const std::string& path, const std::string& text,
                                   const std::string& content_dir, Diagnostics* diags, FileReferences* files) {
  FrontMatter fm;
  if (!split_front_matter(text, path, &fm, diags)) return std::nullopt;
  YamlReader r(path, fm.yaml, fm.yaml_line, diags);
  auto root = r.parse();
  if (!root || !r.expect_map(*root, "phần đầu (front matter) của báo cáo", "the report's front matter"))
    return std::nullopt;
  r.check_keys(*root, {{"title", true}, {"date", true}, {"period", true}, {"number"}, {"plan"},
                       {"tasks"}, {"targets"}, {"attachments"}});
  Report rep;
  rep.path = path;
  rep.id = std::filesystem::path(path).stem().string();
  rep.body = fm.body;
  rep.body_line = fm.body_line;
  check_body_placeholders(path, rep.body, rep.body_line, diags);
  if (auto problem = check_markdown_limits(rep.body)) {
    diags->push_back(markdown_limit_diagnostic(*problem, rep.body, path, {rep.body_line, 1}));
    rep.body.clear();
  }
  rep.title = r.text(*root, "title", true).value_or("");
  rep.date = r.date(*root, "date", true).value_or(Date{});
  if (auto p = r.text(*root, "period", true); p && !parse_period(*p, &rep.period))
    r.error(*r.child(*root, "period"), "kỳ báo cáo \"" + *p + "\" không hợp lệ",
            "invalid period \"" + *p + "\"",
            "kỳ phải có dạng 2023 (năm), 2023-H1 (6 tháng), 2023-Q1 (quý) hoặc 2023-M03 (tháng)",
            "periods are written 2023, 2023-H1, 2023-Q1 or 2023-M03");
  rep.number = r.text(*root, "number").value_or("");
  rep.plan_id = r.text(*root, "plan").value_or("");
  if (auto p = r.child(*root, "plan")) rep.plan_pos = r.pos(*p);
  rep.tasks = r.text_list(*root, "tasks", &rep.task_pos);
  rep.targets = r.text_list(*root, "targets", &rep.target_pos);
  read_attachments(r, *root, content_dir, &rep, files);
  return rep;
}

std::optional<Report> load_report(const std::string& path, const std::string& content_dir,
                                  Diagnostics* diags) {
  auto text = read_source(path, diags);
  if (!text) return std::nullopt;
  return parse_report(path, text.value(), content_dir, diags);
}

}  // namespace congkhai
