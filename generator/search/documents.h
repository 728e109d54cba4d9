// Search documents: what the search index knows about each unit, plan, task, target and
// report of the portal, and what a result shows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "derive/facts.h"
#include "model/portal.h"
#include "search/lunr_index.h"

namespace congkhai {

enum class SearchKind { kUnit, kPlan, kTask, kTarget, kReport };

// "unit", "plan", "task", "target", "report": the kind as search-core.js knows it.
std::string_view search_kind_key(SearchKind kind);

struct SearchDocument {
  std::string ref;  // the page, with the anchor of a task or target (model/urls.h)
  SearchKind kind = SearchKind::kUnit;
  int area = -1;    // the top-level unit the document belongs to, index into Portal::units
  int owner = -1;   // the unit it belongs to (a unit's own document: the unit itself)

  // Indexed text, one string per field of search_fields().
  std::string title;      // unit name, plan or report title, task text, target measure
  std::string text;       // everything else worth finding: body, output, timeframe, number
  std::string unit;       // the unit and its ancestors: "xã Sơn Lâm huyện Hương Sơn tỉnh Hà Tĩnh"
  std::string lead;       // lead and partner offices; the issuer of a plan
  std::string year;       // "2023"
  std::string kind_text;  // "nhiệm vụ", "kế hoạch", "xã" …

  // Shown in a result (the store beside the index).
  std::string display_title;  // plain text, shortened
  std::string display_unit;   // "xã Sơn Lâm"
  std::string excerpt;        // plain text, shortened: context under the title
  std::string status;         // a task's status key as of the reference date ("in_progress"),
                              // with " overdue" when it is; empty for other documents
};

// Fields of an area shard, with boosts: title, text, unit, lead, year, kind.
const std::vector<LunrField>& search_fields();

// Every unit, plan, task, target and report of the portal, in model order: a unit, then
// its plans with their tasks and targets, then its reports; then the next unit. That is,
// for each unit, unit_search_document then search_documents(portal, unit, facts).
std::vector<SearchDocument> search_documents(const Portal& portal, const PortalFacts* facts = nullptr);

// The page of unit `unit` (an index into Portal::units): its name, its contact and where to
// send feedback, with the labels its page shows ("Liên hệ", "Phản ánh, kiến nghị").
SearchDocument unit_search_document(const Portal& portal, int unit);

// The unit's own plans with their tasks and targets, then its reports, in model order;
// not its page. A shard is built from these one unit at a time, so that the whole portal's
// documents (about 1 GB for the national corpus) never sit in memory together.
// With `facts`, each task's status as of the reference date is indexed with its usual
// synonyms (task_status_search_text) and shown with its deadline in the excerpt.
std::vector<SearchDocument> search_documents(const Portal& portal, int unit, const PortalFacts* facts = nullptr);

// The words a citizen uses for a task's status: "Đang thực hiện, chưa hoàn thành, chưa xong",
// and for an overdue one "quá hạn, trễ hạn, chậm tiến độ" besides.
std::string task_status_search_text(const TaskFacts& facts);

// Whether search_documents(portal, unit) has any document: the unit has plans or reports.
bool has_search_documents(const Unit& unit);

// The document as lunr sees it, with the text of each of `fields` (matched by name), under
// `ref` (its compact ref in a shard).
LunrDocument lunr_document(const SearchDocument& doc, const std::vector<LunrField>& fields,
                           std::string ref);

// The short ref of the document at `position` in a shard: base 36, "0" … "z", "10" ….
// A shard's index uses these instead of the paths, which would be repeated in every
// posting and make the index five times larger (docs/search.md).
std::string compact_ref(std::size_t position);

// Display data by position in the shard (the compact ref): [[r, t, k, x], …], where r is the
// document's path and anchor (SearchDocument::ref) without `prefix` (the shard's unit path
// and "/"), t the title, k the kind, x the excerpt; a fifth item, the unit's name, when it
// is not `unit_name` (the shard's, given once for all its documents), else 0 when more
// follow; then, for the search page's filters, the year and the status (SearchDocument::
// status), when either is not empty: [r, t, k, x, 0, "2023", "in_progress overdue"].
LunrJson search_store(const std::vector<const SearchDocument*>& docs, std::string_view prefix,
                      std::string_view unit_name);

// Markdown as plain text: list markers, headings, emphasis and link targets dropped,
// runs of white space collapsed to one space.
std::string plain_text(std::string_view markdown);

// At most `max_chars` characters of `text`, cut at a space, with "…" when cut.
std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace congkhai
