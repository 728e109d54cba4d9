// libFuzzer: bytes as a Word document (.docx), through the same steps as `congkhai import
// plan`: the zip opened with libzip under the size limits, the parts parsed with libxml2, the
// document recognised as a plan, and the written plan file read back by the plan loader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/docx_reader.h"
#include "import/plan_recogniser.h"
#include "load/plan_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace congkhai;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  import::ReadProblem problem;
  auto doc = import::read_docx(bytes, "fuzz.docx", &problem);
  if (!doc) {
    if (problem.vi.empty() || problem.en.empty()) __builtin_trap();  // a refusal always says why
    return 0;
  }
  auto result = import::recognise_plan(*doc);
  for (const auto& r : result.review)
    if (r.message.empty() || r.message_en.empty() || r.line < 0) __builtin_trap();
  Diagnostics diags;
  parse_plan("plans/2025.md", result.text, &diags);
  for (const auto& d : diags)
    if (d.message.empty() || d.message_en.empty()) __builtin_trap();
  return 0;
}
