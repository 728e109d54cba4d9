#include "load/web_address.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

bool site_address(const std::string& url, std::string* why = nullptr) {
  std::string vi, en;
  bool ok = is_site_address(url, &vi, &en);
  if (why) *why = en;
  if (!ok) EXPECT_FALSE(vi.empty() || en.empty()) << url;
  return ok;
}

TEST(WebAddressTest, SiteAddressIsSchemeHostAndPath) {
  for (const char* ok : {"https://congkhai.example.vn", "https://congkhai.example.vn/", "http://example.vn:8080/ky-anh/",
                         "https://example.vn/c%C3%B4ng-khai/", "https://[2001:db8::1]/", "https://127.0.0.1:8000/a/b"})
    EXPECT_TRUE(site_address(ok)) << ok;
}

// Every absolute address of the site is the base_url and a path: a query, a fragment or a space
// would end the address before the path, and a user name would send readers elsewhere.
TEST(WebAddressTest, SiteAddressWithQueryFragmentUserSpaceOrControlIsRefused) {
  std::string why;
  EXPECT_FALSE(site_address("https://example.vn/?lang=vi", &why));
  EXPECT_NE(why.find("query"), std::string::npos) << why;
  EXPECT_FALSE(site_address("https://example.vn/#top", &why));
  EXPECT_NE(why.find("fragment"), std::string::npos) << why;
  EXPECT_FALSE(site_address("https://official@example.vn/", &why));
  EXPECT_NE(why.find("user name"), std::string::npos) << why;
  EXPECT_FALSE(site_address("https://example.vn/ky anh/", &why));
  EXPECT_NE(why.find("space"), std::string::npos) << why;
  EXPECT_FALSE(site_address("https://example.vn/\t", &why));
  EXPECT_NE(why.find("control"), std::string::npos) << why;
  for (const char* bad : {"example.vn/", "ftp://example.vn/", "https://", "https:///a", "https://exa mple.vn",
                          "https://example.vn:80a/", "https://ví-dụ.vn/", "https://example.vn/công-khai/",
                          "https://example.vn/a\"b", "https://example.vn/<x>", "https://example.vn/a\\b", "javascript:alert(1)"})
    EXPECT_FALSE(site_address(bad)) << bad;
}

}  // namespace
}  // namespace congkhai
