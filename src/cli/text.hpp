#pragma once
// Text shared by the commands: how a problem, a finding and a refused file read.

#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "core/coach.hpp"
#include "core/import.hpp"

namespace okr::cli {

// "warning  kr-activity  key_results/kr-1: message"
std::string finding_line(const Finding& finding);

// "refused  /key_results/3/target: message"
std::string problem_line(std::string_view label, const Problem& problem);

// Every refusal of a file that was not imported, with exit status 1.
Output refused(std::string_view name, const ImportResult& result);

// Every refusal of a file, one a line naming the file and the JSON pointer, then their
// count: for standard error, as commands whose standard output is a file print them.
std::string refusal_lines(std::string_view name, const ImportResult& result);

// "okr: cannot read PATH", with exit status 2.
Output cannot_read(std::string_view path);

// Pads `text` with spaces to `width` columns (counting UTF-8 code points).
std::string padded(std::string_view text, size_t width);
size_t columns(std::string_view text);

}  // namespace okr::cli
