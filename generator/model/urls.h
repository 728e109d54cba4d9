// Where every page and file of the portal lives in the output, and relative links between
// them. One place, so pages, search, feeds and exports always agree.
//
//   index.html                                   home
//   <unit>/index.html                            a unit ("ha-tinh/huong-son/son-lam")
//   <unit>/ke-hoach/<plan>/index.html            a plan; tasks at #nv-<task id>, targets #ct-<id>
//   <unit>/bao-cao/<report>/index.html           a report
//   <unit>/du-lieu/ke-hoach.json                 the data of the unit's plans
//   tep/<path under content/>                    attachments and evidence files
//   tim-kiem/index.html                          search page
//   cap-nhat/index.html                          latest progress entries and reports
//   feed.xml, <unit>/feed.xml                    Atom feeds of the portal and of each unit
//   du-lieu/index.html                           open data page and files
//   404.html, sitemap.xml, robots.txt, feed.xml, assets/…
#pragma once

#include <string>
#include <string_view>

#include "model/portal.h"

namespace congkhai {

// Folder names under a unit that unit folders may not take.
inline constexpr std::string_view kPlansDir = "ke-hoach";
inline constexpr std::string_view kReportsDir = "bao-cao";
inline constexpr std::string_view kFilesDir = "tep";
bool is_reserved_slug(std::string_view slug);

std::string home_page();
std::string unit_page(const Unit& unit);
std::string plan_dir(const Portal& portal, const Plan& plan);  // "<unit>/ke-hoach/<plan>/"
std::string plan_page(const Portal& portal, const Plan& plan);
// The data of a unit's plans, all in one file: "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json".
std::string plans_json(const Unit& unit);
// A plan's portal path, by which another plan names it (`implements: {plan: …}`): its unit's
// address and its id, "ha-tinh/huong-son/2023".
std::string plan_portal_path(const Portal& portal, const Plan& plan);
// A plan's portal path as written, made comparable: the page's address is taken too
// ("/ha-tinh/huong-son/ke-hoach/2023/index.html" → "ha-tinh/huong-son/2023").
std::string normal_plan_path(std::string_view written);
std::string report_page(const Portal& portal, const Report& report);
std::string task_anchor(const Task& task);      // "nv-<id>"
std::string target_anchor(const Target& target);  // "ct-<id>"
// Whether `path` may be written under the output folder: relative, "/" between its parts, no
// "\", no empty, "." or ".." part. The writer refuses any other path (exit 3), so what names an
// output file from content (attachments and evidence files) is checked with it when loaded,
// and `check` reports it where `build` would fail.
bool is_safe_output_path(std::string_view path);
// A content file (relative to content/) as published.
std::string file_output_path(const std::string& content_relative);
// The link from the page at output path `from` to the published content file, percent-encoded
// (see percent_encode_path): attachment names may hold spaces, "#", "?", "%" or Vietnamese.
std::string file_link(std::string_view from, const std::string& content_relative);
std::string search_page();
std::string updates_page();
std::string portal_feed();                  // "feed.xml"
std::string unit_feed(const Unit& unit);    // "<unit>/feed.xml"
std::string open_data_page();
// The words of the site explained, and its accessibility statement.
std::string about_page();
std::string not_found_page();

// The link from the page at output path `from` to output path `to`, relative so that the
// site works at any sub-path and from disk: ("a/b/index.html", "a/c/index.html") → "../c/index.html".
std::string relative_link(std::string_view from, std::string_view to);
// A path with every byte outside RFC 3986's unreserved set and "/" percent-encoded, so that any
// file name makes a link to that very file: "bao cao #1.pdf" → "bao%20cao%20%231.pdf", and
// Vietnamese letters as their UTF-8 bytes ("tệp" → "t%E1%BB%87p", which browsers show decoded).
// Sub-delimiters ("(", "+", "'", …) are encoded too: every web server decodes %XX before it
// looks the file up, while a raw "+" is read as a space by some hosts. Page paths (ASCII slugs)
// come out unchanged.
std::string percent_encode_path(std::string_view path);
// The prefix leading from a page back to the site root: "a/b/index.html" → "../../".
std::string root_prefix(std::string_view from);

}  // namespace congkhai
