// What `congkhai import plan` costs: each Word fixture of tests/fixtures/import/ (the sample
// plans, 16 to 28 tasks) read and recognised many times; prints the median time of one import.
//
//   build/bench/congkhai-import-bench tests/fixtures/import/*.docx
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "import/docx_reader.h"
#include "import/plan_recogniser.h"

int main(int argc, char** argv) {
  using namespace congkhai::import;
  if (argc < 2) {
    std::fprintf(stderr, "usage: congkhai-import-bench FILE.docx…\n");
    return 2;
  }
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    const std::string bytes = s.str();
    std::vector<double> ms;
    int tasks = 0;
    for (int i = 0; i < 51; ++i) {
      auto start = std::chrono::steady_clock::now();
      ReadProblem p;
      auto doc = read_docx(bytes, argv[a], &p);
      if (!doc) {
        std::fprintf(stderr, "%s: %s\n", argv[a], p.en.c_str());
        return 1;
      }
      auto r = recognise_plan(*doc);
      tasks = r.task_rows;
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%s: %d tasks, %zu bytes, median %.2f ms, slowest %.2f ms\n", argv[a], tasks, bytes.size(), ms[ms.size() / 2], ms.back());
  }
  return 0;
}
