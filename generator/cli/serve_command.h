// `congkhai serve`: preview the site while editing it (see serve/dev_server.h).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/diagnostic_printer.h"
#include "cli/pipeline.h"

namespace congkhai {

struct ServeFlags {
  std::string host = "127.0.0.1";
  int port = 8080;
};

// Registers the subcommand with its own flags (--port, --host); the caller adds the shared
// content flags and decides when to run it.
CLI::App* add_serve_command(CLI::App* app, ServeFlags* flags);

// Loads the content into a LiveSite, serves until SIGINT or SIGTERM, brings it up to date on
// every change. Returns the exit code: 0 after a clean stop, 3 when the address cannot be
// bound.
int run_serve(PipelineOptions options, const ServeFlags& flags, const PrintOptions& print);

}  // namespace congkhai
