// Atom feeds (RFC 4287) of what a portal or a unit publishes: reports, and progress records
// (one entry per progress file, summing up its entries and measurements).
//
// A feed tells a reader what is new and links to the page that has it; it is not a copy of
// the site. So, as mature feeds do (jekyll-feed and WordPress show the latest 10 posts,
// Docusaurus the latest 20, "to keep a reasonable max size"; a feed reader keeps the entries
// it has already seen), each feed shows its latest kFeedEntries entries, and a progress
// file's entry says in a few lines what it changed: how many tasks it updates and in which
// state, then names at most a few of those that matter (the tasks it says are done for the
// first time, those not done when it was written although their deadline had passed) and
// its measurements; the plan's page, which the entry links to, has every entry.
//
// - Entry ids are name-based UUIDs (urn:uuid:…, version 5) of the item's path in the site,
//   so they never change with the build, the date or the domain the site is served from.
// - <updated> is the content's own date (a report's date, the latest date in a progress
//   file) at midnight Vietnam time, never the build time. The feed's <updated> is its newest
//   entry's.
// - Links are absolute when the site has a base_url, else relative to the feed file (feed
//   readers resolve them against the feed's address).
// - Only content dated on or before the reference date (facts.as_of), like the statuses.
// - Newest first, at most kFeedEntries entries; ties broken by id.
#pragma once

#include <string>
#include <vector>

#include "derive/facts.h"
#include "export/reused_files.h"
#include "model/output.h"
#include "model/portal.h"

namespace congkhai {

inline constexpr int kFeedEntries = 20;

// The namespace of entry and feed ids: RFC 4122's URL namespace; names are "congkhai:<path>".
inline constexpr const char kFeedIdNamespace[] = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

// "urn:uuid:…" for an output path or another stable name.
std::string feed_id(const std::string& name);

// RFC 3339 timestamp of a content date: "2023-04-05T00:00:00+07:00"; a partial date counts
// from its first day.
std::string atom_date(const Date& date);

// The feed of the whole portal (`scope` null) or of a unit and the units below it.
std::string write_feed(const Portal& portal, const PortalFacts& facts, const Unit* scope);

// Incremental builds: what a feed's key is made from besides its own entries, and the
// previous build's keys (exports.h).
struct FeedKeys {
  std::string fingerprint;                          // plan_data_fingerprint
  const std::vector<std::string>* plan_keys = nullptr;  // plan_data_key of each plan
  ExportReuse reuse;
};

// Every feed: feed.xml, then <unit>/feed.xml in unit order. Same bytes as write_feed for each,
// but each item is visited once per ancestor rather than once per unit, and its XML made once.
// Each feed is handed to `out` as soon as it is made, on `threads` threads (in no particular
// order when more than one).
// With `keys`, each feed carries a key (reused_files.h) made from the feed's unit and date and
// each entry it shows: a report's fields, a progress file's entries and measurements with its
// plan's key (its tasks and targets name them); a feed whose key is the previous build's is
// handed out reused, its entries neither summed up nor escaped.
void write_feeds(const Portal& portal, const PortalFacts& facts, int threads, OutputSink& out,
                 const FeedKeys* keys = nullptr);
OutputFiles write_feeds(const Portal& portal, const PortalFacts& facts);

}  // namespace congkhai
