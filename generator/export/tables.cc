#include "export/tables.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>

#include "export/data_keys.h"
#include "export/export_paths.h"
#include "export/numbers.h"
#include "model/urls.h"

namespace congkhai {
namespace {

DataField field(std::string name, FieldType type, std::string title, std::string description,
                std::string description_en) {
  DataField f;
  f.name = std::move(name);
  f.type = type;
  f.title = std::move(title);
  f.description = std::move(description);
  f.description_en = std::move(description_en);
  return f;
}

DataField key_field(std::string name, std::string title, std::string description,
                    std::string description_en) {
  DataField f = field(std::move(name), FieldType::kString, std::move(title),
                      std::move(description), std::move(description_en));
  f.required = true;
  return f;
}

DataField enum_field(std::string name, std::vector<std::string> values, std::string title,
                     std::string description, std::string description_en) {
  DataField f = field(std::move(name), FieldType::kString, std::move(title),
                      std::move(description), std::move(description_en));
  f.values = std::move(values);
  return f;
}

DataField unit_path_field() {
  return key_field("unit_path", "Đường dẫn đơn vị",
                   "Đường dẫn của đơn vị trên cổng, ví dụ ha-tinh/huong-son/son-lam",
                   "Path of the unit on the portal, e.g. ha-tinh/huong-son/son-lam");
}

DataField plan_id_field() {
  return key_field("plan_id", "Mã kế hoạch",
                   "Mã kế hoạch (tên tệp kế hoạch), duy nhất trong một đơn vị",
                   "Plan id (the plan's file name), unique within its unit");
}

DataField as_of_field() {
  return field("as_of", FieldType::kDate, "Ngày tính",
               "Ngày tham chiếu dùng để tính trạng thái, quá hạn và kết quả",
               "Reference date at which statuses, overdue flags and results are computed");
}

DataField page_field(std::string what_vi, std::string what_en) {
  return field("page", FieldType::kString, "Trang",
               "Địa chỉ " + what_vi +
                   " trên cổng: tuyệt đối khi cổng có base_url, nếu không thì tính từ gốc cổng",
               "Address of " + what_en +
                   " on the portal: absolute when the site has a base_url, otherwise from the "
                   "site root");
}

DataField record_field() {
  return field("record", FieldType::kString, "Tệp tiến độ",
               "Tệp báo cáo tiến độ chứa dòng này, tính từ thư mục progress/ của đơn vị ở cột "
               "unit_path (mọi tệp tiến độ nằm trong thư mục progress/ của đơn vị có kế hoạch); "
               "đường dẫn từ thư mục content/ là record của tệp trong ke-hoach.json của kế hoạch",
               "Progress file this row comes from, relative to the progress/ folder of the unit "
               "in unit_path (every progress file sits in the progress/ folder of the plan's "
               "unit); its path from the content/ folder is the file's record in the plan's "
               "ke-hoach.json");
}

// The status codes with their Vietnamese labels, which the tables do not repeat on every row:
// "not_started (chưa bắt đầu), in_progress (đang thực hiện), …".
std::string status_legend() {
  std::string out;
  for (const auto& key : task_status_keys()) {
    TaskStatus s{};
    parse_task_status(key, &s);
    out += (out.empty() ? "" : ", ") + key + " (" + task_status_vi(s) + ")";
  }
  return out;
}

// The comparisons and the targets' results with their Vietnamese labels, as status_legend.
std::string comparison_legend() {
  std::string out;
  for (Comparison c : {Comparison::kAtLeast, Comparison::kAtMost, Comparison::kExactly})
    out += (out.empty() ? "" : ", ") + comparison_key(c) + " (" + comparison_vi(c) + ")";
  return out;
}

std::string result_legend() {
  std::string out;
  for (TargetResult r : {TargetResult::kMet, TargetResult::kNotMet, TargetResult::kNoData})
    out += (out.empty() ? "" : ", ") + target_result_key(r) + " (" + target_result_vi(r) + ")";
  return out;
}

// How a task's or a target's page follows from its plan's: "page" there is not repeated on
// each row.
const char kTaskPageVi[] =
    "; trang của nhiệm vụ trên cổng là cột page của kế hoạch (bảng ke-hoach) tiếp theo "
    "#nv-<task_id>";
const char kTaskPageEn[] =
    "; the task's page on the portal is its plan's page (ke-hoach table) followed by "
    "#nv-<task_id>";

DataField line_field() {
  return field("line", FieldType::kInteger, "Dòng", "Số dòng trong tệp tiến độ",
               "Line number in the progress file");
}

DataField count_field(std::string name, std::string title, std::string vi, std::string en) {
  return field(std::move(name), FieldType::kInteger, std::move(title), std::move(vi),
               std::move(en));
}

std::vector<std::string> level_keys() { return unit_level_keys(); }
std::vector<std::string> status_keys() { return task_status_keys(); }

DataTable plans_table() {
  DataTable t;
  t.name = "ke-hoach";
  t.title = "Kế hoạch";
  t.title_en = "Plans";
  t.description = "Mỗi dòng là một kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế "
                  "một cửa, một cửa liên thông, kèm số nhiệm vụ theo trạng thái tại ngày tính.";
  t.description_en = "One row per plan for controlling administrative procedures and running "
                     "the one-stop shop, with task counts by status as of the reference date.";
  t.fields = {
      unit_path_field(),
      field("unit_name", FieldType::kString, "Đơn vị", "Tên đơn vị kèm cấp: xã Sơn Lâm",
            "Unit name with its level: xã Sơn Lâm"),
      enum_field("unit_level", level_keys(), "Cấp đơn vị",
                 "Cấp hành chính: tinh, huyen, xa, phuong …",
                 "Administrative level: tinh (province), huyen (district), xa (commune) …"),
      plan_id_field(),
      field("number", FieldType::kString, "Số kế hoạch", "Số kế hoạch như in: 28/KH-UBND",
            "Plan number as printed: 28/KH-UBND"),
      field("title", FieldType::kString, "Tên kế hoạch", "Tên đầy đủ như in",
            "Full title as printed"),
      field("year", FieldType::kInteger, "Năm", "Năm kế hoạch", "Plan year"),
      field("date", FieldType::kDate, "Ngày ban hành",
            "Ngày ban hành; để trống khi văn bản chỉ ghi tháng hoặc năm",
            "Date of issue; empty when the document gives only a month or a year"),
      field("date_text", FieldType::kString, "Ngày ban hành như ghi",
            "Ngày ban hành như ghi: YYYY-MM-DD, YYYY-MM hoặc YYYY",
            "Date of issue as written: YYYY-MM-DD, YYYY-MM or YYYY"),
      field("place", FieldType::kString, "Địa danh", "Địa danh ở dòng ngày tháng",
            "Place on the date line"),
      field("issuer", FieldType::kString, "Cơ quan ban hành", "Cơ quan ban hành: UBND xã Sơn Lâm",
            "Issuing authority"),
      field("signer_name", FieldType::kString, "Người ký", "Họ tên người ký",
            "Name of the signer"),
      field("signer_title", FieldType::kString, "Chức vụ người ký", "Chức vụ người ký",
            "Title of the signer"),
      field("not_in_copy", FieldType::kString, "Không có trong bản đăng tải",
            "Các phần đầu văn bản mà bản đăng tải không có (không rõ), cách nhau bằng dấu cách: "
            "number date place issuer signer; khác với phần in để trống",
            "Header fields this copy lacks altogether (unknown), separated by spaces: number date "
            "place issuer signer; not the same as printed blank"),
      field("legal_basis", FieldType::kString, "Căn cứ",
            "Các căn cứ pháp lý, mỗi căn cứ một dòng", "Legal basis, one reference per line"),
      field("implements", FieldType::kString, "Thực hiện kế hoạch",
            "Kế hoạch cấp trên mà kế hoạch này thực hiện",
            "The higher-level plan this plan implements"),
      field("implements_unit_path", FieldType::kString, "Đơn vị của kế hoạch cấp trên",
            "Khi kế hoạch cấp trên có trên cổng: unit_path của nó (cùng implements_plan_id chỉ "
            "một dòng của bảng ke-hoach toàn cổng, trong datapackage.json ở gốc cổng, và của "
            "ke-hoach.csv của đơn vị đó); để trống khi không có trên cổng",
            "When the implemented plan is in this portal: its unit_path (with implements_plan_id, "
            "a row of the whole portal's ke-hoach table, in the root datapackage.json, and of that "
            "unit's ke-hoach.csv); empty when it is not"),
      field("implements_plan_id", FieldType::kString, "Mã kế hoạch cấp trên",
            "Khi kế hoạch cấp trên có trên cổng: plan_id của nó; để trống khi không có trên cổng",
            "When the implemented plan is in this portal: its plan_id; empty when it is not"),
      field("appendix_title", FieldType::kString, "Tiêu đề bảng nhiệm vụ",
            "Tiêu đề của bảng nhiệm vụ (phụ lục) như in", "Heading of the task table as printed"),
      field("appendix_note", FieldType::kString, "Dòng kèm theo",
            "Dòng \"(Kèm theo Kế hoạch số …)\" dưới tiêu đề bảng nhiệm vụ",
            "The \"(Kèm theo Kế hoạch số …)\" line under the task table's heading"),
      count_field("tasks", "Số nhiệm vụ",
                  "Số nhiệm vụ trong phụ lục; nhiệm vụ có nhiệm vụ con được đếm một lần",
                  "Number of tasks in the task table; a task with sub-tasks counts once"),
      count_field("targets", "Số chỉ tiêu", "Số chỉ tiêu", "Number of targets"),
      count_field("tasks_done", "Hoàn thành", "Số nhiệm vụ hoàn thành",
                  "Number of tasks done"),
      count_field("tasks_in_progress", "Đang thực hiện", "Số nhiệm vụ đang thực hiện",
                  "Number of tasks in progress"),
      count_field("tasks_not_started", "Chưa bắt đầu", "Số nhiệm vụ chưa bắt đầu",
                  "Number of tasks not started"),
      count_field("tasks_postponed", "Tạm hoãn", "Số nhiệm vụ tạm hoãn",
                  "Number of tasks postponed"),
      count_field("tasks_cancelled", "Huỷ bỏ", "Số nhiệm vụ huỷ bỏ", "Number of tasks cancelled"),
      count_field("tasks_overdue", "Quá hạn", "Số nhiệm vụ quá hạn tại ngày tính",
                  "Number of tasks overdue as of the reference date"),
      field("last_updated", FieldType::kDate, "Cập nhật",
            "Ngày gần nhất có nội dung về kế hoạch (ban hành, tiến độ, báo cáo)",
            "Latest content date touching the plan (issue, progress, report)"),
      as_of_field(),
      page_field("trang kế hoạch", "the plan's page"),
      field("data_json", FieldType::kString, "Dữ liệu JSON",
            "Địa chỉ tệp JSON chứa dữ liệu đầy đủ của các kế hoạch của đơn vị, trong đó có kế "
            "hoạch này (cùng quy tắc với cột page)",
            "Address of the JSON file holding the full data of the unit's plans, this one among "
            "them (same rule as the page column)"),
  };
  t.primary_key = {"unit_path", "plan_id"};
  return t;
}

DataTable tasks_table() {
  DataTable t;
  t.name = "nhiem-vu";
  t.title = "Nhiệm vụ";
  t.title_en = "Tasks";
  t.description = "Mỗi dòng là một nhiệm vụ trong phụ lục của một kế hoạch, với thời hạn đã "
                  "phân tích và trạng thái tại ngày tính.";
  t.description_en = "One row per task of a plan's task table, with its parsed timeframe and "
                     "its status as of the reference date.";
  t.fields = {
      unit_path_field(),
      plan_id_field(),
      key_field("task_id", "Mã nhiệm vụ", std::string("Mã nhiệm vụ, duy nhất trong kế hoạch") + kTaskPageVi,
                std::string("Task id, unique within the plan") + kTaskPageEn),
      field("position", FieldType::kInteger, "Thứ tự", "Thứ tự của nhiệm vụ trong phụ lục, từ 1",
            "Position of the task in the task table, from 1"),
      field("number", FieldType::kString, "STT", "Số thứ tự như in (có thể trống hoặc lặp)",
            "Number as printed (may be empty or repeated)"),
      field("full_number", FieldType::kString, "Số đầy đủ",
            "Số như in kèm số các mục và nhiệm vụ chứa nó, ngăn bằng \" › \": C › 3 › 2, II › 1; "
            "trống khi dòng không in số",
            "The printed numbers of the sections and tasks above the row and its own, separated "
            "by \" › \": C › 3 › 2, II › 1; empty when the row has no number"),
      field("section_path", FieldType::kString, "Số các mục",
            "Số như in của mọi mục chứa nhiệm vụ, từ ngoài vào, ngăn bằng \" › \": C › 3; số "
            "cuối là số của mục trong cùng",
            "Numbers as printed of every section holding the task, outermost first, separated "
            "by \" › \": C › 3; the last is the innermost section's"),
      field("section_titles", FieldType::kString, "Các mục",
            "Tên mọi mục chứa nhiệm vụ, từ ngoài vào, ngăn bằng \" › \"; tên cuối là tên mục "
            "trong cùng (mỗi mục với số, tên và mục cha có trong ke-hoach.json của kế hoạch)",
            "Headings of every section holding the task, outermost first, separated by \" › \"; "
            "the last is the innermost section's (each section, with its number, heading and "
            "parent, is in the plan's ke-hoach.json)"),
      field("parent_task_id", FieldType::kString, "Thuộc nhiệm vụ",
            "Với nhiệm vụ con (dòng con như 3.1 dưới 3): mã nhiệm vụ chứa nó",
            "For a sub-task (a sub-row such as 3.1 under 3): the id of its task"),
      field("counted", FieldType::kBoolean, "Được đếm",
            "Được đếm trong số nhiệm vụ của kế hoạch; nhiệm vụ con được đếm trong nhiệm vụ chứa nó",
            "Counted among the plan's tasks; a sub-task counts within its task"),
      field("text", FieldType::kString, "Nội dung công việc", "Nội dung nhiệm vụ (Markdown)",
            "Task text (Markdown)"),
      field("lead_text", FieldType::kString, "Cơ quan chủ trì (như in)",
            "Ô cơ quan chủ trì đúng như in trên văn bản, các dòng của ô cách nhau bởi xuống "
            "dòng; chỉ ghi khi ô in khác với các cơ quan ở cột lead, mỗi cơ quan một dòng: để "
            "trống thì ô in đúng là như vậy",
            "The lead office cell exactly as printed, its lines separated by line breaks; given "
            "only when the printed cell is not just the offices of the lead column one per line: "
            "empty, the cell is exactly that"),
      field("lead", FieldType::kString, "Cơ quan chủ trì",
            "Từng cơ quan chủ trì (tách ở dấu \";\" và xuống dòng, không bao giờ ở dấu phẩy), cách nhau bởi \"; \"",
            "Each lead office (split at \";\" and line breaks, never at a comma), separated by \"; \""),
      field("partners_text", FieldType::kString, "Cơ quan phối hợp (như in)",
            "Ô cơ quan phối hợp đúng như in trên văn bản; chỉ ghi khi ô in khác với các cơ quan "
            "ở cột partners, mỗi cơ quan một dòng (như cột lead_text)",
            "The coordinating offices' cell exactly as printed; given only when it is not just "
            "the offices of the partners column one per line (as lead_text)"),
      field("partners", FieldType::kString, "Cơ quan phối hợp",
            "Từng cơ quan phối hợp (tách như cột lead), cách nhau bởi \"; \"",
            "Each coordinating office (split as in the lead column), separated by \"; \""),
      field("output", FieldType::kString, "Sản phẩm dự kiến", "Dự kiến sản phẩm",
            "Expected output"),
      field("timeframe", FieldType::kString, "Thời gian thực hiện", "Thời gian thực hiện như ghi",
            "Timeframe as written"),
      enum_field("timeframe_kind",
                 {"due", "period", "recurring", "checkpoints", "unscheduled", "unknown"},
                 "Loại thời hạn",
                 "Cách hiểu thời hạn: due (một hạn), period (khoảng thời gian), recurring (định "
                 "kỳ, thường xuyên), checkpoints (nhiều mốc), unscheduled (không ấn định), "
                 "unknown (chưa hiểu được)",
                 "How the timeframe reads: due (one deadline), period (from–to), recurring "
                 "(regular), checkpoints (several dates), unscheduled (no fixed date), unknown "
                 "(not understood)"),
      field("start", FieldType::kDate, "Bắt đầu", "Ngày bắt đầu, với thời hạn dạng khoảng",
            "Start date, for a period"),
      field("due", FieldType::kDate, "Hạn hoàn thành",
            "Hạn hoàn thành suy ra từ thời gian thực hiện; trống khi không có hạn",
            "Deadline derived from the timeframe; empty when there is none"),
      field("checkpoints", FieldType::kString, "Các mốc",
            "Các mốc thời hạn (YYYY-MM-DD), cách nhau bởi dấu cách",
            "Checkpoint dates (YYYY-MM-DD), separated by spaces"),
      field("cadences", FieldType::kString, "Định kỳ",
            "Chu kỳ lặp: continuous, monthly, quarterly, yearly, on_demand; cách nhau bởi dấu "
            "cách",
            "Recurrence: continuous, monthly, quarterly, yearly, on_demand; separated by spaces"),
      field("on_demand", FieldType::kBoolean, "Đột xuất",
            "Thực hiện cả khi có yêu cầu, đột xuất", "Also done on demand"),
      enum_field("status", status_keys(), "Trạng thái",
                 "Trạng thái tại ngày tính: " + status_legend(),
                 "Status as of the reference date: " + status_legend() +
                     " (the Vietnamese label in brackets)"),
      field("percent", FieldType::kInteger, "Tỷ lệ hoàn thành (%)",
            "Tỷ lệ hoàn thành báo cáo gần nhất, 0–100; trống khi chưa báo cáo",
            "Latest reported percent complete, 0–100; empty when not reported"),
      field("reported", FieldType::kBoolean, "Đã báo cáo",
            "Đã có ít nhất một báo cáo tiến độ đến ngày tính (của nhiệm vụ, hoặc của nhiệm vụ "
            "con khi trạng thái tính theo chúng)",
            "At least one progress entry on or before the reference date (on the task, or on "
            "its sub-tasks when its status derives from them)"),
      field("from_subtasks", FieldType::kBoolean, "Theo nhiệm vụ con",
            "Trạng thái tính theo các nhiệm vụ con, vì nhiệm vụ không có báo cáo riêng",
            "Status derived from the sub-tasks, the task having no report of its own"),
      field("overdue", FieldType::kBoolean, "Quá hạn",
            "Đã quá hạn mà chưa hoàn thành hoặc huỷ bỏ",
            "Past its deadline and neither done nor cancelled"),
      field("overdue_days", FieldType::kInteger, "Số ngày quá hạn", "Số ngày quá hạn",
            "Days overdue"),
      as_of_field(),
  };
  t.primary_key = {"unit_path", "plan_id", "task_id"};
  t.foreign_keys = {{{"unit_path", "plan_id"}, "ke-hoach", {"unit_path", "plan_id"}}};
  return t;
}

DataTable progress_table() {
  DataTable t;
  t.name = "tien-do";
  t.title = "Tiến độ";
  t.title_en = "Progress entries";
  t.description = "Mỗi dòng là một lần báo cáo tiến độ của một nhiệm vụ.";
  t.description_en = "One row per progress entry reported on a task.";
  t.fields = {
      unit_path_field(),
      plan_id_field(),
      key_field("task_id", "Mã nhiệm vụ",
                "Mã nhiệm vụ được báo cáo; số đầy đủ, nội dung và mọi cột khác của nhiệm vụ ở "
                "dòng của nó trong bảng nhiem-vu (cùng unit_path, plan_id, task_id)",
                "Id of the task reported on; its full number, text and every other column are "
                "on its row of the nhiem-vu table (same unit_path, plan_id, task_id)"),
      field("date", FieldType::kDate, "Ngày", "Ngày của báo cáo tiến độ", "Date of the entry"),
      enum_field("status", status_keys(), "Trạng thái",
                 "Trạng thái được báo cáo: " + status_legend(),
                 "Reported status: " + status_legend() + " (the Vietnamese label in brackets)"),
      field("percent", FieldType::kInteger, "Tỷ lệ hoàn thành (%)",
            "Tỷ lệ hoàn thành được báo cáo, 0–100", "Reported percent complete, 0–100"),
      field("note", FieldType::kString, "Ghi chú", "Nội dung đã thực hiện (Markdown)",
            "What was done (Markdown)"),
      field("reported_by", FieldType::kString, "Người báo cáo", "Cơ quan hoặc người báo cáo",
            "Who reported"),
      field("evidence", FieldType::kString, "Minh chứng",
            "Tài liệu minh chứng, mỗi dòng một tài liệu: tên (địa chỉ)",
            "Evidence documents, one per line: title (address)"),
      field("period", FieldType::kString, "Kỳ báo cáo", "Kỳ báo cáo của tệp tiến độ: Quý I/2023",
            "Reporting period of the progress file"),
      record_field(),
      line_field(),
  };
  t.foreign_keys = {
      {{"unit_path", "plan_id", "task_id"}, "nhiem-vu", {"unit_path", "plan_id", "task_id"}}};
  return t;
}

DataTable targets_table() {
  DataTable t;
  t.name = "chi-tieu";
  t.title = "Chỉ tiêu";
  t.title_en = "Targets";
  t.description = "Mỗi dòng là một chỉ tiêu của một kế hoạch, với số liệu gần nhất và kết quả "
                  "tại ngày tính.";
  t.description_en = "One row per numeric target of a plan, with its latest measurement and "
                     "result as of the reference date.";
  t.fields = {
      unit_path_field(),
      plan_id_field(),
      key_field("target_id", "Mã chỉ tiêu",
                "Mã chỉ tiêu, duy nhất trong kế hoạch; trang của chỉ tiêu trên cổng là cột page "
                "của kế hoạch (bảng ke-hoach) tiếp theo #ct-<target_id>",
                "Target id, unique within the plan; the target's page on the portal is its "
                "plan's page (ke-hoach table) followed by #ct-<target_id>"),
      field("measure", FieldType::kString, "Nội dung đo", "Nội dung được đo", "What is measured"),
      enum_field("comparison", {"at_least", "at_most", "exactly"}, "So sánh",
                 comparison_legend(), comparison_legend() + " (the Vietnamese label in brackets)"),
      field("value", FieldType::kNumber, "Giá trị", "Giá trị chỉ tiêu", "Target value"),
      field("unit", FieldType::kString, "Đơn vị tính", "Đơn vị tính, mặc định %",
            "Unit of the value, % by default"),
      field("statement", FieldType::kString, "Câu chỉ tiêu",
            "Câu nêu chỉ tiêu trong kế hoạch, nguyên văn", "The plan's sentence stating the target, verbatim"),
      field("part", FieldType::kString, "Phần văn bản",
            "Đề mục của phần văn bản nêu chỉ tiêu, như in",
            "Heading of the body part that states the target, as printed"),
      field("task_id", FieldType::kString, "Nhiệm vụ",
            "Mã nhiệm vụ nêu chỉ tiêu, nếu có; số đầy đủ của nhiệm vụ ở dòng của nó trong bảng "
            "nhiem-vu (cùng unit_path, plan_id, task_id)",
            "Id of the task that states the target, if any; the task's full number is on its "
            "row of the nhiem-vu table (same unit_path, plan_id, task_id)"),
      field("latest_value", FieldType::kNumber, "Số liệu gần nhất",
            "Số liệu gần nhất đến ngày tính", "Latest measured value on or before the reference "
                                               "date"),
      field("latest_date", FieldType::kDate, "Ngày số liệu", "Ngày của số liệu gần nhất",
            "Date of the latest measurement"),
      enum_field("result", {"met", "not_met", "no_data"}, "Kết quả",
                 result_legend(), result_legend() + " (the Vietnamese label in brackets)"),
      as_of_field(),
  };
  t.primary_key = {"unit_path", "plan_id", "target_id"};
  t.foreign_keys = {{{"unit_path", "plan_id"}, "ke-hoach", {"unit_path", "plan_id"}}};
  return t;
}

DataTable measurements_table() {
  DataTable t;
  t.name = "so-lieu";
  t.title = "Số liệu";
  t.title_en = "Measurements";
  t.description = "Mỗi dòng là một số liệu đo được của một chỉ tiêu.";
  t.description_en = "One row per measured value of a target.";
  t.fields = {
      unit_path_field(),
      plan_id_field(),
      key_field("target_id", "Mã chỉ tiêu", "Mã chỉ tiêu được đo", "Id of the target measured"),
      field("date", FieldType::kDate, "Ngày", "Ngày của số liệu", "Date of the figure"),
      field("value", FieldType::kNumber, "Giá trị", "Giá trị đo được", "Measured value"),
      field("source", FieldType::kString, "Nguồn", "Nguồn số liệu như ghi",
            "Source of the figure as written"),
      record_field(),
      line_field(),
  };
  t.foreign_keys = {{{"unit_path", "plan_id", "target_id"},
                     "chi-tieu",
                     {"unit_path", "plan_id", "target_id"}}};
  return t;
}

// Fills a row by column name, so that a row can never drift from the column order.
class RowBuilder {
 public:
  explicit RowBuilder(const DataTable& table) : table_(table), cells_(table.fields.size()) {}
  RowBuilder& set(std::string_view name, std::string value) {
    for (size_t i = 0; i < table_.fields.size(); ++i)
      if (table_.fields[i].name == name) {
        cells_[i] = std::move(value);
        return *this;
      }
    return *this;  // unknown names are a programming error caught by the tests' header checks
  }
  std::vector<std::string> take() { return std::move(cells_); }

 private:
  const DataTable& table_;
  std::vector<std::string> cells_;
};

std::string boolean(bool b) { return b ? "true" : "false"; }
std::string integer(long long n) { return std::to_string(n); }
std::string percent(int p) { return p < 0 ? "" : std::to_string(p); }
std::string line_of(const SourcePos& pos) { return pos.line > 0 ? std::to_string(pos.line) : ""; }

// "number date": the fields this copy lacks, in kNotInCopyKeys order.
std::string not_in_copy_text(const NotInCopy& n) {
  std::string out;
  for (const char* k : kNotInCopyKeys)
    if (not_in_copy_has(n, k)) out += std::string(out.empty() ? "" : " ") + k;
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

// The headings of a section and of those above it, outermost first.
std::vector<std::string> section_titles(const Plan& plan, int section) {
  std::vector<std::string> titles;
  for (int s = section; s >= 0 && static_cast<std::size_t>(s) < plan.sections.size() && titles.size() <= plan.sections.size();
       s = plan.sections[s].parent)
    titles.insert(titles.begin(), plan.sections[s].title);
  return titles;
}

// An office cell as printed, when it is not just its offices one per line (which the
// offices' own column gives); else empty. The plan JSON's rule for lead_text.
std::string printed_cell(const std::string& printed, const std::vector<std::string>& offices) {
  std::string cell = office_cell(printed, offices);
  return cell == office_cell("", offices) ? std::string() : cell;
}

// A progress file's path from its unit's progress/ folder, where the loader finds every
// progress file of the unit's plans: "2023-q1.yaml", "them/2024-01.yaml".
std::string record_in_unit(const Portal& portal, const Unit& unit, const ProgressRecord& record) {
  std::string_view path = record.path, dir = unit.path;
  const auto slash = dir.rfind('/');
  dir = slash == std::string_view::npos ? std::string_view() : dir.substr(0, slash + 1);
  const std::string folder = std::string(dir) + "progress/";
  if (path.size() > folder.size() && path.substr(0, folder.size()) == folder)
    return std::string(path.substr(folder.size()));
  return content_relative(portal, path);  // not below its unit: the loader never makes one
}

const Unit* unit_of(const Portal& portal, int index) {
  if (index < 0 || index >= static_cast<int>(portal.units.size())) return nullptr;
  return &portal.units[index];
}

// A plan's facts, or empty ones when the facts do not cover it.
const PlanFacts& facts_or_none(const PortalFacts& facts, std::size_t plan) {
  static const PlanFacts kNone;
  return plan < facts.plans.size() ? facts.plans[plan] : kNone;
}

// For each plan, the positions in `refs` of its entries (or measurements), in `refs` order.
std::vector<std::vector<std::uint32_t>> refs_by_plan(const Portal& portal,
                                                     const std::vector<EntryRef>& refs) {
  std::vector<std::vector<std::uint32_t>> out(portal.plans.size());
  for (size_t i = 0; i < refs.size(); ++i)
    if (refs[i].plan >= 0 && refs[i].plan < static_cast<int>(out.size()))
      out[refs[i].plan].push_back(static_cast<std::uint32_t>(i));
  return out;
}

struct Located {
  int record;
  int index;
  Date date;
};

// One plan's progress entries or measurements (`at`: their positions in `refs`), ordered by
// date, file and position; the order among equals is `refs` order.
template <typename Pick>
std::vector<Located> locate(const Portal& portal, const std::vector<EntryRef>& refs,
                            const std::vector<std::uint32_t>& at, Pick pick) {
  std::vector<Located> out;
  for (std::uint32_t i : at) {
    const EntryRef& ref = refs[i];
    if (ref.record < 0 || ref.record >= static_cast<int>(portal.progress.size())) continue;
    const auto& items = pick(portal.progress[ref.record]);
    if (ref.index < 0 || ref.index >= static_cast<int>(items.size())) continue;
    out.push_back({ref.record, ref.index, items[ref.index].date});
  }
  std::stable_sort(out.begin(), out.end(), [&](const Located& a, const Located& b) {
    const std::string& pa = portal.progress[a.record].path;
    const std::string& pb = portal.progress[b.record].path;
    return std::tie(a.date, pa, a.index) < std::tie(b.date, pb, b.index);
  });
  return out;
}

}  // namespace

std::string field_type_name(FieldType type) {
  switch (type) {
    case FieldType::kString: return "string";
    case FieldType::kInteger: return "integer";
    case FieldType::kNumber: return "number";
    case FieldType::kBoolean: return "boolean";
    case FieldType::kDate: return "date";
  }
  return "string";
}

std::vector<DataTable> table_definitions() {
  return {plans_table(), tasks_table(), progress_table(), targets_table(),
          measurements_table()};
}

PlanRows::PlanRows(const Portal& portal, const PortalFacts& facts)
    : portal_(portal),
      facts_(facts),
      tables_(table_definitions()),
      as_of_(complete_date(facts.as_of)),
      entries_(refs_by_plan(portal, facts.entries)),
      measurements_(refs_by_plan(portal, facts.measurements)) {}

void PlanRows::each_row(std::size_t table, std::size_t p, const Row& row) const {
  if (p >= portal_.plans.size() || !unit_of(portal_, portal_.plans[p].unit)) return;
  switch (table) {
    case kPlans: return plan_row(p, row);
    case kTasks: return task_rows(p, row);
    case kProgress: return progress_rows(p, row);
    case kTargets: return target_rows(p, row);
    case kMeasurements: return measurement_rows(p, row);
  }
}

void PlanRows::plan_row(std::size_t p, const Row& row) const {
  const Plan& plan = portal_.plans[p];
  const Unit& unit = portal_.units[plan.unit];
  const PlanFacts& pf = facts_or_none(facts_, p);
  const Site& site = portal_.site;
  std::vector<std::string> basis;
  for (const auto& ref : plan.legal_basis) basis.push_back(ref.text);
  row(RowBuilder(tables_[kPlans])
          .set("unit_path", unit.url_path)
          .set("unit_name", unit_display_name(unit))
          .set("unit_level", unit_level_key(unit.level))
          .set("plan_id", plan.id)
          .set("number", plan.number)
          .set("title", plan.title)
          .set("year", plan.year ? integer(plan.year) : "")
          .set("date", complete_date(plan.date))
          .set("date_text", plan.date ? format_iso(*plan.date) : "")
          .set("place", plan.place)
          .set("issuer", plan.issuer)
          .set("signer_name", plan.signer.name)
          .set("signer_title", plan.signer.title)
          .set("not_in_copy", not_in_copy_text(plan.not_in_copy))
          .set("legal_basis", join(basis, "\n"))
          .set("implements", plan.implements ? plan.implements->text : "")
          .set("implements_unit_path",
               plan.implements_index >= 0 ? portal_.units[portal_.plans[plan.implements_index].unit].url_path : "")
          .set("implements_plan_id", plan.implements_index >= 0 ? portal_.plans[plan.implements_index].id : "")
          .set("appendix_title", plan.appendix_title)
          .set("appendix_note", plan.appendix_note)
          .set("tasks", integer(std::count_if(plan.tasks.begin(), plan.tasks.end(), counts_as_task)))
          .set("targets", integer(plan.targets.size()))
          .set("tasks_done", integer(pf.done))
          .set("tasks_in_progress", integer(pf.in_progress))
          .set("tasks_not_started", integer(pf.not_started))
          .set("tasks_postponed", integer(pf.postponed))
          .set("tasks_cancelled", integer(pf.cancelled))
          .set("tasks_overdue", integer(pf.overdue))
          .set("last_updated", complete_date(pf.last_updated))
          .set("as_of", as_of_)
          .set("page", link_from_root(site, plan_page(portal_, plan)))
          .set("data_json", link_from_root(site, plans_json(unit)))
          .take());
}

void PlanRows::task_rows(std::size_t p, const Row& row) const {
  const Plan& plan = portal_.plans[p];
  const Unit& unit = portal_.units[plan.unit];
  const PlanFacts& pf = facts_or_none(facts_, p);
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& task = plan.tasks[i];
    TaskFacts tf;
    if (i < pf.tasks.size()) tf = pf.tasks[i];
    std::vector<std::string> checkpoints, cadences;
    for (const auto& d : tf.timeframe.checkpoints)
      if (d.is_complete()) checkpoints.push_back(format_iso(d));
    for (auto c : tf.timeframe.cadences)
      if (!cadence_key(c).empty()) cadences.push_back(cadence_key(c));
    row(RowBuilder(tables_[kTasks])
            .set("unit_path", unit.url_path)
            .set("plan_id", plan.id)
            .set("task_id", task.id)
            .set("position", integer(i + 1))
            .set("number", task.number)
            .set("full_number", full_number(plan, task))
            .set("section_path", join(section_number_path(plan, task.section), kNumberPathSeparator))
            .set("section_titles", join(section_titles(plan, task.section), kNumberPathSeparator))
            .set("parent_task_id", task.parent >= 0 && static_cast<std::size_t>(task.parent) < plan.tasks.size()
                                       ? plan.tasks[task.parent].id : "")
            .set("counted", boolean(counts_as_task(task)))
            .set("text", task.text)
            .set("lead_text", printed_cell(task.lead_text, task.lead))
            .set("lead", join(task.lead, "; "))
            .set("partners_text", printed_cell(task.partners_text, task.partners))
            .set("partners", join(task.partners, "; "))
            .set("output", task.output)
            .set("timeframe", task.timeframe)
            .set("timeframe_kind", timeframe_kind_key(tf.timeframe.kind))
            .set("start", complete_date(tf.timeframe.start))
            .set("due", complete_date(tf.due))
            .set("checkpoints", join(checkpoints, " "))
            .set("cadences", join(cadences, " "))
            .set("on_demand", boolean(tf.timeframe.also_on_demand))
            .set("status", task_status_key(tf.status))
            .set("percent", percent(tf.percent))
            .set("reported", boolean(tf.reported))
            .set("from_subtasks", boolean(tf.from_subtasks))
            .set("overdue", boolean(tf.overdue))
            .set("overdue_days", integer(tf.overdue_days))
            .set("as_of", as_of_)
            .take());
  }
}

void PlanRows::target_rows(std::size_t p, const Row& row) const {
  const Plan& plan = portal_.plans[p];
  const Unit& unit = portal_.units[plan.unit];
  const PlanFacts& pf = facts_or_none(facts_, p);
  for (size_t i = 0; i < plan.targets.size(); ++i) {
    const Target& target = plan.targets[i];
    TargetFacts tf;
    if (i < pf.targets.size()) tf = pf.targets[i];
    row(RowBuilder(tables_[kTargets])
            .set("unit_path", unit.url_path)
            .set("plan_id", plan.id)
            .set("target_id", target.id)
            .set("measure", target.measure)
            .set("comparison", comparison_key(target.comparison))
            .set("value", format_number(target.value))
            .set("unit", target.unit)
            .set("statement", target.statement)
            .set("part", target.part)
            .set("task_id", target.task)
            .set("latest_value", tf.latest ? format_number(*tf.latest) : "")
            .set("latest_date", complete_date(tf.latest_date))
            .set("result", target_result_key(tf.result))
            .set("as_of", as_of_)
            .take());
  }
}

void PlanRows::progress_rows(std::size_t p, const Row& row) const {
  const Plan& plan = portal_.plans[p];
  const Site& site = portal_.site;
  auto entries = locate(portal_, facts_.entries, entries_[p],
                        [](const ProgressRecord& r) -> const auto& { return r.entries; });
  for (const auto& l : entries) {
    const ProgressRecord& record = portal_.progress[l.record];
    const ProgressEntry& e = record.entries[l.index];
    std::vector<std::string> evidence;
    for (const auto& ev : e.evidence) {
      std::string link = !ev.url.empty() ? ev.url
                                         : ev.file.empty()
                                               ? std::string()
                                               : link_from_root(site, file_output_path(ev.file));
      evidence.push_back(link.empty() ? ev.title : ev.title + " (" + link + ")");
    }
    row(RowBuilder(tables_[kProgress])
            .set("unit_path", portal_.units[plan.unit].url_path)
            .set("plan_id", plan.id)
            .set("task_id", e.task)
            .set("date", complete_date(e.date))
            .set("status", task_status_key(e.status))
            .set("percent", percent(e.percent))
            .set("note", e.note)
            .set("reported_by", e.reported_by)
            .set("evidence", join(evidence, "\n"))
            .set("period", record.period)
            .set("record", record_in_unit(portal_, portal_.units[plan.unit], record))
            .set("line", line_of(e.pos))
            .take());
  }
}

void PlanRows::measurement_rows(std::size_t p, const Row& row) const {
  const Plan& plan = portal_.plans[p];
  auto figures = locate(portal_, facts_.measurements, measurements_[p],
                        [](const ProgressRecord& r) -> const auto& { return r.measurements; });
  for (const auto& l : figures) {
    const ProgressRecord& record = portal_.progress[l.record];
    const Measurement& m = record.measurements[l.index];
    row(RowBuilder(tables_[kMeasurements])
            .set("unit_path", portal_.units[plan.unit].url_path)
            .set("plan_id", plan.id)
            .set("target_id", m.target)
            .set("date", complete_date(m.date))
            .set("value", format_number(m.value))
            .set("source", m.source_note)
            .set("record", record_in_unit(portal_, portal_.units[plan.unit], record))
            .set("line", line_of(m.pos))
            .take());
  }
}

std::vector<std::vector<std::size_t>> plans_by_unit(const Portal& portal) {
  // A row's unit is the one its unit_path names (the first unit with that path).
  std::map<std::string, int, std::less<>> unit_by_path;
  for (size_t u = 0; u < portal.units.size(); ++u)
    unit_by_path.emplace(portal.units[u].url_path, static_cast<int>(u));
  std::vector<std::vector<std::size_t>> out(portal.units.size());
  for (size_t p = 0; p < portal.plans.size(); ++p) {
    const Unit* unit = unit_of(portal, portal.plans[p].unit);
    if (unit) out[unit_by_path.find(unit->url_path)->second].push_back(p);
  }
  return out;
}

std::vector<DataTable> build_tables(const Portal& portal, const PortalFacts& facts,
                                    const Unit* scope) {
  std::vector<DataTable> tables = table_definitions();
  std::vector<std::size_t> plans;
  if (!scope) {
    for (size_t p = 0; p < portal.plans.size(); ++p) plans.push_back(p);
  } else {
    size_t u = 0;
    while (u < portal.units.size() && &portal.units[u] != scope) ++u;
    if (u == portal.units.size()) return tables;  // not a unit of this portal: no rows
    plans = plans_by_unit(portal)[u];
  }
  const PlanRows rows(portal, facts);
  for (size_t t = 0; t < tables.size(); ++t)
    for (std::size_t p : plans)
      rows.each_row(t, p, [&](std::vector<std::string> cells) {
        tables[t].rows.push_back(std::move(cells));
      });
  return tables;
}

}  // namespace congkhai
