// A plan (kế hoạch) and its task table, as written in plans/*.md.
#pragma once

#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/diagnostic.h"

namespace congkhai {

// A reference as written ("Nghị định số 63/2010/NĐ-CP …"), optionally linked.
struct Reference {
  std::string text;
  std::string url;

  bool operator==(const Reference&) const = default;
};

struct Signer {
  std::string name;
  std::string title;
  std::vector<std::string> capacity;  // "TM. Ủy ban nhân dân", "KT. Chủ tịch"

  bool operator==(const Signer&) const = default;
};

struct Task {
  std::string id;
  bool id_explicit = false;
  std::string number;  // as printed, may be empty
  std::string text;    // Markdown
  // The lead and coordinating offices' cells (cơ quan chủ trì, phối hợp) as printed, shown as
  // they are; a list's items are its lines. `lead` and `partners` name the offices one by one,
  // for filters and open data: never split at a comma (see split_offices).
  std::string lead_text;
  std::string partners_text;
  std::vector<std::string> lead;
  std::vector<std::string> partners;
  std::string output;
  std::string timeframe;  // as written
  int section = -1;       // innermost section, index into Plan::sections
  int parent = -1;        // for a sub-task (a printed sub-row), its task, index into Plan::tasks
  std::vector<int> subtasks;  // its sub-tasks in printed order, indexes into Plan::tasks
  SourcePos pos;

  bool operator==(const Task&) const = default;
};

struct Section {
  std::string number;
  std::string title;
  int depth = 1;     // 1 to 3
  int parent = -1;   // index into Plan::sections
  SourcePos pos;

  bool operator==(const Section&) const = default;
};

// One row of the printed table, in order: a section heading or a task.
struct TableRow {
  enum class Kind { kSection, kTask } kind = Kind::kTask;
  int index = 0;  // into Plan::sections or Plan::tasks

  bool operator==(const TableRow&) const = default;
};

enum class Comparison { kAtLeast, kAtMost, kExactly };

struct Target {
  std::string id;
  std::string measure;
  Comparison comparison = Comparison::kAtLeast;
  double value = 0;
  std::string value_text;  // as written, for display without float noise
  std::string unit = "%";
  std::string task;        // id of the task whose row states the target, may be empty
  std::string statement;   // the plan's own sentence, verbatim: "Tối thiểu 50% …"
  std::string part;        // or the heading of the body part that states it, as printed
  SourcePos pos;
  SourcePos task_pos;
  SourcePos part_pos;

  bool operator==(const Target&) const = default;
};

// Header fields a published copy may lack altogether ("not in this copy": the transcribed copy
// has no number line, no date line, no signature…), as opposed to a field printed blank
// ("Số: /KH-UBND", "ngày … tháng 01 năm 2026"). The portal then says it does not know.
struct NotInCopy {
  bool number = false;
  bool date = false;
  bool place = false;
  bool issuer = false;
  bool signer = false;  // the signer's name

  bool any() const { return number || date || place || issuer || signer; }

  bool operator==(const NotInCopy&) const = default;
};

// The keys of `not_in_copy`, in the order they are listed and exported.
inline constexpr const char* kNotInCopyKeys[] = {"number", "date", "place", "issuer", "signer"};
bool* not_in_copy_flag(NotInCopy* n, const std::string& key);
bool not_in_copy_has(const NotInCopy& n, const std::string& key);

// The task table's column headings as printed; an empty one keeps the portal's own heading.
struct ColumnHeadings {
  std::string number;
  std::string task;
  std::string lead;
  std::string partners;
  std::string output;
  std::string timeframe;

  bool operator==(const ColumnHeadings&) const = default;
};

// The marker line in a plan's body where its task table stands (inside a part such as
// "II. NỘI DUNG"), instead of after the body as an appendix.
inline constexpr const char kTableMarker[] = "[[bảng nhiệm vụ]]";

struct Plan {
  std::string path;     // source file
  std::string id;       // file stem
  int unit = -1;        // index into Portal::units
  std::string number;
  std::string title;
  int year = 0;
  std::optional<Date> date;
  std::string place;
  std::string issuer;
  Signer signer;
  std::vector<Reference> legal_basis;
  std::optional<Reference> implements;
  // The implemented plan's portal path as written ("ha-tinh/huong-son/2023": its unit's address
  // and its id), when that plan is in this portal; empty when it is not.
  std::string implements_plan;
  SourcePos implements_pos;
  int implements_index = -1;        // that plan, index into Portal::plans, once linked
  std::vector<int> implemented_by;  // the plans implementing this one, indexes into Portal::plans
  std::vector<std::string> recipients;
  std::string budget;  // Markdown
  std::string body;    // Markdown
  int body_line = 1;   // line of the body's first line in the file
  // The task table's own heading as printed (phụ lục), and its "(Kèm theo Kế hoạch số …)" line.
  std::string appendix_title;
  std::string appendix_note;
  ColumnHeadings columns;
  NotInCopy not_in_copy;
  // Where the task table stands: the marker's line within `body` (0-based), or -1 when the
  // table is an appendix after the body (the default). The body keeps the marker line.
  int table_marker = -1;
  std::vector<Section> sections;
  std::vector<Task> tasks;
  std::vector<TableRow> table;
  std::vector<Target> targets;

  bool operator==(const Plan&) const = default;
};

bool parse_comparison(const std::string& s, Comparison* out);
// "tối thiểu", "tối đa", "đúng"
std::string comparison_vi(Comparison c);
// Whether a blank plan number was left to be filled in ("/KH-UBND").
bool is_blank_number(const std::string& number);
// The number as the copy gives it: printed, printed blank ("/KH-UBND"), or not in this copy.
enum class NumberState { kPrinted, kBlank, kNotInCopy };
NumberState number_state(const Plan& plan);
// The body before and after the table marker (the marker line itself left out); without a
// marker, the whole body and "".
std::pair<std::string, std::string> body_around_table(const Plan& plan);
// What the pages and open data put between the parts of a row's full number: "II › 1".
inline constexpr const char* kNumberPathSeparator = " › ";
// The printed numbers above a section or task and its own, outermost first, each exactly as
// printed: the numbers of its sections, of the tasks it is a sub-task of, and its own. Rows
// printed without a number add nothing; a number that already begins with the one above it
// and a full stop ("3.1" under "3", "2.1.2" under "2.1") stands for both.
std::vector<std::string> number_path(const Plan& plan, const Task& task);
std::vector<std::string> section_number_path(const Plan& plan, int section);
// The path joined by kNumberPathSeparator: "C › 3 › 2", "II › 1", "2.1.2". Empty when the row
// itself was printed without a number (a path of its sections alone would name the section).
std::string full_number(const Plan& plan, const Task& task);
std::string section_full_number(const Plan& plan, int section);
// The number (as printed, or a full number) and the text, separated by a space:
// "II › 1 Xây dựng…", "1. Xây dựng…"; no number, the text alone. No punctuation is added.
std::string numbered(const std::string& number, const std::string& text);
// The offices an office cell names: its parts between ";" and line breaks, each without a
// leading bullet ("- ", "+ ") or trailing punctuation. A comma never splits: "Các cơ quan, đơn vị
// liên quan" is one office to every reader.
std::vector<std::string> split_offices(std::string_view printed);
// The cell as the page shows it: `text`, or the offices one a line when no text was given.
std::string office_cell(const std::string& text, const std::vector<std::string>& offices);
// The task's full number and its text: numbered(full_number(plan, task), text).
std::string numbered_task(const Plan& plan, const Task& task, const std::string& text);
const Task* find_task(const Plan& plan, const std::string& id);
const Target* find_target(const Plan& plan, const std::string& id);

}  // namespace congkhai
