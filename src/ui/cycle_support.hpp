#pragma once
// Small pieces the cycle planner's panels share: counts and sentences, a team's objectives,
// and the lines that say what is wrong with a field.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/edits.hpp"
#include "core/model.hpp"

namespace okr::ui::cycles {

// The core words refusals in lower case, to sit after a colon; on its own line it reads
// as a sentence.
std::string as_sentence(const std::string& text);
std::string count_text(size_t count, const char* one, const char* many);

std::vector<const Objective*> objectives_of(const Workspace& workspace, const Id& team, const Id& cycle);
size_t objective_count(const Workspace& workspace, const Id& cycle);

// A line in red under a field, reported to tests as "<text>###<probe_id>".
void error_line(const std::string& text, const std::string& probe_id);
// The problems the core found with `field`, one error line each.
void field_problems(const std::vector<FieldProblem>& problems, const std::string& field,
                    const std::string& probe_prefix);

}  // namespace okr::ui::cycles
