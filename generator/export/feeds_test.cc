#include "export/feeds.h"

#include <gtest/gtest.h>

#include "export/testing_files.h"
#include "export/testing_portal.h"

namespace congkhai {
namespace {

using testing::between;
using testing::make_test_facts;
using testing::make_test_portal;

TEST(Feeds, PortalFeedIsWellFormedAtom) {
  std::string xml = write_feed(make_test_portal(), make_test_facts(), nullptr);
  std::string error;
  ASSERT_TRUE(testing::well_formed_xml(xml, &error)) << error << "\n" << xml;
  EXPECT_NE(xml.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  // RFC 4287: a feed has exactly one id, title and updated, and an author.
  EXPECT_EQ(between(xml, "<title", "</title>").size(), 1u + 3u);
  EXPECT_NE(xml.find("<author><name>"), std::string::npos);
}

TEST(Feeds, EntriesForReportsAndProgressFilesNewestFirst) {
  std::string xml = write_feed(make_test_portal(), make_test_facts(), nullptr);
  auto entries = between(xml, "<entry>", "</entry>");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_NE(entries[0].find("<updated>2023-06-01T00:00:00+07:00</updated>"), std::string::npos);
  EXPECT_NE(entries[1].find("<updated>2023-04-05T00:00:00+07:00</updated>"), std::string::npos);
  EXPECT_NE(entries[2].find("<updated>2023-03-31T00:00:00+07:00</updated>"), std::string::npos);
  EXPECT_NE(entries[2].find("term=\"tien-do\""), std::string::npos);
  EXPECT_NE(entries[2].find("Quý I/2023"), std::string::npos);
  // The feed changed when its newest entry did, not when it was built.
  EXPECT_EQ(between(xml, "<updated>", "</updated>")[0], "2023-06-01T00:00:00+07:00");
}

TEST(Feeds, TextIsEscaped) {
  std::string xml = write_feed(make_test_portal(), make_test_facts(), nullptr);
  EXPECT_NE(xml.find("Báo cáo quý I năm 2023 &lt;kiểm soát&gt; &amp; &quot;một cửa&quot;"),
            std::string::npos);
  EXPECT_NE(xml.find("=HYPERLINK(&quot;http://evil.example&quot;"), std::string::npos);
}

TEST(Feeds, IdsAreStableUuidsOfPaths) {
  auto ids = between(write_feed(make_test_portal(), make_test_facts(), nullptr), "<id>", "</id>");
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0], feed_id("feed.xml"));
  EXPECT_EQ(ids[2], feed_id("ha-tinh/huong-son/son-lam/bao-cao/2023-q1/index.html"));
  for (const auto& id : ids) EXPECT_EQ(id.rfind("urn:uuid:", 0), 0u);
  // The same with a base_url: ids do not depend on where the site is served.
  auto with_base = between(write_feed(make_test_portal("https://a.example"), make_test_facts(),
                                      nullptr),
                           "<id>", "</id>");
  EXPECT_EQ(ids, with_base);
}

TEST(Feeds, LinksAreRelativeToTheFeedOrAbsolute) {
  Portal portal = make_test_portal();
  std::string unit_feed = write_feed(portal, make_test_facts(), &portal.units[1]);
  EXPECT_NE(unit_feed.find("href=\"son-lam/bao-cao/2023-q1/index.html\""), std::string::npos);
  EXPECT_NE(unit_feed.find("rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\""),
            std::string::npos);
  std::string abs = write_feed(make_test_portal("https://a.example/"), make_test_facts(), nullptr);
  EXPECT_NE(abs.find("href=\"https://a.example/feed.xml\""), std::string::npos);
  EXPECT_NE(abs.find("href=\"https://a.example/ha-tinh/huong-son/son-lam/ke-hoach/2023/"
                     "index.html\""),
            std::string::npos);
}

TEST(Feeds, UnitFeedsHoldTheUnitAndItsDescendants) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  EXPECT_EQ(between(write_feed(portal, facts, &portal.units[0]), "<entry>", "</entry>").size(), 2u);
  EXPECT_EQ(between(write_feed(portal, facts, &portal.units[4]), "<entry>", "</entry>").size(), 1u);
  OutputFiles all = write_feeds(portal, facts);
  ASSERT_EQ(all.size(), 1 + portal.units.size());
  EXPECT_EQ(all[0].bytes, write_feed(portal, facts, nullptr));
  for (size_t u = 0; u < portal.units.size(); ++u) {
    EXPECT_EQ(all[u + 1].path, portal.units[u].url_path + "/feed.xml");
    EXPECT_EQ(all[u + 1].bytes, write_feed(portal, facts, &portal.units[u]));
  }
}

TEST(Feeds, ABusyFeedShowsItsNewestEntriesInFull) {
  // More progress files than a feed shows: the newest kFeedEntries, each summed up in full,
  // in every feed above them, and the same bytes from write_feeds as from write_feed.
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  facts.as_of = {2024, 12, 31};
  const ProgressRecord first = portal.progress[0];
  for (int i = 1; i <= kFeedEntries + 20; ++i) {
    ProgressRecord rec = first;
    rec.path = "content/ha-tinh/huong-son/son-lam/progress/2024-" + std::to_string(1000 + i) + ".yaml";
    for (auto& e : rec.entries) e.date = Date{2024, 1 + i % 12, 1 + i % 28};
    for (auto& m : rec.measurements) m.date = Date{2024, 1 + i % 12, 1 + i % 28};
    portal.progress.push_back(rec);
  }
  std::string xml = write_feed(portal, facts, nullptr);
  auto entries = between(xml, "<entry>", "</entry>");
  ASSERT_EQ(entries.size(), static_cast<size_t>(kFeedEntries));
  EXPECT_EQ(between(entries.front(), "<updated>", "</updated>")[0], "2024-12-28T00:00:00+07:00");
  for (const auto& e : entries) {
    if (e.find("Tiến độ") == std::string::npos) continue;
    EXPECT_NE(e.find("<summary type=\"text\">• "), std::string::npos) << e;
  }
  OutputFiles all = write_feeds(portal, facts);
  EXPECT_EQ(all[0].bytes, xml);
  for (size_t u = 0; u < portal.units.size(); ++u)
    EXPECT_EQ(all[u + 1].bytes, write_feed(portal, facts, &portal.units[u])) << portal.units[u].url_path;
  EXPECT_TRUE(testing::well_formed_xml(xml));
}

TEST(Feeds, ContentAfterTheReferenceDateIsLeftOut) {
  PortalFacts facts = make_test_facts();
  facts.as_of = {2023, 4, 1};
  auto entries = between(write_feed(make_test_portal(), facts, nullptr), "<entry>", "</entry>");
  ASSERT_EQ(entries.size(), 1u);  // only the progress file; reports are dated later
}

TEST(Feeds, EmptyFeedTakesAContentDate) {
  Portal portal = make_test_portal();
  portal.reports.clear();
  portal.progress.clear();
  std::string xml = write_feed(portal, make_test_facts(), &portal.units[0]);
  EXPECT_EQ(between(xml, "<updated>", "</updated>")[0], "2023-04-05T00:00:00+07:00");
  EXPECT_TRUE(testing::well_formed_xml(xml));
}

}  // namespace
}  // namespace congkhai
