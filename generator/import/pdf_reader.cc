#include "import/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <fstream>
#include <memory>
#include <vector>

#include "import/placed_words.h"

namespace congkhai::import {
namespace {

void quiet(const std::string&, void*) {}

bool bold_font(const std::string& name) {
  for (const char* mark : {"Bold", "bold", "BOLD", "Black", "Heavy", "Semibold", "SemiBold", "Demi"})
    if (name.find(mark) != std::string::npos) return true;
  return false;
}

}  // namespace

std::optional<Document> read_pdf(const std::string& path, ReadProblem* problem) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    refuse(problem, "không mở được tệp " + path, "cannot open the file " + path);
    return std::nullopt;
  }
  std::string bytes;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxPdfBytes) {
      refuse(problem, "tệp PDF lớn hơn " + std::to_string(kMaxPdfBytes / (1024 * 1024)) +
                          " MB: không phải một kế hoạch; hãy tách phần kế hoạch ra tệp riêng",
             "the PDF is larger than " + std::to_string(kMaxPdfBytes / (1024 * 1024)) +
                 " MB: not a plan; save the plan's pages as a file of their own");
      return std::nullopt;
    }
  }
  return read_pdf_bytes(bytes, path, problem);
}

std::optional<Document> read_pdf_bytes(std::string_view bytes, const std::string& path, ReadProblem* problem) {
  poppler::set_debug_error_function(quiet, nullptr);
  if (bytes.size() > kMaxPdfBytes) {
    refuse(problem, "tệp PDF quá lớn", "the PDF is too large");
    return std::nullopt;
  }
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    refuse(problem, "không phải tệp PDF: tệp không bắt đầu bằng \"%PDF-\"",
           "not a PDF: the file does not start with \"%PDF-\"");
    return std::nullopt;
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    refuse(problem, "tệp PDF bị hỏng hoặc bị cắt cụt: không đọc được",
           "the PDF is damaged or truncated: it cannot be read");
    return std::nullopt;
  }
  if (doc->is_locked()) {
    refuse(problem, "tệp PDF được khoá bằng mật khẩu: hãy lưu lại bản không đặt mật khẩu rồi nhập lại",
           "the PDF is locked with a password: save a copy without a password and import that");
    return std::nullopt;
  }
  int pages = doc->pages();
  if (pages <= 0) {
    refuse(problem, "tệp PDF không có trang nào", "the PDF has no pages");
    return std::nullopt;
  }
  if (pages > kMaxPdfPages) {
    refuse(problem, "tệp PDF có " + std::to_string(pages) + " trang, quá " + std::to_string(kMaxPdfPages) +
                        " trang mà một kế hoạch có thể có; hãy tách phần kế hoạch ra tệp riêng",
           "the PDF has " + std::to_string(pages) + " pages, more than the " + std::to_string(kMaxPdfPages) +
               " a plan can have; save the plan's pages as a file of their own");
    return std::nullopt;
  }
  std::vector<PlacedPage> placed;
  std::size_t words = 0;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    PlacedPage out;
    if (!page) {
      placed.push_back(std::move(out));
      continue;
    }
    poppler::rectf box = page->page_rect(poppler::media_box);
    out.width = box.width();
    out.height = box.height();
    for (const auto& tb : page->text_list(poppler::page::text_list_include_font)) {
      poppler::byte_array utf8 = tb.text().to_utf8();
      PlacedWord w;
      w.text.assign(utf8.begin(), utf8.end());
      poppler::rectf r = tb.bbox();
      w.x0 = r.left();
      w.y0 = r.top();
      w.x1 = r.right();
      w.y1 = r.bottom();
      if (tb.has_font_info()) {
        w.size = tb.get_font_size();
        w.bold = bold_font(tb.get_font_name());
      }
      w.space_after = tb.has_space_after();
      out.words.push_back(std::move(w));
      if (++words > kMaxPdfWords) {
        refuse(problem, "tệp PDF có hơn " + std::to_string(kMaxPdfWords) + " từ: không phải một kế hoạch",
               "the PDF has more than " + std::to_string(kMaxPdfWords) + " words: not a plan");
        return std::nullopt;
      }
    }
    placed.push_back(std::move(out));
  }
  if (words == 0) {
    refuse(problem,
           "tệp PDF không có lớp chữ: có lẽ là bản quét (ảnh chụp các trang), chưa đọc được bản quét; "
           "hãy nhập tệp Word hoặc bản PDF xuất từ Word",
           "the PDF has no text layer: it is probably a scan (pictures of the pages), which cannot be read yet; "
           "import the Word file or a PDF saved from Word instead");
    return std::nullopt;
  }
  return layout_document(placed, path);
}

}  // namespace congkhai::import
