#include "cli/commands.h"

#include <chrono>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/diagnostic_printer.h"
#include "cli/new_command.h"
#include "cli/pipeline.h"
#include "cli/serve_command.h"
#include "derive/reference_date.h"
#include "write/site_writer.h"

namespace congkhai {

namespace {

struct CommonFlags {
  std::string content = "content";
  std::string out = "public";
  std::string theme;
  std::string as_of;
  std::string lang = "vi";
  std::string format = "text";
};

void add_content_flags(CLI::App* cmd, CommonFlags* f) {
  cmd->add_option("--content", f->content, "Thư mục nội dung (mặc định: content)");
  cmd->add_option("--theme", f->theme, "Thư mục giao diện ghi đè giao diện mặc định");
  cmd->add_option("--as-of", f->as_of,
                  "Ngày tham chiếu YYYY-MM-DD để tính tiến độ, quá hạn (SOURCE_DATE_EPOCH được ưu tiên)");
}

PrintOptions print_options(const CommonFlags& f) {
  PrintOptions p;
  p.english = f.lang == "en";
  const char* gha = std::getenv("GITHUB_ACTIONS");
  p.github = f.format == "github" || (gha && std::string(gha) == "true");
  return p;
}

// Builds the pipeline options, or reports a bad reference date (a usage error).
bool pipeline_options(const CommonFlags& f, PipelineOptions* o) {
  o->content_dir = f.content;
  o->theme_dir = f.theme;
  o->default_theme_dir = CONGKHAI_DEFAULT_THEME_DIR;
  o->lunr_js = CONGKHAI_LUNR_JS;
  o->version = CONGKHAI_VERSION;
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch()).count();
  std::string error;
  auto date = resolve_reference_date(std::getenv("SOURCE_DATE_EPOCH"), f.as_of, now, &error);
  if (!date) {
    std::cerr << "congkhai: " << error << "\n";
    return false;
  }
  o->as_of = *date;
  return true;
}

int report(const PipelineResult& r, const CommonFlags& f) {
  if (r.diags.empty()) return kExitOk;
  print_diagnostics(r.diags, print_options(f), std::cerr);
  return kExitContentErrors;
}

int run_check(const CommonFlags& f) {
  PipelineOptions o;
  if (!pipeline_options(f, &o)) return kExitUsage;
  PipelineResult r = check_site(o);
  int code = report(r, f);
  if (code == kExitOk)
    std::cout << (f.lang == "en" ? "No problems: " : "Không có lỗi: ") << r.portal.units.size()
              << (f.lang == "en" ? " units, " : " đơn vị, ") << r.portal.plans.size()
              << (f.lang == "en" ? " plans." : " kế hoạch.") << "\n";
  return code;
}

int run_build(const CommonFlags& f) {
  PipelineOptions o;
  if (!pipeline_options(f, &o)) return kExitUsage;
  PipelineResult r = build_site(o);
  if (int code = report(r, f); code != kExitOk) {
    std::cerr << (f.lang == "en" ? "Nothing was written; " + f.out + " is unchanged.\n"
                                 : "Chưa ghi gì; thư mục " + f.out + " giữ nguyên.\n");
    return code;
  }
  std::string error;
  if (!write_site(r.files, f.out, &error)) {
    std::cerr << "congkhai: " << error << "\n";
    return kExitWriteFailed;
  }
  std::cout << (f.lang == "en" ? "Built " : "Đã tạo ") << r.files.size()
            << (f.lang == "en" ? " files in " : " tệp trong ") << f.out << "\n";
  return kExitOk;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Công khai: tạo cổng thông tin công khai kế hoạch kiểm soát thủ tục hành chính"};
  app.set_version_flag("--version", std::string("congkhai ") + CONGKHAI_VERSION);
  app.require_subcommand(1);
  CommonFlags f;
  app.add_option("--lang", f.lang, "Ngôn ngữ thông báo lỗi: vi hoặc en")
      ->check(CLI::IsMember({"vi", "en"}));
  app.add_option("--format", f.format, "Dạng thông báo lỗi: text, hoặc github (chú thích GitHub Actions)")
      ->check(CLI::IsMember({"text", "github"}));

  CLI::App* build = app.add_subcommand("build", "Tạo trang web từ thư mục nội dung");
  add_content_flags(build, &f);
  build->add_option("--out", f.out, "Thư mục đầu ra (mặc định: public)");
  CLI::App* check = app.add_subcommand("check", "Chỉ kiểm tra nội dung, không ghi gì");
  add_content_flags(check, &f);
  ServeFlags serve_flags;
  CLI::App* serve = add_serve_command(&app, &serve_flags);
  add_content_flags(serve, &f);
  NewFlags new_flags;
  CLI::App* scaffold = add_new_command(&app, &new_flags);
  for (auto* sub : {build, check, serve}) {
    sub->add_option("--lang", f.lang, "Ngôn ngữ thông báo lỗi: vi hoặc en")->check(CLI::IsMember({"vi", "en"}));
    sub->add_option("--format", f.format, "Dạng thông báo lỗi: text hoặc github")
        ->check(CLI::IsMember({"text", "github"}));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*build) return run_build(f);
  if (*check) return run_check(f);
  if (*serve) {
    PipelineOptions o;
    if (!pipeline_options(f, &o)) return kExitUsage;
    return run_serve(o, serve_flags, print_options(f));
  }
  if (*scaffold) return run_new(new_flags, f.lang == "en");
  return kExitUsage;
}

}  // namespace congkhai
