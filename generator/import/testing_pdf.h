// Small PDFs written by the tests themselves: pages of ASCII text placed where a test wants
// it (Helvetica, one line per entry), pages holding only a drawing (a scan has no text
// either), and many pages sharing one content stream. Only for tests.
#pragma once

#include <string>
#include <vector>

namespace congkhai::import::testing {

struct PlacedText {
  double x = 0, y = 0;  // from the top left, in points
  std::string text;     // ASCII; ( ) and \ are escaped
  double size = 11;
};

// An A4 page per entry of `pages`; a page with no text gets a filled rectangle instead.
inline std::string make_pdf(const std::vector<std::vector<PlacedText>>& pages) {
  std::vector<std::string> objects;  // object i + 1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (std::size_t p = 0; p < pages.size(); ++p) kids += std::to_string(4 + 2 * p) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::string content;
    for (const auto& t : pages[p]) {
      std::string escaped;
      for (char c : t.text) {
        if (c == '(' || c == ')' || c == '\\') escaped += '\\';
        escaped += c;
      }
      content += "BT /F1 " + std::to_string(t.size) + " Tf 1 0 0 1 " + std::to_string(t.x) + " " +
                 std::to_string(842 - t.y - t.size) + " Tm (" + escaped + ") Tj ET\n";
    }
    if (pages[p].empty()) content = "0.5 g 100 100 395 642 re f\n";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(5 + 2 * p) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
  }
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    std::string n = std::to_string(off);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace congkhai::import::testing
