#include "cli/import_command.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <vector>

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
  CLI::App* cmd = app->add_subcommand("import", "Nhập văn bản kế hoạch (Word .docx, PDF hoặc .txt) thành tệp nội dung, kèm danh sách cần xem lại");
  cmd->require_subcommand(1);
  f->plan = cmd->add_subcommand("plan", "Đọc văn bản kế hoạch và ghi plans/<mã>.md của đơn vị (không ghi đè)");
  f->plan->add_option("FILE", f->file, "Văn bản kế hoạch: .docx, .pdf hoặc .txt")->required();
  f->plan->add_option("--unit", f->unit, "Thư mục đơn vị, ví dụ content/ha-tinh/huong-son/son-lam")->required();
  f->plan->add_option("--id", f->id, "Mã kế hoạch (tên tệp), mặc định là năm của kế hoạch");
  f->plan->add_option("--review", f->review, "Ghi thêm danh sách cần xem lại vào tệp này (không ghi đè), để đánh dấu từng mục khi đã xem");
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
  // (checked first, and again when it is created: the list is never written over a file)
  auto review_taken = [&] {
    return fail("tệp " + f.review + " đã có; không ghi đè danh sách cần xem lại lên đó. Hãy cho tên khác bằng --review, hoặc xoá tệp đó trước.",
                f.review + " already exists; the review list is not written over it. Give another name with --review, or remove it first.",
                english);
  };
  if (!f.review.empty() && (fs::exists(f.review, ec) || fs::is_symlink(f.review, ec))) return review_taken();
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
  if (!f.review.empty() && fs::weakly_canonical(f.review, ec) == fs::weakly_canonical(target, ec))
    return fail("--review phải là một tệp khác tệp kế hoạch " + target.generic_string(),
                "--review must name another file than the plan file " + target.generic_string(), english);
  const std::string path = target.generic_string();
  // The review list: what `check` will say of the file as it is, then every guess.
  Diagnostics diags;
  parse_plan(path, result.text, &diags);
  std::vector<std::string> items;
  for (const auto& d : diags) items.push_back(format_diagnostic(d, english));
  for (const auto& r : result.review)
    items.push_back(path + ":" + (r.line > 0 ? std::to_string(r.line) : "1") + ": " + (english ? r.message_en : r.message) + " [" +
                    import::describe_place(r.at, english) + "]");

  // The list's file is created first, so that neither file is written when either cannot be.
  std::FILE* list = nullptr;
  if (!f.review.empty()) {
    list = std::fopen(f.review.c_str(), "wx");
    if (!list) {
      if (fs::exists(f.review, ec) || fs::is_symlink(f.review, ec)) return review_taken();
      return fail("không tạo được tệp " + f.review, "cannot create " + f.review, english);
    }
  }
  auto drop_list = [&] {
    if (!list) return;
    std::fclose(list);
    fs::remove(f.review, ec);
  };
  fs::create_directories(target.parent_path(), ec);
  std::FILE* out = std::fopen(target.c_str(), "wx");
  if (!out) {
    drop_list();
    return fail("không tạo được tệp " + target.generic_string(), "cannot create " + target.generic_string(), english);
  }
  bool ok = std::fwrite(result.text.data(), 1, result.text.size(), out) == result.text.size();
  ok = std::fclose(out) == 0 && ok;
  if (!ok) {
    drop_list();
    return fail("không ghi được tệp " + target.generic_string(), "cannot write " + target.generic_string(), english);
  }
  if (list) {
    std::string text = english ? "To review (" + std::to_string(items.size()) + ") in " + f.file + ", imported as " + path + ":\n"
                               : "Cần xem lại (" + std::to_string(items.size()) + ") trong " + f.file + ", đã nhập thành " + path + ":\n";
    for (const auto& item : items) text += item + "\n";
    bool written = std::fwrite(text.data(), 1, text.size(), list) == text.size();
    written = std::fclose(list) == 0 && written;
    if (!written) {
      fs::remove(f.review, ec);
      return fail("đã tạo " + path + " nhưng không ghi được tệp " + f.review, "created " + path + " but cannot write " + f.review, english);
    }
  }

  std::cout << (english ? "Created " : "Đã tạo ") << path << ": " << result.task_rows << (english ? " task rows in " : " hàng nhiệm vụ trong ")
            << result.section_rows << (english ? " sections.\n" : " mục.\n");
  if (!items.empty()) {
    std::cout << (english ? "To review (" : "Cần xem lại (") << items.size() << "):\n";
    for (const auto& item : items) std::cout << item << "\n";
  }
  if (!f.review.empty())
    std::cout << (english ? "The review list is also written to " : "Đã ghi danh sách cần xem lại vào ") << f.review << ".\n";
  if (items.empty())
    std::cout << (english ? "Nothing to review. Compare it with the document in: congkhai serve\n"
                          : "Không có chỗ nào cần xem lại. Hãy so với văn bản trong: congkhai serve\n");
  else
    std::cout << (english ? "Then compare the plan with the document in: congkhai serve\n"
                          : "Sau đó so kế hoạch với văn bản trong: congkhai serve\n");
  return kExitOk;
}

}  // namespace congkhai
