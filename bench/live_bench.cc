// congkhai-live-bench: what a save costs in `congkhai serve`, which keeps the model in
// memory (cli/live_site.h). Loads a content folder once, then edits one line of its first
// plan (in path order, as bench/run does for the incremental build) several times, and
// times, for each save, bringing the model up to date and then making the pages a reader
// looks at next: the plan's page, its commune's page and the home page; then the first
// request for the search index and for the open data after a save, and a new progress record
// in the plan's unit. The plan file is put back as it was, and the record removed, at the end.
// Usage: congkhai-live-bench CONTENT_DIR [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/live_site.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

long peak_rss_mb() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6) / 1024;
  return -1;
}

fs::path first_plan(const fs::path& content) {
  std::vector<fs::path> plans;
  for (const auto& e : fs::recursive_directory_iterator(content))
    if (e.is_regular_file() && e.path().extension() == ".md" && e.path().parent_path().filename() == "plans")
      plans.push_back(e.path());
  std::sort(plans.begin(), plans.end(), [](const fs::path& a, const fs::path& b) {
    return a.generic_string() < b.generic_string();  // LC_ALL=C sort, as bench/run
  });
  return plans.empty() ? fs::path() : plans.front();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: congkhai-live-bench CONTENT_DIR [ROUNDS]\n");
    return 2;
  }
  const fs::path content = argv[1];
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const fs::path plan = first_plan(content);
  if (plan.empty()) {
    std::fprintf(stderr, "no plans under %s\n", content.c_str());
    return 1;
  }
  // "a/b/c/plans/2024.md" → the pages "a/b/c/ke-hoach/2024/index.html" and "a/b/c/index.html".
  const fs::path unit = plan.parent_path().parent_path().lexically_relative(content);
  const std::string plan_page = (unit / "ke-hoach" / plan.stem() / "index.html").generic_string();
  const std::string unit_page = (unit / "index.html").generic_string();

  congkhai::PipelineOptions options;
  options.content_dir = content.string();
  options.default_theme_dir = CONGKHAI_DEFAULT_THEME_DIR;
  options.libraries = {CONGKHAI_LUNR_JS, CONGKHAI_INFLATE_JS};
  options.as_of = congkhai::Date{2026, 6, 30};
  options.version = "bench";
  options.serve_mode = true;
  congkhai::LiveSite site(options);

  auto t0 = Clock::now();
  congkhai::LiveUpdate first = site.update({});
  std::printf("live: first load %.2f s, %zu problems, peak RSS %ld MB\n", ms_since(t0) / 1000,
              first.diags.size(), peak_rss_mb());
  if (!first.diags.empty()) return 1;

  auto page = [&](const std::string& path, double* took) {
    congkhai::Diagnostics errors;
    auto p0 = Clock::now();
    std::optional<congkhai::OutputFile> f = site.file(path, &errors);
    *took = ms_since(p0);
    if (!f || !errors.empty()) {
      std::fprintf(stderr, "%s: not made\n", path.c_str());
      std::exit(1);
    }
    return f->bytes;
  };
  double cold_plan = 0, cold_unit = 0, cold_home = 0;
  page(plan_page, &cold_plan);
  page(unit_page, &cold_unit);
  page("index.html", &cold_home);
  std::printf("live: pages before any save: plan %.1f ms, commune %.1f ms, home %.1f ms\n", cold_plan,
              cold_unit, cold_home);
  double search_first = 0;
  page("tim-kiem/chi-muc.js", &search_first);

  const std::string original = read_file(plan);
  const std::size_t line = original.find("\n  text: ");
  if (line == std::string::npos) {
    std::fprintf(stderr, "%s: no task text to edit\n", plan.c_str());
    return 1;
  }
  std::vector<double> updates, plans, units, homes, totals;
  bool reread_alone = true;
  for (int r = 1; r <= rounds; ++r) {
    std::string marker = "(sửa một dòng " + std::to_string(r) + ") ";
    std::string edited = original;
    edited.insert(line + 9, marker);
    std::ofstream(plan, std::ios::binary) << edited;

    auto u0 = Clock::now();
    congkhai::LiveUpdate u = site.update({plan.string()});
    updates.push_back(ms_since(u0));
    reread_alone = reread_alone && !u.full && u.diags.empty();
    double p = 0, c = 0, h = 0;
    std::string html = page(plan_page, &p);
    page(unit_page, &c);
    page("index.html", &h);
    totals.push_back(ms_since(u0));
    plans.push_back(p);
    units.push_back(c);
    homes.push_back(h);
    if (html.find(marker.substr(0, marker.size() - 1)) == std::string::npos) {
      std::fprintf(stderr, "%s: the edit is not on the page\n", plan_page.c_str());
      std::ofstream(plan, std::ios::binary) << original;
      return 1;
    }
  }
  std::ofstream(plan, std::ios::binary) << original;
  site.update({plan.string()});
  // The search index and the open data are made whole on the first request after a save; the
  // search shards the save did not touch are taken from the previous ones.
  double search_again = 0, open_data = 0;
  page("tim-kiem/chi-muc.js", &search_again);
  page("du-lieu/index.html", &open_data);
  // A new progress record in the plan's unit (a copy of one of its records): read alone too.
  double new_record = -1;
  fs::path copy_of;
  for (const auto& e : fs::directory_iterator(plan.parent_path().parent_path() / "progress"))
    if (e.path().extension() == ".yaml" && (copy_of.empty() || e.path() < copy_of)) copy_of = e.path();
  if (!copy_of.empty()) {
    const fs::path added = copy_of.parent_path() / "zz-live-bench.yaml";
    fs::copy_file(copy_of, added, fs::copy_options::overwrite_existing);
    auto n0 = Clock::now();
    congkhai::LiveUpdate u = site.update({added.string()});
    new_record = ms_since(n0);
    reread_alone = reread_alone && !u.full && u.diags.empty();
    fs::remove(added);
    site.update({added.string()});
  }

  std::printf("live: one-line save of %s, median of %d: update %.1f ms, then plan page %.1f ms, "
              "commune page %.1f ms, home page %.1f ms; save to the three pages %.1f ms (max %.1f)%s\n",
              plan.c_str(), rounds, median(updates), median(plans), median(units), median(homes),
              median(totals), *std::max_element(totals.begin(), totals.end()),
              reread_alone ? "" : " (NOT read alone)");
  std::printf("live: a new progress record (a copy of %s) read in %.1f ms\n", copy_of.filename().c_str(), new_record);
  std::printf("live: search index made %.2f s before any save, %.2f s after one; open data made %.2f s after one\n",
              search_first / 1000, search_again / 1000, open_data / 1000);
  std::printf("live: peak RSS %ld MB\n", peak_rss_mb());
  return 0;
}
