#include "ui/theme.hpp"

#include <cstdio>

namespace okr::ui {
namespace {

const ImWchar* glyph_ranges()
{
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesCyrillic());
        static const ImWchar extra[] = {
            0x0100, 0x024F,  // Latin Extended-A and -B: č, ł, ő, ș ...
            0x0370, 0x03FF,  // Greek
            0x2000, 0x206F,  // punctuation: dashes, quotes, ellipsis
            0x20AC, 0x20AC,  // euro sign
            0x2190, 0x2193,  // arrows
            0x2212, 0x2212,  // minus sign
            0,
        };
        builder.AddRanges(extra);
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

bool file_exists(const char* path)
{
    if (FILE* f = std::fopen(path, "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

}  // namespace

bool load_fonts(const char* ttf_path, float pixel_scale, Fonts& fonts)
{
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (!file_exists(ttf_path)) {
        fonts.body = fonts.heading = fonts.title = fonts.small = io.Fonts->AddFontDefault();
        return false;
    }

    // Rasterise at the device's pixel density and scale back, so text stays crisp on
    // high-density screens.
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.RasterizerMultiply = 1.1f;
    auto add = [&](float size) {
        ImFont* font = io.Fonts->AddFontFromFileTTF(ttf_path, size * pixel_scale, &config, glyph_ranges());
        font->Scale = 1.0f / pixel_scale;
        return font;
    };
    fonts.body = add(16.0f);
    fonts.small = add(13.5f);
    fonts.heading = add(19.0f);
    fonts.title = add(26.0f);
    io.FontDefault = fonts.body;
    return true;
}

namespace {

struct Palette {
    ImU32 window;
    ImU32 text, red, yellow, green, muted_text;
    ImU32 accent, accent_hovered, accent_active, on_accent;
    ImU32 card, card_border, warning_bg, error_bg, track, overlay;
    ImU32 frame, frame_hovered, frame_active;
    ImU32 button, button_hovered, button_active;
    ImU32 table_border_light, modal_dim;
};

constexpr Palette light_palette{
    .window = IM_COL32(246, 247, 249, 255),
    .text = IM_COL32(31, 35, 40, 255),
    .red = IM_COL32(214, 69, 69, 255),
    .yellow = IM_COL32(214, 160, 30, 255),
    .green = IM_COL32(46, 158, 91, 255),
    .muted_text = IM_COL32(101, 109, 118, 255),
    .accent = IM_COL32(47, 111, 235, 255),
    .accent_hovered = IM_COL32(37, 98, 217, 255),
    .accent_active = IM_COL32(28, 81, 191, 255),
    .on_accent = IM_COL32(255, 255, 255, 255),
    .card = IM_COL32(255, 255, 255, 255),
    .card_border = IM_COL32(222, 226, 231, 255),
    .warning_bg = IM_COL32(255, 244, 229, 255),
    .error_bg = IM_COL32(253, 236, 236, 255),
    .track = IM_COL32(233, 236, 240, 255),
    .overlay = IM_COL32(246, 247, 249, 225),
    .frame = IM_COL32(239, 241, 244, 255),
    .frame_hovered = IM_COL32(230, 234, 240, 255),
    .frame_active = IM_COL32(222, 229, 239, 255),
    .button = IM_COL32(234, 237, 241, 255),
    .button_hovered = IM_COL32(222, 228, 235, 255),
    .button_active = IM_COL32(208, 216, 227, 255),
    .table_border_light = IM_COL32(235, 237, 240, 255),
    .modal_dim = IM_COL32(26, 31, 38, 89),
};

// The same meanings on a dark ground: status colours a little lighter so they keep their
// contrast, cards a step above the page.
constexpr Palette dark_palette{
    .window = IM_COL32(21, 24, 29, 255),
    .text = IM_COL32(230, 233, 237, 255),
    .red = IM_COL32(239, 104, 104, 255),
    .yellow = IM_COL32(232, 183, 64, 255),
    .green = IM_COL32(72, 190, 118, 255),
    .muted_text = IM_COL32(156, 165, 175, 255),
    .accent = IM_COL32(82, 139, 250, 255),
    .accent_hovered = IM_COL32(104, 156, 255, 255),
    .accent_active = IM_COL32(66, 121, 232, 255),
    .on_accent = IM_COL32(255, 255, 255, 255),
    .card = IM_COL32(30, 34, 40, 255),
    .card_border = IM_COL32(50, 56, 64, 255),
    .warning_bg = IM_COL32(62, 49, 24, 255),
    .error_bg = IM_COL32(70, 32, 34, 255),
    .track = IM_COL32(50, 56, 64, 255),
    .overlay = IM_COL32(21, 24, 29, 225),
    .frame = IM_COL32(39, 44, 51, 255),
    .frame_hovered = IM_COL32(47, 53, 61, 255),
    .frame_active = IM_COL32(55, 62, 72, 255),
    .button = IM_COL32(43, 49, 57, 255),
    .button_hovered = IM_COL32(53, 60, 70, 255),
    .button_active = IM_COL32(63, 71, 83, 255),
    .table_border_light = IM_COL32(42, 47, 54, 255),
    .modal_dim = IM_COL32(0, 0, 0, 120),
};

Theme theme_in_use = Theme::light;

ImVec4 v(ImU32 colour) { return ImGui::ColorConvertU32ToFloat4(colour); }

ImVec4 with_alpha(ImU32 colour, float alpha)
{
    ImVec4 c = v(colour);
    c.w = alpha;
    return c;
}

void set_colours(const Palette& p)
{
    colour::text = p.text;
    colour::red = p.red;
    colour::yellow = p.yellow;
    colour::green = p.green;
    colour::muted_text = p.muted_text;
    colour::accent = p.accent;
    colour::accent_hovered = p.accent_hovered;
    colour::accent_active = p.accent_active;
    colour::on_accent = p.on_accent;
    colour::card = p.card;
    colour::card_border = p.card_border;
    colour::warning_bg = p.warning_bg;
    colour::error_bg = p.error_bg;
    colour::track = p.track;
    colour::overlay = p.overlay;
}

void set_spacing(ImGuiStyle& style)
{
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 5);
    style.ScrollbarSize = 12;
    style.WindowRounding = 8;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.PopupRounding = 8;
    style.GrabRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
}

void set_style_colours(ImVec4* c, const Palette& p)
{
    c[ImGuiCol_WindowBg] = v(p.window);
    c[ImGuiCol_ChildBg] = v(p.card);
    c[ImGuiCol_PopupBg] = v(p.card);
    c[ImGuiCol_Border] = v(p.card_border);
    c[ImGuiCol_Text] = v(p.text);
    c[ImGuiCol_TextDisabled] = v(p.muted_text);
    c[ImGuiCol_FrameBg] = v(p.frame);
    c[ImGuiCol_FrameBgHovered] = v(p.frame_hovered);
    c[ImGuiCol_FrameBgActive] = v(p.frame_active);
    // Plain buttons are quiet; primary_button() marks the one action a view is about.
    c[ImGuiCol_Button] = v(p.button);
    c[ImGuiCol_ButtonHovered] = v(p.button_hovered);
    c[ImGuiCol_ButtonActive] = v(p.button_active);
    c[ImGuiCol_Header] = with_alpha(p.accent, 0.14f);
    c[ImGuiCol_HeaderHovered] = with_alpha(p.accent, 0.09f);
    c[ImGuiCol_HeaderActive] = with_alpha(p.accent, 0.20f);
    c[ImGuiCol_SliderGrab] = v(p.accent);
    c[ImGuiCol_SliderGrabActive] = v(p.accent_active);
    c[ImGuiCol_CheckMark] = v(p.accent);
    c[ImGuiCol_TableHeaderBg] = v(p.window);
    c[ImGuiCol_TableBorderLight] = v(p.table_border_light);
    c[ImGuiCol_TableBorderStrong] = v(p.card_border);
    c[ImGuiCol_Separator] = v(p.card_border);
    c[ImGuiCol_ScrollbarBg] = with_alpha(p.window, 0.0f);
    c[ImGuiCol_TextSelectedBg] = with_alpha(p.accent, 0.30f);
    c[ImGuiCol_NavHighlight] = v(p.accent);
    c[ImGuiCol_ModalWindowDimBg] = v(p.modal_dim);
}

}  // namespace

namespace colour {
ImU32 text, red, yellow, green, muted_text, accent, accent_hovered, accent_active, on_accent, card, card_border,
    warning_bg, error_bg, track, overlay;
}  // namespace colour

void apply_theme(Theme theme)
{
    const Palette& palette = theme == Theme::dark ? dark_palette : light_palette;
    theme == Theme::dark ? ImGui::StyleColorsDark() : ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    set_spacing(style);
    set_style_colours(style.Colors, palette);
    set_colours(palette);
    theme_in_use = theme;
}

Theme current_theme() { return theme_in_use; }

ImU32 grade_colour(double score)
{
    switch (grade_of(score)) {
    case Grade::red: return colour::red;
    case Grade::yellow: return colour::yellow;
    case Grade::green: return colour::green;
    }
    return colour::muted_text;
}

ImU32 status_colour(ConfidenceStatus status)
{
    switch (status) {
    case ConfidenceStatus::on_track: return colour::green;
    case ConfidenceStatus::at_risk: return colour::yellow;
    case ConfidenceStatus::off_track: return colour::red;
    }
    return colour::muted_text;
}

ImU32 soft(ImU32 colour)
{
    const ImVec4 c = v(colour);
    const ImVec4 ground = v(colour::card);
    const auto mix = [](float from, float to) { return from + (to - from) * 0.16f; };
    return ImGui::ColorConvertFloat4ToU32(ImVec4(mix(ground.x, c.x), mix(ground.y, c.y), mix(ground.z, c.z), 1));
}

}  // namespace okr::ui
