#pragma once
// One team's part of a workspace, to share as a file of its own ("team files"): the team
// works in it, and merging it back into the workspace (merge.hpp) changes only what the
// team changed.
//
// The part holds the team's objectives (of every cycle, or of one), their key results with
// their check-ins and tasks, the KPIs the team owns, the team's retrospectives and the
// dependencies that touch its objectives or key results. Around them come, unchanged, the
// entities they name, followed until every reference resolves: the team and its parent
// chain, the people, cycles and KPIs named, the objectives aligned to, carried from or at
// the other end of a dependency (with what those name in turn). Check-ins and tasks of
// other teams' key results never come along, since nothing in the part names them. A
// reference the workspace itself cannot resolve stays as written. Every tombstone of the
// workspace comes along as it is (team_part.cpp says why).

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"

namespace okr {

struct TeamPartOptions {
    std::optional<Id> cycle;  // only the team's objectives and retrospectives of this cycle
};

// Why no part could be taken: the team or the cycle asked for is not in the workspace.
struct TeamPartError {
    enum class Kind { unknown_team, unknown_cycle };
    Kind kind = Kind::unknown_team;
    Id id;                   // the id asked for
    std::vector<Id> known;   // the workspace's team ids (or cycle ids), sorted
    std::string message;     // one sentence naming the id and every known one
};

using TeamPartResult = std::variant<Workspace, TeamPartError>;

// The part of `team` as a workspace with the same header (id, name, updated_at, version and
// unknown top-level fields), so that a merge takes it for the same workspace. Never throws.
TeamPartResult team_part(const Workspace& workspace, const Id& team, const TeamPartOptions& options = {});

}  // namespace okr
