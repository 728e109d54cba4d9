// A plan (kế hoạch) and its task table, as written in plans/*.md.
#pragma once

#include <optional>
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
};

struct Signer {
  std::string name;
  std::string title;
  std::vector<std::string> capacity;  // "TM. Ủy ban nhân dân", "KT. Chủ tịch"
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
  SourcePos pos;
};

struct Section {
  std::string number;
  std::string title;
  int depth = 1;     // 1 to 3
  int parent = -1;   // index into Plan::sections
  SourcePos pos;
};

// One row of the printed table, in order: a section heading or a task.
struct TableRow {
  enum class Kind { kSection, kTask } kind = Kind::kTask;
  int index = 0;  // into Plan::sections or Plan::tasks
};

enum class Comparison { kAtLeast, kAtMost, kExactly };

struct Target {
  std::string id;
  std::string measure;
  Comparison comparison = Comparison::kAtLeast;
  double value = 0;
  std::string value_text;  // as written, for display without float noise
  std::string unit = "%";
  std::string task;        // task id, may be empty
  SourcePos pos;
  SourcePos task_pos;
};

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
  std::vector<std::string> recipients;
  std::string budget;  // Markdown
  std::string body;    // Markdown
  int body_line = 1;   // line of the body's first line in the file
  // The task table's own heading as printed (phụ lục), and its "(Kèm theo Kế hoạch số …)" line.
  std::string appendix_title;
  std::string appendix_note;
  std::vector<Section> sections;
  std::vector<Task> tasks;
  std::vector<TableRow> table;
  std::vector<Target> targets;
};

bool parse_comparison(const std::string& s, Comparison* out);
// "tối thiểu", "tối đa", "đúng"
std::string comparison_vi(Comparison c);
// Whether a blank plan number was left to be filled in ("/KH-UBND").
bool is_blank_number(const std::string& number);
// A row's printed number as a reader sees it before the text: "2" → "2.", "I" → "I."; a
// number printed with its own full stop or bracket ("1.", "a)") is kept as it is.
std::string number_mark(const std::string& number);
// The number mark joined to the text: "2. Tổ chức…"; no number, the text alone.
std::string numbered(const std::string& number, const std::string& text);
// The offices an office cell names: its parts between ";" and line breaks, each without a
// leading bullet ("- ", "+ ") or trailing punctuation. A comma never splits: "Các cơ quan, đơn vị
// liên quan" is one office to every reader.
std::vector<std::string> split_offices(std::string_view printed);
// The cell as the page shows it: `text`, or the offices one a line when no text was given.
std::string office_cell(const std::string& text, const std::vector<std::string>& offices);
const Task* find_task(const Plan& plan, const std::string& id);
const Target* find_target(const Plan& plan, const std::string& id);

}  // namespace congkhai
