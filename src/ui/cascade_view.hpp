#pragma once
// The cascade of one cycle: teams from the company down, each with its objectives, the
// parent each aligns to, and its key results with progress, latest value, confidence,
// status, forecast and what the coach says about them. Its buttons open the editor's forms
// to add, edit and delete objectives and key results.

#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "app/insights.hpp"
#include "core/model.hpp"
#include "ui/entity_editor.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class CascadeView {
public:
    void draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts,
              EntityEditor& editor);

private:
    // One thing the cascade stacks vertically: a team's heading or an objective's card.
    struct Block {
        const Team* team = nullptr;  // a heading when set, else the card of `objective`
        int depth = 0;
        const Objective* objective = nullptr;
        std::vector<const KeyResult*> key_results;  // the card's, in id order
        float height = -1;                          // as last drawn; negative until then
        bool empty_team = false;                    // a heading with no objectives in the cycle
    };
    struct TaskCount {
        int done = 0;
        int total = 0;
    };
    // Who sits where in the chosen cycle, built when the data or the cycle changes, so that
    // a frame walks only what it draws.
    struct Layout {
        const Workspace* workspace = nullptr;
        uint64_t generation = 0;
        Id cycle;
        int objectives = 0;
        std::vector<Block> blocks;
        std::map<std::string_view, TaskCount> tasks;  // by key result
    };

    struct Context {
        const Workspace& workspace;
        const Insights& insights;
        const Layout& layout;
        ViewState& view;
        const Fonts& fonts;
        EntityEditor& editor;
        const Cycle& cycle;
        bool cycle_closed;
    };

    void rebuild(const Workspace& workspace, const Insights& insights, const Id& cycle);
    void draw_blocks(const Context& c);
    void draw_team(const Context& c, const Block& block);
    void draw_objective(const Context& c, const Block& block);
    void draw_objective_header(const Context& c, const Objective& objective);
    void draw_objective_actions(const Context& c, const Objective& objective);
    void draw_key_results(const Context& c, const Block& block);
    void draw_key_result_row(const Context& c, const KeyResult& kr);
    void draw_key_result_menu(const Context& c, const KeyResult& kr);

    Layout layout_;
};

// Status, pace and check-in due as small coloured labels on the current line.
void status_badges(const KeyResultInsight& insight);
// A marker with the number of coach findings; hovering lists them.
void findings_marker(const std::vector<const Finding*>& findings);

}  // namespace okr::ui
