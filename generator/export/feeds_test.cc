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
  // A task a progress summary names (newly done).
  EXPECT_NE(xml.find("I › 1 Xây dựng Kế hoạch, kiểm soát &quot;TTHC&quot;"), std::string::npos);
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

TEST(Feeds, ABusyFeedShowsItsNewestEntries) {
  // More progress files than a feed shows: the newest kFeedEntries, each summed up, in every
  // feed above them, and the same bytes from write_feeds as from write_feed.
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
  Date newest;
  for (const auto& rec : portal.progress)
    for (const auto& e : rec.entries) newest = std::max(newest, e.date);
  std::string xml = write_feed(portal, facts, nullptr);
  auto entries = between(xml, "<entry>", "</entry>");
  ASSERT_EQ(entries.size(), static_cast<size_t>(kFeedEntries));
  EXPECT_EQ(between(entries.front(), "<updated>", "</updated>")[0], atom_date(newest));
  for (const auto& e : entries) {
    if (e.find("Tiến độ") == std::string::npos) continue;
    EXPECT_NE(e.find("<summary type=\"text\">Cập nhật 2 nhiệm vụ: 1 hoàn thành, 1 đang thực hiện."), std::string::npos) << e;
  }
  OutputFiles all = write_feeds(portal, facts);
  EXPECT_EQ(all[0].bytes, xml);
  for (size_t u = 0; u < portal.units.size(); ++u)
    EXPECT_EQ(all[u + 1].bytes, write_feed(portal, facts, &portal.units[u])) << portal.units[u].url_path;
  EXPECT_TRUE(testing::well_formed_xml(xml));
}

// A progress file's entry says what it changed, in a few lines: how many tasks in which state,
// the few that matter named (done for the first time; not done though past their deadline),
// at most three of each, and its measurements.
TEST(Feeds, AProgressEntrySaysWhatChangedAndNamesTheFewThatMatter) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  Plan& plan = portal.plans[0];
  ProgressRecord q2;
  q2.path = "content/ha-tinh/huong-son/son-lam/progress/2023-q2.yaml";
  q2.plan = 0;
  q2.period = "Quý II/2023";
  auto entry = [&](const std::string& task, TaskStatus status) {
    ProgressEntry e;
    e.task = task;
    e.date = {2023, 6, 15};
    e.status = status;
    q2.entries.push_back(e);
  };
  entry("xay-dung-ke-hoach", TaskStatus::kDone);  // done already in Quý I: not new
  entry("tap-huan", TaskStatus::kDone);
  entry("niem-yet", TaskStatus::kInProgress);  // due 31/05/2023: late when written
  for (int i = 1; i <= 4; ++i) {
    Task t;
    t.id = "them-" + std::to_string(i);
    t.number = std::to_string(2 + i);
    t.text = "Nhiệm vụ thêm " + std::to_string(i) + "\ndòng hai";
    t.section = 0;
    plan.tasks.push_back(t);
    facts.plans[0].tasks.push_back(TaskFacts{});
    entry(t.id, TaskStatus::kDone);
  }
  portal.progress.push_back(q2);
  const int record = static_cast<int>(portal.progress.size()) - 1;
  std::vector<int> task_of = {0, 1, 2, 3, 4, 5, 6};
  for (int i = 0; i < static_cast<int>(q2.entries.size()); ++i) {
    facts.entries.push_back({record, i, 0});
    facts.plans[0].tasks[task_of[i]].entries.push_back(static_cast<int>(facts.entries.size()) - 1);
  }
  std::string xml = write_feed(portal, facts, nullptr);
  auto summaries = between(xml, "<summary type=\"text\">", "</summary>");
  ASSERT_FALSE(summaries.empty());
  EXPECT_EQ(summaries[0],
            "Cập nhật 7 nhiệm vụ: 6 hoàn thành, 1 đang thực hiện.\n"
            "Mới hoàn thành (5): I › 2 =HYPERLINK(&quot;http://evil.example&quot;,&quot;bấm&quot;); "
            "I › 3 Nhiệm vụ thêm 1; I › 4 Nhiệm vụ thêm 2 và 2 nhiệm vụ khác.\n"
            "Đã quá hạn mà chưa hoàn thành (1): cho công chức một cửa (hạn 31/05/2023).");
  // The first progress file: its done task is new then; its measurements are listed.
  EXPECT_EQ(summaries.back(),
            "Cập nhật 2 nhiệm vụ: 1 hoàn thành, 1 đang thực hiện.\n"
            "Mới hoàn thành (1): I › 1 Xây dựng Kế hoạch, kiểm soát &quot;TTHC&quot;.\n"
            "2 số liệu chỉ tiêu: Tỷ lệ hồ sơ trực tuyến: 41.5%; Thay đổi thời gian giải quyết: -3 ngày.")
      << xml;
}

// A file may give a task two entries; the task's state in the file is its latest, as on the
// plan's page: one task, done, neither counted twice nor called late by its earlier entry.
TEST(Feeds, ATaskWithTwoEntriesInAFileCountsOnceAtItsLatestState) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  ProgressRecord q2;
  q2.path = "content/ha-tinh/huong-son/son-lam/progress/2023-q2.yaml";
  q2.plan = 0;
  q2.period = "Quý II/2023";
  auto entry = [&](Date date, TaskStatus status) {
    ProgressEntry e;
    e.task = "niem-yet";  // due 31/05/2023
    e.date = date;
    e.status = status;
    q2.entries.push_back(e);
  };
  entry({2023, 6, 20}, TaskStatus::kDone);
  entry({2023, 6, 10}, TaskStatus::kInProgress);  // earlier, though later in the file
  portal.progress.push_back(q2);
  const int record = static_cast<int>(portal.progress.size()) - 1;
  for (int i = 0; i < 2; ++i) {
    facts.entries.push_back({record, i, 0});
    facts.plans[0].tasks[2].entries.push_back(static_cast<int>(facts.entries.size()) - 1);
  }
  auto summaries = between(write_feed(portal, facts, nullptr), "<summary type=\"text\">", "</summary>");
  ASSERT_FALSE(summaries.empty());
  EXPECT_EQ(summaries[0].substr(0, summaries[0].find('\n')), "Cập nhật 1 nhiệm vụ: 1 hoàn thành.");
  EXPECT_NE(summaries[0].find("Mới hoàn thành (1)"), std::string::npos) << summaries[0];
  EXPECT_EQ(summaries[0].find("quá hạn"), std::string::npos) << summaries[0];
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
