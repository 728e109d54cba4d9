// content/site.yaml and each unit.yaml.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "model/site.h"
#include "model/unit.h"

namespace congkhai {

std::optional<Site> load_site(const std::string& path, Diagnostics* diags);
// Reads name, level, contact and feedback; the tree walk fills in slugs and links.
std::optional<Unit> load_unit(const std::string& path, Diagnostics* diags);
// The same from text already read and cleaned (read_source).
std::optional<Unit> parse_unit(const std::string& path, const std::string& text, Diagnostics* diags);

}  // namespace congkhai
