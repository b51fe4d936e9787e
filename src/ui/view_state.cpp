#include "ui/view_state.hpp"

namespace okr::ui {

Id default_cycle(const Workspace& workspace)
{
    const Cycle* best = nullptr;
    for (const Cycle& cycle : workspace.cycles) {
        if (cycle.state == CycleState::active && (!best || best->state != CycleState::active || cycle.start > best->start))
            best = &cycle;
        else if (!best || (best->state != CycleState::active && cycle.start > best->start))
            best = &cycle;
    }
    return best ? best->id : Id();
}

void keep_valid(ViewState& view, const Workspace& workspace)
{
    if (!find_by_id(workspace.cycles, view.cycle))
        view.cycle = default_cycle(workspace);
    if (!view.key_result.empty() && !find_by_id(workspace.key_results, view.key_result))
        view.key_result.clear();
}

}  // namespace okr::ui
