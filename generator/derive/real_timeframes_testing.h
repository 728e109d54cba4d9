// Test helper: the real timeframe strings of tests/fixtures/timeframes/real.tsv, for the tests
// of the parser and of the facts derived from it.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace congkhai {

struct RealTimeframe {
  std::string text;      // as printed, line breaks restored
  int year = 0;          // the plan year it is read with
  std::string expected;  // the reading, in the form of timeframe_test.cc's summary()
  std::string source;    // where it was found
  int line = 0;          // in real.tsv
};

inline std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Rows of real.tsv (text, year, expected, source, where); '#' lines are comments. Rows without
// five columns are returned with an empty source, for the caller to report.
inline std::vector<RealTimeframe> real_timeframes() {
  std::vector<RealTimeframe> out;
  std::istringstream in(read_whole_file(std::string(CONGKHAI_SOURCE_DIR) + "/tests/fixtures/timeframes/real.tsv"));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::size_t b = 0;
    for (std::size_t e; (e = line.find('\t', b)) != std::string::npos; b = e + 1) cols.push_back(line.substr(b, e - b));
    cols.push_back(line.substr(b));
    RealTimeframe r;
    r.line = n;
    if (cols.size() != 5) {
      out.push_back(std::move(r));
      continue;
    }
    for (std::size_t i = 0; i < cols[0].size(); ++i) {
      if (cols[0].compare(i, 2, "\\n") == 0) {
        r.text += '\n';
        ++i;
      } else {
        r.text += cols[0][i];
      }
    }
    r.year = std::stoi(cols[1]);
    r.expected = cols[2];
    r.source = cols[3];
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace congkhai
