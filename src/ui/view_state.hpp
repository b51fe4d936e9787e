#pragma once
// What the person has chosen to look at, shared by the panels. Never stored in the model.

#include <set>

#include "core/model.hpp"
#include "core/search.hpp"

namespace okr::ui {

enum class SidePanel { key_result, coach };
enum class Screen { cascade, weekly_check_in, alignment_map, cycles, kpis };
// "cascade", "weekly_check_in", ...: the enumerator's own name.
const char* screen_name(Screen screen);

// What narrows the cascade, and the objectives of the shown cycle that pass, as the finder
// bar (ui/finder.hpp) last worked them out: the cascade only reads them.
struct CascadeFilter {
    ObjectiveFilter criteria;
    bool active = false;
    std::set<Id> objectives;
    std::set<Id> teams;  // teams with a passing objective, whose headings stay

    bool hides(const Team* team, const Objective* objective) const
    {
        return active && (team ? !teams.count(team->id) : !objectives.count(objective->id));
    }
};

struct ViewState {
    Screen screen = Screen::cascade;
    Id cycle;       // the cycle shown in the cascade
    Id key_result;  // the KR open in the detail panel, empty for none
    SidePanel side = SidePanel::key_result;
    Id scroll_to;   // an objective or KR the cascade brings into view on its next frame
    CascadeFilter filter;
    Id kpi;         // the KPI the KPI board brings forward, empty for none
};

// The cycle to show first: the active one, else the newest.
Id default_cycle(const Workspace& workspace);
// Keeps the choice valid after the workspace changed under it (open, undo, merge).
void keep_valid(ViewState& view, const Workspace& workspace);
// Opens an entity the person picked elsewhere (a finding, a search result): shows its
// cycle, selects it when it is a KR and scrolls the cascade to it.
void go_to(ViewState& view, const Workspace& workspace, const std::string& collection, const Id& id);

}  // namespace okr::ui
