// Writing the generated site: everything goes into a staging folder beside the output, which
// then replaces the output in one atomic step. A failed or interrupted build leaves the
// previous site exactly as it was. The staging folder is a fresh one, or, for an incremental
// build, the spare (spare_tree.h): the output before the current one, brought up to date.
//
// Files are written as they are made (SiteWriter is the build's OutputSink): memory holds
// only each file's path, hash and page key, never the site's bytes.
#pragma once

#include <sys/stat.h>

#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "model/output.h"
#include "write/build_cache.h"
#include "write/spare_tree.h"

namespace congkhai {

// Marks a folder as generated, so that a rebuild may replace it. A non-empty folder without
// it is never replaced (a mistyped --out must not wipe someone's files). It holds the
// output's digest (build_cache.h: output_digest(), marker_text()), which names the output
// to its cache.
inline constexpr const char* kOutputMarker = ".congkhai-output";

struct WriteOptions {
  // Keep the build cache (build_cache.h) and the spare (spare_tree.h): files whose bytes are
  // those the previous build wrote, and pages render reused, are kept as the previous
  // output's files (left in the spare when it already holds them, else hard-linked) instead
  // of written. The staging folder still replaces the output in one step. Without it, the
  // cache and the spare are removed.
  bool incremental = false;
  // write_site only (a SiteWriter writes on the threads that add files): threads writing
  // (0: every core), and a call after each file, from those threads.
  int threads = 1;
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct WriteStats {
  std::size_t written = 0;  // files written or copied
  std::size_t linked = 0;   // files hard-linked, unchanged, from the previous output
  std::size_t kept = 0;     // files the spare already held as the previous output's, left as they were
  std::size_t removed = 0;  // files of the spare that are no longer in the site, removed
  bool spare_used = false;       // the staging folder was the spare
  bool spare_discarded = false;  // a spare was found unsound (spare_tree.h) and removed
  // A build that no cache describes (the first, or one after --no-cache or a lost cache) left
  // a spare of its own: a copy of its output made of hard links, so that the next build
  // brings that up to date rather than linking every unchanged file into a fresh folder.
  bool spare_made = false;
  // A reused page's previous file was missing or no longer held what was written (the output
  // was changed by hand): nothing was published; build again with every page rendered.
  bool missing_previous = false;
};

// One build's output, streamed: open() makes the staging folder beside `out_dir` (or chooses
// the spare); add() writes each file into it at once (or, when unchanged or reused, keeps the
// previous output's file: left in the spare when it is already there, else hard-linked), from
// any thread; publish() swaps the staging folder in and saves the cache. A
// writer destroyed (or abandon()ed) before publishing removes its staging folder, and the
// previous output stays as it was.
class SiteWriter : public OutputSink {
 public:
  SiteWriter(std::string out_dir, WriteOptions options = {});
  ~SiteWriter() override;
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  // False with a Vietnamese `error` when the output may not be replaced or the staging
  // folder cannot be made. When there is a spare to use, it is listed at once on a thread of
  // its own (while the build loads its content), and taken at the first add() (a build that
  // stops before making any file leaves it where it is).
  bool open(std::string* error);
  // After open(), in an incremental build: the previous build's cache (load_build_cache), as
  // open() read it; empty when there is none or it describes another output.
  const BuildCache& previous() const { return previous_; }
  // Writes one file now. A bad or repeated path, or a failed write, is remembered: publish()
  // then refuses. Files added before open() or after a failure are ignored.
  void add(OutputFile file) override;
  // Files taken so far.
  std::size_t count() const;
  // Replaces the output with the staging folder. False with `error` (and the staging folder
  // removed) when any add() failed or the swap itself failed.
  bool publish(std::string* error, WriteStats* stats = nullptr);
  // Removes the staging folder without publishing (a build that found problems).
  void abandon();

 private:
  bool make_parents(const std::string& path, std::string* error);
  bool take_spare(std::string* error);  // under mu_
  void join_lister();
  bool remove_leftovers(std::string* error);  // under mu_
  bool link_into_spare_copy(const std::string& path);
  void fail(std::string error);

  std::string out_dir_;
  std::string out_;  // absolute
  std::string tmp_;  // the staging folder, empty when none
  std::string spare_;  // where the spare is kept (spare_path())
  WriteOptions options_;
  BuildCache previous_;  // what the previous output holds (incremental builds)

  mutable std::mutex mu_;
  std::map<std::string, CachedFile> files_;  // what was added: the next cache
  std::set<std::string> dirs_;               // folders in the staging folder
  bool spare_pending_ = false;  // the staging folder is to be the spare, not yet taken
  bool in_spare_ = false;       // the staging folder is the spare, taken
  SpareTree spare_tree_;        // what the spare held when it was taken
  // The copy of the staging folder made of hard links that a build no cache describes leaves
  // as the next spare ("<staging>.spare", a staging name: a killed build's is removed); empty
  // when not made. Broken, and removed at publish(), when any link or folder failed.
  std::string spare_copy_;
  std::atomic<bool> spare_copy_broken_ = false;
  // Lists the spare where it is from open() on; take_spare() waits for it.
  std::thread lister_;
  bool listed_ = false;         // the listing read the whole spare
  struct stat listed_root_ {};  // the spare's folder as listed
  std::string error_;                        // the first failure
  WriteStats stats_;
};

// Every file of `files` through a SiteWriter, on `options.threads` threads. Returns false with
// a Vietnamese `error` when the site could not be written; the previous output is then
// untouched.
bool write_site(const OutputFiles& files, const std::string& out_dir, std::string* error,
                const WriteOptions& options = {}, WriteStats* stats = nullptr);

}  // namespace congkhai
