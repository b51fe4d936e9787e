#pragma once
// The organisation as a tree, for everything that lists teams from the company down.

#include <vector>

#include "core/model.hpp"

namespace okr {

struct TeamInTree {
    const Team* team = nullptr;
    int depth = 0;  // 0 for a root
};

enum class SiblingOrder { as_stored, by_name };

// Every team exactly once: each root (no parent, or a parent the workspace does not hold),
// then the teams below it, depth first, siblings in `order`. Teams caught in a parent loop
// (two merged edits can make one) have no root above them: each loop is entered at its first
// team in the workspace, at depth 0, and cut where it closes.
std::vector<TeamInTree> teams_top_down(const Workspace& workspace, SiblingOrder order);

}  // namespace okr
