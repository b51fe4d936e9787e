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
void apply_light_theme();

namespace colour {
inline constexpr ImU32 text = IM_COL32(31, 35, 40, 255);
inline constexpr ImU32 red = IM_COL32(214, 69, 69, 255);
inline constexpr ImU32 yellow = IM_COL32(214, 160, 30, 255);
inline constexpr ImU32 green = IM_COL32(46, 158, 91, 255);
inline constexpr ImU32 muted_text = IM_COL32(101, 109, 118, 255);
inline constexpr ImU32 accent = IM_COL32(47, 111, 235, 255);
inline constexpr ImU32 accent_hovered = IM_COL32(37, 98, 217, 255);
inline constexpr ImU32 accent_active = IM_COL32(28, 81, 191, 255);
inline constexpr ImU32 on_accent = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 card = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 card_border = IM_COL32(222, 226, 231, 255);
inline constexpr ImU32 warning_bg = IM_COL32(255, 244, 229, 255);
inline constexpr ImU32 error_bg = IM_COL32(253, 236, 236, 255);
}  // namespace colour

ImU32 grade_colour(double score);
ImU32 status_colour(ConfidenceStatus status);
ImU32 soft(ImU32 colour);  // the same hue as a pale background

}  // namespace okr::ui
