#pragma once
// The cascade of one cycle: teams from the company down, each with its objectives, the
// parent each aligns to, and its key results with progress, latest value and confidence.

#include "core/model.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class CascadeView {
public:
    void draw(const Workspace& workspace, ViewState& view, const Fonts& fonts);

private:
    void draw_team(const Workspace& workspace, const Team& team, int depth, ViewState& view, const Fonts& fonts);
    void draw_objective(const Workspace& workspace, const Objective& objective, ViewState& view, const Fonts& fonts);
    void draw_key_results(const Workspace& workspace, const Objective& objective, ViewState& view);
};

}  // namespace okr::ui
