#include "ui/retrospective_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <misc/cpp/imgui_stdlib.h>

#include "core/team_tree.hpp"
#include "core/cycle_workflow.hpp"
#include "core/scoring.hpp"
#include "ui/typed_text.hpp"
#include "ui/cycle_support.hpp"
#include "ui/format.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

using cycles::count_text;

constexpr float team_list_width = 230.0f;
constexpr float team_indent = 14.0f;
constexpr size_t max_id_length = 64;

const Retrospective* retrospective_of(const Workspace& workspace, const Id& cycle, const Id& team)
{
    for (const Retrospective& retrospective : workspace.retrospectives)
        if (retrospective.cycle == cycle && retrospective.team == team)
            return &retrospective;
    return nullptr;
}

std::string basis_of(const Retrospective* retrospective)
{
    return retrospective ? retrospective->id + "@" + retrospective->updated_at.text : std::string();
}

void field_label(const char* text, const Fonts& fonts)
{
    ImGui::Spacing();
    ImGui::PushFont(fonts.small);
    muted_text(text);
    ImGui::PopFont();
}

}  // namespace

void RetrospectivePanel::draw(Session& session, Platform& platform, ViewState& view, const Cycle& cycle,
                              const Fonts& fonts, bool& plan_requested)
{
    const Workspace& workspace = session.workspace();
    if (cycle.state != CycleState::closed) {
        begin_card("retro-not-closed");
        ImGui::TextUnformatted("Retrospectives come after the cycle closes.");
        widget_probe_note_last_item("###retro-not-closed");
        muted_text(("Close " + cycle.name + " first: its scores are frozen then, and each team looks back on "
                    "them.")
                       .c_str());
        end_card();
        return;
    }
    const Team* team = chosen_team(workspace, cycle.id);
    if (!team) {
        muted_text("This workspace has no teams yet, so there is no one to write a retrospective.");
        return;
    }

    ImGui::BeginChild("retro-teams", ImVec2(team_list_width, 0), true);
    draw_team_list(workspace, cycle, fonts);
    ImGui::EndChild();
    ImGui::SameLine(0, 12);
    ImGui::BeginChild("retro-form", ImVec2(0, 0), false);
    draw_form(session, platform, cycle, *team, fonts);
    // The form may have saved: look the team's form up again in the workspace as it is now.
    const Team* shown = find_by_id(session.workspace().teams, team_);
    if (shown) {
        Form& form = form_for(session.workspace(), cycle, *shown);
        draw_carry_forward(session, platform, cycle, *shown, form, fonts, plan_requested);
    }
    draw_carried(session, view, fonts);
    ImGui::EndChild();
}

// The team chosen before, else the first one with objectives in the cycle.
const Team* RetrospectivePanel::chosen_team(const Workspace& workspace, const Id& cycle)
{
    const Team* first_with_objectives = nullptr;
    for (const auto& [team, depth] : teams_top_down(workspace, SiblingOrder::as_stored)) {
        if (team->id == team_)
            return team;
        if (!first_with_objectives && !cycles::objectives_of(workspace, team->id, cycle).empty())
            first_with_objectives = team;
    }
    const Team* chosen = first_with_objectives ? first_with_objectives
                                               : (workspace.teams.empty() ? nullptr : &workspace.teams.front());
    team_ = chosen ? chosen->id : Id();
    return chosen;
}

void RetrospectivePanel::draw_team_list(const Workspace& workspace, const Cycle& cycle, const Fonts& fonts)
{
    ImGui::PushFont(fonts.small);
    muted_text("TEAMS");
    ImGui::PopFont();
    const float right = ImGui::GetContentRegionMax().x;
    for (const auto& [team, depth] : teams_top_down(workspace, SiblingOrder::as_stored)) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + team_indent * static_cast<float>(depth));
        if (ImGui::Selectable((team->name + "###retro-team-" + team->id).c_str(), team->id == team_)) {
            team_ = team->id;
            carry_error_.clear();
        }
        const bool written = retrospective_of(workspace, cycle.id, team->id) != nullptr;
        const bool has_objectives = !cycles::objectives_of(workspace, team->id, cycle.id).empty();
        const char* mark = written ? "written" : has_objectives ? "to write" : "no OKRs";
        ImGui::PushFont(fonts.small);
        ImGui::SameLine();
        ImGui::SetCursorPosX(right - ImGui::CalcTextSize(mark).x - 16);
        badge(mark, written ? colour::green : has_objectives ? colour::accent : colour::muted_text, false);
        widget_probe_note_last_item((std::string(mark) + "###retro-mark-" + team->id).c_str());
        ImGui::PopFont();
    }
}

void RetrospectivePanel::draw_form(Session& session, Platform& platform, const Cycle& cycle, const Team& team,
                                   const Fonts& fonts)
{
    const Workspace& workspace = session.workspace();
    Form& form = form_for(workspace, cycle, team);
    begin_card("retro-card");
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(team.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 10);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 6);
    muted_text(("looks back on " + cycle.name).c_str());

    field_label("WHAT WE LEARNED", fonts);
    form.edited = ImGui::InputTextMultiline("###retro-learned", &form.draft.learned, ImVec2(-14, 70)) || form.edited;
    cycles::field_problems(form.problems, "learned", "retro-problem-");
    field_label("WHAT CHANGES NEXT CYCLE", fonts);
    form.edited =
        ImGui::InputTextMultiline("###retro-change", &form.draft.change_next, ImVec2(-14, 70)) || form.edited;
    cycles::field_problems(form.problems, "change_next", "retro-problem-");
    field_label("CARRY FORWARD", fonts);
    draw_carry_choices(workspace, cycle, team, form);
    cycles::field_problems(form.problems, "carry_forward", "retro-problem-");
    cycles::field_problems(form.problems, "team", "retro-problem-");
    cycles::field_problems(form.problems, "cycle", "retro-problem-");

    ImGui::Spacing();
    const bool save_pressed = primary_button("Save retrospective###retro-save");
    ImGui::SameLine(0, 12);
    if (!form.message.empty())
        cycles::error_line(form.message, "retro-message");
    else
        muted_text(form.edited ? "Unsaved changes" : form.basis.empty() ? "Not written yet" : "Saved");
    end_card();
    if (save_pressed)
        save(session, platform, cycle, team, form);
}

void RetrospectivePanel::draw_carry_choices(const Workspace& workspace, const Cycle& cycle, const Team& team,
                                            Form& form)
{
    const auto objectives = cycles::objectives_of(workspace, team.id, cycle.id);
    if (objectives.empty()) {
        muted_text((team.name + " had no objectives in " + cycle.name + ": nothing to carry forward.").c_str());
        return;
    }
    muted_text("Tick the objectives that continue next cycle.");
    std::vector<Id>& chosen = form.draft.carry_forward;
    for (const Objective* objective : objectives) {
        const auto at = std::find(chosen.begin(), chosen.end(), objective->id);
        bool ticked = at != chosen.end();
        if (ImGui::Checkbox((objective->title + "###retro-carry-" + objective->id).c_str(), &ticked)) {
            form.edited = true;
            if (ticked)
                chosen.push_back(objective->id);
            else
                chosen.erase(at);
        }
        if (const auto score = objective_final_score(workspace, *objective)) {
            ImGui::SameLine(0, 8);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y - 1);
            badge(format_number(round_to_tenth(*score)).c_str(), grade_colour(*score), false);
        }
    }
}

void RetrospectivePanel::draw_carry_forward(Session& session, Platform& platform, const Cycle& cycle,
                                            const Team& team, const Form& form, const Fonts& fonts,
                                            bool& plan_requested)
{
    const Workspace& workspace = session.workspace();
    const Retrospective* saved = retrospective_of(workspace, cycle.id, team.id);
    const std::vector<Id> chosen = saved ? saved->carry_forward.value_or(std::vector<Id>{}) : std::vector<Id>{};
    begin_card("carry-card");
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Carry forward");
    ImGui::PopFont();
    if (form.edited) {
        muted_text("Save the retrospective first: carrying forward copies the objectives it records.");
    } else if (chosen.empty()) {
        muted_text("Tick the objectives that continue and save: they can then be copied into next cycle's draft.");
    } else if (const Cycle* target = carry_target(workspace, cycle); !target) {
        muted_text("There is no draft cycle to carry into yet.");
        if (primary_button("Plan next quarter###carry-plan"))
            plan_requested = true;
    } else {
        ImGui::SetNextItemWidth(200);
        const bool picking = ImGui::BeginCombo("###carry-target", (target->name + " (draft)").c_str());
        widget_probe_note_last_item("###carry-target");
        if (picking) {
            for (const Cycle& other : workspace.cycles)
                if (other.state == CycleState::draft &&
                    ImGui::Selectable((other.name + "###carry-target-" + other.id).c_str(), other.id == target->id))
                    carry_target_ = other.id;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        const std::string label =
            "Carry " + count_text(chosen.size(), "objective", "objectives") + " into " + target->name + "###carry-go";
        if (primary_button(label.c_str())) {
            carry_target_ = target->id;
            carry(session, platform, chosen);
        }
        muted_text("Copies become drafts there: key results start from their latest value, with a link back.");
    }
    if (!carry_error_.empty())
        cycles::error_line(carry_error_, "carry-error");
    end_card();
}

void RetrospectivePanel::draw_carried(const Session& session, ViewState& view, const Fonts& fonts)
{
    if (carried_ && carried_->revision != session.revision())
        carried_.reset();
    if (!carried_)
        return;
    begin_card("carried-card");
    ImGui::PushFont(fonts.heading);
    const std::string created = count_text(carried_->titles.size(), "draft objective", "draft objectives");
    const std::string heading = "Created " + created + " in " + carried_->cycle_name;
    ImGui::TextUnformatted(heading.c_str());
    ImGui::PopFont();
    widget_probe_note_last_item((heading + "###carried-summary").c_str());
    for (const std::string& title : carried_->titles)
        ImGui::BulletText("%s", title.c_str());
    ImGui::Spacing();
    if (ImGui::Button(("Open " + carried_->cycle_name + " in the cascade###carried-open").c_str())) {
        view.cycle = carried_->cycle;
        view.screen = Screen::cascade;
    }
    end_card();
    if (carried_->scroll_to) {
        ImGui::SetScrollHereY(1.0f);
        carried_->scroll_to = false;
    }
}

RetrospectivePanel::Form& RetrospectivePanel::form_for(const Workspace& workspace, const Cycle& cycle,
                                                       const Team& team)
{
    const Retrospective* stored = retrospective_of(workspace, cycle.id, team.id);
    const std::string basis = basis_of(stored);
    const auto [found, added] = forms_.try_emplace({cycle.id, team.id});
    Form& form = found->second;
    // The person's text wins over data that changed under it (undo, a merge).
    if (!added && (form.basis == basis || form.edited))
        return form;
    form = Form{};
    form.basis = basis;
    form.draft = stored ? draft_from(*stored) : RetrospectiveDraft{cycle.id, team.id, "", "", {}};
    return form;
}

void RetrospectivePanel::save(Session& session, Platform& platform, const Cycle& cycle, const Team& team, Form& form)
{
    const Workspace& workspace = session.workspace();
    const Retrospective* stored = retrospective_of(workspace, cycle.id, team.id);
    RetrospectiveDraft draft = form.draft;
    draft.learned = trimmed(draft.learned);
    draft.change_next = trimmed(draft.change_next);

    // A readable id where it fits and is free, else a unique one.
    Id new_id = "r-" + cycle.id + "-" + team.id;
    if (new_id.size() > max_id_length || id_in_use(workspace, new_id))
        new_id = "r-" + platform.unique_suffix();
    EditResult result = save_retrospective(workspace, draft, stored ? std::optional(stored->id) : std::nullopt,
                                           new_id, platform.now());
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        form.problems = refused->problems;
        form.message = "Not saved. " + cycles::as_sentence(refused->message);
        return;
    }
    form.problems.clear();
    form.message.clear();
    form.edited = false;
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
}

void RetrospectivePanel::carry(Session& session, Platform& platform, const std::vector<Id>& objectives)
{
    const Workspace& workspace = session.workspace();
    const Cycle* target = find_by_id(workspace.cycles, carry_target_);
    EditResult result = carry_forward(workspace, objectives, carry_target_, platform.now());
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        carry_error_ = "Nothing was carried. " + cycles::as_sentence(refused->message);
        return;
    }
    ChangeSet change_set = std::get<ChangeSet>(std::move(result));
    Carried carried{carry_target_, target ? target->name : carry_target_, {}};
    for (const Change& change : change_set.changes)
        if (change.after)
            if (const auto* objective = std::get_if<Objective>(&*change.after))
                carried.titles.push_back(objective->title);
    carry_error_.clear();
    session.apply(std::move(change_set), platform.now());
    carried.revision = session.revision();
    carried_ = std::move(carried);
}

// The draft cycle chosen before, else the first draft starting after `from`, else any draft.
const Cycle* RetrospectivePanel::carry_target(const Workspace& workspace, const Cycle& from)
{
    const Cycle* chosen = find_by_id(workspace.cycles, carry_target_);
    if (chosen && chosen->state == CycleState::draft)
        return chosen;
    const Cycle* best = nullptr;
    for (const Cycle& cycle : workspace.cycles) {
        if (cycle.state != CycleState::draft)
            continue;
        const bool after = cycle.start > from.start;
        const bool best_after = best && best->start > from.start;
        if (!best || (after && !best_after) || (after == best_after && cycle.start < best->start))
            best = &cycle;
    }
    return best;
}

}  // namespace okr::ui
