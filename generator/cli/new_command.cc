#include "cli/new_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/data_files.h"
#include "cli/diagnostic_printer.h"
#include "cli/progress_workbook.h"
#include "cli/scaffold.h"
#include "load/plan_loader.h"
#include "load/site_loader.h"
#include "load/yaml_reader.h"
#include "text/edit_distance.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

int fail(const std::string& vi, const std::string& en, bool english) {
  std::cerr << "congkhai: " << (english ? en : vi) << "\n";
  return kExitContentErrors;
}

// Creates `path` with `text`, refusing to replace anything (even a file created meanwhile).
int write_new_file(const fs::path& path, const std::string& text, bool english) {
  std::error_code ec;
  if (fs::exists(path, ec))
    return fail("tệp " + path.generic_string() + " đã có; không ghi đè. Hãy sửa tệp đó, hoặc xoá nó trước.",
                path.generic_string() + " already exists; not overwritten.", english);
  fs::create_directories(path.parent_path(), ec);
  std::FILE* f = std::fopen(path.c_str(), "wx");
  if (!f)
    return fail("không tạo được tệp " + path.generic_string(), "cannot create " + path.generic_string(), english);
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) return fail("không ghi được tệp " + path.generic_string(), "cannot write " + path.generic_string(), english);
  std::cout << (english ? "Created " : "Đã tạo ") << path.generic_string() << "\n"
            << (english ? "Fill it in, then run: congkhai check\n"
                        : "Hãy điền nội dung, rồi chạy: congkhai check\n");
  return kExitOk;
}

// The same for a progress workbook.
int write_new_workbook(const fs::path& path, const Plan& plan, const Period& period, bool english) {
  std::error_code ec;
  for (const char* ext : {".xlsx", ".csv", ".yaml"}) {
    fs::path p = path;
    p.replace_extension(ext);
    if (fs::exists(p, ec))
      return fail("tệp " + p.generic_string() + " đã có; không ghi đè. Hãy sửa tệp đó, hoặc xoá nó trước.",
                  p.generic_string() + " already exists; not overwritten.", english);
  }
  fs::create_directories(path.parent_path(), ec);
  std::string error;
  if (!write_progress_workbook(path.string(), plan, period, &error))
    return fail(error, "cannot write " + path.generic_string(), english);
  std::cout << (english ? "Created " : "Đã tạo ") << path.generic_string() << "\n"
            << (english ? "Fill it in with Excel or LibreOffice, save it, then run: congkhai check\n"
                        : "Hãy điền bằng Excel hoặc LibreOffice, lưu lại, rồi chạy: congkhai check\n");
  return kExitOk;
}

// "không có kế hoạch …", naming the plans the unit has (the closest first) so that a mistyped
// id can be put right at once.
int no_plan(const fs::path& dir, const std::string& id, bool english) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (fs::directory_iterator it(dir / "plans", ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".md") ids.push_back(it->path().stem().string());
  std::sort(ids.begin(), ids.end());
  std::vector<std::string> near = nearest(id, ids, ids.size());
  std::string list;
  for (const auto& n : near) list += (list.empty() ? "" : ", ") + n;
  fs::path source = dir / "plans" / (id + ".md");
  return fail("không có kế hoạch " + source.generic_string() +
                  (list.empty() ? "; đơn vị chưa có kế hoạch nào" : "; các kế hoạch có: " + list),
              "no plan " + source.generic_string() + (list.empty() ? "; the unit has no plan" : "; plans: " + list),
              english);
}

// A plan's file: its id as plan file names are (no "/", no "..", at most 80 characters), so
// that a mistyped --plan never reaches the file system as a path it cannot take.
bool is_plan_file(const std::string& id, const fs::path& source) {
  std::error_code ec;
  return is_valid_id(id) && fs::exists(source, ec);
}

bool load_quietly_or_print(const std::optional<Plan>& plan, const Diagnostics& diags, bool english) {
  if (plan && diags.empty()) return true;
  PrintOptions p;
  p.english = english;
  print_diagnostics(diags, p, std::cerr);
  return false;
}

std::optional<Unit> unit_at(const fs::path& dir, bool english) {
  std::error_code ec;  // a path too long to exist is no unit either
  if (!fs::exists(dir / "unit.yaml", ec)) {
    fail("thư mục " + dir.generic_string() + " không phải là một đơn vị (không có tệp unit.yaml)",
         dir.generic_string() + " is not a unit folder (no unit.yaml)", english);
    return std::nullopt;
  }
  Diagnostics diags;
  auto unit = load_unit((dir / "unit.yaml").generic_string(), &diags);
  if (!unit || !diags.empty()) {
    PrintOptions p;
    p.english = english;
    print_diagnostics(diags, p, std::cerr);
    return std::nullopt;
  }
  return unit;
}

int new_unit(const NewFlags& f, bool english) {
  fs::path dir(f.path);
  std::string folder = dir.filename().string();
  if (folder.empty()) folder = dir.parent_path().filename().string();
  if (!is_valid_id(folder))
    return fail("tên thư mục \"" + folder + "\" phải viết thường, không dấu, nối bằng \"-\", ví dụ: son-lam",
                "folder name \"" + folder + "\" must be lower-case ASCII with \"-\", e.g. son-lam", english);
  fs::path parent = dir.lexically_normal().parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  if (!fs::exists(parent / "unit.yaml", ec) && !fs::exists(parent / "site.yaml", ec))
    return fail("thư mục cha " + parent.generic_string() +
                    " không phải thư mục nội dung (có site.yaml) hay một đơn vị (có unit.yaml)",
                "the parent folder " + parent.generic_string() + " is neither the content folder nor a unit",
                english);
  std::string name = f.name;
  if (name.empty()) return fail("thiếu tên đơn vị: --name \"Sơn Lâm\"", "missing --name", english);
  return write_new_file(dir / "unit.yaml", scaffold_unit(name, f.level, f.contact), english);
}

int new_plan(const NewFlags& f, bool english) {
  fs::path dir(f.path);
  auto unit = unit_at(dir, english);
  if (!unit) return kExitContentErrors;
  fs::path target = dir / "plans" / (std::to_string(f.year) + ".md");
  std::error_code ec;
  if (fs::exists(target, ec))
    return write_new_file(target, "", english);  // reports the existing file
  if (f.from.empty()) return write_new_file(target, scaffold_plan(f.year, "UBND " + unit_display_name(*unit)), english);
  fs::path source = dir / "plans" / (f.from + ".md");
  if (!is_plan_file(f.from, source)) return no_plan(dir, f.from, english);
  Diagnostics diags;
  auto previous = load_plan(source.generic_string(), &diags);
  if (!load_quietly_or_print(previous, diags, english)) return kExitContentErrors;
  return write_new_file(target, scaffold_plan_from(*previous, f.year), english);
}

// The plan a progress record or report is about, and the file name for its period.
int new_record(const NewFlags& f, bool english, bool report) {
  fs::path dir(f.path);
  auto unit = unit_at(dir, english);
  if (!unit) return kExitContentErrors;
  Period period;
  if (!parse_period(f.period, &period))
    return fail("kỳ \"" + f.period + "\" không hợp lệ; viết dạng 2025-Q1 (quý), 2025-H1 (6 tháng), 2025-M03 (tháng) hoặc 2025",
                "invalid period \"" + f.period + "\"; write 2025-Q1, 2025-H1, 2025-M03 or 2025", english);
  fs::path source = dir / "plans" / (f.plan_id + ".md");
  if (!is_plan_file(f.plan_id, source)) return no_plan(dir, f.plan_id, english);
  Diagnostics diags;
  auto plan = load_plan(source.generic_string(), &diags);
  if (!load_quietly_or_print(plan, diags, english)) return kExitContentErrors;
  std::string stem = format_period(period);
  for (auto& c : stem) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (plan->id != std::to_string(period.year)) stem = plan->id + "-" + stem;
  if (report)
    return write_new_file(dir / "reports" / (stem + ".md"),
                          scaffold_report(*plan, period, "UBND " + unit_display_name(*unit)), english);
  if (f.format == "xlsx") return write_new_workbook(dir / "progress" / (stem + ".xlsx"), *plan, period, english);
  return write_new_file(dir / "progress" / (stem + ".yaml"), scaffold_progress(*plan, period), english);
}

}  // namespace

CLI::App* add_new_command(CLI::App* app, NewFlags* f) {
  CLI::App* cmd = app->add_subcommand("new", "Tạo tệp mới từ mẫu có ghi chú: cổng, đơn vị, kế hoạch, tiến độ, báo cáo");
  cmd->require_subcommand(1);
  f->site = cmd->add_subcommand("site", "Tạo kho của một cổng mới: content/site.yaml, README và quy trình GitHub");
  f->site->add_option("dir", f->site_flags.dir, "Thư mục của cổng mới (chưa có, hoặc trống)")->required();
  f->site->add_option("--title", f->site_flags.title, "Tên cổng");
  f->site->add_option("--package-url", f->site_flags.package_url,
                      "Địa chỉ https:// của gói congkhai_*.deb mà quy trình GitHub cài");
  f->site->add_option("--package-sha256", f->site_flags.package_sha256, "Mã SHA-256 của gói đó (sha256sum)");
  f->unit = cmd->add_subcommand("unit", "Tạo thư mục đơn vị mới với tệp unit.yaml");
  f->unit->add_option("path", f->path, "Thư mục của đơn vị, ví dụ content/ha-tinh/son-lam")->required();
  f->unit->add_option("--name", f->name, "Tên đơn vị, không kèm cấp: \"Sơn Lâm\"")->required();
  f->unit->add_option("--level", f->level, "Cấp: tinh, huyen, xa, phuong, thi-tran, …")
      ->required()
      ->check(CLI::IsMember(unit_level_keys()));
  f->unit->add_option("--address", f->contact.address, "Địa chỉ trụ sở, nơi tiếp nhận hồ sơ");
  f->unit->add_option("--phone", f->contact.phone, "Số điện thoại của bộ phận một cửa");
  f->unit->add_option("--email", f->contact.email, "Thư điện tử");
  f->unit->add_option("--hours", f->contact.hours, "Giờ làm việc: \"Sáng 7h30–11h30, chiều 13h30–17h00\"");

  f->plan = cmd->add_subcommand("plan", "Tạo kế hoạch của một năm (plans/NĂM.md)");
  f->plan->add_option("path", f->path, "Thư mục của đơn vị")->required();
  f->plan->add_option("--year", f->year, "Năm của kế hoạch")->required()->check(CLI::Range(1945, 2100));
  f->plan->add_option("--from", f->from, "Chép từ kế hoạch này của đơn vị (mã kế hoạch, ví dụ 2024)");

  f->progress = cmd->add_subcommand("progress", "Tạo báo cáo tiến độ một kỳ, có sẵn mọi nhiệm vụ của kế hoạch");
  f->report = cmd->add_subcommand("report", "Tạo báo cáo (reports/KỲ.md) của một kỳ");
  for (CLI::App* sub : {f->progress, f->report}) {
    sub->add_option("path", f->path, "Thư mục của đơn vị")->required();
    sub->add_option("--plan", f->plan_id, "Mã kế hoạch (tên tệp trong plans/, không có .md), ví dụ 2025")->required();
    sub->add_option("--period", f->period, "Kỳ: 2025-Q1 (quý), 2025-H1 (6 tháng), 2025-M03 (tháng) hoặc 2025")
        ->required();
  }
  f->progress->add_option("--format", f->format, "yaml (mặc định) hoặc xlsx: bảng tính Excel để điền")
      ->check(CLI::IsMember({"yaml", "xlsx"}));
  return cmd;
}

int run_new(const NewFlags& f, bool english) {
  if (*f.site) return new_site(f.site_flags, data_files().portal_template, CONGKHAI_VERSION, english);
  if (*f.unit) return new_unit(f, english);
  if (*f.plan) return new_plan(f, english);
  if (*f.progress) return new_record(f, english, false);
  if (*f.report) return new_record(f, english, true);
  return kExitUsage;
}

}  // namespace congkhai
