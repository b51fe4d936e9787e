#pragma once
// The cycle planner (docs/okr-method.md, "Cycle workflow"): the cycles by start date with
// their state and objective counts; planning the next quarter, editing a cycle's name and
// dates, deleting one; from a draft, drafting its objectives in the cascade and activating
// it; closing the active cycle; and, for an active or closed cycle, the scoring screen and
// (once closed) the teams' retrospectives with carrying objectives forward. Every action
// is one undoable edit computed by the core.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "core/entity_edits.hpp"
#include "ui/cycle_scores_panel.hpp"
#include "ui/retrospective_panel.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class CyclesView {
public:
    void draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts);

private:
    enum class Tab { overview, scores, retrospectives };
    enum class Step { activate, close, remove };

    // The form that plans a new cycle (`editing` empty) or edits one.
    struct CycleForm {
        bool requested = false;  // opens as a dialog on the next frame
        std::optional<Id> editing;
        CycleDraft draft;
        std::vector<FieldProblem> problems;
        std::string message;
        bool for_carrying = false;  // planned from a retrospective: carry into it next
    };
    // A step that asks first: what it means, and the core's refusal when it cannot be done.
    struct Confirmation {
        bool requested = false;
        Step step = Step::activate;
        Id cycle;
        std::string title;
        std::string explanation;
        std::string refusal;
        std::string action;  // the button's label
    };

    const Cycle* chosen_cycle(const Workspace& workspace, const ViewState& view);
    void draw_cycle_list(const Workspace& workspace, Platform& platform, const Fonts& fonts);
    void draw_cycle_row(const Workspace& workspace, const Cycle& cycle, const Fonts& fonts);
    void draw_detail(Session& session, Platform& platform, ViewState& view, const Cycle& cycle, const Fonts& fonts);
    void draw_actions(const Workspace& workspace, ViewState& view, const Cycle& cycle);
    void draw_tabs(const Cycle& cycle);
    void draw_overview(const Workspace& workspace, ViewState& view, const Cycle& cycle, const Fonts& fonts);
    void draw_empty(Platform& platform, const Workspace& workspace, const Fonts& fonts);

    void open_plan(const Workspace& workspace, Platform& platform, bool for_carrying);
    void open_edit(const Cycle& cycle);
    void draw_form_dialog(Session& session, Platform& platform, const Fonts& fonts);
    void draw_form_field(const char* label, const char* id, std::string& text, const char* hint, bool& enter);
    void save_form(Session& session, Platform& platform);

    void ask(Step step, const Workspace& workspace, const Cycle& cycle);
    void draw_confirmation(Session& session, Platform& platform, const Fonts& fonts);
    void carry_out(Session& session, Platform& platform);
    void tell(const Session& session, std::string notice);

    Id selected_;
    Id followed_;  // the top bar's cycle when last seen: picking another there selects it here
    Tab tab_ = Tab::overview;
    CycleForm form_;
    Confirmation confirmation_;
    std::string notice_;  // what the last step did, in the person's words
    uint64_t notice_revision_ = 0;  // the workspace it speaks of: an undo or another edit hides it
    CycleScoresPanel scores_;
    RetrospectivePanel retrospectives_;
};

}  // namespace okr::ui
