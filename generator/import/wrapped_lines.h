// Joining the lines a document wrapped back into the text that was typed: a new line where a
// line starts an item ("- ", "+ ", "a)", "2.1."), nothing where a word was broken at a hyphen
// ("NĐ-" / "CP"), a space otherwise. Shared by the PDF and plain text readers.
#pragma once

#include <string>
#include <string_view>

namespace congkhai::import {

// "1", "2.1.3", "1.", "II", "IV.", "a)", "B": a number as a plan's table or list prints it.
bool is_item_number(std::string_view token);

// The line starts a list item or a numbered point.
bool starts_item(std::string_view line);

// Appends `next` to `text`: on a new line when `new_paragraph` or it starts an item, else as
// the same paragraph's next wrapped line.
void append_line(std::string* text, std::string_view next, bool new_paragraph);

}  // namespace congkhai::import
