// From a document as a reader found it (Word, PDF or plain text) to a plan file in the content
// format (docs/content.md): front matter and body, with a review list of every place where the
// recogniser had to guess, each pointing back at the source and forward at the line it wrote.
//
// It knows only import::Document, never where the document came from, so the Word, PDF and
// text readers share it. What it recognises: the header (issuer, number, place and date,
// including the blank number "/KH-UBND" and partial dates), the title after "KẾ HOẠCH",
// "Căn cứ …" (legal_basis) and the references in "Thực hiện …" (implements, legal_basis), the
// Roman-numbered parts as `##` headings (a part "KINH PHÍ" as `budget`), the signature block
// (signer with capacity lines, "Nơi nhận:" recipients), the appendix heading and note (whose
// "Kèm theo Kế hoạch số … ngày … của …" gives the number, date and issuer when the header does
// not, each listed for review), and the
// task table: columns found by their headings, sections (Roman numerals, letters, "2.1") at
// their depth, task numbers as printed, cells rejoined, office lists split where it is safe.
// Percentages stated as goals ("tối thiểu 50%", "đạt 100%", "từ 60% trở lên") are proposed
// as targets in a comment and in the review list, never published as they are.
#pragma once

#include <string>
#include <vector>

#include "import/document.h"

namespace congkhai::import {

struct ReviewItem {
  SourcePlace at;       // where in the document
  int line = 0;         // where in the written plan file (0: not written)
  std::string field;    // what it concerns: "number", "lead", "tasks", …
  std::string message;  // Vietnamese
  std::string message_en;
};

// A numeric target read from a task's text or output, proposed (commented out in the file).
struct TargetProposal {
  std::string task;        // the task's id
  std::string comparison;  // at_least, at_most, exactly
  std::string value;       // "50", "62.5"
  std::string sentence;    // the sentence it was read from
  SourcePlace at;
};

struct RecognisedPlan {
  std::string text;  // the whole plan file: front matter and body
  std::vector<ReviewItem> review;
  std::vector<TargetProposal> targets;
  int task_rows = 0;     // task rows written
  int section_rows = 0;  // section rows written
};

struct RecogniseOptions {
  std::string id;  // the plan's id (file stem): its year when the title does not say
  // The unit the plan is imported into (its unit.yaml), when known: an issuer named only by
  // its level ("của UBND xã") of the same level is completed with the name, for review.
  std::string unit_level;  // "xã", "phường" … (unit_level_vi)
  std::string unit_name;   // "Sơn Lâm"
};

RecognisedPlan recognise_plan(const Document& doc, const RecogniseOptions& options = {});

// A place as an official looks for it: "trang 3, dòng 12", "bảng 2, hàng 5", "đoạn 14".
std::string describe_place(const SourcePlace& at, bool english = false);

}  // namespace congkhai::import
