#pragma once
// Small drawing pieces shared by the panels.

#include <optional>
#include <string>

namespace okr::ui {

void muted_text(const char* text);
// The one action a view is about, in the accent colour.
bool primary_button(const char* label, float width = 0, float height = 0);
// A white rounded panel behind everything drawn between begin_card and end_card.
// Cards do not nest.
void begin_card(const char* id);
void end_card();
// Progress coloured by grade; `raw` (unclamped) is what the label says, so an
// over-achieved KR reads "125 %" on a full bar. Null progress draws an empty, grey bar.
void progress_bar(std::optional<double> progress, float width, std::optional<double> raw = std::nullopt);
void invalid_badge(const std::string& reason);
// Confidence with its status colour: on track, at risk, off track.
void confidence_text(double confidence);
// A small rounded label, on the same line as what came before it when `same_line`.
void badge(const char* text, unsigned int colour, bool same_line = true);

}  // namespace okr::ui
