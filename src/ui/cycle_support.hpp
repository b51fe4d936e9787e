#pragma once
// Small pieces the cycle planner's panels share: reading typed numbers, the team tree,
// and the lines that say what is wrong with a field.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/edits.hpp"
#include "core/model.hpp"

namespace okr::ui::cycles {

std::string trimmed(const std::string& text);
// A number as typed, or null for anything else ("", "abc", "1.2.3", "inf").
std::optional<double> parse_number(const std::string& text);
// The core words refusals in lower case, to sit after a colon; on its own line it reads
// as a sentence.
std::string as_sentence(const std::string& text);
std::string count_text(size_t count, const char* one, const char* many);

// Teams from the company down, each below the team it belongs to, with its depth.
std::vector<std::pair<const Team*, int>> teams_in_tree_order(const Workspace& workspace);
std::vector<const Objective*> objectives_of(const Workspace& workspace, const Id& team, const Id& cycle);
size_t objective_count(const Workspace& workspace, const Id& cycle);

// A line in red under a field, reported to tests as "<text>###<probe_id>".
void error_line(const std::string& text, const std::string& probe_id);
// The problems the core found with `field`, one error line each.
void field_problems(const std::vector<FieldProblem>& problems, const std::string& field,
                    const std::string& probe_prefix);

}  // namespace okr::ui::cycles
