// A file of the generated site: its path relative to the output root and its bytes; and the
// sink the stages hand each file to as soon as it is made.
#pragma once

#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace congkhai {

struct OutputFile {
  OutputFile() = default;
  OutputFile(std::string path, std::string bytes, std::string source)
      : path(std::move(path)), bytes(std::move(bytes)), source(std::move(source)) {}

  std::string path;   // "ha-tinh/huong-son/son-lam/2023/index.html", forward slashes
  std::string bytes;  // contents, or empty when copied from `source` or `reused`
  std::string source; // a file to copy verbatim (attachments, theme assets), or empty
  // Incremental builds: the hash of everything a rendered page was made from (its view data,
  // its templates, the generator's version). When it equals the previous build's key for the
  // same path, the page was not rendered again: `reused` is set, `bytes` is empty, and the
  // writer takes the previous build's file, which the same inputs made.
  std::string key;
  bool reused = false;
};

using OutputFiles = std::vector<OutputFile>;

// Where the stages hand their files, one at a time, as soon as each is made, so that a build
// never holds the whole site in memory (the writer puts each file on disk at once). Called
// from several threads at once, in no particular order: what a sink keeps must not depend
// on the order files arrive in.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual void add(OutputFile file) = 0;
};

// A sink that keeps every file in memory (the dev server, tests), in the order they came.
class OutputCollector : public OutputSink {
 public:
  void add(OutputFile file) override {
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
