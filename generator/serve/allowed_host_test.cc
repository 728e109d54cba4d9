#include "serve/allowed_host.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(AllowedHost, ThisMachinesNamesAndAddresses) {
  for (const char* h : {"localhost", "localhost:8080", "LOCALHOST:1", "localhost.", "app.localhost:3000",
                        "127.0.0.1", "127.0.0.1:8080", "10.0.0.5:80", "[::1]", "[::1]:8080", "[fe80::1]"})
    EXPECT_TRUE(is_allowed_host(h, "127.0.0.1")) << h;
}

TEST(AllowedHost, AnyOtherNameIsRefused) {
  // What a rebinding page sends: its own name, now resolving to 127.0.0.1.
  for (const char* h : {"attacker.example", "attacker.example:8080", "localhost.attacker.example",
                        "127.0.0.1.nip.io", "xlocalhost", "evil-localhost"})
    EXPECT_FALSE(is_allowed_host(h, "127.0.0.1")) << h;
}

TEST(AllowedHost, TheNameItWasToldToListenOn) {
  EXPECT_TRUE(is_allowed_host("may-cua-toi.lan:8080", "may-cua-toi.lan"));
  EXPECT_TRUE(is_allowed_host("MAY-CUA-TOI.LAN", "may-cua-toi.lan."));
  EXPECT_FALSE(is_allowed_host("khac.lan", "may-cua-toi.lan"));
  EXPECT_TRUE(is_allowed_host("[::1]:80", "::1"));
}

TEST(AllowedHost, MalformedHeadersAreRefused) {
  for (const char* h : {"", ":8080", "localhost:", "localhost:80x", "localhost:123456", "[::1", "[::1]x",
                        "[nothing]", "local host", "a/b", "user@localhost", "localhost\\x"})
    EXPECT_FALSE(is_allowed_host(h, "127.0.0.1")) << '"' << h << '"';
}

}  // namespace
}  // namespace congkhai
