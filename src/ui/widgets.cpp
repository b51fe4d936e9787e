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
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(233, 236, 240, 255));
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
    const ImU32 tone = confidence >= 0.7 ? colour::green : confidence >= 0.3 ? colour::yellow : colour::red;
    ImGui::PushStyleColor(ImGuiCol_Text, tone);
    ImGui::Text("%s", format_number(confidence).c_str());
    ImGui::PopStyleColor();
}

}  // namespace okr::ui
