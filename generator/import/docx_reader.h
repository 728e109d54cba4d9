// Reading a Word document (.docx) into an import::Document: the zip is opened with libzip and
// word/document.xml, word/numbering.xml and word/styles.xml are parsed with libxml2.
//
// What Word keeps outside the text is put back as the official sees it on screen: automatic
// numbers ("1.", "a)", "I.", from numbering.xml) in Paragraph::numbering; tracked changes as
// if accepted (insertions kept, deletions dropped); comments, footnote marks and field codes
// left out; soft line breaks as '\n'; merged cells as their span (gridSpan) and a flag on the
// cells a vertical merge covers (vMerge). Hidden text (w:vanish) is left out, as Word hides it.
//
// Text boxes and shapes with text (w:txbxContent, in a DrawingML w:drawing or a VML w:pict;
// of mc:AlternateContent, where Word writes the same box both ways, only one) are read where
// they are anchored: a box's paragraphs and tables come just before the text of the paragraph
// holding its anchor, boxes side by side in the order of their anchors (a heading's issuer box
// on the left is usually anchored before the national motto's on the right); a box in a table
// cell adds its paragraphs to the cell. Their places say which box (SourcePlace::text_box).
// Frames (w:framePr) are ordinary paragraphs and read as such.
//
// Refused whole, with a reason: bytes that are not a zip (an old .doc, or a password-protected
// document, which Word stores as an encrypted OLE file); a zip without word/document.xml; more
// than kMaxDocxEntries parts; a part it reads that inflates past its limit or past
// kMaxDocxRatio times its compressed size (checked from the zip's directory before inflating and
// again while inflating, since the directory can lie); text boxes nested more than
// kMaxDocxTextBoxDepth deep; any DOCTYPE or ENTITY declaration (parts
// are parsed with XML_PARSE_NONET, without entity substitution or DTD loading). Pictures and
// other parts are never inflated, so their size does not matter.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "import/document.h"

namespace congkhai::import {

inline constexpr std::size_t kMaxDocxPartBytes = 64 * 1024 * 1024;  // document.xml inflated
inline constexpr std::size_t kMaxDocxRatio = 1000;                    // inflated / compressed
inline constexpr std::size_t kMaxDocxEntries = 10000;
inline constexpr std::size_t kMaxDocxBlocks = 1000000;  // paragraphs and tables
inline constexpr int kMaxDocxTextBoxDepth = 8;          // text boxes inside text boxes

// Reads a whole document from its bytes; nullopt and `problem` set when it is refused.
std::optional<Document> read_docx(std::string_view bytes, const std::string& path, ReadProblem* problem);

}  // namespace congkhai::import
