#include "ui/view_state.hpp"

#include <algorithm>

namespace okr::ui {

Id default_cycle(const Workspace& workspace)
{
    // Active cycles rank above the others; among equals, the later start wins.
    const auto rank = [](const Cycle& c) { return std::pair(c.state == CycleState::active, c.start); };
    const auto best = std::max_element(workspace.cycles.begin(), workspace.cycles.end(),
                                       [&](const Cycle& a, const Cycle& b) { return rank(a) < rank(b); });
    return best == workspace.cycles.end() ? Id() : best->id;
}

void keep_valid(ViewState& view, const Workspace& workspace)
{
    if (!find_by_id(workspace.cycles, view.cycle))
        view.cycle = default_cycle(workspace);
    // A KR stays open only while its own cycle is on screen: a check-in must never land on
    // a KR the person no longer sees.
    if (!view.key_result.empty()) {
        const KeyResult* kr = find_by_id(workspace.key_results, view.key_result);
        const Objective* objective = kr ? find_by_id(workspace.objectives, kr->objective) : nullptr;
        if (!objective || objective->cycle != view.cycle)
            view.key_result.clear();
    }
}

}  // namespace okr::ui

namespace okr::ui {

void go_to(ViewState& view, const Workspace& workspace, const std::string& collection, const Id& id)
{
    const Objective* objective = nullptr;
    if (collection == "key_results") {
        const KeyResult* kr = find_by_id(workspace.key_results, id);
        if (!kr)
            return;
        view.key_result = kr->id;
        view.side = SidePanel::key_result;
        objective = find_by_id(workspace.objectives, kr->objective);
    } else if (collection == "objectives") {
        objective = find_by_id(workspace.objectives, id);
    } else if (collection == "kpis") {
        view.kpi = id;
        view.screen = Screen::kpis;
        return;
    }
    if (objective && find_by_id(workspace.cycles, objective->cycle))
        view.cycle = objective->cycle;
    view.scroll_to = id;
    view.screen = Screen::cascade;  // where it is shown
}

const char* screen_name(Screen screen)
{
    switch (screen) {
    case Screen::cascade: return "cascade";
    case Screen::weekly_check_in: return "weekly_check_in";
    case Screen::alignment_map: return "alignment_map";
    case Screen::cycles: return "cycles";
    case Screen::kpis: return "kpis";
    }
    return "unknown";
}

}  // namespace okr::ui
