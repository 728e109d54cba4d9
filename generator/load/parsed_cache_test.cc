#include "load/parsed_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <set>
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

const char* const kPlanPath = "content/a/plans/2024.md";
const char* const kUnitPath = "content/a/unit.yaml";

void fill_small(ParsedCacheWriter& w) {
  w.add(ContentKind::kPlan, kPlanPath, hash_bytes("plan bytes"), encode_parsed_file(ContentKind::kPlan, plan_with_warning()));
  ParsedFile unit;
  unit.unit.emplace();
  unit.unit->name = "Sơn Lâm";
  w.add(ContentKind::kUnit, kUnitPath, hash_bytes("unit bytes"), encode_parsed_file(ContentKind::kUnit, unit));
}

// Two entries, in two pieces.
std::vector<std::string> small_cache() {
  ParsedCacheWriter w(kKey);
  fill_small(w);
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
  const std::vector<std::string> pieces = small_cache();
  ASSERT_EQ(pieces.size(), kParsedCachePieces);
  const std::size_t plan_piece = parsed_cache_piece(kPlanPath), unit_piece = parsed_cache_piece(kUnitPath);
  ASSERT_NE(plan_piece, unit_piece);
  for (std::size_t i = 0; i < pieces.size(); ++i) EXPECT_EQ(pieces[i].empty(), i != plan_piece && i != unit_piece) << i;
  ParsedCache cache = ParsedCache::from_pieces(pieces, kKey);
  ASSERT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.piece_size(plan_piece), 1u);
  auto found = cache.find(ContentKind::kPlan, kPlanPath, hash_bytes("plan bytes"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->piece, plan_piece);
  ParsedFile back;
  ASSERT_TRUE(decode_parsed_file(found->encoded, ContentKind::kPlan, &back));
  EXPECT_EQ(back, plan_with_warning());
  EXPECT_FALSE(cache.find(ContentKind::kPlan, kPlanPath, hash_bytes("plan bytes, edited")));
  EXPECT_FALSE(cache.find(ContentKind::kReport, kPlanPath, hash_bytes("plan bytes")));
  EXPECT_FALSE(cache.find(ContentKind::kPlan, "content/a/plans/2025.md", hash_bytes("plan bytes")));
  EXPECT_TRUE(cache.find(ContentKind::kUnit, kUnitPath, hash_bytes("unit bytes")));
  // Moved, the cache keeps its entries (they point into its bytes).
  ParsedCache moved = std::move(cache);
  EXPECT_TRUE(moved.find(ContentKind::kUnit, kUnitPath, hash_bytes("unit bytes")));
  // Read on two threads, the same.
  EXPECT_TRUE(ParsedCache::from_pieces(pieces, kKey, 2).find(ContentKind::kPlan, kPlanPath, hash_bytes("plan bytes")));
}

TEST(ParsedCache, ACacheForAnotherGeneratorOrContentFolderIsIgnored) {
  EXPECT_EQ(ParsedCache::from_pieces(small_cache(), {"congkhai 0.0 other", "content"}).size(), 0u);
  EXPECT_EQ(ParsedCache::from_pieces(small_cache(), {kKey.generator, "noi-dung"}).size(), 0u);
  EXPECT_EQ(ParsedCache::from_pieces({}, kKey).size(), 0u);
  EXPECT_EQ(ParsedCache::from_pieces({"congkhai-cache 2\tpublic\n"}, kKey).size(), 0u);  // the build cache
}

// A piece of another generator or content folder beside sound ones costs its own entries.
TEST(ParsedCache, AForeignPieceCostsItsEntriesOnly) {
  std::vector<std::string> pieces = small_cache();
  const std::size_t plan_piece = parsed_cache_piece(kPlanPath), unit_piece = parsed_cache_piece(kUnitPath);
  for (const ParsedCacheKey& other : {ParsedCacheKey{"congkhai 0.0 other", "content"}, ParsedCacheKey{kKey.generator, "noi-dung"}}) {
    ParsedCacheWriter w(other);
    fill_small(w);
    std::vector<std::string> mixed = pieces;
    mixed[plan_piece] = w.finish()[plan_piece];
    ParsedCache cache = ParsedCache::from_pieces(mixed, kKey);
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_FALSE(cache.find(ContentKind::kPlan, kPlanPath, hash_bytes("plan bytes")));
    EXPECT_TRUE(cache.find(ContentKind::kUnit, kUnitPath, hash_bytes("unit bytes")));
  }
  // A sound piece under another piece's name (copied or renamed by hand) is not read: its
  // entries would not be found where they belong.
  std::vector<std::string> moved = pieces;
  moved[(plan_piece + 1) % kParsedCachePieces == unit_piece ? (plan_piece + 2) % kParsedCachePieces
                                                             : (plan_piece + 1) % kParsedCachePieces] = pieces[plan_piece];
  moved[plan_piece].clear();
  EXPECT_EQ(ParsedCache::from_pieces(moved, kKey).size(), 1u);
}

// Every prefix of a piece, and every byte of it changed, gives an empty piece (the checksum at
// its end covers all of it), and costs that piece only.
TEST(ParsedCache, ATruncatedOrDamagedPieceCostsThatPieceOnly) {
  const std::vector<std::string> pieces = small_cache();
  const std::size_t plan_piece = parsed_cache_piece(kPlanPath);
  const std::string& bytes = pieces[plan_piece];
  auto expect_plan_lost = [&](const std::string& piece, std::size_t at) {
    std::vector<std::string> damaged = pieces;
    damaged[plan_piece] = piece;
    ParsedCache cache = ParsedCache::from_pieces(damaged, kKey);
    EXPECT_EQ(cache.size(), 1u) << at;
    EXPECT_EQ(cache.piece_size(plan_piece), 0u) << at;
    EXPECT_TRUE(cache.find(ContentKind::kUnit, kUnitPath, hash_bytes("unit bytes"))) << at;
  };
  for (std::size_t n = 0; n < bytes.size(); ++n) expect_plan_lost(bytes.substr(0, n), n);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
    expect_plan_lost(damaged, i);
  }
  expect_plan_lost(bytes + "x", bytes.size());  // longer than it was written
}

// Damage the checksum does not catch (the checksum made again over the damaged bytes, as a
// piece written by a faulty generator would be): reading and decoding never crash, and what
// decodes is used only when it is a whole result.
TEST(ParsedCache, DamageBehindASoundChecksumNeverCrashes) {
  const std::vector<std::string> pieces = small_cache();
  auto resealed = [&](std::string b) {
    const std::size_t body = b.size() - 16;
    ByteWriter sum;
    const ContentHash h = hash_bytes(std::string_view(b).substr(0, body));
    for (int i = 0; i < 8; ++i) sum.byte(static_cast<std::uint8_t>(h.high >> (8 * i)));
    for (int i = 0; i < 8; ++i) sum.byte(static_cast<std::uint8_t>(h.low >> (8 * i)));
    b.replace(body, 16, sum.bytes());
    return b;
  };
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    if (pieces[p].empty()) continue;
    std::vector<std::string> resealed_pieces = pieces;
    resealed_pieces[p] = resealed(pieces[p]);
    ASSERT_EQ(ParsedCache::from_pieces(resealed_pieces, kKey).size(), 2u);
    for (std::size_t i = 0; i + 16 < pieces[p].size(); ++i)
      for (unsigned char flip : {0x01, 0x7f, 0x80, 0xff}) {
        std::vector<std::string> damaged = pieces;
        damaged[p][i] = static_cast<char>(damaged[p][i] ^ flip);
        damaged[p] = resealed(damaged[p]);
        ParsedCache cache = ParsedCache::from_pieces(damaged, kKey);
        EXPECT_GE(cache.size(), 1u);  // the other piece's entry at least
        for (ContentKind kind : {ContentKind::kPlan, ContentKind::kUnit})
          for (const char* path : {kPlanPath, kUnitPath})
            for (const char* content : {"plan bytes", "unit bytes"})
              if (auto found = cache.find(kind, path, hash_bytes(content))) {
                ParsedFile back;
                (void)decode_parsed_file(found->encoded, kind, &back);
              }
      }
  }
}

TEST(ParsedCache, AFileWithAnErrorIsNotKept) {
  EXPECT_TRUE(is_cacheable(plan_with_warning()));
  ParsedFile with_error = plan_with_warning();
  with_error.diags.push_back(Diagnostic{"content/a/plans/2024.md", {1, 1}, "lỗi", "error"});
  EXPECT_FALSE(is_cacheable(with_error));
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(ParsedCache, SavedAtomicallyAndReadBack) {
  const fs::path dir = fs::temp_directory_path() / ("congkhai-parsed-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string path = (dir / ".congkhai-cache" / "public.parsed").string();
  ASSERT_TRUE(save_parsed_cache(small_cache(), path));
  EXPECT_EQ(read_parsed_cache(path, kKey, 1).size(), 2u);
  EXPECT_EQ(read_parsed_cache(path, kKey, 2).size(), 2u);
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(path)) names.insert(e.path().filename().string());
  // A piece for each entry, and no temporary file left.
  EXPECT_EQ(names, (std::set<std::string>{parsed_cache_piece_name(parsed_cache_piece(kPlanPath)),
                                          parsed_cache_piece_name(parsed_cache_piece(kUnitPath))}));
  // A piece removed costs its entries only.
  fs::remove(fs::path(path) / parsed_cache_piece_name(parsed_cache_piece(kPlanPath)));
  ParsedCache left = read_parsed_cache(path, kKey, 2);
  EXPECT_EQ(left.size(), 1u);
  EXPECT_TRUE(left.find(ContentKind::kUnit, kUnitPath, hash_bytes("unit bytes")));
  remove_parsed_cache(path);
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(read_parsed_cache(path, kKey, 2).size(), 0u);
  fs::remove_all(dir);
}

// A cold build moves every file's fresh encoding into the next cache: the writer then holds
// about the cache's bytes, not a buffer per entry, and writes the bytes copied entries give.
TEST(ParsedCache, FreshEntriesAreHeldWithoutABufferEach) {
  ParsedCacheWriter moved(kKey), copied(kKey);
  std::size_t bytes = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string path = "content/u" + std::to_string(i) + "/plans/2024.md";
    std::string encoded = encode_parsed_file(ContentKind::kPlan, plan_with_warning());
    bytes += path.size() + encoded.size();
    copied.add(ContentKind::kPlan, path, hash_bytes(path), std::string_view(encoded));
    if (i % 500 == 7) {  // an entry taken from the last build's cache, between fresh ones
      moved.add(ContentKind::kPlan, path, hash_bytes(path), std::string_view(encoded));
      continue;
    }
    moved.add(ContentKind::kPlan, path, hash_bytes(path), std::move(encoded));
  }
  // The entries, the buffer each piece starts with and one after each copied entry.
  EXPECT_LT(moved.held_bytes(), 2 * bytes + (std::size_t{64} << 10) * (kParsedCachePieces + 4));
  EXPECT_EQ(moved.finish(), copied.finish());
}

// The next cache leaves memory at the end of the load, parked in the cache's folder beside the
// pieces, and replaces them only when the build keeps it; a piece whose entries are those read
// is not written again.
TEST(ParsedCache, TheNextCacheIsParkedAtTheLoadsEndAndKeptOnlyWhenAsked) {
  const fs::path dir = fs::temp_directory_path() / ("congkhai-parked-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "public.parsed").string();
  const std::vector<std::string> expected = small_cache();
  const std::size_t plan_piece = parsed_cache_piece(kPlanPath), unit_piece = parsed_cache_piece(kUnitPath);
  const fs::path plan_file = fs::path(path) / parsed_cache_piece_name(plan_piece);
  const fs::path unit_file = fs::path(path) / parsed_cache_piece_name(unit_piece);
  auto files = [&] {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(path)) names.insert(e.path().filename().string());
    return names;
  };
  {
    // A build that fails after its load keeps nothing: the parked pieces go with the writer.
    ParsedCacheWriter w(kKey, path);
    fill_small(w);
    w.park(nullptr);
    EXPECT_TRUE(w.parked());
    EXPECT_EQ(w.pieces_written(), 2u);
    EXPECT_EQ(files().size(), 2u);
    EXPECT_EQ(read_file(plan_file.string() + ".next-" + std::to_string(::getpid())), expected[plan_piece]);
  }
  EXPECT_TRUE(files().empty());
  {
    ParsedCacheWriter w(kKey, path);
    fill_small(w);
    w.park(nullptr);
    EXPECT_TRUE(w.keep());
  }
  EXPECT_EQ(read_file(plan_file), expected[plan_piece]);
  EXPECT_EQ(read_file(unit_file), expected[unit_piece]);
  EXPECT_EQ(files().size(), 2u);
  const auto plan_written = fs::last_write_time(plan_file), unit_written = fs::last_write_time(unit_file);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  {
    // The same entries again, borrowed from the cache read: no piece is written, the ones
    // there stay, untouched.
    ParsedCache before = read_parsed_cache(path, kKey, 1);
    ParsedCacheWriter w(kKey, path);
    w.add_borrowed(ContentKind::kPlan, kPlanPath, *before.find(ContentKind::kPlan, kPlanPath, hash_bytes("plan bytes")));
    w.add_borrowed(ContentKind::kUnit, kUnitPath, *before.find(ContentKind::kUnit, kUnitPath, hash_bytes("unit bytes")));
    w.park(&before);
    EXPECT_EQ(w.pieces_written(), 0u);
    EXPECT_TRUE(w.keep());
  }
  EXPECT_EQ(fs::last_write_time(plan_file), plan_written);
  EXPECT_EQ(fs::last_write_time(unit_file), unit_written);
  {
    // One entry with another stamp: its piece only is written again.
    ParsedCache before = read_parsed_cache(path, kKey, 1);
    ParsedCacheWriter w(kKey, path);
    w.add_borrowed(ContentKind::kPlan, kPlanPath, *before.find(ContentKind::kPlan, kPlanPath, hash_bytes("plan bytes")),
                   SourceStamp{1, 2, 3, 4, 5});
    w.add_borrowed(ContentKind::kUnit, kUnitPath, *before.find(ContentKind::kUnit, kUnitPath, hash_bytes("unit bytes")));
    w.park(&before);
    EXPECT_EQ(w.pieces_written(), 1u);
    EXPECT_TRUE(w.keep());
  }
  EXPECT_NE(fs::last_write_time(plan_file), plan_written);
  EXPECT_EQ(fs::last_write_time(unit_file), unit_written);
  EXPECT_TRUE(read_parsed_cache(path, kKey, 1).find_stamped(ContentKind::kPlan, kPlanPath, SourceStamp{1, 2, 3, 4, 5}));
  {
    // The unit gone: its piece, left without entries, is removed; a piece that read unsound
    // and has no entries now is removed too.
    std::size_t other_piece = 0;
    while (other_piece == plan_piece || other_piece == unit_piece) ++other_piece;
    std::ofstream(fs::path(path) / parsed_cache_piece_name(other_piece)) << "damaged";
    ParsedCache before = read_parsed_cache(path, kKey, 1);
    ParsedCacheWriter w(kKey, path);
    w.add_borrowed(ContentKind::kPlan, kPlanPath, *before.find(ContentKind::kPlan, kPlanPath, hash_bytes("plan bytes")),
                   SourceStamp{1, 2, 3, 4, 5});
    w.park(&before);
    EXPECT_EQ(w.pieces_written(), 0u);
    EXPECT_TRUE(w.keep());
  }
  EXPECT_EQ(files(), (std::set<std::string>{parsed_cache_piece_name(plan_piece)}));
  ASSERT_TRUE(save_parsed_cache(expected, path));
  // What a killed build left is removed by the next one, and pieces of another layout; the
  // pieces themselves stay.
  std::ofstream(plan_file.string() + ".next-99") << "left";
  std::ofstream(unit_file.string() + ".tmp-98") << "left";
  std::ofstream(fs::path(path) / "64") << "a piece of a layout with more pieces";
  remove_stale_parsed_caches(path);
  EXPECT_EQ(files(), (std::set<std::string>{parsed_cache_piece_name(plan_piece), parsed_cache_piece_name(unit_piece)}));
  EXPECT_EQ(read_file(plan_file), expected[plan_piece]);
  // A cache of the older format, one file where the folder goes, is removed, with what
  // builds killed while writing it left beside it.
  fs::remove_all(path);
  std::ofstream(path) << "congkhai-parsed\n";
  std::ofstream(path + ".next-99") << "left";
  remove_stale_parsed_caches(path);
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".next-99"));
  ASSERT_TRUE(save_parsed_cache(expected, path));
  EXPECT_EQ(read_parsed_cache(path, kKey, 2).size(), 2u);
  fs::remove_all(dir);
}

// An entry is found by its stamp only when every field of the stamp is the one kept, and
// never when none was kept.
TEST(ParsedCache, AnEntryIsFoundByItsStampOnlyWhenEveryFieldIsTheSame) {
  const SourceStamp kept{1, 2, 3, 4, 5};
  ParsedCacheWriter w(kKey);
  w.add(ContentKind::kPlan, "a.md", hash_bytes("a"), std::string_view("A"), kept);
  w.add(ContentKind::kPlan, "b.md", hash_bytes("b"), std::string_view("B"), SourceStamp{});
  ParsedCache c = ParsedCache::from_pieces(w.finish(), kKey);
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
  ParsedCache previous = ParsedCache::from_pieces(first.finish(), key);
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
    ParsedCache previous = ParsedCache::from_pieces(pieces_, key);
    ParsedCacheWriter next(key);
    *counts = LoadCache{&previous, &next};
    counts->stamps_before_ns = stamps_before_ns_;
    counts->stamps_before_at_end = at_end_;
    Portal p = load_portal(root_.string(), d, 1, counts);
    pieces_ = next.finish();
    return p;
  }

  fs::path root_;
  std::vector<std::string> pieces_;
  std::int64_t stamps_before_ns_ = 0;  // no stamp kept unless a test says so
  std::function<std::int64_t()> at_end_ = stamps_before_now;
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

// Files written just before a long load (a fresh clone, a generated corpus): too recent when
// the load began, old enough at its end. Looked at again there, each keeps its stamp, unless
// its bytes changed after they were parsed; the next load reads only that one.
TEST_F(ParsedCacheTreeTest, AFileWrittenJustBeforeALongLoadKeepsItsStampFromTheLoadsEnd) {
  stamps_before_ns_ = 1;  // every file too recent when the load begins
  at_end_ = [this] {
    write("ha-tinh/son-lam/plans/2023.md", plan(2023, "Việc Z"));  // edited once parsed, its size kept
    return std::numeric_limits<std::int64_t>::max();  // and the margin passed for every file
  };
  Diagnostics d1, d2, fresh;
  LoadCache c1, c2;
  load(&d1, &c1);
  at_end_ = stamps_before_now;
  stamps_before_ns_ = std::numeric_limits<std::int64_t>::max();
  Portal p = load(&d2, &c2);
  EXPECT_EQ(c2.stamped, 4u);
  EXPECT_EQ(c2.parsed, 1u);  // the plan edited
  EXPECT_TRUE(p == load_portal(root_.string(), &fresh, 1));
  bool edited = false;
  for (const Plan& plan : p.plans)
    if (plan.id == "2023") edited = plan.tasks.at(0).text == "Việc Z";
  EXPECT_TRUE(edited);
}

// The cache of one folder's content is not another's: the key names the folder.
TEST_F(ParsedCacheTreeTest, ACacheForAnotherContentFolderIsNotUsed) {
  Diagnostics d;
  LoadCache c;
  load(&d, &c);
  ParsedCache other = ParsedCache::from_pieces(pieces_, {"congkhai test", root_.string() + "/"});
  EXPECT_EQ(other.size(), 0u);
}

// A build killed while it replaces the pieces leaves some of its own and some of the build
// before: every entry stands alone, so the load is a fresh load's, and the edited file, whose
// entry in the older piece is for its older bytes, is parsed again.
TEST_F(ParsedCacheTreeTest, PiecesOfTwoBuildsMakeASoundCache) {
  const std::string edited_path = (root_ / "ha-tinh/son-lam/plans/2023.md").string();
  const std::size_t edited = parsed_cache_piece(edited_path);
  Diagnostics d1, d2, d3, d4, fresh;
  LoadCache c1, c2, c3, c4;
  load(&d1, &c1);
  const std::vector<std::string> older = pieces_;
  write("ha-tinh/son-lam/plans/2023.md", plan(2023, "Việc A đã sửa"));
  load(&d2, &c2);
  EXPECT_EQ(c2.parsed, 1u);
  ASSERT_NE(pieces_[edited], older[edited]);
  const std::vector<std::string> newer = pieces_;
  pieces_[edited] = older[edited];  // the edited file's piece is the older one
  Portal p = load(&d3, &c3);
  EXPECT_EQ(c3.parsed, 1u);
  EXPECT_EQ(c3.reused, 4u);
  EXPECT_TRUE(p == load_portal(root_.string(), &fresh, 1));
  EXPECT_EQ(d3, fresh);
  pieces_ = older;  // every other piece the older one
  pieces_[edited] = newer[edited];
  Portal q = load(&d4, &c4);
  EXPECT_EQ(c4.parsed, 0u);
  EXPECT_TRUE(q == p);
}

// A piece removed costs the files whose entries it held.
TEST_F(ParsedCacheTreeTest, APieceRemovedCostsItsFilesOnly) {
  Diagnostics d1, d2, fresh;
  LoadCache c1, c2;
  load(&d1, &c1);
  const std::size_t removed = parsed_cache_piece((root_ / "ha-tinh/son-lam/unit.yaml").string());
  std::size_t in_it = 0;
  for (const char* rel : {"ha-tinh/unit.yaml", "ha-tinh/son-lam/unit.yaml", "ha-tinh/son-lam/plans/2023.md",
                          "ha-tinh/son-lam/plans/2024.md", "ha-tinh/son-lam/progress/q1.yaml"})
    in_it += parsed_cache_piece((root_ / rel).string()) == removed;
  pieces_[removed].clear();
  Portal p = load(&d2, &c2);
  EXPECT_EQ(c2.parsed, in_it);
  EXPECT_EQ(c2.reused, 5u - in_it);
  EXPECT_TRUE(p == load_portal(root_.string(), &fresh, 1));
  EXPECT_EQ(d2, d1);
}

// In the cache's folder, a build writes again only the pieces whose entries changed: none
// when nothing did, one after one file's edit.
TEST_F(ParsedCacheTreeTest, OnlyThePieceOfAnEditedFileIsWrittenAgain) {
  const std::string dir = (root_ / ".cache" / "public.parsed").string();  // hidden: not content
  const ParsedCacheKey key{"congkhai test", root_.string()};
  auto build = [&](LoadCache* c) {
    ParsedCache previous = read_parsed_cache(dir, key, 2);
    ParsedCacheWriter next(key, dir);
    *c = LoadCache{&previous, &next};
    c->stamps_before_ns = std::numeric_limits<std::int64_t>::max();
    Diagnostics d;
    load_portal(root_.string(), &d, 2, c);
    EXPECT_TRUE(next.keep());
    return next.pieces_written();
  };
  std::set<std::size_t> pieces;
  for (const char* rel : {"ha-tinh/unit.yaml", "ha-tinh/son-lam/unit.yaml", "ha-tinh/son-lam/plans/2023.md",
                          "ha-tinh/son-lam/plans/2024.md", "ha-tinh/son-lam/progress/q1.yaml"})
    pieces.insert(parsed_cache_piece((root_ / rel).string()));
  LoadCache c1, c2, c3, c4;
  EXPECT_EQ(build(&c1), pieces.size());
  EXPECT_EQ(build(&c2), 0u);
  EXPECT_EQ(c2.stamped, 5u);
  std::map<std::string, fs::file_time_type> written;
  for (const auto& e : fs::directory_iterator(dir)) written[e.path().filename().string()] = e.last_write_time();
  EXPECT_EQ(written.size(), pieces.size());
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  write("ha-tinh/son-lam/plans/2023.md", plan(2023, "Việc A đã sửa"));
  EXPECT_EQ(build(&c3), 1u);
  EXPECT_EQ(c3.parsed, 1u);
  const std::string edited = parsed_cache_piece_name(parsed_cache_piece((root_ / "ha-tinh/son-lam/plans/2023.md").string()));
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.last_write_time() == written[e.path().filename().string()], e.path().filename() != edited)
        << e.path();
  EXPECT_EQ(build(&c4), 0u);
  EXPECT_EQ(c4.stamped, 5u);
}

}  // namespace
}  // namespace congkhai
