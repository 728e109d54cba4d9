// congkhai: see README.md, or run `congkhai --help`.
#include <filesystem>
#include <iostream>
#include <new>

#include "cli/commands.h"

// The edge: no input may end in std::terminate. Problems with the content and the command
// line are values (exit 1 and 2) long before this; what reaches here is a failure of the
// machine (a folder that cannot be read or written, memory), reported with exit 3.
int main(int argc, char** argv) {
  try {
    return congkhai::run_cli(argc, argv, /*process_ends_after=*/true);
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "congkhai: lỗi đọc, ghi tệp (file system error): " << e.what() << "\n";
  } catch (const std::bad_alloc&) {
    std::cerr << "congkhai: không đủ bộ nhớ (out of memory)\n";
  } catch (const std::exception& e) {
    std::cerr << "congkhai: lỗi không lường trước (unexpected error): " << e.what() << "\n";
  }
  return congkhai::kExitWriteFailed;
}
