// A document as a reader found it (Word, PDF or plain text), before anything in it is
// recognised as part of a plan: paragraphs and tables in reading order, each with the place
// in the source it came from, so that every guess the import makes can be pointed back at it.
#pragma once

#include "load/office_package.h"

#include <string>
#include <utility>
#include <vector>

namespace congkhai::import {

// Where something is in the source, as an official finds it there: a page and line of a PDF
// or text file, or a paragraph or a table's row in a Word document. Counts from 1; 0 = unknown.
struct SourcePlace {
  int page = 0;
  int paragraph = 0;  // body paragraph (Word), or line (text, PDF page)
  int table = 0;
  int row = 0;
  int text_box = 0;  // a Word text box or shape holding the text, counted in document order
};

struct Paragraph {
  std::string text;       // soft line breaks as '\n'; accepted text of tracked changes
  std::string numbering;  // automatic number as Word renders it ("1.", "a)", "I."), not in text
  bool bold = false;      // the whole paragraph is bold
  bool centered = false;
  SourcePlace at;
};

struct Cell {
  std::string text;  // the cell's paragraphs joined with '\n', each with its automatic number
  // The cell's paragraphs when the reader knows them (Word): a paragraph break is a new line of
  // the cell, a soft break inside one is only where the line wrapped. Empty when the reader
  // knows only the lines (PDF, text): `text` then holds them, to be rejoined.
  std::vector<Paragraph> paragraphs;
  int span = 1;      // grid columns the cell covers (gridSpan)
  bool merged_from_above = false;  // vMerge continuation: the cell above holds the text
  bool bold = false;
};

// A cell a reader found: its text (lines already joined), the columns it spans, bold or not.
inline Cell cell_of(std::string text, int span, bool bold) {
  Cell c;
  c.text = std::move(text);
  c.span = span;
  c.bold = bold;
  return c;
}

struct Row {
  std::vector<Cell> cells;
  bool header = false;           // repeated header row (tblHeader), or the table's first
  bool after_page_break = false; // the row starts a new page (PDF, text) or follows a break
  SourcePlace at;
  // Why the reader is unsure how this row was rebuilt (empty when it is sure): lines joined
  // across a page break, cells told apart by a guess. The import lists it for review.
  std::string doubt;
  std::string doubt_en;
};

struct Table {
  std::vector<Row> rows;
  SourcePlace at;
};

struct Block {
  enum class Kind { kParagraph, kTable } kind = Kind::kParagraph;
  Paragraph paragraph;  // when kParagraph
  Table table;          // when kTable
};

// Why a file could not be read at all, in Vietnamese and English.
using ReadProblem = congkhai::PackageProblem;

struct Document {
  std::string path;
  std::vector<Block> blocks;
};

}  // namespace congkhai::import
