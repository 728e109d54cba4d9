#include "cli/scaffold.h"

#include <map>
#include <vector>

#include "model/date.h"

namespace congkhai {

namespace {

const char* const kRoman[] = {"", "I", "II", "III", "IV"};

// U+0085, U+2028 and U+2029 are line breaks to YAML (and refused in content files): what the
// scaffold writes holds "\n" in their place, so that a value reads back as one and a
// comment never spills onto a line of its own.
std::string ordinary_breaks(std::string s) {
  for (const char* unusual : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    const std::string from = unusual;
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
      s.replace(at, from.size(), "\n");
  }
  return s;
}

// Text for one comment line: every line break a space.
std::string comment_text(const std::string& s) {
  std::string out = ordinary_breaks(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

bool is_plain_safe(const std::string& s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (std::string("-?:,[]{}#&*!|>'\"%@`.+0123456789").find(s.front()) != std::string::npos) return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char* word : {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"})
    if (lower == word) return false;
  return true;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20 || u == 0x7f) {
      const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else out += c;
  }
  return out + "\"";
}

// `key: value` at `indent` spaces; multi-line text as a literal block.
std::string field(int indent, const std::string& key, const std::string& written) {
  const std::string value = ordinary_breaks(written);
  std::string pad(indent, ' ');
  bool multiline = value.find('\n') != std::string::npos && value.front() != ' ' && value.front() != '\n';
  if (!multiline) return pad + key + ": " + yaml_scalar(value) + "\n";
  std::string text = value;
  const char* chomp = "|";
  if (text.back() != '\n') chomp = "|-";
  while (text.size() > 1 && text.back() == '\n' && text[text.size() - 2] == '\n') text.pop_back();
  std::string out = pad + key + ": " + chomp + "\n";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    out += line.empty() ? "\n" : pad + "  " + line + "\n";
    start = end + 1;
  }
  return out;
}

// A string, or a block list when there are several.
std::string list_field(int indent, const std::string& key, const std::vector<std::string>& items) {
  if (items.empty()) return {};
  if (items.size() == 1) return field(indent, key, items[0]);
  std::string pad(indent, ' ');
  std::string out = pad + key + ":\n";
  for (const auto& item : items) out += pad + "  - " + yaml_scalar(item) + "\n";
  return out;
}

// An office cell as it was written: the printed text (which names its offices), a list (one
// office a line), or {text, offices}.
std::string office_field(int indent, const std::string& key, const std::string& text,
                         const std::vector<std::string>& offices) {
  if (text.empty() && offices.empty()) return {};
  if (offices.size() > 1 && text == office_cell({}, offices)) return list_field(indent, key, offices);
  if (split_offices(text) == offices) return field(indent, key, text);
  std::string pad(indent, ' ');
  return pad + key + ":\n" + field(indent + 2, "text", text) + list_field(indent + 2, "offices", offices);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// Every line as a YAML comment.
std::string commented(const std::string& yaml) {
  std::string out;
  std::size_t start = 0;
  while (start < yaml.size()) {
    std::size_t end = yaml.find('\n', start);
    if (end == std::string::npos) end = yaml.size();
    out += "# " + yaml.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

// The first line of a task's text, shortened for a comment.
std::string preview(const std::string& written, std::size_t max_chars = 70) {
  const std::string text = ordinary_breaks(written);
  std::string line = text.substr(0, text.find('\n'));
  std::size_t chars = 0, i = 0;
  for (; i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 && ++chars > max_chars) break;
  return i < line.size() ? line.substr(0, i) + "…" : line;
}

std::string reference_item(int indent, const Reference& r) {
  std::string pad(indent, ' ');
  if (r.url.empty()) return pad + "- " + yaml_scalar(r.text) + "\n";
  return pad + "- text: " + yaml_scalar(r.text) + "\n" + pad + "  url: " + yaml_scalar(r.url) + "\n";
}

const char* comparison_key(Comparison c) {
  switch (c) {
    case Comparison::kAtLeast: return "at_least";
    case Comparison::kAtMost: return "at_most";
    case Comparison::kExactly: return "exactly";
  }
  return "at_least";
}

std::string period_file_label(const Period& p) {
  std::string s = format_period(p);
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

constexpr const char* kTaskHelp =
    "      # Mỗi nhiệm vụ: task (nội dung công việc), lead (cơ quan chủ trì), partners (cơ quan phối hợp),\n"
    "      # output (dự kiến sản phẩm), timeframe (thời gian thực hiện, ghi như trên văn bản).\n"
    "      # id: mã cố định của nhiệm vụ (chữ thường không dấu, chữ số, dấu \"-\"), dùng trong báo cáo tiến độ.\n"
    "      # Dòng có các dòng con (3.1, 3.2 dưới dòng 3): ghi các dòng con trong khoá tasks của nhiệm vụ đó.\n";

class TableWriter {
 public:
  TableWriter(const Plan& plan, const std::string& old_year, const std::string& new_year)
      : plan_(plan), old_(old_year), new_(new_year) {
    for (const auto& row : plan.table) {
      // Sub-tasks are written under their task.
      if (row.kind == TableRow::Kind::kTask && plan.tasks[row.index].parent >= 0) continue;
      int container = row.kind == TableRow::Kind::kSection ? plan.sections[row.index].parent
                                                           : plan.tasks[row.index].section;
      children_[container].push_back(row);
    }
  }

  std::string write() { return "tasks:\n" + items(-1, 2); }

 private:
  std::string items(int container, int indent) {
    std::string out;
    std::string pad(indent, ' ');
    for (const auto& row : children_[container]) {
      if (row.kind == TableRow::Kind::kSection) {
        const Section& s = plan_.sections[row.index];
        out += pad + "- section: " + yaml_scalar(s.title) + "\n";
        if (!s.number.empty()) out += field(indent + 2, "number", s.number);
        out += pad + "  tasks:\n" + items(row.index, indent + 4);
      } else {
        out += task_item(plan_.tasks[row.index], indent);
      }
    }
    return out;
  }

  std::string task_item(const Task& t, int indent) {
    std::string body;
    if (!t.number.empty()) body += field(indent + 2, "number", t.number);
    body += field(indent + 2, "id", t.id);
    body += field(indent + 2, "task", t.text);
    body += office_field(indent + 2, "lead", t.lead_text, t.lead);
    body += office_field(indent + 2, "partners", t.partners_text, t.partners);
    if (!t.output.empty()) body += field(indent + 2, "output", t.output);
    if (!t.timeframe.empty()) body += field(indent + 2, "timeframe", replace_all(t.timeframe, old_, new_));
    body.replace(indent, 2, "- ");  // the first key opens the list item
    if (!t.subtasks.empty()) {
      body += std::string(indent + 2, ' ') + "tasks:\n";
      for (int s : t.subtasks)
        if (s >= 0 && static_cast<std::size_t>(s) < plan_.tasks.size()) body += task_item(plan_.tasks[s], indent + 4);
    }
    return body;
  }

  const Plan& plan_;
  std::string old_, new_;
  std::map<int, std::vector<TableRow>> children_;
};

}  // namespace

std::string yaml_scalar(const std::string& written) {
  const std::string text = ordinary_breaks(written);
  return is_plain_safe(text) ? text : quoted(text);
}

std::string period_label(const Period& p) {
  std::string y = std::to_string(p.year);
  switch (p.kind) {
    case Period::Kind::kYear: return "Năm " + y;
    case Period::Kind::kHalf: return (p.index == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + y;
    case Period::Kind::kQuarter: return std::string("Quý ") + kRoman[p.index] + "/" + y;
    case Period::Kind::kMonth: return "Tháng " + std::to_string(p.index) + "/" + y;
  }
  return y;
}

std::string scaffold_unit(const std::string& name, const std::string& level, const Contact& contact) {
  std::string out = "# Đơn vị hành chính. Thư mục chứa tệp này là địa chỉ trang của đơn vị.\n"
                    "# Tên đơn vị, không kèm cấp: \"Sơn Lâm\", không phải \"xã Sơn Lâm\".\n"
                    "name: " + yaml_scalar(name) + "\n"
                    "# Cấp: tinh, thanh-pho, huyen, quan, thi-xa, thanh-pho-thuoc-tinh, xa, phuong, thi-tran.\n"
                    "level: " + level + "\n"
                    "# Liên hệ: hiện ở đầu trang của đơn vị, để người dân biết hỏi ai, ở đâu, khi nào.\n"
                    "# Điền thông tin thật của đơn vị; dòng còn dấu # ở đầu thì chưa dùng.\n";
  struct Field {
    const char* key;
    const std::string& value;
    const char* example;
  };
  const Field fields[] = {{"address", contact.address, "Trụ sở UBND, thôn …, xã …"},
                          {"phone", contact.phone, "\"0239 3800 000\""},
                          {"email", contact.email, "ubnd@example.gov.vn"},
                          {"hours", contact.hours, "Sáng 7h30–11h30, chiều 13h30–17h00, từ thứ Hai đến thứ Sáu"}};
  bool any = false;
  for (const Field& f : fields) any = any || !f.value.empty();
  out += any ? "contact:\n" : "# contact:\n";
  for (const Field& f : fields)
    out += f.value.empty() ? std::string("#   ") + f.key + ": " + f.example + "\n"
                           : std::string("  ") + f.key + ": " + yaml_scalar(f.value) + "\n";
  out += "# Nơi người dân gửi phản ánh, kiến nghị (không bắt buộc).\n"
         "# feedback: Bộ phận Tiếp nhận và Trả kết quả\n";
  return out;
}

std::string scaffold_plan(int year, const std::string& issuer) {
  std::string y = std::to_string(year);
  return "---\n"
         "# Kế hoạch năm " + y + ". Dòng bắt đầu bằng \"#\" là ghi chú, không hiện trên trang; có thể xoá.\n"
         "# Số kế hoạch như in trên văn bản; khi chưa có số, để dạng \"/KH-UBND\".\n"
         "number: /KH-UBND\n"
         "# Bản đăng tải không có dòng số, dòng ngày tháng, cơ quan ban hành hay tên người ký (không rõ,\n"
         "# khác với in để trống): xoá dòng đó và ghi tên nó ở đây, ví dụ not_in_copy: [number, date, place].\n"
         "# not_in_copy: [place]\n"
         "# Tên kế hoạch đầy đủ như in trên văn bản.\n"
         "title: Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm " + y + "\n"
         "# Năm của kế hoạch.\n"
         "year: " + y + "\n"
         "# Ngày ban hành, dạng " + y + "-03-31 (được ghi thiếu: " + y + "-03 hoặc " + y + "); bỏ dấu # khi đã có.\n"
         "# date: " + y + "-01-15\n"
         "# Cơ quan ban hành.\n"
         "issuer: " + yaml_scalar(issuer) + "\n"
         "# Người ký: capacity là các dòng phía trên chức vụ (TM., KT.), title là chức vụ, name là họ tên.\n"
         "signer:\n"
         "  capacity: [TM. Ủy ban nhân dân]\n"
         "  title: Chủ tịch\n"
         "  # name: Nguyễn Văn A\n"
         "# Căn cứ ban hành: mỗi văn bản một dòng bắt đầu bằng \"-\". Dòng có chữ \"(điền …)\" là chỗ\n"
         "# trống phải điền: khi còn một chỗ như vậy, congkhai check báo lỗi và trang chưa được đăng.\n"
         "legal_basis:\n"
         "  - (điền căn cứ như in trên văn bản, ví dụ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ …)\n"
         "# Kế hoạch cấp trên mà kế hoạch này thực hiện (nếu có).\n"
         "# implements: Kế hoạch số .../KH-UBND ngày .../.../" + y + " của UBND tỉnh\n"
         "# Khi kế hoạch đó có trên cổng này, ghi thêm đường dẫn của nó (thư mục đơn vị/mã kế hoạch):\n"
         "# implements: {plan: ha-tinh/" + y + ", text: Kế hoạch số .../KH-UBND ngày .../.../" + y + " của UBND tỉnh}\n"
         "# Nơi nhận: mỗi nơi một dòng.\n"
         "recipients:\n"
         "  - \"Lưu: VT.\"\n"
         "# Kinh phí thực hiện (nếu có).\n"
         "# budget: Kinh phí thực hiện từ nguồn ngân sách được giao năm " + y + ".\n"
         "# Tiêu đề bảng nhiệm vụ như in (nếu có): title, note là dòng \"(Kèm theo Kế hoạch số …)\",\n"
         "# columns là tiêu đề các cột như in (number, task, lead, partners, output, timeframe).\n"
         "# appendix:\n"
         "#   title: NỘI DUNG KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM " + y + "\n"
         "#   columns: {number: TT, output: Kết quả, timeframe: Thời hạn hoàn thành}\n"
         "# Bảng nhiệm vụ (phụ lục): các phần (section) chứa các nhiệm vụ (task), theo thứ tự như văn bản.\n"
         "tasks:\n"
         "  - section: (điền tên phần như in trên văn bản, ví dụ Công tác chỉ đạo, điều hành)\n"
         "    number: I\n"
         "    tasks:\n" + std::string(kTaskHelp) +
         "      # lead, partners: chép đúng như in trong ô, kể cả dấu phẩy; nhiều cơ quan thì mỗi cơ quan một\n"
         "      # dòng \"- \" hoặc ngăn bằng dấu \";\" như văn bản. Dấu phẩy không tách cơ quan.\n"
         "      - number: \"1\"\n"
         "        id: (điền mã nhiệm vụ, chữ thường không dấu nối bằng dấu -, ví dụ xay-dung-ke-hoach)\n"
         "        task: (điền nội dung công việc như in trên văn bản)\n"
         "        lead: (điền cơ quan chủ trì như in trên văn bản)\n"
         "        partners: (điền cơ quan phối hợp như in, hoặc xoá dòng này)\n"
         "        output: (điền dự kiến sản phẩm như in, hoặc xoá dòng này)\n"
         "        timeframe: (điền thời gian thực hiện như in trên văn bản)\n"
         "# Chỉ tiêu (nếu có): comparison là at_least (tối thiểu), at_most (tối đa) hoặc exactly (đúng bằng).\n"
         "# targets:\n"
         "#   - id: ho-so-truc-tuyen\n"
         "#     measure: Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến\n"
         "#     comparison: at_least\n"
         "#     value: 60\n"
         "#     unit: \"%\"\n"
         "#     # Câu nêu chỉ tiêu, chép nguyên văn; và nơi in câu đó: task (mã nhiệm vụ) hoặc part (đề mục, bỏ dấu #).\n"
         "#     statement: Tối thiểu 60% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến\n"
         "#     task: xay-dung-ke-hoach\n"
         "---\n"
         "\n"
         "## I. MỤC ĐÍCH, YÊU CẦU\n"
         "\n"
         "(điền phần mục đích, yêu cầu như in trên văn bản)\n"
         "\n"
         "## II. NỘI DUNG\n"
         "\n"
         "(điền phần nội dung như in trên văn bản; bảng nhiệm vụ in ngay trong phần này thì đặt dòng [[bảng nhiệm vụ]] đúng chỗ đó)\n"
         "\n"
         "## III. TỔ CHỨC THỰC HIỆN\n"
         "\n"
         "(điền phần tổ chức thực hiện như in trên văn bản)\n";
}

std::string scaffold_plan_from(const Plan& prev, int year) {
  std::string old_year = std::to_string(prev.year), y = std::to_string(year);
  std::string out = "---\n";
  out += "# Kế hoạch năm " + y + ", chép từ kế hoạch \"" + prev.id + "\"" +
         (prev.number.empty() ? std::string() : " (số " + comment_text(prev.number) + ")") + ".\n";
  out += "# Đã xoá số, ngày ban hành, họ tên người ký; năm " + old_year + " trong tên kế hoạch và thời gian\n"
         "# thực hiện đã đổi thành " + y + ". Đối chiếu từng dòng với văn bản mới trước khi đăng.\n";
  out += "# Số kế hoạch như in trên văn bản; khi chưa có số, để dạng \"/KH-UBND\".\n";
  std::size_t slash = prev.number.find('/');
  out += field(0, "number", slash == std::string::npos ? "/KH-UBND" : prev.number.substr(slash));
  out += "# Tên kế hoạch đầy đủ như in trên văn bản.\n";
  out += field(0, "title", replace_all(prev.title, old_year, y));
  out += "# Năm của kế hoạch.\nyear: " + y + "\n";
  out += "# Ngày ban hành, dạng " + y + "-03-31; bỏ dấu # khi đã có.\n# date: " + y + "-01-15\n";
  if (!prev.place.empty()) out += "# Địa danh ở dòng ngày tháng.\n" + field(0, "place", prev.place);
  out += "# Cơ quan ban hành.\n" + field(0, "issuer", prev.issuer);
  if (!prev.signer.title.empty() || !prev.signer.capacity.empty()) {
    out += "# Người ký: capacity là các dòng phía trên chức vụ (TM., KT.), title là chức vụ, name là họ tên.\nsigner:\n";
    if (!prev.signer.capacity.empty()) {
      out += "  capacity:\n";
      for (const auto& c : prev.signer.capacity) out += "    - " + yaml_scalar(c) + "\n";
    }
    if (!prev.signer.title.empty()) out += field(2, "title", prev.signer.title);
    out += "  # name: " + (prev.signer.name.empty() ? std::string("Nguyễn Văn A") : prev.signer.name) + "\n";
  }
  if (!prev.legal_basis.empty()) {
    out += "# Căn cứ ban hành: mỗi văn bản một dòng bắt đầu bằng \"-\".\nlegal_basis:\n";
    for (const auto& r : prev.legal_basis) out += reference_item(2, r);
  }
  out += "# Kế hoạch cấp trên mà kế hoạch này thực hiện (nếu có); của năm trước là:\n";
  out += prev.implements ? commented(field(0, "implements", prev.implements->text))
                         : "# implements: Kế hoạch số .../KH-UBND ngày .../.../" + y + "\n";
  out += "# Khi kế hoạch cấp trên có trên cổng này: implements: {plan: <thư mục đơn vị>/<mã kế hoạch>, text: …}\n";
  if (!prev.recipients.empty()) {
    out += "# Nơi nhận: mỗi nơi một dòng.\nrecipients:\n";
    for (const auto& r : prev.recipients) out += "  - " + yaml_scalar(r) + "\n";
  }
  if (!prev.budget.empty()) out += "# Kinh phí thực hiện.\n" + field(0, "budget", prev.budget);
  const ColumnHeadings& h = prev.columns;
  const bool has_columns = !(h.number + h.task + h.lead + h.partners + h.output + h.timeframe).empty();
  if (!prev.appendix_title.empty() || !prev.appendix_note.empty() || has_columns) {
    out += "# Tiêu đề phụ lục (bảng nhiệm vụ) như in trên văn bản; note là dòng \"(Kèm theo Kế hoạch số …)\";\n"
           "# columns là tiêu đề các cột như in.\n"
           "appendix:\n";
    if (!prev.appendix_title.empty()) out += field(2, "title", replace_all(prev.appendix_title, old_year, y));
    if (!prev.appendix_note.empty())
      out += "  # Ghi lại theo số, ngày của kế hoạch mới; của năm trước là:\n" +
             commented(field(2, "note", prev.appendix_note));
    if (has_columns) {
      out += "  columns:\n";
      const std::pair<const char*, const std::string*> cols[] = {
          {"number", &h.number}, {"task", &h.task}, {"lead", &h.lead},
          {"partners", &h.partners}, {"output", &h.output}, {"timeframe", &h.timeframe}};
      for (const auto& [key, value] : cols)
        if (!value->empty()) out += field(4, key, *value);
    }
  }
  out += "# Bảng nhiệm vụ (phụ lục), chép từ kế hoạch năm trước: các phần (section) chứa các nhiệm vụ.\n"
         "# Mỗi nhiệm vụ: task (nội dung công việc), lead (cơ quan chủ trì), partners (cơ quan phối hợp),\n"
         "# output (dự kiến sản phẩm), timeframe (thời gian thực hiện, ghi như trên văn bản).\n"
         "# id: mã cố định của nhiệm vụ, dùng trong báo cáo tiến độ; giữ nguyên mã của nhiệm vụ còn tiếp tục.\n";
  out += TableWriter(prev, old_year, y).write();
  if (!prev.targets.empty()) {
    out += "# Chỉ tiêu: comparison là at_least (tối thiểu), at_most (tối đa) hoặc exactly (đúng bằng).\ntargets:\n";
    for (const auto& t : prev.targets) {
      out += "  - id: " + yaml_scalar(t.id) + "\n";
      out += field(4, "measure", t.measure);
      out += "    comparison: " + std::string(comparison_key(t.comparison)) + "\n";
      out += "    value: " + (t.value_text.empty() ? std::to_string(t.value) : t.value_text) + "\n";
      out += field(4, "unit", t.unit);
      // The sentence as printed last year: check it against this year's document.
      if (!t.statement.empty()) out += field(4, "statement", t.statement);
      if (!t.task.empty()) out += field(4, "task", t.task);
      if (!t.part.empty()) out += field(4, "part", t.part);
    }
  }
  out += "---\n";
  if (!prev.body.empty() && prev.body.front() != '\n') out += "\n";
  out += prev.body;
  return out;
}

std::string scaffold_progress(const Plan& plan, const Period& period) {
  Date end = period_end(period);
  std::string out;
  out += "# Tiến độ " + period_vi(period) + " của kế hoạch \"" + plan.id + "\"" +
         (plan.number.empty() || is_blank_number(plan.number) ? std::string() : " (số " + comment_text(plan.number) + ")") + ".\n";
  out += "# Mỗi nhiệm vụ của kế hoạch có một mục: điền trạng thái (dòng \"(điền …)\"), thêm tỷ lệ, ghi chú,\n"
         "# minh chứng; xoá mục của nhiệm vụ không báo cáo kỳ này. Khi còn chỗ \"(điền …)\", congkhai check báo lỗi.\n";
  out += "# Mã kế hoạch: tên tệp kế hoạch trong thư mục plans/, không có đuôi .md.\n";
  out += "plan: " + quoted(plan.id) + "\n";
  out += "# Tên kỳ báo cáo, hiện trên trang.\n" + field(0, "period", period_label(period));
  out += "# Ngày của số liệu, dạng " + format_iso(end) + "; dùng cho mọi mục không ghi ngày riêng.\n";
  out += "date: " + format_iso(end) + "\n";
  out += "# Đơn vị báo cáo (không bắt buộc).\n# reported_by: Văn phòng HĐND - UBND\n";
  out += "# status: not_started (chưa bắt đầu), in_progress (đang thực hiện), done (hoàn thành),\n"
         "#         postponed (tạm hoãn), cancelled (huỷ bỏ).\n"
         "# percent: tỷ lệ hoàn thành từ 0 đến 100. note: kết quả đã làm được.\n"
         "# evidence: minh chứng, mỗi mục có title và url (địa chỉ web) hoặc file (tệp đặt cạnh tệp này).\n";
  out += "entries:\n";
  for (const auto& t : plan.tasks) {
    out += "  # " + comment_text(numbered_task(plan, t, preview(t.text)) + (t.timeframe.empty() ? "" : " (" + t.timeframe + ")")) + "\n";
    if (!t.subtasks.empty()) {
      // A task with sub-tasks takes its status from theirs unless it is reported itself.
      out += "  # Nhiệm vụ có nhiệm vụ con: trạng thái tính theo các nhiệm vụ con bên dưới;\n"
             "  # chỉ bỏ dấu # khi báo cáo riêng cho cả nhiệm vụ.\n";
      out += "  # - task: " + yaml_scalar(t.id) + "\n";
      out += "  #   status: in_progress\n";
      continue;
    }
    out += "  - task: " + yaml_scalar(t.id) + "\n";
    out += "    status: (điền trạng thái not_started, in_progress, done, postponed hoặc cancelled)\n";
    out += "    # percent: 0\n";
    out += "    # note: Kết quả đã làm được.\n";
  }
  if (!plan.targets.empty()) {
    out += "# Số liệu chỉ tiêu đo được trong kỳ: bỏ dấu # và ghi giá trị (value), nguồn số liệu (source).\n";
    out += "# measurements:\n";
    for (const auto& t : plan.targets) {
      out += "#   # " + comment_text(preview(t.measure) + " (" + comparison_vi(t.comparison) + " " +
                                  (t.value_text.empty() ? std::to_string(t.value) : t.value_text) + t.unit + ")") + "\n";
      out += "#   - target: " + yaml_scalar(t.id) + "\n";
      out += "#     value: 0\n";
      out += "#     source: Hệ thống thông tin giải quyết thủ tục hành chính\n";
    }
  }
  return out;
}

std::string scaffold_report(const Plan& plan, const Period& period, const std::string& issuer) {
  Date end = period_end(period);
  std::string out = "---\n";
  out += "# Báo cáo " + period_vi(period) + ". Tệp đính kèm (PDF, ảnh, bảng tính) đặt cạnh tệp này.\n";
  out += "# Dòng có chữ \"(điền …)\" là chỗ trống phải điền: khi còn một chỗ như vậy, congkhai check báo lỗi.\n";
  out += "# Tên báo cáo như in trên văn bản.\n";
  out += "title: (điền tên báo cáo như in, ví dụ Báo cáo kết quả kiểm soát thủ tục hành chính " +
         comment_text(period_vi(period)) + ")\n";
  out += "# Ngày báo cáo như in trên văn bản, dạng năm-tháng-ngày.\n";
  out += "date: (điền ngày báo cáo, ví dụ " + format_iso(end) + ")\n";
  out += "# Kỳ báo cáo: 2025 (năm), 2025-H1 (6 tháng), 2025-Q1 (quý) hoặc 2025-M03 (tháng).\n";
  out += "period: " + format_period(period) + "\n";
  out += "# Số báo cáo như in trên văn bản (nếu có).\n# number: /BC-UBND\n";
  out += "# Mã kế hoạch mà báo cáo này báo cáo: tên tệp kế hoạch, không có đuôi .md.\n";
  out += "plan: " + quoted(plan.id) + "\n";
  out += "# Các nhiệm vụ báo cáo này nói đến (mã nhiệm vụ), nếu muốn liên kết:\n# tasks:\n";
  for (std::size_t i = 0; i < plan.tasks.size() && i < 3; ++i) out += "#   - " + plan.tasks[i].id + "\n";
  out += "# Tệp đính kèm: file là tên tệp đặt cạnh báo cáo này, title là tên hiển thị.\n"
         "# attachments:\n"
         "#   - file: " + period_file_label(period) + ".pdf\n"
         "#     title: Báo cáo (bản scan có chữ ký, đóng dấu)\n";
  out += "---\n\n";
  out += "(điền nội dung báo cáo của " + comment_text(issuer) + " như in trên văn bản; mỗi phần La Mã bắt đầu bằng ##, "
         "ví dụ ## I. KẾT QUẢ THỰC HIỆN)\n";
  return out;
}

std::string scaffold_site(const std::string& title) {
  return "# Thông tin chung của cổng, hiện trên mọi trang.\n"
         "title: " + quoted(title) + "\n"
         "description: >-\n"
         "  Cổng công khai kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa,\n"
         "  một cửa liên thông. Người dân có thể xem mỗi địa phương đã cam kết những nhiệm vụ gì,\n"
         "  cơ quan nào chủ trì, thời hạn đến khi nào, tiến độ thực hiện ra sao và các báo cáo\n"
         "  đã được công bố.\n"
         "# Địa chỉ đầy đủ của cổng khi đã có (ví dụ https://congkhai.hatinh.gov.vn/), để sơ đồ\n"
         "# trang và nguồn tin Atom có địa chỉ đúng. Để trống khi chưa có.\n"
         "base_url: \"\"\n"
         "# Giấy phép của dữ liệu mở.\n"
         "licence:\n"
         "  name: CC BY 4.0\n"
         "  url: https://creativecommons.org/licenses/by/4.0/deed.vi\n";
}

}  // namespace congkhai
