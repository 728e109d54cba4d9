// `congkhai new site DIR`: a complete portal repository in one command: content/site.yaml,
// a README for officials, and the GitHub workflows that install the released package (its
// version and SHA-256 pinned), check every pull request and deploy main. The files come from
// the `portal/` folder shipped with the generator (cli/data_files.h).
#pragma once

#include <string>

namespace congkhai {

struct NewSiteFlags {
  std::string dir;
  std::string title = "Công khai kế hoạch kiểm soát thủ tục hành chính";
  std::string package_url;     // the .deb the workflows install; empty: left to fill in
  std::string package_sha256;  // its SHA-256; empty: left to fill in
};

// Writes the portal into `flags.dir`, which must not exist or be empty; `template_dir` holds
// the starting files, with @CONGKHAI_VERSION@, @CONGKHAI_DEB_URL@, @CONGKHAI_DEB_SHA256@ and
// @SITE_TITLE@ filled in. 0 on success; 1 when the folder is taken or the template cannot be
// read; 2 for a malformed address or checksum.
int new_site(const NewSiteFlags& flags, const std::string& template_dir, const std::string& version, bool english);

// The placeholder left where no package address or checksum was given: the install step
// stops on it with a message naming the file to fill in.
inline constexpr const char* kUnfilled = "CHUA-DIEN";

}  // namespace congkhai
