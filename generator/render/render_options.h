// Settings of one rendering of the site that do not come from the content.
#pragma once

#include <string>

namespace congkhai {

struct RenderOptions {
  std::string generator_version;  // shown in <meta name="generator">
  // `congkhai serve`: pages get `extra_head` (the live-reload script) at the end of <head>.
  bool serve_mode = false;
  std::string extra_head;
};

}  // namespace congkhai
