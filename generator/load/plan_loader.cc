#include "load/plan_loader.h"

#include <algorithm>
#include <filesystem>

#include "load/front_matter.h"
#include "load/markdown_limits.h"
#include "load/placeholder.h"
#include "load/source_text.h"
#include "load/yaml_reader.h"
#include "text/unicode.h"

namespace congkhai {

namespace {

constexpr std::size_t kIdWords = 8;

class PlanParser {
 public:
  PlanParser(YamlReader* r, Plan* plan) : r_(*r), plan_(*plan) {}

  void read_header(const YamlNode& root) {
    r_.check_keys(root, {{"number"}, {"title", true}, {"year", true}, {"date"}, {"place"},
                         {"issuer"}, {"signer"}, {"legal_basis"}, {"implements"},
                         {"recipients"}, {"budget"}, {"appendix"}, {"tasks", true}, {"targets"},
                         {"not_in_copy"}});
    read_not_in_copy(root);
    // A blank number ("number:") is the blank form: the plan was issued without one.
    plan_.number = r_.text(root, "number").value_or("");
    // Present but blank is an error as ever; absent is reported below unless not in the copy.
    plan_.issuer = r_.text(root, "issuer", !plan_.not_in_copy.issuer).value_or("");
    require_or_not_in_copy(root, "number", plan_.not_in_copy.number, plan_.number,
                           "ghi số như in (28/KH-UBND), hoặc dạng để trống /KH-UBND nếu văn bản in "
                           "\"Số: /KH-UBND\"; nếu bản này không có dòng số, ghi not_in_copy: [number]",
                           "write the number as printed (28/KH-UBND), or the blank form /KH-UBND when the "
                           "document prints \"Số: /KH-UBND\"; when this copy has no number line, write "
                           "not_in_copy: [number]");
    require_or_not_in_copy(root, "issuer", plan_.not_in_copy.issuer, plan_.issuer,
                           "ghi cơ quan ban hành như in (UBND xã Sơn Lâm); nếu bản này không có phần đó, "
                           "ghi not_in_copy: [issuer]",
                           "write the issuing authority as printed (UBND xã Sơn Lâm); when this copy "
                           "lacks it, write not_in_copy: [issuer]");
    plan_.title = r_.text(root, "title", true).value_or("");
    plan_.year = r_.integer(root, "year", 1945, 2100, true).value_or(0);
    plan_.date = r_.date(root, "date", false, true);
    plan_.place = r_.text(root, "place").value_or("");
    if (auto s = r_.child(root, "signer"); s && r_.expect_map(*s, "\"signer\"", "\"signer\"")) {
      r_.check_keys(*s, {{"name"}, {"title"}, {"capacity"}});
      plan_.signer.name = r_.text(*s, "name").value_or("");
      if (plan_.not_in_copy.signer && !plan_.signer.name.empty())
        both_error(*r_.child(*s, "name"), "signer");
      plan_.signer.title = r_.text(*s, "title").value_or("");
      plan_.signer.capacity = r_.text_list(*s, "capacity");
    }
    if (auto lb = r_.child(root, "legal_basis")) {
      if (lb->is_sequence()) {
        for (const auto& item : lb->items)
          if (auto ref = r_.reference(item)) plan_.legal_basis.push_back(*ref);
      } else if (auto ref = r_.reference(*lb)) {
        plan_.legal_basis.push_back(*ref);
      }
    }
    if (auto im = r_.child(root, "implements")) read_implements(*im);
    plan_.recipients = r_.text_list(root, "recipients");
    plan_.budget = r_.markdown(root, "budget").value_or("");
    if (auto a = r_.child(root, "appendix"); a && r_.expect_map(*a, "\"appendix\"", "\"appendix\"")) {
      r_.check_keys(*a, {{"title"}, {"note"}, {"columns"}});
      plan_.appendix_title = r_.text(*a, "title").value_or("");
      plan_.appendix_note = r_.text(*a, "note").value_or("");
      if (auto c = r_.child(*a, "columns");
          c && r_.expect_map(*c, "\"columns\" (tiêu đề các cột như in)", "\"columns\" (the printed column headings)")) {
        r_.check_keys(*c, {{"number"}, {"task"}, {"lead"}, {"partners"}, {"output"}, {"timeframe"}});
        ColumnHeadings& h = plan_.columns;
        h.number = r_.text(*c, "number").value_or("");
        h.task = r_.text(*c, "task").value_or("");
        h.lead = r_.text(*c, "lead").value_or("");
        h.partners = r_.text(*c, "partners").value_or("");
        h.output = r_.text(*c, "output").value_or("");
        h.timeframe = r_.text(*c, "timeframe").value_or("");
      }
    }
    if (plan_.not_in_copy.date && plan_.date) both_error(*r_.child(root, "date"), "date");
    if (plan_.not_in_copy.place && !plan_.place.empty()) both_error(*r_.child(root, "place"), "place");
  }

  // A string or {text, url, plan}: `plan` names the implemented plan when it is in the portal
  // (linked and checked once every plan is loaded).
  void read_implements(const YamlNode& node) {
    if (!node.is_map()) {
      plan_.implements = r_.reference(node);
      return;
    }
    r_.check_keys(node, {{"text", true}, {"url"}, {"plan"}});
    if (auto t = r_.text(node, "text", true)) plan_.implements = Reference{*t, r_.text(node, "url").value_or("")};
    if (auto p = r_.child(node, "plan")) {
      plan_.implements_pos = r_.pos(*p);
      if (auto path = r_.scalar(*p, "\"plan\""); path && !path->empty()) {
        if (path->find_first_of(" \t") == std::string::npos && path->find("://") == std::string::npos)
          plan_.implements_plan = *path;
        else
          r_.error(*p, "\"plan\" là đường dẫn của kế hoạch trên cổng, không phải \"" + *path + "\"",
                   "\"plan\" is the plan's path in this portal, not \"" + *path + "\"",
                   "ghi thư mục của đơn vị và tên tệp kế hoạch, ví dụ: plan: ha-tinh/huong-son/2023; "
                   "kế hoạch không có trên cổng thì ghi địa chỉ trang của nó ở \"url\"",
                   "write the unit's folder and the plan's file name, for example plan: ha-tinh/huong-son/2023; "
                   "for a plan that is not in this portal, give its web address as \"url\"");
      }
    }
  }

  void read_table(const YamlNode& root) {
    auto tasks = r_.child(root, "tasks");
    if (!tasks) return;  // reported by check_keys
    read_items(*tasks, -1, 0);
    if (plan_.tasks.empty())
      r_.error(*tasks, "bảng nhiệm vụ không có nhiệm vụ nào", "the task table holds no task",
               "mỗi nhiệm vụ là một mục có khoá \"task\"", "each task is an item with a \"task\" key");
  }

  void read_targets(const YamlNode& root) {
    auto targets = r_.child(root, "targets");
    if (!targets) return;
    if (!targets->is_sequence()) {
      r_.error(*targets, "\"targets\" phải là một danh sách", "\"targets\" must be a list");
      return;
    }
    for (const auto& node : targets->items) read_target(node);
  }

 private:
  // not_in_copy: [number, date, …]: the header fields this copy lacks altogether.
  void read_not_in_copy(const YamlNode& root) {
    const YamlNode* list = r_.child(root, "not_in_copy");
    if (!list) return;
    std::string valid;
    for (const char* k : kNotInCopyKeys) valid += std::string(valid.empty() ? "" : ", ") + k;
    auto add = [&](const YamlNode& item) {
      auto key = r_.scalar(item, "mỗi mục của \"not_in_copy\"");
      if (!key) return;
      if (bool* flag = not_in_copy_flag(&plan_.not_in_copy, *key)) {
        *flag = true;
        return;
      }
      r_.error(item, "\"" + *key + "\" không phải một phần đầu văn bản mà \"not_in_copy\" ghi được",
               "\"" + *key + "\" is not a header field \"not_in_copy\" can list",
               "ghi một hoặc nhiều trong: " + valid + " (tên kế hoạch luôn phải ghi)",
               "list one or more of: " + valid + " (the title is always required)");
    };
    if (list->is_sequence()) {
      for (const auto& item : list->items) add(item);
    } else if (list->is_scalar()) {
      add(*list);
    } else {
      r_.error(*list, "\"not_in_copy\" phải là một danh sách: not_in_copy: [number, date]",
               "\"not_in_copy\" must be a list: not_in_copy: [number, date]");
    }
  }

  static bool has_key(const YamlNode& map, const char* key) {
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
      if (map.items[i].text == key) return true;
    return false;
  }

  // A field that must be written unless this copy lacks it, and may not be both.
  void require_or_not_in_copy(const YamlNode& root, const char* key, bool not_in_copy,
                              const std::string& value, const std::string& hint_vi,
                              const std::string& hint_en) {
    const bool present = has_key(root, key);
    if (not_in_copy && !value.empty()) {
      both_error(*r_.child(root, key), key);
    } else if (!not_in_copy && !present) {
      r_.error(root, std::string("thiếu khoá bắt buộc \"") + key + "\"",
               std::string("required key \"") + key + "\" is missing", hint_vi, hint_en);
    } else if (not_in_copy && present && std::string(key) == "number") {
      // "number: /KH-UBND" says the number was printed blank, which contradicts "not in this copy".
      r_.error(*find_key(root, key), "\"number\" vừa được ghi vừa nằm trong \"not_in_copy\"",
               "\"number\" is both written and listed in \"not_in_copy\"",
               "bỏ dòng \"number\" nếu bản này không có dòng số; bỏ \"number\" khỏi not_in_copy nếu văn bản in số để trống",
               "remove the \"number\" line when this copy has no number line; remove number from not_in_copy when "
               "the document prints a blank number");
    }
  }

  static const YamlNode* find_key(const YamlNode& map, const char* key) {
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
      if (map.items[i].text == key) return &map.items[i];
    return &map;
  }

  void both_error(const YamlNode& at, const std::string& key) {
    r_.error(at, "\"" + key + "\" vừa có giá trị vừa nằm trong \"not_in_copy\" (bản này không có phần đó)",
             "\"" + key + "\" has a value and is also listed in \"not_in_copy\" (this copy lacks it)",
             "giữ một trong hai: giá trị như in, hoặc tên \"" + key + "\" trong not_in_copy",
             "keep one: the value as printed, or \"" + key + "\" in not_in_copy");
  }

  void read_items(const YamlNode& list, int parent, int depth) {
    if (!list.is_sequence()) {
      r_.error(list, "\"tasks\" phải là một danh sách các mục bắt đầu bằng \"-\"",
               "\"tasks\" must be a list of items starting with \"-\"");
      return;
    }
    for (const auto& item : list.items) {
      if (too_many_) return;
      if (!r_.expect_map(item, "mỗi mục của bảng nhiệm vụ", "each task table item")) continue;
      bool is_section = r_.child(item, "section") != nullptr;
      bool is_task = r_.child(item, "task") != nullptr;
      if (is_section && is_task)
        r_.error(item, "một mục không thể vừa là \"section\" vừa là \"task\"",
                 "an item cannot be both a \"section\" and a \"task\"");
      else if (is_section)
        read_section(item, parent, depth + 1);
      else if (is_task)
        read_task(item, parent, -1, 0);
      else
        r_.error(item, "mục này thiếu khoá \"task\" (nhiệm vụ) hoặc \"section\" (phần, mục)",
                 "this item has neither a \"task\" nor a \"section\" key");
    }
  }

  void read_section(const YamlNode& node, int parent, int depth) {
    r_.check_keys(node, {{"section", true}, {"number"}, {"tasks", true}});
    if (depth > kMaxSectionDepth) {
      r_.error(node, "bảng nhiệm vụ chỉ được lồng tối đa 3 cấp phần, mục",
               "the task table nests at most 3 levels of sections");
      return;
    }
    Section s;
    s.title = r_.text(node, "section", true).value_or("");
    s.number = r_.text(node, "number").value_or("");
    s.depth = depth;
    s.parent = parent;
    s.pos = r_.pos(node);
    int index = static_cast<int>(plan_.sections.size());
    plan_.sections.push_back(s);
    plan_.table.push_back({TableRow::Kind::kSection, index});
    auto tasks = r_.child(node, "tasks");
    if (tasks) read_items(*tasks, index, depth);
    if (r_.child(node, "section") && (!tasks || (tasks->is_sequence() && tasks->items.empty())))
      r_.warn(s.pos, "phần \"" + numbered(s.number, s.title) + "\" không có nhiệm vụ nào (\"tasks\" để trống)",
              "section \"" + numbered(s.number, s.title) + "\" holds no task (\"tasks\" is empty)",
              "chép các nhiệm vụ của phần này từ văn bản, thụt vào dưới \"tasks:\", mỗi nhiệm vụ bắt đầu bằng \"- \"",
              "copy the section's tasks from the document, indented under \"tasks:\", each starting with \"- \"");
  }

  // An office cell: the text as printed ("lead: Phòng A; Phòng B"), a list of offices (one a
  // line), or {text, offices} when the printed text names offices a reader cannot split.
  void read_offices(const YamlNode& task, const char* key, std::string* text, std::vector<std::string>* offices) {
    const YamlNode* node = r_.child(task, key);
    if (!node) return;
    if (node->is_map()) {
      r_.check_keys(*node, {{"text", true}, {"offices", true}});
      *text = r_.text(*node, "text", true).value_or("");
      *offices = r_.text_list(*node, "offices");
      return;
    }
    if (!node->is_sequence()) {
      if (auto s = r_.scalar(*node, std::string("\"") + key + "\"")) {
        *text = *s;
        *offices = split_offices(*s);
      }
      return;
    }
    const std::vector<std::string> items = r_.text_list(task, key);
    *text = office_cell({}, items);
    if (node->flow) warn_split_name(*node, key, items);
    // The offices are named alike however the cell is written: without a list mark or the
    // punctuation that ends a list's item ("Các cán bộ công chức chuyên môn." names the same
    // office as a cell's "Các cán bộ công chức chuyên môn").
    offices->clear();
    for (const auto& item : items)
      for (auto& office : split_offices(item)) offices->push_back(std::move(office));
  }

  // "[Các cơ quan, đơn vị, UBND cấp xã]": brackets split at every comma, also the commas of
  // one name. Warned when a piece reads as part of a name: it starts in lower case, or it is a
  // bare "Các …" of two words ("Các cơ quan") before another piece.
  void warn_split_name(const YamlNode& list, const char* key, const std::vector<std::string>& offices) {
    if (offices.size() < 2) return;
    std::string piece;
    for (std::size_t i = 0; i < offices.size() && piece.empty(); ++i) {
      const std::string& o = offices[i];
      std::size_t first = o.empty() ? 0 : 1;  // the first character's bytes
      while (first < o.size() && (static_cast<unsigned char>(o[first]) & 0xC0) == 0x80) ++first;
      const std::string c = o.substr(0, first), folded = fold(c);
      const bool lower_start = !c.empty() && to_lower(c) == c && folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z';
      std::size_t spaces = std::count(o.begin(), o.end(), ' ');
      const bool bare_plural = i + 1 < offices.size() && o.rfind("Các ", 0) == 0 && spaces == 2;
      if (lower_start || bare_plural) piece = o;
    }
    if (piece.empty()) return;
    std::string joined, quoted;
    for (const auto& o : offices) {
      joined += (joined.empty() ? "" : ", ") + o;
      quoted += (quoted.empty() ? "\"" : ", \"") + o + "\"";
    }
    const std::string n = std::to_string(offices.size());
    r_.warn(r_.pos(list),
            "\"" + std::string(key) + "\" viết trong [ ] nên bị tách ở mọi dấu phẩy thành " + n + " cơ quan: " + quoted +
                "; \"" + piece + "\" có vẻ chỉ là một phần của tên",
            "\"" + std::string(key) + "\" is written in [ ], so it is split at every comma into " + n + " offices: " +
                quoted + "; \"" + piece + "\" looks like a part of a name",
            "nếu văn bản in đúng như vậy trong một ô, bỏ [ ] và ghi như in: `" + std::string(key) + ": " + joined +
                "` (dấu phẩy không tách cơ quan; dấu \";\" và xuống dòng mới tách); nếu đúng là các cơ quan riêng, "
                "ghi mỗi cơ quan một dòng bắt đầu bằng \"- \"",
            "if the document prints it so in one cell, drop the [ ] and write it as printed: `" + std::string(key) + ": " +
                joined + "` (a comma does not separate offices; \";\" and line breaks do); if they are separate "
                "offices, write each on its own line starting with \"- \"");
  }

  // A tab pasted in with the text (from Word or Excel) shows as a gap, or turns a line of the
  // task's Markdown into code.
  void warn_tab(const YamlNode& task, const char* key) {
    const YamlNode* node = r_.child(task, key);
    if (!node) return;
    auto check = [&](const YamlNode& n) {
      if (!n.is_scalar()) return;
      std::size_t at = n.text.find('\t');
      if (at == std::string::npos) return;
      r_.warn(r_.pos_in_scalar(n, at),
              "\"" + std::string(key) + "\" có ký tự Tab (thường lọt vào khi dán từ Word, Excel); trên trang nó "
              "hiện thành khoảng trống lạ hoặc làm lệch dòng",
              "\"" + std::string(key) + "\" holds a tab character (it usually comes in when pasting from Word or "
              "Excel); on the page it shows as an odd gap or breaks the line's layout",
              "thay ký tự Tab bằng một dấu cách", "replace the tab with a space");
    };
    if (node->is_scalar()) check(*node);
    for (const auto& item : node->items) check(item);
  }

  // A task row, and the sub-rows printed under it (`tasks:` under a task): sub-tasks, which
  // are tasks of their own (ids, rows, progress) and belong to the same section.
  void read_task(const YamlNode& node, int section, int parent, int depth) {
    if (plan_.tasks.size() == kMaxTasksPerPlan) {
      r_.error(node, "kế hoạch có quá " + std::to_string(kMaxTasksPerPlan) + " nhiệm vụ",
               "the plan has more than " + std::to_string(kMaxTasksPerPlan) + " tasks",
               "tách bảng nhiệm vụ thành nhiều kế hoạch", "split the table into several plans");
      too_many_ = true;
      return;
    }
    r_.check_keys(node, {{"task", true}, {"number"}, {"id"}, {"lead"}, {"partners"}, {"output"},
                         {"timeframe"}, {"tasks"}});
    Task t;
    t.pos = r_.pos(node);
    t.text = r_.markdown(node, "task", true).value_or("");
    t.number = r_.text(node, "number").value_or("");
    read_offices(node, "lead", &t.lead_text, &t.lead);
    read_offices(node, "partners", &t.partners_text, &t.partners);
    t.output = r_.text(node, "output").value_or("");
    t.timeframe = r_.text(node, "timeframe").value_or("");
    for (const char* key : {"task", "lead", "partners", "output", "timeframe"}) warn_tab(node, key);
    t.section = section;
    t.parent = parent;
    if (auto id = r_.text(node, "id")) {
      t.id = *id;
      t.id_explicit = true;
      if (!is_valid_id(t.id))
        r_.error(*r_.child(node, "id"), "mã nhiệm vụ \"" + t.id + "\" không hợp lệ",
                 "invalid task id \"" + t.id + "\"",
                 "mã chỉ gồm chữ thường không dấu, chữ số và dấu \"-\", ví dụ: tap-huan-mot-cua",
                 "ids use lower-case ASCII letters, digits and \"-\", e.g. tap-huan-mot-cua");
    } else if (!t.text.empty()) {
      t.id = derived_task_id(t.text);
      if (t.id.empty())
        r_.error(node, "không tạo được mã cho nhiệm vụ này từ nội dung",
                 "cannot derive an id from this task's text", "hãy ghi mã bằng khoá \"id\"",
                 "give one with an \"id\" key");
    }
    const int index = static_cast<int>(plan_.tasks.size());
    plan_.table.push_back({TableRow::Kind::kTask, index});
    plan_.tasks.push_back(std::move(t));
    if (parent >= 0) plan_.tasks[parent].subtasks.push_back(index);
    if (auto sub = r_.child(node, "tasks")) read_subtasks(*sub, section, index, depth + 1);
  }

  void read_subtasks(const YamlNode& list, int section, int parent, int depth) {
    if (depth > kMaxSubtaskDepth) {
      r_.error(list, "nhiệm vụ con chỉ được lồng tối đa 2 cấp dưới một nhiệm vụ",
               "sub-tasks nest at most 2 levels below a task",
               "ghi các dòng sâu hơn thành nhiệm vụ con của cùng một nhiệm vụ",
               "write the deeper rows as sub-tasks of one task");
      return;
    }
    if (!list.is_sequence() || list.items.empty()) {
      r_.error(list, "\"tasks\" của một nhiệm vụ phải là danh sách các nhiệm vụ con bắt đầu bằng \"-\"",
               "a task's \"tasks\" must be a list of sub-tasks starting with \"-\"",
               "bỏ khoá \"tasks\" nếu dòng này không có dòng con",
               "remove the \"tasks\" key if this row has no sub-rows");
      return;
    }
    for (const auto& item : list.items) {
      if (too_many_) return;
      if (!r_.expect_map(item, "mỗi nhiệm vụ con", "each sub-task")) continue;
      if (r_.child(item, "section")) {
        r_.error(item, "dưới một nhiệm vụ chỉ có nhiệm vụ con, không có phần, mục (\"section\")",
                 "a task holds sub-tasks only, not sections",
                 "đưa mục này ra ngoài nhiệm vụ, hoặc đổi \"section\" thành \"task\"",
                 "move this section out of the task, or make it a \"task\"");
        continue;
      }
      if (!r_.child(item, "task")) {
        r_.error(item, "nhiệm vụ con này thiếu khoá \"task\"", "this sub-task has no \"task\" key");
        continue;
      }
      read_task(item, section, parent, depth);
    }
  }

  void read_target(const YamlNode& node) {
    if (!r_.expect_map(node, "mỗi chỉ tiêu", "each target")) return;
    r_.check_keys(node, {{"id", true}, {"measure", true}, {"comparison", true}, {"value", true},
                         {"unit"}, {"task"}, {"statement"}, {"part"}});
    Target t;
    t.pos = r_.pos(node);
    t.id = r_.text(node, "id", true).value_or("");
    if (!t.id.empty() && !is_valid_id(t.id))
      r_.error(*r_.child(node, "id"), "mã chỉ tiêu \"" + t.id + "\" không hợp lệ",
               "invalid target id \"" + t.id + "\"",
               "mã chỉ gồm chữ thường không dấu, chữ số và dấu \"-\"",
               "ids use lower-case ASCII letters, digits and \"-\"");
    t.measure = r_.text(node, "measure", true).value_or("");
    if (auto c = r_.text(node, "comparison", true); c && !parse_comparison(*c, &t.comparison))
      r_.error(*r_.child(node, "comparison"), "cách so sánh \"" + *c + "\" không hợp lệ",
               "unknown comparison \"" + *c + "\"",
               "phải là một trong: at_least (tối thiểu), at_most (tối đa), exactly (đúng bằng)",
               "must be one of: at_least, at_most, exactly");
    if (auto v = r_.number(node, "value", true, &t.value_text)) t.value = *v;
    if (auto u = r_.text(node, "unit")) t.unit = *u;
    if (auto task = r_.child(node, "task")) {
      t.task = r_.scalar(*task, "\"task\"").value_or("");
      t.task_pos = r_.pos(*task);
    }
    t.statement = r_.text(node, "statement").value_or("");
    if (auto part = r_.child(node, "part")) {
      t.part = r_.scalar(*part, "\"part\"").value_or("");
      t.part_pos = r_.pos(*part);
      if (!t.task.empty())
        r_.error(*part, "chỉ tiêu chỉ ghi một nơi nêu nó: \"task\" (một dòng của bảng) hoặc \"part\" (một phần của văn bản)",
                 "a target names one place that states it: \"task\" (a row of the table) or \"part\" (a part of the body)",
                 "giữ nơi câu chỉ tiêu được in", "keep the place where the sentence is printed");
    }
    plan_.targets.push_back(std::move(t));
  }

  YamlReader& r_;
  Plan& plan_;
  bool too_many_ = false;
};

// Finds the line marking where the task table stands in the body: exactly one, on a line of
// its own at the start of the line. A line that looks like a marker but is not one is reported
// too, so that a typo does not leave the table silently at the end.
void find_table_marker(Plan* plan, Diagnostics* diags) {
  const std::string marker = to_lower(kTableMarker);
  int line = 0;
  int first_line = -1;
  std::size_t start = 0;
  const std::string& body = plan->body;
  auto report = [&](int at, int column, std::string vi, std::string en, std::string hint_vi, std::string hint_en) {
    diags->push_back({plan->path, {plan->body_line + at, column}, std::move(vi), std::move(en), std::move(hint_vi),
                      std::move(hint_en)});
  };
  while (start < body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string_view text(body.data() + start, end - start);
    std::size_t lead = text.find_first_not_of(" \t");
    std::size_t last = text.find_last_not_of(" \t\r");
    if (lead != std::string_view::npos && text.substr(lead, 2) == "[[") {
      std::string trimmed(text.substr(lead, last - lead + 1));
      if (to_lower(trimmed) != marker) {
        if (trimmed.size() >= 4 && trimmed.compare(trimmed.size() - 2, 2, "]]") == 0)
          report(line, static_cast<int>(lead) + 1, "dấu \"" + trimmed + "\" không được hiểu",
                 "the marker \"" + trimmed + "\" is not understood",
                 std::string("dấu chỗ đặt bảng nhiệm vụ viết đúng là ") + kTableMarker + ", trên một dòng riêng",
                 std::string("the task table's marker is written ") + kTableMarker + ", on a line of its own");
      } else if (lead != 0) {
        report(line, static_cast<int>(lead) + 1, std::string("dấu ") + kTableMarker + " phải đứng ở đầu dòng",
               std::string("the marker ") + kTableMarker + " must start the line",
               "xoá các dấu cách trước nó; dấu không nằm trong danh sách hay trích dẫn",
               "remove the spaces before it; the marker does not go inside a list or a quote");
      } else if (first_line >= 0) {
        report(line, 1, std::string("dấu ") + kTableMarker + " xuất hiện lần thứ hai (lần đầu ở dòng " +
                            std::to_string(plan->body_line + first_line) + ")",
               std::string("a second ") + kTableMarker + " marker (the first is on line " +
                   std::to_string(plan->body_line + first_line) + ")",
               "kế hoạch chỉ có một bảng nhiệm vụ: giữ một dấu, ở phần in bảng",
               "a plan has one task table: keep one marker, in the part that prints it");
      } else {
        first_line = line;
      }
    }
    ++line;
    start = end + 1;
  }
  plan->table_marker = first_line;
}

}  // namespace

std::string derived_task_id(const std::string& text) { return slugify_words(text, kIdWords); }

std::optional<Plan> parse_plan(const std::string& path, const std::string& text, Diagnostics* diags) {
  FrontMatter fm;
  if (!split_front_matter(text, path, &fm, diags)) return std::nullopt;
  YamlReader r(path, fm.yaml, fm.yaml_line, diags);
  auto root = r.parse();
  if (!root || !r.expect_map(*root, "phần đầu (front matter) của kế hoạch", "the plan's front matter"))
    return std::nullopt;
  Plan plan;
  plan.path = path;
  plan.id = std::filesystem::path(path).stem().string();
  plan.body = fm.body;
  plan.body_line = fm.body_line;
  if (auto problem = check_markdown_limits(plan.body)) {
    diags->push_back(markdown_limit_diagnostic(*problem, plan.body, path, {plan.body_line, 1}));
    plan.body.clear();
  }
  check_body_placeholders(path, plan.body, plan.body_line, diags);
  find_table_marker(&plan, diags);
  PlanParser parser(&r, &plan);
  parser.read_header(*root);
  parser.read_table(*root);
  parser.read_targets(*root);
  return plan;
}

std::optional<Plan> load_plan(const std::string& path, Diagnostics* diags) {
  auto text = read_source(path, diags);
  if (!text) return std::nullopt;
  return parse_plan(path, *text, diags);
}

}  // namespace congkhai
