#include "core/alignment_layout.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string_view>

#include "core/team_tree.hpp"

namespace okr {
namespace {

struct TeamPlace {
    Id team;
    int depth = 0;
};

// Teams from the roots down, each followed by its children (by name), so every team's band
// lies below its parent's.
std::vector<TeamPlace> teams_top_down(const Workspace& workspace)
{
    std::vector<TeamPlace> order;
    for (const TeamInTree& place : okr::teams_top_down(workspace, SiblingOrder::by_name))
        order.push_back({place.team->id, place.depth});
    return order;
}

// Lays the nodes of one band out left to right in the row's order, each at its wanted x
// when there is room, else at its gap after its left neighbour.
void place_in_row(std::vector<MapNode>& nodes, const std::vector<int>& row, const std::vector<double>& wanted,
                  const std::vector<double>& gap_before, const MapMetrics& metrics)
{
    double next_free = 0;
    for (size_t i = 0; i < row.size(); ++i) {
        const int index = row[i];
        if (i > 0)
            next_free += gap_before[index];
        nodes[index].x = std::max(wanted[index], next_free);
        next_free = nodes[index].x + metrics.node_width;
    }
}

class Builder {
public:
    Builder(const Workspace& workspace, const Id& cycle, const MapMetrics& metrics)
        : workspace_(workspace), cycle_(cycle), metrics_(metrics)
    {
    }

    AlignmentLayout build()
    {
        make_bands();
        place_top_down();
        centre_parents_over_children();
        measure();
        add_edges();
        return std::move(layout_);
    }

private:
    // One band per level of the team tree that has objectives in the cycle; in it, a group
    // per team, in the tree's order until place_top_down orders them.
    void make_bands()
    {
        std::map<std::string_view, std::vector<const Objective*>> by_team;
        for (const Objective& objective : workspace_.objectives)
            if (objective.cycle == cycle_)
                by_team[objective.team].push_back(&objective);

        std::vector<TeamPlace> order = teams_top_down(workspace_);
        // Objectives of a team the workspace does not hold still show, at the top level.
        for (const auto& [team, objectives] : by_team)
            if (!find_by_id(workspace_.teams, team))
                order.push_back({Id(team), 0});
        std::map<int, std::vector<const TeamPlace*>> by_depth;
        for (const TeamPlace& place : order)
            if (by_team.contains(place.team))
                by_depth[place.depth].push_back(&place);

        double top = 0;
        const double height = metrics_.band_header + metrics_.node_height + metrics_.band_padding;
        for (const auto& [depth, places] : by_depth) {
            const int band = static_cast<int>(layout_.bands.size());
            layout_.bands.push_back({depth, top, height});
            groups_.emplace_back();
            for (const TeamPlace* place : places) {
                const Team* team = find_by_id(workspace_.teams, place->team);
                const int group = static_cast<int>(layout_.teams.size());
                layout_.teams.push_back({place->team, team ? team->name : place->team, band, 0, 0});
                groups_.back().emplace_back();
                for (const Objective* objective : by_team.find(place->team)->second) {
                    groups_.back().back().push_back(static_cast<int>(layout_.nodes.size()));
                    MapNode node;
                    node.objective = objective;
                    node.band = band;
                    node.team = group;
                    node.y = top + metrics_.band_header;
                    layout_.nodes.push_back(node);
                }
            }
            top += height;
        }
        layout_.height = top;
        for (size_t i = 0; i < layout_.nodes.size(); ++i)
            index_of_[layout_.nodes[i].objective->id] = static_cast<int>(i);
        mark_unaligned();
    }

    void mark_unaligned()
    {
        std::set<std::string_view> teams_with_objectives;
        for (const MapNode& node : layout_.nodes)
            teams_with_objectives.insert(node.objective->team);
        for (MapNode& node : layout_.nodes) {
            const Team* team = find_by_id(workspace_.teams, node.objective->team);
            node.unaligned = !node.objective->parent && team && team->parent &&
                             teams_with_objectives.contains(*team->parent);
            layout_.unaligned += node.unaligned ? 1 : 0;
        }
    }

    // The parent's node when it is drawn in a band above this one.
    std::optional<int> parent_above(const MapNode& node) const
    {
        if (!node.objective->parent)
            return std::nullopt;
        const auto found = index_of_.find(*node.objective->parent);
        if (found == index_of_.end() || layout_.nodes[found->second].band >= node.band)
            return std::nullopt;
        return found->second;
    }

    // Each child wants to sit under its parent; within a team, aligned objectives come in
    // their parents' order, then the others by title. Teams follow the mean place of the
    // parents their objectives align to, those aligned to nothing last.
    void place_top_down()
    {
        std::vector<double> wanted(layout_.nodes.size(), 0);
        for (size_t band = 0; band < groups_.size(); ++band) {
            std::vector<std::pair<double, std::vector<int>*>> teams;
            for (std::vector<int>& group : groups_[band]) {
                std::sort(group.begin(), group.end(), [&](int a, int b) {
                    return layout_.nodes[a].objective->title < layout_.nodes[b].objective->title;
                });
                double sum = 0;
                int aligned = 0;
                for (int index : group)
                    if (const auto parent = parent_above(layout_.nodes[index])) {
                        wanted[index] = layout_.nodes[*parent].x;
                        sum += wanted[index];
                        ++aligned;
                    }
                const auto aligned_end = std::stable_partition(group.begin(), group.end(), [&](int index) {
                    return parent_above(layout_.nodes[index]).has_value();
                });
                std::stable_sort(group.begin(), aligned_end, [&](int a, int b) { return wanted[a] < wanted[b]; });
                teams.emplace_back(aligned > 0 ? sum / aligned : std::numeric_limits<double>::infinity(), &group);
            }
            std::stable_sort(teams.begin(), teams.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            rows_.emplace_back();
            for (const auto& [mean, group] : teams)
                rows_.back().insert(rows_.back().end(), group->begin(), group->end());
            place_in_row(layout_.nodes, rows_.back(), wanted, gaps(), metrics_);
        }
    }

    // A card's gap to its left neighbour: wider between two teams.
    std::vector<double> gaps() const
    {
        std::vector<double> gap(layout_.nodes.size(), metrics_.node_gap);
        for (const std::vector<int>& row : rows_)
            for (size_t i = 1; i < row.size(); ++i)
                if (layout_.nodes[row[i]].team != layout_.nodes[row[i - 1]].team)
                    gap[row[i]] = metrics_.team_gap;
        return gap;
    }

    // A parent moves over the middle of its children, from the lowest band up, so a team's
    // objectives spread above the teams that align to them.
    void centre_parents_over_children()
    {
        std::vector<std::vector<int>> children(layout_.nodes.size());
        for (size_t i = 0; i < layout_.nodes.size(); ++i)
            if (const auto parent = parent_above(layout_.nodes[i]))
                children[*parent].push_back(static_cast<int>(i));

        const std::vector<double> gap = gaps();
        for (auto row = rows_.rbegin(); row != rows_.rend(); ++row) {
            std::vector<double> wanted(layout_.nodes.size(), 0);
            for (int index : *row) {
                wanted[index] = layout_.nodes[index].x;
                if (children[index].empty())
                    continue;
                double sum = 0;
                for (int child : children[index])
                    sum += layout_.nodes[child].x;
                wanted[index] = std::max(wanted[index], sum / static_cast<double>(children[index].size()));
            }
            place_in_row(layout_.nodes, *row, wanted, gap, metrics_);
        }
    }

    void measure()
    {
        for (MapTeam& team : layout_.teams) {
            team.left = std::numeric_limits<double>::infinity();
            team.right = 0;
        }
        for (const MapNode& node : layout_.nodes) {
            MapTeam& team = layout_.teams[static_cast<size_t>(node.team)];
            team.left = std::min(team.left, node.x);
            team.right = std::max(team.right, node.x + metrics_.node_width);
            layout_.width = std::max(layout_.width, team.right);
        }
    }

    void add_edges()
    {
        for (size_t i = 0; i < layout_.nodes.size(); ++i) {
            const Objective& objective = *layout_.nodes[i].objective;
            if (!objective.parent)
                continue;
            const auto parent = index_of_.find(*objective.parent);
            if (parent != index_of_.end() && parent->second != static_cast<int>(i))
                layout_.edges.push_back({static_cast<int>(i), parent->second, MapEdgeKind::parent, {}});
        }

        std::map<std::pair<int, int>, size_t> dependency_edge;
        for (const Dependency& dependency : workspace_.dependencies) {
            const auto from = node_for(dependency.from);
            const auto to = node_for(dependency.to);
            if (!from || !to || *from == *to)
                continue;
            const std::string note = dependency.note.value_or("");
            const auto [found, added] = dependency_edge.try_emplace({*from, *to}, layout_.edges.size());
            if (added) {
                layout_.edges.push_back({*from, *to, MapEdgeKind::dependency, note});
                continue;
            }
            std::string& joined = layout_.edges[found->second].note;
            if (!note.empty())
                joined += (joined.empty() ? "" : "; ") + note;
        }
    }

    // The node of an objective, or of a KR's objective.
    std::optional<int> node_for(const Id& objective_or_key_result) const
    {
        Id objective = objective_or_key_result;
        if (const KeyResult* kr = find_by_id(workspace_.key_results, objective_or_key_result))
            objective = kr->objective;
        const auto found = index_of_.find(objective);
        return found == index_of_.end() ? std::nullopt : std::optional<int>(found->second);
    }

    const Workspace& workspace_;
    const Id& cycle_;
    const MapMetrics& metrics_;
    AlignmentLayout layout_;
    std::vector<std::vector<std::vector<int>>> groups_;  // node indices per team per band
    std::vector<std::vector<int>> rows_;                 // node indices per band, left to right
    std::map<std::string_view, int> index_of_;
};

}  // namespace

std::optional<int> AlignmentLayout::node_of(const Id& objective) const
{
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].objective->id == objective)
            return static_cast<int>(i);
    return std::nullopt;
}

AlignmentLayout alignment_layout(const Workspace& workspace, const Id& cycle, const MapMetrics& metrics)
{
    return Builder(workspace, cycle, metrics).build();
}

}  // namespace okr
