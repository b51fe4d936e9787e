#pragma once
// Where the alignment map draws each objective of a cycle: one horizontal band per level of
// the team tree (the company at the top, its departments below, their teams below them),
// each team a group of cards in its level's band, each child placed under the parent it
// aligns to and each team under the objectives it aligns to. A parent link thus climbs
// from one band to the next without crossing the cards of a band between. Computed once
// per change of the data or of the cycle; the view only scales and shifts it. Coordinates
// are map units, (0, 0) at the top left.

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace okr {

struct MapMetrics {
    double node_width = 230;
    double node_height = 78;
    double node_gap = 26;      // between two objectives of a team
    double team_gap = 60;      // between two teams of a band
    double band_header = 34;   // room above the nodes for the team's name
    double band_padding = 22;  // below the nodes, before the next band
};

struct MapBand {
    int depth = 0;  // 0: root teams (the company)
    double top = 0;
    double height = 0;
};

struct MapTeam {
    Id team;
    std::string name;  // the team's name, or its id when the workspace does not hold it
    int band = 0;
    double left = 0;  // from its first card's left to its last card's right
    double right = 0;
};

struct MapNode {
    const Objective* objective = nullptr;
    int band = 0;
    int team = 0;  // index in AlignmentLayout::teams
    double x = 0;  // top left
    double y = 0;
    // The coach's not-aligned rule (docs/okr-method.md): no parent while the parent team
    // has objectives in the same cycle.
    bool unaligned = false;
};

enum class MapEdgeKind { parent, dependency };

// Parent edges run from the child to the objective it aligns to; dependency edges from the
// objective that needs to the one it needs (a KR's dependency counts for its objective).
struct MapEdge {
    int from = 0;  // node indices
    int to = 0;
    MapEdgeKind kind = MapEdgeKind::parent;
    std::string note;  // a dependency's notes, joined when several link the same two objectives
};

struct AlignmentLayout {
    std::vector<MapBand> bands;
    std::vector<MapTeam> teams;  // band by band, in the tree's order
    std::vector<MapNode> nodes;  // team by team
    std::vector<MapEdge> edges;
    double width = 0;
    double height = 0;
    int unaligned = 0;

    std::optional<int> node_of(const Id& objective) const;
};

// The layout points into `workspace`: compute it again after any edit.
AlignmentLayout alignment_layout(const Workspace& workspace, const Id& cycle, const MapMetrics& metrics = {});

}  // namespace okr
