#include "ui/finder.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr float results_max_height = 320.0f;

const char* status_label(const std::optional<ConfidenceStatus>& status)
{
    if (!status)
        return "Any status";
    switch (*status) {
    case ConfidenceStatus::on_track: return "On track";
    case ConfidenceStatus::at_risk: return "At risk";
    case ConfidenceStatus::off_track: return "Off track";
    }
    return "";
}

// A combo of "Any …" and the entities of one collection, by name.
template <typename Entity>
void entity_combo(const char* id, const char* any, const std::vector<Entity>& entities, Id& chosen, float width)
{
    const Entity* current = chosen.empty() ? nullptr : find_by_id(entities, chosen);
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, current ? current->name.c_str() : any);
    widget_probe_note_last_item(id);
    if (!open)
        return;
    if (ImGui::Selectable((std::string(any) + id + "-any").c_str(), chosen.empty()))
        chosen.clear();
    for (const Entity& entity : entities)
        if (ImGui::Selectable((entity.name + id + "-" + entity.id).c_str(), chosen == entity.id))
            chosen = entity.id;
    ImGui::EndCombo();
}

}  // namespace

void Finder::draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts)
{
    refresh_filter(workspace, insights, view);
    refresh_hits(workspace, insights);

    draw_search_box();
    ImGui::SameLine(0, 16);
    draw_filters(workspace, view);
    // The filters may have changed this frame: the cascade below sees them at once.
    refresh_filter(workspace, insights, view);
    refresh_hits(workspace, insights);
    draw_filter_summary(workspace, view);
    if (query_.find_first_not_of(" \t") != std::string::npos)
        draw_results(workspace, view, fonts);
    ImGui::Spacing();
}

void Finder::draw_search_box()
{
    ImGui::SetNextItemWidth(std::clamp(ImGui::CalcItemWidth() * 0.3f, 180.0f, 280.0f));
    ImGui::InputTextWithHint("###find-query", "Search titles and notes", &query_);
    if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        query_.clear();
}

void Finder::draw_filters(const Workspace& workspace, ViewState& view)
{
    ObjectiveFilter& criteria = view.filter.criteria;
    entity_combo("###filter-team", "Any team", workspace.teams, criteria.team, 130);
    ImGui::SameLine();
    entity_combo("###filter-owner", "Any owner", workspace.people, criteria.owner, 130);
    ImGui::SameLine();

    ImGui::SetNextItemWidth(110);
    const bool open = ImGui::BeginCombo("###filter-status", status_label(criteria.status));
    widget_probe_note_last_item("###filter-status");
    if (open) {
        if (ImGui::Selectable("Any status###filter-status-any", !criteria.status))
            criteria.status.reset();
        for (ConfidenceStatus status :
             {ConfidenceStatus::on_track, ConfidenceStatus::at_risk, ConfidenceStatus::off_track}) {
            const std::string label = std::string(status_label(status)) + "###filter-status-" + to_string(status);
            if (ImGui::Selectable(label.c_str(), criteria.status == status))
                criteria.status = status;
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Objectives with a key result of this status, from its latest check-in's confidence");
    ImGui::SameLine();
    ImGui::Checkbox("At risk only###filter-at-risk", &criteria.at_risk_only);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Objectives with a key result at risk or off track");
}

void Finder::draw_filter_summary(const Workspace& workspace, ViewState& view)
{
    if (!view.filter.active)
        return;
    const Cycle* cycle = find_by_id(workspace.cycles, view.cycle);
    const std::string cycle_name = cycle ? cycle->name : std::string("this cycle");
    const size_t shown = view.filter.objectives.size();
    ImGui::AlignTextToFramePadding();
    if (shown == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::text);
        const std::string nothing = "No objective of " + cycle_name + " matches these filters.";
        ImGui::TextUnformatted(nothing.c_str());
        ImGui::PopStyleColor();
        widget_probe_note_last_item((nothing + "###filter-nothing").c_str());
        ImGui::SameLine();
        muted_text("Clear them to see the whole cascade, or pick another cycle.");
    } else {
        muted_text(("Showing " + std::to_string(shown) + " of " + std::to_string(cycle_objectives_) +
                    " objectives of " + cycle_name)
                       .c_str());
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear filters###filter-clear"))
        view.filter.criteria = ObjectiveFilter{};
}

void Finder::draw_results(const Workspace& workspace, ViewState& view, const Fonts& fonts)
{
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float wanted = hits_.empty() ? 3.2f * line : 16 + static_cast<float>(hits_.size()) * 2.6f * line;
    ImGui::BeginChild("find-results", ImVec2(ImGui::CalcItemWidth(), std::min(results_max_height, wanted)), true);
    if (hits_.empty()) {
        const std::string nothing = "Nothing matches \"" + query_ + "\".";
        ImGui::TextUnformatted(nothing.c_str());
        widget_probe_note_last_item((nothing + "###find-nothing").c_str());
        muted_text("Search looks in titles, descriptions, check-in notes, tasks and KPI names. Press Esc to clear.");
    }
    const SearchHit* opened = nullptr;
    for (const SearchHit& hit : hits_) {
        ImGui::PushID(hit.id.c_str());
        const ImVec2 start = ImGui::GetCursorPos();
        const std::string id = "###find-hit-" + hit.id;
        if (ImGui::Selectable(id.c_str(), false, 0, ImVec2(0, 2.3f * line)))
            opened = &hit;
        widget_probe_note_last_item((std::string(to_string(hit.kind)) + ": " + hit.title + id).c_str());
        ImGui::SetCursorPos(ImVec2(start.x + 4, start.y + 2));
        ImGui::PushFont(fonts.small);
        badge(to_string(hit.kind), colour::accent, false);
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextUnformatted(hit.title.c_str());
        ImGui::SetCursorPosX(start.x + 4);
        ImGui::PushFont(fonts.small);
        const std::string detail = hit.excerpt.empty() ? hit.context : hit.context + "  ·  “" + hit.excerpt + "”";
        muted_text(detail.c_str());
        ImGui::PopFont();
        ImGui::SetCursorPos(ImVec2(start.x, start.y + 2.3f * line + 4));
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (opened)
        open_hit(workspace, view, *opened);
}

// A hit hidden by the filters would open nowhere: the filters give way to it.
void Finder::open_hit(const Workspace& workspace, ViewState& view, const SearchHit& hit)
{
    const KeyResult* kr = hit.open_collection == "key_results" ? find_by_id(workspace.key_results, hit.open_id) : nullptr;
    const Id objective = kr ? kr->objective : hit.open_collection == "objectives" ? hit.open_id : Id();
    const Objective* found = find_by_id(workspace.objectives, objective);
    if (found && !objective_passes(workspace, *found, view.filter.criteria))
        view.filter.criteria = ObjectiveFilter{};
    go_to(view, workspace, hit.open_collection, hit.open_id);
    query_.clear();
}

void Finder::refresh_filter(const Workspace& workspace, const Insights& insights, ViewState& view)
{
    const Basis basis{&workspace, insights.generation(), view.cycle, view.filter.criteria, {}};
    if (filter_worked_out_ && basis == filter_basis_ && view.filter.active == view.filter.criteria.narrows())
        return;
    filter_basis_ = basis;
    filter_worked_out_ = true;

    CascadeFilter& filter = view.filter;
    filter.active = filter.criteria.narrows();
    filter.objectives.clear();
    filter.teams.clear();
    cycle_objectives_ = static_cast<int>(std::count_if(workspace.objectives.begin(), workspace.objectives.end(),
                                                       [&](const Objective& o) { return o.cycle == view.cycle; }));
    if (!filter.active)
        return;
    for (const Id& id : objectives_passing(workspace, view.cycle, filter.criteria)) {
        filter.objectives.insert(id);
        filter.teams.insert(find_by_id(workspace.objectives, id)->team);
    }
}

void Finder::refresh_hits(const Workspace& workspace, const Insights& insights)
{
    const Basis basis{&workspace, insights.generation(), {}, {}, query_};
    if (hits_worked_out_ && basis == hits_basis_)
        return;
    hits_basis_ = basis;
    hits_worked_out_ = true;
    hits_ = search_workspace(workspace, query_);
}

}  // namespace okr::ui
