#pragma once
// The retrospective of a closed cycle, one per team (docs/okr-method.md, "Cycle workflow",
// steps 4 and 5): what the team learned, what changes next cycle, which of its objectives
// carry forward; and carrying those objectives into a draft cycle, which copies them as
// drafts with their key results re-baselined.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "core/entity_edits.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class RetrospectivePanel {
public:
    // Sets `plan_requested` when the person asks to plan a cycle to carry into.
    void draw(Session& session, Platform& platform, ViewState& view, const Cycle& cycle, const Fonts& fonts,
              bool& plan_requested);
    // The draft cycle carrying forward goes to next, such as one just planned.
    void set_carry_target(const Id& cycle) { carry_target_ = cycle; }

private:
    // What the person has typed for one team. `basis` names the stored retrospective it was
    // filled from, so that an untouched form follows the data (undo, a merge).
    struct Form {
        std::string basis;
        RetrospectiveDraft draft;
        std::vector<FieldProblem> problems;
        std::string message;
        bool edited = false;
    };
    struct Carried {
        Id cycle;
        std::string cycle_name;
        std::vector<std::string> titles;
        uint64_t revision = 0;  // the workspace right after: an undo or any later edit hides it
        bool scroll_to = true;  // brought into view once, below the button that made it
    };

    const Team* chosen_team(const Workspace& workspace, const Id& cycle);
    void draw_team_list(const Workspace& workspace, const Cycle& cycle, const Fonts& fonts);
    void draw_form(Session& session, Platform& platform, const Cycle& cycle, const Team& team, const Fonts& fonts);
    void draw_carry_choices(const Workspace& workspace, const Cycle& cycle, const Team& team, Form& form);
    void draw_carry_forward(Session& session, Platform& platform, const Cycle& cycle, const Team& team,
                            const Form& form, const Fonts& fonts, bool& plan_requested);
    void draw_carried(const Session& session, ViewState& view, const Fonts& fonts);
    Form& form_for(const Workspace& workspace, const Cycle& cycle, const Team& team);
    void save(Session& session, Platform& platform, const Cycle& cycle, const Team& team, Form& form);
    void carry(Session& session, Platform& platform, const std::vector<Id>& objectives);
    const Cycle* carry_target(const Workspace& workspace, const Cycle& from);

    Id team_;
    std::map<std::pair<Id, Id>, Form> forms_;  // by cycle and team
    Id carry_target_;
    std::string carry_error_;
    std::optional<Carried> carried_;
};

}  // namespace okr::ui
