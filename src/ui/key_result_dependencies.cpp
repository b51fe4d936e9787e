#include "ui/key_result_dependencies.hpp"

#include <imgui.h>

#include <misc/cpp/imgui_stdlib.h>

#include "core/entity_edits.hpp"
#include "core/progress.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

std::string team_name(const Workspace& workspace, const Id& team)
{
    const Team* found = find_by_id(workspace.teams, team);
    return found ? found->name : team;
}

// "KR: Lift retention (Sales)" or "Objective: Grow (Sales)"; the id for one not held here.
std::string describe(const Workspace& workspace, const Id& id)
{
    if (const KeyResult* kr = find_by_id(workspace.key_results, id)) {
        const Objective* objective = objective_of(workspace, *kr);
        return "KR: " + kr->title + (objective ? " (" + team_name(workspace, objective->team) + ")" : "");
    }
    if (const Objective* objective = find_by_id(workspace.objectives, id))
        return "Objective: " + objective->title + " (" + team_name(workspace, objective->team) + ")";
    return id + " (not in this workspace)";
}

bool touches(const Id& end, const KeyResult& kr) { return end == kr.id || end == kr.objective; }

}  // namespace

void DependencyList::draw(Session& session, Platform& platform, const KeyResult& kr, const Fonts& fonts)
{
    if (key_result_ != kr.id) {
        key_result_ = kr.id;
        target_.clear();
        note_.clear();
        error_.clear();
        from_objective_ = false;
    }
    const Cycle* cycle = cycle_of(session.workspace(), kr);
    const bool editable = !cycle || cycle->state != CycleState::closed;

    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Needs");
    ImGui::PopFont();
    draw_list(session, platform, kr, true, editable, fonts);
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Needed by");
    ImGui::PopFont();
    draw_list(session, platform, kr, false, editable, fonts);

    if (!editable) {
        ImGui::Spacing();
        muted_text(("The cycle " + cycle->name + " is closed: its dependencies are kept as they were.").c_str());
        return;
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    draw_new_dependency(session, platform, kr);
}

// `needs`: the dependencies this KR or its objective has on others; else those on it.
void DependencyList::draw_list(Session& session, Platform& platform, const KeyResult& kr, bool needs,
                               bool editable, const Fonts& fonts)
{
    const Workspace& workspace = session.workspace();
    const Dependency* removing = nullptr;
    int shown = 0;
    for (const Dependency& dependency : workspace.dependencies) {
        const Id& near_end = needs ? dependency.from : dependency.to;
        const Id& far_end = needs ? dependency.to : dependency.from;
        if (!touches(near_end, kr))
            continue;
        ++shown;
        ImGui::PushID(dependency.id.c_str());
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - 70);
        ImGui::TextWrapped("%s%s", near_end == kr.objective ? "Its objective · " : "", describe(workspace, far_end).c_str());
        if (dependency.note && !dependency.note->empty()) {
            ImGui::PushFont(fonts.small);
            ImGui::PushStyleColor(ImGuiCol_Text, colour::muted_text);
            ImGui::TextWrapped("%s", dependency.note->c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
        }
        ImGui::PopTextWrapPos();
        if (editable) {
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - 60);
            if (ImGui::SmallButton(("Remove###dep-remove-" + dependency.id).c_str()))
                removing = &dependency;
        }
        ImGui::PopID();
    }
    if (shown == 0)
        muted_text(needs ? "Nothing: it depends on no other objective or key result."
                         : "Nothing depends on it.");
    // Removed after the loop that drew the list.
    if (removing) {
        const DeletionPlan plan = plan_deletion(workspace, EntityKind::dependency, removing->id);
        EditResult result = delete_entity(workspace, plan, platform.now());
        if (auto* refused = std::get_if<EditRefused>(&result))
            error_ = refused->message;
        else
            session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
    }
}

void DependencyList::draw_new_dependency(Session& session, Platform& platform, const KeyResult& kr)
{
    ImGui::TextUnformatted("Add a dependency");
    if (ImGui::RadioButton("This key result needs###dep-from-kr", !from_objective_))
        from_objective_ = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("Its objective needs###dep-from-objective", from_objective_))
        from_objective_ = true;
    draw_target_picker(session.workspace(), kr);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("###dep-note", "Why (optional)", &note_);
    if (primary_button("Add dependency###dep-add"))
        add(session, platform, kr);
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextWrapped("%s", error_.c_str());
        ImGui::PopStyleColor();
    }
}

// The objectives of the KR's cycle, each followed by its key results, team by team.
void DependencyList::draw_target_picker(const Workspace& workspace, const KeyResult& kr)
{
    const Objective* own = objective_of(workspace, kr);
    ImGui::SetNextItemWidth(-1);
    const std::string shown = target_.empty() ? std::string("Choose what it needs…") : describe(workspace, target_);
    const bool open = ImGui::BeginCombo("###dep-target", shown.c_str(), ImGuiComboFlags_HeightLarge);
    widget_probe_note_last_item("###dep-target");
    if (!open)
        return;
    for (const Objective& objective : workspace.objectives) {
        if (!own || objective.cycle != own->cycle)
            continue;
        if (objective.id != kr.objective &&
            ImGui::Selectable((describe(workspace, objective.id) + "###dep-option-" + objective.id).c_str(),
                              target_ == objective.id))
            target_ = objective.id;
        for (const KeyResult* other : key_results_of(workspace, objective.id)) {
            if (other->id == kr.id)
                continue;
            ImGui::Indent(16);
            if (ImGui::Selectable(("KR: " + other->title + "###dep-option-" + other->id).c_str(),
                                  target_ == other->id))
                target_ = other->id;
            ImGui::Unindent(16);
        }
    }
    ImGui::EndCombo();
}

void DependencyList::add(Session& session, Platform& platform, const KeyResult& kr)
{
    const Workspace& workspace = session.workspace();
    if (target_.empty()) {
        error_ = "Choose the objective or key result it needs.";
        return;
    }
    DependencyDraft draft;
    draft.from = from_objective_ ? kr.objective : kr.id;
    draft.to = target_;
    draft.note = note_;
    for (const Dependency& existing : workspace.dependencies)
        if (existing.from == draft.from && existing.to == draft.to) {
            error_ = "This dependency is already listed.";
            return;
        }
    EditResult result = save_dependency(workspace, draft, std::nullopt, "dep-" + platform.unique_suffix(),
                                        platform.now());
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        error_ = refused->message;
        for (const FieldProblem& problem : refused->problems)
            error_ += "\n" + problem.field + ": " + problem.message;
        return;
    }
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
    target_.clear();
    note_.clear();
    error_.clear();
}

}  // namespace okr::ui
