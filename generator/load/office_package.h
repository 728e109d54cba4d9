// An Office Open XML package (.xlsx, .docx): a zip archive of XML parts. Read so that a hostile
// file cannot make the reader inflate more than an ordinary file of its kind would (sizes
// checked from the zip directory, then again while inflating), and its XML parsed without
// network access, entities or a DTD.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

typedef struct zip zip_t;

namespace congkhai {

// Why a file was refused, in both languages.
struct PackageProblem {
  std::string vi;
  std::string en;
};

// Sets `p` (when given) and returns false, for `return refuse(p, …)`.
bool refuse(PackageProblem* p, std::string vi, std::string en);

// What kind of package is read: its words in messages, and its limits.
struct PackageKind {
  std::string noun_vi, noun_en;          // "bảng tính" / "workbook"
  std::string one_vi, one_en;            // "một bảng tính" / "a workbook"
  std::string ordinary_vi, ordinary_en;  // "một bảng tiến độ bình thường" / "an ordinary progress sheet"
  std::size_t max_entries = 0;
  std::size_t max_part_bytes = 0;   // one part, inflated
  std::size_t max_ratio = 0;        // inflated / compressed
  std::size_t ratio_from_bytes = 0; // smaller parts are not held to the ratio
  std::size_t max_total_bytes = 0;  // the parts read, together
  // true: every part's declared size is checked from the directory; false: only the parts the
  // reader asks for (a document's pictures never count against it).
  bool every_part_up_front = true;
};

class Package {
 public:
  Package(std::string_view bytes, const PackageKind& kind);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  bool is_open() const { return zip_ != nullptr; }
  // Reads the directory: every part's name (each shown to `vet` first, which may refuse it) and
  // sizes.
  bool check_directory(PackageProblem* p,
                       const std::function<bool(const std::string& name, PackageProblem*)>& vet = {});
  bool has(const std::string& name) const { return sizes_.count(name) != 0; }
  // The part's bytes, inflated in chunks and stopped as soon as it passes its declared size or
  // the limits; nullopt with `p` set when refused, nullopt alone when there is no such part.
  std::optional<std::string> read(const std::string& name, PackageProblem* p);

 private:
  bool within_limits(const std::string& name, std::size_t size, std::size_t comp, bool size_known,
                     PackageProblem* p) const;
  bool zip_bomb(PackageProblem* p, const std::string& name) const;

  const PackageKind& kind_;
  zip_t* zip_ = nullptr;
  struct Sizes {
    std::size_t size = 0, comp = 0;
    bool known = false;
  };
  std::map<std::string, Sizes> sizes_;
  std::size_t read_total_ = 0;
};

// A parsed XML part.
struct XmlPart {
  xmlDocPtr doc = nullptr;
  XmlPart() = default;
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;
  ~XmlPart();
  xmlNodePtr root() const;
};

// Parsed without network access, without substituting entities and without loading a DTD; a
// DOCTYPE or ENTITY declaration is refused outright since no part of an Office package has one.
bool parse_part(const std::string& name, const std::string& text, const PackageKind& kind, XmlPart* out,
                PackageProblem* p);

// Element and attribute lookups by local name, whatever the namespace prefix (r:id, id).
bool is_element(xmlNodePtr n, const char* local);
std::string attribute(xmlNodePtr n, const char* local);
std::string text_content(xmlNodePtr n);
xmlNodePtr first_child(xmlNodePtr n, const char* local);

std::string lower_ascii(std::string_view s);

}  // namespace congkhai
