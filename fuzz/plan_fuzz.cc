// libFuzzer: bytes as a plan file, through the same steps as `load_plan`: UTF-8 check, BOM,
// line endings and NFC (clean_text), front matter split, the one-pass YAML parse (libyaml events into YamlNodes), plan reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/plan_loader.h"
#include "load/source_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace congkhai;
  if (size > kMaxFileBytes) return 0;
  Diagnostics diags;
  auto text = clean_text(std::string_view(reinterpret_cast<const char*>(data), size), "plans/2024.md", &diags);
  if (!text) return 0;
  auto plan = parse_plan("plans/2024.md", *text, &diags);
  // Every problem points into the file: a line and column within it, or none.
  for (const auto& d : diags)
    if (d.pos.line < 0 || d.pos.column < 0 || d.message.empty()) __builtin_trap();
  if (plan && plan->tasks.size() > kMaxTasksPerPlan) __builtin_trap();
  return 0;
}
