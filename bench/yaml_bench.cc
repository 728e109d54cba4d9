// congkhai-yaml-bench: YAML parse speed on the same documents, yaml-cpp (YAML::Load, which
// builds a node tree) against libyaml's event parser (yaml_parser_parse in a loop, nothing
// built) and against what the generator does (YamlReader::parse: libyaml's events into a
// YamlNode tree, with the shape checks). The documents are the front matter of every
// plans/*.md and reports/*.md, and every progress/*.yaml, under a content folder.
// Usage: congkhai-yaml-bench CONTENT_DIR [MAX_MB]
#include <yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/yaml_reader.h"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The YAML between the opening "---" line and the next "---" line.
std::string front_matter(const std::string& text) {
  if (text.rfind("---\n", 0) != 0) return "";
  std::size_t end = text.find("\n---\n", 3);
  if (end == std::string::npos) return "";
  return text.substr(4, end - 3);
}

// Returns false on a parse error.
bool parse_libyaml(const std::string& doc, long* events) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(doc.data()), doc.size());
  bool ok = true;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      ok = false;
      break;
    }
    ++*events;
    bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return ok;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: congkhai-yaml-bench CONTENT_DIR [MAX_MB]\n");
    return 2;
  }
  double max_mb = argc > 2 ? std::atof(argv[2]) : 64;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (!e.is_regular_file()) continue;
    auto ext = e.path().extension();
    if (ext == ".md" || ext == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> docs;
  std::size_t bytes = 0, fm_bytes = 0, plain_bytes = 0;
  for (const auto& p : files) {
    std::string text = read_file(p);
    std::string doc = p.extension() == ".md" ? front_matter(text) : text;
    if (doc.empty()) continue;
    (p.extension() == ".md" ? fm_bytes : plain_bytes) += doc.size();
    bytes += doc.size();
    docs.push_back(std::move(doc));
    if (static_cast<double>(bytes) > max_mb * 1e6) break;
  }
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf("%zu documents, %.2f MB (front matter %.2f MB, progress files %.2f MB)\n", docs.size(), mb,
              static_cast<double>(fm_bytes) / 1e6, static_cast<double>(plain_bytes) / 1e6);

  // Each parser gets one warm-up pass over the first documents, then the timed pass over all.
  long nodes = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& d : docs) {
    YAML::Node n = YAML::Load(d);
    nodes += static_cast<long>(n.size());
  }
  double cpp = seconds_since(t0);

  long events = 0;
  t0 = std::chrono::steady_clock::now();
  int errors = 0;
  for (const auto& d : docs)
    if (!parse_libyaml(d, &events)) ++errors;
  double lib = seconds_since(t0);

  long roots = 0;
  t0 = std::chrono::steady_clock::now();
  for (const auto& d : docs) {
    congkhai::Diagnostics diags;
    congkhai::YamlReader reader("bench.yaml", d, 1, &diags);
    if (auto root = reader.parse()) roots += static_cast<long>(root->items.size());
  }
  double ours = seconds_since(t0);

  std::printf("yaml-cpp YAML::Load          %7.3f s  %7.1f MB/s\n", cpp, mb / cpp);
  std::printf("libyaml yaml_parser_parse    %7.3f s  %7.1f MB/s  (%ld events%s)\n", lib, mb / lib, events,
              errors ? ", with parse errors" : "");
  std::printf("YamlReader::parse (YamlNode) %7.3f s  %7.1f MB/s\n", ours, mb / ours);
  std::printf("ratio libyaml / yaml-cpp     %7.1fx\n", cpp / lib);
  std::printf("ratio YamlReader / yaml-cpp  %7.1fx\n", cpp / ours);
  return nodes < 0 || roots < 0;
}
