#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/live_site.h"
#include "serve/dev_server.h"

namespace congkhai {

namespace {

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::vector<ErrorItem> error_items(const Diagnostics& diags, bool english) {
  std::vector<ErrorItem> items;
  for (const auto& d : diags) {
    std::string hint = english && !d.hint_en.empty() ? d.hint_en : d.hint;
    items.push_back({format_diagnostic(d, english), d.sheet ? std::string() : source_excerpt(d.path, d.pos.line, d.pos.column), hint});
  }
  return items;
}

}  // namespace

CLI::App* add_serve_command(CLI::App* app, ServeFlags* flags) {
  CLI::App* cmd = app->add_subcommand(
      "serve", "Xem trước trang web trên máy này; tự tạo lại và tải lại trang khi tệp được lưu");
  cmd->add_option("--port", flags->port, "Cổng (mặc định 8080; 0: chọn một cổng còn trống)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", flags->host,
                  "Địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này xem được)");
  return cmd;
}

int run_serve(PipelineOptions options, const ServeFlags& flags, const PrintOptions& print) {
  options.serve_mode = true;
  bool en = print.english;
  // Signals are taken by this thread alone (sigwait below): the server's threads inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  DevServerOptions o;
  o.host = flags.host;
  o.port = flags.port;
  o.english = en;
  o.watch.push_back(options.content_dir);
  for (const auto& dir : theme_dirs(options)) o.watch.push_back(dir);
  // The model stays in memory: a save re-reads that file and the pages are made on request.
  auto site = std::make_shared<LiveSite>(options);
  o.build = [site, print](const std::vector<std::string>& changed) {
    LiveUpdate u = site->update(changed);
    BuildOutcome b;
    const bool en = print.english;
    if (u.theme)
      b.note = en ? "theme loaded" : "nạp lại giao diện";
    else if (u.full)
      b.note = en ? "all content loaded" : "nạp lại toàn bộ nội dung";
    else
      b.note = std::to_string(u.reread) + (en ? u.reread == 1 ? " file read again" : " files read again"
                                              : " tệp được đọc lại");
    if (u.diags.empty()) {
      b.lookup = [site, english = print.english](const std::string& path, std::vector<ErrorItem>* errors) {
        Diagnostics diags;
        std::optional<OutputFile> f = site->file(path, &diags);
        *errors = error_items(diags, english);
        return f;
      };
    } else {
      print_diagnostics(u.diags, print, std::cerr);
      std::cerr.flush();
      b.errors = error_items(u.diags, print.english);
    }
    return b;
  };
  o.log = [](const std::string& line) { std::cout << line << std::endl; };

  if (!is_loopback(flags.host))
    std::cerr << (en ? "Warning: listening on " + flags.host +
                           ": other machines on the network can see this preview.\n"
                     : "Cảnh báo: đang mở trên địa chỉ " + flags.host +
                           ": các máy khác trong mạng cũng xem được bản xem trước này.\n");
  DevServer server(o);
  std::string error;
  if (!server.start(&error)) {
    std::cerr << "congkhai: " << error << "\n";
    return kExitWriteFailed;
  }
  std::string host = flags.host.find(':') != std::string::npos ? "[" + flags.host + "]" : flags.host;
  std::cout << (en ? "Previewing at " : "Đang xem trước tại ") << "http://" << host << ":" << server.port()
            << "/" << (en ? " (Ctrl+C to stop)" : " (bấm Ctrl+C để dừng)") << std::endl;

  int sig = 0;
  sigwait(&signals, &sig);
  server.stop();
  std::cout << (en ? "Stopped." : "Đã dừng.") << std::endl;
  return kExitOk;
}

}  // namespace congkhai
