#include "load/parsed_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <thread>

#include "load/content_tree.h"
#include "text/byte_codec.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;

const ParsedCacheKey kKey{"congkhai 0.0 test", "content"};

ParsedFile plan_with_warning() {
  ParsedFile p;
  p.plan.emplace();
  p.plan->path = "content/a/plans/2024.md";
  p.plan->id = "2024";
  p.plan->title = "Kế hoạch";
  p.diags.push_back(warning(p.plan->path, {4, 9}, "có ký tự tab", "holds a tab", "xoá nó", "delete it"));
  p.files.push_back({"files/bien-ban.pdf", {"a/plans/files/bien-ban.pdf", "a/plans/files/bie\xcc\x82n-ba\xcc\x89n.pdf", 1234}});
  return p;
}

std::string small_cache() {
  ParsedCacheWriter w(kKey);
  w.add(ContentKind::kPlan, "content/a/plans/2024.md", hash_bytes("plan bytes"),
        encode_parsed_file(ContentKind::kPlan, plan_with_warning()));
  ParsedFile unit;
  unit.unit.emplace();
  unit.unit->name = "Sơn Lâm";
  w.add(ContentKind::kUnit, "content/a/unit.yaml", hash_bytes("unit bytes"), encode_parsed_file(ContentKind::kUnit, unit));
  return w.finish();
}

TEST(ParsedCache, AParsedFileRoundTripsWithItsProblems) {
  ParsedFile p = plan_with_warning();
  ParsedFile back;
  ASSERT_TRUE(decode_parsed_file(encode_parsed_file(ContentKind::kPlan, p), ContentKind::kPlan, &back));
  EXPECT_EQ(back, p);
  ParsedFile none;  // a file that gave no model
  none.diags.push_back(Diagnostic{"content/b.md", {}, "lỗi", "error"});
  ASSERT_TRUE(decode_parsed_file(encode_parsed_file(ContentKind::kReport, none), ContentKind::kReport, &back));
  EXPECT_EQ(back, none);
  // Decoded as another kind, the model does not come back as this one.
  EXPECT_FALSE(decode_parsed_file(encode_parsed_file(ContentKind::kPlan, p), ContentKind::kUnit, &back) &&
               back == p);
}

TEST(ParsedCache, EntriesAreFoundByKindPathAndBytes) {
  ParsedCache cache = ParsedCache::from_bytes(small_cache(), kKey);
  ASSERT_EQ(cache.size(), 2u);
  auto found = cache.find(ContentKind::kPlan, "content/a/plans/2024.md", hash_bytes("plan bytes"));
  ASSERT_TRUE(found);
  ParsedFile back;
  ASSERT_TRUE(decode_parsed_file(*found, ContentKind::kPlan, &back));
  EXPECT_EQ(back, plan_with_warning());
  EXPECT_FALSE(cache.find(ContentKind::kPlan, "content/a/plans/2024.md", hash_bytes("plan bytes, edited")));
  EXPECT_FALSE(cache.find(ContentKind::kReport, "content/a/plans/2024.md", hash_bytes("plan bytes")));
  EXPECT_FALSE(cache.find(ContentKind::kPlan, "content/a/plans/2025.md", hash_bytes("plan bytes")));
  EXPECT_TRUE(cache.find(ContentKind::kUnit, "content/a/unit.yaml", hash_bytes("unit bytes")));
  // Moved, the cache keeps its entries (they point into its bytes).
  ParsedCache moved = std::move(cache);
  EXPECT_TRUE(moved.find(ContentKind::kUnit, "content/a/unit.yaml", hash_bytes("unit bytes")));
}

TEST(ParsedCache, ACacheForAnotherGeneratorOrContentFolderIsIgnored) {
  EXPECT_EQ(ParsedCache::from_bytes(small_cache(), {"congkhai 0.0 other", "content"}).size(), 0u);
  EXPECT_EQ(ParsedCache::from_bytes(small_cache(), {kKey.generator, "noi-dung"}).size(), 0u);
  EXPECT_EQ(ParsedCache::from_bytes("", kKey).size(), 0u);
  EXPECT_EQ(ParsedCache::from_bytes("congkhai-cache 2\tpublic\n", kKey).size(), 0u);  // the build cache
}

// Every prefix of a cache, and every byte of it changed, gives an empty cache: the checksum
// at its end covers all of it.
TEST(ParsedCache, ATruncatedOrDamagedCacheIsIgnoredAsAWhole) {
  const std::string bytes = small_cache();
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_EQ(ParsedCache::from_bytes(bytes.substr(0, n), kKey).size(), 0u) << n;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
    EXPECT_EQ(ParsedCache::from_bytes(damaged, kKey).size(), 0u) << i;
  }
}

// Damage the checksum does not catch (the checksum made again over the damaged bytes, as a
// cache written by a faulty generator would be): reading and decoding never crash, and what
// decodes is used only when it is a whole result.
TEST(ParsedCache, DamageBehindASoundChecksumNeverCrashes) {
  const std::string bytes = small_cache();
  const std::size_t body = bytes.size() - 16;
  auto resealed = [&](std::string b) {
    ByteWriter sum;
    const ContentHash h = hash_bytes(std::string_view(b).substr(0, body));
    for (int i = 0; i < 8; ++i) sum.byte(static_cast<std::uint8_t>(h.high >> (8 * i)));
    for (int i = 0; i < 8; ++i) sum.byte(static_cast<std::uint8_t>(h.low >> (8 * i)));
    b.replace(body, 16, sum.bytes());
    return b;
  };
  ASSERT_EQ(ParsedCache::from_bytes(resealed(bytes), kKey).size(), 2u);
  for (std::size_t i = 0; i < body; ++i)
    for (unsigned char flip : {0x01, 0x7f, 0x80, 0xff}) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ flip);
      ParsedCache cache = ParsedCache::from_bytes(resealed(damaged), kKey);
      for (ContentKind kind : {ContentKind::kPlan, ContentKind::kUnit})
        for (const char* path : {"content/a/plans/2024.md", "content/a/unit.yaml"})
          for (const char* content : {"plan bytes", "unit bytes"})
            if (auto found = cache.find(kind, path, hash_bytes(content))) {
              ParsedFile back;
              (void)decode_parsed_file(*found, kind, &back);
            }
    }
}

TEST(ParsedCache, AFileWithAnErrorIsNotKept) {
  EXPECT_TRUE(is_cacheable(plan_with_warning()));
  ParsedFile with_error = plan_with_warning();
  with_error.diags.push_back(Diagnostic{"content/a/plans/2024.md", {1, 1}, "lỗi", "error"});
  EXPECT_FALSE(is_cacheable(with_error));
}

TEST(ParsedCache, SavedAtomicallyAndReadBack) {
  const fs::path dir = fs::temp_directory_path() / ("congkhai-parsed-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string path = (dir / ".congkhai-cache" / "public.parsed").string();
  ASSERT_TRUE(save_parsed_cache(small_cache(), path));
  EXPECT_EQ(read_parsed_cache(path, kKey).size(), 2u);
  for (const auto& e : fs::directory_iterator(dir / ".congkhai-cache"))
    EXPECT_EQ(e.path().filename(), "public.parsed");  // no temporary file left
  remove_parsed_cache(path);
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(read_parsed_cache(path, kKey).size(), 0u);
  fs::remove_all(dir);
}

// The next cache leaves memory at the end of the load, parked in a file beside the cache, and
// replaces the cache only when the build keeps it.
TEST(ParsedCache, TheNextCacheIsParkedAtTheLoadsEndAndKeptOnlyWhenAsked) {
  const fs::path dir = fs::temp_directory_path() / ("congkhai-parked-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "public.parsed").string();
  const std::string parked = path + ".next-1";
  const std::string expected = small_cache();
  auto fill = [](ParsedCacheWriter& w) {
    w.add(ContentKind::kPlan, "content/a/plans/2024.md", hash_bytes("plan bytes"),
          encode_parsed_file(ContentKind::kPlan, plan_with_warning()));
    ParsedFile unit;
    unit.unit.emplace();
    unit.unit->name = "Sơn Lâm";
    w.add(ContentKind::kUnit, "content/a/unit.yaml", hash_bytes("unit bytes"), encode_parsed_file(ContentKind::kUnit, unit));
  };
  auto read = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  {
    // A build that fails after its load keeps nothing: the parked file goes with the writer.
    ParsedCacheWriter w(kKey, parked);
    fill(w);
    w.park();
    EXPECT_TRUE(w.parked());
    EXPECT_EQ(read(parked), expected);
  }
  EXPECT_FALSE(fs::exists(parked));
  EXPECT_FALSE(fs::exists(path));
  {
    ParsedCacheWriter w(kKey, parked);
    fill(w);
    w.park();
    EXPECT_TRUE(w.keep(path, 0, ""));
  }
  EXPECT_EQ(read(path), expected);
  EXPECT_FALSE(fs::exists(parked));
  const auto written = fs::last_write_time(path);
  {
    // The same cache again: the one there stays, untouched.
    ParsedCache before = read_parsed_cache(path, kKey);
    ParsedCacheWriter w(kKey, parked);
    fill(w);
    w.park();
    EXPECT_TRUE(w.keep(path, before.byte_size(), before.checksum()));
  }
  EXPECT_EQ(fs::last_write_time(path), written);
  EXPECT_FALSE(fs::exists(parked));
  // What a killed build left is removed by the next one; the cache itself stays.
  std::ofstream(path + ".next-99") << "left";
  std::ofstream(path + ".tmp-98") << "left";
  remove_stale_parsed_caches(path);
  EXPECT_FALSE(fs::exists(path + ".next-99"));
  EXPECT_FALSE(fs::exists(path + ".tmp-98"));
  EXPECT_EQ(read(path), expected);
  fs::remove_all(dir);
}

// An entry is found by its stamp only when every field of the stamp is the one kept, and
// never when none was kept.
TEST(ParsedCache, AnEntryIsFoundByItsStampOnlyWhenEveryFieldIsTheSame) {
  const SourceStamp kept{1, 2, 3, 4, 5};
  ParsedCacheWriter w(kKey);
  w.add(ContentKind::kPlan, "a.md", hash_bytes("a"), std::string_view("A"), kept);
  w.add(ContentKind::kPlan, "b.md", hash_bytes("b"), std::string_view("B"), SourceStamp{});
  ParsedCache c = ParsedCache::from_bytes(w.finish(), kKey);
  ASSERT_EQ(c.size(), 2u);
  auto found = c.find_stamped(ContentKind::kPlan, "a.md", kept);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->hash, hash_bytes("a"));
  EXPECT_EQ(found->encoded, "A");
  EXPECT_FALSE(c.find_stamped(ContentKind::kReport, "a.md", kept));
  for (int field = 0; field < 5; ++field) {
    SourceStamp other = kept;
    switch (field) {
      case 0: other.device = 9; break;
      case 1: other.inode = 9; break;
      case 2: other.size = 9; break;
      case 3: other.modified_ns = 9; break;
      case 4: other.changed_ns = 9; break;
    }
    EXPECT_FALSE(c.find_stamped(ContentKind::kPlan, "a.md", other)) << "field " << field;
  }
  EXPECT_FALSE(c.find_stamped(ContentKind::kPlan, "b.md", SourceStamp{}));
  EXPECT_TRUE(c.find(ContentKind::kPlan, "b.md", hash_bytes("b")));
}

// A load that takes every file it can from the cache gives the portal and the problems of a
// load that parses everything, and a cold load with a cache gives them too.
struct Loads {
  Portal fresh, cold, warm;
  Diagnostics fresh_diags, cold_diags, warm_diags;
  LoadCache cold_cache, warm_cache;
  std::size_t entries = 0;
};

Loads load_three_ways(const std::string& content) {
  Loads l;
  l.fresh = load_portal(content, &l.fresh_diags, 2);
  const ParsedCacheKey key{"congkhai test", content};
  ParsedCacheWriter first(key);
  l.cold_cache.next = &first;
  l.cold = load_portal(content, &l.cold_diags, 2, &l.cold_cache);
  ParsedCache previous = ParsedCache::from_bytes(first.finish(), key);
  l.entries = previous.size();
  ParsedCacheWriter second(key);
  l.warm_cache = LoadCache{&previous, &second};
  l.warm = load_portal(content, &l.warm_diags, 2, &l.warm_cache);
  return l;
}

void expect_same_loads(const Loads& l) {
  EXPECT_TRUE(l.cold == l.fresh);
  EXPECT_TRUE(l.warm == l.fresh);
  EXPECT_EQ(l.cold_diags, l.fresh_diags);
  EXPECT_EQ(l.warm_diags, l.fresh_diags);
  EXPECT_EQ(l.cold_cache.reused, 0u);
  EXPECT_GT(l.entries, 0u);
  EXPECT_EQ(l.warm_cache.reused, l.entries);
  EXPECT_EQ(l.warm_cache.reused + l.warm_cache.parsed, l.cold_cache.parsed);
}

TEST(ParsedCache, ACachedLoadOfTheSampleContentIsAFreshLoad) {
  Loads l = load_three_ways(CONGKHAI_SOURCE_DIR "/content");
  EXPECT_TRUE(l.fresh_diags.empty() || l.fresh_diags.front().warning);
  EXPECT_GE(l.fresh.plans.size(), 3u);
  expect_same_loads(l);
  // Its reports' attachments and records' evidence files too are found as they were.
  EXPECT_EQ(l.warm_cache.parsed, 0u);
}

#ifdef CONGKHAI_CORPUS
TEST(ParsedCache, ACachedLoadOfAGeneratedCorpusIsAFreshLoad) {
  const fs::path dir = fs::temp_directory_path() / ("congkhai-parsed-corpus-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string command = std::string(CONGKHAI_CORPUS) +
                              " --provinces 1 --communes 12 --years 2 --seed 7 --out " + (dir / "content").string() +
                              " > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  Loads l = load_three_ways((dir / "content").string());
  EXPECT_GT(l.fresh.plans.size(), 10u);
  EXPECT_GT(l.fresh.progress.size(), 10u);
  expect_same_loads(l);
  EXPECT_EQ(l.warm_cache.parsed, 0u);  // the corpus's evidence is all links
  fs::remove_all(dir);
}
#endif

class ParsedCacheTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("congkhai-parsed-tree-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    write("site.yaml", "title: Cổng thử\n");
    write("ha-tinh/unit.yaml", "name: Hà Tĩnh\nlevel: tinh\n");
    write("ha-tinh/son-lam/unit.yaml", "name: Sơn Lâm\nlevel: xa\n");
    write("ha-tinh/son-lam/plans/2023.md", plan(2023, "Việc A"));
    // A tab pasted into a task: a warning, which a cached load must give again.
    write("ha-tinh/son-lam/plans/2024.md", plan(2024, "Việc\tB"));
    write("ha-tinh/son-lam/progress/q1.yaml",
          "plan: \"2023\"\ndate: 2023-03-31\nentries:\n  - task: a\n    status: done\n"
          "    evidence:\n      - title: Biên bản\n        file: files/bien-ban.pdf\n");
    write("ha-tinh/son-lam/progress/files/bien-ban.pdf", "%PDF-1.4");
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string plan(int year, const std::string& task) {
    return "---\nnumber: 1/KH-UBND\ntitle: Kế hoạch " + std::to_string(year) + "\nyear: " + std::to_string(year) +
           "\nissuer: UBND xã\ntasks:\n  - task: \"" + task + "\"\n    id: a\n---\nVăn bản.\n";
  }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  // Loads with the cache the last load left, and leaves the next one.
  Portal load(Diagnostics* d, LoadCache* counts) {
    const ParsedCacheKey key{"congkhai test", root_.string()};
    ParsedCache previous = ParsedCache::from_bytes(bytes_, key);
    ParsedCacheWriter next(key);
    *counts = LoadCache{&previous, &next};
    counts->stamps_before_ns = stamps_before_ns_;
    Portal p = load_portal(root_.string(), d, 1, counts);
    bytes_ = next.finish();
    return p;
  }

  fs::path root_;
  std::string bytes_;
  std::int64_t stamps_before_ns_ = 0;  // no stamp kept unless a test says so
};

TEST_F(ParsedCacheTreeTest, OnlyChangedFilesAreParsedAndWarningsComeBack) {
  Diagnostics d1, d2, d3, fresh;
  LoadCache c1, c2, c3;
  load(&d1, &c1);
  EXPECT_EQ(c1.parsed, 5u);  // two units, two plans, one record
  ASSERT_EQ(d1.size(), 1u);
  EXPECT_TRUE(d1[0].warning);
  load(&d2, &c2);
  EXPECT_EQ(c2.parsed, 0u);
  EXPECT_EQ(c2.reused, 5u);
  EXPECT_EQ(d2, d1);  // the warning, from the cache
  write("ha-tinh/son-lam/plans/2023.md", plan(2023, "Việc A đã sửa"));
  Portal p = load(&d3, &c3);
  EXPECT_EQ(c3.parsed, 1u);
  EXPECT_EQ(c3.reused, 4u);
  EXPECT_EQ(d3, d1);
  EXPECT_TRUE(p == load_portal(root_.string(), &fresh, 1));
  EXPECT_EQ(fresh, d3);
  bool edited = false;
  for (const Plan& plan : p.plans)
    if (plan.id == "2023") edited = plan.tasks.at(0).text == "Việc A đã sửa";
  EXPECT_TRUE(edited);
}

// A file with an error is parsed again on every load, its problems then found anew.
TEST_F(ParsedCacheTreeTest, AFileWithAnErrorIsNotKept) {
  write("ha-tinh/son-lam/plans/2024.md", "---\ntitle: [\n---\n");
  Diagnostics d1, d2;
  LoadCache c1, c2;
  load(&d1, &c1);
  load(&d2, &c2);
  EXPECT_EQ(c2.parsed, 1u);
  EXPECT_EQ(c2.reused, 4u);
  EXPECT_EQ(d2, d1);
  EXPECT_FALSE(d1.empty());
}

// A record naming an evidence file is taken from the cache while the file is found as it was:
// changed in size, the record is parsed again (the size is in the model); gone, the record is
// parsed again and its problem found.
TEST_F(ParsedCacheTreeTest, AnEvidenceFileChangedOrGoneMakesItsRecordParsedAgain) {
  Diagnostics d1, d2, d3, d4, fresh;
  LoadCache c1, c2, c3, c4;
  load(&d1, &c1);
  load(&d2, &c2);
  EXPECT_EQ(c2.parsed, 0u);
  write("ha-tinh/son-lam/progress/files/bien-ban.pdf", "%PDF-1.4 và thêm");
  Portal p = load(&d3, &c3);
  EXPECT_EQ(c3.parsed, 1u);
  EXPECT_TRUE(p == load_portal(root_.string(), &fresh, 1));
  fs::remove(root_ / "ha-tinh/son-lam/progress/files/bien-ban.pdf");
  load(&d4, &c4);
  EXPECT_EQ(c4.parsed, 1u);
  bool reported = false;
  for (const Diagnostic& d : d4) reported |= !d.warning && d.path.ends_with("q1.yaml");
  EXPECT_TRUE(reported);
}

// A file whose stamp is the one kept is taken from the cache unread; with the load's margin
// every file is old enough here.
TEST_F(ParsedCacheTreeTest, AFileWithTheStampKeptIsNotReadAgain) {
  stamps_before_ns_ = std::numeric_limits<std::int64_t>::max();
  Diagnostics d1, d2, fresh;
  LoadCache c1, c2;
  load(&d1, &c1);
  EXPECT_EQ(c1.stamped, 0u);
  Portal p = load(&d2, &c2);
  EXPECT_EQ(c2.parsed, 0u);
  EXPECT_EQ(c2.reused, 5u);
  EXPECT_EQ(c2.stamped, 5u);
  EXPECT_EQ(d2, d1);  // the warning, from the cache
  EXPECT_TRUE(p == load_portal(root_.string(), &fresh, 1));
}

// A file edited in place, its size kept and its modification time set back (touch -d, an
// archive tool), still has another change time: it is read and parsed again.
TEST_F(ParsedCacheTreeTest, AFileEditedWithItsSizeAndTimeKeptIsParsedAgain) {
  stamps_before_ns_ = std::numeric_limits<std::int64_t>::max();
  const fs::path plan_file = root_ / "ha-tinh/son-lam/plans/2023.md";
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the edit's change time is later
  Diagnostics d1, d2, d3, fresh;
  LoadCache c1, c2, c3;
  load(&d1, &c1);
  load(&d2, &c2);
  EXPECT_EQ(c2.stamped, 5u);
  const auto modified = fs::last_write_time(plan_file);
  const auto size = fs::file_size(plan_file);
  {
    std::fstream f(plan_file, std::ios::in | std::ios::out | std::ios::binary);  // the same inode
    f.seekp(static_cast<std::streamoff>(plan(2023, "Việc A").find("Việc A") + std::string("Việc ").size()));
    f << "Z";
  }
  fs::last_write_time(plan_file, modified);
  ASSERT_EQ(fs::file_size(plan_file), size);
  Portal p = load(&d3, &c3);
  EXPECT_EQ(c3.parsed, 1u);
  EXPECT_EQ(c3.stamped, 4u);
  EXPECT_TRUE(p == load_portal(root_.string(), &fresh, 1));
  bool edited = false;
  for (const Plan& plan : p.plans)
    if (plan.id == "2023") edited = plan.tasks.at(0).text == "Việc Z";
  EXPECT_TRUE(edited);
}

// Files written within the margin before the load keep no stamp: the next load reads and
// hashes them (and still takes them from the cache by their bytes).
TEST_F(ParsedCacheTreeTest, AFileWrittenJustBeforeTheLoadKeepsNoStamp) {
  stamps_before_ns_ = stamps_before_now();
  Diagnostics d1, d2;
  LoadCache c1, c2;
  load(&d1, &c1);
  load(&d2, &c2);
  EXPECT_EQ(c2.parsed, 0u);
  EXPECT_EQ(c2.reused, 5u);
  EXPECT_EQ(c2.stamped, 0u);
}

// The cache of one folder's content is not another's: the key names the folder.
TEST_F(ParsedCacheTreeTest, ACacheForAnotherContentFolderIsNotUsed) {
  Diagnostics d;
  LoadCache c;
  load(&d, &c);
  ParsedCache other = ParsedCache::from_bytes(bytes_, {"congkhai test", root_.string() + "/"});
  EXPECT_EQ(other.size(), 0u);
}

}  // namespace
}  // namespace congkhai
