// The workbook round trip: `new progress --format xlsx`, filled in by this test through
// libxlsxwriter as an official would fill it, then `build`; and the same content as a YAML
// record gives the same site.
#include "cli/progress_workbook.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "cli/testing_command.h"
#include "load/progress_sheet.h"
#include "load/xlsx_reader.h"
#include "render/format.h"
#include "write/site_writer.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using testing::read;

const fs::path kSmallSite = fs::path(CONGKHAI_SOURCE_DIR) / "tests" / "fixtures" / "small-site" / "content";

testing::CommandRun run(const std::string& args) {
  return testing::run_shell("SOURCE_DATE_EPOCH=1735689600 " + std::string(CONGKHAI_BINARY) + " " + args + " 2>&1");
}

fs::path copy_site(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("congkhai-workbook-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  fs::copy(kSmallSite, d / "content", fs::copy_options::recursive);
  return d;
}

std::string zip_part(const fs::path& file, const char* name) {
  std::string bytes = read(file);
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  std::string out;
  if (zip_file_t* f = z ? zip_fopen(z, name, 0) : nullptr) {
    char buf[4096];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
  }
  if (z) zip_discard(z);
  else zip_source_free(src);
  return out;
}

// What an official types, by task id.
struct Filled {
  const char* status;
  double percent;
  bool percent_format;  // 1.0 shown as 100%, or 100 as a plain number
  int day, month;       // 0: left blank (the date of the figures applies)
  const char* note;
  const char* evidence;
};
const std::map<std::string, Filled> kFilled = {
    {"xay-dung-ke-hoach-kiem-soat-thu-tuc",
     {"hoàn thành", 1.0, true, 20, 4, "Kế hoạch đã ban hành", "Kế hoạch số 12 | files/ke-hoach-12.pdf"}},
    {"niem-yet-cong-khai", {"Đang thực hiện", 75, false, 0, 0, "Đã niêm yết tại Bộ phận một cửa", ""}},
    {"so-hoa-ho-so", {"tam hoan", -1, false, 0, 0, "", "https://example.gov.vn/so-hoa"}},
};

// Copies every cell of `generated` into a new workbook at the same place, with the fill-in
// columns filled from kFilled: the layout `new` made, values typed into it.
void fill_workbook(const fs::path& generated, const fs::path& out) {
  XlsxProblem problem;
  auto book = read_xlsx(read(generated), &problem);
  ASSERT_TRUE(book) << problem.vi;
  const Sheet& sheet = book->sheets.at(0);
  std::map<ProgressColumn, int> col;  // 0-based
  std::map<int, std::string> task_of_row;
  for (const auto& c : sheet.cells)
    if (c.row == kProgressHeadingRow)
      for (const auto& info : progress_columns())
        if (c.value == info.heading) col[info.column] = c.column - 1;
  for (const auto& c : sheet.cells)
    if (c.row > kProgressHeadingRow && c.column - 1 == col[ProgressColumn::kTask]) task_of_row[c.row] = c.value;
  ASSERT_EQ(task_of_row.size(), 3u);

  lxw_workbook* wb = workbook_new(out.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0%");
  for (const auto& c : sheet.cells) {
    if (c.row > kProgressHeadingRow && c.column - 1 == col[ProgressColumn::kStatus]) continue;  // typed below
    if (c.type == SheetCell::Type::kNumber) {
      ASSERT_TRUE(is_date_format(c.number_format));  // the only number: the date of the figures
      lxw_datetime end{2024, 6, 30, 0, 0, 0};
      worksheet_write_datetime(ws, c.row - 1, c.column - 1, &end, date);
    } else {
      worksheet_write_string(ws, c.row - 1, c.column - 1, c.value.c_str(), nullptr);
    }
  }
  for (const auto& [row, task] : task_of_row) {
    const Filled& f = kFilled.at(task);
    const lxw_row_t r = row - 1;
    worksheet_write_string(ws, r, col[ProgressColumn::kStatus], f.status, nullptr);
    if (f.percent >= 0) worksheet_write_number(ws, r, col[ProgressColumn::kPercent], f.percent, f.percent_format ? percent : nullptr);
    if (f.day) {
      lxw_datetime d{2024, f.month, f.day, 0, 0, 0};
      worksheet_write_datetime(ws, r, col[ProgressColumn::kDate], &d, date);
    }
    if (*f.note) worksheet_write_string(ws, r, col[ProgressColumn::kNote], f.note, nullptr);
    if (*f.evidence) worksheet_write_string(ws, r, col[ProgressColumn::kEvidence], f.evidence, nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

// The same progress as a YAML record.
const char* kYaml = R"(plan: "2024"
period: Quý II/2024
date: 2024-06-30
entries:
  - task: xay-dung-ke-hoach-kiem-soat-thu-tuc
    status: done
    percent: 100
    date: 2024-04-20
    note: Kế hoạch đã ban hành
    evidence:
      - title: Kế hoạch số 12
        file: files/ke-hoach-12.pdf
  - task: niem-yet-cong-khai
    status: in_progress
    percent: 75
    note: Đã niêm yết tại Bộ phận một cửa
  - task: so-hoa-ho-so
    status: postponed
    evidence:
      - title: https://example.gov.vn/so-hoa
        url: https://example.gov.vn/so-hoa
)";

std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = read(e.path());
  return files;
}

TEST(ProgressWorkbook, NewWritesOneRowPerTaskWithADropDown) {
  fs::path site = copy_site("new");
  auto r = run("new progress " + (site / "content/ha-tinh/son-lam").string() + " --plan 2024 --period 2024-Q2 --format xlsx");
  ASSERT_EQ(r.code, 0) << r.output;
  fs::path xlsx = site / "content/ha-tinh/son-lam/progress/2024-q2.xlsx";
  XlsxProblem problem;
  auto book = read_xlsx(read(xlsx), &problem);
  ASSERT_TRUE(book) << problem.vi;
  ASSERT_EQ(book->sheets.size(), 2u);
  EXPECT_EQ(book->sheets[0].name, "Tiến độ");
  EXPECT_EQ(book->sheets[1].name, "Hướng dẫn");
  std::map<std::string, std::string> cells;
  for (const auto& c : book->sheets[0].cells) cells[cell_reference(c.row, c.column)] = c.value;
  EXPECT_EQ(cells["B2"], "2024");
  EXPECT_EQ(cells["B3"], "Quý II/2024");
  EXPECT_EQ(cells["D7"], "Trạng thái");
  // The full number, each part as printed, separated as on the pages.
  EXPECT_EQ(cells["A8"], "I › 1");
  EXPECT_EQ(cells["A10"], "II › 1");
  EXPECT_EQ(cells["I9"], "niem-yet-cong-khai");
  EXPECT_EQ(cells["D9"], "chưa bắt đầu");
  EXPECT_EQ(cells.count("A11"), 0u);
  std::string xml = zip_part(xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_NE(xml.find("<dataValidation type=\"list\""), std::string::npos);
  EXPECT_NE(xml.find("\"chưa bắt đầu,đang thực hiện,hoàn thành,tạm hoãn,huỷ bỏ\""), std::string::npos);
  EXPECT_NE(xml.find("<sheetProtection"), std::string::npos);
  // As written, it passes check; written again, it is the same bytes; it is never overwritten.
  EXPECT_EQ(run("check --content " + (site / "content").string()).code, 0);
  std::string first = read(xlsx);
  fs::remove(xlsx);
  run("new progress " + (site / "content/ha-tinh/son-lam").string() + " --plan 2024 --period 2024-Q2 --format xlsx");
  EXPECT_EQ(read(xlsx), first);
  auto again = run("new progress " + (site / "content/ha-tinh/son-lam").string() + " --plan 2024 --period 2024-Q2 --format xlsx");
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.output.find("đã có"), std::string::npos);
  fs::remove_all(site);
}

TEST(ProgressWorkbook, FilledWorkbookBuildsTheSameSiteAsYaml) {
  fs::path a = copy_site("xlsx"), b = copy_site("yaml");
  const std::string unit = "content/ha-tinh/son-lam";
  auto r = run("new progress " + (a / unit).string() + " --plan 2024 --period 2024-Q2 --format xlsx");
  ASSERT_EQ(r.code, 0) << r.output;
  fs::path xlsx = a / unit / "progress/2024-q2.xlsx";
  fill_workbook(xlsx, a / "filled.xlsx");
  fs::rename(a / "filled.xlsx", xlsx);
  std::ofstream(b / unit / "progress/2024-q2.yaml") << kYaml;

  auto built_a = run("build --content " + (a / "content").string() + " --out " + (a / "public").string());
  ASSERT_EQ(built_a.code, 0) << built_a.output;
  auto built_b = run("build --content " + (b / "content").string() + " --out " + (b / "public").string());
  ASSERT_EQ(built_b.code, 0) << built_b.output;

  std::string page = read(a / "public/ha-tinh/son-lam/ke-hoach/2024/index.html");
  EXPECT_NE(page.find("Đã niêm yết tại Bộ phận một cửa"), std::string::npos);
  for (TaskStatus st : {TaskStatus::kDone, TaskStatus::kInProgress, TaskStatus::kPostponed})
    EXPECT_NE(page.find(">" + status_label(st).text + "<"), std::string::npos) << status_label(st).text;

  // Every page and file is the same but where the open data names the record an entry came
  // from (its file, and its line: a row of the workbook) and what is made from that name (the
  // feeds' entry ids), and the output's marker, which
  // holds a digest of every file.
  auto files_a = tree(a / "public"), files_b = tree(b / "public");
  ASSERT_EQ(files_a.size(), files_b.size());
  for (const auto& [path, bytes] : files_a) {
    ASSERT_TRUE(files_b.count(path)) << path;
    if (files_b[path] == bytes) continue;
    std::string name = fs::path(path).filename().string();
    EXPECT_TRUE(name == "tien-do.csv" || name == "feed.xml" || name == "ke-hoach.json" ||
                name == kOutputMarker)
        << path << " differs";
  }
  std::string csv = files_a.at("ha-tinh/son-lam/du-lieu/tien-do.csv");
  for (auto [row, line] : {std::pair{"8", "5"}, {"9", "13"}, {"10", "17"}}) {
    std::string from = std::string("2024-q2.xlsx,") + row + "\r", to = std::string("2024-q2.yaml,") + line + "\r";
    ASSERT_NE(csv.find(from), std::string::npos) << from;
    csv.replace(csv.find(from), from.size(), to);
  }
  EXPECT_EQ(csv, files_b.at("ha-tinh/son-lam/du-lieu/tien-do.csv"));
  if (!HasFailure()) {
    fs::remove_all(a);
    fs::remove_all(b);
  }
}

}  // namespace
}  // namespace congkhai
