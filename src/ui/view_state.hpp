#pragma once
// What the person has chosen to look at, shared by the panels. Never stored in the model.

#include "core/model.hpp"

namespace okr::ui {

struct ViewState {
    Id cycle;       // the cycle shown in the cascade
    Id key_result;  // the KR open in the detail panel, empty for none
};

// The cycle to show first: the active one, else the newest.
Id default_cycle(const Workspace& workspace);
// Keeps the choice valid after the workspace changed under it (open, undo, merge).
void keep_valid(ViewState& view, const Workspace& workspace);

}  // namespace okr::ui
