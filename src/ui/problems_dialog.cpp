#include "ui/problems_dialog.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {

namespace {
constexpr const char* popup_id = "###problems";
}

void ProblemsDialog::open(std::string title, std::string summary, std::vector<Problem> problems)
{
    title_ = std::move(title);
    summary_ = std::move(summary);
    problems_ = std::move(problems);
    open_requested_ = true;
}

void ProblemsDialog::draw()
{
    if (open_requested_) {
        ImGui::OpenPopup(popup_id);
        open_requested_ = false;
    }

    const ImVec2 viewport = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, viewport.x - 40), 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string label = title_ + popup_id;
    visible_ = ImGui::BeginPopupModal(label.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings);
    if (!visible_)
        return;
    widget_probe_note_window_title(label.c_str());

    ImGui::TextWrapped("%s", summary_.c_str());
    ImGui::Spacing();

    if (!problems_.empty())
        draw_problem_list();

    ImGui::Spacing();
    if (primary_button("Close###problems-close", 120) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void ProblemsDialog::draw_problem_list() const
{
    const float list_height = std::clamp(24.0f + 58.0f * static_cast<float>(problems_.size()), 140.0f, 380.0f);
    ImGui::BeginChild("problem-list", ImVec2(0, list_height), true);
    for (const Problem& problem : problems_) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
        ImGui::TextUnformatted(problem.pointer.empty() ? "(whole file)" : problem.pointer.c_str());
        ImGui::PopStyleColor();
        ImGui::TextWrapped("%s", problem.message.c_str());
        ImGui::Spacing();
    }
    ImGui::EndChild();
}

}  // namespace okr::ui
