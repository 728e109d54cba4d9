#include "search/shard_keys.h"

#include "derive/facts.h"
#include "model/input_hasher.h"
#include "model/model_codec.h"
#include "search/packed_payload.h"

namespace congkhai {

// The units are hashed here field by field, and the plans, their tasks, sections and targets
// and their facts by the plan keys (export/plan_data_key.cc hashes them field by field). A
// field added to one of these structs changes its size: this fails until the field is
// hashed (here, or in plan_data_key when search_documents reads it of a plan) and changed in
// export/shard_keys_test.cc, then the expected size is updated. The sizes are those of the
// build platform (x86-64, libstdc++); elsewhere the test alone guards. Reports are hashed
// through their codec (model/model_codec.h), which covers every field by its own check.
#if defined(__x86_64__) && defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI && !defined(_GLIBCXX_DEBUG)
#define CONGKHAI_SHARD_INPUTS_OF(T, size) \
  static_assert(sizeof(T) == (size), #T " changed: key its new field in search/shard_keys.cc or export/plan_data_key.cc")
#else
#define CONGKHAI_SHARD_INPUTS_OF(T, size)
#endif

CONGKHAI_SHARD_INPUTS_OF(Unit, 408);
CONGKHAI_SHARD_INPUTS_OF(Contact, 160);
CONGKHAI_SHARD_INPUTS_OF(Plan, 944);
CONGKHAI_SHARD_INPUTS_OF(Task, 320);
CONGKHAI_SHARD_INPUTS_OF(Section, 80);
CONGKHAI_SHARD_INPUTS_OF(Target, 264);
CONGKHAI_SHARD_INPUTS_OF(TaskFacts, 264);

namespace {

// The unit `unit` and each unit above it, as the documents name them (unit_display_name:
// name and level).
void add_chain(InputHasher& h, const Portal& portal, int unit) {
  const int units = static_cast<int>(portal.units.size());
  int steps = 0;
  for (int u = unit; u >= 0 && u < units && steps <= units; u = portal.units[u].parent, ++steps) {
    h.flag(true);
    h.text(portal.units[u].name);
    h.integer(static_cast<int>(portal.units[u].level));
  }
  h.flag(false);
}

// What unit_search_document reads of unit `u`: its page's path, name and level, contact
// (address, phone, e-mail, website) and feedback, and the units above it.
void add_unit_page(InputHasher& h, const Portal& portal, int u) {
  const Unit& unit = portal.units[u];
  h.text(unit.url_path);
  h.text(unit.name);
  h.integer(static_cast<int>(unit.level));
  for (const std::string* s : {&unit.contact.address, &unit.contact.phone, &unit.contact.email,
                               &unit.contact.website, &unit.feedback})
    h.text(*s);
  add_chain(h, portal, unit.parent);
}

}  // namespace

std::string shard_key_fingerprint(std::string_view shard_format, std::string_view version, bool with_facts) {
  InputHasher h;
  h.text(kShardKeyFormat);
  h.text(shard_format);
  h.text(packer_version());
  h.text(version);
  h.flag(with_facts);
  return h.hex();
}

// The key covers, besides the fingerprint (kShardKeyFormat, kShardFormat, zlib's version,
// the generator's identity, whether the tasks' statuses are indexed), all that
// search_documents, unit_search_document and the shard's file read for the shard of `unit`:
//  - its path, its key in CONGKHAI_INDEX and its name (the store's prefix and the unit name
//    given once), and its unit and each unit above it, by name and level (the `unit` field
//    of every document, the constant fields);
//  - each of its plans, in order, by its input key (plan_keys): every field of the plan the
//    documents read (id, number, title, year, place, legal basis, implements, body and the
//    table marker, budget, appendix title, issuer, signer; each section's number, title and
//    parent; each task's id, number, text, section, parent, lead and partners, output and
//    timeframe; each target's id, measure, comparison, value and its text, unit, statement
//    and task), its unit's path, name and level, and its facts (each task's status, overdue
//    and due date);
//  - each of its reports, in order, through its codec (so also what the documents do not
//    show: its source path and positions, tasks, targets and the index of its plan);
//  - for a top-level unit, each unit below it whose page it indexes, in order: path, name,
//    level, contact (address, phone, e-mail, website), feedback and the units above it;
//  - the shards it lists and their sizes, as written (`listed`).
// Not covered, because no document reads them: the units' source paths, slugs below the
// shard's, opening hours, children, and everything else of the portal (other units' plans
// and reports, progress records other than through the facts, the site's settings: the
// global index, which names the site, is made on every build).
std::string shard_key(const Portal& portal, const std::vector<std::string>& plan_keys, std::string_view fingerprint,
                      int unit, std::string_view path, std::string_view key, std::string_view name,
                      const std::vector<int>& below, std::string_view listed) {
  InputHasher h;
  h.text(fingerprint);
  h.text(path);
  h.text(key);
  h.text(name);
  add_chain(h, portal, unit);
  const Unit& u = portal.units[unit];
  h.u64(u.plans.size());
  for (int p : u.plans) {
    const bool known = p >= 0 && p < static_cast<int>(plan_keys.size());
    h.flag(known);
    if (known) h.text(plan_keys[p]);
  }
  h.u64(u.reports.size());
  for (int r : u.reports) {
    ByteWriter w;
    encode(w, portal.reports[r]);
    h.hash(hash_bytes(w.bytes()));
  }
  h.u64(below.size());
  for (int b : below) add_unit_page(h, portal, b);
  h.text(listed);
  return h.hex();
}

}  // namespace congkhai
