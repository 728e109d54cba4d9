#include "load/content_tree.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "load/attached_file.h"
#include "load/plan_loader.h"
#include "load/progress_loader.h"
#include "load/progress_sheet.h"
#include "load/regular_file.h"
#include "load/report_loader.h"
#include "load/site_loader.h"
#include "load/source_text.h"
#include "load/yaml_reader.h"
#include "model/urls.h"
#include "text/parallel_for.h"
#include "text/edit_distance.h"
#include "text/unicode.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.empty() || name[0] == '.' || name[0] == '_';
}

// Units nest province → district → commune; a few more levels are tolerated, not hundreds.
constexpr int kMaxUnitDepth = 6;
// Longest unit folder slug, as for ids: addresses stay readable and paths short.
constexpr std::size_t kMaxSlugLength = 80;

bool has_extension(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  for (const char* x : exts)
    if (e == x) return true;
  return false;
}

// A hint comes in both languages or not at all.
void error_at_file(Diagnostics* diags, const std::string& path, std::string vi, std::string en,
                   std::string hint, std::string hint_en) {
  diags->push_back(Diagnostic{path, SourcePos{}, std::move(vi), std::move(en), std::move(hint), std::move(hint_en)});
}
void error_at_file(Diagnostics* diags, const std::string& path, std::string vi, std::string en) {
  diags->push_back(Diagnostic{path, SourcePos{}, std::move(vi), std::move(en)});
}

// Parses one content file as its loader reads it from the disk.
ParsedFile parse_from_disk(ContentKind kind, const std::string& path, const std::string& content) {
  ParsedFile p;
  switch (kind) {
    case ContentKind::kPlan: p.plan = load_plan(path, &p.diags); break;
    case ContentKind::kProgress: p.record = load_progress_record(path, content, &p.diags); break;
    case ContentKind::kReport: p.report = load_report(path, content, &p.diags); break;
    case ContentKind::kUnit: p.unit = load_unit(path, &p.diags); break;
  }
  return p;
}

// The same from the bytes of a regular file already read: what parse_from_disk gives for them.
ParsedFile parse_from_bytes(ContentKind kind, const std::string& path, const std::string& bytes,
                            const std::string& content) {
  ParsedFile p;
  if (kind == ContentKind::kProgress && is_progress_sheet(path)) {
    const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
    p.record = parse_progress_sheet(path, bytes, csv, content, &p.diags, &p.files);
    return p;
  }
  auto text = clean_text(bytes, path, &p.diags);
  if (!text) return p;
  switch (kind) {
    case ContentKind::kPlan: p.plan = parse_plan(path, *text, &p.diags); break;
    case ContentKind::kProgress: p.record = parse_progress(path, *text, content, &p.diags, &p.files); break;
    case ContentKind::kReport: p.report = parse_report(path, *text, content, &p.diags, &p.files); break;
    case ContentKind::kUnit: p.unit = parse_unit(path, *text, &p.diags); break;
  }
  return p;
}

// Whether each file a cached result names is found as it was when the result was made.
bool same_files(const FileReferences& files, const std::string& path, const std::string& content) {
  for (const FileReference& f : files) {
    std::string problem, problem_en;
    auto found = resolve_attached_file(content, path, f.typed, &problem, &problem_en);
    if (!found || *found != f.found) return false;
  }
  return true;
}

class TreeLoader {
 public:
  TreeLoader(const std::string& content_dir, int threads, Diagnostics* diags, LoadCache* cache)
      : dir_(content_dir), threads_(threads), diags_(diags), cache_(cache) {
    portal_.content_dir = content_dir;
  }

  Portal load() {
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
      error_at_file(diags_, dir_, "không tìm thấy thư mục nội dung", "content folder not found",
                    "chỉ đường dẫn bằng --content THƯ_MỤC", "give its path with --content FOLDER");
      return std::move(portal_);
    }
    root_ = fs::weakly_canonical(dir_, ec);
    std::string site = path_of("site.yaml");
    if (!fs::exists(dir_ / "site.yaml", ec)) {
      error_at_file(diags_, site, "thiếu tệp site.yaml (tên và thông tin chung của cổng)",
                    "site.yaml is missing");
    } else if (!refused_link(dir_ / "site.yaml")) {
      if (auto s = load_site(site, diags_)) portal_.site = *s;
    }
    walk(dir_, -1);
    run_jobs(threads_);
    link_records();
    link_implements();
    order_plans_and_reports();
    if (cache_) {
      cache_->reused = reused_;
      cache_->parsed = parsed_;
      cache_->stamped = stamped_;
      if (cache_->next) cache_->next->park(cache_->previous);  // before the cache read it borrows from goes
      if (cache_->previous) *cache_->previous = ParsedCache{};
    }
    return std::move(portal_);
  }

 private:
  // What the next cache keeps of a file: the hash of its bytes and its encoded result, an
  // entry of the previous cache or a fresh one.
  struct ToKeep {
    bool keep = false;
    ContentHash hash;
    SourceStamp stamp;  // kept only when old enough (LoadCache::stamps_before_ns)
    std::optional<ParsedCache::Found> from;  // into the previous cache
    std::string fresh;
  };

  // The stamp the next cache keeps for a file: none when either of its times is not before
  // the load's margin (an edit after the read could then keep them).
  SourceStamp stamp_to_keep(const SourceStamp& s) const {
    return s.modified_ns < cache_->stamps_before_ns && s.changed_ns < cache_->stamps_before_ns ? s : SourceStamp{};
  }

  // Parses one content file, or takes what parsing it gave from the last build's cache: when
  // its stamp is the one kept, unread; else when its bytes are the same. Called from several
  // threads at once.
  ParsedFile parse_file(ContentKind kind, const std::string& path, ToKeep* keep) {
    const std::string content = dir_.generic_string();
    if (!cache_) return parse_from_disk(kind, path, content);
    if (cache_->previous && cache_->stamps_before_ns > 0) {
      const SourceStamp stamp = source_stamp(path);
      if (stamp.known())
        if (auto entry = cache_->previous->find_stamped(kind, path, stamp)) {
          ParsedFile p;
          if (decode_parsed_file(entry->encoded, kind, &p) && same_files(p.files, path, content)) {
            ++reused_;
            ++stamped_;
            keep->keep = true;
            keep->hash = entry->hash;
            keep->stamp = stamp_to_keep(stamp);
            keep->from = entry;
            return p;
          }
        }
    }
    RegularFile file = read_regular_file(path, kMaxFileBytes);
    // A file that cannot be read is reported by its loader, as without a cache.
    if (file.status != RegularFile::Status::kOk) {
      ++parsed_;
      return parse_from_disk(kind, path, content);
    }
    keep->hash = hash_bytes(file.bytes);
    keep->stamp = stamp_to_keep(file.stamp);
    if (cache_->previous)
      if (auto entry = cache_->previous->find(kind, path, keep->hash)) {
        ParsedFile p;
        if (decode_parsed_file(entry->encoded, kind, &p) && same_files(p.files, path, content)) {
          ++reused_;
          keep->keep = true;
          keep->from = entry;
          return p;
        }
      }
    ++parsed_;
    ParsedFile p = parse_from_bytes(kind, path, file.bytes, content);
    if (cache_->next && is_cacheable(p)) {
      keep->keep = true;
      keep->fresh = encode_parsed_file(kind, p);
      // Held until every file is loaded: no room beyond its bytes (a string grown by appends
      // may hold twice them; on a national portal that was some 0.6 GB more at the peak).
      keep->fresh.shrink_to_fit();
    }
    return p;
  }

  // The files kept without a stamp, their times too recent when the load began, looked at
  // again as a load starting now would (LoadCache::stamps_before_at_end): a stamp older than
  // its margin, taken as the bytes were read again, is kept when those bytes hash as the ones
  // parsed.
  void stamp_late(const std::vector<std::pair<const std::string*, ToKeep*>>& kept, int threads) {
    if (!cache_->next || cache_->stamps_before_ns <= 0 || !cache_->stamps_before_at_end) return;
    std::vector<std::pair<const std::string*, ToKeep*>> late;
    for (const auto& [path, k] : kept)
      if (k->keep && !k->stamp.known()) late.emplace_back(path, k);
    if (late.empty()) return;
    const std::int64_t before = cache_->stamps_before_at_end();
    if (before <= cache_->stamps_before_ns) return;
    parallel_for(late.size(), threads, [&](std::size_t n) {
      ToKeep& k = *late[n].second;
      const std::string& path = *late[n].first;
      const SourceStamp now = source_stamp(path);
      if (!now.known() || now.modified_ns >= before || now.changed_ns >= before) return;
      RegularFile file = read_regular_file(path, kMaxFileBytes);
      if (file.status == RegularFile::Status::kOk && file.stamp == now && hash_bytes(file.bytes) == k.hash)
        k.stamp = now;
    });
  }

  // Hands `k` to the next cache: a fresh encoding is moved in whole, not copied.
  void keep(ContentKind kind, const std::string& path, ToKeep& k) {
    if (!cache_ || !cache_->next || !k.keep) return;
    if (k.from)
      cache_->next->add_borrowed(kind, path, *k.from, k.stamp);  // from the cache read
    else
      cache_->next->add(kind, path, k.hash, std::move(k.fresh), k.stamp);
    k.from.reset();
  }

  std::string path_of(const fs::path& rel) const { return (dir_ / rel).generic_string(); }
  std::string path_of_abs(const fs::path& p) const { return p.generic_string(); }

  // Symbolic links are followed only to regular files inside the content folder: a link out
  // of it would publish (or print in an error) any file of the machine, and a link to a
  // folder could loop. Each refused link is reported once.
  bool refused_link(const fs::path& p) {
    std::error_code ec;
    if (!fs::is_symlink(p, ec)) return false;
    return refused_link_target(p);
  }
  // The same for an entry of a listing, whose type the listing gave (d_type): no stat for
  // each of a national portal's hundred thousand files.
  bool refused_link(const fs::directory_entry& e) {
    std::error_code ec;
    if (!e.is_symlink(ec)) return false;
    return refused_link_target(e.path());
  }
  bool refused_link_target(const fs::path& p) {
    std::error_code ec;
    fs::path target = fs::weakly_canonical(p, ec);
    fs::path rel = target.lexically_relative(root_);
    bool inside = !ec && !rel.empty() && *rel.begin() != "..";
    if (inside && fs::is_regular_file(target, ec)) return false;
    if (!reported_links_.insert(p.generic_string()).second) return true;
    if (inside)
      error_at_file(diags_, path_of_abs(p), "liên kết tượng trưng (symlink) tới thư mục không được dùng",
                    "a symbolic link to a folder is not allowed", "chép thư mục vào đây thay cho liên kết",
                    "copy the folder here instead of linking it");
    else
      error_at_file(diags_, path_of_abs(p), "liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung",
                    "a symbolic link points outside the content folder",
                    "chép tệp vào thư mục nội dung thay cho liên kết",
                    "copy the file into the content folder instead of linking it");
    return true;
  }

  // A name that is not UTF-8 (Linux allows any bytes) can be neither shown nor written into
  // the site's pages and data; it is reported once, and its file or folder left unread.
  bool refused_name(const fs::path& p) {
    if (is_valid_utf8(p.filename().string())) return false;
    if (!reported_links_.insert(p.string()).second) return true;
    // The path as it can be printed: each byte that is not UTF-8 becomes "?".
    std::string shown;
    const std::string raw = path_of_abs(p);
    for (std::size_t i = 0; i < raw.size();) {
      std::size_t n = 1;
      while (n <= 4 && i + n <= raw.size() && !is_valid_utf8(std::string_view(raw).substr(i, n))) ++n;
      if (n > 4 || i + n > raw.size()) {
        shown += '?';
        ++i;
      } else {
        shown.append(raw, i, n);
        i += n;
      }
    }
    error_at_file(diags_, shown, "tên tệp hoặc thư mục không phải văn bản UTF-8 hợp lệ",
                    "the file or folder name is not valid UTF-8",
                  "đặt lại tên cho nó (tên do máy khác hay bảng mã cũ tạo ra)",
                  "rename it (a name made on another machine or in an old encoding)");
    return true;
  }

  // Directory entries sorted by name, hidden ones and refused links left out, so the walk is
  // deterministic.
  std::vector<fs::directory_entry> listing(const fs::path& dir) {
    std::vector<fs::directory_entry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (!is_hidden(it->path()) && !refused_name(it->path()) && !refused_link(*it)) out.push_back(*it);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    return out;
  }

  int depth_of(int unit) const {
    int depth = 0;
    for (; unit >= 0; unit = portal_.units[unit].parent) ++depth;
    return depth;
  }

  void walk(const fs::path& dir, int parent) {
    std::map<std::string, std::string> slugs;  // slug → folder name, to catch collisions
    for (const auto& e : listing(dir)) {
      if (!e.is_directory()) continue;
      fs::path sub = e.path();
      std::string name = sub.filename().string();
      if (parent >= 0 && (name == "plans" || name == "progress" || name == "reports")) continue;
      bool is_unit = fs::exists(sub / "unit.yaml");
      if (!is_unit) {
        if (fs::exists(sub / "plans"))
          error_at_file(diags_, path_of_abs(sub / "unit.yaml"),
                        "thư mục có kế hoạch (plans/) nhưng thiếu tệp unit.yaml",
                        "folder has plans/ but no unit.yaml");
        continue;  // evidence folders and the like
      }
      std::string slug = slugify(name);
      std::string unit_path = path_of_abs(sub / "unit.yaml");
      if (refused_link(sub / "unit.yaml")) continue;
      if (depth_of(parent) >= kMaxUnitDepth) {
        error_at_file(diags_, unit_path,
                      "đơn vị lồng quá sâu (tối đa " + std::to_string(kMaxUnitDepth) + " cấp thư mục đơn vị)",
                      "units nest too deeply (at most " + std::to_string(kMaxUnitDepth) + " levels)");
        continue;
      }
      if (slug.size() > kMaxSlugLength) {
        error_at_file(diags_, unit_path,
                      "tên thư mục \"" + name + "\" quá dài (tối đa " + std::to_string(kMaxSlugLength) + " ký tự)",
                      "folder name \"" + name + "\" is too long (at most " + std::to_string(kMaxSlugLength) +
                          " characters)");
        continue;
      }
      if (slug.empty() || is_reserved_slug(slug)) {
        error_at_file(diags_, unit_path, "tên thư mục \"" + name + "\" không dùng được làm địa chỉ trang",
                      "folder name \"" + name + "\" cannot be used as a page address",
                      "dùng chữ không dấu, chữ số và dấu \"-\", ví dụ: son-lam",
                      "use letters without diacritics, digits and \"-\", e.g. son-lam");
        continue;
      }
      if (auto it = slugs.find(slug); it != slugs.end()) {
        error_at_file(diags_, unit_path,
                      "thư mục \"" + name + "\" trùng địa chỉ \"" + slug + "\" với thư mục \"" + it->second + "\"",
                      "folder \"" + name + "\" has the same address as \"" + it->second + "\"",
                      "đổi tên một trong hai thư mục", "rename one of the two folders");
        continue;
      }
      slugs[slug] = name;
      load_unit_folder(sub, slug, parent);
    }
  }

  void load_unit_folder(const fs::path& dir, const std::string& slug, int parent) {
    const std::string path = path_of_abs(dir / "unit.yaml");
    ToKeep k;
    ParsedFile parsed = parse_file(ContentKind::kUnit, path, &k);
    if (cache_) units_kept_.emplace_back(path, std::move(k));  // kept with the jobs' files
    diags_->insert(diags_->end(), parsed.diags.begin(), parsed.diags.end());
    auto& unit = parsed.unit;
    if (!unit) return;
    int index = static_cast<int>(portal_.units.size());
    unit->slug = slug;
    unit->parent = parent;
    unit->url_path = parent < 0 ? slug : portal_.units[parent].url_path + "/" + slug;
    portal_.units.push_back(std::move(*unit));
    if (parent < 0)
      portal_.top_units.push_back(index);
    else
      portal_.units[parent].children.push_back(index);
    load_plans(dir / "plans", index);
    load_progress_dir(dir / "progress", index);
    load_reports(dir / "reports", index);
    walk(dir, index);
  }

  // Files are found during the walk and parsed afterwards, in parallel; results are kept
  // in walk order so the portal is the same whatever the thread count.
  using Kind = ContentKind;
  struct Job {
    Kind kind;
    std::string path;
    int unit;
  };

  void load_plans(const fs::path& dir, int unit) {
    std::error_code ec;
    if (fs::is_symlink(dir, ec)) return;  // reported by the walk
    for (const auto& e : listing(dir)) {
      std::string path = path_of_abs(e.path());
      // A pipe or device named *.md is loaded, so that read_source refuses it by name.
      if (e.is_directory() || !has_extension(e.path(), {".md"})) {
        error_at_file(diags_, path, "thư mục plans/ chỉ chứa các tệp kế hoạch .md",
                      "plans/ holds only .md plan files");
        continue;
      }
      jobs_.push_back({Kind::kPlan, path, unit});
    }
  }

  void load_progress_dir(const fs::path& dir, int unit) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    if (fs::is_symlink(dir, ec)) return;  // reported by the walk
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (is_hidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (refused_name(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (refused_link(*it)) continue;
      if (it->is_directory()) continue;
      // Pipes and devices too: read_source refuses them by name rather than leave them unread.
      if (has_extension(it->path(), {".yaml", ".yml"})) files.push_back(it->path());
      // Spreadsheets are records only at the top of progress/; below it (files/) a .csv or
      // .xlsx is evidence.
      // "~$2025-q1.xlsx" is the lock file Excel keeps beside a workbook it has open.
      const bool excel_lock = it->path().filename().string().rfind("~$", 0) == 0;
      if (excel_lock) continue;
      if (it.depth() == 0 && has_extension(it->path(), {".xlsx", ".csv"})) files.push_back(it->path());
      if (it.depth() == 0 && has_extension(it->path(), {".xlsm", ".xls", ".ods", ".xltx", ".xltm"}))
        error_at_file(diags_, path_of_abs(it->path()),
                      "bảng tiến độ phải lưu dạng Excel Workbook (.xlsx) hoặc CSV UTF-8 (.csv); tệp này không được đọc",
                      "a progress sheet must be saved as an Excel Workbook (.xlsx) or as CSV UTF-8 (.csv); this file is not read",
                      "trong Excel: File > Save As > Excel Workbook (*.xlsx); tệp .xlsm có macro không được nhận",
                      "in Excel: File > Save As > Excel Workbook (*.xlsx); a .xlsm file with macros is not accepted");
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) jobs_.push_back({Kind::kProgress, path_of_abs(f), unit});
  }

  void load_reports(const fs::path& dir, int unit) {
    std::error_code ec;
    if (fs::is_symlink(dir, ec)) return;  // reported by the walk
    for (const auto& e : listing(dir))
      if (!e.is_directory() && has_extension(e.path(), {".md"}))  // others are attachments
        jobs_.push_back({Kind::kReport, path_of_abs(e.path()), unit});
  }

  void run_jobs(int threads) {
    // Each job's model goes into a slot of its kind's list: a ParsedFile per job (an optional
    // of every model, some 2 KB) would be some 200 MB on a national portal, touched and held
    // to the end of the load, the build's peak.
    std::vector<std::size_t> slot(jobs_.size());
    std::size_t of_kind[4] = {};
    for (std::size_t i = 0; i < jobs_.size(); ++i) slot[i] = of_kind[static_cast<int>(jobs_[i].kind)]++;
    std::vector<std::optional<Plan>> plans(of_kind[static_cast<int>(Kind::kPlan)]);
    std::vector<std::optional<ProgressRecord>> records(of_kind[static_cast<int>(Kind::kProgress)]);
    std::vector<std::optional<Report>> reports(of_kind[static_cast<int>(Kind::kReport)]);
    std::vector<Diagnostics> diags(jobs_.size());
    std::vector<ToKeep> kept(cache_ ? jobs_.size() : 0);
    parallel_for(jobs_.size(), threads, [&](std::size_t i) {
      ToKeep unused;
      ParsedFile l = parse_file(jobs_[i].kind, jobs_[i].path, cache_ ? &kept[i] : &unused);
      diags[i] = std::move(l.diags);
      switch (jobs_[i].kind) {  // a job's file gives a model of its kind only
        case Kind::kPlan: plans[slot[i]] = std::move(l.plan); break;
        case Kind::kProgress: records[slot[i]] = std::move(l.record); break;
        case Kind::kReport: reports[slot[i]] = std::move(l.report); break;
        case Kind::kUnit: break;
      }
    });
    if (cache_) {
      std::vector<std::pair<const std::string*, ToKeep*>> all;
      for (auto& [path, k] : units_kept_) all.emplace_back(&path, &k);
      for (std::size_t i = 0; i < kept.size(); ++i) all.emplace_back(&jobs_[i].path, &kept[i]);
      stamp_late(all, threads);
      for (auto& [path, k] : units_kept_) keep(Kind::kUnit, path, k);
      units_kept_.clear();
    }
    for (std::size_t i = 0; i < kept.size(); ++i) keep(jobs_[i].kind, jobs_[i].path, kept[i]);  // frees each fresh one
    std::vector<ToKeep>().swap(kept);
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
      diags_->insert(diags_->end(), diags[i].begin(), diags[i].end());
      switch (jobs_[i].kind) {
        case Kind::kPlan:
          if (auto& plan = plans[slot[i]]) add_plan(std::move(*plan), jobs_[i].unit);
          break;
        case Kind::kProgress:
          if (auto& record = records[slot[i]]) {
            records_unit_.push_back(jobs_[i].unit);
            portal_.progress.push_back(std::move(*record));
          }
          break;
        case Kind::kReport:
          if (auto& report = reports[slot[i]]) add_report(std::move(*report), jobs_[i].unit);
          break;
        case Kind::kUnit: break;
      }
    }
  }

  void add_plan(Plan plan, int unit) {
    if (!is_valid_id(plan.id)) {
      error_at_file(diags_, plan.path, "tên tệp \"" + plan.id + "\" không dùng được làm mã kế hoạch",
                    "file name \"" + plan.id + "\" cannot be a plan id",
                    "đặt tên tệp bằng chữ thường không dấu, chữ số và \"-\", ví dụ: 2024.md",
                    "name the file with lower-case letters without diacritics, digits and \"-\", e.g. 2024.md");
      return;
    }
    plan.unit = unit;
    portal_.plans.push_back(std::move(plan));
  }

  void add_report(Report rep, int unit) {
    if (!is_valid_id(rep.id)) {
      error_at_file(diags_, rep.path, "tên tệp \"" + rep.id + "\" không dùng được làm địa chỉ báo cáo",
                    "file name \"" + rep.id + "\" cannot be a report address",
                    "đặt tên tệp bằng chữ thường không dấu, chữ số và \"-\", ví dụ: 2024-q1.md",
                    "name the file with lower-case letters without diacritics, digits and \"-\", e.g. 2024-q1.md");
      return;
    }
    rep.unit = unit;
    portal_.reports.push_back(std::move(rep));
  }

  // The plan with `id` in `unit`, or -1 after reporting it with the closest ids.
  // `plans_of` lists each unit's plans in file order.
  int find_plan(const std::vector<std::vector<int>>& plans_of, int unit, const std::string& id,
                const std::string& path, SourcePos pos) {
    std::vector<std::string> ids;
    if (unit >= 0 && static_cast<std::size_t>(unit) < plans_of.size())
      for (int i : plans_of[unit]) {
        if (portal_.plans[i].id == id) return i;
        ids.push_back(portal_.plans[i].id);
      }
    auto near = closest(id, ids);
    std::string hint;
    for (const auto& n : near.empty() ? ids : near) hint += (hint.empty() ? "" : ", ") + n;
    diags_->push_back(Diagnostic{path, pos,
                                 "không có kế hoạch \"" + id + "\" trong thư mục plans/ của đơn vị này",
                                 "no plan \"" + id + "\" in this unit's plans/ folder",
                                 hint.empty() ? "" : "các kế hoạch có: " + hint,
                                 hint.empty() ? "" : "the plans are: " + hint});
    return -1;
  }

  void link_records() {
    // One pass over the plans, not one per record: the national portal has 16,000 plans and
    // as many records.
    std::vector<std::vector<int>> plans_of(portal_.units.size());
    for (std::size_t i = 0; i < portal_.plans.size(); ++i) {
      const int unit = portal_.plans[i].unit;
      if (unit >= 0 && static_cast<std::size_t>(unit) < plans_of.size()) plans_of[unit].push_back(static_cast<int>(i));
    }
    for (std::size_t i = 0; i < portal_.progress.size(); ++i) {
      auto& rec = portal_.progress[i];
      if (!rec.plan_id.empty()) {
        rec.plan = find_plan(plans_of, records_unit_[i], rec.plan_id, rec.path, rec.plan_pos);
        if (rec.plan < 0) diags_->back().sheet = rec.sheet;
      }
    }
    for (auto& rep : portal_.reports)
      if (!rep.plan_id.empty()) rep.plan = find_plan(plans_of, rep.unit, rep.plan_id, rep.path, rep.plan_pos);
  }

  // `implements: {plan: …}` tied to the plan it names, which must be a plan of a unit above;
  // that plan lists the plans implementing it, in portal order.
  void link_implements() {
    std::unordered_map<std::string, int> by_path;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < portal_.plans.size(); ++i) {
      paths.push_back(plan_portal_path(portal_, portal_.plans[i]));
      by_path.emplace(paths.back(), static_cast<int>(i));
    }
    for (std::size_t i = 0; i < portal_.plans.size(); ++i) {
      Plan& plan = portal_.plans[i];
      if (plan.implements_plan.empty()) continue;
      const std::string wanted = normal_plan_path(plan.implements_plan);
      auto it = by_path.find(wanted);
      if (it == by_path.end()) {
        Diagnostic d{plan.path, plan.implements_pos,
                     "không có kế hoạch \"" + plan.implements_plan + "\" trên cổng",
                     "there is no plan \"" + plan.implements_plan + "\" in this portal",
                     "đường dẫn là thư mục của đơn vị trong content/ và tên tệp kế hoạch, không có .md "
                     "(ví dụ: ha-tinh/huong-son/2023); kế hoạch cấp trên chưa có trên cổng thì bỏ \"plan\", giữ \"text\"",
                     "the path is the unit's folder under content/ and the plan's file name without .md "
                     "(for example ha-tinh/huong-son/2023); for a plan not in this portal, leave \"plan\" out and keep \"text\""};
        if (auto near = closest(wanted, paths); !near.empty()) {
          std::string list;
          for (const auto& n : near) list += (list.empty() ? "" : ", ") + n;
          d.hint = "có phải ý bạn là: " + list + "?";
          d.hint_en = "did you mean: " + list + "?";
        }
        diags_->push_back(std::move(d));
        continue;
      }
      const Plan& parent = portal_.plans[it->second];
      bool above = false;
      for (int u = portal_.units[plan.unit].parent; u >= 0 && !above; u = portal_.units[u].parent)
        above = u == parent.unit;
      if (!above) {
        diags_->push_back({plan.path, plan.implements_pos,
                           "kế hoạch \"" + wanted + "\" không phải của một đơn vị cấp trên của " +
                               unit_display_name(portal_.units[plan.unit]),
                           "plan \"" + wanted + "\" does not belong to a unit above \"" +
                               unit_display_name(portal_.units[plan.unit]) + "\"",
                           "kế hoạch được thực hiện là kế hoạch của huyện, tỉnh chứa đơn vị này; "
                           "kiểm tra lại đường dẫn",
                           "the implemented plan is one of the district or province this unit belongs to; "
                           "check the path"});
        continue;
      }
      plan.implements_index = it->second;
      portal_.plans[it->second].implemented_by.push_back(static_cast<int>(i));
    }
  }

  // Plans and reports keep their indexes (records point at them); units list theirs in
  // reading order: newest first.
  void order_plans_and_reports() {
    for (std::size_t i = 0; i < portal_.plans.size(); ++i)
      portal_.units[portal_.plans[i].unit].plans.push_back(static_cast<int>(i));
    for (std::size_t i = 0; i < portal_.reports.size(); ++i)
      portal_.units[portal_.reports[i].unit].reports.push_back(static_cast<int>(i));
    for (auto& u : portal_.units) {
      std::stable_sort(u.plans.begin(), u.plans.end(), [&](int a, int b) {
        const auto &pa = portal_.plans[a], &pb = portal_.plans[b];
        return pa.year != pb.year ? pa.year > pb.year : pa.id < pb.id;
      });
      std::stable_sort(u.reports.begin(), u.reports.end(), [&](int a, int b) {
        const auto &ra = portal_.reports[a], &rb = portal_.reports[b];
        return ra.date != rb.date ? ra.date > rb.date : ra.id < rb.id;
      });
    }
  }

  fs::path dir_;
  fs::path root_;  // dir_ with links resolved, to tell inside from outside
  std::set<std::string> reported_links_;
  int threads_;
  Diagnostics* diags_;
  LoadCache* cache_;
  std::atomic<std::size_t> reused_ = 0, parsed_ = 0, stamped_ = 0;
  std::vector<Job> jobs_;
  std::vector<std::pair<std::string, ToKeep>> units_kept_;  // each unit.yaml's, in the order walked
  Portal portal_;
  std::vector<int> records_unit_;  // parallel to portal_.progress
};

}  // namespace

Portal load_portal(const std::string& content_dir, Diagnostics* diags, int threads, LoadCache* cache) {
  return TreeLoader(content_dir, threads, diags, cache).load();
}

}  // namespace congkhai
