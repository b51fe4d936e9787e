#pragma once
// The quality coach's findings for the cycle on screen, most serious first; each one
// jumps to the objective or key result it is about.

#include "app/insights.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class CoachPanel {
public:
    void draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts);
};

// The findings that belong to a cycle: about its objectives and their KRs, and about
// KPIs and teams (which span cycles).
std::vector<const Finding*> findings_in_cycle(const Workspace& workspace, const Insights& insights, const Id& cycle);

}  // namespace okr::ui
