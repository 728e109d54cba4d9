// Unicode helpers shared by every stage: normalisation, Vietnamese folding, slugs.
#pragma once

#include <string>
#include <string_view>

namespace congkhai {

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Byte offset of the first Unicode noncharacter (U+FDD0–U+FDEF, and U+FFFE and U+FFFF of every
// plane) in valid UTF-8 `s`, or npos. They are for a program's own use, never for text
// exchanged: XML forbids U+FFFE and U+FFFF, and feed readers refuse a document holding one.
std::size_t find_noncharacter(std::string_view s);

// Whether the (valid UTF-8) text is certainly in NFC already, by a quick check of its
// characters' blocks; false means "normalise to be sure", not "is not NFC".
bool is_surely_nfc(std::string_view s);

// Canonical composition (NFC). Invalid UTF-8 is returned unchanged. Text that passes
// is_surely_nfc (most Vietnamese text) is copied without calling utf8proc.
std::string to_nfc(std::string_view s);

// Lower-case NFC form, diacritics kept: "Định Hoá" -> "định hoá".
std::string to_lower(std::string_view s);

// Search folding: NFC, lower-case, every diacritic removed, "đ" -> "d".
// "Định Hoá" and "dinh hoa" fold to the same string. NFD input folds the same as NFC.
std::string fold(std::string_view s);

// The same two, always through utf8proc. to_lower and fold map text made of ASCII and the
// Vietnamese blocks by a table taken from these, which must give the same bytes (tested).
std::string to_lower_with_utf8proc(std::string_view s);
std::string fold_with_utf8proc(std::string_view s);

// ASCII URL slug: folded, runs of anything but [a-z0-9] become one "-", trimmed.
// "Định Hoá" -> "dinh-hoa", "Phường 2" -> "phuong-2". May return "".
std::string slugify(std::string_view s);

// Slug of the first `max_words` words of `s` (words as slugify splits them).
std::string slugify_words(std::string_view s, std::size_t max_words);

}  // namespace congkhai
