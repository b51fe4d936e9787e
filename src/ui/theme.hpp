#pragma once
// The look of the product: fonts, spacing and the colours that carry meaning.

#include <imgui.h>

#include "core/pace.hpp"
#include "core/scoring.hpp"

namespace okr::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* small = nullptr;
};

// Loads the UI font at the sizes the interface uses, covering Latin (with Central
// European letters), Greek and Cyrillic. Returns false when the file cannot be read,
// in which case ImGui's built-in ASCII font is used.
bool load_fonts(const char* ttf_path, float pixel_scale, Fonts& fonts);
enum class Theme { light, dark };

// Sets ImGui's style and the colours below for the theme. Colours keep their meaning in
// both: red is a bad grade on a white card and on a dark one.
void apply_theme(Theme theme);
Theme current_theme();

// The colours of the current theme; apply_theme() sets them.
namespace colour {
extern ImU32 text;
extern ImU32 red;
extern ImU32 yellow;
extern ImU32 green;
extern ImU32 muted_text;
extern ImU32 accent;
extern ImU32 accent_hovered;
extern ImU32 accent_active;
extern ImU32 on_accent;
extern ImU32 card;
extern ImU32 card_border;
extern ImU32 warning_bg;
extern ImU32 error_bg;
extern ImU32 track;    // the empty part of a progress bar
extern ImU32 overlay;  // a veil over the page (the drop hint)
}  // namespace colour

ImU32 grade_colour(double score);
ImU32 status_colour(ConfidenceStatus status);
ImU32 soft(ImU32 colour);  // the same hue, faint on a card

}  // namespace okr::ui
