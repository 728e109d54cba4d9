#include "cli/commands.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "cli/data_files.h"
#include "cli/diagnostic_printer.h"
#include "cli/import_command.h"
#include "cli/new_command.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "cli/serve_command.h"
#include "derive/reference_date.h"
#include "load/parsed_cache.h"
#include "load/regular_file.h"
#include "text/content_hash.h"
#include "write/build_cache.h"
#include "write/output_lock.h"
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
  int jobs = 0;           // 0: every core
  bool no_cache = false;  // build: render and write everything, keep no cache
  bool timings = false;   // build: print each stage's wall time
  bool process_ends_after = false;  // run_cli's: what a build holds is left to the process's end
};

// An empty folder name is a slip of the command line (an unset variable: --out "$OUT"), not
// the current folder: refused as a usage error before anything is read or written.
const CLI::Validator kNotEmpty(
    [](const std::string& value) -> std::string {
      return value.empty() ? "không được để trống (must not be empty)" : "";
    },
    "FOLDER");

void add_content_flags(CLI::App* cmd, CommonFlags* f) {
  cmd->add_option("--content", f->content, "Thư mục nội dung (mặc định: content)")->check(kNotEmpty);
  cmd->add_option("--theme", f->theme, "Thư mục giao diện ghi đè giao diện mặc định");
  cmd->add_option("--as-of", f->as_of,
                  "Ngày tham chiếu YYYY-MM-DD để tính tiến độ, quá hạn (mặc định: SOURCE_DATE_EPOCH, nếu không thì hôm nay)");
  cmd->add_option("--jobs,-j", f->jobs, "Số luồng xử lý (mặc định: mọi nhân máy); kết quả không đổi")
      ->check(CLI::Range(0, 256));
}

// The generator as the incremental build's caches know it (page, open-data and search keys, the
// parsed content files): its version and the hash of its own executable, so that changed code
// never reuses what an older build of the same version made. Empty when the executable cannot
// be read: nothing cached is then used.
std::string generator_identity() {
  RegularFile exe = read_regular_file("/proc/self/exe", std::size_t{1} << 30);
  if (exe.status != RegularFile::Status::kOk) return "";
  return std::string(CONGKHAI_VERSION) + " " + hash_bytes(exe.bytes).hex();
}

PrintOptions print_options(const CommonFlags& f) {
  PrintOptions p;
  p.english = f.lang == "en";
  const char* gha = std::getenv("GITHUB_ACTIONS");
  p.github = f.format == "github" || (gha && std::string(gha) == "true");
  return p;
}

void usage_error(const CommonFlags& f, const std::string& message, const std::string& message_en) {
  std::cerr << "congkhai: " << (f.lang == "en" ? message_en : message) << "\n";
}

// Builds the pipeline options, or reports what is wrong with them (a usage error): a
// reference date that is no day, a theme folder that is not there.
bool pipeline_options(const CommonFlags& f, PipelineOptions* o) {
  if (!f.theme.empty()) {
    std::error_code ec;
    auto st = std::filesystem::status(f.theme, ec);
    if (!std::filesystem::is_directory(st)) {
      bool missing = !std::filesystem::exists(st);
      usage_error(f,
                  "--theme \"" + f.theme + "\": " + (missing ? "không có thư mục này" : "không phải là thư mục") +
                      " (cần thư mục giao diện có templates/ hoặc assets/)",
                  "--theme \"" + f.theme + "\": " + (missing ? "no such folder" : "not a folder") +
                      " (it must be a theme folder holding templates/ or assets/)");
      return false;
    }
  }
  o->content_dir = f.content;
  o->theme_dir = f.theme;
  DataFiles shipped = data_files();
  o->default_theme_dir = shipped.default_theme_dir;
  o->libraries = {shipped.lunr_js, shipped.inflate_js};
  o->version = CONGKHAI_VERSION;
  o->threads = f.jobs;
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch()).count();
  ReferenceDateError error;
  auto date = resolve_reference_date(std::getenv("SOURCE_DATE_EPOCH"), f.as_of, now, &error);
  if (!date) {
    usage_error(f, error.message, error.message_en);
    return false;
  }
  o->as_of = *date;
  return true;
}

// "Như ngày 31/12/2021: không đưa vào 1 kế hoạch, 2 báo cáo, … ghi ngày sau ngày này."
std::string left_out_line(const LeftOut& out, const Date& as_of, bool en) {
  std::string list;
  auto add = [&](int n, const char* vi, const char* en_one, const char* en_many) {
    if (n == 0) return;
    list += (list.empty() ? "" : ", ") + std::to_string(n) + " " + (en ? (n == 1 ? en_one : en_many) : vi);
  };
  add(out.plans, "kế hoạch", "plan", "plans");
  add(out.reports, "báo cáo", "report", "reports");
  add(out.entries, "mục tiến độ", "progress entry", "progress entries");
  add(out.measurements, "số liệu", "measurement", "measurements");
  return en ? "As of " + format_iso(as_of) + ", left out as dated after that day: " + list + "."
            : "Tính đến ngày " + format_vi(as_of) + ": không đưa vào trang " + list + " ghi ngày sau ngày này.";
}

// Prints the problems and the warnings together, in file order.
int report(const PipelineResult& r, const CommonFlags& f) {
  Diagnostics all = r.diags;
  all.insert(all.end(), r.warnings.begin(), r.warnings.end());
  sort_diagnostics(all);
  if (!all.empty()) print_diagnostics(all, print_options(f), std::cerr);
  return r.diags.empty() ? kExitOk : kExitContentErrors;
}

int run_check(const CommonFlags& f) {
  PipelineOptions o;
  if (!pipeline_options(f, &o)) return kExitUsage;
  PipelineResult r = check_site(o);
  int code = report(r, f);
  if (code == kExitOk)
    std::cout << (f.lang == "en" ? "No problems: " : "Không có lỗi: ") << r.portal.units.size()
              << (f.lang == "en" ? " units, " : " đơn vị, ") << r.total_plans
              << (f.lang == "en" ? " plans." : " kế hoạch.") << "\n";
  return code;
}

int run_build(const CommonFlags& f) {
  PipelineOptions o;
  if (!pipeline_options(f, &o)) return kExitUsage;
  const bool en = f.lang == "en";
  ProgressDisplay progress(std::cerr, stderr_is_terminal(), en);
  o.progress = [&](const char* stage, std::size_t done, std::size_t total) { progress.update(stage, done, total); };
  // One build at a time into an output folder: from reading the cache to saving the next.
  std::string lock_error;
  auto lock = OutputLock::acquire(
      f.out,
      [&] {
        std::cerr << (en ? "Waiting for another build into " + f.out + " to finish…\n"
                         : "Đang chờ một lần tạo khác ghi vào " + f.out + " xong…\n");
      },
      &lock_error);
  if (!lock) {
    std::cerr << "congkhai: " << lock_error << "\n";
    return kExitWriteFailed;
  }
  // Incremental: pages whose inputs are those of the previous build are not rendered again.
  // Every key starts from the generator's identity; when it cannot be told, nothing is reused.
  // The previous keys come from the build cache the writer reads when it opens.
  const std::string identity = f.no_cache ? "" : generator_identity();
  o.cache_identity = identity;
  std::map<std::string, std::string> keys;
  bool reuse = !identity.empty();
  // And content files whose bytes are those of the last successful build are not parsed again.
  const std::string parsed_path = parsed_cache_path(f.out);
  const ParsedCacheKey parsed_key{identity, o.content_dir};
  const bool keep_parsed = !identity.empty();
  if (!keep_parsed) remove_parsed_cache(parsed_path);
  remove_stale_parsed_caches(parsed_path);
  ParsedCache parsed_before;
  std::size_t before_size = 0;  // the cache read, for telling whether the next one differs
  std::string before_sum;
  std::optional<ParsedCacheWriter> parsed_next;
  LoadCache load_cache;
  WriteOptions wo;
  wo.incremental = !f.no_cache;
  wo.threads = f.jobs;
  // Files are written into a staging folder as the stages make them (SiteWriter); only a
  // build without problems is published.
  PipelineResult r;
  WriteStats stats;
  std::string error;
  auto build_and_write = [&]() -> int {
    if (keep_parsed) {
      // Read anew for each try: the load empties it.
      parsed_before = read_parsed_cache(parsed_path, parsed_key);
      before_size = parsed_before.byte_size();
      before_sum = parsed_before.checksum();
      parsed_next.emplace(parsed_key, parsed_path + ".next-" + std::to_string(::getpid()));
      load_cache = LoadCache{&parsed_before, &*parsed_next};
      load_cache.stamps_before_ns = stamps_before_now();
      o.load_cache = &load_cache;
    }
    SiteWriter writer(f.out, wo);
    if (!writer.open(&error)) {
      // Content problems still come first, as for any build.
      r = check_site(o);
      return r.diags.empty() ? kExitWriteFailed : kExitContentErrors;
    }
    if (reuse) keys = page_keys(writer.previous());
    o.previous_keys = reuse && !keys.empty() ? &keys : nullptr;
    r = build_site(o, writer);
    if (!r.diags.empty()) return kExitContentErrors;  // the writer removes its staging folder
    progress.update("write", 0, r.file_count);
    return writer.publish(&error, &stats) ? kExitOk : kExitWriteFailed;
  };
  int code = build_and_write();
  if (code == kExitWriteFailed && stats.missing_previous) {
    // The previous output lost a file the cache vouched for: render everything.
    reuse = false;
    keys.clear();
    code = build_and_write();
  }
  progress.finish();
  if (code == kExitContentErrors) {
    report(r, f);
    std::cerr << (en ? "Nothing was written; " + f.out + " is unchanged.\n"
                     : "Chưa ghi gì; thư mục " + f.out + " giữ nguyên.\n");
    return code;
  }
  if (f.timings) {
    std::cerr << "congkhai: " << progress.timings() << "\n";
    if (keep_parsed)
      std::cerr << "congkhai: " << load_cache.parsed << (en ? " content files parsed, " : " tệp nội dung được đọc, ")
                << load_cache.reused << (en ? " unchanged ones taken from the cache (" : " tệp không đổi lấy từ bộ nhớ đệm (")
                << load_cache.stamped << (en ? " of them by their stamp, unread)\n" : " tệp theo dấu thời gian, không đọc lại)\n");
  }
  if (code != kExitOk) {
    std::cerr << "congkhai: " << error << "\n";
    return kExitWriteFailed;
  }
  // The site is published: the next build may take what this one parsed (unless it is the
  // cache it read, byte for byte: nothing to write then). A cache that cannot be saved only
  // makes the next build parse everything.
  if (keep_parsed && !parsed_next->keep(parsed_path, before_size, before_sum)) remove_parsed_cache(parsed_path);
  report(r, f);  // the warnings
  std::cout << (en ? "Built " : "Đã tạo ") << r.file_count << (en ? " files in " : " tệp trong ") << f.out
            << ": " << r.pages_rendered << (en ? " pages rendered, " : " trang được dựng, ") << r.pages_reused
            << (en ? " unchanged pages reused; " : " trang không đổi được giữ; ") << stats.written
            << (en ? " files written, " : " tệp được ghi, ") << stats.linked + stats.kept
            << (en ? " unchanged files kept.\n" : " tệp không đổi được giữ.\n");
  if (r.facts.left_out.any()) std::cout << left_out_line(r.facts.left_out, r.facts.as_of, en) << "\n";
  if (f.process_ends_after) {
    // The process ends next: the model, the facts and the previous build's keys are given
    // back with it rather than freed string by string. Held from a static pointer, so that a
    // leak checker counts them as reachable, not lost.
    struct LeftToExit {
      PipelineResult result;
      std::map<std::string, std::string> keys;
    };
    static LeftToExit* left = nullptr;
    if (!left) left = new LeftToExit{std::move(r), std::move(keys)};
  }
  return kExitOk;
}

}  // namespace

int run_cli(int argc, char** argv, bool process_ends_after) {
  CLI::App app{"Công khai: tạo cổng thông tin công khai kế hoạch kiểm soát thủ tục hành chính"};
  app.set_version_flag("--version", std::string("congkhai ") + CONGKHAI_VERSION);
  app.require_subcommand(1);
  CommonFlags f;
  f.process_ends_after = process_ends_after;
  app.add_option("--lang", f.lang, "Ngôn ngữ thông báo lỗi: vi hoặc en")
      ->check(CLI::IsMember({"vi", "en"}));
  app.add_option("--format", f.format, "Dạng thông báo lỗi: text, hoặc github (chú thích GitHub Actions)")
      ->check(CLI::IsMember({"text", "github"}));

  CLI::App* build = app.add_subcommand("build", "Tạo trang web từ thư mục nội dung");
  add_content_flags(build, &f);
  build->add_option("--out", f.out, "Thư mục đầu ra (mặc định: public)")->check(kNotEmpty);
  build->add_flag("--timings", f.timings, "In thời gian của từng bước (đọc, kiểm tra, dựng trang, …)");
  build->add_flag("--no-cache", f.no_cache,
                  "Đọc lại mọi tệp, dựng lại mọi trang, không dùng và không giữ bộ nhớ đệm .congkhai-cache/ bên cạnh thư mục đầu ra");
  CLI::App* check = app.add_subcommand("check", "Chỉ kiểm tra nội dung, không ghi gì");
  add_content_flags(check, &f);
  ServeFlags serve_flags;
  CLI::App* serve = add_serve_command(&app, &serve_flags);
  add_content_flags(serve, &f);
  NewFlags new_flags;
  CLI::App* scaffold = add_new_command(&app, &new_flags);
  ImportFlags import_flags;
  CLI::App* import = add_import_command(&app, &import_flags);
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
  if (*import) return run_import(import_flags, f.lang == "en");
  return kExitUsage;
}

}  // namespace congkhai
