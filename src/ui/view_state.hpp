#pragma once
// What the person has chosen to look at, shared by the panels. Never stored in the model.

#include "core/model.hpp"

namespace okr::ui {

enum class SidePanel { key_result, coach };
enum class Screen { cascade, weekly_check_in, cycles };

struct ViewState {
    Screen screen = Screen::cascade;
    Id cycle;       // the cycle shown in the cascade
    Id key_result;  // the KR open in the detail panel, empty for none
    SidePanel side = SidePanel::key_result;
    Id scroll_to;   // an objective or KR the cascade brings into view on its next frame
};

// The cycle to show first: the active one, else the newest.
Id default_cycle(const Workspace& workspace);
// Keeps the choice valid after the workspace changed under it (open, undo, merge).
void keep_valid(ViewState& view, const Workspace& workspace);
// Opens an entity the person picked elsewhere (a finding, a search result): shows its
// cycle, selects it when it is a KR and scrolls the cascade to it.
void go_to(ViewState& view, const Workspace& workspace, const std::string& collection, const Id& id);

}  // namespace okr::ui
