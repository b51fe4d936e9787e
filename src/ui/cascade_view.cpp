#include "ui/cascade_view.hpp"

#include <imgui.h>

#include "core/progress.hpp"
#include "ui/format.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

std::vector<const Team*> children_of(const Workspace& workspace, const std::optional<Id>& parent)
{
    std::vector<const Team*> children;
    for (const Team& team : workspace.teams) {
        const bool parent_known = team.parent && find_by_id(workspace.teams, *team.parent);
        if (parent ? (team.parent == parent) : !parent_known)
            children.push_back(&team);
    }
    return children;
}

std::vector<const Objective*> objectives_of(const Workspace& workspace, const Id& team, const Id& cycle)
{
    std::vector<const Objective*> found;
    for (const Objective& objective : workspace.objectives)
        if (objective.team == team && objective.cycle == cycle)
            found.push_back(&objective);
    return found;
}

int objective_count(const Workspace& workspace, const Id& cycle)
{
    int count = 0;
    for (const Objective& objective : workspace.objectives)
        count += objective.cycle == cycle ? 1 : 0;
    return count;
}

std::string alignment_text(const Workspace& workspace, const Objective& objective)
{
    if (!objective.parent)
        return {};
    const Objective* parent = find_by_id(workspace.objectives, *objective.parent);
    if (!parent)
        return "Aligns to " + *objective.parent + " (not in this workspace)";
    const Team* team = find_by_id(workspace.teams, parent->team);
    return "Aligns to " + (team ? team->name + ": " : std::string()) + parent->title;
}

}  // namespace

void CascadeView::draw(const Workspace& workspace, ViewState& view, const Fonts& fonts)
{
    if (objective_count(workspace, view.cycle) == 0) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
        ImGui::TextWrapped("This cycle has no objectives yet.");
        ImGui::PopStyleColor();
        return;
    }

    // Teams are walked from the roots down, so the company's objectives come first and
    // each team sits below the team it belongs to.
    std::vector<std::pair<const Team*, int>> stack;
    const auto roots = children_of(workspace, std::nullopt);
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        stack.emplace_back(*it, 0);
    std::vector<Id> visited;
    while (!stack.empty()) {
        const auto [team, depth] = stack.back();
        stack.pop_back();
        if (std::find(visited.begin(), visited.end(), team->id) != visited.end())
            continue;
        visited.push_back(team->id);
        draw_team(workspace, *team, depth, view, fonts);
        const auto children = children_of(workspace, team->id);
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.emplace_back(*it, depth + 1);
    }
}

void CascadeView::draw_team(const Workspace& workspace, const Team& team, int depth, ViewState& view,
                            const Fonts& fonts)
{
    const auto objectives = objectives_of(workspace, team.id, view.cycle);
    if (objectives.empty())
        return;

    ImGui::PushID(team.id.c_str());
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(team.name.c_str());
    ImGui::PopFont();
    if (depth > 0) {
        ImGui::SameLine();
        const Team* parent = team.parent ? find_by_id(workspace.teams, *team.parent) : nullptr;
        muted_text(parent ? ("in " + parent->name).c_str() : "");
    }

    for (const Objective* objective : objectives)
        draw_objective(workspace, *objective, view, fonts);
    ImGui::PopID();
}

void CascadeView::draw_objective(const Workspace& workspace, const Objective& objective, ViewState& view,
                                 const Fonts& fonts)
{
    ImGui::PushID(objective.id.c_str());
    const std::optional<double> progress = objective_progress(workspace, objective);

    begin_card(objective.id.c_str());
    ImGui::PushFont(fonts.heading);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - 150);
    ImGui::TextUnformatted(objective.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - 130);
    progress_bar(progress, 130);

    const std::string alignment = alignment_text(workspace, objective);
    const bool committed = commitment_of(objective) == Commitment::committed;
    std::string meta = committed ? "Committed" : "Aspirational";
    if (!alignment.empty())
        meta += "  ·  " + alignment;
    ImGui::PushFont(fonts.small);
    muted_text(meta.c_str());
    ImGui::PopFont();

    draw_key_results(workspace, objective, view);
    end_card();
    ImGui::PopID();
}

void CascadeView::draw_key_results(const Workspace& workspace, const Objective& objective, ViewState& view)
{
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("key-results", 5, flags))
        return;
    ImGui::TableSetupColumn("Key result", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Progress", ImGuiTableColumnFlags_WidthFixed, 130);
    ImGui::TableSetupColumn("Latest", ImGuiTableColumnFlags_WidthFixed, 96);
    ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, 96);
    ImGui::TableSetupColumn("Confidence", ImGuiTableColumnFlags_WidthFixed, 86);
    ImGui::TableHeadersRow();

    for (const KeyResult& kr : workspace.key_results) {
        if (kr.objective != objective.id)
            continue;
        const KrProgress progress = key_result_progress(workspace, kr);

        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string label = kr.title + "###kr-" + kr.id;
        if (ImGui::Selectable(label.c_str(), view.key_result == kr.id, ImGuiSelectableFlags_SpanAllColumns))
            view.key_result = kr.id;

        ImGui::TableNextColumn();
        if (progress.invalid_reason)
            invalid_badge(*progress.invalid_reason);
        else
            progress_bar(progress.progress, -1, progress.raw);

        ImGui::TableNextColumn();
        ImGui::TextUnformatted(progress.latest ? format_value(progress.latest->value, kr.unit).c_str() : "–");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kr.target ? format_value(*kr.target, kr.unit).c_str() : "–");
        ImGui::TableNextColumn();
        if (progress.latest)
            confidence_text(progress.latest->confidence);
        else
            muted_text("–");
    }
    ImGui::EndTable();
}

}  // namespace okr::ui
