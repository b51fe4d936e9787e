#include "core/team_tree.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace okr {

std::vector<TeamInTree> teams_top_down(const Workspace& workspace, SiblingOrder order)
{
    std::map<std::string_view, std::vector<const Team*>> children;
    std::vector<const Team*> roots;
    for (const Team& team : workspace.teams) {
        if (team.parent && find_by_id(workspace.teams, *team.parent))
            children[*team.parent].push_back(&team);
        else
            roots.push_back(&team);
    }
    if (order == SiblingOrder::by_name) {
        const auto by_name = [](const Team* a, const Team* b) {
            return a->name != b->name ? a->name < b->name : a->id < b->id;
        };
        std::sort(roots.begin(), roots.end(), by_name);
        for (auto& [parent, list] : children)
            std::sort(list.begin(), list.end(), by_name);
    }

    std::vector<TeamInTree> tree;
    std::set<std::string_view> seen;
    const auto visit_from = [&](const Team& start) {
        std::vector<TeamInTree> stack{{&start, 0}};
        while (!stack.empty()) {
            const TeamInTree place = stack.back();
            stack.pop_back();
            if (!seen.insert(place.team->id).second)
                continue;
            tree.push_back(place);
            const auto below = children.find(place.team->id);
            if (below == children.end())
                continue;
            for (auto child = below->second.rbegin(); child != below->second.rend(); ++child)
                stack.push_back({*child, place.depth + 1});
        }
    };
    for (const Team* root : roots)
        visit_from(*root);
    for (const Team& team : workspace.teams)
        if (!seen.contains(team.id))
            visit_from(team);
    return tree;
}

}  // namespace okr
