// libFuzzer: bytes as a PDF and as a plain text plan, through the import's readers: poppler
// opens the bytes (its own messages kept off stderr), the words' positions are laid out again
// into paragraphs and tables; the same bytes read as text go through the three table shapes.
// A refusal always says why in both languages; a document read has sane places and cells.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/pdf_reader.h"
#include "import/text_reader.h"

namespace {

void check(const congkhai::import::Document& doc) {
  using congkhai::import::Block;
  for (const auto& b : doc.blocks) {
    if (b.kind == Block::Kind::kParagraph) {
      if (b.paragraph.at.page < 0 || b.paragraph.at.paragraph < 0) __builtin_trap();
      continue;
    }
    for (const auto& r : b.table.rows) {
      if (r.doubt.empty() != r.doubt_en.empty()) __builtin_trap();  // a doubt in both languages
      for (const auto& c : r.cells)
        if (c.span < 1 || c.span > 64) __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace congkhai::import;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadProblem problem;
  if (auto doc = read_pdf_bytes(bytes, "fuzz.pdf", &problem)) {
    check(*doc);
  } else if (problem.vi.empty() || problem.en.empty()) {
    __builtin_trap();
  }
  problem = {};
  if (auto doc = parse_text(bytes, "fuzz.txt", &problem)) {
    check(*doc);
  } else if (problem.vi.empty() || problem.en.empty()) {
    __builtin_trap();
  }
  return 0;
}
