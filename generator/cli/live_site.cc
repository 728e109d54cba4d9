#include "cli/live_site.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "derive/facts.h"
#include "derive/reference_date.h"
#include "export/export_paths.h"
#include "export/exports.h"
#include "export/plan_data_key.h"
#include "load/content_tree.h"
#include "load/plan_loader.h"
#include "load/progress_loader.h"
#include "load/progress_sheet.h"
#include "load/report_loader.h"
#include "model/urls.h"
#include "render/asset_versions.h"
#include "render/site_renderer.h"
#include "search/search_files.h"
#include "validate/references.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

std::string normal(const std::string& path) { return fs::path(path).lexically_normal().generic_string(); }

enum class SourceKind { kPlan, kProgress, kReport };
struct Source {
  SourceKind kind;
  int index;
};

enum Group { kExports, kSearch, kCopies, kGroups };

const std::vector<int> kNoPlans;

// Whether a record holds nothing dated after the reference date, so that reading it alone
// gives what a full load (which leaves such things out) gives.
bool all_dated_by(const ProgressRecord& rec, const Date& as_of) {
  for (const ProgressEntry& e : rec.entries)
    if (!dated_by(e.date, as_of)) return false;
  for (const Measurement& m : rec.measurements)
    if (!dated_by(m.date, as_of)) return false;
  return true;
}

// The group a path that is not a page or a theme asset can only belong to.
Group group_of(const std::string& path) {
  if (path.starts_with("tim-kiem/") || path == lunr_asset_path() || path == inflate_asset_path()) return kSearch;
  if (path.starts_with(std::string(kFilesDir) + "/")) return kCopies;
  return kExports;
}

}  // namespace

// What a build makes besides the pages, in three groups each made whole on the first request
// for one of its files, and kept until the model changes.
struct LiveSite::Made {
  std::unordered_map<std::string, OutputFile> files;
  RenderOptions open_data;  // kExports: the render options with the exported files' sizes
};

// Files made from an earlier model, freed on a thread of their own: at national scale the
// open data alone are 6.5 GB of strings, and the save should not wait for them to go.
struct LiveSite::Dropped {
  std::vector<std::unique_ptr<Made>> groups;
  void push_back(std::unique_ptr<Made> made) { groups.push_back(std::move(made)); }
  ~Dropped() {
    if (!groups.empty()) std::thread([gone = std::move(groups)] {}).detach();
  }
};

struct LiveSite::Model {
  Portal portal;
  PortalFacts facts;
  Theme theme;
  RenderOptions render;  // data_files without sizes: only du-lieu/index.html shows them
  std::unique_ptr<PageRenderer> pages;
  std::unordered_map<std::string, PageJob> page_at;
  std::unordered_map<std::string, Source> sources;  // content file → what it holds
  // Content files reports attach: a report keeps their sizes, so saving one is not an edit
  // of that file alone.
  std::unordered_set<std::string> attached;
  // What the exports group holds, known without making it: other paths are not looked for.
  std::unordered_set<std::string> export_paths;
  std::unordered_map<std::string, int> unit_dirs;  // a unit's folder → its index
  std::vector<int> record_unit;  // parallel to portal.progress: the unit whose progress/ holds it
  // Parallel to portal.plans: some of the plan's reports or progress is dated after the
  // reference date and left out (portal_as_of). A file of such a plan is not read alone: only
  // a full load checks what was left out as `check` does.
  std::vector<char> trimmed;
  mutable std::mutex made_mu[kGroups];
  mutable std::unique_ptr<Made> made[kGroups];
  // The search files last made, by path: a shard whose key is unchanged is taken from here
  // rather than indexed again (ShardReuse), as an incremental build links it.
  mutable std::unordered_map<std::string, OutputFile> search_before;

  // After the plans at `plans` (or all of them, on a full load) changed: what is derived
  // from them. The data files listed depend only on the units and which of them have plans
  // (published_data_files), which a saved plan file does not change: they are listed again
  // on a full load only.
  // The files made from the model before go to `dropped`, for the caller to free once it has
  // let readers in again (at national scale the open data alone are 6.5 GB of strings).
  void refresh(const std::vector<int>* plans = nullptr, Dropped* dropped = nullptr) {
    if (made[kSearch]) search_before = std::move(made[kSearch]->files);
    for (auto& group : made)
      if (dropped && group) dropped->push_back(std::move(group));
      else group.reset();
    attached.clear();
    for (const Report& r : portal.reports)
      for (const Attachment& a : r.attachments)
        if (!a.file.empty())
          attached.insert(normal(portal.content_dir + "/" + (a.file_on_disk.empty() ? a.file : a.file_on_disk)));
    if (plans) return;
    render.data_files = published_data_files(portal);
    export_paths = {sitemap_path(), robots_path()};
    for (const DataFileInfo& f : render.data_files) export_paths.insert(f.path);
  }
};

LiveSite::LiveSite(PipelineOptions options) : options_(std::move(options)) {}

// A change waits only for the readers already in: glibc's shared mutex lets new readers in
// ahead of a waiting writer, and a busy server would then hold a save back for ever. Both pass
// the gate; the change holds it until it has the lock.
std::unique_lock<std::shared_mutex> LiveSite::lock_for_change() const {
  std::lock_guard gate(gate_);
  return std::unique_lock(mu_);
}

std::shared_lock<std::shared_mutex> LiveSite::lock_for_reading() const {
  std::lock_guard gate(gate_);
  return std::shared_lock(mu_);
}
LiveSite::~LiveSite() = default;

std::unique_ptr<LiveSite::Model> LiveSite::load_everything(Diagnostics* diags) const {
  auto m = std::make_unique<Model>();
  PipelineResult loaded;
  load_and_check(options_, &loaded);
  m->portal = std::move(loaded.portal);
  m->facts = std::move(loaded.facts);
  m->trimmed = std::move(loaded.trimmed);
  diags->insert(diags->end(), loaded.diags.begin(), loaded.diags.end());
  m->theme = load_theme(theme_dirs(options_), diags);
  Diagnostics more = theme_problems(m->portal, m->theme);  // what the build finds too
  diags->insert(diags->end(), more.begin(), more.end());
  m->render.generator_version = options_.version;
  m->render.serve_mode = options_.serve_mode;
  m->render.threads = options_.threads;
  m->render.asset_versions = asset_versions(m->theme, options_.libraries);
  m->refresh();
  m->pages = std::make_unique<PageRenderer>(m->portal, m->facts, m->theme, m->render);
  for (const PageJob& job : page_jobs(m->portal)) m->page_at.emplace(page_path(m->portal, job), job);
  const Portal& p = m->portal;
  for (std::size_t u = 0; u < p.units.size(); ++u)
    m->unit_dirs.emplace(normal(fs::path(p.units[u].path).parent_path().string()), static_cast<int>(u));
  for (const ProgressRecord& rec : p.progress) m->record_unit.push_back(unit_of_record(*m, rec.path));
  for (std::size_t i = 0; i < p.plans.size(); ++i)
    m->sources.emplace(normal(p.plans[i].path), Source{SourceKind::kPlan, static_cast<int>(i)});
  for (std::size_t i = 0; i < p.progress.size(); ++i)
    m->sources.emplace(normal(p.progress[i].path), Source{SourceKind::kProgress, static_cast<int>(i)});
  for (std::size_t i = 0; i < p.reports.size(); ++i)
    m->sources.emplace(normal(p.reports[i].path), Source{SourceKind::kReport, static_cast<int>(i)});
  return m;
}

LiveUpdate LiveSite::update(const std::vector<std::string>& changed) {
  LiveUpdate result;
  std::set<std::string> paths = pending_;
  for (const std::string& p : changed) paths.insert(normal(p));
  bool alone = !stale_ && model_ && !changed.empty();
  for (const std::string& p : paths) {
    std::error_code ec;
    alone = alone && model_->sources.count(p) && !model_->attached.count(p) && fs::is_regular_file(p, ec);
  }
  if (alone && reread(paths, &result)) return result;
  if (!stale_ && model_ && pending_.empty() && paths.size() == 1 && !model_->sources.count(*paths.begin()) &&
      add_record(*paths.begin(), &result))
    return result;
  if (!stale_ && model_ && pending_.empty() && !changed.empty() && in_theme(paths)) return reload_theme();

  result = {};
  result.full = true;
  std::unique_ptr<Model> fresh = load_everything(&result.diags);
  sort_diagnostics(result.diags);
  std::unique_lock lock = lock_for_change();
  pending_.clear();
  stale_ = !result.diags.empty();
  if (!stale_) std::swap(model_, fresh);
  lock.unlock();  // the old model (or the unsound one) is freed without holding readers back
  return result;
}

int LiveSite::unit_of_record(const Model& m, const std::string& path) {
  // The nearest folder named progress whose parent is a unit's: a record's progress/ may
  // hold folders of its own, one of them named progress too.
  for (fs::path dir = fs::path(normal(path)).parent_path(); !dir.empty() && dir != dir.parent_path();
       dir = dir.parent_path()) {
    if (dir.filename() != "progress") continue;
    auto unit = m.unit_dirs.find(dir.parent_path().generic_string());
    if (unit != m.unit_dirs.end()) return unit->second;
  }
  return -1;
}

bool LiveSite::add_record(const std::string& path, LiveUpdate* result) {
  Model& m = *model_;
  Portal& portal = m.portal;
  std::error_code ec;
  const fs::path file(path);
  const std::string ext = file.extension().string();
  // A spreadsheet is a record only at the top of progress/ (below it, it is evidence).
  const bool sheet = (ext == ".xlsx" || ext == ".csv") && file.parent_path().filename() == "progress" &&
                     file.filename().string().rfind("~$", 0) != 0;  // not Excel's lock file
  if ((ext != ".yaml" && ext != ".yml" && !sheet) || !fs::is_regular_file(file, ec)) return false;
  // What the loader's walk takes as it is: no link on the way, nothing hidden below the unit.
  if (fs::weakly_canonical(file, ec) != fs::absolute(file, ec).lexically_normal() || ec) return false;
  const int unit = unit_of_record(m, path);
  if (unit < 0) return false;
  const fs::path unit_dir = fs::path(portal.units[unit].path).parent_path();
  const fs::path below = fs::path(path).lexically_normal().lexically_relative(fs::path(normal(unit_dir.string())));
  for (const fs::path& part : below)
    if (part.empty() || part.string()[0] == '.' || part.string()[0] == '_') return false;

  // Read as the loader reads it; anything wrong, and the full load says what.
  Diagnostics diags;
  std::optional<ProgressRecord> rec = load_progress_record((unit_dir / below).generic_string(), portal.content_dir, &diags);
  if (!rec || !diags.empty()) return false;
  int plan = -1;
  for (int i : portal.units[unit].plans)
    if (portal.plans[i].id == rec->plan_id) plan = i;
  if (plan < 0 || model_->trimmed[plan] || !all_dated_by(*rec, options_.as_of)) return false;
  rec->plan = plan;
  // Where a full load puts it: after the records of earlier units, and among its unit's in
  // path order.
  const fs::path key(rec->path);
  std::size_t at = 0;
  while (at < portal.progress.size() &&
         (m.record_unit[at] < unit || (m.record_unit[at] == unit && fs::path(portal.progress[at].path) < key)))
    ++at;
  const int k = static_cast<int>(at);
  result->reread = 1;

  Dropped dropped;  // freed once the lock is let go
  std::unique_lock lock = lock_for_change();
  auto shift_sources = [&](int by, int from) {
    for (auto& [p, src] : m.sources)
      if (src.kind == SourceKind::kProgress && src.index >= from) src.index += by;
  };
  portal.progress.insert(portal.progress.begin() + k, std::move(*rec));
  m.record_unit.insert(m.record_unit.begin() + k, unit);
  shift_sources(1, k);
  m.sources[normal(path)] = Source{SourceKind::kProgress, k};
  const std::vector<int> touched{plan};
  result->diags = validate_part(portal, touched, {});
  if (!result->diags.empty()) {  // taken out again; the next change loads everything
    sort_diagnostics(result->diags);
    m.sources.erase(normal(path));
    shift_sources(-1, k + 1);
    m.record_unit.erase(m.record_unit.begin() + k);
    portal.progress.erase(portal.progress.begin() + k);
    pending_.insert(normal(path));
    return true;
  }
  shift_records(m.facts, k);
  refresh_facts(portal, {k}, touched, m.facts);
  m.refresh(&touched, &dropped);
  return true;
}

bool LiveSite::in_theme(const std::set<std::string>& paths) const {
  auto under = [](const std::string& path, const std::string& dir) {
    return path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/';
  };
  const std::string content = normal(options_.content_dir);
  std::vector<std::string> themes;
  for (const std::string& dir : theme_dirs(options_)) themes.push_back(normal(dir));
  for (const std::string& p : paths) {
    bool theme = false;
    for (const std::string& dir : themes) theme = theme || under(p, dir);
    if (!theme || under(p, content)) return false;
  }
  return true;
}

LiveUpdate LiveSite::reload_theme() {
  LiveUpdate result;
  result.theme = true;
  Theme theme = load_theme(theme_dirs(options_), &result.diags);
  Diagnostics missing = theme_problems(model_->portal, theme);
  result.diags.insert(result.diags.end(), missing.begin(), missing.end());
  sort_diagnostics(result.diags);
  Dropped dropped;  // freed once the lock is let go
  std::unique_lock lock = lock_for_change();
  if (!result.diags.empty()) {
    stale_ = true;  // the theme on disk is broken: the next change loads everything
    return result;
  }
  Model& m = *model_;
  m.theme = std::move(theme);
  m.render.asset_versions = asset_versions(m.theme, options_.libraries);
  m.pages = std::make_unique<PageRenderer>(m.portal, m.facts, m.theme, m.render);
  m.refresh(&kNoPlans, &dropped);
  return result;
}

bool LiveSite::reread(const std::set<std::string>& paths, LiveUpdate* result) {
  Portal& portal = model_->portal;
  // Read and parse first: the model is not touched until every file is known to fit. A file
  // that cannot be read at all would leave its plan out, and what names it with it: that is
  // for a full load to say.
  std::vector<std::pair<int, Plan>> plans;
  std::vector<std::pair<int, ProgressRecord>> records;
  std::vector<std::pair<int, Report>> reports;
  Diagnostics diags;
  for (const std::string& path : paths) {
    const Source src = model_->sources.at(path);
    if (src.kind == SourceKind::kPlan) {
      const Plan& old = portal.plans[src.index];
      std::optional<Plan> plan = load_plan(old.path, &diags);
      // What links plans to each other, or would leave the plan out, needs a full load.
      if (!plan || plan->year != old.year || plan->implements_plan != old.implements_plan ||
          (plan->date && !dated_by(*plan->date, options_.as_of)))
        return false;
      plan->unit = old.unit;
      plan->implements_index = old.implements_index;
      plan->implemented_by = old.implemented_by;
      plans.emplace_back(src.index, std::move(*plan));
    } else if (src.kind == SourceKind::kProgress) {
      const ProgressRecord& old = portal.progress[src.index];
      std::optional<ProgressRecord> rec = load_progress_record(old.path, portal.content_dir, &diags);
      if (!rec || rec->plan_id != old.plan_id || !all_dated_by(*rec, options_.as_of)) return false;
      rec->plan = old.plan;
      records.emplace_back(src.index, std::move(*rec));
    } else {
      const Report& old = portal.reports[src.index];
      std::optional<Report> rep = load_report(old.path, portal.content_dir, &diags);
      if (!rep || rep->plan_id != old.plan_id || rep->date != old.date) return false;
      rep->unit = old.unit;
      rep->plan = old.plan;
      reports.emplace_back(src.index, std::move(*rep));
    }
  }
  result->reread = paths.size();

  // What the files touch: their plans, with every record and report of those.
  std::vector<int> touched_plans, changed_records, changed_reports;
  for (auto& [i, plan] : plans) touched_plans.push_back(i);
  for (auto& [i, rec] : records) {
    changed_records.push_back(i);
    if (rec.plan >= 0) touched_plans.push_back(rec.plan);
  }
  for (auto& [i, rep] : reports) {
    changed_reports.push_back(i);
    if (rep.plan >= 0) touched_plans.push_back(rep.plan);
  }
  std::sort(touched_plans.begin(), touched_plans.end());
  touched_plans.erase(std::unique(touched_plans.begin(), touched_plans.end()), touched_plans.end());
  for (int p : touched_plans)
    if (model_->trimmed[p]) return false;

  // Swapped in and checked (the rest of the model is sound); swapped back out when there are
  // problems.
  Dropped dropped;  // freed once the lock is let go
  std::unique_lock lock = lock_for_change();
  auto swap = [&] {
    for (auto& [i, plan] : plans) std::swap(portal.plans[i], plan);
    for (auto& [i, rec] : records) std::swap(portal.progress[i], rec);
    for (auto& [i, rep] : reports) std::swap(portal.reports[i], rep);
  };
  swap();
  Diagnostics more = validate_part(portal, touched_plans, changed_reports);
  diags.insert(diags.end(), more.begin(), more.end());
  take_warnings(&diags);  // the preview shows the page; check and build print the warnings
  sort_diagnostics(diags);
  result->diags = std::move(diags);
  if (!result->diags.empty()) {
    swap();
    pending_ = paths;
    return true;
  }
  refresh_facts(portal, changed_records, touched_plans, model_->facts);
  model_->refresh(&touched_plans, &dropped);
  pending_.clear();
  return true;
}

void LiveSite::search_files(const Model& m, OutputSink& out) const {
  std::map<std::string, std::string> keys;
  for (const auto& [path, f] : m.search_before)
    if (!f.key.empty()) keys.emplace(path, f.key);
  // Each plan's input key, as the export stage makes them in a build: a shard whose plans,
  // reports and listed sizes are unchanged is taken from before without its documents made.
  const std::vector<std::string> plan_keys = plan_data_keys(m.portal, m.facts, options_.version, options_.threads);
  OutputCollector made;
  build_search_files(m.portal, options_.libraries, options_.threads, made, {options_.version, &keys, &plan_keys},
                     &m.facts);
  OutputFiles files = made.take();
  for (OutputFile& f : files) {
    if (!f.reused) continue;
    auto before = m.search_before.find(f.path);
    if (before == m.search_before.end()) {  // cannot happen: the keys came from there
      build_search_files(m.portal, options_.libraries, options_.threads, out, {options_.version, nullptr, &plan_keys},
                         &m.facts);
      return;
    }
    f.bytes = std::move(before->second.bytes);
    f.reused = false;
  }
  m.search_before.clear();
  for (OutputFile& f : files) out.add(std::move(f));
}

const LiveSite::Made& LiveSite::made_files(int group) const {
  const Model& m = *model_;
  std::lock_guard lock(m.made_mu[group]);
  if (m.made[group]) return *m.made[group];
  auto made = std::make_unique<Made>();
  OutputCollector out;
  if (group == kExports) {
    build_exports(m.portal, m.facts, options_.threads, out);
  } else if (group == kSearch) {
    search_files(m, out);
  } else {
    std::set<std::string> pages;
    for (const auto& [path, job] : m.page_at) pages.insert(path);
    for (OutputFile& f : copied_files(m.portal, m.theme, std::move(pages))) out.add(std::move(f));
  }
  OutputFiles files = out.take();
  if (group == kExports) {
    made->open_data = m.render;
    made->open_data.data_files = describe_exports(m.portal, files);
  }
  for (OutputFile& f : files) {
    std::string path = f.path;
    made->files.emplace(std::move(path), std::move(f));
  }
  m.made[group] = std::move(made);
  return *m.made[group];
}

std::optional<OutputFile> LiveSite::file(const std::string& path, Diagnostics* errors) const {
  std::shared_lock lock = lock_for_reading();
  if (!model_) return std::nullopt;
  const Model& m = *model_;
  if (auto page = m.page_at.find(path); page != m.page_at.end()) {
    if (page->second.kind != PageJob::Kind::kOpenData) return m.pages->render(page->second, errors);
    // The open-data page lists each file's size: it waits for the files.
    const Made& made = made_files(kExports);
    return PageRenderer(m.portal, m.facts, m.theme, made.open_data).render(page->second, errors);
  }
  if (path.starts_with("assets/")) {
    auto asset = m.theme.assets.find(path.substr(7));
    if (asset != m.theme.assets.end()) return OutputFile{path, "", asset->second};
  }
  const Group group = group_of(path);
  if (group == kExports && !m.export_paths.count(path)) return std::nullopt;
  const Made& made = made_files(group);
  auto it = made.files.find(path);
  if (it == made.files.end()) return std::nullopt;
  return it->second;
}

}  // namespace congkhai
