// congkhai: see README.md, or run `congkhai --help`.
#include "cli/commands.h"

int main(int argc, char** argv) { return congkhai::run_cli(argc, argv); }
