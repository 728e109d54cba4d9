// Vietnamese search terms: the "viFold" pipeline function of the search index.
//
// The same function runs in the browser (themes/default/assets/search-core.js) when the
// index is queried, so every step here has an exact JavaScript twin, noted beside it.
// Lunr's English trimmer, stop-word filter and stemmer are not used: they mangle
// Vietnamese ("Số" → "s").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace congkhai {

// The name under which search-core.js registers the function with lunr.Pipeline.
inline constexpr std::string_view kViFoldName = "viFold";

// String.prototype.toLowerCase: full Unicode lower-casing ("İ" → "i̇", final sigma),
// not case folding ("ß" stays "ß").
std::string js_to_lower(std::string_view s);

// Folds lower-case NFC text: NFD, every combining mark (\p{M}) removed, NFC, "đ" → "d".
// JS: s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').replace(/đ/g, 'd').
std::string search_fold(std::string_view lower);
// The same, always through utf8proc; search_fold maps Vietnamese text by a table taken from
// it (text/char_map.h), which must give the same bytes (tested).
std::string search_fold_with_utf8proc(std::string_view lower);

// The terms a token stands for: its exact form (NFC, lower-cased, with punctuation trimmed
// from both ends) and, when different, its folded form. "Số," → {"số", "so"},
// "TTHC" → {"tthc"}, "–" → {}.
// JS: viTerms(str) in search-core.js.
std::vector<std::string> vi_terms(std::string_view token);

}  // namespace congkhai
