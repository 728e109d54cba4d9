// A file of the generated site: its path relative to the output root and its bytes; and the
// sink the stages hand each file to as soon as it is made.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace congkhai {

struct OutputFile {
  OutputFile() = default;
  OutputFile(std::string path, std::string bytes, std::string source)
      : path(std::move(path)), bytes(std::move(bytes)), source(std::move(source)) {}

  std::string path;   // "ha-tinh/huong-son/son-lam/2023/index.html", forward slashes
  std::string bytes;  // contents, or empty when copied from `source` or `reused`, or in `pieces`
  std::string source; // a file to copy verbatim (attachments, theme assets), or empty
  // Incremental builds: the hash of everything the file was made from (a page's inputs or
  // view data, templates and the generator's version; a search shard's documents; a plan's data and
  // facts for its JSON and CSV lines). When it equals the previous build's key for the same
  // path, the file was not made again: `reused` is set, `bytes` is empty, and the writer
  // takes the previous build's file, which the same inputs made.
  std::string key;
  bool reused = false;
  // A reused file's size, as the previous build wrote it (known from its key), for what
  // lists the files with their sizes.
  std::size_t reused_size = 0;
  // Contents borrowed from the maker, after `bytes` (a unit's CSV is its header, then the
  // lines of each plan below it, shared with the files of the units above): the file is
  // `bytes` followed by each piece. Valid only during OutputSink::add: a sink writes or
  // copies them before it returns.
  std::vector<std::string_view> pieces;

  // The contents' length, whether in `bytes` or in `pieces`; a reused file's reused_size.
  std::size_t size() const {
    if (reused) return reused_size;
    std::size_t n = bytes.size();
    for (std::string_view p : pieces) n += p.size();
    return n;
  }
  // Moves borrowed pieces into `bytes`, for a sink that keeps the file.
  void own_pieces() {
    if (pieces.empty()) return;
    bytes.reserve(size());
    for (std::string_view p : pieces) bytes += p;
    pieces = {};
  }
};

using OutputFiles = std::vector<OutputFile>;

// Where the stages hand their files, one at a time, as soon as each is made, so that a build
// never holds the whole site in memory (the writer puts each file on disk at once). Called
// from several threads at once, in no particular order: what a sink keeps must not depend
// on the order files arrive in. A file's `pieces` are valid only until add() returns.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual void add(OutputFile file) = 0;
};

// A sink that keeps every file in memory (the dev server, tests), in the order they came.
class OutputCollector : public OutputSink {
 public:
  void add(OutputFile file) override {
    file.own_pieces();
    std::lock_guard<std::mutex> lock(mu_);
    files_.push_back(std::move(file));
  }
  OutputFiles take() {
    std::lock_guard<std::mutex> lock(mu_);
    return std::move(files_);
  }

 private:
  std::mutex mu_;
  OutputFiles files_;
};

}  // namespace congkhai
