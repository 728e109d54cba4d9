// A search index as lunr.js 2.3.9 builds it, built without JavaScript.
//
// build_lunr_index produces exactly what lunr's own Builder produces, once serialised with
// JSON.stringify, for the same fields, documents and pipeline: lunr's tokenizer, the
// "viFold" pipeline function (search/vi_terms.h) for both indexing and search, BM25 with
// k1 = 1.2 and b = 0.75, scores rounded to three decimals. No metadata is whitelisted, so
// postings carry no term positions (the browser highlights matches itself). The shards
// publish the same index in a compact form (build_lunr_compact_index_json) that the browser
// expands back into that text. tests/search/compare.js and compact.js check the equality
// against lunr.js.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace congkhai {

// Key order is part of lunr's format (it decides the order of equal-scored results), so the
// index is an ordered_json: objects keep the order lunr's Builder inserts keys in.
using LunrJson = nlohmann::ordered_json;

struct LunrField {
  std::string name;  // must not contain '/'
  double boost = 1;  // 0 means 1, as in lunr
};

struct LunrDocument {
  std::string ref;                  // unique within the index
  std::vector<std::string> fields;  // text of each field, parallel to the field list
  double boost = 1;                 // 0 means 1, as in lunr
};

// lunr.tokenizer on a string: JavaScript lower-casing, then split on /[\s\-]+/.
std::vector<std::string> lunr_tokenize(std::string_view text);

// Tokens of a field after the pipeline: each token's vi_terms, in order.
std::vector<std::string> lunr_field_terms(std::string_view text);

// The serialised lunr.Index, as `JSON.parse(JSON.stringify(builder.build()))`:
// {version, fields, fieldVectors, invertedIndex, pipeline}. Documents whose ref repeats an
// earlier one are skipped.
LunrJson build_lunr_index(const std::vector<LunrField>& fields,
                          const std::vector<LunrDocument>& documents);

// The same index as JSON text, exactly to_js_json(build_lunr_index(…)), written directly:
// a shard's index is large, and building it as an ordered_json tree first cost more than
// the rest of the search stage.
std::string build_lunr_index_json(const std::vector<LunrField>& fields,
                                  const std::vector<LunrDocument>& documents);

// The same index in the compact form the site publishes, which leaves out what the browser
// can rebuild (expandIndex in themes/default/assets/search-core.js turns it back into exactly
// the text of build_lunr_index_json, for lunr.Index.load):
//
//   {"version", "fields", "pipeline",
//    "terms": [every term, in _index order: the order they first appear in],
//    "refs": [the documents' refs]       only when they are not "0", "1" … "z", "10" …, their
//                                        positions in base 36,
//    "vectors": [one per document and field, document-major, fields in "fields" order:
//                [term gap, score × 1000, term gap, score × 1000, …]]}
//
// A vector's terms are in _index order, each given as its distance from the previous one
// (the first from 0). The inverted index is the transpose of the vectors: no metadata is
// whitelisted, so a posting is {"_index", field: {ref: {}} …} and holds nothing else.
std::string build_lunr_compact_index_json(const std::vector<LunrField>& fields,
                                          const std::vector<LunrDocument>& documents);

// Adds `key` at the end of object `obj` without looking for it first (ordered_json's
// operator[] is a linear search); the caller knows the key is new.
void append_new_key(LunrJson* obj, std::string key, LunrJson value);

// JSON text exactly as JSON.stringify writes it: no spaces, numbers in JavaScript's
// shortest round-trip form ("0.5", "1", "1e-7", "1e+21"), strings with only '"', '\\' and
// control characters escaped. Objects are written in their stored key order.
std::string to_js_json(const LunrJson& value);

// Number.prototype.toString for a finite double; "null" for NaN and infinities, as
// JSON.stringify writes them.
std::string js_number(double value);
// js_number(value), appended to `out`.
void append_js_number(std::string* out, double value);
// js_number(thousandths / 1000) appended to `out`, for a whole number of thousandths (a
// score rounded to three decimals), without the shortest-digits search.
void append_js_thousandths(std::string* out, double thousandths);

// Math.round(x): the nearest integer, halves rounded up.
double js_round(double x);

}  // namespace congkhai
