#pragma once
// The cascade of one cycle: teams from the company down, each with its objectives, the
// parent each aligns to, and its key results with progress, latest value, confidence,
// status, forecast and what the coach says about them.

#include "app/insights.hpp"
#include "core/model.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class CascadeView {
public:
    void draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts);

private:
    struct Context {
        const Workspace& workspace;
        const Insights& insights;
        ViewState& view;
        const Fonts& fonts;
        bool cycle_closed;
    };

    void draw_team(const Context& c, const Team& team, int depth);
    void draw_objective(const Context& c, const Objective& objective);
    void draw_objective_header(const Context& c, const Objective& objective);
    void draw_key_results(const Context& c, const Objective& objective);
    void draw_key_result_row(const Context& c, const KeyResult& kr);
};

// Status, pace and check-in due as small coloured labels on the current line.
void status_badges(const KeyResultInsight& insight);
// A marker with the number of coach findings; hovering lists them.
void findings_marker(const std::vector<const Finding*>& findings);

}  // namespace okr::ui
