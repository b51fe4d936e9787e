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

// Pads `text` with spaces to `width` columns (counting UTF-8 code points).
std::string padded(std::string_view text, size_t width);
size_t columns(std::string_view text);

}  // namespace okr::cli
