// The site as `congkhai serve` keeps it: the model loaded once and held in memory, brought up
// to date file by file as files are saved, and each page rendered when it is asked for. A
// save of a plan then costs reading that one file, checking and deriving in memory, and
// rendering the page the browser reloads, not a build of the whole portal.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

#include "cli/pipeline.h"
#include "model/diagnostic.h"
#include "model/output.h"

namespace congkhai {

struct LiveUpdate {
  Diagnostics diags;       // sorted; empty when the content is sound
  bool full = false;       // everything was loaded again, not only the saved files
  bool theme = false;      // only the theme was loaded again
  std::size_t reread = 0;  // content files read again alone (0 when `full`)
};

class LiveSite {
 public:
  explicit LiveSite(PipelineOptions options);
  ~LiveSite();
  LiveSite(const LiveSite&) = delete;
  LiveSite& operator=(const LiveSite&) = delete;

  // Brings the model up to date with the files at `changed` (as the file watcher names them).
  // Edits of plans, progress records and reports the model holds are read alone, as long as
  // they keep what orders and addresses them (a plan's year, a report's date, the plan a
  // record or report belongs to); so is a new progress record of a unit; changes in the
  // theme's folders alone load the theme again.
  // Anything else (a file added, removed or renamed, a unit, the site, an attachment) and an
  // empty list load everything again. When the content
  // has problems the last sound model stays and is served; the files that had them are read
  // again with the next update.
  LiveUpdate update(const std::vector<std::string>& changed);

  // One file of the site as `build_site` with the same options makes it: a page is rendered
  // now; the open data, the search index and the copied files are each made whole on the
  // first request for one of their files after each update. Template problems go to `errors`. nullopt:
  // there is no such file (or no sound model yet).
  std::optional<OutputFile> file(const std::string& path, Diagnostics* errors) const;

 private:
  struct Model;
  std::unique_ptr<Model> load_everything(Diagnostics* diags) const;
  // Re-reads `paths`, all known to the model; false when one changed what it cannot change
  // alone (the caller then loads everything).
  bool reread(const std::set<std::string>& paths, LiveUpdate* result);
  bool in_theme(const std::set<std::string>& paths) const;  // all in a theme folder
  // A new progress record (the next quarter's, made with `congkhai new`) read alone and put
  // where a full load puts it; false when it is anything else, or when only a full load can
  // say what is wrong with it.
  bool add_record(const std::string& path, LiveUpdate* result);
  static int unit_of_record(const Model& m, const std::string& path);  // -1: none
  LiveUpdate reload_theme();
  struct Made;
  struct Dropped;
  const Made& made_files(int group) const;  // under a shared lock of mu_
  void search_files(const Model& m, OutputSink& out) const;

  std::unique_lock<std::shared_mutex> lock_for_change() const;
  std::shared_lock<std::shared_mutex> lock_for_reading() const;

  PipelineOptions options_;
  mutable std::mutex gate_;       // taken on the way to mu_, by readers and changes alike
  mutable std::shared_mutex mu_;  // shared: serving; exclusive: changing the model
  std::unique_ptr<Model> model_;  // the last sound one
  bool stale_ = false;            // the content changed in ways only a full load can follow
  std::set<std::string> pending_;  // files read alone that had problems: read again next time
};

}  // namespace congkhai
