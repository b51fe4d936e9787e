#pragma once
// Reports the label and screen rectangle of every widget drawn in the last frame, so that
// browser tests can click and type at real positions. Switched off, it costs ImGui one
// branch per widget.

#include <string>

namespace okr::ui {

void set_widget_probe_enabled(bool enabled);
// Call at the start of each frame: the list describes one frame only.
void widget_probe_new_frame();
// For widgets ImGui does not report itself (combo boxes): records the last item.
void widget_probe_note_last_item(const char* label);
// For windows whose title changes under the same "###" id: the title shown now.
void widget_probe_note_window_title(const char* title);
// [{"window":"...","label":"...","x":..,"y":..,"w":..,"h":..}, ...] in CSS pixels.
std::string widget_probe_json();

}  // namespace okr::ui
