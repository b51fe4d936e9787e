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

void apply_light_theme()
{
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
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

    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.965f, 0.969f, 0.976f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.87f, 0.886f, 0.906f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.12f, 0.137f, 0.157f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.40f, 0.43f, 0.46f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.937f, 0.945f, 0.957f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.902f, 0.918f, 0.941f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.871f, 0.898f, 0.937f, 1.0f);
    // Plain buttons are quiet; primary_button() marks the one action a view is about.
    c[ImGuiCol_Button] = ImVec4(0.918f, 0.929f, 0.945f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.871f, 0.894f, 0.922f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.816f, 0.847f, 0.890f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.184f, 0.435f, 0.922f, 0.12f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.184f, 0.435f, 0.922f, 0.08f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.184f, 0.435f, 0.922f, 0.18f);
    c[ImGuiCol_SliderGrab] = ImColor(colour::accent);
    c[ImGuiCol_SliderGrabActive] = ImColor(colour::accent_active);
    c[ImGuiCol_CheckMark] = ImColor(colour::accent);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.965f, 0.969f, 0.976f, 1.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.92f, 0.93f, 0.94f, 1.0f);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.87f, 0.886f, 0.906f, 1.0f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.12f, 0.15f, 0.35f);
}

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
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(1 - (1 - c.x) * 0.16f, 1 - (1 - c.y) * 0.16f, 1 - (1 - c.z) * 0.16f, 1));
}

}  // namespace okr::ui
