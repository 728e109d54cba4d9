#include "cli/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace congkhai {
namespace {

using std::chrono::milliseconds;

TEST(ProgressDisplay, PlainLinesOncePerStageWhenNotATerminal) {
  std::ostringstream out;
  ProgressDisplay p(out, /*terminal=*/false, /*english=*/true, milliseconds(0));
  p.update("load", 0, 0);
  p.update("render", 0, 3);
  p.update("render", 1, 3);
  p.update("render", 3, 3);
  p.finish();
  EXPECT_EQ(out.str(), "congkhai: loading content…\ncongkhai: rendering pages (3)…\n");
}

TEST(ProgressDisplay, OneRedrawnLineWithBarStageAndCountsOnATerminal) {
  std::ostringstream out;
  ProgressDisplay p(out, /*terminal=*/true, /*english=*/false, milliseconds(0));
  p.update("render", 0, 4);
  p.update("render", 4, 4);
  p.finish();
  std::string s = out.str();
  EXPECT_EQ(s.find('\n'), std::string::npos) << "redrawn in place, never scrolled";
  EXPECT_NE(s.find("] dựng trang 0/4"), std::string::npos) << s;
  EXPECT_NE(s.find("[########################] dựng trang 4/4"), std::string::npos) << s;
  EXPECT_EQ(s.substr(s.size() - 4), "\r\x1b[K") << "the bar is cleared at the end";
}

TEST(ProgressDisplay, ShortBuildsShowNothing) {
  std::ostringstream out;
  ProgressDisplay p(out, /*terminal=*/true, /*english=*/true, std::chrono::hours(1));
  p.update("load", 0, 0);
  p.update("render", 5, 10);
  p.finish();
  EXPECT_EQ(out.str(), "");
  EXPECT_NE(p.timings().find("load "), std::string::npos);
  EXPECT_NE(p.timings().find(", render "), std::string::npos);
}

}  // namespace
}  // namespace congkhai
