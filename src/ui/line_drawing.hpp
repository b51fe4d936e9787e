#pragma once
// Lines the draw list has no call for: dashed and dotted lines, and arrowheads. Shared by the
// key result's chart and the alignment map.

#include <imgui.h>

namespace okr::ui {

// A line of dashes `dash` long with `gap` between them; a dotted line is a short dash.
void dashed_line(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 colour, float thickness, float dash, float gap);
// A filled triangle whose tip is at `tip`, pointing along the direction from `from`.
void arrow_head(ImDrawList* draw, ImVec2 from, ImVec2 tip, ImU32 colour, float size);

}  // namespace okr::ui
