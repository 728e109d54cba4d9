// Why a reader refused a file (not a PDF, locked with a password, a scan without text, too
// large), in Vietnamese and in English, for the command to print at the edge.
#pragma once

#include <string>

namespace congkhai::import {

struct ReadProblem {
  std::string vi;
  std::string en;
};

}  // namespace congkhai::import
