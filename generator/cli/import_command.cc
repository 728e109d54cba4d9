#include "cli/import_command.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "import/docx_reader.h"
#include "import/pdf_reader.h"
#include "import/text_reader.h"
#include "import/plan_recogniser.h"
#include "load/plan_loader.h"
#include "load/site_loader.h"
#include "load/regular_file.h"
#include "load/yaml_reader.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

// A Word file of a 500-page plan with its pictures stays well below this.
constexpr std::size_t kMaxImportBytes = 64 * 1024 * 1024;

int fail(const std::string& vi, const std::string& en, bool english) {
  std::cerr << "congkhai: " << (english ? en : vi) << "\n";
  return kExitContentErrors;
}

std::string lower_extension(const fs::path& p) {
  std::string e = p.extension().string();
  for (char& c : e)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return e;
}

}  // namespace

CLI::App* add_import_command(CLI::App* app, ImportFlags* f) {
  CLI::App* cmd = app->add_subcommand("import", "Nhập văn bản kế hoạch (Word .docx) thành tệp nội dung, kèm danh sách cần xem lại");
  cmd->require_subcommand(1);
  f->plan = cmd->add_subcommand("plan", "Đọc văn bản kế hoạch và ghi plans/<mã>.md của đơn vị (không ghi đè)");
  f->plan->add_option("FILE", f->file, "Văn bản kế hoạch: .docx")->required();
  f->plan->add_option("--unit", f->unit, "Thư mục đơn vị, ví dụ content/ha-tinh/huong-son/son-lam")->required();
  f->plan->add_option("--id", f->id, "Mã kế hoạch (tên tệp), mặc định là năm của kế hoạch");
  f->plan->add_option("--lang", f->lang, "Ngôn ngữ thông báo: vi hoặc en")->check(CLI::IsMember({"vi", "en"}));
  return cmd;
}

int run_import(const ImportFlags& f, bool english) {
  if (f.lang == "en") english = true;
  if (f.lang == "vi") english = false;
  fs::path unit(f.unit);
  std::error_code ec;
  if (!fs::exists(unit / "unit.yaml", ec))
    return fail("thư mục " + unit.generic_string() + " không phải là một đơn vị (không có tệp unit.yaml)",
                unit.generic_string() + " is not a unit folder (no unit.yaml)", english);
  if (!f.id.empty() && !is_valid_id(f.id))
    return fail("mã kế hoạch \"" + f.id + "\" phải viết thường, không dấu, nối bằng \"-\", ví dụ: 2025",
                "plan id \"" + f.id + "\" must be lower-case ASCII with \"-\", e.g. 2025", english);
  std::string ext = lower_extension(f.file);
  if (ext == ".doc")
    return fail("tệp .doc (Word 97-2003) chưa đọc được; hãy mở bằng Word hoặc LibreOffice và lưu thành \"Word Document (.docx)\"",
                ".doc files (Word 97-2003) cannot be read; open it in Word or LibreOffice and save it as \"Word Document (.docx)\"",
                english);
  if (ext != ".docx" && ext != ".pdf" && ext != ".txt")
    return fail("không biết đọc tệp \"" + f.file + "\"; cần văn bản Word (.docx), PDF (.pdf) hoặc văn bản thường (.txt)",
                "cannot read \"" + f.file + "\"; a Word document (.docx), a PDF (.pdf) or plain text (.txt) is needed",
                english);
  RegularFile in = read_regular_file(f.file, kMaxImportBytes);
  if (in.status == RegularFile::Status::kTooLarge)
    return fail("tệp " + f.file + " quá lớn (hơn 64 MiB) để là một văn bản kế hoạch",
                f.file + " is too large (over 64 MiB) for a plan document", english);
  if (in.status == RegularFile::Status::kNotRegular)
    return fail(f.file + " không phải tệp thường (" + in.kind_vi + ")", f.file + " is not a regular file (" + in.kind_en + ")", english);
  if (in.status != RegularFile::Status::kOk)
    return fail("không đọc được tệp " + f.file, "cannot read " + f.file, english);

  import::ReadProblem problem;
  auto doc = ext == ".pdf"   ? import::read_pdf_bytes(in.bytes, f.file, &problem)
             : ext == ".txt" ? import::parse_text(in.bytes, f.file, &problem)
                             : import::read_docx(in.bytes, f.file, &problem);
  if (!doc) return fail(f.file + ": " + problem.vi, f.file + ": " + problem.en, english);
  import::RecogniseOptions options;
  options.id = f.id;
  {
    Diagnostics quiet;  // (`check` names what is wrong with unit.yaml)
    if (auto u = load_unit((unit / "unit.yaml").string(), &quiet)) {
      options.unit_level = unit_level_vi(u->level);
      options.unit_name = u->name;
    }
  }
  auto result = import::recognise_plan(*doc, options);

  std::string id = f.id;
  if (id.empty()) {
    Diagnostics quiet;
    auto draft = parse_plan("plans/draft.md", result.text, &quiet);
    if (!draft || draft->year <= 0)
      return fail("không biết năm của kế hoạch để đặt tên tệp; hãy cho mã bằng --id, ví dụ --id 2025",
                  "the plan year is unknown, so the file cannot be named; give --id, e.g. --id 2025", english);
    id = std::to_string(draft->year);
  }
  fs::path target = unit / "plans" / (id + ".md");
  if (fs::exists(target, ec))
    return fail("tệp " + target.generic_string() + " đã có; không ghi đè. Hãy chọn mã khác bằng --id, hoặc xoá tệp đó trước.",
                target.generic_string() + " already exists; not overwritten. Choose another id with --id, or remove it first.",
                english);
  fs::create_directories(target.parent_path(), ec);
  std::FILE* out = std::fopen(target.c_str(), "wx");
  if (!out) return fail("không tạo được tệp " + target.generic_string(), "cannot create " + target.generic_string(), english);
  bool ok = std::fwrite(result.text.data(), 1, result.text.size(), out) == result.text.size();
  ok = std::fclose(out) == 0 && ok;
  if (!ok) return fail("không ghi được tệp " + target.generic_string(), "cannot write " + target.generic_string(), english);

  const std::string path = target.generic_string();
  std::cout << (english ? "Created " : "Đã tạo ") << path << ": " << result.task_rows << (english ? " task rows in " : " hàng nhiệm vụ trong ")
            << result.section_rows << (english ? " sections.\n" : " mục.\n");
  // What `check` will say of the file as it is, told now.
  Diagnostics diags;
  parse_plan(path, result.text, &diags);
  std::size_t count = result.review.size() + diags.size();
  if (count == 0) {
    std::cout << (english ? "Nothing to review. Compare it with the document in: congkhai serve\n"
                          : "Không có chỗ nào cần xem lại. Hãy so với văn bản trong: congkhai serve\n");
    return kExitOk;
  }
  std::cout << (english ? "To review (" : "Cần xem lại (") << count << "):\n";
  for (const auto& d : diags)
    std::cout << format_diagnostic(d, english) << "\n";
  for (const auto& r : result.review) {
    std::cout << path << ":" << (r.line > 0 ? std::to_string(r.line) : "1") << ": " << (english ? r.message_en : r.message)
              << " [" << import::describe_place(r.at, english) << "]\n";
  }
  std::cout << (english ? "Then compare the plan with the document in: congkhai serve\n"
                        : "Sau đó so kế hoạch với văn bản trong: congkhai serve\n");
  return kExitOk;
}

}  // namespace congkhai
