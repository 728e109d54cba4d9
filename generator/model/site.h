// The portal's own settings, from content/site.yaml.
#pragma once

#include <string>

namespace congkhai {

struct Licence {
  std::string name;
  std::string url;

  bool operator==(const Licence&) const = default;
};

struct Site {
  std::string path;  // source file
  std::string title;
  std::string description;
  std::string base_url;
  std::string sample_data_notice;  // shown on every page when set
  Licence licence;

  bool operator==(const Site&) const = default;
};

}  // namespace congkhai
