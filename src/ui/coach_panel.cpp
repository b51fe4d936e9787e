#include "ui/coach_panel.hpp"

#include <imgui.h>

#include "core/progress.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

std::optional<Id> cycle_of_entity(const Workspace& workspace, const EntityRef& entity)
{
    if (entity.collection == "objectives") {
        const Objective* objective = find_by_id(workspace.objectives, entity.id);
        return objective ? std::optional<Id>(objective->cycle) : std::nullopt;
    }
    if (entity.collection == "key_results") {
        const KeyResult* kr = find_by_id(workspace.key_results, entity.id);
        const Objective* objective = kr ? objective_of(workspace, *kr) : nullptr;
        return objective ? std::optional<Id>(objective->cycle) : std::nullopt;
    }
    return std::nullopt;
}

std::string entity_title(const Workspace& workspace, const EntityRef& entity)
{
    if (const auto* o = entity.collection == "objectives" ? find_by_id(workspace.objectives, entity.id) : nullptr)
        return o->title;
    if (const auto* k = entity.collection == "key_results" ? find_by_id(workspace.key_results, entity.id) : nullptr)
        return k->title;
    if (const auto* t = entity.collection == "teams" ? find_by_id(workspace.teams, entity.id) : nullptr)
        return t->name;
    if (const auto* k = entity.collection == "kpis" ? find_by_id(workspace.kpis, entity.id) : nullptr)
        return k->name;
    return entity.id;
}

ImU32 severity_colour(Severity severity)
{
    switch (severity) {
    case Severity::error: return colour::red;
    case Severity::warning: return colour::yellow;
    case Severity::info: return colour::accent;
    }
    return colour::muted_text;
}

}  // namespace

std::vector<const Finding*> findings_in_cycle(const Workspace& workspace, const Insights& insights, const Id& cycle)
{
    std::vector<const Finding*> found;
    for (const Finding& finding : insights.findings()) {
        const std::optional<Id> finding_cycle = cycle_of_entity(workspace, finding.entity);
        if (!finding_cycle || *finding_cycle == cycle)
            found.push_back(&finding);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Finding* a, const Finding* b) { return a->severity < b->severity; });
    return found;
}

void CoachPanel::draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts)
{
    const auto findings = findings_in_cycle(workspace, insights, view.cycle);
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Coach");
    ImGui::PopFont();
    if (findings.empty()) {
        muted_text("Nothing to improve in this cycle. Well-formed OKRs: few objectives, 2 to 4 measurable "
                   "key results each, aligned upward.");
        return;
    }
    ImGui::PushTextWrapPos(0);
    muted_text("Suggestions, not rules: nothing here blocks saving. Click one to go to it.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    int index = 0;
    for (const Finding* finding : findings) {
        ImGui::PushID(index++);
        const ImVec2 start = ImGui::GetCursorPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const std::string title = entity_title(workspace, finding->entity);
        const float height = ImGui::GetTextLineHeightWithSpacing() * 2 +
                             ImGui::CalcTextSize(finding->message.c_str(), nullptr, false, width).y;
        const std::string label = "###finding-" + finding->rule + "-" + finding->entity.id;
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, height)))
            go_to(view, workspace, finding->entity.collection, finding->entity.id);
        ImGui::SetCursorPos(start);
        ImGui::PushFont(fonts.small);
        badge(to_string(finding->severity), severity_colour(finding->severity), false);
        ImGui::SameLine(0, 6);
        muted_text(finding->rule.c_str());
        ImGui::PopFont();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
        ImGui::TextUnformatted(finding->message.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::PopID();
    }
}

}  // namespace okr::ui
