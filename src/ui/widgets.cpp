#include "ui/widgets.hpp"

#include <imgui.h>

#include "ui/format.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

namespace {
constexpr float card_padding = 14.0f;
}

void muted_text(const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

bool primary_button(const char* label, float width, float height)
{
    ImGui::PushStyleColor(ImGuiCol_Button, colour::accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::accent_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour::accent_active);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::on_accent);
    const bool pressed = ImGui::Button(label, ImVec2(width, height));
    ImGui::PopStyleColor(4);
    return pressed;
}

void begin_card(const char* id)
{
    ImGui::PushID(id);
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::Dummy(ImVec2(0, card_padding * 0.5f));
    ImGui::Indent(card_padding);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(-card_padding);
}

void end_card()
{
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::Unindent(card_padding);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min(ImGui::GetItemRectMin().x - card_padding, ImGui::GetItemRectMin().y - card_padding * 0.75f);
    const ImVec2 max(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                     ImGui::GetItemRectMax().y + card_padding * 0.75f);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(min, max, colour::card, 8.0f);
    draw->AddRect(min, max, colour::card_border, 8.0f);
    draw->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, card_padding));
    ImGui::PopID();
}

void progress_bar(std::optional<double> progress, float width, std::optional<double> raw)
{
    const float fraction = progress ? static_cast<float>(*progress) : 0.0f;
    const std::string label = progress ? format_percent(raw.value_or(*progress)) : std::string("no score");
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, progress ? grade_colour(*progress) : colour::muted_text);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, colour::track);
    ImGui::ProgressBar(fraction, ImVec2(width, 0), label.c_str());
    ImGui::PopStyleColor(2);
}

void invalid_badge(const std::string& reason)
{
    ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
    ImGui::TextUnformatted("invalid");
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", reason.c_str());
}

void confidence_text(double confidence)
{
    ImGui::PushStyleColor(ImGuiCol_Text, status_colour(confidence_status(confidence)));
    ImGui::Text("%s", format_number(confidence).c_str());
    ImGui::PopStyleColor();
}

}  // namespace okr::ui

namespace okr::ui {

void badge(const char* text, unsigned int tone, bool same_line)
{
    if (same_line)
        ImGui::SameLine(0, 6);
    const ImVec2 padding(7, 1);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x + padding.x * 2, min.y + size.y + padding.y * 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, soft(tone), size.y);
    ImVec4 ink = ImGui::ColorConvertU32ToFloat4(tone);
    ink = ImVec4(ink.x * 0.72f, ink.y * 0.72f, ink.z * 0.72f, 1.0f);
    draw->AddText(ImVec2(min.x + padding.x, min.y + padding.y), ImGui::ColorConvertFloat4ToU32(ink), text);
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
}

}  // namespace okr::ui
